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

export const scenarios: Scenario[] = [
  {
    name: 'dailyActionList-data',
    component: 'dailyActionList',
    description: "today's actions of a rep, all kinds",
    now: NOW,
    width: 720,
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
    width: 720,
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
    language: 'fr',
    description: "today's actions, in French",
    now: NOW,
    fixtures: withData,
    shows: [
      label('dailyActionList_Title'),
      label('dailyActionList_KindTask'),
      text('Call Acme about renewal')
    ]
  }
];
