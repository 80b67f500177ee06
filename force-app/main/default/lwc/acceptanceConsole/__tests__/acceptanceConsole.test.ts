import { createElement } from 'lwc';
import AcceptanceConsole from 'c/acceptanceConsole';
import getConsole from '@salesforce/apex/AcceptanceConsoleController.getConsole';
import { refreshApex } from '@salesforce/apex';
import { updateRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { $, $$, errorPanel, flushPromises, resetDom, text } from '../../../../../test/jest-utils';

const consoleData = require('./data/getConsole.json');
const readyData = require('./data/getConsoleReady.json');

jest.mock(
  '@salesforce/apex/AcceptanceConsoleController.getConsole',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

jest.mock('@salesforce/apex/AcceptanceConsoleController.createTestCases', () => ({ default: jest.fn() }), {
  virtual: true
});

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const wire = getConsole as unknown as { emit(data: unknown): void; error(body?: unknown): void };
const mockUpdateRecord = updateRecord as jest.Mock;
const mockNotify = notifyRecordUpdateAvailable as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;
const objectInfo = getObjectInfo as unknown as { emit(data: unknown): void };

const RESULT_FIELDS = ['Result__c', 'Severity__c', 'Comment__c', 'Defect_Reference__c', 'Executed_On__c'];
/** getObjectInfo of a key user: may edit the result fields of test cases (not create them). */
const KEY_USER_ACCESS = {
  apiName: 'Acceptance_Test_Case__c',
  createable: false,
  updateable: true,
  fields: Object.fromEntries(RESULT_FIELDS.map((f) => [f, { createable: true, updateable: true }]))
};

function createConsole(access: object = KEY_USER_ACCESS): HTMLElement {
  const element = createElement('c-acceptance-console', { is: AcceptanceConsole });
  (element as unknown as { recordId: string }).recordId = 'a01000000000001AAA';
  document.body.appendChild(element);
  objectInfo.emit(access);
  return element;
}

function caseArticle(element: HTMLElement, id: string): HTMLElement {
  const article = $(element, `article[data-id="${id}"]`);
  if (!article) {
    throw new Error(`no test case ${id}`);
  }
  return article;
}

function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
}

describe('c-acceptance-console', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner while loading, and is accessible', async () => {
    const element = createConsole();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect(($(element, 'lightning-spinner') as unknown as { alternativeText: string }).alternativeText).toBe(
      'c.common_Loading'
    );
    await expect(element).toBeAccessible();
  });

  it('shows the error with a retry that refreshes the wire', async () => {
    const element = createConsole();
    wire.error({ message: 'Insufficient access' });
    await flushPromises();
    const panel = errorPanel(element);
    expect(panel.querySelector('[data-id="error"]')?.getAttribute('role')).toBe('alert');
    expect(text(panel.querySelector('[data-id="messages"]'))).toBe('Insufficient access');
    expect(text(panel.querySelector('[data-id="title"]'))).toBe('c.acceptanceConsole_ErrorTitle');
    expect($(element, 'lightning-spinner')).toBeNull();
    await expect(element).toBeAccessible();

    panel.querySelector<HTMLElement>('[data-id="retry"]')!.click();
    await flushPromises();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect($(element, 'lightning-spinner')).not.toBeNull();
  });

  it('shows an empty state when the session has no test cases, and says it is not ready', async () => {
    const element = createConsole();
    wire.emit({ ...consoleData, testCases: [] });
    await flushPromises();
    expect(text($(element, '.empty'))).toBe('c.acceptanceConsole_Empty');
    expect(text($(element, '.gate-title'))).toBe('c.acceptanceConsole_NotReady');
    expect(text($(element, '.blockers'))).toBe('c.acceptanceConsole_BlockerNoCases');
    // the form is shown only to users who may create test cases
    expect($(element, 'c-acceptance-case-form')).toBeNull();
    objectInfo.emit({ ...KEY_USER_ACCESS, createable: true });
    await flushPromises();
    expect($(element, 'c-acceptance-case-form')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('lists test cases with scenario, steps, expected result and result', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    const articles = $$(element, 'article.case');
    expect(articles).toHaveLength(4);
    const first = caseArticle(element, 'a03000000000001AAA');
    expect(text(first.querySelector('.case-name'))).toBe('TC-0001');
    expect(text(first.querySelector('.case-scenario'))).toBe('Create an opportunity from an account');
    expect(first.querySelector('.case-steps')!.textContent).toBe('Open an account\nClick New Opportunity');
    expect(text(first.querySelector('.case-expected'))).toBe('The opportunity is linked to the account');
    expect(text(first.querySelector('.case-result'))).toBe('c.acceptanceConsole_Passed');
    expect(text(first.querySelector('.case-assignee'))).toBe('Camille Martin');
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(text(caseArticle(element, 'a03000000000002AAA').querySelector('.case-comment'))).toBe(
      'No order was created'
    );
    expect(text($(element, '.shortcut-help'))).toBe('c.acceptanceConsole_Shortcuts');
    await expect(element).toBeAccessible();
  });

  it('shows progress, counts and the blockers of the go/no-go gate', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    const ring = $(element, 'lightning-progress-ring') as unknown as { value: number };
    expect(ring.value).toBe(75);
    expect(text($(element, '.counts li[data-key="passed"]'))).toBe('c.acceptanceConsole_Passed 2');
    expect(text($(element, '.counts li[data-key="failed"]'))).toBe('c.acceptanceConsole_Failed 1');
    expect(text($(element, '.counts li[data-key="blocked"]'))).toBe('c.acceptanceConsole_Blocked 0');
    expect(text($(element, '.counts li[data-key="notRun"]'))).toBe('c.acceptanceConsole_NotRun 1');
    // label and count are kept apart by a non-breaking space the template compiler cannot drop
    expect($(element, '.counts li[data-key="passed"]')!.textContent).toBe(
      'c.acceptanceConsole_Passed\u00a02'
    );
    expect(text($(element, '.gate-title'))).toBe('c.acceptanceConsole_NotReady');
    // 2 of 4 passed = 50 % against 75 %, and TC-0002 is an open blocking failure
    expect($$(element, '.blockers li')).toHaveLength(2);
    // one more pass is missing: the singular label
    expect(text($$(element, '.blockers li')[0] ?? null)).toBe('c.acceptanceConsole_BlockerPassRateOne');
    expect($(element, 'section[role="status"]')).not.toBeNull();
  });

  it('uses the plural label when more than one pass is missing', async () => {
    const element = createConsole();
    wire.emit({
      ...consoleData,
      testCases: consoleData.testCases.map((testCase: Record<string, unknown>) => ({
        ...testCase,
        Result__c: 'Not_Run',
        Severity__c: null
      }))
    });
    await flushPromises();
    // 0 of 4 passed against 75 %: 3 more must pass
    expect($$(element, '.blockers li').map((item) => text(item))).toEqual([
      'c.acceptanceConsole_BlockerPassRate'
    ]);
  });

  it('says plainly when the session is ready', async () => {
    const element = createConsole();
    wire.emit(readyData);
    await flushPromises();
    expect(text($(element, '.gate-title'))).toBe('c.acceptanceConsole_Ready');
    expect(text($(element, '.ready-detail'))).toBe('c.acceptanceConsole_ReadyDetail');
    expect($(element, '.blockers')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('filters to the test cases assigned to the current user', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    const onlyMine = $(element, 'lightning-input.only-mine') as HTMLInputElement;
    onlyMine.checked = true;
    onlyMine.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect($$(element, 'article.case').map((article) => article.dataset.id)).toEqual([
      'a03000000000001AAA',
      'a03000000000003AAA'
    ]);
    // the gate still covers the whole session
    expect($$(element, '.blockers li')).toHaveLength(2);
  });

  it('shows a specific empty state when nothing is assigned to the current user', async () => {
    const element = createConsole();
    wire.emit(readyData);
    await flushPromises();
    const onlyMine = $(element, 'lightning-input.only-mine') as HTMLInputElement;
    onlyMine.checked = true;
    onlyMine.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(text($(element, '.empty'))).toBe('c.acceptanceConsole_EmptyMine');
    await expect(element).toBeAccessible();
  });

  it('records Passed with one key press on the focused test case, without reloading', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    press(caseArticle(element, 'a03000000000003AAA'), 'p');
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledTimes(1);
    const [{ fields }] = mockUpdateRecord.mock.calls[0];
    expect(fields).toEqual(
      expect.objectContaining({
        Id: 'a03000000000003AAA',
        Result__c: 'Passed',
        Executed_On__c: expect.any(String)
      })
    );
    expect(mockNotify).toHaveBeenCalledWith([
      { recordId: 'a01000000000001AAA' },
      { recordId: 'a03000000000003AAA' }
    ]);
    expect(mockRefreshApex).toHaveBeenCalled();
    expect(text(caseArticle(element, 'a03000000000003AAA').querySelector('.case-result'))).toBe(
      'c.acceptanceConsole_Passed'
    );
    expect(text($(element, '.counts li[data-key="passed"]'))).toBe('c.acceptanceConsole_Passed 3');
    expect(text($(element, '.announcement'))).toBe('c.acceptanceConsole_Recorded');
    expect(($(element, 'lightning-progress-ring') as unknown as { value: number }).value).toBe(100);
  });

  it('shows no result button to a user who cannot edit results (a sponsor), and ignores the keys', async () => {
    const element = createConsole({ ...KEY_USER_ACCESS, updateable: false });
    wire.emit(consoleData);
    await flushPromises();
    expect($$(element, 'article[data-id]').length).toBeGreaterThan(0);
    expect($$(element, 'button[data-result]')).toHaveLength(0);
    const first = $$(element, 'article[data-id]')[0]!;
    first.focus();
    press(first, 'p');
    await flushPromises();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('records Passed with one click', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    const button = caseArticle(element, 'a03000000000003AAA').querySelector<HTMLElement>(
      'button[data-result="Passed"]'
    )!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.classList.contains('slds-button_neutral')).toBe(true);
    expect(button.classList.contains('slds-button_brand')).toBe(false);
    button.click();
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: expect.objectContaining({ Id: 'a03000000000003AAA', Result__c: 'Passed' })
    });
    const pressed = caseArticle(element, 'a03000000000003AAA').querySelector('button[data-result="Passed"]')!;
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    // the current result is visible, not only announced: brand on it, neutral on the others
    expect(pressed.classList.contains('slds-button_brand')).toBe(true);
    expect(pressed.classList.contains('result-button')).toBe(true);
    const others = Array.from(
      caseArticle(element, 'a03000000000003AAA').querySelectorAll<HTMLElement>('button.result-button')
    ).filter((other) => other !== pressed);
    expect(others).toHaveLength(2);
    for (const other of others) {
      expect(other.classList.contains('slds-button_neutral')).toBe(true);
      expect(other.getAttribute('aria-pressed')).toBe('false');
    }
  });

  it('ignores shortcut keys typed with a modifier or inside a field', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    const article = caseArticle(element, 'a03000000000003AAA');
    press(article, 'p', { ctrlKey: true });
    press(article, 'x');
    article
      .querySelector('.case-scenario')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }));
    await flushPromises();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
  });

  it('moves focus between test cases with the arrow keys', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    const first = caseArticle(element, 'a03000000000001AAA');
    first.focus();
    press(first, 'ArrowDown');
    expect(element.shadowRoot!.activeElement).toBe(caseArticle(element, 'a03000000000002AAA'));
    press(caseArticle(element, 'a03000000000002AAA'), 'ArrowUp');
    expect(element.shadowRoot!.activeElement).toBe(first);
    press(first, 'ArrowUp');
    expect(element.shadowRoot!.activeElement).toBe(first);
  });

  it('asks for severity and comment when a test case fails, then saves them', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    press(caseArticle(element, 'a03000000000003AAA'), 'f');
    await flushPromises();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
    const draft = caseArticle(element, 'a03000000000003AAA').querySelector('.draft');
    expect(draft).not.toBeNull();
    expect(text(draft!.querySelector('.draft-result'))).toBe('c.acceptanceConsole_Failed');
    await expect(element).toBeAccessible();

    // saving without severity and comment shows what is missing
    (draft!.querySelector('lightning-button.draft-save') as HTMLElement).click();
    await flushPromises();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
    expect($(element, '.severity-error')).not.toBeNull();
    expect($(element, '.comment-error')).not.toBeNull();

    $(element, 'lightning-combobox.draft-severity')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Blocking' } })
    );
    $(element, 'lightning-textarea.draft-comment')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: ' Error on save ' } })
    );
    $(element, 'lightning-input.draft-defect')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'BUG-12' } })
    );
    await flushPromises();
    ($(element, 'lightning-button.draft-save') as HTMLElement).click();
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: expect.objectContaining({
        Id: 'a03000000000003AAA',
        Result__c: 'Failed',
        Severity__c: 'Blocking',
        Comment__c: 'Error on save',
        Defect_Reference__c: 'BUG-12'
      })
    });
    expect($(element, '.draft')).toBeNull();
    // a new blocking failure is listed by the gate
    expect($$(element, '.blockers li')).toHaveLength(3);
  });

  it('records Blocked with B, keeping the existing severity and comment, saved with Ctrl+Enter', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    press(caseArticle(element, 'a03000000000002AAA'), 'B');
    await flushPromises();
    const draft = $(element, '.draft')!;
    expect(text(draft.querySelector('.draft-result'))).toBe('c.acceptanceConsole_Blocked');
    expect((draft.querySelector('lightning-combobox') as unknown as { value: string }).value).toBe(
      'Blocking'
    );
    press(draft, 'Enter', { ctrlKey: true });
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: expect.objectContaining({
        Id: 'a03000000000002AAA',
        Result__c: 'Blocked',
        Severity__c: 'Blocking'
      })
    });
  });

  it('cancels a draft with Escape or the Cancel button', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    press(caseArticle(element, 'a03000000000003AAA'), 'f');
    await flushPromises();
    press($(element, '.draft')!, 'Escape');
    await flushPromises();
    expect($(element, '.draft')).toBeNull();

    press(caseArticle(element, 'a03000000000003AAA'), 'b');
    await flushPromises();
    ($(element, 'lightning-button.draft-cancel') as HTMLElement).click();
    await flushPromises();
    expect($(element, '.draft')).toBeNull();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
  });

  it('shows a readable error when saving fails and keeps the previous result', async () => {
    mockUpdateRecord.mockRejectedValueOnce({ body: { message: 'Record is locked' } });
    const element = createConsole();
    wire.emit(consoleData);
    await flushPromises();
    press(caseArticle(element, 'a03000000000003AAA'), 'p');
    await flushPromises();
    expect(text($(element, '.save-error'))).toBe('Record is locked');
    expect(text(caseArticle(element, 'a03000000000003AAA').querySelector('.case-result'))).toBe(
      'c.acceptanceConsole_NotRun'
    );
    await expect(element).toBeAccessible();
  });

  it('refreshes when the form reports created test cases', async () => {
    const element = createConsole();
    wire.emit(consoleData);
    objectInfo.emit({ ...KEY_USER_ACCESS, createable: true });
    await flushPromises();
    $(element, 'c-acceptance-case-form')!.dispatchEvent(new CustomEvent('created', { detail: { count: 2 } }));
    await flushPromises();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });
});
