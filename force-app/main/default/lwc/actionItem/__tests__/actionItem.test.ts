import { createElement } from 'lwc';
import ActionItem, { reasonText } from 'c/actionItem';
import { updateRecord } from 'lightning/uiRecordApi';
import { $, flushPromises, resetDom } from '../../../../../test/jest-utils';

const mockActions = require('./data/actions.json');

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = (Base: new () => object) =>
    class extends Base {
      [Navigate](pageReference: unknown, replace?: boolean) {
        mockNavigate(pageReference, replace);
      }
      [GenerateUrl]() {
        return Promise.resolve('https://example.com');
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin };
});

const mockUpdateRecord = updateRecord as unknown as jest.Mock;

function createComponent(
  action: unknown,
  closedTaskStatus: string | null = 'Completed'
): HTMLElement & { action: unknown; today: string; closedTaskStatus: string | null } {
  const element = createElement('c-action-item', { is: ActionItem }) as HTMLElement & {
    action: unknown;
    today: string;
    closedTaskStatus: string | null;
  };
  element.action = action;
  element.today = '2026-11-23';
  element.closedTaskStatus = closedTaskStatus;
  document.body.appendChild(element);
  return element;
}

/** Chooses a menu item as lightning-button-menu does: a `select` event with the item's value. */
function choose(element: HTMLElement, value: string): void {
  $(element, '[data-id="menu"]')?.dispatchEvent(new CustomEvent('select', { detail: { value } }));
}

function check(element: HTMLElement): void {
  const box = $(element, '[data-id="complete"]') as HTMLInputElement;
  box.checked = true;
  box.dispatchEvent(new CustomEvent('change'));
}

describe('c-action-item', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('renders an overdue task: a checkbox named after it, the name as a link, its reason', async () => {
    const element = createComponent(mockActions.overdueTask);
    await flushPromises();
    const title = $(element, '[data-id="title"]') as HTMLAnchorElement;
    expect(title.tagName).toBe('A');
    expect(title.textContent).toBe('Call Acme about renewal');
    expect(title.getAttribute('href')).toBe('/lightning/r/Task/00T000000000001AAA/view');
    expect($(element, '[data-id="reason"]')?.textContent).toBe('c.actionItem_Overdue');
    expect($(element, '[data-id="reason"]')?.className).toContain('slds-text-color_error');
    const complete = $(element, '[data-id="complete"]') as HTMLInputElement;
    expect(complete.type).toBe('checkbox');
    expect(complete.getAttribute('aria-label')).toBe('c.actionItem_CompleteFor');
    expect($(element, '[data-id="fill"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('puts snooze and open in one overflow menu for a task, open only for other records', async () => {
    const task = createComponent(mockActions.overdueTask);
    await flushPromises();
    const values = (el: HTMLElement) =>
      Array.from(el.shadowRoot?.querySelectorAll('lightning-menu-item') ?? []).map(
        (item) => (item as HTMLElement & { value: string }).value
      );
    expect(values(task)).toEqual(['snooze', 'open']);
    expect(($(task, '[data-id="menu"]') as HTMLElement & { alternativeText: string }).alternativeText).toBe(
      'c.actionItem_MoreActions'
    );
    const opportunity = createComponent(mockActions.pastCloseOpportunity);
    await flushPromises();
    expect(values(opportunity)).toEqual(['open']);
    expect($(opportunity, '[data-id="complete"]')).toBeNull();
    expect($(opportunity, 'lightning-formatted-number')).not.toBeNull();
  });

  it("shows an event's start time", async () => {
    const element = createComponent(mockActions.event);
    await flushPromises();
    expect($(element, 'lightning-formatted-date-time')).not.toBeNull();
    expect($(element, '[data-id="reason"]')?.textContent).toBe('c.actionItem_Today');
  });

  it('shows every reason of a merged row once, naming its missing fields by their labels', async () => {
    const element = createComponent(mockActions.mergedOpportunity);
    (element as unknown as { fieldLabels: Record<string, string> }).fieldLabels = {
      NextStep: 'Étape suivante'
    };
    await flushPromises();
    const reasons = Array.from(element.shadowRoot?.querySelectorAll('[data-id="reason"]') ?? []).map(
      (r) => r.textContent
    );
    // singular form (1 day); the missing fields are named on their own line, not also counted
    // ("1 field to fill in" and "To fill in: Next Step" said the same thing twice)
    expect(reasons).toEqual(['c.actionItem_PastCloseOne']);
    expect($(element, '[data-id="missing-fields"]')?.textContent).toBe('c.actionItem_FieldsToFill');
    expect($(element, '[data-id="fill"]')).not.toBeNull();
  });

  it('completes a task with its checkbox, and tells the list how to undo it', async () => {
    const element = createComponent(mockActions.overdueTask);
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    check(element);
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: '00T000000000001AAA', Status: 'Completed' }
    });
    expect(resolved).toHaveBeenCalledTimes(1);
    expect(resolved.mock.calls[0][0].detail).toEqual({
      key: 'task:00T000000000001AAA',
      kind: 'task',
      verb: 'completed',
      recordId: '00T000000000001AAA',
      title: 'Call Acme about renewal',
      undoFields: { Status: 'Not Started' }
    });
  });

  it("completes a task with the org's own closed status when it was renamed", async () => {
    // an org whose closed status is "Terminée" (API value Done_FR): writing "Completed" would fail
    const element = createComponent(mockActions.overdueTask, 'Done_FR');
    await flushPromises();
    check(element);
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: '00T000000000001AAA', Status: 'Done_FR' }
    });
  });

  it('offers no checkbox when the org has no readable closed status, and still snoozes', async () => {
    const element = createComponent(mockActions.overdueTask, null);
    await flushPromises();
    expect($(element, '[data-id="complete"]')).toBeNull();
    choose(element, 'snooze');
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('snoozes a task to tomorrow from the menu, with its due date as the undo', async () => {
    const element = createComponent(mockActions.overdueTask);
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    choose(element, 'snooze');
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: '00T000000000001AAA', ActivityDate: '2026-11-24' }
    });
    expect(resolved.mock.calls[0][0].detail.undoFields).toEqual({ ActivityDate: '2026-11-13' });
    expect(resolved.mock.calls[0][0].detail.verb).toBe('snoozed');
  });

  it('says what to do after a failure, the technical detail behind Details, and unticks the box', async () => {
    mockUpdateRecord.mockRejectedValueOnce({ body: { message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: no' } });
    const element = createComponent(mockActions.overdueTask);
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    check(element);
    await flushPromises();
    const error = $(element, '[data-id="error"]') as HTMLElement;
    expect(error.textContent).toContain('c.actionItem_ErrorHint');
    const details = error.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('c.common_Details');
    expect(details.textContent).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION: no');
    expect(($(element, '[data-id="complete"]') as HTMLInputElement).checked).toBe(false);
    expect(resolved).not.toHaveBeenCalled();
  });

  it('opens the record from its name (a link) and from the menu', async () => {
    const element = createComponent(mockActions.event);
    await flushPromises();
    const link = $(element, '[data-id="title"]') as HTMLAnchorElement;
    const click = new MouseEvent('click', { cancelable: true, bubbles: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    choose(element, 'open');
    expect(mockNavigate).toHaveBeenCalledTimes(2);
    expect(mockNavigate.mock.calls[0][0]).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '00U000000000001AAA', objectApiName: 'Event', actionName: 'view' }
    });
  });

  it('opens the missing-fields form in place and resolves only the missing fields when saved', async () => {
    const element = createComponent(mockActions.mergedOpportunity);
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    const fill = $(element, '[data-id="fill"]') as HTMLElement;
    fill.click();
    await flushPromises();
    const form = $(element, 'c-missing-fields-form') as HTMLElement & { fields: string[] };
    expect(form.fields).toEqual(['NextStep']);
    form.dispatchEvent(new CustomEvent('saved', { detail: { recordId: '006000000000001AAA' } }));
    await flushPromises();
    expect(resolved.mock.calls[0][0].detail).toMatchObject({
      key: 'missingFields:006000000000001AAA',
      kind: 'missingFields',
      verb: 'filled'
    });
  });

  it('keeps the form mounted (typed values kept) when the rep collapses it', async () => {
    const element = createComponent(mockActions.missingFields);
    await flushPromises();
    const fill = $(element, '[data-id="fill"]') as HTMLElement;
    fill.click();
    await flushPromises();
    const form = $(element, 'c-missing-fields-form') as HTMLElement;
    form.dispatchEvent(new CustomEvent('cancel'));
    await flushPromises();
    expect($(element, 'c-missing-fields-form')).toBe(form);
    expect(form.parentElement?.className).toBe('slds-hide');
  });
});

describe('reasonText plural rules', () => {
  const overdue = (days: number) => ({ reason: 'overdue' as const, days, fieldCount: 0 });

  it('takes the singular for 1 in English and for 0 and 1 in French', () => {
    expect(reasonText(overdue(1), 'en-US')).toBe('c.actionItem_OverdueOne');
    expect(reasonText(overdue(0), 'en-US')).toBe('c.actionItem_Overdue');
    expect(reasonText(overdue(2), 'en-US')).toBe('c.actionItem_Overdue');
    expect(reasonText(overdue(0), 'fr-FR')).toBe('c.actionItem_OverdueOne');
    expect(reasonText(overdue(1), 'fr-FR')).toBe('c.actionItem_OverdueOne');
    expect(reasonText(overdue(2), 'fr-FR')).toBe('c.actionItem_Overdue');
  });

  it('counts fields for missing fields and days for the other counted reasons', () => {
    expect(reasonText({ reason: 'missingFields', days: 5, fieldCount: 1 }, 'en-US')).toBe(
      'c.actionItem_MissingFieldsOne'
    );
    expect(reasonText({ reason: 'quiet', days: 1, fieldCount: 3 }, 'en-US')).toBe('c.actionItem_QuietOne');
    expect(reasonText({ reason: 'untouched', days: 3, fieldCount: 0 }, 'en-US')).toBe(
      'c.actionItem_Untouched'
    );
    expect(reasonText({ reason: 'dueToday', days: 0, fieldCount: 0 }, 'en-US')).toBe('c.actionItem_DueToday');
  });
});
