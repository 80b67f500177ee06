// benefitsPanel on the rep's home page (a narrow column): minutes saved, trend, and the benefits.
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const data = (file: string): Fixture => ({ data: jestData('benefitsPanel', file) });
const GRAPHQL = 'lightning/graphql.graphql';
const BENEFITS = '@salesforce/apex/BenefitsController.getBenefits';
const PERIOD = '@salesforce/apex/BenefitsController.getSnapshotPeriod';
// 07:00 in Los Angeles on Monday 23 November 2026, the day the jest fixtures are written for.
const NOW = '2026-11-23T15:00:00.000Z';
const withData = {
  [PERIOD]: { data: 'Week' },
  [GRAPHQL]: data('mySnapshots.json'),
  [BENEFITS]: data('benefits.json')
};

export const scenarios: Scenario[] = [
  {
    name: 'benefitsPanel-data',
    component: 'benefitsPanel',
    description: 'minutes saved this week and month, with benefits',
    now: NOW,
    regions: ['homeSidebar', 'phone'],
    fixtures: withData,
    shows: [
      label('benefitsPanel_Title'),
      label('benefitsPanel_ThisWeek'),
      label('benefitsPanel_ThisMonth'),
      text('No more Excel reporting to your manager'),
      text('One shared account history'),
      label('benefitsPanel_ReplacesReport'),
      // the week in the user's locale; one report replaced: the singular
      text('Week of November 16, 2026'),
      text('1 report you no longer build by hand'),
      // 150 minutes this week, written in hours
      text('2.5 h')
    ],
    hides: [
      label('benefitsPanel_ErrorTitle'),
      label('benefitsPanel_NoBenefits'),
      text('2026-11-16'),
      text('1 reports')
    ]
  },
  {
    name: 'benefitsPanel-empty',
    component: 'benefitsPanel',
    description: 'no snapshot yet and no benefit configured',
    now: NOW,
    regions: ['homeSidebar', 'phone'],
    fixtures: {
      [PERIOD]: { data: 'Week' },
      [GRAPHQL]: data('mySnapshotsEmpty.json'),
      [BENEFITS]: { data: [] }
    },
    shows: [label('benefitsPanel_NoSnapshotNoBenefits'), label('benefitsPanel_NoBenefits')]
  },
  {
    name: 'benefitsPanel-error',
    component: 'benefitsPanel',
    description: 'the benefits could not be loaded',
    now: NOW,
    regions: ['homeSidebar', 'phone'],
    fixtures: {
      ...withData,
      [BENEFITS]: { error: { status: 500, body: { message: 'Benefit rules are not readable' } } }
    },
    shows: [label('benefitsPanel_ErrorTitle'), text('Benefit rules are not readable')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  },
  {
    name: 'benefitsPanel-fr',
    component: 'benefitsPanel',
    language: 'fr',
    description: 'minutes saved and benefits, in French',
    now: NOW,
    regions: ['homeSidebar', 'phone'],
    fixtures: withData,
    shows: [
      label('benefitsPanel_Title'),
      label('benefitsPanel_ThisWeek'),
      text('Fini le reporting Excel pour votre manager'),
      // No French description in the rule: the English one is shown.
      text('One shared account history'),
      text('Semaine du 16 novembre 2026'),
      text('1 rapport que vous ne faites plus à la main'),
      text('2,5 h')
    ],
    hides: [text('2026-11-16'), text('150 min')]
  }
];
