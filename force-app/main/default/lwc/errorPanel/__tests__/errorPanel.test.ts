import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';
import { flushPromises, resetDom, shadow } from '../../../../../test/jest-utils';

type PanelElement = HTMLElement & { title?: string; errors?: unknown };

function createPanel(props: { title?: string; errors?: unknown }): PanelElement {
  const element = createElement('c-error-panel', { is: ErrorPanel }) as unknown as PanelElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function messages(element: HTMLElement): string[] {
  return Array.from(shadow(element).querySelectorAll('[data-id="messages"] li')).map(
    (item) => item.textContent
  );
}

describe('c-error-panel', () => {
  afterEach(resetDom);

  it('shows the title and the readable messages of every error in an alert', async () => {
    const element = createPanel({
      title: 'Could not load',
      errors: [{ message: 'First' }, { body: { message: 'Second' } }, undefined]
    });
    await flushPromises();
    const alert = shadow(element).querySelector('[data-id="error"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    // scoped to its card, not the loud page-level striped alert
    expect(alert?.classList.contains('slds-scoped-notification')).toBe(true);
    expect(alert?.classList.contains('slds-notify_alert')).toBe(false);
    expect(alert?.classList.contains('slds-alert_error')).toBe(false);
    const icon = shadow(element).querySelector('[data-id="icon"]') as HTMLElement & {
      iconName: string;
      variant: string;
    };
    expect(icon.iconName).toBe('utility:error');
    expect(icon.variant).toBe('error');
    expect(shadow(element).querySelector('[data-id="title"]')?.textContent).toBe('Could not load');
    expect(messages(element)).toEqual(['First', 'Second']);
    await expect(element).toBeAccessible();
  });

  it('reads a single error and shows no heading without a title', async () => {
    const element = createPanel({ errors: { body: { message: 'No access' } } });
    await flushPromises();
    expect(shadow(element).querySelector('[data-id="title"]')).toBeNull();
    expect(messages(element)).toEqual(['No access']);
    await expect(element).toBeAccessible();
  });

  it('falls back to a generic message when no error has text', async () => {
    const element = createPanel({ errors: [{}] });
    await flushPromises();
    expect(messages(element)).toEqual(['c.common_UnknownError']);
  });

  it('fires retry when Retry is pressed', async () => {
    const element = createPanel({ errors: 'Boom' });
    const onRetry = jest.fn();
    element.addEventListener('retry', onRetry);
    await flushPromises();
    const retry = shadow(element).querySelector('[data-id="retry"]') as HTMLElement & { label: string };
    expect(retry.label).toBe('c.common_Retry');
    // Retry sits in its own block with space above it, below the messages
    const actions = retry.parentElement as HTMLElement;
    expect(actions.dataset.id).toBe('actions');
    expect(actions.classList.contains('slds-m-top_small')).toBe(true);
    retry.click();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
