// teamCoaching on a manager's Home: direct reports with trends and what to fix first, the team against
// the other teams; at the Home main column (920 px), the sidebar (400 px) and a phone (390 px).
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const VIEW = '@salesforce/apex/TeamViewController.getTeamView';
const view: Fixture = { data: jestData('teamCoaching', 'getTeamView.json') };
const NOW = '2026-03-02T08:30:00.000Z';

const dataShows = [
  label('teamCoaching_Title'),
  label('teamCoaching_Coaching'),
  text('Marie-Hélène Dupont-Lefebvre'),
  text('Jean-Baptiste Moreau'),
  text('3 opportunities need Next Step'),
  label('teamCoaching_NothingToFix'),
  label('teamCoaching_VsOthers'),
  text('Ventes Auvergne-Rhône-Alpes')
];

export const scenarios: Scenario[] = [
  {
    name: 'teamCoaching-data-920',
    component: 'teamCoaching',
    description: 'three direct reports with trends, 23 other teams, Home main column',
    now: NOW,
    width: 920,
    fixtures: { [VIEW]: view },
    shows: dataShows,
    hides: [label('teamCoaching_Empty'), label('teamCoaching_NoOtherTeams')]
  },
  {
    name: 'teamCoaching-data-400-fr',
    component: 'teamCoaching',
    language: 'fr',
    description: 'the same team in French, in the Home sidebar',
    now: NOW,
    width: 400,
    fixtures: { [VIEW]: view },
    shows: dataShows
  },
  {
    name: 'teamCoaching-data-390',
    component: 'teamCoaching',
    description: 'the same team on a phone',
    now: NOW,
    width: 390,
    fixtures: { [VIEW]: view },
    shows: dataShows
  },
  {
    name: 'teamCoaching-empty-fr',
    component: 'teamCoaching',
    language: 'fr',
    description: 'nobody reports to the manager yet, in French',
    width: 400,
    fixtures: { [VIEW]: { data: { members: [], teamName: null } } },
    shows: [label('teamCoaching_Title'), label('teamCoaching_Empty')],
    hides: [label('teamCoaching_VsOthers')]
  },
  {
    name: 'teamCoaching-error',
    component: 'teamCoaching',
    description: 'the view cannot be loaded',
    width: 920,
    fixtures: { [VIEW]: { error: { status: 500, body: { message: 'Too many SOQL queries: 101' } } } },
    shows: [label('teamCoaching_ErrorTitle'), text('Too many SOQL queries: 101')],
    actions: [{ role: 'button', name: label('common_Retry') }]
  }
];
