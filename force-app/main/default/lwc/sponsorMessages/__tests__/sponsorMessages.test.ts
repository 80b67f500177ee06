import { createElement } from 'lwc';
import SponsorMessages from 'c/sponsorMessages';
import { refreshApex } from '@salesforce/apex';
import getMyMessages from '@salesforce/apex/SponsorMessageController.getMyMessages';
import acknowledge from '@salesforce/apex/SponsorMessageController.acknowledge';
import { errorPanel, flushPromises, resetDom, shadow } from '../../../../../test/jest-utils';

const mockMessages = require('./data/myMessages.json');

jest.mock(
  '@salesforce/apex/SponsorMessageController.getMyMessages',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/label/c.sponsorMessages_AcknowledgeFor', () => ({ default: 'Got it: {0}' }), {
  virtual: true
});
jest.mock('@salesforce/apex/SponsorMessageController.acknowledge', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface ApexAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}
const messagesAdapter = getMyMessages as unknown as ApexAdapter;
const mockAcknowledge = acknowledge as unknown as jest.Mock;

function createComponent(): HTMLElement {
  const element = createElement('c-sponsor-messages', { is: SponsorMessages }) as unknown as HTMLElement;
  document.body.appendChild(element);
  return element;
}

function ackButton(element: HTMLElement, id: string): HTMLButtonElement {
  return shadow(element).querySelector(`button.acknowledge[data-id="${id}"]`) as HTMLButtonElement;
}

describe('c-sponsor-messages', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner while loading', async () => {
    const element = createComponent();
    await flushPromises();
    const spinner = shadow(element).querySelector('lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner.alternativeText).toBe('c.common_Loading');
    await expect(element).toBeAccessible();
  });

  it('shows an error readably and retries', async () => {
    const element = createComponent();
    messagesAdapter.error({ message: 'Cockpit setting Team_Field__c "Foo" cannot be read on User' });
    await flushPromises();
    const error = errorPanel(element).querySelector('[data-id="error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('c.sponsorMessages_ErrorTitle');
    expect(error?.textContent).toContain('Team_Field__c');
    (errorPanel(element).querySelector('[data-id="retry"]') as HTMLElement).click();
    await flushPromises();
    expect(refreshApex).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('says when there is no message (empty)', async () => {
    const element = createComponent();
    messagesAdapter.emit([]);
    await flushPromises();
    expect(shadow(element).querySelector('[data-id="empty"]')?.textContent).toBe('c.sponsorMessages_Empty');
    await expect(element).toBeAccessible();
  });

  it('shows no card at all when nothing is pending and hideWhenEmpty is set (Home sidebar)', async () => {
    const element = createElement('c-sponsor-messages', { is: SponsorMessages }) as unknown as HTMLElement & {
      hideWhenEmpty: boolean;
    };
    element.hideWhenEmpty = true;
    document.body.appendChild(element);
    messagesAdapter.emit([]);
    await flushPromises();
    expect(shadow(element).querySelector('article')).toBeNull();
    messagesAdapter.emit(mockMessages);
    await flushPromises();
    expect(shadow(element).querySelector('article')).not.toBeNull();
  });

  it('renders the messages in the order given (newest first), rich text safely, with the sponsor usage', async () => {
    const element = createComponent();
    messagesAdapter.emit(mockMessages);
    await flushPromises();
    expect(shadow(element).querySelector('h2')?.textContent).toBe('c.sponsorMessages_Title');
    const items = Array.from(shadow(element).querySelectorAll('[data-message-id]')) as HTMLElement[];
    expect(items.map((item) => item.dataset.messageId)).toEqual(['a05000000000001AAA', 'a05000000000002AAA']);
    expect(items[0]?.querySelector('h3')?.textContent).toBe('Log every customer call this week');
    const richText = items[0]?.querySelector('lightning-formatted-rich-text') as HTMLElement & {
      value: string;
    };
    expect(richText.value).toBe(mockMessages[0].body);
    // The body is never injected as raw HTML by the component itself.
    expect(items[0]?.querySelector('b')).toBeNull();
    const usage = items[0]?.querySelector('[data-id="usage"]');
    expect(usage?.textContent).toContain('c.sponsorMessages_SponsorUsage');
    expect(usage?.textContent).toContain('c.sponsorMessages_ActiveThisWeek');
    const numbers = Array.from(usage?.querySelectorAll('lightning-formatted-number') ?? []) as Array<
      HTMLElement & { value: number }
    >;
    expect(numbers.map((n) => n.value)).toEqual([82, 0.915]);
    expect(items[1]?.querySelector('[data-id="usage"]')?.textContent).toContain('c.sponsorMessages_NoUsage');
    expect(ackButton(element, 'a05000000000001AAA').textContent.trim()).toBe('c.sponsorMessages_Acknowledge');
    // each "Got it" has its own accessible name, with the message title
    const names = items.map((item) => item.querySelector('button.acknowledge')?.getAttribute('aria-label'));
    expect(names).toEqual(mockMessages.map((m: { title: string }) => `Got it: ${m.title}`));
    expect(new Set(names).size).toBe(names.length);
    // stacked under the button on narrow pages, the usage block keeps its distance (.usage-col)
    expect(items[0]?.querySelector('[data-id="usage"]')?.closest('.usage-col')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('acknowledges once through Apex, hides the message and refreshes the list', async () => {
    mockAcknowledge.mockResolvedValue('a06000000000001AAA');
    const element = createComponent();
    messagesAdapter.emit(mockMessages);
    await flushPromises();
    const button = ackButton(element, 'a05000000000001AAA');
    button.click();
    button.click();
    await flushPromises();
    expect(mockAcknowledge).toHaveBeenCalledTimes(1);
    expect(mockAcknowledge).toHaveBeenCalledWith({ messageId: 'a05000000000001AAA' });
    const ids = Array.from(shadow(element).querySelectorAll('[data-message-id]')).map(
      (item) => (item as HTMLElement).dataset.messageId
    );
    expect(ids).toEqual(['a05000000000002AAA']);
    expect(refreshApex).toHaveBeenCalledTimes(1);
  });

  it('shows an acknowledgement failure readably and keeps the message', async () => {
    mockAcknowledge.mockRejectedValue({
      body: { message: 'You do not have access to Message Acknowledgement.' }
    });
    const element = createComponent();
    messagesAdapter.emit(mockMessages);
    await flushPromises();
    ackButton(element, 'a05000000000002AAA').click();
    await flushPromises();
    const error = shadow(element).querySelector(
      '[data-message-id="a05000000000002AAA"] [data-id="ack-error"]'
    );
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('c.sponsorMessages_AcknowledgeFailed');
    expect(error?.textContent).toContain('You do not have access to Message Acknowledgement.');
    expect(shadow(element).querySelectorAll('[data-message-id]')).toHaveLength(2);
    expect(ackButton(element, 'a05000000000002AAA').disabled).toBe(false);
    await expect(element).toBeAccessible();
  });
});
