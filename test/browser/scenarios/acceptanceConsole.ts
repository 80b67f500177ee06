// acceptanceConsole on an Acceptance_Session__c record page (Acceptance_Session_Record_Page: the main
// column of a desktop record page, about as wide as Home main, and the Salesforce mobile app on a phone;
// it is not in the utility bar): a work queue at real volumes (64 test cases), English and French, a
// completed (locked) session, a read-only user, the last test case of a filter, and the add/import modal.
import { jestData, label, text, type Fixture, type Region, type Scenario } from '../scenario.ts';

const CONSOLE = '@salesforce/apex/AcceptanceConsoleController.getConsole';
const OBJECT_INFO = 'lightning/uiObjectInfoApi.getObjectInfo';
const UPDATE = 'lightning/uiRecordApi.updateRecord';
const CREATE_CASES = '@salesforce/apex/AcceptanceConsoleController.createTestCases';
const consoleData = (file: string): Fixture => ({ data: jestData('acceptanceConsole', file) });
// A key user's or admin's access: create test cases and record results (the fields the result buttons set).
const RESULT_FIELDS = [
  'Result__c',
  'Severity__c',
  'Comment__c',
  'Defect_Reference__c',
  'Executed_On__c',
  'Executed_By__c'
];
const createable: Fixture = {
  data: {
    apiName: 'Acceptance_Test_Case__c',
    createable: true,
    updateable: true,
    // as the sets grant them: who ran it and when are the org's (AcceptanceResultRules), editable by nobody
    fields: Object.fromEntries(
      RESULT_FIELDS.map((f) => {
        const orgSet = f === 'Executed_On__c' || f === 'Executed_By__c';
        return [f, { createable: !orgSet, updateable: !orgSet }];
      })
    )
  }
};
const props = { recordId: 'a01000000000001AAA' };
const NOW = '2026-11-23T15:00:00.000Z';
/** Where the record page puts the console: its main column, and the phone. */
const REGIONS: Region[] = ['homeMain', 'phone'];
/** The running user of the browser gate (test/browser/platform: @salesforce/user/Id). */
const ME = '005000000000001AAA';

const KEY_USERS_EN = ['Camille Martin', 'Louis Bernard', 'Alexandra Montgomery-Fitzgerald', 'Jean Dupont'];
const KEY_USERS_FR = [
  'Marie-Françoise de La Rochefoucauld-Montbazon',
  'Jean-Baptiste Lefèvre-Desrosiers',
  'Élodie Château-Renaud',
  'Noël Bénédicte Østergaard'
];
const SCENARIOS_EN = [
  'Create an opportunity from an account with a price book and three product lines',
  'Close an opportunity as won and check that the order is created',
  'Log a call from the mobile app',
  'Convert a lead with an existing account'
];
const SCENARIOS_FR = [
  'Créer une opportunité depuis un compte avec un catalogue de prix et trois lignes de produits',
  'Clôturer une opportunité gagnée et vérifier que la commande est créée automatiquement',
  "Journaliser un appel depuis l'application mobile",
  'Convertir une piste rattachée à un compte existant'
];

/**
 * `count` test cases: the first `passed` passed, then failures and blocks (some blocking), the rest not
 * run; the first not run is the 5th, so "Next not run" is near the top.
 */
function testCases(count: number, language: 'en' | 'fr') {
  const names = language === 'fr' ? KEY_USERS_FR : KEY_USERS_EN;
  const scenarios = language === 'fr' ? SCENARIOS_FR : SCENARIOS_EN;
  return Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(4, '0');
    const result =
      i === 4 ? 'Not_Run' : i < 36 ? 'Passed' : i < 41 ? 'Failed' : i < 43 ? 'Blocked' : 'Not_Run';
    const failed = result === 'Failed' || result === 'Blocked';
    const assignee = names[i % names.length] ?? '';
    return {
      Id: `a030000000000${String(i).padStart(2, '0')}AAA`,
      Name: `TC-${number}`,
      Scenario__c: `${scenarios[i % scenarios.length]} (${i + 1})`,
      Steps__c:
        language === 'fr'
          ? 'Ouvrir le compte\nCliquer sur Nouvelle opportunité'
          : 'Open the account\nClick New',
      Expected_Result__c:
        language === 'fr' ? "L'opportunité est liée au compte" : 'The opportunity is linked',
      Result__c: result,
      Severity__c: failed ? (i === 36 ? 'Blocking' : 'Major') : null,
      Comment__c: failed ? (language === 'fr' ? 'Aucune commande créée' : 'No order was created') : null,
      Defect_Reference__c: failed ? `JIRA-${100 + i}` : null,
      Executed_On__c: result === 'Not_Run' ? null : '2026-11-20T09:30:00.000Z',
      Executed_By__r: result === 'Not_Run' ? null : { Name: assignee },
      Sort_Order__c: i + 1,
      Assigned_Key_User__c: `a02000000000000${i % 4}AA`,
      Assigned_Key_User__r: { Name: assignee, User__c: i % 4 === 0 ? ME : `00500000000000${i % 4}AAA` }
    };
  });
}

function sessionData(count: number, language: 'en' | 'fr', status = 'In_Progress') {
  return {
    session: {
      Id: props.recordId,
      Name: 'Opportunity process',
      Status__c: status,
      Go_No_Go_Threshold__c: 90
    },
    currentKeyUserId: 'a020000000000000AA',
    testCases: testCases(count, language)
  };
}

const volumeEn = sessionData(64, 'en');
/** The data after the 5th test case was recorded as passed: the refresh shows it. */
const afterPass = {
  ...volumeEn,
  testCases: volumeEn.testCases.map((testCase, i) =>
    i === 4 ? { ...testCase, Result__c: 'Passed' } : testCase
  )
};

/** Two test cases, one not run: filtering on "Not run" shows the last one of the filter. */
const lastOne = {
  session: {
    Id: props.recordId,
    Name: 'Opportunity process',
    Status__c: 'In_Progress',
    Go_No_Go_Threshold__c: 90
  },
  currentKeyUserId: null,
  testCases: [
    { ...volumeEn.testCases[0] },
    { ...volumeEn.testCases[4], Name: 'TC-0002', Scenario__c: 'Log a call from the mobile app' }
  ]
};

export const scenarios: Scenario[] = [
  {
    name: 'acceptanceConsole-data',
    component: 'acceptanceConsole',
    description: '64 test cases in progress with failures, a key user who may add and import',
    now: NOW,
    regions: REGIONS,
    props,
    fixtures: {
      [CONSOLE]: [{ after: UPDATE, result: { data: afterPass } }, { result: { data: volumeEn } }],
      [OBJECT_INFO]: createable
    },
    shows: [
      label('acceptanceConsole_Title'),
      label('acceptanceConsole_NotReady'),
      text('Test cases run: 42 of 64 (65%)'),
      text('TC-0025'),
      text('Alexandra Montgomery-Fitzgerald'),
      text('Create an opportunity from an account with a price book and three product lines (1)'),
      label('acceptanceConsole_OnlyMine'),
      label('acceptanceConsole_AddShort'),
      label('acceptanceConsole_ImportShort'),
      text('Blocking failure still open: TC-0037')
    ],
    hides: [label('acceptanceConsole_Ready'), label('acceptanceCaseForm_AddTitle')],
    actions: [
      { role: 'checkbox', name: label('acceptanceConsole_OnlyMine') },
      { role: 'button', name: text('Next not run'), activate: { shows: text('Open the account') } },
      {
        role: 'button',
        name: label('acceptanceConsole_Failed'),
        exact: true,
        activate: { shows: label('acceptanceConsole_RequiredWhenNotPassed') }
      },
      {
        role: 'button',
        name: label('acceptanceConsole_Passed'),
        exact: true,
        activate: { call: UPDATE, shows: text('Test cases run: 43 of 64 (67%)') }
      },
      {
        role: 'button',
        name: label('acceptanceCaseForm_AddTitle'),
        activate: { shows: label('acceptanceCaseForm_Scenario') }
      }
    ]
  },
  {
    name: 'acceptanceConsole-import',
    component: 'acceptanceConsole',
    description:
      'the import modal: a file with 1 valid row and 1 row in error, its preview, the import result',
    now: NOW,
    regions: REGIONS,
    props,
    fixtures: {
      [CONSOLE]: { data: volumeEn },
      [OBJECT_INFO]: createable,
      [CREATE_CASES]: {
        data: [{ rowNumber: 2, status: 'created', recordId: 'a03000000000099AAA', message: null }]
      }
    },
    shows: [label('acceptanceConsole_Title')],
    actions: [
      {
        role: 'button',
        name: label('acceptanceCaseForm_ImportTitle'),
        activate: { shows: label('acceptanceCaseForm_ImportFile') }
      },
      {
        role: 'button',
        name: label('acceptanceCaseForm_ImportFile'),
        files: [
          { name: 'cases.csv', content: 'Scenario,Steps\nCreate an account,Open Accounts\n,No scenario\n' }
        ],
        activate: {
          shows: text('1 row ready to import. 1 row with errors, listed below, will not be imported.')
        }
      },
      {
        role: 'button',
        name: label('acceptanceCaseForm_Import'),
        exact: true,
        activate: { call: CREATE_CASES, shows: text('1 test case created.') }
      },
      { role: 'button', name: label('acceptanceConsole_Close'), activate: { shows: text('TC-0001') } }
    ]
  },
  {
    name: 'acceptanceConsole-lastOfFilter',
    component: 'acceptanceConsole',
    description: 'filtered on "Not run", the last one passes: a clear state and a way back',
    now: NOW,
    regions: REGIONS,
    props,
    fixtures: {
      [CONSOLE]: [
        {
          after: UPDATE,
          result: {
            data: { ...lastOne, testCases: lastOne.testCases.map((c) => ({ ...c, Result__c: 'Passed' })) }
          }
        },
        { result: { data: lastOne } }
      ],
      [OBJECT_INFO]: createable
    },
    shows: [text('Log a call from the mobile app'), text('Test cases run: 1 of 2 (50%)')],
    actions: [
      { role: 'button', name: label('acceptanceConsole_NotRun'), activate: { shows: text('TC-0002') } },
      { role: 'button', name: text('Next not run'), activate: { shows: text('Open the account') } },
      {
        role: 'button',
        name: label('acceptanceConsole_Passed'),
        exact: true,
        activate: { call: UPDATE, shows: label('acceptanceConsole_AllRun') }
      },
      { role: 'button', name: label('acceptanceConsole_ShowAll'), activate: { shows: text('TC-0002') } }
    ]
  },
  {
    name: 'acceptanceConsole-locked',
    component: 'acceptanceConsole',
    description: 'a completed session: read-only, no header actions, no result buttons',
    now: NOW,
    regions: REGIONS,
    props,
    fixtures: { [CONSOLE]: { data: sessionData(64, 'en', 'Completed') }, [OBJECT_INFO]: createable },
    // 64 cases, paged: the first 25 and "Show 25 more (25 of 64)", read-only too
    shows: [label('acceptanceConsole_Locked'), text('TC-0025'), text('Show 25 more (25 of 64)')],
    // nothing can be run: no "Next not run", no keyboard help (the cases still open with Enter)
    hides: [label('acceptanceConsole_AddShort'), label('acceptanceConsole_ReadOnly'), text('Next not run')]
  },
  {
    name: 'acceptanceConsole-ready',
    component: 'acceptanceConsole',
    description: 'session ready for go-live, read-only user',
    now: NOW,
    regions: REGIONS,
    props,
    fixtures: {
      [CONSOLE]: consoleData('getConsoleReady.json'),
      [OBJECT_INFO]: { data: { createable: false } }
    },
    shows: [
      label('acceptanceConsole_Title'),
      label('acceptanceConsole_Ready'),
      label('acceptanceConsole_ReadOnly')
    ],
    hides: [label('acceptanceConsole_NotReady'), label('acceptanceConsole_AddShort')]
  },
  {
    name: 'acceptanceConsole-empty',
    component: 'acceptanceConsole',
    description: 'a new session without test cases',
    now: NOW,
    regions: REGIONS,
    props,
    fixtures: {
      [CONSOLE]: {
        data: {
          session: { Id: props.recordId, Name: 'Opportunity process', Go_No_Go_Threshold__c: 90 },
          currentKeyUserId: null,
          testCases: []
        }
      },
      [OBJECT_INFO]: createable
    },
    shows: [
      label('acceptanceConsole_BlockerNoCases'),
      label('acceptanceConsole_Empty'),
      label('acceptanceConsole_EmptyHint')
    ]
  },
  {
    name: 'acceptanceConsole-error',
    component: 'acceptanceConsole',
    description: 'the session could not be loaded',
    now: NOW,
    regions: REGIONS,
    props,
    fixtures: {
      [CONSOLE]: { error: { status: 404, body: { message: 'This acceptance session does not exist' } } },
      [OBJECT_INFO]: createable
    },
    shows: [label('acceptanceConsole_ErrorTitle'), text('This acceptance session does not exist')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  },
  {
    name: 'acceptanceConsole-fr',
    component: 'acceptanceConsole',
    language: 'fr',
    description:
      '64 test cases with long French names, in French, paged: 25 shown, "Afficher 25 de plus (25 sur 64)", then 50',
    now: NOW,
    regions: REGIONS,
    props,
    fixtures: { [CONSOLE]: { data: sessionData(64, 'fr') }, [OBJECT_INFO]: createable },
    shows: [
      label('acceptanceConsole_Title'),
      label('acceptanceConsole_NotReady'),
      label('acceptanceConsole_OnlyMine'),
      label('acceptanceConsole_AddShort'),
      text('Cas de test exécutés : 42 sur 64 (65 %)'),
      text('Marie-Françoise de La Rochefoucauld-Montbazon'),
      text('Clôturer une opportunité gagnée et vérifier que la commande est créée automatiquement (2)'),
      // French keys: R (réussi), E (échoué), B (bloqué), N (prochain non exécuté)
      text('R réussi, E échoué, B bloqué'),
      text('Prochain non exécuté (N)'),
      // 64 cases are paged at 390 px as everywhere: the first 25, then "show more" with the counts
      text('TC-0025'),
      text('Afficher 25 de plus (25 sur 64)')
    ],
    hides: [text('No go'), text('P passed'), text('TC-0026')],
    // a long assignee wraps beside the result badge, which is not pushed under it (390 px)
    layout: { sameLine: [{ within: '.case-meta', first: '.case-assignee', then: '.case-result-badge' }] },
    actions: [
      { role: 'button', name: text('Prochain non exécuté'), activate: { shows: text('Ouvrir le compte') } },
      {
        role: 'button',
        name: text('Afficher 25 de plus'),
        activate: { shows: text('Afficher 14 de plus (50 sur 64)') }
      }
    ]
  }
];
