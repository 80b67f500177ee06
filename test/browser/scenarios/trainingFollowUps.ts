// trainingFollowUps, the key-user network's list of people trained more than N weeks ago without a follow-up:
// on its own in each state, and inside keyUserNetwork where it is placed (Home main column, sidebar, phone).
import {
  byObject,
  jestData,
  label,
  text,
  type Fixture,
  type FixtureResult,
  type Scenario
} from '../scenario.ts';

const FOLLOW_UPS = '@salesforce/apex/TrainingFollowUpController.getTrainingFollowUps';
const NETWORK = '@salesforce/apex/KeyUserNetworkController.getNetwork';
const OBJECT_INFO = 'lightning/uiObjectInfoApi.getObjectInfo';
const many: Fixture = { data: jestData('trainingFollowUps', 'getTrainingFollowUps.json') };
const none: Fixture = { data: jestData('trainingFollowUps', 'getTrainingFollowUpsEmpty.json') };
const notKeyUser: Fixture = { data: jestData('trainingFollowUps', 'getTrainingFollowUpsNotKeyUser.json') };
// A sponsor's access to Training_Attendance__c: read only, so no button.
const readOnlyAccess: Fixture = {
  data: {
    apiName: 'Training_Attendance__c',
    createable: false,
    updateable: false,
    fields: { Followed_Up_On__c: { createable: false, updateable: false } }
  }
};
// A key user's access to Training_Attendance__c: may set Followed_Up_On__c, so the button shows.
const keyUserAccess: FixtureResult = {
  data: {
    apiName: 'Training_Attendance__c',
    createable: true,
    updateable: true,
    fields: { Followed_Up_On__c: { createable: true, updateable: true } }
  }
};
// A key user's access to Key_User__c, in the network the list sits in: read only (admins nominate and
// record follow-ups), so the network shows no buttons of its own.
const networkReadOnly: FixtureResult = {
  data: {
    apiName: 'Key_User__c',
    createable: false,
    updateable: false,
    fields: { Last_Follow_Up__c: { createable: false, updateable: false } }
  }
};
const NOW = '2026-11-23T15:00:00.000Z';
/**
 * A c-follow-up-row's button sits beside the row's text (checkbox, name and detail), never wrapped
 * under it, at every region width: the button's middle lies within the text's top and bottom.
 */
export const ROW_BUTTON_BESIDE_TEXT = { within: '.row-layout', first: '.row-text', then: '.row-action' };
const REGIONS: Scenario['regions'] = ['homeMain', 'homeSidebar', 'phone'];

export const scenarios: Scenario[] = [
  {
    name: 'trainingFollowUps-loading',
    component: 'trainingFollowUps',
    description: 'waiting for the server: the heading and a spinner',
    loading: true,
    now: NOW,
    regions: REGIONS,
    // the server has not answered yet
    fixtures: { [FOLLOW_UPS]: { pending: true }, [OBJECT_INFO]: keyUserAccess },
    shows: [label('trainingFollowUps_Title')],
    hides: [label('trainingFollowUps_MarkFollowedUp')]
  },
  {
    name: 'trainingFollowUps-many',
    component: 'trainingFollowUps',
    description: 'nine due, seven listed, five shown first; long French names and teams wrap',
    now: NOW,
    regions: REGIONS,
    fixtures: { [FOLLOW_UPS]: many, [OBJECT_INFO]: keyUserAccess },
    shows: [
      label('trainingFollowUps_Title'),
      text('Trained more than 4 weeks ago and not followed up since: 9.'),
      text('The 7 oldest of 9 are listed: record their follow-ups to see the next ones.'),
      text('Marie-Charlotte de La Rochefoucauld-Montmorency'),
      text('Ventes Île-de-France et Hauts-de-France — grands comptes'),
      text('trained on September 7, 2026')
    ],
    hides: [text('Élodie Marchand-Beauséjour'), text('2026-09-07')],
    actions: [
      {
        role: 'button',
        name: text('Mark Bruno Petit followed up'),
        activate: { call: 'lightning/uiRecordApi.updateRecord', toast: true }
      },
      {
        role: 'button',
        name: text('Show 2 more (7 of 9)'),
        activate: { shows: text('Élodie Marchand-Beauséjour') }
      }
    ]
  },
  {
    name: 'trainingFollowUps-many-fr',
    component: 'trainingFollowUps',
    description: 'the same list in French; each row’s button stays beside its long name',
    language: 'fr',
    now: NOW,
    regions: REGIONS,
    layout: { sameLine: [ROW_BUTTON_BESIDE_TEXT] },
    fixtures: { [FOLLOW_UPS]: many, [OBJECT_INFO]: keyUserAccess },
    shows: [
      label('trainingFollowUps_Title'),
      text('Formées il y a plus de 4 semaines et sans suivi depuis : 9.'),
      text('Marie-Charlotte de La Rochefoucauld-Montmorency'),
      text('formation du 7 septembre 2026')
    ],
    actions: [{ role: 'button', name: text('Marquer le suivi de Bruno Petit comme fait') }]
  },
  {
    name: 'trainingFollowUps-empty',
    component: 'trainingFollowUps',
    description: 'nobody due in the team',
    now: NOW,
    regions: REGIONS,
    fixtures: { [FOLLOW_UPS]: none, [OBJECT_INFO]: keyUserAccess },
    shows: [text('Everyone trained more than 4 weeks ago has been followed up.')],
    hides: [text('Marie-Charlotte'), text('not followed up since')]
  },
  {
    name: 'trainingFollowUps-not-key-user',
    component: 'trainingFollowUps',
    description: 'a sponsor, key user of no team: the server lists nobody, and the component says why',
    language: 'fr',
    now: NOW,
    regions: REGIONS,
    fixtures: { [FOLLOW_UPS]: notKeyUser, [OBJECT_INFO]: readOnlyAccess },
    shows: [label('trainingFollowUps_Title'), label('trainingFollowUps_NotKeyUser')],
    hides: [text('ont eu leur suivi'), text('Marquer le suivi')]
  },
  {
    name: 'trainingFollowUps-error',
    component: 'trainingFollowUps',
    description: 'the server refused',
    language: 'fr',
    now: NOW,
    regions: REGIONS,
    fixtures: {
      [FOLLOW_UPS]: { error: { status: 500, body: { message: 'Accès insuffisant aux présences' } } },
      [OBJECT_INFO]: keyUserAccess
    },
    shows: [label('trainingFollowUps_ErrorTitle'), text('Accès insuffisant aux présences')]
  },
  {
    name: 'trainingFollowUps-in-keyUserNetwork',
    component: 'keyUserNetwork',
    description: 'where it is placed: inside the key-user network, between follow-ups and candidates',
    now: NOW,
    regions: REGIONS,
    fixtures: {
      [NETWORK]: { data: jestData('keyUserNetwork', 'getNetwork.json') },
      [FOLLOW_UPS]: many,
      // a key user: each component reads its own object's access
      [OBJECT_INFO]: byObject({ Key_User__c: networkReadOnly, Training_Attendance__c: keyUserAccess })
    },
    shows: [
      label('keyUserNetwork_FollowUps'),
      label('trainingFollowUps_Title'),
      text('Marie-Charlotte de La Rochefoucauld-Montmorency'),
      label('keyUserNetwork_Candidates')
    ]
  }
];
