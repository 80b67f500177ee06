// keyUserNetwork for the adoption lead: coverage by team and stage, follow-ups due, champion candidates.
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const NETWORK = '@salesforce/apex/KeyUserNetworkController.getNetwork';
const network: Fixture = { data: jestData('keyUserNetwork', 'getNetwork.json') };
const OBJECT_INFO = 'lightning/uiObjectInfoApi.getObjectInfo';
// An admin's access to Key_User__c: nominate (create) and record follow-ups (edit), so both buttons show.
const ACCESS_FIELDS = [
  'User__c',
  'User_Key__c',
  'Team__c',
  'Lifecycle_Status__c',
  'Nominated_On__c',
  'Last_Follow_Up__c'
];
const adminAccess: Fixture = {
  data: {
    apiName: 'Key_User__c',
    createable: true,
    updateable: true,
    fields: Object.fromEntries(ACCESS_FIELDS.map((f) => [f, { createable: true, updateable: true }]))
  }
};
const NOW = '2026-11-23T15:00:00.000Z';

export const scenarios: Scenario[] = [
  {
    name: 'keyUserNetwork-data',
    component: 'keyUserNetwork',
    description: 'three teams, one uncovered, follow-ups and candidates',
    now: NOW,
    regions: ['homeMain', 'phone'],
    fixtures: { [NETWORK]: network, [OBJECT_INFO]: adminAccess },
    shows: [
      label('keyUserNetwork_Title'),
      label('keyUserNetwork_Coverage'),
      text('Alice Martin'),
      text('Chloé Durand'),
      label('keyUserNetwork_NoKeyUser'),
      label('keyUserNetwork_FollowUps'),
      label('keyUserNetwork_Candidates'),
      text('Diane Leroy'),
      // dates in the user's locale
      text('Trained on January 5, 2026, not followed up since.')
    ],
    hides: [label('keyUserNetwork_FollowUpsEmpty'), text('2026-01-05')],
    actions: [
      { role: 'combobox', name: label('keyUserNetwork_Team') },
      {
        role: 'button',
        name: text('Bruno Petit'),
        activate: {
          call: 'lightning/uiRecordApi.updateRecord',
          shows: text('Follow-up of Bruno Petit recorded.')
        }
      },
      {
        role: 'button',
        name: text('Diane Leroy'),
        activate: {
          call: 'lightning/uiRecordApi.createRecord',
          shows: text('Diane Leroy nominated as key user.')
        }
      }
    ]
  },
  {
    name: 'keyUserNetwork-empty',
    component: 'keyUserNetwork',
    description: 'no key user, no team measured yet',
    now: NOW,
    regions: ['homeMain', 'phone'],
    fixtures: {
      [NETWORK]: {
        data: {
          followUpWeeks: 4,
          championCandidates: 5,
          periodStart: null,
          keyUsers: [],
          teams: [],
          candidates: []
        }
      }
    },
    shows: [label('keyUserNetwork_Title'), label('keyUserNetwork_Empty')]
  },
  {
    name: 'keyUserNetwork-error',
    component: 'keyUserNetwork',
    description: 'the network could not be loaded',
    now: NOW,
    regions: ['homeMain', 'phone'],
    fixtures: { [NETWORK]: { error: { status: 500, body: { message: 'Key users are not readable' } } } },
    shows: [label('keyUserNetwork_ErrorTitle'), text('Key users are not readable')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  },
  {
    name: 'keyUserNetwork-fr',
    component: 'keyUserNetwork',
    language: 'fr',
    description: 'coverage, follow-ups and candidates, in French',
    now: NOW,
    regions: ['homeMain', 'phone'],
    fixtures: { [NETWORK]: network },
    shows: [
      label('keyUserNetwork_Title'),
      label('keyUserNetwork_Coverage'),
      label('keyUserNetwork_FollowUps'),
      label('keyUserNetwork_Candidates'),
      text('Alice Martin'),
      text('Formé le 5 janvier 2026, sans suivi depuis.')
    ],
    hides: [text('2026-01-05')]
  }
];
