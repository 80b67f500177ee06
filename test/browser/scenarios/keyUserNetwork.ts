// keyUserNetwork for the adoption lead: coverage by team and stage, follow-ups due, champion candidates.
import {
  byObject,
  jestData,
  label,
  text,
  type Fixture,
  type FixtureResult,
  type Region,
  type Scenario
} from '../scenario.ts';
import { ROW_BUTTON_BESIDE_TEXT } from './trainingFollowUps.ts';

const NETWORK = '@salesforce/apex/KeyUserNetworkController.getNetwork';
const network: Fixture = { data: jestData('keyUserNetwork', 'getNetwork.json') };
// The training follow-ups inside the network (c-training-follow-ups): every state needs its answer, or
// its spinner turns for ever.
const FOLLOW_UPS = '@salesforce/apex/TrainingFollowUpController.getTrainingFollowUps';
const followUps: Fixture = { data: jestData('trainingFollowUps', 'getTrainingFollowUps.json') };
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
const keyUserAdmin: FixtureResult = {
  data: {
    apiName: 'Key_User__c',
    createable: true,
    updateable: true,
    fields: Object.fromEntries(ACCESS_FIELDS.map((f) => [f, { createable: true, updateable: true }]))
  }
};
// The same admin's access to Training_Attendance__c: may record a trainee's follow-up (c-training-follow-ups).
const attendanceAdmin: FixtureResult = {
  data: {
    apiName: 'Training_Attendance__c',
    createable: true,
    updateable: true,
    fields: { Followed_Up_On__c: { createable: true, updateable: true } }
  }
};
/** Each component reads its own object's access: the network Key_User__c, its training follow-ups Training_Attendance__c. */
const adminAccess: Fixture = byObject({ Key_User__c: keyUserAdmin, Training_Attendance__c: attendanceAdmin });
// A sponsor's: reads both, edits neither, so no button shows.
const sponsorAccess: Fixture = byObject({
  Key_User__c: { data: { apiName: 'Key_User__c', createable: false, updateable: false, fields: {} } },
  Training_Attendance__c: {
    data: { apiName: 'Training_Attendance__c', createable: false, updateable: false, fields: {} }
  }
});
const NOW = '2026-11-23T15:00:00.000Z';
/**
 * Where it is placed: the main column of the cockpit's app page (Adoption_Cockpit_Home), a Home page
 * column (it is exposed to Home pages, main or sidebar), and the mobile app. It is not a utility item.
 */
const REGIONS: Region[] = ['homeMain', 'homeSidebar', 'phone'];
const UPDATE = 'lightning/uiRecordApi.updateRecord';

const FRENCH_TEAMS = [
  'Grands comptes Île-de-France',
  'Auvergne-Rhône-Alpes Entreprises',
  'Provence-Alpes-Côte d’Azur Distribution',
  'Hauts-de-France Collectivités',
  'Bourgogne-Franche-Comté PME',
  'Nouvelle-Aquitaine Santé'
];
const FRENCH_PEOPLE = [
  'Marie-Françoise de La Rochefoucauld-Montbazon',
  'Jean-Baptiste Lefèvre-Desrosiers',
  'Élodie Château-Renaud',
  'Noël Bénédicte Østergaard',
  'Hélène Dubois-Lambert'
];

/**
 * A network at real volume: `teams` teams (the last third without a key user), two key users in each
 * covered team, the first `due` trained long ago and never followed up, and one team of one user among
 * the first listed (uncovered).
 */
function bigNetwork(teams: number, due: number, names: 'en' | 'fr') {
  const teamName = (i: number) =>
    names === 'fr'
      ? `${FRENCH_TEAMS[i % FRENCH_TEAMS.length]} ${i + 1}`
      : `Sales region ${String(i + 1).padStart(2, '0')}`;
  const person = (i: number) =>
    names === 'fr' ? `${FRENCH_PEOPLE[i % FRENCH_PEOPLE.length]} ${i + 1}` : `Key user ${i + 1}`;
  const covered = Math.ceil((teams * 2) / 3);
  const stages = ['Nominated', 'Trained', 'Active', 'Referent'];
  const keyUsers = Array.from({ length: covered * 2 }, (_, i) => ({
    Id: `a0200000000${String(1000 + i)}AAA`,
    Name: person(i),
    User__c: `0050000000${String(10000 + i)}AAA`,
    Team__c: teamName(Math.floor(i / 2)),
    Lifecycle_Status__c: stages[i % 4],
    Trained_On__c: i < due ? `2026-0${1 + (i % 6)}-${String(1 + (i % 27)).padStart(2, '0')}` : null,
    Admin_Rights_Granted__c: i % 4 === 3
  }));
  return {
    followUpWeeks: 4,
    championCandidates: 5,
    periodStart: '2026-11-09',
    keyUsers,
    teams: Array.from({ length: teams }, (_, i) => ({
      name: teamName(i),
      users: i === covered ? 1 : 8 + (i % 9),
      activeUsers: i === covered ? 1 : 3 + (i % 5)
    })),
    candidates: [
      { userId: '005000000000090AAA', name: person(90), team: teamName(teams - 1), engagementScore: 91 },
      { userId: '005000000000091AAA', name: person(91), team: teamName(teams - 2), engagementScore: 84.5 }
    ]
  };
}
const fiftyTeams = bigNetwork(50, 23, 'en');
/** After the first page of 10 follow-ups was recorded: 13 still due. */
const fiftyTeamsAfter = {
  ...fiftyTeams,
  keyUsers: fiftyTeams.keyUsers.map((keyUser, i) =>
    i < 10 ? { ...keyUser, Last_Follow_Up__c: '2026-11-23' } : keyUser
  )
};

export const scenarios: Scenario[] = [
  {
    name: 'keyUserNetwork-data',
    component: 'keyUserNetwork',
    description: 'three teams, one uncovered, follow-ups and candidates',
    now: NOW,
    regions: REGIONS,
    fixtures: { [NETWORK]: network, [OBJECT_INFO]: adminAccess, [FOLLOW_UPS]: followUps },
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
    name: 'keyUserNetwork-volume',
    component: 'keyUserNetwork',
    description: '50 teams, 16 without a key user, 23 follow-ups due: the first page recorded at once',
    now: NOW,
    regions: REGIONS,
    fixtures: {
      [NETWORK]: [{ after: UPDATE, result: { data: fiftyTeamsAfter } }, { result: { data: fiftyTeams } }],
      [OBJECT_INFO]: adminAccess,
      [FOLLOW_UPS]: followUps
    },
    shows: [
      text('Teams with at least one key user: 34 of 50.'),
      // uncovered first: the last teams come at the top
      text('Sales region 35'),
      text('1 user · 1 active'),
      text('23 due'),
      text('1–10 of 23'),
      text('Show all 50 teams')
    ],
    hides: [text('Sales region 34')],
    actions: [
      { role: 'button', name: text('Show all 50 teams'), activate: { shows: text('Sales region 34') } },
      {
        role: 'checkbox',
        name: label('keyUserNetwork_SelectPage'),
        activate: { shows: text('Record 10 follow-ups today') }
      },
      {
        role: 'button',
        name: text('Record 10 follow-ups today'),
        activate: { call: UPDATE, shows: text('1–10 of 13') }
      },
      { role: 'button', name: label('keyUserNetwork_NextPage'), activate: { shows: text('11–13 of 13') } }
    ]
  },
  {
    name: 'keyUserNetwork-fr-volume',
    component: 'keyUserNetwork',
    language: 'fr',
    description:
      '24 teams with long French names, stages and counts in French; the admin-rights badge stays on its key user’s line, the follow-ups’ boxes under the select-all and their buttons beside their names',
    now: NOW,
    regions: REGIONS,
    // a long name wraps beside its badges: the admin-rights badge is not pushed under it (390 px); each
    // follow-up's and candidate's button stays beside its name ("Suivi fait aujourd’hui" on a phone); the
    // rows' checkboxes under "Tout sélectionner" are measured by the gate itself (selectAllProblems)
    layout: {
      sameLine: [
        { within: '.key-user', first: '.key-user-name', then: '[data-id="admin-rights"]' },
        ROW_BUTTON_BESIDE_TEXT
      ]
    },
    fixtures: {
      [NETWORK]: { data: bigNetwork(24, 12, 'fr') },
      [OBJECT_INFO]: adminAccess,
      [FOLLOW_UPS]: followUps
    },
    shows: [
      label('keyUserNetwork_Title'),
      text('Équipes avec au moins un utilisateur clé : 16 sur 24.'),
      text('1 utilisateur · 1 actif'),
      text('Marie-Françoise de La Rochefoucauld-Montbazon 1'),
      label('keyUserNetwork_StageReferent'),
      label('keyUserBadge_AdminRights'),
      text('12 à faire'),
      text('Enregistrer 0 suivi aujourd’hui'),
      // the first of the month is "1er", and the sentence has no gender (issue 12, review 9)
      text('Formation le 1er janvier 2026')
    ],
    hides: [text('Referent'), text('Nominated')]
  },
  {
    name: 'keyUserNetwork-empty',
    component: 'keyUserNetwork',
    description: 'no key user, no team measured yet',
    now: NOW,
    regions: REGIONS,
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
      },
      [OBJECT_INFO]: adminAccess,
      [FOLLOW_UPS]: { data: jestData('trainingFollowUps', 'getTrainingFollowUpsEmpty.json') }
    },
    shows: [label('keyUserNetwork_Title'), label('keyUserNetwork_Empty')]
  },
  {
    name: 'keyUserNetwork-error',
    component: 'keyUserNetwork',
    description: 'the network could not be loaded',
    now: NOW,
    regions: REGIONS,
    fixtures: {
      [NETWORK]: { error: { status: 500, body: { message: 'Key users are not readable' } } },
      [OBJECT_INFO]: adminAccess,
      [FOLLOW_UPS]: followUps
    },
    shows: [label('keyUserNetwork_ErrorTitle'), text('Key users are not readable')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  },
  {
    name: 'keyUserNetwork-fr',
    component: 'keyUserNetwork',
    language: 'fr',
    description: 'coverage, follow-ups and candidates, in French, for a sponsor who may only read',
    now: NOW,
    regions: REGIONS,
    fixtures: { [NETWORK]: network, [OBJECT_INFO]: sponsorAccess, [FOLLOW_UPS]: followUps },
    shows: [
      label('keyUserNetwork_Title'),
      label('keyUserNetwork_Coverage'),
      label('keyUserNetwork_FollowUps'),
      label('keyUserNetwork_Candidates'),
      text('Alice Martin'),
      text('Formation le 5 janvier 2026, sans suivi depuis.')
    ],
    hides: [text('2026-01-05')]
  }
];
