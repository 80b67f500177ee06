import { createElement } from 'lwc';
import ActionItem from 'c/actionItem';
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

describe('c-action-item', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('renders an overdue task with its reason, labels and task actions', async () => {
    const element = createComponent(mockActions.overdueTask);
    await flushPromises();
    expect($(element, '[data-id="title"]')?.textContent).toBe('Call Acme about renewal');
    expect($(element, '[data-id="reason"]')?.textContent).toBe('c.actionItem_Overdue');
    expect($(element, '[data-id="reason"]')?.className).toContain('slds-text-color_error');
    const complete = $(element, '[data-id="complete"]') as HTMLElement & { alternativeText: string };
    expect(complete.alternativeText).toBe('c.actionItem_Complete: Call Acme about renewal');
    expect($(element, '[data-id="snooze"]')).not.toBeNull();
    expect($(element, '[data-id="fill"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows no task actions on an opportunity, and its amount', async () => {
    const element = createComponent(mockActions.pastCloseOpportunity);
    await flushPromises();
    expect($(element, '[data-id="complete"]')).toBeNull();
    expect($(element, '[data-id="snooze"]')).toBeNull();
    expect($(element, 'lightning-formatted-number')).not.toBeNull();
    expect($(element, '[data-id="reason"]')?.textContent).toBe('c.actionItem_PastClose');
    await expect(element).toBeAccessible();
  });

  it("shows an event's start time", async () => {
    const element = createComponent(mockActions.event);
    await flushPromises();
    expect($(element, 'lightning-formatted-date-time')).not.toBeNull();
    expect($(element, '[data-id="reason"]')?.textContent).toBe('c.actionItem_Today');
  });

  it('completes a task with updateRecord and fires resolved', async () => {
    const element = createComponent(mockActions.overdueTask);
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    $(element, '[data-id="complete"]')?.click();
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: '00T000000000001AAA', Status: 'Completed' }
    });
    expect(resolved).toHaveBeenCalledTimes(1);
    expect(resolved.mock.calls[0][0].detail).toEqual({ key: 'task:00T000000000001AAA', kind: 'task' });
  });

  it("completes a task with the org's own closed status when it was renamed", async () => {
    // an org whose closed status is "Terminée" (API value Done_FR): writing "Completed" would fail
    const element = createComponent(mockActions.overdueTask, 'Done_FR');
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    $(element, '[data-id="complete"]')?.click();
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: '00T000000000001AAA', Status: 'Done_FR' }
    });
    expect(mockUpdateRecord).not.toHaveBeenCalledWith({
      fields: { Id: '00T000000000001AAA', Status: 'Completed' }
    });
    expect(resolved).toHaveBeenCalledTimes(1);
  });

  it('offers no "complete" when the org has no readable closed status, and still snoozes', async () => {
    const element = createComponent(mockActions.overdueTask, null);
    await flushPromises();
    expect($(element, '[data-id="complete"]')).toBeNull();
    expect($(element, '[data-id="snooze"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('snoozes a task to tomorrow', async () => {
    const element = createComponent(mockActions.overdueTask);
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    $(element, '[data-id="snooze"]')?.click();
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: '00T000000000001AAA', ActivityDate: '2026-11-24' }
    });
    expect(resolved).toHaveBeenCalledTimes(1);
  });

  it('shows an LDS error readably and keeps the item', async () => {
    mockUpdateRecord.mockRejectedValueOnce({
      body: { output: { errors: [{ message: 'This task is locked by an approval process.' }] } }
    });
    const element = createComponent(mockActions.overdueTask);
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    $(element, '[data-id="complete"]')?.click();
    await flushPromises();
    const error = $(element, '[data-id="error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('c.actionItem_ActionFailed');
    expect(error?.textContent).toContain('This task is locked by an approval process.');
    expect(resolved).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('opens the record with the navigation service', async () => {
    const element = createComponent(mockActions.pastCloseOpportunity);
    await flushPromises();
    $(element, '[data-id="open"]')?.click();
    expect(mockNavigate).toHaveBeenCalledWith(
      {
        type: 'standard__recordPage',
        attributes: { recordId: '006000000000001AAA', objectApiName: 'Opportunity', actionName: 'view' }
      },
      undefined
    );
  });

  it('opens the missing-fields form in place and resolves when it is saved', async () => {
    const element = createComponent(mockActions.missingFields);
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await flushPromises();
    expect($(element, 'c-missing-fields-form')).toBeNull();
    const fill = $(element, '[data-id="fill"]') as HTMLElement & { label: string };
    expect(fill.label).toBe('c.actionItem_FillFields');
    fill.click();
    await flushPromises();
    const form = $(element, 'c-missing-fields-form') as HTMLElement & {
      recordId: string;
      objectApiName: string;
      fields: string[];
    };
    expect(form.recordId).toBe('006000000000003AAA');
    expect(form.objectApiName).toBe('Opportunity');
    expect(form.fields).toEqual(['NextStep', 'Description']);
    expect($(element, '[data-id="reason"]')?.textContent).toBe('c.actionItem_MissingFields');
    // the icon stays at the top of the item when the form opens below, not centred on the taller item
    const media = $(element, '[data-id="media"]')!;
    expect(media.classList.contains('slds-media')).toBe(true);
    expect(media.classList.contains('slds-media_center')).toBe(false);
    expect(media.querySelector('.slds-media__figure lightning-icon')).not.toBeNull();
    await expect(element).toBeAccessible();

    form.dispatchEvent(new CustomEvent('saved', { detail: { recordId: '006000000000003AAA' } }));
    expect(resolved).toHaveBeenCalledTimes(1);
    expect(resolved.mock.calls[0][0].detail).toEqual({
      key: 'missingFields:006000000000003AAA',
      kind: 'missingFields'
    });
  });

  it('keeps the form mounted (typed values kept) when the rep collapses it', async () => {
    const element = createComponent(mockActions.missingFields);
    await flushPromises();
    $(element, '[data-id="fill"]')?.click();
    await flushPromises();
    const form = $(element, 'c-missing-fields-form') as HTMLElement;
    form.dispatchEvent(new CustomEvent('cancel'));
    await flushPromises();
    expect($(element, 'c-missing-fields-form')).toBe(form);
    expect(form.parentElement?.className).toContain('slds-hide');
    $(element, '[data-id="fill"]')?.click();
    await flushPromises();
    expect($(element, 'c-missing-fields-form')).toBe(form);
    expect(form.parentElement?.className).not.toContain('slds-hide');
  });
});
