import { LightningElement, api, wire } from 'lwc';
import { formatDate, formatLabel, formatNumber, formatPlural } from 'c/labelUtils';
import { focusFieldOnAreaTap } from 'c/touchArea';
import getConsole from '@salesforce/apex/AcceptanceConsoleController.getConsole';
import { refreshApex } from '@salesforce/apex';
import { updateRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import userId from '@salesforce/user/Id';
import {
  canUpdate,
  reduceErrors,
  reloading,
  wireState,
  type ObjectAccessInfo,
  type WireState
} from 'c/ldsUtils';
import { filterCases, foldText, nextNotRun, segments, type QueueCase, type ResultFilter } from './caseQueue';
import {
  computeReadiness,
  normaliseResult,
  type Blocker,
  type Readiness,
  type TestResult
} from 'c/acceptanceReadiness';

/**
 * The fields recording a result sends: the result buttons need edit access to all of them. Who ran it and when
 * (Executed_By__c, Executed_On__c) are set by the org and editable by nobody, so they are not required here.
 */
const RESULT_FIELDS = ['Result__c', 'Severity__c', 'Comment__c', 'Defect_Reference__c'];

import TITLE from '@salesforce/label/c.acceptanceConsole_Title';
import ERROR_TITLE from '@salesforce/label/c.acceptanceConsole_ErrorTitle';
import LOADING from '@salesforce/label/c.common_Loading';
import UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';
import PROGRESS from '@salesforce/label/c.acceptanceConsole_Progress';
import PASSED from '@salesforce/label/c.acceptanceConsole_Passed';
import FAILED from '@salesforce/label/c.acceptanceConsole_Failed';
import BLOCKED from '@salesforce/label/c.acceptanceConsole_Blocked';
import NOT_RUN from '@salesforce/label/c.acceptanceConsole_NotRun';
import READY from '@salesforce/label/c.acceptanceConsole_Ready';
import NOT_READY from '@salesforce/label/c.acceptanceConsole_NotReady';
import READY_DETAIL from '@salesforce/label/c.acceptanceConsole_ReadyDetail';
import BLOCKER_NO_CASES from '@salesforce/label/c.acceptanceConsole_BlockerNoCases';
import BLOCKER_PASS_RATE from '@salesforce/label/c.acceptanceConsole_BlockerPassRate';
import BLOCKER_PASS_RATE_ONE from '@salesforce/label/c.acceptanceConsole_BlockerPassRateOne';
import BLOCKER_FAILURE from '@salesforce/label/c.acceptanceConsole_BlockerFailure';
import ONLY_MINE from '@salesforce/label/c.acceptanceConsole_OnlyMine';
import SHORTCUTS from '@salesforce/label/c.acceptanceConsole_Shortcuts';
import EMPTY from '@salesforce/label/c.acceptanceConsole_Empty';
import EMPTY_MINE from '@salesforce/label/c.acceptanceConsole_EmptyMine';
import STEPS from '@salesforce/label/c.acceptanceConsole_Steps';
import EXPECTED from '@salesforce/label/c.acceptanceConsole_ExpectedResult';
import ASSIGNED_TO from '@salesforce/label/c.acceptanceConsole_AssignedTo';
import RESULT from '@salesforce/label/c.acceptanceConsole_Result';
import SEVERITY from '@salesforce/label/c.acceptanceConsole_Severity';
import SEVERITY_BLOCKING from '@salesforce/label/c.acceptanceConsole_SeverityBlocking';
import SEVERITY_MAJOR from '@salesforce/label/c.acceptanceConsole_SeverityMajor';
import SEVERITY_MINOR from '@salesforce/label/c.acceptanceConsole_SeverityMinor';
import SEVERITY_CHOOSE from '@salesforce/label/c.acceptanceConsole_SeverityChoose';
import COMMENT from '@salesforce/label/c.acceptanceConsole_Comment';
import DEFECT from '@salesforce/label/c.acceptanceConsole_DefectReference';
import SAVE from '@salesforce/label/c.acceptanceConsole_Save';
import CANCEL from '@salesforce/label/c.acceptanceConsole_Cancel';
import RECORDED from '@salesforce/label/c.acceptanceConsole_Recorded';
import REQUIRED_WHEN_NOT_PASSED from '@salesforce/label/c.acceptanceConsole_RequiredWhenNotPassed';
import MARK_AS from '@salesforce/label/c.acceptanceConsole_MarkAs';

import EMPTY_HINT from '@salesforce/label/c.acceptanceConsole_EmptyHint';
import ADD_SHORT from '@salesforce/label/c.acceptanceConsole_AddShort';
import IMPORT_SHORT from '@salesforce/label/c.acceptanceConsole_ImportShort';
import ADD_TITLE from '@salesforce/label/c.acceptanceCaseForm_AddTitle';
import IMPORT_TITLE from '@salesforce/label/c.acceptanceCaseForm_ImportTitle';
import CLOSE from '@salesforce/label/c.acceptanceConsole_Close';
import FILTER_BY_RESULT from '@salesforce/label/c.acceptanceConsole_FilterByResult';
import ALL from '@salesforce/label/c.acceptanceConsole_All';
import SEARCH from '@salesforce/label/c.acceptanceConsole_Search';
import NEXT_NOT_RUN from '@salesforce/label/c.acceptanceConsole_NextNotRun';
import KEY_HINT from '@salesforce/label/c.acceptanceConsole_KeyHint';
import KEY_PASSED from '@salesforce/label/c.acceptanceConsole_KeyPassed';
import KEY_FAILED from '@salesforce/label/c.acceptanceConsole_KeyFailed';
import KEY_BLOCKED from '@salesforce/label/c.acceptanceConsole_KeyBlocked';
import KEY_NEXT from '@salesforce/label/c.acceptanceConsole_KeyNext';
import LOCKED from '@salesforce/label/c.acceptanceConsole_Locked';
import LOCKED_CANCELLED from '@salesforce/label/c.acceptanceConsole_LockedCancelled';
import READ_ONLY from '@salesforce/label/c.acceptanceConsole_ReadOnly';
import NO_MATCH from '@salesforce/label/c.acceptanceConsole_NoMatch';
import ALL_RUN from '@salesforce/label/c.acceptanceConsole_AllRun';
import SHOW_ALL from '@salesforce/label/c.acceptanceConsole_ShowAll';
import EXECUTED_BY from '@salesforce/label/c.acceptanceConsole_ExecutedBy';
import EXECUTED_ON from '@salesforce/label/c.acceptanceConsole_ExecutedOn';
import SHOW_STEPS from '@salesforce/label/c.acceptanceConsole_ShowSteps';
import HIDE_STEPS from '@salesforce/label/c.acceptanceConsole_HideSteps';
import UNASSIGNED from '@salesforce/label/c.acceptanceConsole_Unassigned';
import NO_STEPS from '@salesforce/label/c.acceptanceConsole_NoSteps';
import QUEUE from '@salesforce/label/c.acceptanceConsole_Queue';
import RESULT_BAR from '@salesforce/label/c.acceptanceConsole_ResultBar';
import SHOW_MORE from '@salesforce/label/c.acceptanceConsole_ShowMore';

/** A test case as returned by AcceptanceConsoleController.getConsole. */
export interface TestCaseRecord {
  Id: string;
  Name?: string;
  Scenario__c?: string;
  Steps__c?: string | null;
  Expected_Result__c?: string | null;
  Result__c?: string | null;
  Severity__c?: string | null;
  Comment__c?: string | null;
  Defect_Reference__c?: string | null;
  Executed_On__c?: string | null;
  Executed_By__c?: string | null;
  Executed_By__r?: { Name?: string } | null;
  Sort_Order__c?: number | null;
  Assigned_Key_User__c?: string | null;
  Assigned_Key_User__r?: { Name?: string; User__c?: string } | null;
}

interface ConsoleData {
  session: { Id: string; Name?: string; Status__c?: string | null; Go_No_Go_Threshold__c?: number | null };
  testCases: TestCaseRecord[];
  currentKeyUserId?: string | null;
}

interface Draft {
  caseId: string;
  result: TestResult;
  severity: string;
  comment: string;
  defect: string;
  showErrors: boolean;
}

type WireResult = { data?: ConsoleData; error?: unknown };

/**
 * Test cases shown at first, and added by each "Show more": a session holds 60 to 200, which unpaged make
 * a page of several metres on a phone. The keyboard's way through the queue (arrows, "next not run", the
 * focus after a save) shows the page of the case it goes to.
 */
const CASE_PAGE_SIZE = 25;
type FormMode = '' | 'add' | 'import';

const RESULT_LABELS: Record<TestResult, string> = {
  Passed: PASSED,
  Failed: FAILED,
  Blocked: BLOCKED,
  Not_Run: NOT_RUN
};

const BADGE_CLASSES: Record<TestResult, string> = {
  Passed: 'slds-badge slds-theme_success',
  Failed: 'slds-badge slds-theme_error',
  Blocked: 'slds-badge slds-theme_warning',
  Not_Run: 'slds-badge slds-badge_lightest'
};

const SEVERITY_LABELS: Record<string, string> = {
  Blocking: SEVERITY_BLOCKING,
  Major: SEVERITY_MAJOR,
  Minor: SEVERITY_MINOR
};

/** Session statuses (Acceptance_Session__c.Status__c API values) whose results can no longer change. */
const LOCKED_STATUSES: Record<string, string> = { Completed: LOCKED, Cancelled: LOCKED_CANCELLED };

/** The result filters, in the order of the work: what is left, what failed, then what passed. */
const FILTERS: ResultFilter[] = ['all', 'Not_Run', 'Failed', 'Blocked', 'Passed'];

/** The first letter of a key label, lower case without accents ('' when the label is blank). */
function keyOf(label: string): string {
  return foldText(label.trim().charAt(0));
}

/** The digit keys by physical position (KeyboardEvent.code), so that they work on any layout. */
const DIGIT_CODES: Record<string, TestResult> = {
  Digit1: 'Passed',
  Numpad1: 'Passed',
  Digit2: 'Failed',
  Numpad2: 'Failed',
  Digit3: 'Blocked',
  Numpad3: 'Blocked'
};

/**
 * Result shortcuts: the letters come from custom labels, so that each language uses the initials of its
 * own words (P/F/B in English, R/E/B in French: Réussi, Échoué, Bloqué); 1, 2 and 3 work in every language.
 */
export function shortcutKeys(): Record<string, TestResult> {
  return {
    [keyOf(KEY_PASSED)]: 'Passed',
    [keyOf(KEY_FAILED)]: 'Failed',
    [keyOf(KEY_BLOCKED)]: 'Blocked',
    '1': 'Passed',
    '2': 'Failed',
    '3': 'Blocked'
  };
}

/**
 * The result a key press records, or undefined. Digits are matched by `code` (the physical key): on a
 * French AZERTY keyboard the 1, 2 and 3 keys give `key` "&", "é" and '"' without Shift. Letters are
 * matched by `key` (the character typed), folded so that "é" also means E (Échoué).
 * Source: UI Events KeyboardEvent code values, https://www.w3.org/TR/uievents-code/.
 */
export function resultForKey(key: string, code: string): TestResult | undefined {
  return DIGIT_CODES[code] ?? shortcutKeys()[foldText(key)];
}

const RESULT_KEYS: Record<TestResult, string> = {
  Passed: KEY_PASSED.trim().toUpperCase(),
  Failed: KEY_FAILED.trim().toUpperCase(),
  Blocked: KEY_BLOCKED.trim().toUpperCase(),
  Not_Run: ''
};

/**
 * Acceptance testing console for an Acceptance_Session__c record page: a work queue with one compact row
 * per test case (number, scenario, assignee, severity, result) and its steps on expand; filters by result,
 * "mine" and search; results recorded with one key or one click and "next not run" from the keyboard;
 * progress that shows failures and the go/no-go gate with what blocks it. Test cases are added and
 * imported from the header, in a modal. Read-only for a completed or cancelled session and for users who
 * cannot edit results.
 */
export default class AcceptanceConsole extends LightningElement {
  @api recordId?: string;

  labels = {
    TITLE,
    ERROR_TITLE,
    LOADING,
    ONLY_MINE,
    STEPS,
    EXPECTED,
    RESULT,
    SEVERITY,
    COMMENT,
    DEFECT,
    SAVE,
    CANCEL,
    REQUIRED_WHEN_NOT_PASSED,
    ADD_SHORT,
    IMPORT_SHORT,
    ADD_TITLE,
    IMPORT_TITLE,
    CLOSE,
    FILTER_BY_RESULT,
    SEARCH,
    SHOW_ALL,
    QUEUE,
    EMPTY_HINT
  };

  severityOptions = [
    { label: SEVERITY_BLOCKING, value: 'Blocking' },
    { label: SEVERITY_MAJOR, value: 'Major' },
    { label: SEVERITY_MINOR, value: 'Minor' }
  ];

  /** The severity select's options: "Choose a severity" while none is chosen, then the three severities. */
  get severityChoices() {
    return [{ label: SEVERITY_CHOOSE, value: '' }, ...this.severityOptions];
  }

  /** The severity chosen in the open draft ("" while none is). */
  get draftSeverity(): string {
    return this.draft?.severity ?? '';
  }

  wiredConsole?: WireResult;
  /** Loading, error or data of getConsole (c/ldsUtils wireState). */
  state: WireState<ConsoleData> = reloading();
  /** The test cases shown, updated in place after each result (the wire refreshes behind). */
  testCases: TestCaseRecord[] = [];
  resultFilter: ResultFilter = 'all';
  onlyMine = false;
  query = '';
  /** How many test cases of the filtered list are shown (CASE_PAGE_SIZE more per "Show more"). */
  caseLimit = CASE_PAGE_SIZE;
  expandedId?: string;
  draft?: Draft;
  savingId?: string;
  saveError?: string;
  announcement = '';
  /** The modal open from the header: add one test case, or import a CSV file. */
  formMode: FormMode = '';
  private focusAfterRender?: string;

  /** Whether the user may create test cases (the header's Add and Import are shown only then). */
  canCreate = false;
  /** Whether the user may record results (key users, admins): the result buttons are shown only then. */
  canRecord = false;
  /** Whether getObjectInfo answered: the read-only notice waits for it, so it does not flash. */
  accessKnown = false;

  @wire(getObjectInfo, { objectApiName: 'Acceptance_Test_Case__c' })
  wiredObjectInfo({ data, error }: { data?: ObjectAccessInfo; error?: unknown }) {
    this.canCreate = Boolean(data?.createable);
    this.canRecord = canUpdate(data, RESULT_FIELDS);
    this.accessKnown = Boolean(data || error);
  }

  @wire(getConsole, { sessionId: '$recordId' })
  wiredGetConsole(result: WireResult) {
    this.wiredConsole = result;
    this.state = wireState(result, this.state);
    if (result.data) {
      this.testCases = [...result.data.testCases];
    }
  }

  renderedCallback() {
    if (this.focusAfterRender) {
      const selector = this.focusAfterRender;
      this.focusAfterRender = undefined;
      const element = this.template?.querySelector<HTMLElement>(selector);
      element?.focus();
    }
  }

  private get session(): ConsoleData['session'] | undefined {
    return this.state.data?.session;
  }

  /** The notice of a session whose results can no longer change, '' when it is open. */
  get lockedNotice(): string {
    return LOCKED_STATUSES[this.session?.Status__c ?? ''] ?? '';
  }

  /** Results can be recorded: the user may edit them and the session is open. */
  get editable(): boolean {
    return this.canRecord && !this.lockedNotice;
  }

  /** The shortcut help describes the rows only where the keys record something. */
  get shortcutHelpRef(): string | undefined {
    return this.editable ? 'shortcut-help' : undefined;
  }

  get showHeaderActions(): boolean {
    return this.state.hasData && this.canCreate && !this.lockedNotice;
  }

  /** Said to a user who may read but not record, once their access is known. */
  get readOnlyNotice(): string {
    return this.state.hasData && this.accessKnown && !this.canRecord && !this.lockedNotice ? READ_ONLY : '';
  }

  get readiness(): Readiness {
    return computeReadiness(
      this.testCases.map((testCase) => ({
        id: testCase.Id,
        name: testCase.Name,
        scenario: testCase.Scenario__c,
        result: testCase.Result__c,
        severity: testCase.Severity__c
      })),
      this.session?.Go_No_Go_Threshold__c
    );
  }

  get progressSummary(): string {
    const { counts, progress } = this.readiness;
    return formatLabel(PROGRESS, counts.executed, counts.total, progress);
  }

  /** The progress bar: one coloured part per result, failures included, with its share. */
  get resultSegments() {
    return segments(this.readiness.counts).map((segment) => ({
      key: segment.result,
      className: `segment segment_${segment.result}`,
      style: `width: ${segment.percent}%`
    }));
  }

  get resultBarLabel(): string {
    const { counts } = this.readiness;
    return formatLabel(RESULT_BAR, counts.passed, counts.failed, counts.blocked, counts.notRun);
  }

  /** The result filters with their counts: they are also the progress display's figures. */
  get filters() {
    const { counts } = this.readiness;
    const countOf: Record<ResultFilter, number> = {
      all: counts.total,
      Not_Run: counts.notRun,
      Failed: counts.failed,
      Blocked: counts.blocked,
      Passed: counts.passed
    };
    return FILTERS.map((value) => {
      const pressed = this.resultFilter === value;
      const alarming = (value === 'Failed' || value === 'Blocked') && countOf[value] > 0;
      return {
        value,
        label: value === 'all' ? ALL : RESULT_LABELS[value],
        count: formatNumber(countOf[value]),
        pressed: String(pressed),
        className: `filter filter_${value} slds-button ${pressed ? 'slds-button_brand' : 'slds-button_neutral'}${
          alarming ? ' filter_alarming' : ''
        }`
      };
    });
  }

  get isReady(): boolean {
    return this.readiness.go;
  }

  get gateClass(): string {
    return `slds-box slds-m-top_small ${this.isReady ? 'gate gate_go' : 'gate gate_no-go'}`;
  }

  get gateIcon(): string {
    return this.isReady ? 'utility:success' : 'utility:error';
  }

  get gateVariant(): string {
    return this.isReady ? 'success' : 'error';
  }

  get gateTitle(): string {
    return this.isReady ? READY : NOT_READY;
  }

  get readyDetail(): string {
    const { passRate, threshold } = this.readiness;
    return formatLabel(READY_DETAIL, passRate, threshold);
  }

  get blockers(): Array<{ key: string; text: string }> {
    return this.readiness.blockers.map((blocker: Blocker, index) => ({
      key: `${blocker.kind}-${index}`,
      text: this.describeBlocker(blocker)
    }));
  }

  private describeBlocker(blocker: Blocker): string {
    switch (blocker.kind) {
      case 'noTestCases':
        return BLOCKER_NO_CASES;
      case 'passRateBelowThreshold':
        return formatPlural(blocker.missingPasses, { one: BLOCKER_PASS_RATE_ONE, other: BLOCKER_PASS_RATE }, [
          blocker.passRate,
          blocker.threshold,
          blocker.missingPasses
        ]);
      default:
        return formatLabel(BLOCKER_FAILURE, blocker.name, blocker.scenario, RESULT_LABELS[blocker.result]);
    }
  }

  get shortcutHelp(): string {
    return formatLabel(
      SHORTCUTS,
      RESULT_KEYS.Passed,
      RESULT_KEYS.Failed,
      RESULT_KEYS.Blocked,
      KEY_NEXT.trim()
    );
  }

  get nextNotRunLabel(): string {
    return NEXT_NOT_RUN;
  }

  /** The key of "Next not run", after its name: "(N)"; hidden at phone width, where no keyboard is. */
  get nextNotRunKeyHint(): string {
    return formatLabel(KEY_HINT, this.nextNotRunKey);
  }

  get nextNotRunKey(): string {
    return KEY_NEXT.trim().toUpperCase();
  }

  private get queue(): Array<QueueCase & { record: TestCaseRecord }> {
    return this.testCases.map((record) => ({
      id: record.Id,
      name: record.Name,
      scenario: record.Scenario__c,
      assignee: record.Assigned_Key_User__r?.Name,
      defect: record.Defect_Reference__c,
      result: record.Result__c,
      mine: record.Assigned_Key_User__r?.User__c === userId,
      record
    }));
  }

  private get shownQueue() {
    return filterCases(this.queue, { result: this.resultFilter, mineOnly: this.onlyMine, query: this.query });
  }

  get visibleCases() {
    return this.shownQueue.slice(0, this.caseLimit).map(({ record }) => this.row(record));
  }

  get hasMoreCases(): boolean {
    return this.shownQueue.length > this.caseLimit;
  }

  /** "Show 25 more (25 of 64)": the next page's size, then how many are shown of the list filtered. */
  get showMoreLabel(): string {
    const total = this.shownQueue.length;
    const shown = Math.min(this.caseLimit, total);
    return formatLabel(SHOW_MORE, Math.min(CASE_PAGE_SIZE, total - shown), shown, total);
  }

  handleShowMore() {
    this.caseLimit += CASE_PAGE_SIZE;
  }

  /** Focuses a test case after the next render (the caller changes what is shown), first showing its page. */
  private focusCase(caseId: string) {
    const index = this.shownQueue.findIndex((testCase) => testCase.id === caseId);
    if (index >= this.caseLimit) {
      this.caseLimit = (Math.floor(index / CASE_PAGE_SIZE) + 1) * CASE_PAGE_SIZE;
    }
    this.focusAfterRender = `article[data-id="${caseId}"]`;
  }

  private row(testCase: TestCaseRecord) {
    const result = normaliseResult(testCase.Result__c);
    const editing = this.draft?.caseId === testCase.Id;
    const expanded = this.expandedId === testCase.Id || editing;
    const name = testCase.Name ?? '';
    const severity = testCase.Severity__c
      ? (SEVERITY_LABELS[testCase.Severity__c] ?? testCase.Severity__c)
      : '';
    return {
      id: testCase.Id,
      name,
      scenario: testCase.Scenario__c ?? '',
      assignee: testCase.Assigned_Key_User__r?.Name ?? UNASSIGNED,
      assigneeClass: testCase.Assigned_Key_User__r?.Name
        ? 'case-assignee'
        : 'case-assignee slds-text-color_weak',
      severity,
      severityClass: `case-severity slds-badge slds-badge_lightest severity_${testCase.Severity__c ?? ''}`,
      resultLabel: RESULT_LABELS[result],
      badgeClass: `case-result-badge ${BADGE_CLASSES[result]}`,
      ariaLabel: [name, testCase.Scenario__c ?? '', RESULT_LABELS[result], severity]
        .filter(Boolean)
        .join(', '),
      expanded,
      expandedText: String(expanded),
      detailId: `details-${testCase.Id}`,
      toggleLabel: formatLabel(expanded ? HIDE_STEPS : SHOW_STEPS, name),
      chevron: expanded ? 'utility:chevrondown' : 'utility:chevronright',
      itemClass: `case-item${expanded ? ' case-item_expanded' : ''}`,
      details: expanded ? this.details(testCase, result) : [],
      editing,
      disabled: this.savingId === testCase.Id,
      saving: this.savingId === testCase.Id,
      draftResultLabel: editing && this.draft ? RESULT_LABELS[this.draft.result] : '',
      actions: (['Passed', 'Failed', 'Blocked'] as TestResult[]).map((value) => ({
        value,
        label: RESULT_LABELS[value],
        title: formatLabel(MARK_AS, RESULT_LABELS[value], RESULT_KEYS[value]),
        className:
          value === result
            ? 'slds-button slds-button_brand result-button'
            : 'slds-button slds-button_neutral result-button',
        pressed: value === result ? 'true' : 'false'
      }))
    };
  }

  /** What an expanded test case shows: steps, expected result, then the record of its run. */
  private details(testCase: TestCaseRecord, result: TestResult) {
    const rows = [
      { key: 'steps', label: STEPS, value: testCase.Steps__c || NO_STEPS, className: 'case-steps long-text' },
      {
        key: 'expected',
        label: EXPECTED,
        value: testCase.Expected_Result__c ?? '',
        className: 'case-expected long-text'
      },
      {
        key: 'assignee',
        label: ASSIGNED_TO,
        value: testCase.Assigned_Key_User__r?.Name ?? '',
        className: 'case-assigned'
      },
      {
        key: 'severity',
        label: SEVERITY,
        value: testCase.Severity__c ? (SEVERITY_LABELS[testCase.Severity__c] ?? testCase.Severity__c) : '',
        className: 'case-severity-detail'
      },
      { key: 'defect', label: DEFECT, value: testCase.Defect_Reference__c ?? '', className: 'case-defect' },
      {
        key: 'comment',
        label: COMMENT,
        value: result === 'Passed' ? '' : (testCase.Comment__c ?? ''),
        className: 'case-comment long-text'
      },
      {
        key: 'executedBy',
        label: EXECUTED_BY,
        value: testCase.Executed_By__r?.Name ?? '',
        className: 'case-executed-by'
      },
      {
        key: 'executedOn',
        label: EXECUTED_ON,
        value: formatDate(testCase.Executed_On__c),
        className: 'case-executed-on'
      }
    ];
    return rows.filter((row) => row.value);
  }

  get hasCases(): boolean {
    return this.shownQueue.length > 0;
  }

  get hasAnyCase(): boolean {
    return this.testCases.length > 0;
  }

  get showEmptyHint(): boolean {
    return this.showHeaderActions && !this.hasAnyCase;
  }

  /** Why the list is empty: no test case at all, none of mine, none left to run, or none matching. */
  get emptyMessage(): string {
    if (!this.hasAnyCase) {
      return EMPTY;
    }
    if (this.onlyMine && !this.query && this.resultFilter === 'all') {
      return EMPTY_MINE;
    }
    if (this.resultFilter === 'Not_Run' && !this.onlyMine && !this.query) {
      return ALL_RUN;
    }
    return NO_MATCH;
  }

  /** "Show all test cases" once a filter has emptied the list. */
  get canClearFilters(): boolean {
    return this.hasAnyCase && (this.resultFilter !== 'all' || this.onlyMine || Boolean(this.query));
  }

  get draftSeverityInvalid(): boolean {
    return Boolean(this.draft?.showErrors && !this.draft.severity);
  }

  get draftCommentInvalid(): boolean {
    return Boolean(this.draft?.showErrors && !this.draft.comment.trim());
  }

  get formTitle(): string {
    return this.formMode === 'import' ? IMPORT_TITLE : ADD_TITLE;
  }

  handleFilter(event: Event) {
    const value = (event.currentTarget as HTMLElement).dataset.value as ResultFilter | undefined;
    if (value) {
      this.resultFilter = value;
      this.caseLimit = CASE_PAGE_SIZE;
    }
  }

  handleOnlyMine(event: CustomEvent<{ checked: boolean }>) {
    this.onlyMine = event.detail.checked;
    this.caseLimit = CASE_PAGE_SIZE;
  }

  /** A tap on the padding of a field's 44 px touch area focuses the field (lightning-input's is 32 px). */
  handleFieldArea(event: Event) {
    focusFieldOnAreaTap(event);
  }

  handleSearch(event: CustomEvent<{ value: string }>) {
    this.query = event.detail.value;
    this.caseLimit = CASE_PAGE_SIZE;
  }

  handleClearFilters() {
    this.resultFilter = 'all';
    this.onlyMine = false;
    this.query = '';
    this.caseLimit = CASE_PAGE_SIZE;
  }

  handleRetry() {
    this.state = reloading();
    return refreshApex(this.wiredConsole);
  }

  handleOpenAdd() {
    this.openForm('add');
  }

  handleOpenImport() {
    this.openForm('import');
  }

  private openForm(mode: FormMode) {
    this.formMode = mode;
    this.focusAfterRender = 'section.case-form-modal';
  }

  handleCloseForm() {
    const opener = this.formMode === 'import' ? 'button.open-import' : 'button.open-add';
    this.formMode = '';
    this.focusAfterRender = opener;
  }

  /** Escape closes the modal, as in Lightning's own dialogs. */
  handleModalKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.handleCloseForm();
    }
  }

  /** Refreshes after test cases were created by the form or the import (the modal stays open for more). */
  handleCreated() {
    return refreshApex(this.wiredConsole);
  }

  handleToggle(event: Event) {
    const caseId = (event.currentTarget as HTMLElement).dataset.id;
    if (caseId) {
      this.toggle(caseId);
    }
  }

  private toggle(caseId: string) {
    this.expandedId = this.expandedId === caseId ? undefined : caseId;
  }

  /** From the toolbar's button: opens the first test case not run in the list shown. */
  handleNextNotRun() {
    this.goToNextNotRun(undefined);
  }

  private goToNextNotRun(afterId: string | undefined) {
    const next = nextNotRun(this.shownQueue, afterId);
    if (next) {
      this.expandedId = next;
      this.focusCase(next);
    } else {
      this.announcement = ALL_RUN;
    }
  }

  handleResultClick(event: Event) {
    const button = event.currentTarget as HTMLElement;
    const caseId = button.dataset.id;
    const result = button.dataset.result as TestResult | undefined;
    if (caseId && result) {
      this.choose(caseId, result);
    }
  }

  handleCaseKeydown(event: KeyboardEvent) {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const caseId = (event.currentTarget as HTMLElement).dataset.id;
    if (!caseId) {
      return;
    }
    const key = foldText(event.key);
    const result = resultForKey(event.key, event.code);
    if (result) {
      event.preventDefault();
      this.choose(caseId, result);
    } else if (key === keyOf(KEY_NEXT)) {
      event.preventDefault();
      this.goToNextNotRun(caseId);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.toggle(caseId);
    } else if (event.key === 'Escape' && this.expandedId === caseId) {
      event.preventDefault();
      this.expandedId = undefined;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.moveFocus(caseId, event.key === 'ArrowDown' ? 1 : -1);
    }
  }

  private moveFocus(caseId: string, step: number) {
    const ids = this.shownQueue.map((testCase) => testCase.id);
    const next = ids[ids.indexOf(caseId) + step];
    const shown = next ? this.template?.querySelector<HTMLElement>(`article[data-id="${next}"]`) : null;
    if (shown) {
      shown.focus();
    } else if (next) {
      // on the next page: showing it re-renders, then the focus moves
      this.focusCase(next);
    }
  }

  private choose(caseId: string, result: TestResult) {
    if (!this.editable || this.savingId) {
      return;
    }
    this.saveError = undefined;
    if (result === 'Passed') {
      this.draft = undefined;
      void this.save(caseId, { Result__c: 'Passed' });
      return;
    }
    const testCase = this.testCases.find((item) => item.Id === caseId);
    this.draft = {
      caseId,
      result,
      severity: testCase?.Severity__c ?? '',
      comment: testCase?.Comment__c ?? '',
      defect: testCase?.Defect_Reference__c ?? '',
      showErrors: false
    };
    this.focusAfterRender = `lightning-combobox[data-id="${caseId}"]`;
  }

  /** The severity is a native select (44 px on a phone, where lightning-combobox stays 32 px). */
  handleSeverityChange(event: CustomEvent<{ value: string }>) {
    if (this.draft) {
      this.draft = { ...this.draft, severity: event.detail.value };
    }
  }

  handleCommentChange(event: CustomEvent<{ value: string }>) {
    if (this.draft) {
      this.draft = { ...this.draft, comment: event.detail.value };
    }
  }

  handleDefectChange(event: CustomEvent<{ value: string }>) {
    if (this.draft) {
      this.draft = { ...this.draft, defect: event.detail.value };
    }
  }

  /** Escape cancels; Ctrl+Enter (or Cmd+Enter) saves from any field of the draft. */
  handleDraftKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.handleCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      this.handleSaveDraft(event);
    }
  }

  handleCancel() {
    const caseId = this.draft?.caseId;
    this.draft = undefined;
    this.saveError = undefined;
    if (caseId) {
      this.focusAfterRender = `article[data-id="${caseId}"]`;
    }
  }

  handleSaveDraft(event?: Event) {
    event?.preventDefault();
    const draft = this.draft;
    if (!draft) {
      return;
    }
    if (!draft.severity || !draft.comment.trim()) {
      this.draft = { ...draft, showErrors: true };
      return;
    }
    void this.save(draft.caseId, {
      Result__c: draft.result,
      Severity__c: draft.severity,
      Comment__c: draft.comment.trim(),
      Defect_Reference__c: draft.defect.trim() || null
    });
  }

  /**
   * Saves a result with who ran it and when, then keeps the keyboard in the work: focus goes to the
   * next test case not run of the list shown (the saved one may have left the filter), or back to the
   * saved one when none is left.
   */
  private async save(caseId: string, fields: Partial<TestCaseRecord>) {
    this.savingId = caseId;
    // Who ran it and when are set by the org when the result is recorded (AcceptanceResultRules): shown
    // here at once, never sent.
    const executed = { Executed_On__c: new Date().toISOString(), Executed_By__c: userId };
    try {
      await updateRecord({ fields: { Id: caseId, ...fields } });
      const before = this.shownQueue.map((testCase) => testCase.id);
      this.testCases = this.testCases.map((testCase) => {
        return testCase.Id === caseId ? { ...testCase, ...fields, ...executed } : testCase;
      });
      const saved = this.testCases.find((testCase) => testCase.Id === caseId);
      this.announcement = formatLabel(
        RECORDED,
        saved?.Name ?? '',
        RESULT_LABELS[normaliseResult(fields.Result__c)]
      );
      this.draft = undefined;
      this.focusCase(this.focusAfterSave(caseId, before));
      const records = this.recordId
        ? [{ recordId: this.recordId }, { recordId: caseId }]
        : [{ recordId: caseId }];
      await notifyRecordUpdateAvailable(records);
      // The save succeeded: a failed refresh leaves the updated rows shown, not an error.
      refreshApex(this.wiredConsole).catch(() => undefined);
    } catch (error) {
      this.saveError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
    } finally {
      this.savingId = undefined;
    }
  }

  /** The test case to focus after `caseId` was saved: the next not run, else the saved one or its neighbour. */
  private focusAfterSave(caseId: string, before: string[]): string {
    const shown = this.shownQueue;
    const next = nextNotRun(shown, shown.some((testCase) => testCase.id === caseId) ? caseId : undefined);
    if (next) {
      return next;
    }
    if (shown.some((testCase) => testCase.id === caseId)) {
      return caseId;
    }
    const after = before
      .slice(before.indexOf(caseId) + 1)
      .find((id) => shown.some((testCase) => testCase.id === id));
    return after ?? shown[shown.length - 1]?.id ?? '';
  }
}
