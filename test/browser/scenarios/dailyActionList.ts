// dailyActionList on the rep's home page: today's actions ranked, filters, and acting in place.
import { jestData, label, text, type Fixture, type FixtureResult, type Scenario } from '../scenario.ts';
import {
  PAGE_REFERENCES,
  REP_DAY_CONTEXT,
  REP_DAY_MORNING_FR,
  REP_DAY_NOW,
  repDayActions,
  repDayMessages,
  repDayObjectInfos,
  repDayRecords,
  withoutTask
} from '../fixtures/data/repDay.ts';

const data = (file: string): Fixture => ({ data: jestData('dailyActionList', file) });
const GRAPHQL = 'lightning/graphql.graphql';
const CONTEXT = '@salesforce/apex/DailyActionController.getActionContext';
const MESSAGES = '@salesforce/apex/SponsorMessageController.getMyMessages';
const RECORDS = 'lightning/uiRecordApi.getRecords';
const OBJECT_INFOS = 'lightning/uiObjectInfoApi.getObjectInfos';
/** The list sits on a Home page (its CurrentPageReference: the named page "home"). */
const PAGE_REFERENCE = 'lightning/navigation.CurrentPageReference';
const UPDATE = 'lightning/uiRecordApi.updateRecord';
/** A task the Overdue group shows on its first page (most days late first): the one the undo scenario completes. */
const UNDO_TASK = 'Call Globex about the contract renewal (8)';

/** A rep's day at real volume (44 rows), in a language. */
function repDay(lang: 'en' | 'fr'): Record<string, Fixture> {
  return {
    [GRAPHQL]: repDayActions(lang),
    [CONTEXT]: REP_DAY_CONTEXT,
    [MESSAGES]: repDayMessages(lang),
    [RECORDS]: repDayRecords(),
    [OBJECT_INFOS]: repDayObjectInfos(lang),
    [PAGE_REFERENCE]: PAGE_REFERENCES.home
  };
}
// 07:00 in Los Angeles on Monday 23 November 2026, the day the jest fixtures are written for.
const NOW = '2026-11-23T15:00:00.000Z';

const withData = {
  [GRAPHQL]: data('dailyActions.json'),
  [CONTEXT]: data('actionContext.json'),
  [MESSAGES]: data('myMessages.json'),
  [RECORDS]: data('ruleFieldRecords.json'),
  // the labels of the fields the missing-fields rows name (Opportunity NextStep, Description)
  [OBJECT_INFOS]: repDayObjectInfos('en'),
  [PAGE_REFERENCE]: PAGE_REFERENCES.home
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

/** The jest day with only its first task (Call Acme), then without it (completed). */
function oneTask(): FixtureResult {
  const actions = JSON.parse(JSON.stringify(jestData('dailyActionList', 'dailyActions.json'))) as {
    uiapi: { query: { Task: { edges: unknown[] } } };
  };
  actions.uiapi.query.Task.edges = actions.uiapi.query.Task.edges.slice(0, 1);
  return { data: actions };
}

function oneTaskLess(): FixtureResult {
  const fixture = oneTask() as { data: { uiapi: { query: { Task: { edges: unknown[] } } } } };
  fixture.data.uiapi.query.Task.edges = [];
  return fixture;
}

export const scenarios: Scenario[] = [
  {
    name: 'dailyActionList-data',
    component: 'dailyActionList',
    description: "today's actions of a rep, all kinds, in groups",
    now: NOW,
    regions: ['homeMain', 'utilityBar', 'phone'],
    fixtures: withData,
    shows: [
      label('dailyActionList_Title'),
      label('dailyActionList_GroupNextMeeting'),
      text('Call Acme about renewal'),
      text('Demo with Initech'),
      text('Log every customer call this week'),
      text('Create an opportunity from a lead')
    ],
    hides: [label('dailyActionList_EmptyTitle'), label('dailyActionList_ErrorTitle')],
    actions: [
      { role: 'combobox', name: label('dailyActionList_FilterGroup') },
      {
        role: 'checkbox',
        name: text('Complete: Call Acme about renewal'),
        activate: { call: UPDATE, shows: text('Task completed: Call Acme about renewal') }
      },
      { role: 'link', name: text('Demo with Initech'), exact: true, activate: { navigation: true } },
      {
        role: 'button',
        name: text('More actions for Send proposal to Globex'),
        activate: { shows: label('actionItem_Snooze') }
      }
    ]
  },
  {
    name: 'dailyActionList-volume-fr',
    component: 'dailyActionList',
    description:
      'a French rep at 8:30 (Paris): 44 actions, the 09:30 meeting pinned, long names, merged reasons, singular counts; tasks name their related records; titles line up at every width',
    language: 'fr',
    now: REP_DAY_MORNING_FR,
    regions: ['homeMain', 'utilityBar', 'phone'],
    touchTargets: true,
    props: { itemsToShow: 60 },
    fixtures: repDay('fr'),
    shows: [
      label('dailyActionList_GroupNextMeeting'),
      label('dailyActionList_GroupOverdue'),
      label('dailyActionList_GroupToday'),
      label('dailyActionList_GroupTidyUp'),
      // the 09:30 meeting (Paris time) is next at 8:30; with a wrong clock it has ended or reads 10:30
      text('Point hebdomadaire équipe'),
      text('09:30'),
      text('Démonstration chez Laboratoires Lefèvre-Desjardins'),
      text('Établissements Dupont-Aignan & Fils – renouvellement du contrat-cadre 2027 (lot 1)'),
      // singular counts
      text('En retard de 1 jour'),
      text('Date de clôture dépassée de 1 jour'),
      text('Nouvelle piste, non traitée depuis 1 jour'),
      // the missing fields by their French label, said once: not also counted ("1 champ à compléter")
      text('À compléter : Étape suivante, Description'),
      // a task names its related records, Who then What, as Salesforce's task list does
      text(
        'Anne-Sophie Vermeulen-Castelnau · Établissements Dupont-Aignan & Fils – renouvellement du contrat-cadre 2027 (lot 1)'
      ),
      // a task without related records shows its status
      text('Non commencée')
    ],
    hides: [text('Not Started'), text('NextStep'), text('1 champ à compléter'), text('2 champs à compléter')],
    // a task's title (after its checkbox) starts where an opportunity's (after its icon) does
    layout: { aligned: ['c-action-item .title'] },
    actions: [
      {
        role: 'button',
        name: text(
          'Autres actions pour Rappeler Établissements Dupont-Aignan & Fils au sujet du renouvellement du contrat (1)'
        ),
        activate: { shows: label('actionItem_Snooze') }
      }
    ]
  },
  {
    name: 'dailyActionList-undo',
    component: 'dailyActionList',
    description: 'complete a task with its checkbox, then Undo: the list after each (fixtures change)',
    now: REP_DAY_NOW,
    regions: ['homeMain', 'utilityBar', 'phone'],
    fixtures: {
      ...repDay('en'),
      [GRAPHQL]: [
        { after: `${UPDATE}#2`, result: repDayActions('en') },
        { after: UPDATE, result: withoutTask(repDayActions('en'), UNDO_TASK) },
        { result: repDayActions('en') }
      ]
    },
    shows: [text(UNDO_TASK), label('dailyActionList_GroupOverdue')],
    actions: [
      {
        role: 'checkbox',
        name: text(`Complete: ${UNDO_TASK}`),
        activate: { call: UPDATE, shows: text(`Task completed: ${UNDO_TASK}`) }
      },
      {
        role: 'button',
        name: label('dailyActionList_Undo'),
        exact: true,
        activate: { call: UPDATE, shows: text(UNDO_TASK) }
      }
    ]
  },
  {
    name: 'dailyActionList-last-of-filter',
    component: 'dailyActionList',
    description: 'the last task of the Tasks filter is completed: a clear state and the way back',
    now: NOW,
    regions: ['homeMain', 'utilityBar', 'phone'],
    fixtures: {
      ...withData,
      [GRAPHQL]: [{ after: UPDATE, result: oneTaskLess() }, { result: oneTask() }]
    },
    shows: [text('Call Acme about renewal')],
    actions: [
      {
        role: 'combobox',
        name: label('dailyActionList_FilterGroup'),
        press: ['ArrowDown'],
        // the filter is proven by the next step: "Nothing left in “Tasks”"
        activate: { shows: text('Call Acme about renewal') }
      },
      {
        role: 'checkbox',
        name: text('Complete: Call Acme about renewal'),
        activate: { call: UPDATE, shows: text('Nothing left in “Tasks”.') }
      },
      {
        role: 'button',
        name: text('Show all actions'),
        activate: { shows: text('Demo with Initech') }
      }
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
      [RECORDS]: { data: { results: [] } },
      // no missing-fields row asks for field labels
      [OBJECT_INFOS]: { pending: true },
      [PAGE_REFERENCE]: PAGE_REFERENCES.home
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
    // what the rep can do first; the technical message waits behind "Details"
    shows: [label('dailyActionList_ErrorTitle'), label('dailyActionList_ErrorHint'), label('common_Details')],
    hides: [text('Unable to read the cockpit settings')],
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
    fixtures: { ...withData, [GRAPHQL]: frenchActions(), [OBJECT_INFOS]: repDayObjectInfos('fr') },
    shows: [
      label('dailyActionList_Title'),
      label('dailyActionList_GroupOverdue'),
      text('Call Acme about renewal'),
      // picklist values by their French label, not their API value
      text('Non commencée')
    ],
    hides: [text('Not Started')]
  }
];
