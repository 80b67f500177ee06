import { createElement } from 'lwc';
import AcceptanceCaseForm from 'c/acceptanceCaseForm';
import createTestCases from '@salesforce/apex/AcceptanceConsoleController.createTestCases';
import { $, flushPromises, resetDom, text } from '../../../../../test/jest-utils';

jest.mock('@salesforce/apex/AcceptanceConsoleController.createTestCases', () => ({ default: jest.fn() }), {
  virtual: true
});

const mockCreate = createTestCases as unknown as jest.Mock;
const importResults = require('./data/createTestCasesResults.json');

function createForm(mode = ''): HTMLElement {
  const element = createElement('c-acceptance-case-form', { is: AcceptanceCaseForm });
  (element as unknown as { sessionId: string; mode: string }).sessionId = 'a01000000000001AAA';
  (element as unknown as { mode: string }).mode = mode;
  document.body.appendChild(element);
  return element;
}

// the real English singular forms, to see which form each count gets (the plural forms stay label names)
jest.mock(
  '@salesforce/label/c.acceptanceCaseForm_ReadyToImportOne',
  () => ({ default: '{0} row ready to import.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.acceptanceCaseForm_RowsWithErrorsOne',
  () => ({ default: '{0} row with errors, listed below, will not be imported.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.acceptanceCaseForm_ImportResultOne',
  () => ({ default: '{0} test case created.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.acceptanceCaseForm_ImportSkippedOne',
  () => ({ default: '{0} already in the session (skipped).' }),
  { virtual: true }
);

function change(target: HTMLElement | null, detail: Record<string, unknown>) {
  target!.dispatchEvent(new CustomEvent('change', { detail }));
}

function csvFile(content: string, name = 'scenarios.csv') {
  return { name, text: () => Promise.resolve(content) };
}

describe('c-acceptance-case-form', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows only the part the console modal asks for, its heading left to the modal title', async () => {
    const add = createForm('add');
    expect($(add, 'lightning-input.scenario')).not.toBeNull();
    expect($(add, 'lightning-input.file')).toBeNull();
    expect($(add, '#add-title, h3')!.className).toBe('slds-assistive-text');
    expect($(add, 'section')!.className).toBe('slds-col slds-size_1-of-1');
    await expect(add).toBeAccessible();
    const imported = createForm('import');
    expect($(imported, 'lightning-input.scenario')).toBeNull();
    expect($(imported, 'lightning-input.file')).not.toBeNull();
    await expect(imported).toBeAccessible();
  });

  it('renders the quick form and the import, labelled and accessible', async () => {
    const element = createForm();
    expect(($(element, 'lightning-input.scenario') as unknown as { label: string }).label).toBe(
      'c.acceptanceCaseForm_Scenario'
    );
    expect(($(element, 'lightning-input.file') as unknown as { label: string }).label).toBe(
      'c.acceptanceCaseForm_ImportFile'
    );
    expect(text($(element, '.import-help'))).toBe('c.acceptanceCaseForm_ImportHelp');
    expect($(element, 'lightning-button.import')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('requires a scenario before calling the server', async () => {
    const element = createForm();
    ($(element, 'lightning-button.add') as HTMLElement).click();
    await flushPromises();
    expect(mockCreate).not.toHaveBeenCalled();
    expect(text($(element, '.add-error'))).toBe('c.acceptanceCaseForm_ScenarioRequired');
    await expect(element).toBeAccessible();
  });

  it('focuses the scenario and toggles "Assign to me" from a tap on the padding of their touch areas', async () => {
    const element = createForm('add');
    await flushPromises();
    const scenario = $(element, 'lightning-input.scenario') as HTMLElement & { focus: () => void };
    const focus = jest.spyOn(scenario, 'focus');
    (scenario.parentElement as HTMLElement).click();
    expect(focus).toHaveBeenCalledTimes(1);
    scenario.click();
    expect(focus).toHaveBeenCalledTimes(1);

    // "Assign to me" is a c-touch-checkbox: a tap on its area's padding toggles it
    const assign = $(element, 'c-touch-checkbox.assign-to-me') as HTMLElement & { checked: boolean };
    const before = assign.checked;
    $(assign, '.touch-target')!.click();
    await flushPromises();
    expect(assign.checked).toBe(!before);
  });

  it('creates one test case, clears the form and fires created', async () => {
    mockCreate.mockResolvedValueOnce([{ rowNumber: 1, status: 'created', recordId: 'a03000000000009AAA' }]);
    const element = createForm();
    const created = jest.fn();
    element.addEventListener('created', created);
    change($(element, 'lightning-input.scenario'), { value: ' Log a call ' });
    change($(element, 'lightning-textarea.steps'), { value: 'Open the contact' });
    change($(element, 'lightning-textarea.expected'), { value: 'The call is logged' });
    change($(element, 'c-touch-checkbox.assign-to-me'), { checked: false });
    await flushPromises();
    ($(element, 'lightning-button.add') as HTMLElement).click();
    await flushPromises();
    expect(mockCreate).toHaveBeenCalledWith({
      sessionId: 'a01000000000001AAA',
      testCases: [
        {
          rowNumber: 1,
          scenario: 'Log a call',
          steps: 'Open the contact',
          expectedResult: 'The call is logged',
          sortOrder: null,
          assignToMe: false
        }
      ]
    });
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0][0].detail).toEqual({ count: 1 });
    expect(text($(element, '.add-message'))).toBe('c.acceptanceCaseForm_Added');
    expect(($(element, 'lightning-input.scenario') as unknown as { value: string }).value).toBe('');
  });

  it('says so when the scenario already exists in the session', async () => {
    mockCreate.mockResolvedValueOnce([{ rowNumber: 1, status: 'duplicate', recordId: 'a03000000000001AAA' }]);
    const element = createForm();
    const created = jest.fn();
    element.addEventListener('created', created);
    change($(element, 'lightning-input.scenario'), { value: 'Log a call' });
    ($(element, 'lightning-button.add') as HTMLElement).click();
    await flushPromises();
    expect(text($(element, '.add-error'))).toBe('c.acceptanceCaseForm_Duplicate');
    expect(created).not.toHaveBeenCalled();
  });

  it('shows the server error readably', async () => {
    mockCreate.mockRejectedValueOnce({ body: { message: 'You cannot edit this session' } });
    const element = createForm();
    change($(element, 'lightning-input.scenario'), { value: 'Log a call' });
    ($(element, 'lightning-button.add') as HTMLElement).click();
    await flushPromises();
    expect(text($(element, '.add-error'))).toBe('You cannot edit this session');
    await expect(element).toBeAccessible();
  });

  it('previews a CSV file with per-row errors before importing', async () => {
    const element = createForm();
    change($(element, 'lightning-input.file'), {
      files: [csvFile('Scenario,Steps\nCreate an account,Open\n,Missing\nLog a call,\nlog a CALL,')]
    });
    await flushPromises();
    expect(text($(element, '.file-name'))).toBe('scenarios.csv');
    expect(text($(element, '.preview-summary'))).toBe(
      'c.acceptanceCaseForm_ReadyToImport c.acceptanceCaseForm_RowsWithErrorsMany'
    );
    expect(element.shadowRoot!.querySelectorAll('.parse-errors li')).toHaveLength(2);
    expect(mockCreate).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('refuses a file over the size limit without reading it', async () => {
    const element = createForm();
    const read = jest.fn(() => Promise.resolve('Scenario\nA'));
    change($(element, 'lightning-input.file'), {
      files: [{ name: 'huge.csv', size: 100 * 1024 * 1024, text: read }]
    });
    await flushPromises();
    expect(read).not.toHaveBeenCalled();
    expect(text($(element, '.file-error'))).toBe('c.acceptanceCaseForm_FileTooLarge');
    expect($(element, 'lightning-button.import')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('reports a file without a scenario column', async () => {
    const element = createForm();
    change($(element, 'lightning-input.file'), { files: [csvFile('Title\nA')] });
    await flushPromises();
    expect(text($(element, '.file-error'))).toBe('c.acceptanceCaseForm_FileNoScenario');
    expect($(element, 'lightning-button.import')).toBeNull();
  });

  it('reports an empty file and an unreadable one', async () => {
    const element = createForm();
    change($(element, 'lightning-input.file'), { files: [csvFile('')] });
    await flushPromises();
    expect(text($(element, '.file-error'))).toBe('c.acceptanceCaseForm_FileEmpty');
    change($(element, 'lightning-input.file'), {
      files: [{ name: 'broken.csv', text: () => Promise.reject(new Error('read error')) }]
    });
    await flushPromises();
    expect(text($(element, '.file-error'))).toBe('c.acceptanceCaseForm_FileUnreadable');
    change($(element, 'lightning-input.file'), { files: [] });
    await flushPromises();
    expect($(element, '.file-name')).toBeNull();
  });

  it('counts one row in the singular and leaves out the counts that are zero', async () => {
    mockCreate.mockResolvedValueOnce([{ rowNumber: 2, status: 'created', recordId: 'a03000000000005AAA' }]);
    const element = createForm();
    change($(element, 'lightning-input.file'), { files: [csvFile('Scenario\nCreate an account\n,Missing')] });
    await flushPromises();
    expect(text($(element, '.preview-summary'))).toBe(
      '1 row ready to import. 1 row with errors, listed below, will not be imported.'
    );
    change($(element, 'lightning-input.file'), { files: [csvFile('Scenario\nCreate an account')] });
    await flushPromises();
    expect(text($(element, '.preview-summary'))).toBe('1 row ready to import.');
    ($(element, 'lightning-button.import') as HTMLElement).click();
    await flushPromises();
    expect(text($(element, '.import-summary'))).toBe('1 test case created.');
  });

  it('imports the valid rows in one call and reports each failed row', async () => {
    mockCreate.mockResolvedValueOnce(importResults);
    const element = createForm();
    const created = jest.fn();
    element.addEventListener('created', created);
    change($(element, 'lightning-input.file'), {
      files: [csvFile('Scenario\nCreate an account\nLog a call\nConvert a lead\nClose a case')]
    });
    await flushPromises();
    ($(element, 'lightning-button.import') as HTMLElement).click();
    await flushPromises();
    expect(mockCreate).toHaveBeenCalledTimes(1);
    const { testCases } = mockCreate.mock.calls[0][0];
    expect(testCases.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(testCases[0]).toEqual(
      expect.objectContaining({ scenario: 'Create an account', assignToMe: false })
    );
    // 1 created, 1 duplicate, 2 failed
    expect(text($(element, '.import-summary'))).toBe(
      '1 test case created. 1 already in the session (skipped). c.acceptanceCaseForm_ImportFailedMany'
    );
    expect(element.shadowRoot!.querySelectorAll('.import-failures li')).toHaveLength(2);
    expect(created.mock.calls[0][0].detail).toEqual({ count: 1 });
    await expect(element).toBeAccessible();

    // retrying re-sends only the row the database refused
    mockCreate.mockResolvedValueOnce([{ rowNumber: 5, status: 'created', recordId: 'a03000000000010AAA' }]);
    ($(element, 'lightning-button.import') as HTMLElement).click();
    await flushPromises();
    expect(mockCreate.mock.calls[1][0].testCases.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([
      5
    ]);
  });

  it('shows a readable error when the import call fails', async () => {
    mockCreate.mockRejectedValueOnce({ body: { message: 'Import at most 500 rows at a time.' } });
    const element = createForm();
    change($(element, 'lightning-input.file'), { files: [csvFile('Scenario\nA')] });
    await flushPromises();
    ($(element, 'lightning-button.import') as HTMLElement).click();
    await flushPromises();
    expect(text($(element, '.file-error'))).toBe('Import at most 500 rows at a time.');
  });
});
