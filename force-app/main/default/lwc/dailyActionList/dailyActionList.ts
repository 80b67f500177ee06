import { LightningElement, api, wire } from 'lwc';
import { formatLabel } from 'c/labelUtils';
import { gql, graphql } from 'lightning/graphql';
import { getRecords } from 'lightning/uiRecordApi';
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
  type ActionKind,
  type RankedAction,
  countByKind,
  rankActions,
  todayIn
} from 'c/actionRanking';
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
    partial: LABEL_PARTIAL
  };

  graphqlResult?: GraphqlResult;
  settingsResult?: WireResult<ActionSettings>;
  messagesResult?: WireResult<SponsorMessageSummary[]>;
  recordsResult?: WireResult<GetRecordsData>;
  /** Items the rep resolved in place (completed, snoozed, filled): hidden at once, before any refresh. */
  resolvedKeys: string[] = [];
  filter: FilterValue = 'all';
  visibleCount = 0;
  today = todayIn(TIME_ZONE);

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

  get rankedActions(): RankedAction[] {
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
        now: new Date().toISOString(),
        quietDays: this.effectiveQuietDays,
        untouchedLeadHours: settings?.untouchedLeadHours ?? DEFAULT_UNTOUCHED_LEAD_HOURS
      }),
      ...candidatesFromAcceptanceTests(settings?.acceptanceTests),
      ...candidatesFromMessages(this.messagesResult?.data),
      ...candidatesFromCompleteness(this.completenessRecords, records, this.scoringRules)
    ];
    const resolved = new Set(this.resolvedKeys);
    return rankActions(
      candidates.filter((c) => !resolved.has(c.key)),
      { today: this.today }
    );
  }

  get filteredActions(): RankedAction[] {
    const all = this.rankedActions;
    return this.filter === 'all' ? all : all.filter((action) => action.kind === this.filter);
  }

  get visibleActions(): RankedAction[] {
    return this.filteredActions.slice(0, this.visibleCount || this.pageSize);
  }

  get hasActions(): boolean {
    return this.rankedActions.length > 0;
  }

  get isEmpty(): boolean {
    return !this.isLoading && !this.hasError && !this.hasActions;
  }

  get filters() {
    const ranked = this.rankedActions;
    const counts = countByKind(ranked);
    const all = {
      value: 'all',
      label: `${LABEL_ALL} (${ranked.length})`,
      pressed: String(this.filter === 'all'),
      className: this.filter === 'all' ? 'slds-button slds-button_brand' : 'slds-button slds-button_neutral'
    };
    return [
      all,
      ...ACTION_KINDS.filter((kind) => counts[kind] > 0).map((kind) => ({
        value: kind,
        label: `${KIND_LABELS[kind]} (${counts[kind]})`,
        pressed: String(this.filter === kind),
        className: this.filter === kind ? 'slds-button slds-button_brand' : 'slds-button slds-button_neutral'
      }))
    ];
  }

  get remainingCount(): number {
    return Math.max(0, this.filteredActions.length - this.visibleActions.length);
  }

  get hasMore(): boolean {
    return this.remainingCount > 0;
  }

  get showMoreLabel(): string {
    return formatLabel(LABEL_SHOW_MORE, Math.min(this.pageSize, this.remainingCount), this.remainingCount);
  }

  get showingLabel(): string {
    return formatLabel(LABEL_SHOWING, this.visibleActions.length, this.filteredActions.length);
  }

  get skeletonRows(): number[] {
    return [1, 2, 3];
  }

  handleFilter(event: Event): void {
    const value = (event.currentTarget as HTMLElement).dataset.value as FilterValue | undefined;
    this.filter = value ?? 'all';
    this.visibleCount = 0;
  }

  handleShowMore(): void {
    this.visibleCount = (this.visibleCount || this.pageSize) + this.pageSize;
  }

  /** An item was completed, snoozed, filled or acknowledged: hide it now, refresh in the background. */
  handleResolved(event: CustomEvent<{ key: string; kind: ActionKind }>): void {
    const { key, kind } = event.detail;
    if (!this.resolvedKeys.includes(key)) {
      this.resolvedKeys = [...this.resolvedKeys, key];
    }
    if (kind === 'task') {
      this.graphqlResult?.refresh?.().catch(() => undefined);
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
