// benefitsPanel on the rep's Home page (sidebar 468 px or main column 920 px) and on a phone (390 px):
// minutes saved this week, this month and since go-live, the trend, "How is this calculated?", the
// benefits, and the admin's warning about rules without French. Each state in English and in French.
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const data = (file: string): Fixture => ({ data: jestData('benefitsPanel', file) });
const GRAPHQL = 'lightning/graphql.graphql';
const BENEFITS = '@salesforce/apex/BenefitsController.getBenefits';
const PERIOD = '@salesforce/apex/BenefitsController.getSnapshotPeriod';
const GO_LIVE = '@salesforce/apex/BenefitsController.getGoLiveDate';
const ADMIN = 'Adoption_Cockpit_Administer';
// 07:00 in Los Angeles on Monday 23 November 2026, the day the jest fixtures are written for.
const NOW = '2026-11-23T15:00:00.000Z';
const REGIONS: Scenario['regions'] = ['homeSidebar', 'homeMain', 'phone'];

// The shipped benefit rules (long French descriptions and labels; Typed_Once without French), and four
// weeks of snapshots: 206 min in the week of 16 November, 162, 148 and 110 before it (jest data).
const weeks = {
  [PERIOD]: { data: 'Week' },
  [GRAPHQL]: data('mySnapshotsWeeks.json'),
  [BENEFITS]: data('benefitsLong.json'),
  [GO_LIVE]: { data: '2026-10-26' }
};
// The same weeks with the last two swapped: 162 min after 206.
const drop = { ...weeks, [GRAPHQL]: data('mySnapshotsDrop.json') };

export const scenarios: Scenario[] = [
  {
    name: 'benefitsPanel-data',
    component: 'benefitsPanel',
    description: 'minutes saved this week, this month and since go-live, and how they are counted',
    now: NOW,
    regions: REGIONS,
    fixtures: weeks,
    shows: [
      label('benefitsPanel_Title'),
      label('benefitsPanel_ThisWeek'),
      label('benefitsPanel_ThisMonth'),
      label('benefitsPanel_SinceGoLive'),
      // 206 min, 516 min and 626 min: hours and minutes under 10 h
      text('3 h 26 min'),
      text('8 h 36 min'),
      text('10 h'),
      text('From October 26, 2026'),
      text('Week of November 16, 2026'),
      text('1 report you no longer build by hand'),
      text('No more Excel reporting to your manager'),
      label('benefitsPanel_ReplacesReport'),
      label('benefitsPanel_HowCalculated')
    ],
    hides: [
      label('benefitsPanel_ErrorTitle'),
      label('benefitsPanel_NoBenefits'),
      // reps never see the admin's warning
      text('no French description'),
      text('206 min'),
      text('3.4 h'),
      text('2026-11-16')
    ],
    actions: [
      {
        role: 'button',
        name: label('benefitsPanel_HowCalculated'),
        // the breakdown of the headline: 45 + 40 + 36 + 20 + 14 + 31 + 20 = 206 min
        activate: { shows: text('Total: 3 h 26 min') }
      }
    ]
  },
  {
    name: 'benefitsPanel-fr',
    component: 'benefitsPanel',
    language: 'fr',
    description: 'minutes saved and how they are counted, in French, with long rule names',
    now: NOW,
    regions: REGIONS,
    fixtures: weeks,
    shows: [
      label('benefitsPanel_Title'),
      label('benefitsPanel_ThisWeek'),
      label('benefitsPanel_SinceGoLive'),
      text('3 h 26'),
      text('8 h 36'),
      text('Depuis le 26 octobre 2026'),
      text('Semaine du 16 novembre 2026'),
      text('Fini le reporting Excel pour votre manager'),
      text('rendez-vous, relances et fiches incomplètes compris'),
      // Typed_Once has no French description: a French generic text, never its MasterLabel (not
      // translatable) nor the English description.
      label('benefitsPanel_GenericRule'),
      text('1 rapport que vous ne faites plus à la main')
    ],
    hides: [
      text('2026-11-16'),
      text('206 min'),
      text('3.4 h'),
      text('3,4 h'),
      text('no French description'),
      text('Typed once'),
      text('Customers and opportunities typed once')
    ],
    actions: [
      {
        role: 'button',
        name: label('benefitsPanel_HowCalculated'),
        activate: { shows: text('Total\u00a0: 3 h 26') }
      }
    ]
  },
  {
    name: 'benefitsPanel-drop',
    component: 'benefitsPanel',
    description: 'a week below the one before, shown neutrally',
    now: NOW,
    regions: REGIONS,
    fixtures: drop,
    shows: [text('2 h 42 min'), text('44 min less than last week (−21 %)')],
    hides: [text('fail'), text('worse')]
  },
  {
    name: 'benefitsPanel-drop-fr',
    component: 'benefitsPanel',
    language: 'fr',
    description: 'a week below the one before, shown neutrally, in French',
    now: NOW,
    regions: REGIONS,
    fixtures: drop,
    shows: [text('2 h 42')],
    hides: [text('échec'), text('2,7 h')]
  },
  {
    name: 'benefitsPanel-admin',
    component: 'benefitsPanel',
    description: 'an admin is warned that a benefit rule has no French description',
    now: NOW,
    regions: REGIONS,
    permissions: { [ADMIN]: true },
    fixtures: weeks,
    shows: [text('1 benefit rule has no French description: Typed once.'), text('3 h 26 min')]
  },
  {
    name: 'benefitsPanel-admin-fr',
    component: 'benefitsPanel',
    language: 'fr',
    description: 'an admin is warned that a benefit rule has no French description, in French',
    now: NOW,
    regions: REGIONS,
    permissions: { [ADMIN]: true },
    fixtures: weeks,
    shows: [text('1 règle de bénéfice n’a pas de description en français'), text('Typed once')]
  },
  {
    name: 'benefitsPanel-empty',
    component: 'benefitsPanel',
    description: 'no snapshot yet and no benefit configured',
    now: NOW,
    regions: REGIONS,
    fixtures: {
      [PERIOD]: { data: 'Week' },
      [GRAPHQL]: data('mySnapshotsEmpty.json'),
      [BENEFITS]: { data: [] },
      [GO_LIVE]: { data: null }
    },
    shows: [label('benefitsPanel_NoSnapshotNoBenefits'), label('benefitsPanel_NoBenefits')],
    hides: [label('benefitsPanel_HowCalculated')]
  },
  {
    name: 'benefitsPanel-empty-fr',
    component: 'benefitsPanel',
    language: 'fr',
    description: 'no snapshot yet, the benefits listed, in French',
    now: NOW,
    regions: REGIONS,
    fixtures: {
      [PERIOD]: { data: 'Week' },
      [GRAPHQL]: data('mySnapshotsEmpty.json'),
      [BENEFITS]: data('benefitsLong.json'),
      [GO_LIVE]: { data: null }
    },
    shows: [label('benefitsPanel_NoSnapshot'), text('Fini le reporting Excel pour votre manager')]
  },
  {
    name: 'benefitsPanel-error',
    component: 'benefitsPanel',
    description: 'the benefits could not be loaded',
    now: NOW,
    regions: REGIONS,
    fixtures: {
      ...weeks,
      [BENEFITS]: { error: { status: 500, body: { message: 'Benefit rules are not readable' } } }
    },
    shows: [label('benefitsPanel_ErrorTitle'), text('Benefit rules are not readable')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  },
  {
    name: 'benefitsPanel-error-fr',
    component: 'benefitsPanel',
    language: 'fr',
    description: 'the benefits could not be loaded, in French',
    now: NOW,
    regions: REGIONS,
    fixtures: {
      ...weeks,
      [GO_LIVE]: { error: { status: 500, body: { message: 'Les vagues de déploiement sont illisibles' } } }
    },
    shows: [label('benefitsPanel_ErrorTitle'), text('Les vagues de déploiement sont illisibles')]
  }
];
