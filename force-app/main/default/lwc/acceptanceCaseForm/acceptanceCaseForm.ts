import { LightningElement, api } from 'lwc';
import { formatCounts, formatLabel } from 'c/labelUtils';
import createTestCases from '@salesforce/apex/AcceptanceConsoleController.createTestCases';
import { reduceErrors } from 'c/ldsUtils';
import { focusFieldOnAreaTap } from 'c/touchArea';
import {
  checkFileSize,
  parseTestCaseCsv,
  MAX_FILE_BYTES,
  MAX_ROWS,
  type CsvImport,
  type RowError,
  type TestCaseRow
} from './testCaseCsv';

import UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';
import ADD_TITLE from '@salesforce/label/c.acceptanceCaseForm_AddTitle';
import SCENARIO from '@salesforce/label/c.acceptanceCaseForm_Scenario';
import STEPS from '@salesforce/label/c.acceptanceCaseForm_Steps';
import EXPECTED from '@salesforce/label/c.acceptanceCaseForm_ExpectedResult';
import ASSIGN_TO_ME from '@salesforce/label/c.acceptanceCaseForm_AssignToMe';
import ADD from '@salesforce/label/c.acceptanceCaseForm_Add';
import ADDED from '@salesforce/label/c.acceptanceCaseForm_Added';
import SCENARIO_REQUIRED from '@salesforce/label/c.acceptanceCaseForm_ScenarioRequired';
import DUPLICATE from '@salesforce/label/c.acceptanceCaseForm_Duplicate';
import IMPORT_TITLE from '@salesforce/label/c.acceptanceCaseForm_ImportTitle';
import IMPORT_FILE from '@salesforce/label/c.acceptanceCaseForm_ImportFile';
import IMPORT_HELP from '@salesforce/label/c.acceptanceCaseForm_ImportHelp';
import IMPORT from '@salesforce/label/c.acceptanceCaseForm_Import';
import READY_TO_IMPORT from '@salesforce/label/c.acceptanceCaseForm_ReadyToImport';
import IMPORT_RESULT from '@salesforce/label/c.acceptanceCaseForm_ImportResult';
import READY_TO_IMPORT_ONE from '@salesforce/label/c.acceptanceCaseForm_ReadyToImportOne';
import ROWS_WITH_ERRORS_ONE from '@salesforce/label/c.acceptanceCaseForm_RowsWithErrorsOne';
import ROWS_WITH_ERRORS_MANY from '@salesforce/label/c.acceptanceCaseForm_RowsWithErrorsMany';
import IMPORT_RESULT_ONE from '@salesforce/label/c.acceptanceCaseForm_ImportResultOne';
import IMPORT_SKIPPED_ONE from '@salesforce/label/c.acceptanceCaseForm_ImportSkippedOne';
import IMPORT_SKIPPED_MANY from '@salesforce/label/c.acceptanceCaseForm_ImportSkippedMany';
import IMPORT_FAILED_ONE from '@salesforce/label/c.acceptanceCaseForm_ImportFailedOne';
import IMPORT_FAILED_MANY from '@salesforce/label/c.acceptanceCaseForm_ImportFailedMany';
import ROW_ERROR from '@salesforce/label/c.acceptanceCaseForm_RowError';
import FILE_EMPTY from '@salesforce/label/c.acceptanceCaseForm_FileEmpty';
import FILE_NO_SCENARIO from '@salesforce/label/c.acceptanceCaseForm_FileNoScenario';
import FILE_TOO_MANY from '@salesforce/label/c.acceptanceCaseForm_FileTooManyRows';
import FILE_TOO_LARGE from '@salesforce/label/c.acceptanceCaseForm_FileTooLarge';
import FILE_UNREADABLE from '@salesforce/label/c.acceptanceCaseForm_FileUnreadable';
import ERR_MALFORMED from '@salesforce/label/c.acceptanceCaseForm_ErrorMalformed';
import ERR_SCENARIO_MISSING from '@salesforce/label/c.acceptanceCaseForm_ErrorScenarioMissing';
import ERR_SCENARIO_TOO_LONG from '@salesforce/label/c.acceptanceCaseForm_ErrorScenarioTooLong';
import ERR_SORT_ORDER from '@salesforce/label/c.acceptanceCaseForm_ErrorSortOrder';
import ERR_DUPLICATE_IN_FILE from '@salesforce/label/c.acceptanceCaseForm_ErrorDuplicateInFile';
import ERR_DUPLICATE_IN_SESSION from '@salesforce/label/c.acceptanceCaseForm_ErrorDuplicateInSession';

/** One result row from AcceptanceConsoleController.createTestCases. */
interface RowResult {
  rowNumber: number;
  status: 'created' | 'duplicate' | 'invalid' | 'failed';
  recordId?: string | null;
  message?: string | null;
}

interface Message {
  key: string;
  text: string;
}

function rowErrorText(error: RowError): string {
  switch (error.code) {
    case 'scenarioMissing':
      return ERR_SCENARIO_MISSING;
    case 'scenarioTooLong':
      return formatLabel(ERR_SCENARIO_TOO_LONG, 255);
    case 'sortOrderInvalid':
      return ERR_SORT_ORDER;
    case 'duplicateInFile':
      return formatLabel(ERR_DUPLICATE_IN_FILE, error.firstRowNumber ?? '');
    default:
      return ERR_MALFORMED;
  }
}

function resultText(result: RowResult): string {
  if (result.status === 'duplicate') {
    return ERR_DUPLICATE_IN_SESSION;
  }
  if (result.message === 'scenarioRequired') {
    return ERR_SCENARIO_MISSING;
  }
  if (result.message === 'scenarioTooLong') {
    return formatLabel(ERR_SCENARIO_TOO_LONG, 255);
  }
  return result.message || UNKNOWN_ERROR;
}

/**
 * Creates acceptance test cases quickly: a small form for one scenario, and an import of many from a
 * CSV file parsed in the browser, with per-row errors before and after the import. Fires `created`
 * (detail: { count }) when test cases were added.
 */
export default class AcceptanceCaseForm extends LightningElement {
  @api sessionId?: string;
  /**
   * 'add' shows only the one-scenario form, 'import' only the CSV import (each in the console's modal,
   * whose title names it); blank shows both side by side.
   */
  @api mode?: '' | 'add' | 'import';

  labels = {
    ADD_TITLE,
    SCENARIO,
    STEPS,
    EXPECTED,
    ASSIGN_TO_ME,
    ADD,
    IMPORT_TITLE,
    IMPORT_FILE,
    IMPORT_HELP,
    IMPORT
  };

  scenario = '';
  steps = '';
  expectedResult = '';
  assignToMe = true;
  adding = false;
  addError?: string;
  addMessage = '';

  fileName = '';
  parsed?: CsvImport;
  importing = false;
  importError?: string;
  importSummary = '';
  importFailures: Message[] = [];

  get showAdd(): boolean {
    return this.mode !== 'import';
  }

  get showImport(): boolean {
    return this.mode !== 'add';
  }

  /** Side by side when both are shown on a wide page, else the whole width. */
  get sectionClass(): string {
    return this.mode ? 'slds-col slds-size_1-of-1' : 'slds-col slds-size_1-of-1 slds-medium-size_1-of-2';
  }

  /** In the modal the title already names the form: the heading stays for screen readers only. */
  get headingClass(): string {
    return this.mode ? 'slds-assistive-text' : 'slds-text-heading_small slds-m-bottom_x-small';
  }

  get addDisabled(): boolean {
    return this.adding || !this.sessionId;
  }

  handleScenarioChange(event: CustomEvent<{ value: string }>) {
    this.scenario = event.detail.value;
  }

  handleStepsChange(event: CustomEvent<{ value: string }>) {
    this.steps = event.detail.value;
  }

  handleExpectedChange(event: CustomEvent<{ value: string }>) {
    this.expectedResult = event.detail.value;
  }

  handleAssignChange(event: CustomEvent<{ checked: boolean }>) {
    this.assignToMe = Boolean(event.detail.checked);
  }

  /** A tap on the padding of a field's 44 px touch area focuses the field (lightning-input's is 32 px). */
  handleFieldArea(event: Event) {
    focusFieldOnAreaTap(event);
  }

  async handleAdd() {
    this.addError = undefined;
    this.addMessage = '';
    const scenario = this.scenario.trim();
    if (!scenario) {
      this.addError = SCENARIO_REQUIRED;
      return;
    }
    this.adding = true;
    try {
      const results = (await createTestCases({
        sessionId: this.sessionId,
        testCases: [
          {
            rowNumber: 1,
            scenario,
            steps: this.steps.trim() || null,
            expectedResult: this.expectedResult.trim() || null,
            sortOrder: null,
            assignToMe: this.assignToMe
          }
        ]
      })) as RowResult[];
      const result = results[0];
      if (result?.status === 'created') {
        this.scenario = '';
        this.steps = '';
        this.expectedResult = '';
        this.addMessage = ADDED;
        this.dispatchEvent(new CustomEvent('created', { detail: { count: 1 } }));
      } else if (result?.status === 'duplicate') {
        this.addError = DUPLICATE;
      } else {
        this.addError = result ? resultText(result) : UNKNOWN_ERROR;
      }
    } catch (error) {
      this.addError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
    } finally {
      this.adding = false;
    }
  }

  async handleFileChange(event: CustomEvent<{ files: File[] | FileList }>) {
    this.parsed = undefined;
    this.importSummary = '';
    this.importFailures = [];
    this.importError = undefined;
    const file = event.detail.files[0];
    if (!file) {
      this.fileName = '';
      return;
    }
    this.fileName = file.name;
    // Refused before reading: a file is read whole into memory.
    const sizeError = typeof file.size === 'number' ? checkFileSize(file.size) : undefined;
    if (sizeError) {
      this.parsed = { fileError: sizeError, rows: [], errors: [] };
      return;
    }
    try {
      this.parsed = parseTestCaseCsv(await file.text());
    } catch {
      this.importError = FILE_UNREADABLE;
    }
  }

  get fileError(): string {
    switch (this.parsed?.fileError) {
      case 'empty':
        return FILE_EMPTY;
      case 'noScenarioColumn':
        return FILE_NO_SCENARIO;
      case 'tooManyRows':
        return formatLabel(FILE_TOO_MANY, MAX_ROWS);
      case 'tooLarge':
        return formatLabel(FILE_TOO_LARGE, MAX_FILE_BYTES / (1024 * 1024), MAX_ROWS);
      default:
        return this.importError ?? '';
    }
  }

  get hasPreview(): boolean {
    return Boolean(this.parsed && !this.parsed.fileError);
  }

  get previewSummary(): string {
    return formatCounts(
      [this.parsed?.rows.length ?? 0, { one: READY_TO_IMPORT_ONE, other: READY_TO_IMPORT }],
      [this.parsed?.errors.length ?? 0, { one: ROWS_WITH_ERRORS_ONE, other: ROWS_WITH_ERRORS_MANY }]
    );
  }

  get parseErrors(): Message[] {
    return (this.parsed?.errors ?? []).map((error) => ({
      key: `parse-${error.rowNumber}`,
      text: formatLabel(ROW_ERROR, error.rowNumber, rowErrorText(error))
    }));
  }

  get hasParseErrors(): boolean {
    return this.parseErrors.length > 0;
  }

  get hasImportFailures(): boolean {
    return this.importFailures.length > 0;
  }

  get importDisabled(): boolean {
    return this.importing || !this.sessionId || !this.parsed || this.parsed.rows.length === 0;
  }

  async handleImport() {
    const rows: TestCaseRow[] = this.parsed?.rows ?? [];
    if (rows.length === 0) {
      return;
    }
    this.importing = true;
    this.importError = undefined;
    try {
      const results = (await createTestCases({
        sessionId: this.sessionId,
        testCases: rows.map((row) => ({ ...row, assignToMe: false }))
      })) as RowResult[];
      const created = results.filter((result) => result.status === 'created').length;
      const duplicates = results.filter((result) => result.status === 'duplicate').length;
      const failed = results.filter((result) => result.status === 'invalid' || result.status === 'failed');
      this.importSummary = formatCounts(
        [created, { one: IMPORT_RESULT_ONE, other: IMPORT_RESULT }],
        [duplicates, { one: IMPORT_SKIPPED_ONE, other: IMPORT_SKIPPED_MANY }],
        [failed.length, { one: IMPORT_FAILED_ONE, other: IMPORT_FAILED_MANY }]
      );
      this.importFailures = failed.map((result) => ({
        key: `result-${result.rowNumber}`,
        text: formatLabel(ROW_ERROR, result.rowNumber, resultText(result))
      }));
      // A retry of the same file re-sends only what was not created; duplicates are skipped server-side anyway.
      this.parsed = this.parsed
        ? {
            ...this.parsed,
            rows: rows.filter((row) =>
              failed.some((result) => result.rowNumber === row.rowNumber && result.status === 'failed')
            )
          }
        : undefined;
      if (created > 0) {
        this.dispatchEvent(new CustomEvent('created', { detail: { count: created } }));
      }
    } catch (error) {
      this.importError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
    } finally {
      this.importing = false;
    }
  }
}
