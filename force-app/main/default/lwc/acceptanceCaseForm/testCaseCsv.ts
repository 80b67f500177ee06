// Turns a CSV of acceptance scenarios into test-case rows for AcceptanceConsoleController.createTestCases,
// with one clear error per bad row. Pure: the component reads the file, this module decides.
//
// Expected columns (header row, any order, English or French, case and accents ignored):
//   Scenario (required) · Steps · Expected Result · Sort Order
// API names (Scenario__c, Steps__c, Expected_Result__c, Sort_Order__c) are accepted too.

import { parseCsv, type CsvErrorCode } from 'c/csvParser';

export const MAX_ROWS = 500;
/**
 * Largest file read, in bytes (5 MB), checked before reading it: 500 rows with a scenario and a few
 * paragraphs of steps and expected result each fit many times over; a larger file is not a list of
 * scenarios, and reading it whole would freeze the page.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const SCENARIO_MAX_LENGTH = 255;

export type Column = 'scenario' | 'steps' | 'expectedResult' | 'sortOrder';

export type RowErrorCode =
  CsvErrorCode | 'scenarioMissing' | 'scenarioTooLong' | 'sortOrderInvalid' | 'duplicateInFile';

export type FileErrorCode = 'empty' | 'noScenarioColumn' | 'tooManyRows' | 'tooLarge';

export interface TestCaseRow {
  /** line of the file where the row starts (the header is line 1) */
  rowNumber: number;
  scenario: string;
  steps: string | null;
  expectedResult: string | null;
  sortOrder: number | null;
}

export interface RowError {
  rowNumber: number;
  code: RowErrorCode;
  /** for duplicateInFile: the row that first had the scenario */
  firstRowNumber?: number;
}

export interface CsvImport {
  fileError?: FileErrorCode;
  rows: TestCaseRow[];
  errors: RowError[];
}

const HEADER_ALIASES: Record<string, Column> = {
  scenario: 'scenario',
  scenarios: 'scenario',
  scenarioc: 'scenario',
  steps: 'steps',
  step: 'steps',
  stepsc: 'steps',
  etapes: 'steps',
  etape: 'steps',
  expectedresult: 'expectedResult',
  expected: 'expectedResult',
  expectedresultc: 'expectedResult',
  resultatattendu: 'expectedResult',
  sortorder: 'sortOrder',
  order: 'sortOrder',
  sortorderc: 'sortOrder',
  ordre: 'sortOrder'
};

/** Lower case, accents removed, only letters and digits kept: "Résultat attendu" → "resultatattendu". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function blankToNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Checks a file's size before it is read: 'tooLarge' over MAX_FILE_BYTES, else undefined. */
export function checkFileSize(sizeInBytes: number): FileErrorCode | undefined {
  return sizeInBytes > MAX_FILE_BYTES ? 'tooLarge' : undefined;
}

/** Parses the text of a CSV file into rows to create and per-row errors. */
export function parseTestCaseCsv(text: string): CsvImport {
  // Header + MAX_ROWS data rows, and one more to know the file is too long: the rest is never parsed.
  const { records, truncated } = parseCsv(text, { maxRecords: MAX_ROWS + 2 });
  const header = records[0];
  if (!header) {
    return { fileError: 'empty', rows: [], errors: [] };
  }
  const columns = new Map<Column, number>();
  header.fields.forEach((name, index) => {
    const column = HEADER_ALIASES[normaliseHeader(name)];
    if (column && !columns.has(column)) {
      columns.set(column, index);
    }
  });
  if (!columns.has('scenario')) {
    return { fileError: 'noScenarioColumn', rows: [], errors: [] };
  }
  const dataRecords = records.slice(1);
  if (dataRecords.length === 0) {
    return { fileError: 'empty', rows: [], errors: [] };
  }
  if (truncated || dataRecords.length > MAX_ROWS) {
    return { fileError: 'tooManyRows', rows: [], errors: [] };
  }

  const cell = (fields: string[], column: Column): string | undefined => {
    const index = columns.get(column);
    return index === undefined ? undefined : fields[index];
  };

  const rows: TestCaseRow[] = [];
  const errors: RowError[] = [];
  const firstRowByScenario = new Map<string, number>();
  for (const record of dataRecords) {
    const rowNumber = record.line;
    if (record.error) {
      errors.push({ rowNumber, code: record.error });
      continue;
    }
    const scenario = blankToNull(cell(record.fields, 'scenario'));
    if (!scenario) {
      errors.push({ rowNumber, code: 'scenarioMissing' });
      continue;
    }
    if (scenario.length > SCENARIO_MAX_LENGTH) {
      errors.push({ rowNumber, code: 'scenarioTooLong' });
      continue;
    }
    const sortOrderText = blankToNull(cell(record.fields, 'sortOrder'));
    const sortOrder = sortOrderText === null ? null : Number(sortOrderText.replace(',', '.'));
    if (sortOrder !== null && (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 999999)) {
      errors.push({ rowNumber, code: 'sortOrderInvalid' });
      continue;
    }
    const key = scenario.toLowerCase();
    const firstRowNumber = firstRowByScenario.get(key);
    if (firstRowNumber !== undefined) {
      errors.push({ rowNumber, code: 'duplicateInFile', firstRowNumber });
      continue;
    }
    firstRowByScenario.set(key, rowNumber);
    rows.push({
      rowNumber,
      scenario,
      steps: blankToNull(cell(record.fields, 'steps')),
      expectedResult: blankToNull(cell(record.fields, 'expectedResult')),
      sortOrder
    });
  }
  return { rows, errors };
}
