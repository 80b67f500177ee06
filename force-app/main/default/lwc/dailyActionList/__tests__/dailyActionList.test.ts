import { createElement } from 'lwc';
import DailyActionList from 'c/dailyActionList';
import { gql, graphql } from 'lightning/graphql';
import { getRecords, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { refreshApex } from '@salesforce/apex';
import getActionContext from '@salesforce/apex/DailyActionController.getActionContext';
import getMyMessages from '@salesforce/apex/SponsorMessageController.getMyMessages';
import {
  errorPanel,
  expectAccessible,
  flushPromises,
  resetDom,
  shadow
} from '../../../../../test/jest-utils';

const mockActions = require('./data/dailyActions.json');
const mockEmpty = require('./data/dailyActionsEmpty.json');
const mockSettings = require('./data/actionContext.json');
const mockSettingsNoRules = require('./data/actionContextNoRules.json');
const mockMessages = require('./data/myMessages.json');
const mockRuleFieldRecords = require('./data/ruleFieldRecords.json');

jest.mock(
  '@salesforce/apex/DailyActionController.getActionContext',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/SponsorMessageController.getMyMessages',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}
interface GraphqlAdapter {
  emit(value: unknown, filter?: unknown, refresh?: () => Promise<unknown>): void;
  emitErrors(errors: unknown[], filter?: unknown, refresh?: () => Promise<unknown>): void;
}

const graphqlAdapter = graphql as unknown as GraphqlAdapter;
/** The GraphQL query text of the component (gql is a jest.fn() the wire configuration calls). */
function queryText(): string {
  return (gql as unknown as jest.Mock).mock.calls
    .map((call) => (call[0] as TemplateStringsArray).join(''))
    .join('\n');
}
const settingsAdapter = getActionContext as unknown as TestWireAdapter;
const messagesAdapter = getMyMessages as unknown as TestWireAdapter;
const recordsAdapter = getRecords as unknown as TestWireAdapter;

// 07:00 in Los Angeles (the jest user time zone) on Monday 23 November 2026.
const NOW = new Date('2026-11-23T15:00:00.000Z');

/** axe needs real timers: the component already read the clock when it was created. */
function createComponent(props: Record<string, unknown> = {}): HTMLElement & Record<string, unknown> {
  const element = createElement('c-daily-action-list', { is: DailyActionList }) as unknown as HTMLElement &
    Record<string, unknown>;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function items(element: HTMLElement): Array<HTMLElement & { action: { key: string; kind: string } }> {
  return Array.from(shadow(element).querySelectorAll('c-action-item')) as Array<
    HTMLElement & { action: { key: string; kind: string } }
  >;
}

/** The filter in the card header: a c-native-select (value and options are its @api properties). */
function filterSelect(
  element: HTMLElement
): HTMLElement & { value: string; options: Array<{ label: string }> } {
  return shadow(element).querySelector('c-native-select[data-id="filters"]') as HTMLElement & {
    value: string;
    options: Array<{ label: string }>;
  };
}

/**
 * Resolves the "Send proposal to Globex" task in place as its c-action-item does (a `resolved` event with
 * what Undo writes back), then lets the list re-render: the arrangement of the Undo tests.
 */
async function resolveGlobexTask(element: HTMLElement, verb: string, undoFields: Record<string, string>) {
  const task = items(element).find((item) => item.action.key === 'task:00T000000000002AAA') as HTMLElement;
  task.dispatchEvent(
    new CustomEvent('resolved', {
      detail: {
        key: 'task:00T000000000002AAA',
        kind: 'task',
        verb,
        recordId: '00T000000000002AAA',
        title: 'Send proposal to Globex',
        undoFields
      }
    })
  );
  await flushPromises();
}

async function emitAll(
  data: unknown = mockActions,
  settings: unknown = mockSettings,
  records: unknown = mockRuleFieldRecords
): Promise<void> {
  graphqlAdapter.emit(data);
  settingsAdapter.emit(settings);
  messagesAdapter.emit(mockMessages);
  await flushPromises();
  recordsAdapter.emit(records);
  await flushPromises();
}

describe('c-daily-action-list', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, advanceTimers: true });
  });

  afterEach(() => {
    resetDom();
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  describe('loading', () => {
    it('shows a skeleton with a status message until the data arrives', async () => {
      const element = createComponent();
      await flushPromises();
      const loading = shadow(element).querySelector('[data-id="loading"]');
      expect(loading).not.toBeNull();
      expect(loading?.getAttribute('role')).toBe('status');
      expect(loading?.textContent).toContain('c.common_Loading');
      expect(items(element)).toHaveLength(0);
      await expectAccessible(element);
    });

    it('keeps loading while the settings are missing', async () => {
      const element = createComponent();
      graphqlAdapter.emit(mockActions);
      await flushPromises();
      expect(shadow(element).querySelector('[data-id="loading"]')).not.toBeNull();
    });
  });

  describe('error', () => {
    it('shows GraphQL errors readably and retries', async () => {
      const refresh = jest.fn(() => Promise.resolve());
      const element = createComponent();
      graphqlAdapter.emitErrors([{ message: 'No such column Foo__c on Task' }], undefined, refresh);
      settingsAdapter.emit(mockSettings);
      await flushPromises();
      const error = errorPanel(element).querySelector('[data-id="error"]');
      expect(error).not.toBeNull();
      expect(error?.getAttribute('role')).toBe('alert');
      expect(error?.textContent).toContain('c.dailyActionList_ErrorTitle');
      // what the rep can do first ("ask your admin…"); the technical message behind "Details"
      expect(errorPanel(element).querySelector('[data-id="hint"]')?.textContent).toBe(
        'c.dailyActionList_ErrorHint'
      );
      const details = errorPanel(element).querySelector('[data-id="details"]') as HTMLDetailsElement;
      expect(details.open).toBe(false);
      expect(details.textContent).toContain('No such column Foo__c on Task');
      await expectAccessible(element);

      const retry = errorPanel(element).querySelector('[data-id="retry"]') as HTMLElement;
      expect(retry.getAttribute('label') ?? (retry as unknown as { label: string }).label).toBe(
        'c.common_Retry'
      );
      retry.click();
      await flushPromises();
      expect(refresh).toHaveBeenCalledTimes(1);
      expect(refreshApex).toHaveBeenCalled();
    });

    it('shows an Apex settings failure', async () => {
      const element = createComponent();
      graphqlAdapter.emit(mockActions);
      settingsAdapter.error({ message: 'Insufficient access to Cockpit_Setting__mdt' });
      await flushPromises();
      const error = errorPanel(element).querySelector('[data-id="error"]');
      expect(error?.textContent).toContain('Insufficient access to Cockpit_Setting__mdt');
      await expectAccessible(element);
    });

    it('falls back to a generic message when the error has no text', async () => {
      const element = createComponent();
      graphqlAdapter.emitErrors([{}]);
      settingsAdapter.emit(mockSettings);
      await flushPromises();
      expect(errorPanel(element).querySelector('[data-id="error"]')?.textContent).toContain(
        'c.common_UnknownError'
      );
    });
  });

  describe('empty', () => {
    it('congratulates the rep when nothing is left to do', async () => {
      const element = createComponent();
      graphqlAdapter.emit(mockEmpty);
      settingsAdapter.emit(mockSettingsNoRules);
      messagesAdapter.emit([]);
      await flushPromises();
      const empty = shadow(element).querySelector('[data-id="empty"]');
      expect(empty).not.toBeNull();
      expect(empty?.textContent).toContain('c.dailyActionList_EmptyTitle');
      expect(empty?.textContent).toContain('c.dailyActionList_EmptyBody');
      expect(items(element)).toHaveLength(0);
      await expectAccessible(element);
    });
  });

  describe('data', () => {
    it('queries with the current user and ranks every kind of action', async () => {
      const element = createComponent();
      await emitAll();
      expect(shadow(element).querySelector('h2')?.textContent).toBe('c.dailyActionList_Title');
      const keys = items(element).map((item) => item.action.key);
      expect(keys).toHaveLength(9);
      // the next meeting (17:00 UTC, now 15:00) is pinned first, then the most overdue
      expect(keys[0]).toBe('event:00U000000000001AAA');
      expect(keys[1]).toBe('opportunity:006000000000001AAA');
      expect(keys.indexOf('task:00T000000000001AAA')).toBeLessThan(keys.indexOf('task:00T000000000002AAA'));
      expect(keys).toEqual(
        expect.arrayContaining([
          'event:00U000000000001AAA',
          'opportunity:006000000000002AAA',
          'lead:00Q000000000001AAA',
          'acceptanceTest:a03000000000001AAA',
          'sponsorMessage:a05000000000001AAA',
          'missingFields:006000000000003AAA'
        ])
      );
      // Recent opportunity with a future close date, and a lead with activity, are not actions.
      expect(keys).not.toContain('opportunity:006000000000003AAA');
      expect(keys).not.toContain('lead:00Q000000000002AAA');
      await expectAccessible(element);
    });

    it('shows picklist values by their label in the user language (displayValue), the value as fallback', async () => {
      const french = JSON.parse(JSON.stringify(mockActions));
      const query = french.uiapi.query;
      query.Task.edges[0].node.Status.displayValue = 'Non commencée';
      query.Task.edges[1].node.Status.displayValue = null;
      for (const edge of query.Opportunity.edges) {
        edge.node.StageName.displayValue = edge.node.StageName.value === 'Proposal' ? 'Proposition' : null;
        edge.node.Account = null;
      }
      const element = createComponent();
      await emitAll(french);
      const byKey = new Map(
        items(element).map((item) => [
          item.action.key,
          item.action as { key: string; detail?: string | null; stage?: string | null }
        ])
      );
      expect(byKey.get('task:00T000000000001AAA')?.detail).toBe('Non commencée');
      expect(byKey.get('task:00T000000000002AAA')?.detail).toBe(query.Task.edges[1].node.Status.value);
      // the missing-fields item of the Proposal opportunity shows its stage label; the rules still use the value
      expect(byKey.get('missingFields:006000000000003AAA')?.detail).toBe('Proposition');
      expect(byKey.get('missingFields:006000000000003AAA')?.stage).toBe('Proposal');
    });

    it("shows a task's related records (Who · What) under its subject, as Salesforce's task list does", async () => {
      const related = JSON.parse(JSON.stringify(mockActions));
      const tasks = related.uiapi.query.Task.edges;
      tasks[0].node.Who = { Name: { value: 'Léa Martin-Dubois' } };
      tasks[0].node.What = { Name: { value: 'Acme – renouvellement 2027' } };
      // a What of a type the query has no fragment for (a case) comes back empty: the Who alone
      tasks[1].node.Who = { Name: { value: 'Jon Amos' } };
      tasks[1].node.What = {};
      const element = createComponent();
      await emitAll(related);
      const detail = (key: string) =>
        (items(element).find((item) => item.action.key === key)?.action as { detail?: string | null }).detail;
      expect(detail('task:00T000000000001AAA')).toBe('Léa Martin-Dubois · Acme – renouvellement 2027');
      expect(detail('task:00T000000000002AAA')).toBe('Jon Amos');
      const compact = queryText().replace(/\s+/g, ' ');
      expect(compact).toContain('Who @optional { ... on Contact { Name @optional { value } }');
      expect(compact).toContain('What @optional { ... on Account { Name @optional { value } }');
    });

    it('asks for the displayValue of the picklists it shows', async () => {
      createComponent();
      await flushPromises();
      const compact = queryText().replace(/\s+/g, ' ');
      expect(compact).toContain('Status @optional { value displayValue }');
      expect(compact).toContain('StageName @optional { value displayValue }');
    });

    it('queries every field but Id with @optional, so one field hidden by FLS cannot fail the query', async () => {
      createComponent();
      await flushPromises();
      const structural = new Set(['uiapi', 'query', 'edges', 'node']);
      // an inline fragment's type condition (`... on Contact {`) is not a field
      const selections = [...queryText().matchAll(/(\.\.\.\s+on\s+)?(\w+)(\s+@optional)?\s*\{/g)].filter(
        (m) => !m[1] && !structural.has(m[2]!)
      );
      expect(selections.length).toBeGreaterThan(20);
      expect(selections.filter((m) => !m[3]).map((m) => m[2])).toEqual([]);
    });

    it('still renders the list when FLS hides Amount, Probability, Company, Priority and more', async () => {
      // what GraphQL returns for @optional fields the rep cannot read: the keys are absent
      const hidden = JSON.parse(JSON.stringify(mockActions));
      const query = hidden.uiapi.query;
      for (const edge of query.Task.edges) {
        delete edge.node.Priority;
        delete edge.node.Status;
      }
      for (const edge of query.Opportunity.edges) {
        delete edge.node.Amount;
        delete edge.node.Probability;
        delete edge.node.Account;
      }
      for (const edge of query.Lead.edges) {
        delete edge.node.Company;
      }
      for (const edge of query.Event.edges) {
        delete edge.node.Location;
      }
      const element = createComponent();
      await emitAll(hidden);
      expect(shadow(element).querySelector('c-error-panel')).toBeNull();
      const byKey = new Map(
        items(element).map((item) => [
          item.action.key,
          item.action as {
            key: string;
            amount?: number | null;
            priority?: string | null;
            detail?: string | null;
          }
        ])
      );
      expect(byKey.size).toBe(9);
      expect(byKey.get('opportunity:006000000000001AAA')?.amount).toBeNull();
      expect(byKey.get('task:00T000000000001AAA')?.priority).toBeNull();
      expect(byKey.get('lead:00Q000000000001AAA')?.detail).toBeNull();
    });

    it('does not call an opportunity quiet, nor a lead untouched, when their last activity is hidden', async () => {
      const hidden = JSON.parse(JSON.stringify(mockActions));
      for (const edge of hidden.uiapi.query.Opportunity.edges) delete edge.node.LastActivityDate;
      for (const edge of hidden.uiapi.query.Lead.edges) delete edge.node.LastActivityDate;
      const element = createComponent();
      await emitAll(hidden);
      const actions = items(element).map(
        (item) => item.action as { key: string; kind: string; reason?: string }
      );
      expect(actions.filter((a) => a.kind === 'opportunity').every((a) => a.reason === 'pastClose')).toBe(
        true
      );
      expect(actions.some((a) => a.kind === 'lead')).toBe(false);
    });

    it("passes the org's closed task status to each task item", async () => {
      const element = createComponent();
      await emitAll(mockActions, { ...mockSettings, closedTaskStatus: 'Done_FR' });
      const tasks = items(element).filter((item) => item.action.kind === 'task') as unknown as Array<{
        closedTaskStatus: string | null;
      }>;
      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.every((task) => task.closedTaskStatus === 'Done_FR')).toBe(true);
    });

    it('asks getRecords for the rule fields of the records the rules could apply to', async () => {
      createComponent();
      await emitAll();
      const config = recordsAdapter.getLastConfig() as {
        records: Array<{ recordIds: string[]; optionalFields: string[] }>;
      };
      expect(config.records).toEqual([
        {
          recordIds: ['006000000000001AAA', '006000000000002AAA', '006000000000003AAA'],
          optionalFields: ['Opportunity.Description', 'Opportunity.NextStep']
        }
      ]);
    });

    it('lists the missing fields from the shared scoring module', async () => {
      const element = createComponent();
      await emitAll();
      const missing = items(element).find((item) => item.action.kind === 'missingFields') as unknown as {
        action: { missingFields: string[] };
      };
      expect(missing.action.missingFields).toEqual(['NextStep', 'Description']);
    });

    it('scores a placeholder as empty when the Cockpit setting says so, as the sync does', async () => {
      // Record 3's NextStep holds "  t.b.d " (not a placeholder: dots) then " N / A " (one).
      const withValue = (value: string): unknown => {
        const records = JSON.parse(JSON.stringify(mockRuleFieldRecords)) as {
          results: Array<{ result: { id: string; fields: Record<string, { value: unknown }> } }>;
        };
        const third = records.results.find((r) => r.result.id === '006000000000003AAA');
        if (!third) throw new Error('fixture changed');
        third.result.fields.NextStep = { value };
        return records;
      };
      const missingOf = async (settings: unknown, value: string): Promise<string[]> => {
        resetDom();
        const element = createComponent();
        await emitAll(mockActions, settings, withValue(value));
        const missing = items(element).find(
          (item) => item.action.key === 'missingFields:006000000000003AAA'
        ) as unknown as { action: { missingFields: string[] } };
        return missing.action.missingFields;
      };
      const on = { ...mockSettings, placeholdersAsEmpty: true };
      expect(await missingOf(mockSettings, ' N / A ')).toEqual(['Description']);
      expect(await missingOf(on, ' N / A ')).toEqual(['NextStep', 'Description']);
      expect(await missingOf(on, 'Send contract')).toEqual(['Description']);
    });

    it('groups the rows: next meeting, overdue, today, to tidy up, with their counts', async () => {
      const element = createComponent();
      await emitAll();
      const groups = Array.from(shadow(element).querySelectorAll('section[data-group]')).map((section) => [
        section.getAttribute('data-group'),
        section.querySelectorAll('c-action-item').length
      ]);
      expect(groups).toEqual([
        ['nextMeeting', 1],
        ['overdue', 2],
        // due today, an untouched lead, a test to run, a message
        ['today', 4],
        // a quiet opportunity, a record missing fields
        ['tidyUp', 2]
      ]);
      expect(shadow(element).querySelector('section[data-group="overdue"] h3')?.textContent).toBe(
        'c.dailyActionList_ActionsInGroup'
      );
      await expectAccessible(element);
    });

    it('filters with one select in the card header, a row counting for each of its kinds', async () => {
      const element = createComponent();
      await emitAll();
      const select = filterSelect(element);
      expect(select.closest('.slds-card__header')).not.toBeNull();
      const labels = select.options.map((o) => o.label);
      expect(labels[0]).toBe('c.dailyActionList_FilterAll (9)');
      expect(labels).toContain('c.dailyActionList_KindTask (2)');
      expect(labels).toContain('c.dailyActionList_KindOpportunity (2)');
      expect(shadow(element).querySelectorAll('button[data-value]')).toHaveLength(0);
      select.dispatchEvent(new CustomEvent('change', { detail: { value: 'task' } }));
      await flushPromises();
      expect(select.value).toBe('task');
      await flushPromises();
      expect(items(element).map((i) => i.action.kind)).toEqual(['task', 'task']);
      await expectAccessible(element);
    });

    it('after the last item of a filter, says so and offers the way back to all actions', async () => {
      const element = createComponent();
      await emitAll();
      filterSelect(element).dispatchEvent(new CustomEvent('change', { detail: { value: 'event' } }));
      await flushPromises();
      const [meeting] = items(element);
      (meeting as HTMLElement).dispatchEvent(
        new CustomEvent('resolved', {
          detail: {
            key: 'event:00U000000000001AAA',
            kind: 'event',
            verb: 'filled',
            recordId: 'x',
            title: 'x'
          }
        })
      );
      await flushPromises();
      expect(items(element)).toHaveLength(0);
      const done = shadow(element).querySelector('[data-id="filter-done"]') as HTMLElement;
      expect(done.textContent).toContain('c.dailyActionList_FilterDone');
      expect(shadow(element).querySelector('[data-id="empty"]')).toBeNull();
      // the filter stays on its kind, at 0, so the select says where the rep is
      expect(filterSelect(element).value).toBe('event');
      expect(filterSelect(element).options.map((o) => o.label)).toContain('c.dailyActionList_KindEvent (0)');
      (shadow(element).querySelector('[data-id="show-all"]') as HTMLElement).click();
      await flushPromises();
      expect(items(element)).toHaveLength(8);
      await expectAccessible(element);
    });

    it('merges the items of one record into one row with all its reasons', async () => {
      // the Proposal opportunity, also past its close date: listed once, with both reasons
      const late = JSON.parse(JSON.stringify(mockActions));
      late.uiapi.query.Opportunity.edges[2].node.CloseDate.value = '2026-11-20';
      const element = createComponent();
      await emitAll(late);
      const rows = items(element).filter((i) => i.action.key.endsWith('006000000000003AAA'));
      expect(rows).toHaveLength(1);
      const row = rows[0]?.action as unknown as {
        kind: string;
        reasons: Array<{ reason: string }>;
        kinds: string[];
      };
      expect(row.kind).toBe('opportunity');
      expect(row.reasons.map((r) => r.reason)).toEqual(['pastClose', 'missingFields']);
      expect(row.kinds).toEqual(['opportunity', 'missingFields']);
    });

    it('names the missing fields by their labels from getObjectInfos', async () => {
      const element = createComponent();
      await emitAll();
      expect((getObjectInfos as unknown as TestWireAdapter).getLastConfig()).toEqual({
        objectApiNames: ['Opportunity']
      });
      (getObjectInfos as unknown as TestWireAdapter).emit({
        results: [
          {
            statusCode: 200,
            result: { apiName: 'Opportunity', fields: { NextStep: { label: 'Next Step' } } }
          }
        ]
      });
      await flushPromises();
      const item = items(element).find(
        (i) => i.action.key === 'missingFields:006000000000003AAA'
      ) as unknown as {
        fieldLabels: Record<string, string>;
      };
      expect(item.fieldLabels).toEqual({ NextStep: 'Next Step' });
    });

    it('offers Undo after a completed task and puts it back', async () => {
      const refresh = jest.fn(() => Promise.resolve());
      const element = createComponent();
      graphqlAdapter.emit(mockActions, undefined, refresh);
      settingsAdapter.emit(mockSettings);
      messagesAdapter.emit(mockMessages);
      await flushPromises();
      await resolveGlobexTask(element, 'completed', { Status: 'In Progress' });
      expect(items(element).map((i) => i.action.key)).not.toContain('task:00T000000000002AAA');
      const undoBar = shadow(element).querySelector('[data-id="undo"]') as HTMLElement;
      expect(undoBar.getAttribute('role')).toBe('status');
      expect(undoBar.textContent).toContain('c.dailyActionList_Completed');
      (shadow(element).querySelector('[data-id="undo-button"]') as HTMLElement).click();
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: '00T000000000002AAA', Status: 'In Progress' }
      });
      expect(items(element).map((i) => i.action.key)).toContain('task:00T000000000002AAA');
      expect(shadow(element).querySelector('[data-id="undo"]')).toBeNull();
      expect(refresh).toHaveBeenCalledTimes(2);
    });

    it('keeps the task off the list and explains when Undo fails', async () => {
      (updateRecord as unknown as jest.Mock).mockRejectedValueOnce({ body: { message: 'ENTITY_IS_LOCKED' } });
      const element = createComponent();
      await emitAll();
      await resolveGlobexTask(element, 'snoozed', { ActivityDate: '2026-11-23' });
      expect(shadow(element).querySelector('[data-id="undo"]')?.textContent).toContain(
        'c.dailyActionList_Snoozed'
      );
      (shadow(element).querySelector('[data-id="undo-button"]') as HTMLElement).click();
      await flushPromises();
      const error = shadow(element).querySelector('[data-id="undo-error"]') as HTMLElement;
      expect(error.textContent).toContain('c.dailyActionList_ErrorHint');
      expect(error.querySelector('details')?.textContent).toContain('ENTITY_IS_LOCKED');
      expect(items(element).map((i) => i.action.key)).not.toContain('task:00T000000000002AAA');
    });

    it('renders only the first items and shows more on demand', async () => {
      const element = createComponent({ itemsToShow: 4 });
      await emitAll();
      expect(items(element)).toHaveLength(4);
      const showMore = shadow(element).querySelector('[data-id="show-more"]') as HTMLElement & {
        label: string;
      };
      expect(showMore.label).toBe('c.dailyActionList_ShowMore');
      showMore.click();
      await flushPromises();
      expect(items(element)).toHaveLength(8);
      (shadow(element).querySelector('[data-id="show-more"]') as HTMLElement).click();
      await flushPromises();
      expect(items(element)).toHaveLength(9);
      expect(shadow(element).querySelector('[data-id="show-more"]')).toBeNull();
    });

    it('uses the quiet-days design property over the setting', async () => {
      const element = createComponent({ quietDays: 60 });
      await emitAll();
      const keys = items(element).map((item) => item.action.key);
      expect(keys).not.toContain('opportunity:006000000000002AAA');
      expect(keys).toContain('opportunity:006000000000001AAA');
    });

    it('hides an item resolved in place and refreshes the query after a task', async () => {
      const refresh = jest.fn(() => Promise.resolve());
      const element = createComponent();
      graphqlAdapter.emit(mockActions, undefined, refresh);
      settingsAdapter.emit(mockSettings);
      messagesAdapter.emit(mockMessages);
      await flushPromises();
      recordsAdapter.emit(mockRuleFieldRecords);
      await flushPromises();
      const task = items(element).find(
        (item) => item.action.key === 'task:00T000000000002AAA'
      ) as HTMLElement;
      task.dispatchEvent(
        new CustomEvent('resolved', { detail: { key: 'task:00T000000000002AAA', kind: 'task' } })
      );
      await flushPromises();
      expect(items(element).map((item) => item.action.key)).not.toContain('task:00T000000000002AAA');
      expect(items(element)).toHaveLength(8);
      expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('shows data with a warning when a secondary source fails', async () => {
      const element = createComponent();
      graphqlAdapter.emit(mockActions);
      settingsAdapter.emit(mockSettings);
      messagesAdapter.error({ message: 'Sponsor messages are unavailable' });
      await flushPromises();
      const partial = shadow(element).querySelector('[data-id="partial"]');
      expect(partial?.textContent).toContain('c.dailyActionList_PartialWarning');
      expect(partial?.textContent).toContain('Sponsor messages are unavailable');
      expect(items(element).length).toBeGreaterThan(0);
      await expectAccessible(element);
    });
  });
});
