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
    (item) => item.textContent ?? ''
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
    retry.click();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
