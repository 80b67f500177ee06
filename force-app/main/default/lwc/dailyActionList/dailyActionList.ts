import { LightningElement, api, wire } from 'lwc';
import { formatLabel, formatPlural } from 'c/labelUtils';
import { gql, graphql } from 'lightning/graphql';
import { getRecords, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { refreshApex } from '@salesforce/apex';
import getActionContext from '@salesforce/apex/DailyActionController.getActionContext';
import getMyMessages from '@salesforce/apex/SponsorMessageController.getMyMessages';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { type LdsError, reduceErrors } from 'c/ldsUtils';
import { CurrentPageReference } from 'lightning/navigation';
import { type PageReferenceLike, recordNudgeOpen } from 'c/nudgeTracking';
import {
  ACTION_KINDS,
  type ActionGroup,
  type ActionKind,
  type ActionRow,
  type RowGroup,
  countRowsByKind,
  groupRows,
  mergeByRecord,
  rankActions,
  todayIn
} from 'c/actionRanking';
import type { ResolvedDetail } from 'c/actionItem';
import {
  type ActionSettings,
  type CompletenessCandidate,
  type DailyActionsData,
  DEFAULT_QUIET_DAYS,
  DEFAULT_UNTOUCHED_LEAD_HOURS,
  type SponsorMessageSummary,
  type UiRecord,
  candidatesFromAcceptanceTests,
  candidatesFromCompleteness,
  candidatesFromGraphql,
  candidatesFromMessages,
  completenessCandidates,
  getRecordsBatches,
  toScoringRules
} from './actionSources';

import LABEL_TITLE from '@salesforce/label/c.dailyActionList_Title';
import LABEL_LOADING from '@salesforce/label/c.common_Loading';
import LABEL_ERROR_TITLE from '@salesforce/label/c.dailyActionList_ErrorTitle';
import LABEL_EMPTY_TITLE from '@salesforce/label/c.dailyActionList_EmptyTitle';
import LABEL_EMPTY_BODY from '@salesforce/label/c.dailyActionList_EmptyBody';
import LABEL_ALL from '@salesforce/label/c.dailyActionList_FilterAll';
import LABEL_FILTER_GROUP from '@salesforce/label/c.dailyActionList_FilterGroup';
import LABEL_SHOW_MORE from '@salesforce/label/c.dailyActionList_ShowMore';
import LABEL_SHOWING from '@salesforce/label/c.dailyActionList_Showing';
import LABEL_PARTIAL from '@salesforce/label/c.dailyActionList_PartialWarning';
import LABEL_KIND_TASK from '@salesforce/label/c.dailyActionList_KindTask';
import LABEL_KIND_EVENT from '@salesforce/label/c.dailyActionList_KindEvent';
import LABEL_KIND_OPPORTUNITY from '@salesforce/label/c.dailyActionList_KindOpportunity';
import LABEL_KIND_LEAD from '@salesforce/label/c.dailyActionList_KindLead';
import LABEL_KIND_TEST from '@salesforce/label/c.dailyActionList_KindAcceptanceTest';
import LABEL_KIND_MESSAGE from '@salesforce/label/c.dailyActionList_KindSponsorMessage';
import LABEL_KIND_MISSING from '@salesforce/label/c.dailyActionList_KindMissingFields';
import LABEL_SHOW_MORE_ONE from '@salesforce/label/c.dailyActionList_ShowMoreOne';
import LABEL_SHOWING_ONE from '@salesforce/label/c.dailyActionList_ShowingOne';
import LABEL_FILTER_LABEL from '@salesforce/label/c.dailyActionList_FilterLabel';
import LABEL_FILTER_DONE from '@salesforce/label/c.dailyActionList_FilterDone';
import LABEL_FILTER_DONE_BODY from '@salesforce/label/c.dailyActionList_FilterDoneBody';
import LABEL_SHOW_ALL from '@salesforce/label/c.dailyActionList_ShowAll';
import LABEL_ERROR_HINT from '@salesforce/label/c.dailyActionList_ErrorHint';
import LABEL_GROUP_NEXT from '@salesforce/label/c.dailyActionList_GroupNextMeeting';
import LABEL_GROUP_OVERDUE from '@salesforce/label/c.dailyActionList_GroupOverdue';
import LABEL_GROUP_TODAY from '@salesforce/label/c.dailyActionList_GroupToday';
import LABEL_GROUP_TIDY from '@salesforce/label/c.dailyActionList_GroupTidyUp';
import LABEL_IN_GROUP from '@salesforce/label/c.dailyActionList_ActionsInGroup';
import LABEL_COMPLETED from '@salesforce/label/c.dailyActionList_Completed';
import LABEL_SNOOZED from '@salesforce/label/c.dailyActionList_Snoozed';
import LABEL_UNDO from '@salesforce/label/c.dailyActionList_Undo';
import LABEL_UNDO_FAILED from '@salesforce/label/c.dailyActionList_UndoFailed';
import LABEL_DETAILS from '@salesforce/label/c.common_Details';

const GROUP_LABELS: Record<ActionGroup, string> = {
  nextMeeting: LABEL_GROUP_NEXT,
  overdue: LABEL_GROUP_OVERDUE,
  today: LABEL_GROUP_TODAY,
  tidyUp: LABEL_GROUP_TIDY
};

const KIND_LABELS: Record<ActionKind, string> = {
  task: LABEL_KIND_TASK,
  event: LABEL_KIND_EVENT,
  opportunity: LABEL_KIND_OPPORTUNITY,
  lead: LABEL_KIND_LEAD,
  acceptanceTest: LABEL_KIND_TEST,
  sponsorMessage: LABEL_KIND_MESSAGE,
  missingFields: LABEL_KIND_MISSING
};

const DEFAULT_ITEMS_TO_SHOW = 10;

interface GraphqlResult {
  data?: DailyActionsData;
  errors?: unknown[];
  refresh?: () => Promise<unknown>;
}

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

interface GetRecordsData {
  results: Array<{ statusCode: number; result: UiRecord }>;
}

type FilterValue = ActionKind | 'all';

/** getObjectInfos: one result per object asked for (only what is read here). */
interface ObjectInfosData {
  results?: Array<{
    statusCode: number;
    result?: { apiName: string; fields: Record<string, { label: string }> };
  }>;
}

/**
 * The rep's daily action list: gathers today's work in one GraphQL query (tasks, events, opportunities,
 * leads, and the records the completeness rules could apply to), plus from Apex what LDS cannot give
 * (cockpit settings, completeness rules, the key user's acceptance tests, the sponsor messages targeted
 * at the rep), and the rule fields of those records with getRecords; ranks it and lets the rep act in
 * place.
 */
export default class DailyActionList extends LightningElement {
  /** How many items to show at first and per "show more". */
  @api itemsToShow = DEFAULT_ITEMS_TO_SHOW;
  /** Overrides Cockpit_Setting__mdt.Quiet_Opportunity_Days__c when greater than 0. */
  @api quietDays = 0;

  labels = {
    title: LABEL_TITLE,
    loading: LABEL_LOADING,
    errorTitle: LABEL_ERROR_TITLE,
    emptyTitle: LABEL_EMPTY_TITLE,
    emptyBody: LABEL_EMPTY_BODY,
    filterGroup: LABEL_FILTER_GROUP,
    filterLabel: LABEL_FILTER_LABEL,
    filterDoneBody: LABEL_FILTER_DONE_BODY,
    errorHint: LABEL_ERROR_HINT,
    partial: LABEL_PARTIAL,
    details: LABEL_DETAILS,
    undo: LABEL_UNDO
  };

  graphqlResult?: GraphqlResult;
  settingsResult?: WireResult<ActionSettings>;
  messagesResult?: WireResult<SponsorMessageSummary[]>;
  recordsResult?: WireResult<GetRecordsData>;
  objectInfosResult?: WireResult<ObjectInfosData>;
  /** Items the rep resolved in place (completed, snoozed, filled): hidden at once, before any refresh. */
  resolvedKeys: string[] = [];
  filter: FilterValue = 'all';
  visibleCount = 0;
  today = todayIn(TIME_ZONE);
  /** Now, when the list was opened: the next meeting is the first one starting from here. */
  now = new Date().toISOString();
  /** The last completed or snoozed task, while it can be undone. */
  lastResolved?: ResolvedDetail;
  undoBusy = false;
  undoError = '';

  @wire(graphql, {
    query: gql`
      query dailyActions($userId: ID) {
        uiapi {
          query {
            Task(
              first: 2000
              where: {
                and: [
                  { OwnerId: { eq: $userId } }
                  { IsClosed: { eq: false } }
                  { ActivityDate: { lte: { literal: TODAY } } }
                ]
              }
              orderBy: { ActivityDate: { order: ASC } }
            ) {
              edges {
                node {
                  Id
                  Subject @optional {
                    value
                  }
                  ActivityDate @optional {
                    value
                  }
                  Priority @optional {
                    value
                  }
                  Status @optional {
                    value
                    displayValue
                  }
                  # The related records, by the polymorphic parents' inline fragments: only on objects this
                  # query reads anyway (a fragment on an object the user cannot see fails the query).
                  Who @optional {
                    ... on Contact {
                      Name @optional {
                        value
                      }
                    }
                    ... on Lead {
                      Name @optional {
                        value
                      }
                    }
                  }
                  What @optional {
                    ... on Account {
                      Name @optional {
                        value
                      }
                    }
                    ... on Opportunity {
                      Name @optional {
                        value
                      }
                    }
                  }
                }
              }
            }
            Event(
              first: 200
              where: { and: [{ OwnerId: { eq: $userId } }, { ActivityDate: { eq: { literal: TODAY } } }] }
              orderBy: { StartDateTime: { order: ASC } }
            ) {
              edges {
                node {
                  Id
                  Subject @optional {
                    value
                  }
                  StartDateTime @optional {
                    value
                  }
                  EndDateTime @optional {
                    value
                  }
                  IsAllDayEvent @optional {
                    value
                  }
                  Location @optional {
                    value
                  }
                }
              }
            }
            Opportunity(
              first: 500
              where: { and: [{ OwnerId: { eq: $userId } }, { IsClosed: { eq: false } }] }
              orderBy: { CloseDate: { order: ASC } }
            ) {
              edges {
                node {
                  Id
                  Name @optional {
                    value
                  }
                  Amount @optional {
                    value
                  }
                  CloseDate @optional {
                    value
                  }
                  StageName @optional {
                    value
                    displayValue
                  }
                  Probability @optional {
                    value
                  }
                  LastActivityDate @optional {
                    value
                  }
                  CreatedDate @optional {
                    value
                  }
                  RecordType @optional {
                    DeveloperName @optional {
                      value
                    }
                  }
                  Account @optional {
                    Name @optional {
                      value
                    }
                  }
                }
              }
            }
            Lead(
              first: 500
              where: { and: [{ OwnerId: { eq: $userId } }, { IsConverted: { eq: false } }] }
              orderBy: { CreatedDate: { order: DESC } }
            ) {
              edges {
                node {
                  Id
                  Name @optional {
                    value
                  }
                  Company @optional {
                    value
                  }
                  Status @optional {
                    value
                    displayValue
                  }
                  CreatedDate @optional {
                    value
                  }
                  LastActivityDate @optional {
                    value
                  }
                  RecordType @optional {
                    DeveloperName @optional {
                      value
                    }
                  }
                }
              }
            }
            Account(
              first: 50
              where: { OwnerId: { eq: $userId } }
              orderBy: { LastModifiedDate: { order: DESC } }
            ) {
              edges {
                node {
                  Id
                  Name @optional {
                    value
                  }
                  RecordType @optional {
                    DeveloperName @optional {
                      value
                    }
                  }
                }
              }
            }
            Contact(
              first: 50
              where: { OwnerId: { eq: $userId } }
              orderBy: { LastModifiedDate: { order: DESC } }
            ) {
              edges {
                node {
                  Id
                  Name @optional {
                    value
                  }
                  RecordType @optional {
                    DeveloperName @optional {
                      value
                    }
                  }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$queryVariables'
  })
  wiredActions(result: GraphqlResult) {
    this.graphqlResult = result;
  }

  /** Opened from a weekly nudge (c__nudge in the page state): the nudge's open is measured. */
  @wire(CurrentPageReference)
  wiredPageReference(pageRef: PageReferenceLike | undefined) {
    recordNudgeOpen(pageRef).catch(() => undefined);
  }

  @wire(getActionContext)
  wiredSettings(result: WireResult<ActionSettings>) {
    this.settingsResult = result;
  }

  @wire(getMyMessages)
  wiredMessages(result: WireResult<SponsorMessageSummary[]>) {
    this.messagesResult = result;
  }

  @wire(getRecords, { records: '$completenessBatches' })
  wiredRecords(result: WireResult<GetRecordsData>) {
    this.recordsResult = result;
  }

  /** Labels of the missing fields, in the user's language (field labels from the UI API). */
  @wire(getObjectInfos, { objectApiNames: '$missingFieldObjects' })
  wiredObjectInfos(result: WireResult<ObjectInfosData>) {
    this.objectInfosResult = result;
  }

  get missingFieldObjects(): string[] | undefined {
    const names = [...new Set(this.completenessRecords.map((record) => record.objectApiName))].sort();
    return names.length > 0 ? names : undefined;
  }

  /** Field label by API name, across the objects of the missing-fields rows. */
  get fieldLabels(): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const item of this.objectInfosResult?.data?.results ?? []) {
      for (const [name, field] of Object.entries(item.result?.fields ?? {})) {
        if (field.label) labels[name] = field.label;
      }
    }
    return labels;
  }

  get queryVariables(): { userId: string } {
    return { userId: USER_ID };
  }

  get pageSize(): number {
    const size = Number(this.itemsToShow);
    return Number.isFinite(size) && size > 0 ? Math.floor(size) : DEFAULT_ITEMS_TO_SHOW;
  }

  get effectiveQuietDays(): number {
    const override = Number(this.quietDays);
    if (Number.isFinite(override) && override > 0) {
      return Math.floor(override);
    }
    return this.settingsResult?.data?.quietOpportunityDays ?? DEFAULT_QUIET_DAYS;
  }

  /** The org's closed task status (from TaskStatus, by Apex): what "complete" writes on a task. */
  get closedTaskStatus(): string | null {
    return this.settingsResult?.data?.closedTaskStatus ?? null;
  }

  get scoringRules() {
    return toScoringRules(this.settingsResult?.data?.rules);
  }

  get completenessRecords(): CompletenessCandidate[] {
    return completenessCandidates(this.graphqlResult?.data, this.scoringRules);
  }

  get completenessBatches() {
    return getRecordsBatches(this.completenessRecords, this.scoringRules);
  }

  get isLoading(): boolean {
    if (this.hasError) {
      return false;
    }
    return !this.graphqlResult?.data || !this.settingsResult?.data;
  }

  get hasError(): boolean {
    const gqlFailed = !!this.graphqlResult?.errors?.length && !this.graphqlResult.data;
    return gqlFailed || !!this.settingsResult?.error;
  }

  /** What made the load fail, shown by c-error-panel. */
  get loadErrors(): LdsError[] {
    return [
      ...(this.graphqlResult?.data ? [] : (this.graphqlResult?.errors ?? [])),
      this.settingsResult?.error
    ] as LdsError[];
  }

  /** Secondary sources that failed (messages, record fields, part of the query): shown as a warning. */
  get partialMessages(): string[] {
    const errors = [
      ...(this.graphqlResult?.data ? (this.graphqlResult.errors ?? []) : []),
      this.messagesResult?.error,
      this.recordsResult?.error
    ].filter((e) => e);
    return reduceErrors(errors as Parameters<typeof reduceErrors>[0]);
  }

  get hasPartialError(): boolean {
    return !this.hasError && !this.isLoading && this.partialMessages.length > 0;
  }

  /** One row per record, every reason merged, ranked. */
  get rows(): ActionRow[] {
    if (this.isLoading || this.hasError) {
      return [];
    }
    const settings = this.settingsResult?.data;
    const records = (this.recordsResult?.data?.results ?? [])
      .filter((item) => item.statusCode === 200 && item.result)
      .map((item) => item.result);
    const candidates = [
      ...candidatesFromGraphql(this.graphqlResult?.data, {
        today: this.today,
        now: this.now,
        quietDays: this.effectiveQuietDays,
        untouchedLeadHours: settings?.untouchedLeadHours ?? DEFAULT_UNTOUCHED_LEAD_HOURS
      }),
      ...candidatesFromAcceptanceTests(settings?.acceptanceTests),
      ...candidatesFromMessages(this.messagesResult?.data),
      ...candidatesFromCompleteness(this.completenessRecords, records, this.scoringRules, {
        placeholdersAsEmpty: settings?.placeholdersAsEmpty === true
      })
    ];
    const resolved = new Set(this.resolvedKeys);
    return mergeByRecord(
      rankActions(
        candidates.filter((c) => !resolved.has(c.key)),
        { today: this.today }
      )
    );
  }

  get filteredRows(): ActionRow[] {
    const all = this.rows;
    const filter = this.filter;
    return filter === 'all' ? all : all.filter((row) => row.kinds.includes(filter));
  }

  get visibleLimit(): number {
    return this.visibleCount || this.pageSize;
  }

  /** The groups to render, cut after the first `visibleLimit` rows (in group order). */
  get visibleGroups(): Array<RowGroup & { id: string; heading: string; headingId: string }> {
    let left = this.visibleLimit;
    const out: Array<RowGroup & { id: string; heading: string; headingId: string }> = [];
    for (const group of groupRows(this.filteredRows, this.now)) {
      if (left <= 0) break;
      const rows = group.rows.slice(0, left);
      left -= rows.length;
      out.push({
        ...group,
        rows,
        id: group.group,
        headingId: `group-${group.group}`,
        heading: formatLabel(LABEL_IN_GROUP, GROUP_LABELS[group.group], group.rows.length)
      });
    }
    return out;
  }

  get visibleRowCount(): number {
    return Math.min(this.visibleLimit, this.filteredRows.length);
  }

  get hasActions(): boolean {
    return this.rows.length > 0;
  }

  get isEmpty(): boolean {
    return !this.isLoading && !this.hasError && !this.hasActions;
  }

  /** The rep did the last item of a filter: say so, and offer the way back to every action. */
  get isFilterDone(): boolean {
    return this.hasActions && this.filter !== 'all' && this.filteredRows.length === 0;
  }

  get filterDoneTitle(): string {
    return formatLabel(LABEL_FILTER_DONE, this.filter === 'all' ? LABEL_ALL : KIND_LABELS[this.filter]);
  }

  /**
   * The "all done" state, one markup for both cases: nothing to do at all (empty), or the last item of
   * a filter done (with the way back to every action); null while there is a list to show.
   */
  get doneState(): {
    id: string;
    headingClass: string;
    title: string;
    body: string;
    showAll: boolean;
  } | null {
    if (this.isEmpty) {
      return {
        id: 'empty',
        headingClass: 'slds-text-heading_medium slds-m-top_small',
        title: this.labels.emptyTitle,
        body: this.labels.emptyBody,
        showAll: false
      };
    }
    if (this.isFilterDone) {
      return {
        id: 'filter-done',
        headingClass: 'slds-text-heading_small slds-m-top_small',
        title: this.filterDoneTitle,
        body: this.labels.filterDoneBody,
        showAll: true
      };
    }
    return null;
  }

  get showAllLabel(): string {
    return formatLabel(LABEL_SHOW_ALL, this.rows.length);
  }

  get hasList(): boolean {
    return this.hasActions && !this.isFilterDone;
  }

  /**
   * One select in the card header (a native select: the phone's own picker, and a full-size touch
   * target): All, then each kind present, the current one even at 0.
   */
  get filterOptions(): Array<{ value: string; label: string }> {
    const rows = this.rows;
    const counts = countRowsByKind(rows);
    return [
      { value: 'all', label: `${LABEL_ALL} (${rows.length})` },
      ...ACTION_KINDS.filter((kind) => counts[kind] > 0 || kind === this.filter).map((kind) => ({
        value: kind,
        label: `${KIND_LABELS[kind]} (${counts[kind]})`
      }))
    ];
  }

  get showFilter(): boolean {
    return !this.isLoading && !this.hasError && this.hasActions;
  }

  get remainingCount(): number {
    return Math.max(0, this.filteredRows.length - this.visibleRowCount);
  }

  get hasMore(): boolean {
    return this.remainingCount > 0;
  }

  get showMoreLabel(): string {
    const left = this.remainingCount;
    return formatPlural(left, { one: LABEL_SHOW_MORE_ONE, other: LABEL_SHOW_MORE }, [
      Math.min(this.pageSize, left),
      left
    ]);
  }

  get showingLabel(): string {
    const total = this.filteredRows.length;
    return formatPlural(total, { one: LABEL_SHOWING_ONE, other: LABEL_SHOWING }, [
      this.visibleRowCount,
      total
    ]);
  }

  get hasUndo(): boolean {
    return !!this.lastResolved?.undoFields;
  }

  get undoText(): string {
    const done = this.lastResolved;
    if (!done) return '';
    return formatLabel(done.verb === 'snoozed' ? LABEL_SNOOZED : LABEL_COMPLETED, done.title);
  }

  get hasUndoError(): boolean {
    return !!this.undoError;
  }

  get undoErrorText(): string {
    return LABEL_UNDO_FAILED;
  }

  get skeletonRows(): number[] {
    return [1, 2, 3];
  }

  handleFilter(event: CustomEvent<{ value: string }>): void {
    this.filter = (event.detail.value || 'all') as FilterValue;
    this.visibleCount = 0;
  }

  handleShowAll(): void {
    this.filter = 'all';
    this.visibleCount = 0;
  }

  handleShowMore(): void {
    this.visibleCount = this.visibleLimit + this.pageSize;
  }

  /** A part of a row was completed, snoozed or filled: hide it now, refresh in the background. */
  handleResolved(event: CustomEvent<ResolvedDetail>): void {
    const detail = event.detail;
    if (!this.resolvedKeys.includes(detail.key)) {
      this.resolvedKeys = [...this.resolvedKeys, detail.key];
    }
    this.undoError = '';
    this.lastResolved = detail.undoFields ? detail : undefined;
    if (detail.kind === 'task') {
      this.graphqlResult?.refresh?.().catch(() => undefined);
    }
  }

  /** Puts the last completed or snoozed task back as it was, and back on the list. */
  async handleUndo(): Promise<void> {
    const done = this.lastResolved;
    if (!done?.undoFields || this.undoBusy) {
      return;
    }
    this.undoBusy = true;
    this.undoError = '';
    try {
      await updateRecord({ fields: { Id: done.recordId, ...done.undoFields } });
      this.resolvedKeys = this.resolvedKeys.filter((key) => key !== done.key);
      this.lastResolved = undefined;
      this.graphqlResult?.refresh?.().catch(() => undefined);
    } catch (error) {
      this.undoError = reduceErrors(error as Parameters<typeof reduceErrors>[0]).join(' ') || 'error';
    } finally {
      this.undoBusy = false;
    }
  }

  async handleRetry(): Promise<void> {
    this.resolvedKeys = [];
    await Promise.all([
      this.graphqlResult?.refresh?.(),
      refreshApex(this.settingsResult),
      refreshApex(this.messagesResult)
    ]).catch(() => undefined);
  }
}
