import { LightningElement, api, wire } from 'lwc';
import { formatLabel, formatPlural } from 'c/labelUtils';
import getConsole from '@salesforce/apex/AcceptanceConsoleController.getConsole';
import { refreshApex } from '@salesforce/apex';
import { updateRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import userId from '@salesforce/user/Id';
import { canUpdate, type LdsError, type ObjectAccessInfo, reduceErrors } from 'c/ldsUtils';
import {
  computeReadiness,
  normaliseResult,
  type Blocker,
  type Readiness,
  type TestResult
} from 'c/acceptanceReadiness';

/** The fields recording a result sets: the result buttons need edit access to all of them. */
const RESULT_FIELDS = ['Result__c', 'Severity__c', 'Comment__c', 'Defect_Reference__c', 'Executed_On__c'];

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
import COMMENT from '@salesforce/label/c.acceptanceConsole_Comment';
import DEFECT from '@salesforce/label/c.acceptanceConsole_DefectReference';
import SAVE from '@salesforce/label/c.acceptanceConsole_Save';
import CANCEL from '@salesforce/label/c.acceptanceConsole_Cancel';
import RECORDED from '@salesforce/label/c.acceptanceConsole_Recorded';
import REQUIRED_WHEN_NOT_PASSED from '@salesforce/label/c.acceptanceConsole_RequiredWhenNotPassed';
import MARK_AS from '@salesforce/label/c.acceptanceConsole_MarkAs';

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
  Sort_Order__c?: number | null;
  Assigned_Key_User__c?: string | null;
  Assigned_Key_User__r?: { Name?: string; User__c?: string } | null;
}

interface ConsoleData {
  session: { Id: string; Name?: string; Go_No_Go_Threshold__c?: number | null };
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
  Not_Run: 'slds-badge'
};

const SHORTCUT_KEYS: Record<string, TestResult> = { p: 'Passed', f: 'Failed', b: 'Blocked' };

/**
 * Acceptance testing console for an Acceptance_Session__c record page: the session's test cases with
 * scenario, steps and expected result; results recorded with one key (P, F, B) or one click, without a
 * page reload; progress and the go/no-go readiness gate with what blocks it.
 */
export default class AcceptanceConsole extends LightningElement {
  @api recordId?: string;

  labels = {
    TITLE,
    ERROR_TITLE,
    LOADING,
    PROGRESS,
    PASSED,
    FAILED,
    BLOCKED,
    NOT_RUN,
    ONLY_MINE,
    SHORTCUTS,
    STEPS,
    EXPECTED,
    ASSIGNED_TO,
    RESULT,
    SEVERITY,
    COMMENT,
    DEFECT,
    SAVE,
    CANCEL,
    REQUIRED_WHEN_NOT_PASSED
  };

  severityOptions = [
    { label: SEVERITY_BLOCKING, value: 'Blocking' },
    { label: SEVERITY_MAJOR, value: 'Major' },
    { label: SEVERITY_MINOR, value: 'Minor' }
  ];

  wiredConsole?: WireResult;
  session?: ConsoleData['session'];
  testCases: TestCaseRecord[] = [];
  loaded = false;
  /** The error of the last load, shown by c-error-panel. */
  loadError?: LdsError;
  onlyMine = false;
  draft?: Draft;
  savingId?: string;
  saveError?: string;
  announcement = '';
  private focusAfterRender?: string;

  /** Whether the user may create test cases (the form and the import are shown only then). */
  canCreate = false;

  /** Whether the user may record results (key users, admins): the result buttons are shown only then. */
  canRecord = false;

  @wire(getObjectInfo, { objectApiName: 'Acceptance_Test_Case__c' })
  wiredObjectInfo({ data }: { data?: ObjectAccessInfo; error?: unknown }) {
    this.canCreate = Boolean(data?.createable);
    this.canRecord = canUpdate(data, RESULT_FIELDS);
  }

  @wire(getConsole, { sessionId: '$recordId' })
  wiredGetConsole(result: WireResult) {
    this.wiredConsole = result;
    if (result.data) {
      this.session = result.data.session;
      this.testCases = [...result.data.testCases];
      this.loadError = undefined;
      this.loaded = true;
    } else if (result.error) {
      this.loadError = result.error as LdsError;
      this.loaded = true;
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

  get isLoading(): boolean {
    return !this.loaded;
  }

  get hasError(): boolean {
    return this.loaded && Boolean(this.loadError);
  }

  get hasData(): boolean {
    return this.loaded && !this.loadError && Boolean(this.session);
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

  get counts() {
    const { counts } = this.readiness;
    return [
      { key: 'passed', label: PASSED, value: counts.passed },
      { key: 'failed', label: FAILED, value: counts.failed },
      { key: 'blocked', label: BLOCKED, value: counts.blocked },
      { key: 'notRun', label: NOT_RUN, value: counts.notRun }
    ];
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

  private isMine(testCase: TestCaseRecord): boolean {
    return testCase.Assigned_Key_User__r?.User__c === userId;
  }

  get visibleCases() {
    const draft = this.draft;
    return this.testCases
      .filter((testCase) => !this.onlyMine || this.isMine(testCase))
      .map((testCase) => {
        const result = normaliseResult(testCase.Result__c);
        const editing = draft?.caseId === testCase.Id;
        const saving = this.savingId === testCase.Id;
        return {
          id: testCase.Id,
          name: testCase.Name ?? '',
          scenario: testCase.Scenario__c ?? '',
          steps: testCase.Steps__c ?? '',
          expected: testCase.Expected_Result__c ?? '',
          hasSteps: Boolean(testCase.Steps__c),
          hasExpected: Boolean(testCase.Expected_Result__c),
          assignee: testCase.Assigned_Key_User__r?.Name ?? '',
          hasAssignee: Boolean(testCase.Assigned_Key_User__r?.Name),
          comment: testCase.Comment__c ?? '',
          hasComment: Boolean(testCase.Comment__c) && result !== 'Passed',
          resultLabel: RESULT_LABELS[result],
          badgeClass: BADGE_CLASSES[result],
          headingId: `heading-${testCase.Id}`,
          ariaLabel: `${testCase.Name ?? ''} ${testCase.Scenario__c ?? ''}, ${RESULT_LABELS[result]}`,
          saving,
          disabled: saving,
          editing,
          draftResultLabel: editing ? RESULT_LABELS[draft.result] : '',
          actions: (['Passed', 'Failed', 'Blocked'] as TestResult[]).map((value) => ({
            value,
            label: RESULT_LABELS[value],
            title: formatLabel(MARK_AS, RESULT_LABELS[value]),
            className:
              value === result
                ? 'slds-button slds-button_brand result-button'
                : 'slds-button slds-button_neutral result-button',
            pressed: value === result ? 'true' : 'false'
          }))
        };
      });
  }

  get hasCases(): boolean {
    return this.visibleCases.length > 0;
  }

  get emptyMessage(): string {
    return this.onlyMine ? EMPTY_MINE : EMPTY;
  }

  get draftSeverityInvalid(): boolean {
    return Boolean(this.draft?.showErrors && !this.draft.severity);
  }

  get draftCommentInvalid(): boolean {
    return Boolean(this.draft?.showErrors && !this.draft.comment.trim());
  }

  handleOnlyMine(event: CustomEvent<{ checked: boolean }>) {
    this.onlyMine = Boolean((event.target as HTMLInputElement | null)?.checked ?? event.detail.checked);
  }

  handleRetry() {
    this.loaded = false;
    this.loadError = undefined;
    return refreshApex(this.wiredConsole);
  }

  /** Refreshes after test cases were created by the form or the import. */
  handleCreated() {
    return refreshApex(this.wiredConsole);
  }

  handleResultClick(event: Event) {
    if (!this.canRecord) {
      return;
    }
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
    const key = event.key.toLowerCase();
    const result = SHORTCUT_KEYS[key];
    if (result) {
      event.preventDefault();
      this.choose(caseId, result);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.moveFocus(caseId, event.key === 'ArrowDown' ? 1 : -1);
    }
  }

  private moveFocus(caseId: string, step: number) {
    const ids = this.visibleCases.map((testCase) => testCase.id);
    const next = ids[ids.indexOf(caseId) + step];
    if (next) {
      this.template?.querySelector<HTMLElement>(`article[data-id="${next}"]`)?.focus();
    }
  }

  private choose(caseId: string, result: TestResult) {
    if (!this.canRecord) {
      return;
    }
    if (this.savingId) {
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

  private async save(caseId: string, fields: Partial<TestCaseRecord>) {
    this.savingId = caseId;
    const executedOn = new Date().toISOString();
    try {
      await updateRecord({ fields: { Id: caseId, ...fields, Executed_On__c: executedOn } });
      this.testCases = this.testCases.map((testCase) => {
        return testCase.Id === caseId ? { ...testCase, ...fields, Executed_On__c: executedOn } : testCase;
      });
      const saved = this.testCases.find((testCase) => testCase.Id === caseId);
      this.announcement = formatLabel(
        RECORDED,
        saved?.Name ?? '',
        RESULT_LABELS[normaliseResult(fields.Result__c)]
      );
      this.draft = undefined;
      this.focusAfterRender = `article[data-id="${caseId}"]`;
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
}
