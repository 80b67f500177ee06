// Lightning pages composed from their flexipages (test/browser/flexipage.ts): every component the page
// places, in its region, at the template's widths in a 1440×900 window under Lightning's header. The Rep
// Home as the French rep sees it at 8:30 (44 actions, long French names, a pending sponsor message),
// the same page with nothing pending, My Day and the Manager Home, and the self-tests of the page checks.
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';
import {
  PAGE_REFERENCES,
  REP_DAY_CONTEXT,
  REP_DAY_MORNING_FR,
  repDayActions,
  repDayObjectInfos,
  repDayRecords
} from '../fixtures/data/repDay.ts';

const FLEXIPAGES = 'force-app/main/default/flexipages';
const FIXTURE_PAGES = 'test/browser/fixtures/flexipages';
const GRAPHQL = 'lightning/graphql.graphql';
const MESSAGES = '@salesforce/apex/SponsorMessageController.getMyMessages';
const HISTORY = '@salesforce/apex/SponsorMessageController.getAcknowledgedMessages';
const ACKNOWLEDGE = '@salesforce/apex/SponsorMessageController.acknowledge';

/** A sponsor's message to the French rep, pending: long title, long name, a body and the sponsor's usage. */
const PENDING_FR = [
  {
    id: 'a05000000000001AAA',
    title: 'Saisissez chaque appel client cette semaine : le comité de pilotage regarde vos chiffres',
    body: '<p>Chaque appel saisi apparaît dans <b>votre</b> tableau de bord et dans celui de votre manager.</p>',
    sponsorId: '005000000000009AAA',
    sponsorName: 'Marie-Hélène Castelnau-Delacroix',
    publishFrom: '2026-11-20T08:00:00.000Z',
    audienceType: 'Everyone',
    sponsorUsage: null
  }
];

/** The same message, acknowledged last week: what the history of read messages holds. */
const READ_FR = [{ ...PENDING_FR[0], acknowledgedOn: '2026-11-20T09:12:00.000Z' }];

/** Everything the Rep Home's three components read, for a French rep on Monday 23 November 2026. */
function repHome(
  messages: unknown[],
  history: unknown[] = [],
  pageReference: object = PAGE_REFERENCES.home
): Record<string, Fixture> {
  const actions = repDayActions('fr');
  const snapshots = { data: jestData('benefitsPanel', 'mySnapshotsWeeks.json') };
  return {
    // Two GraphQL wires on one page: the action list's and the benefits panel's snapshots.
    [GRAPHQL]: [
      { queryIncludes: 'User_Adoption_Snapshot__c', result: snapshots },
      { queryIncludes: 'dailyActions', result: actions }
    ],
    '@salesforce/apex/DailyActionController.getActionContext': REP_DAY_CONTEXT,
    [MESSAGES]: { data: messages },
    [HISTORY]: { data: history },
    [ACKNOWLEDGE]: { data: null },
    'lightning/uiRecordApi.getRecords': repDayRecords(),
    'lightning/uiObjectInfoApi.getObjectInfos': repDayObjectInfos('fr'),
    '@salesforce/apex/BenefitsController.getSnapshotPeriod': { data: 'Week' },
    '@salesforce/apex/BenefitsController.getBenefits': {
      data: jestData('benefitsPanel', 'benefitsLong.json')
    },
    '@salesforce/apex/BenefitsController.getGoLiveDate': { data: '2026-10-26' },
    'lightning/navigation.CurrentPageReference': pageReference
  };
}

/** At least 5 whole action rows in the main column's window (1440×900, Lightning's header drawn). */
const FOLD = { selector: '#region-top c-action-item', min: 5, offset: 0 };

const repHomeShows = [
  label('dailyActionList_Title'),
  label('dailyActionList_GroupNextMeeting'),
  label('benefitsPanel_Title')
];

export const scenarios: Scenario[] = [
  {
    name: 'page-repHome-fr',
    component: 'Adoption_Cockpit_Rep_Home',
    page: `${FLEXIPAGES}/Adoption_Cockpit_Rep_Home.flexipage-meta.xml`,
    description:
      'Rep Home at 1440×900, French rep at 8:30: 44 actions, a pending sponsor message; ≥ 5 actions above the fold',
    language: 'fr',
    now: REP_DAY_MORNING_FR,
    timeoutMs: 30_000,
    fixtures: repHome(PENDING_FR),
    aboveTheFold: FOLD,
    shows: [
      ...repHomeShows,
      label('sponsorMessages_Title'),
      text('Saisissez chaque appel client cette semaine'),
      text('Marie-Hélène Castelnau-Delacroix'),
      // 8:30 in Paris: the 09:30 meeting is the next one
      text('Point hebdomadaire équipe'),
      // a benefit rule without French description: the French generic text, not its English MasterLabel
      label('benefitsPanel_GenericRule')
    ],
    hides: [text('Typed once')]
  },
  {
    name: 'page-repHome-none-pending-fr',
    component: 'Adoption_Cockpit_Rep_Home',
    page: `${FLEXIPAGES}/Adoption_Cockpit_Rep_Home.flexipage-meta.xml`,
    description:
      'Rep Home with nothing pending: no sponsor card, the benefits fill the sidebar, no blank region',
    language: 'fr',
    now: REP_DAY_MORNING_FR,
    timeoutMs: 30_000,
    fixtures: repHome([]),
    aboveTheFold: FOLD,
    shows: repHomeShows,
    hides: [label('sponsorMessages_Title'), label('sponsorMessages_Empty')]
  },
  {
    name: 'page-repHome-history-fr',
    component: 'Adoption_Cockpit_Rep_Home',
    page: `${FLEXIPAGES}/Adoption_Cockpit_Rep_Home.flexipage-meta.xml`,
    description:
      'Rep Home with nothing pending but a message read before: the sponsor card is one "Read messages (1)" line that opens the history',
    language: 'fr',
    now: REP_DAY_MORNING_FR,
    timeoutMs: 30_000,
    fixtures: repHome([], READ_FR),
    aboveTheFold: FOLD,
    shows: [...repHomeShows, label('sponsorMessages_Title'), text('Messages lus (1)')],
    hides: [label('sponsorMessages_Empty'), text('Saisissez chaque appel client cette semaine')],
    actions: [
      {
        role: 'button',
        name: text('Messages lus (1)'),
        activate: { shows: text('Saisissez chaque appel client cette semaine') }
      }
    ]
  },
  {
    name: 'page-myDay-fr',
    component: 'Adoption_Cockpit_My_Day',
    page: `${FLEXIPAGES}/Adoption_Cockpit_My_Day.flexipage-meta.xml`,
    description: 'My Day (app page, two columns) at 1440×900 in French: composes without overflow or overlap',
    language: 'fr',
    now: REP_DAY_MORNING_FR,
    timeoutMs: 30_000,
    fixtures: repHome(PENDING_FR, [], PAGE_REFERENCES.myDay),
    shows: [...repHomeShows, label('sponsorMessages_Title')]
  },
  {
    name: 'page-managerHome-fr',
    component: 'Adoption_Cockpit_Manager_Home',
    page: `${FLEXIPAGES}/Adoption_Cockpit_Manager_Home.flexipage-meta.xml`,
    description: "Manager Home at 1440×900 in French: the team's coaching view and the manager's own actions",
    language: 'fr',
    now: REP_DAY_MORNING_FR,
    timeoutMs: 30_000,
    fixtures: {
      ...repHome(PENDING_FR),
      '@salesforce/apex/TeamViewController.getTeamView': {
        data: jestData('teamCoaching', 'getTeamView.json')
      }
    },
    shows: [label('teamCoaching_Title'), label('dailyActionList_Title')]
  },
  // Self-tests: each page check fails on the fault it exists for, in a copy of the Rep Home.
  {
    name: 'page-selftest-tall-above-list',
    component: 'Fold_Tall_Above_List',
    page: `${FIXTURE_PAGES}/Fold_Tall_Above_List.flexipage-meta.xml`,
    fixture: true,
    description: 'self-test: the Rep Home with the benefits panel moved above the list fails the fold check',
    language: 'fr',
    now: REP_DAY_MORNING_FR,
    timeoutMs: 30_000,
    fixtures: repHome(PENDING_FR),
    aboveTheFold: FOLD,
    shows: [label('dailyActionList_Title')],
    expectFailures: [
      'above the fold \\(1440×900, 0 px above the component\\): [0-4] of \\d+ #region-top c-action-item'
    ]
  },
  {
    name: 'page-selftest-empty-region',
    component: 'Fold_Empty_Region',
    page: `${FIXTURE_PAGES}/Fold_Empty_Region.flexipage-meta.xml`,
    fixture: true,
    description: 'self-test: a sidebar holding only the hidden sponsor card leaves a blank column',
    language: 'fr',
    now: REP_DAY_MORNING_FR,
    timeoutMs: 30_000,
    fixtures: repHome([]),
    shows: [label('dailyActionList_Title')],
    expectFailures: ['the column of region sidebar \\(\\d+ px\\) renders nothing: a blank column']
  },
  {
    name: 'page-selftest-empty-card',
    component: 'Fold_Empty_Card',
    page: `${FIXTURE_PAGES}/Fold_Empty_Card.flexipage-meta.xml`,
    fixture: true,
    description: 'self-test: a card with a header and nothing in it fails',
    fixtures: { '@salesforce/apex/BrowserGateProbe.getGreeting': { data: { names: ['Ada Lovelace'] } } },
    shows: [text('Browser gate empty card'), text('Ada Lovelace')],
    expectFailures: ['region sidebar \\(\\d+ px\\): an empty card \\("Browser gate empty card"\\)']
  },
  {
    name: 'page-selftest-missing-component',
    component: 'Fold_Missing_Component',
    page: `${FIXTURE_PAGES}/Fold_Missing_Component.flexipage-meta.xml`,
    fixture: true,
    description:
      'self-test: a flexipage naming a component that does not exist fails with the file and element',
    shows: [],
    expectFailures: [
      '^test/browser/fixtures/flexipages/Fold_Missing_Component\\.flexipage-meta\\.xml: <componentName>dailyActionLists</componentName> \\(region top, identifier c_dailyActionLists\\): no Lightning web component dailyActionLists'
    ]
  }
];
