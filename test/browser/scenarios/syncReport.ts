// The sync's HTML report as a sponsor opens it: on a laptop and on a 390 px phone, at real volume
// (24 teams with long French names), in English and in French, with and without the per-person tables.
import { renderReport } from '../../../scripts/sync/report/render-report.ts';
import { previousResult, sampleResult } from '../../../scripts/sync/report/__tests__/sample-result.ts';
import { text, type Scenario } from '../scenario.ts';

const history = [previousResult(), sampleResult()];

export const scenarios: Scenario[] = [
  {
    name: 'syncReport-en',
    component: 'syncReport',
    description: 'sponsor report, 24 teams, teams only (default)',
    html: renderReport(sampleResult(), history, 'en'),
    width: 1392,
    regions: ['phone'],
    shows: [
      text('At a glance'),
      text('Teams with a key user'),
      text('Grands comptes Île-de-France et Hauts-de-France'),
      text('Next Step'),
      text('Average completeness over time')
    ],
    hides: [text('Marie-Dominique Lefèvre-Castelnau'), text('NextStep')]
  },
  {
    name: 'syncReport-fr-people',
    component: 'syncReport',
    description: 'sponsor report in French, with the per-person tables (--people)',
    language: 'fr',
    html: renderReport(sampleResult(), history, 'fr', { people: true }),
    width: 1392,
    regions: ['phone'],
    shows: [
      text('En bref'),
      text('Équipes avec un utilisateur clé'),
      text('Étape suivante'),
      text('Activité par personne'),
      text('Marie-Dominique Lefèvre-Castelnau')
    ]
  }
];
