// dailyActionList on the rep's home page: today's actions ranked, filters, and acting in place.
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const data = (file: string): Fixture => ({ data: jestData('dailyActionList', file) });
const GRAPHQL = 'lightning/graphql.graphql';
const CONTEXT = '@salesforce/apex/DailyActionController.getActionContext';
const MESSAGES = '@salesforce/apex/SponsorMessageController.getMyMessages';
const RECORDS = 'lightning/uiRecordApi.getRecords';
// 07:00 in Los Angeles on Monday 23 November 2026, the day the jest fixtures are written for.
const NOW = '2026-11-23T15:00:00.000Z';

const withData = {
  [GRAPHQL]: data('dailyActions.json'),
  [CONTEXT]: data('actionContext.json'),
  [MESSAGES]: data('myMessages.json'),
  [RECORDS]: data('ruleFieldRecords.json')
};

/** The GraphQL data as a French user receives it: picklist labels (displayValue) in French. */
function frenchActions(): Fixture {
  const actions = JSON.parse(JSON.stringify(jestData('dailyActionList', 'dailyActions.json'))) as {
    uiapi: { query: Record<string, { edges: Array<{ node: Record<string, unknown> }> }> };
  };
  const labels: Record<string, string> = {
    'Not Started': 'Non commencée',
    'In Progress': 'En cours',
    Proposal: 'Proposition',
    Qualification: 'Qualification',
    Prospecting: 'Prospection',
    'Open - Not Contacted': 'Ouvert - Non contacté'
  };
  for (const connection of Object.values(actions.uiapi.query)) {
    for (const { node } of connection.edges) {
      for (const field of ['Status', 'StageName']) {
        const picklist = node[field] as { value: string | null; displayValue?: string | null } | undefined;
        if (picklist?.value) {
          picklist.displayValue = labels[picklist.value] ?? picklist.value;
        }
      }
    }
  }
  return { data: actions };
}

export const scenarios: Scenario[] = [
  {
    name: 'dailyActionList-data',
    component: 'dailyActionList',
    description: "today's actions of a rep, all kinds",
    now: NOW,
    regions: ['homeMain', 'utilityBar', 'phone'],
    fixtures: withData,
    shows: [
      label('dailyActionList_Title'),
      text('Call Acme about renewal'),
      text('Demo with Initech'),
      text('Log every customer call this week'),
      text('Create an opportunity from a lead')
    ],
    hides: [label('dailyActionList_EmptyTitle'), label('dailyActionList_ErrorTitle')],
    actions: [
      { role: 'button', name: label('dailyActionList_KindTask') },
      {
        role: 'button',
        name: text('Complete: Call Acme about renewal'),
        activate: { call: 'lightning/uiRecordApi.updateRecord' }
      },
      { role: 'button', name: text('Open: Demo with Initech'), activate: { navigation: true } }
    ]
  },
  {
    name: 'dailyActionList-fill',
    component: 'dailyActionList',
    description: 'filling in the missing fields of an opportunity in place (missingFieldsForm)',
    now: NOW,
    regions: ['homeMain', 'utilityBar', 'phone'],
    fixtures: withData,
    shows: [text('Initech - expansion'), label('actionItem_FillFields')],
    actions: [
      {
        role: 'button',
        name: label('actionItem_FillFields'),
        activate: { shows: label('missingFieldsForm_Save') }
      },
      {
        role: 'button',
        name: label('missingFieldsForm_Save'),
        exact: true,
        activate: { call: 'lightning/recordEditForm.submit' }
      }
    ]
  },
  {
    name: 'dailyActionList-empty',
    component: 'dailyActionList',
    regions: ['homeMain', 'utilityBar', 'phone'],
    description: 'nothing to do today',
    now: NOW,
    fixtures: {
      [GRAPHQL]: data('dailyActionsEmpty.json'),
      [CONTEXT]: data('actionContextNoRules.json'),
      [MESSAGES]: { data: [] },
      [RECORDS]: { data: { results: [] } }
    },
    shows: [label('dailyActionList_EmptyTitle'), label('dailyActionList_EmptyBody')]
  },
  {
    name: 'dailyActionList-error',
    component: 'dailyActionList',
    regions: ['homeMain', 'utilityBar', 'phone'],
    description: 'the settings could not be loaded',
    now: NOW,
    fixtures: {
      ...withData,
      [CONTEXT]: { error: { status: 500, body: { message: 'Unable to read the cockpit settings' } } }
    },
    shows: [label('dailyActionList_ErrorTitle'), text('Unable to read the cockpit settings')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  },
  {
    name: 'dailyActionList-fr',
    component: 'dailyActionList',
    regions: ['homeMain', 'utilityBar', 'phone'],
    language: 'fr',
    description: "today's actions, in French",
    now: NOW,
    fixtures: { ...withData, [GRAPHQL]: frenchActions() },
    shows: [
      label('dailyActionList_Title'),
      label('dailyActionList_KindTask'),
      text('Call Acme about renewal'),
      // picklist values by their French label, not their API value
      text('Non commencée')
    ],
    hides: [text('Not Started')]
  }
];
