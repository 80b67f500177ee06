// acceptanceConsole on an Acceptance_Session__c record page: progress, go/no-go gate, test cases to run,
// and (for users who may create test cases) the acceptanceCaseForm child.
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const CONSOLE = '@salesforce/apex/AcceptanceConsoleController.getConsole';
const OBJECT_INFO = 'lightning/uiObjectInfoApi.getObjectInfo';
const consoleData = (file: string): Fixture => ({ data: jestData('acceptanceConsole', file) });
// A key user's or admin's access: create test cases and record results (the fields the result buttons set).
const RESULT_FIELDS = ['Result__c', 'Severity__c', 'Comment__c', 'Defect_Reference__c', 'Executed_On__c'];
const createable: Fixture = {
  data: {
    apiName: 'Acceptance_Test_Case__c',
    createable: true,
    updateable: true,
    fields: Object.fromEntries(RESULT_FIELDS.map((f) => [f, { createable: true, updateable: true }]))
  }
};
const props = { recordId: 'a01000000000001AAA' };
const NOW = '2026-11-23T15:00:00.000Z';

export const scenarios: Scenario[] = [
  {
    name: 'acceptanceConsole-data',
    component: 'acceptanceConsole',
    description: 'session in progress with a blocking failure, and the add/import form',
    now: NOW,
    regions: ['homeMain', 'phone'],
    props,
    fixtures: { [CONSOLE]: consoleData('getConsole.json'), [OBJECT_INFO]: createable },
    shows: [
      label('acceptanceConsole_Title'),
      label('acceptanceConsole_NotReady'),
      text('Create an opportunity from an account'),
      text('Close an opportunity as won'),
      text('No order was created'),
      label('acceptanceConsole_OnlyMine'),
      label('acceptanceCaseForm_AddTitle'),
      label('acceptanceCaseForm_ImportTitle'),
      // one more pass is missing: the singular
      text('1 more test case must pass.')
    ],
    hides: [label('acceptanceConsole_Ready'), text('test cases must pass')],
    actions: [
      { role: 'checkbox', name: label('acceptanceConsole_OnlyMine') },
      {
        role: 'button',
        name: label('acceptanceConsole_Failed'),
        exact: true,
        activate: { shows: label('acceptanceConsole_Severity') }
      },
      {
        role: 'button',
        name: label('acceptanceConsole_Passed'),
        exact: true,
        activate: { call: 'lightning/uiRecordApi.updateRecord' }
      },
      { role: 'textbox', name: label('acceptanceCaseForm_Scenario') }
    ]
  },
  {
    name: 'acceptanceConsole-ready',
    component: 'acceptanceConsole',
    description: 'session ready for go-live, read-only user',
    now: NOW,
    regions: ['homeMain', 'phone'],
    props,
    fixtures: {
      [CONSOLE]: consoleData('getConsoleReady.json'),
      [OBJECT_INFO]: { data: { createable: false } }
    },
    shows: [label('acceptanceConsole_Title'), label('acceptanceConsole_Ready')],
    hides: [label('acceptanceConsole_NotReady'), label('acceptanceCaseForm_AddTitle')]
  },
  {
    name: 'acceptanceConsole-empty',
    component: 'acceptanceConsole',
    description: 'a new session without test cases',
    now: NOW,
    regions: ['homeMain', 'phone'],
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
    shows: [label('acceptanceConsole_BlockerNoCases'), label('acceptanceConsole_Empty')]
  },
  {
    name: 'acceptanceConsole-error',
    component: 'acceptanceConsole',
    description: 'the session could not be loaded',
    now: NOW,
    regions: ['homeMain', 'phone'],
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
    description: 'session in progress, in French',
    now: NOW,
    regions: ['homeMain', 'phone'],
    props,
    fixtures: { [CONSOLE]: consoleData('getConsole.json'), [OBJECT_INFO]: createable },
    shows: [
      label('acceptanceConsole_Title'),
      label('acceptanceConsole_NotReady'),
      label('acceptanceConsole_OnlyMine'),
      label('acceptanceCaseForm_AddTitle'),
      // one more pass is missing: the singular
      text('encore 1 cas de test doit réussir')
    ],
    hides: [text('No go'), text('doivent réussir')]
  }
];
