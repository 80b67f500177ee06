// The sync's HTML report as a sponsor opens it: on a 1440 px laptop and on a 390 px phone, at real volume
// (24 teams with long French names, two small teams folded, a "(no team)" team, a queue, the warnings of
// an export run), in English and in French, with and without the per-person tables. axe's
// scrollable-region-focusable and empty-table-header run at both widths; the self-test below reintroduces
// both faults and must be caught.
import { renderReport } from '../../../scripts/sync/report/render-report.ts';
import {
  previousResult,
  sampleResult,
  sponsorResult
} from '../../../scripts/sync/report/__tests__/sample-result.ts';
import { text, type Scenario } from '../scenario.ts';

const history = [previousResult(), sampleResult()];
/** The rules the UI review found broken at 390 px (tables scrolling without focus, heat map corner cell). */
const AXE_RULES = ['scrollable-region-focusable', 'empty-table-header'];

/** The English report with the two faults back: scroll regions without focus, an empty corner header. */
function faultyReport(): string {
  return renderReport(sponsorResult(), history, 'en', { timeZone: 'Europe/Paris' })
    .replace(/ tabindex="0" role="region" aria-label="[^"]*"/g, '')
    .replace(/<th scope="col"><span class="visually-hidden">Team<\/span><\/th>/g, '<th></th>');
}

export const scenarios: Scenario[] = [
  {
    name: 'syncReport-en',
    component: 'syncReport',
    description: 'sponsor report, 24 teams, teams only (default), warnings of an export run',
    html: renderReport(sponsorResult(), history, 'en', { timeZone: 'Europe/Paris' }),
    width: 1440,
    regions: ['phone'],
    axeRules: AXE_RULES,
    shows: [
      text('At a glance'),
      text('Teams with a key user'),
      text('Grands comptes Île-de-France et Hauts-de-France'),
      text('Other teams'),
      text('No team'),
      text('Next Step'),
      text('About these figures'),
      text('The export was taken on 20 Nov 2026'),
      text('Average completeness over time')
    ],
    hides: [
      text('Marie-Dominique Lefèvre-Castelnau'),
      text('NextStep'),
      text('Corse'),
      text('--as-of'),
      text('/home/operator')
    ]
  },
  {
    name: 'syncReport-fr',
    component: 'syncReport',
    description: 'sponsor report in French, teams only (default), warnings of an export run',
    language: 'fr',
    html: renderReport(sponsorResult(), history, 'fr', { timeZone: 'Europe/Paris' }),
    width: 1440,
    regions: ['phone'],
    axeRules: AXE_RULES,
    shows: [
      text('En bref'),
      text('Autres équipes'),
      text('Sans équipe'),
      text('Files d’attente'),
      text('À propos de ces chiffres'),
      text('L’export date du 20 nov. 2026'),
      text('Opportunités · Étape suivante')
    ],
    hides: [text('(no team)'), text('Corse'), text('Pass --as-of'), text('Rollout_Wave__c')]
  },
  {
    name: 'syncReport-fr-people',
    component: 'syncReport',
    description: 'sponsor report in French, with the per-person tables (--people)',
    language: 'fr',
    html: renderReport(sampleResult(), history, 'fr', { people: true, timeZone: 'Europe/Paris' }),
    width: 1440,
    regions: ['phone'],
    axeRules: AXE_RULES,
    shows: [
      text('En bref'),
      text('Équipes avec un utilisateur clé'),
      text('Étape suivante'),
      text('Activité par personne'),
      text('Marie-Dominique Lefèvre-Castelnau')
    ]
  },
  {
    name: 'syncReport-axe-faults',
    component: 'syncReport',
    description: 'self-test: the report with unfocusable scroll regions and an empty heat-map header fails',
    html: faultyReport(),
    width: 1440,
    regions: ['phone'],
    axeRules: AXE_RULES,
    shows: [text('At a glance')],
    expectFailures: [
      'axe scrollable-region-focusable at phone \\(390px\\): .*<div class="scroll">',
      'axe empty-table-header at 1440px: .*<th>',
      'axe empty-table-header at phone \\(390px\\): .*<th>'
    ]
  }
];
