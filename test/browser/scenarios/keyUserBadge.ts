// keyUserBadge on a Key_User__c record page (a narrow column): role, status and admin-rights badges.
import { jestData, label, text, type Scenario } from '../scenario.ts';

const GET_RECORD = 'lightning/uiRecordApi.getRecord';
const record = (file: string) => ({ [GET_RECORD]: { data: jestData('keyUserBadge', file) } });
const props = { recordId: 'a01000000000001AAA' };

export const scenarios: Scenario[] = [
  {
    name: 'keyUserBadge-data',
    component: 'keyUserBadge',
    description: 'active local relay with admin rights',
    regions: ['homeSidebar', 'phone'],
    props,
    fixtures: record('keyUserRecord.json'),
    shows: [
      label('keyUserBadge_Title'),
      text('Local Relay'),
      text('Active'),
      label('keyUserBadge_AdminRights')
    ],
    hides: [label('keyUserBadge_Error'), label('keyUserBadge_NotSet')]
  },
  {
    name: 'keyUserBadge-nominated',
    component: 'keyUserBadge',
    description: 'nominated key user without a role yet',
    regions: ['homeSidebar', 'phone'],
    props,
    fixtures: record('keyUserRecordNominated.json'),
    shows: [label('keyUserBadge_Title'), label('keyUserBadge_NotSet'), text('Nominated')],
    hides: [label('keyUserBadge_AdminRights')]
  },
  {
    name: 'keyUserBadge-error',
    component: 'keyUserBadge',
    description: 'record not found',
    regions: ['homeSidebar', 'phone'],
    props,
    fixtures: { [GET_RECORD]: { error: jestData('keyUserBadge', 'getRecordError.json') as object } },
    shows: [label('keyUserBadge_Error'), text('The requested resource does not exist')]
  },
  {
    name: 'keyUserBadge-fr',
    component: 'keyUserBadge',
    language: 'fr',
    description: 'active local relay, in French',
    regions: ['homeSidebar', 'phone'],
    props,
    // the UI API gives a French user the picklists' French labels
    fixtures: record('keyUserRecordFr.json'),
    shows: [
      label('keyUserBadge_Title'),
      text('Relais local'),
      text('Actif'),
      label('keyUserBadge_AdminRights')
    ],
    hides: [text('Local Relay'), text('Active')]
  }
];
