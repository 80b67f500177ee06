// Turns what the action list fetched (one GraphQL response, the cockpit settings and rules from Apex,
// the rep's sponsor messages, the rule fields of their records) into ranking candidates.
// No platform imports: everything here is plain data in, plain data out.

import type { ActionCandidate } from 'c/actionRanking';
import { daysBetween } from 'c/actionRanking';
import {
  type CompletenessRule,
  type FieldKinds,
  type RecordValues,
  type ScoringOptions,
  missingFields,
  splitList
} from 'c/completenessScoring';

/**
 * A UI API GraphQL scalar field: `{ value }`, and for a picklist its label in the user's language.
 * Every field but Id is queried `@optional` (GraphQL API v65.0+): a field the user cannot read (FLS)
 * is then absent from the node (undefined) instead of failing the whole query; `{ value: null }`
 * means readable and empty. The builders below treat an absent field as unknown.
 */
export interface GqlValue<T> {
  value: T | null;
  displayValue?: string | null;
}

interface GqlConnection<N> {
  edges: Array<{ node: N }>;
}

interface GqlRecordType {
  DeveloperName?: GqlValue<string> | null;
}

/**
 * A task's polymorphic parent (Who: a contact or lead; What: an account, an opportunity…) as the query's
 * inline fragments return it: `Name` when the parent is of a type the query names, `{}` for another type
 * (a case, a custom object), null when there is none, absent when the field is not readable.
 */
interface GqlParentName {
  Name?: GqlValue<string>;
}

export interface TaskNode {
  Id: string;
  Subject?: GqlValue<string>;
  ActivityDate?: GqlValue<string>;
  Priority?: GqlValue<string>;
  Status?: GqlValue<string>;
  Who?: GqlParentName | null;
  What?: GqlParentName | null;
}

export interface EventNode {
  Id: string;
  Subject?: GqlValue<string>;
  StartDateTime?: GqlValue<string>;
  EndDateTime?: GqlValue<string>;
  IsAllDayEvent?: GqlValue<boolean>;
  Location?: GqlValue<string>;
}

export interface OpportunityNode {
  Id: string;
  Name?: GqlValue<string>;
  Amount?: GqlValue<number>;
  CloseDate?: GqlValue<string>;
  StageName?: GqlValue<string>;
  Probability?: GqlValue<number>;
  LastActivityDate?: GqlValue<string>;
  CreatedDate?: GqlValue<string>;
  RecordType?: GqlRecordType | null;
  Account?: { Name?: GqlValue<string> } | null;
}

export interface LeadNode {
  Id: string;
  Name?: GqlValue<string>;
  Company?: GqlValue<string>;
  Status?: GqlValue<string>;
  CreatedDate?: GqlValue<string>;
  LastActivityDate?: GqlValue<string>;
  RecordType?: GqlRecordType | null;
}

export interface OwnedRecordNode {
  Id: string;
  Name?: GqlValue<string>;
  RecordType?: GqlRecordType | null;
}

/** The shape of `data` of the action list's GraphQL query. */
export interface DailyActionsData {
  uiapi: {
    query: {
      Task?: GqlConnection<TaskNode>;
      Event?: GqlConnection<EventNode>;
      Opportunity?: GqlConnection<OpportunityNode>;
      Lead?: GqlConnection<LeadNode>;
      Account?: GqlConnection<OwnedRecordNode>;
      Contact?: GqlConnection<OwnedRecordNode>;
    };
  };
}

/** One Completeness_Rule__mdt as DailyActionController returns it. */
export interface ApexCompletenessRule {
  name: string;
  objectName: string;
  fieldName: string;
  weight: number | null;
  recordTypes: string | null;
  stages: string | null;
}

/** One test case of DailyActionController.getActionContext(). */
export interface ApexAcceptanceTest {
  id: string;
  name: string | null;
  scenario: string | null;
  sessionName: string | null;
  sessionEndDate: string | null;
}

/** DailyActionController.getActionContext(). */
export interface ActionSettings {
  quietOpportunityDays: number | null;
  untouchedLeadHours: number | null;
  rules: ApexCompletenessRule[];
  acceptanceTests?: ApexAcceptanceTest[];
  /** API value of the org's closed task status (TaskStatus.IsClosed), null when none is readable. */
  closedTaskStatus?: string | null;
  /** Score_Placeholders_As_Empty__c: a placeholder (TBD, n/a…) counts as empty, as in the sync. */
  placeholdersAsEmpty?: boolean | null;
}

/** One message of SponsorMessageController.getMyMessages() (only what the action list needs). */
export interface SponsorMessageSummary {
  id: string;
  title: string;
  sponsorName: string | null;
  publishFrom: string | null;
}

/** A record a completeness rule could apply to: where it came from and its context. */
export interface CompletenessCandidate {
  recordId: string;
  objectApiName: string;
  title: string;
  recordType: string | null;
  /** The API value, for the rules. */
  stage: string | null;
  /** The label of the stage or status in the user's language, to show. */
  stageLabel?: string | null;
}

/** A record as `getRecords` returns it (only what is read here). */
export interface UiRecord {
  id: string;
  apiName: string;
  fields: Record<string, { value: unknown } | undefined>;
}

export const DEFAULT_QUIET_DAYS = 14;
export const DEFAULT_UNTOUCHED_LEAD_HOURS = 24;
/** A lead counts as new for this many days after its creation. */
export const NEW_LEAD_DAYS = 30;
/** Records checked for missing fields, at most (getRecords takes them in one request). */
export const MAX_COMPLETENESS_RECORDS = 150;

function edges<N>(connection: GqlConnection<N> | undefined): N[] {
  return connection?.edges.map((edge) => edge.node) ?? [];
}

function text(field: GqlValue<string> | undefined | null): string | null {
  return field?.value ?? null;
}

/** What a person reads for a field: the picklist label (displayValue) when there is one, else the value. */
function shown(field: GqlValue<string> | undefined | null): string | null {
  return field?.displayValue || text(field);
}

/**
 * What a task row says under its subject, as Salesforce's task lists do: its related records, the person
 * (Who: "Name") then the record (What: "Related To"), joined by " · ". The status when it has neither.
 * @param task the task node
 * @returns the text, or null when nothing is readable
 */
function taskDetail(task: TaskNode): string | null {
  const related = [text(task.Who?.Name), text(task.What?.Name)].filter((name): name is string => !!name);
  return related.length ? related.join(' · ') : shown(task.Status);
}

/**
 * Converts the Apex rules to the scoring module's rules (active ones only: Apex returns no others).
 * @param rules rules from DailyActionController
 * @returns scoring rules
 */
export function toScoringRules(rules: readonly ApexCompletenessRule[] | undefined): CompletenessRule[] {
  return (rules ?? []).map((rule) => ({
    name: rule.name,
    object: rule.objectName,
    field: rule.fieldName,
    weight: rule.weight ?? 1,
    recordTypes: splitList(rule.recordTypes),
    stages: splitList(rule.stages),
    active: true
  }));
}

/** What the candidate builders need to know besides the data. */
export interface SourceOptions {
  /** Today in the user's time zone, `yyyy-mm-dd`. */
  today: string;
  /** Now, ISO date-time, for the untouched-lead cut-off. */
  now: string;
  quietDays: number;
  untouchedLeadHours: number;
}

/**
 * Builds the candidates of the GraphQL part: tasks, events, opportunities, leads.
 * @param data the GraphQL `data`
 * @param options today, now and the thresholds
 * @returns candidates, unranked
 */
export function candidatesFromGraphql(
  data: DailyActionsData | undefined,
  options: SourceOptions
): ActionCandidate[] {
  const query = data?.uiapi.query;
  if (!query) {
    return [];
  }
  const items: ActionCandidate[] = [];
  for (const task of edges(query.Task)) {
    const due = text(task.ActivityDate);
    items.push({
      key: `task:${task.Id}`,
      kind: 'task',
      reason: due && due < options.today ? 'overdue' : 'dueToday',
      recordId: task.Id,
      objectApiName: 'Task',
      title: text(task.Subject) ?? task.Id,
      dueDate: due,
      priority: text(task.Priority),
      detail: taskDetail(task),
      status: text(task.Status)
    });
  }
  for (const event of edges(query.Event)) {
    items.push({
      key: `event:${event.Id}`,
      kind: 'event',
      reason: 'today',
      recordId: event.Id,
      objectApiName: 'Event',
      title: text(event.Subject) ?? event.Id,
      dueDate: options.today,
      startDateTime: event.IsAllDayEvent?.value ? null : text(event.StartDateTime),
      endDateTime: event.IsAllDayEvent?.value ? null : text(event.EndDateTime),
      detail: text(event.Location)
    });
  }
  for (const opportunity of edges(query.Opportunity)) {
    const closeDate = text(opportunity.CloseDate);
    // LastActivityDate hidden by FLS: unknown, so never "quiet" (the creation date would say it is)
    const activityReadable = opportunity.LastActivityDate !== undefined;
    const lastActivity = activityReadable
      ? (text(opportunity.LastActivityDate) ?? text(opportunity.CreatedDate)?.slice(0, 10) ?? null)
      : null;
    const pastClose = closeDate !== null && closeDate < options.today;
    const quiet = lastActivity !== null && daysBetween(lastActivity, options.today) >= options.quietDays;
    if (!pastClose && !quiet) {
      continue;
    }
    items.push({
      key: `opportunity:${opportunity.Id}`,
      kind: 'opportunity',
      reason: pastClose ? 'pastClose' : 'quiet',
      recordId: opportunity.Id,
      objectApiName: 'Opportunity',
      title: text(opportunity.Name) ?? opportunity.Id,
      dueDate: closeDate,
      lastActivityDate: lastActivity,
      amount: opportunity.Amount?.value ?? null,
      probability: opportunity.Probability?.value ?? null,
      stage: text(opportunity.StageName),
      detail: text(opportunity.Account?.Name) ?? shown(opportunity.StageName)
    });
  }
  const leadCutoff = Date.parse(options.now) - options.untouchedLeadHours * 3_600_000;
  for (const lead of edges(query.Lead)) {
    const created = text(lead.CreatedDate);
    // LastActivityDate hidden by FLS: whether the lead was touched is unknown, so it is not listed
    if (!created || lead.LastActivityDate === undefined || text(lead.LastActivityDate)) {
      continue;
    }
    const createdAt = Date.parse(created);
    const isNew = daysBetween(created, options.today) <= NEW_LEAD_DAYS;
    if (!isNew || !(createdAt <= leadCutoff)) {
      continue;
    }
    items.push({
      key: `lead:${lead.Id}`,
      kind: 'lead',
      reason: 'untouched',
      recordId: lead.Id,
      objectApiName: 'Lead',
      title: text(lead.Name) ?? lead.Id,
      lastActivityDate: created.slice(0, 10),
      stage: text(lead.Status),
      detail: text(lead.Company)
    });
  }
  return items;
}

/**
 * Builds the candidates of the acceptance tests assigned to the rep (when they are a key user).
 * @param tests test cases from DailyActionController.getActionContext
 * @returns candidates
 */
export function candidatesFromAcceptanceTests(
  tests: readonly ApexAcceptanceTest[] | undefined
): ActionCandidate[] {
  return (tests ?? []).map((test) => ({
    key: `acceptanceTest:${test.id}`,
    kind: 'acceptanceTest',
    reason: 'toRun',
    recordId: test.id,
    objectApiName: 'Acceptance_Test_Case__c',
    title: test.scenario ?? test.name ?? test.id,
    dueDate: test.sessionEndDate,
    detail: test.sessionName
  }));
}

/**
 * Builds the candidates of unacknowledged sponsor messages.
 * @param messages messages from SponsorMessageController.getMyMessages
 * @returns candidates
 */
export function candidatesFromMessages(
  messages: readonly SponsorMessageSummary[] | undefined
): ActionCandidate[] {
  return (messages ?? []).map((message) => ({
    key: `sponsorMessage:${message.id}`,
    kind: 'sponsorMessage',
    reason: 'unread',
    recordId: message.id,
    objectApiName: 'Sponsor_Message__c',
    title: message.title,
    dueDate: message.publishFrom ? message.publishFrom.slice(0, 10) : null,
    detail: message.sponsorName
  }));
}

/**
 * The rep's records that a rule could apply to: open opportunities, open leads, recent accounts and
 * contacts; only objects that have rules, most relevant first, at most MAX_COMPLETENESS_RECORDS.
 * @param data the GraphQL `data`
 * @param rules the scoring rules
 * @returns the records to check
 */
export function completenessCandidates(
  data: DailyActionsData | undefined,
  rules: readonly CompletenessRule[]
): CompletenessCandidate[] {
  const query = data?.uiapi.query;
  if (!query || rules.length === 0) {
    return [];
  }
  const objects = new Set(rules.map((rule) => rule.object.toLowerCase()));
  const out: CompletenessCandidate[] = [];
  const add = (
    objectApiName: string,
    node: { Id: string; RecordType?: GqlRecordType | null },
    title: string | null,
    stage: GqlValue<string> | null | undefined
  ) => {
    if (objects.has(objectApiName.toLowerCase()) && out.length < MAX_COMPLETENESS_RECORDS) {
      out.push({
        recordId: node.Id,
        objectApiName,
        title: title ?? node.Id,
        recordType: text(node.RecordType?.DeveloperName),
        stage: text(stage),
        stageLabel: shown(stage)
      });
    }
  };
  for (const node of edges(query.Opportunity)) add('Opportunity', node, text(node.Name), node.StageName);
  for (const node of edges(query.Lead)) add('Lead', node, text(node.Name), node.Status);
  for (const node of edges(query.Account)) add('Account', node, text(node.Name), null);
  for (const node of edges(query.Contact)) add('Contact', node, text(node.Name), null);
  return out;
}

/**
 * The `getRecords` configuration for the candidates: one batch per object, with the rule fields of
 * that object as optional fields (a field the rep cannot read is simply not returned).
 * @param candidates records to check
 * @param rules scoring rules
 * @returns the `records` parameter of getRecords, or undefined when there is nothing to check
 */
export function getRecordsBatches(
  candidates: readonly CompletenessCandidate[],
  rules: readonly CompletenessRule[]
): Array<{ recordIds: string[]; optionalFields: string[] }> | undefined {
  const byObject = new Map<string, string[]>();
  for (const candidate of candidates) {
    const ids = byObject.get(candidate.objectApiName) ?? [];
    ids.push(candidate.recordId);
    byObject.set(candidate.objectApiName, ids);
  }
  const batches: Array<{ recordIds: string[]; optionalFields: string[] }> = [];
  for (const [objectApiName, recordIds] of byObject) {
    const fields = [
      ...new Set(
        rules
          .filter((rule) => rule.object.toLowerCase() === objectApiName.toLowerCase())
          .map((rule) => `${objectApiName}.${rule.field}`)
      )
    ].sort();
    if (fields.length > 0) {
      batches.push({ recordIds, optionalFields: fields });
    }
  }
  return batches.length > 0 ? batches : undefined;
}

/**
 * Builds the missing-fields candidates: for each record, the fields its applicable rules require and
 * that are empty (scored by the shared completenessScoring module). Fields the rep cannot read are
 * not in the record, so they are never asked for.
 * @param candidates records checked, with their context
 * @param records records returned by getRecords
 * @param rules scoring rules
 * @param options how to score (the Cockpit setting Score_Placeholders_As_Empty__c), as the sync scores
 * @returns candidates, one per record with at least one missing field
 */
export function candidatesFromCompleteness(
  candidates: readonly CompletenessCandidate[],
  records: readonly UiRecord[],
  rules: readonly CompletenessRule[],
  options: ScoringOptions = {}
): ActionCandidate[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  const items: ActionCandidate[] = [];
  for (const candidate of candidates) {
    const record = byId.get(candidate.recordId);
    if (!record) {
      continue;
    }
    const values: Record<string, string | number | boolean | null> = {};
    const kinds: Record<string, 'boolean' | 'other'> = {};
    for (const [field, fieldValue] of Object.entries(record.fields)) {
      if (!fieldValue) continue;
      const value = fieldValue.value;
      values[field] =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
      kinds[field] = typeof value === 'boolean' ? 'boolean' : 'other';
    }
    const readable = rules.filter((rule) =>
      Object.keys(record.fields).some((f) => f.toLowerCase() === rule.field.toLowerCase())
    );
    const missing = missingFields(
      values as RecordValues,
      { object: candidate.objectApiName, recordType: candidate.recordType, stage: candidate.stage },
      readable,
      kinds as FieldKinds,
      options
    );
    if (missing.length > 0) {
      items.push({
        key: `missingFields:${candidate.recordId}`,
        kind: 'missingFields',
        reason: 'missingFields',
        recordId: candidate.recordId,
        objectApiName: candidate.objectApiName,
        title: candidate.title,
        stage: candidate.stage,
        missingFields: missing,
        detail: candidate.stageLabel || candidate.stage
      });
    }
  }
  return items;
}
