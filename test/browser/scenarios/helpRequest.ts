// helpRequest in the utility bar (420 px) and on a phone (390 px): ask or propose in two fields, my
// requests and answers, requests to answer, ideas to vote for, the weekly reminder; English and French.
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const PANEL = '@salesforce/apex/HelpRequestController.getPanel';
const PREFERENCE = '@salesforce/apex/NudgeController.getPreference';
const SUBMIT = '@salesforce/apex/HelpRequestController.submit';
const VOTE = '@salesforce/apex/HelpRequestController.vote';
const INFOS = 'lightning/uiObjectInfoApi.getObjectInfos';

const fixtures: Record<string, Fixture> = {
  [PANEL]: { data: jestData('helpRequest', 'getPanel.json') },
  [PREFERENCE]: { data: jestData('helpRequest', 'getPreference.json') },
  [INFOS]: { data: jestData('helpRequest', 'objectInfos.json') },
  [SUBMIT]: { data: { id: 'a0H000000000009AAA', routedToName: 'Camille Martin' } },
  [VOTE]: { data: 13 }
};

const shows = [
  label('helpRequest_Title'),
  label('helpRequest_TypeHelp'),
  label('helpRequest_TypeIdea'),
  label('helpRequest_MyRequests'),
  text('Comment enregistrer un appel depuis mon téléphone quand je suis chez un client ?'),
  label('helpRequest_ToAnswer'),
  label('helpRequest_Ideas'),
  text('Show the next meeting on the opportunity'),
  label('helpRequest_Reminders')
];

export const scenarios: Scenario[] = [
  {
    name: 'helpRequest-data-420',
    component: 'helpRequest',
    description: 'form, my requests, one to answer, two ideas, reminder; utility bar',
    width: 420,
    fixtures,
    shows,
    hides: [label('helpRequest_CannotCreate'), label('helpRequest_NoRequests')],
    actions: [
      { role: 'textbox', name: label('helpRequest_Subject') },
      {
        role: 'button',
        name: label('helpRequest_Send'),
        exact: true,
        activate: { shows: label('helpRequest_SubjectRequired') }
      },
      {
        role: 'button',
        name: text('Vote for Show the next meeting on the opportunity'),
        activate: { call: VOTE }
      }
    ]
  },
  {
    name: 'helpRequest-data-390-fr',
    component: 'helpRequest',
    language: 'fr',
    description: 'the same panel in French on a phone',
    width: 390,
    fixtures,
    shows
  },
  {
    name: 'helpRequest-readonly-420',
    component: 'helpRequest',
    description: 'a user who cannot create requests nor vote: no form, votes disabled',
    width: 420,
    fixtures: {
      ...fixtures,
      [INFOS]: {
        data: {
          results: [
            { statusCode: 200, result: { apiName: 'Help_Request__c', createable: false, updateable: false } },
            { statusCode: 200, result: { apiName: 'Idea_Vote__c', createable: false, updateable: false } },
            {
              statusCode: 200,
              result: { apiName: 'Cockpit_Preference__c', createable: false, updateable: false }
            }
          ]
        }
      }
    },
    shows: [label('helpRequest_CannotCreate'), label('helpRequest_Ideas')],
    hides: [label('helpRequest_TypeLabel'), label('helpRequest_Reminders')]
  },
  {
    name: 'helpRequest-error-fr',
    component: 'helpRequest',
    language: 'fr',
    description: 'the panel cannot be loaded, in French',
    width: 420,
    fixtures: { ...fixtures, [PANEL]: { error: { status: 500, body: { message: 'Accès insuffisant' } } } },
    shows: [label('helpRequest_ErrorTitle'), text('Accès insuffisant')]
  }
];
