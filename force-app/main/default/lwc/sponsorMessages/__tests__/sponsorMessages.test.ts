import { createElement } from 'lwc';
import SponsorMessages from 'c/sponsorMessages';
import { refreshApex } from '@salesforce/apex';
import getMyMessages from '@salesforce/apex/SponsorMessageController.getMyMessages';
import acknowledge from '@salesforce/apex/SponsorMessageController.acknowledge';
import getAcknowledgedMessages from '@salesforce/apex/SponsorMessageController.getAcknowledgedMessages';
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
jest.mock(
  '@salesforce/apex/SponsorMessageController.getAcknowledgedMessages',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/label/c.sponsorMessages_EngagementScore', () => ({ default: '{0}/100' }), {
  virtual: true
});
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
const historyAdapter = getAcknowledgedMessages as unknown as ApexAdapter;

/** The c-sponsor-message-row of a message (key: its Id, or `history-<Id>` in the history). */
function rowOf(element: HTMLElement, key: string): HTMLElement {
  return shadow(element).querySelector(`c-sponsor-message-row[data-key="${key}"]`) as HTMLElement;
}

/** The row's own button, which opens the body. */
function rowButton(element: HTMLElement, key: string): HTMLButtonElement {
  return shadow(rowOf(element, key)).querySelector('button.message__row') as HTMLButtonElement;
}

/** The opened bodies, across rows. */
function openBodies(element: HTMLElement): Element[] {
  return Array.from(shadow(element).querySelectorAll('c-sponsor-message-row')).flatMap((row) =>
    Array.from(shadow(row as HTMLElement).querySelectorAll('[data-id="body"]'))
  );
}

/** Opens a message's body by its one-line row (one open at a time). */
async function open(element: HTMLElement, id: string): Promise<void> {
  rowButton(element, id).click();
  await flushPromises();
}

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

  it('keeps the history reachable in the Home sidebar when nothing is pending: one line, no empty text', async () => {
    const element = createElement('c-sponsor-messages', { is: SponsorMessages }) as unknown as HTMLElement & {
      hideWhenEmpty: boolean;
    };
    element.hideWhenEmpty = true;
    document.body.appendChild(element);
    messagesAdapter.emit([]);
    historyAdapter.emit([{ ...mockMessages[0], acknowledgedOn: '2026-11-20T09:12:00.000Z' }]);
    await flushPromises();
    expect(shadow(element).querySelector('article')).not.toBeNull();
    expect(shadow(element).querySelector('[data-id="empty"]')).toBeNull();
    const toggle = shadow(element).querySelector('[data-id="history-toggle"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flushPromises();
    expect(rowOf(element, `history-${mockMessages[0].id}`)).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('lists one line per message (photo or initials, title, sponsor), opened one at a time', async () => {
    const element = createComponent();
    messagesAdapter.emit(mockMessages);
    await flushPromises();
    expect(shadow(element).querySelector('h2')?.textContent).toBe('c.sponsorMessages_Title');
    const items = Array.from(shadow(element).querySelectorAll('[data-message-id]')) as HTMLElement[];
    expect(items.map((item) => item.dataset.messageId)).toEqual(['a05000000000001AAA', 'a05000000000002AAA']);
    const firstRow = shadow(rowOf(element, 'a05000000000001AAA'));
    expect(firstRow.querySelector('.message__title')?.textContent).toBe('Log every customer call this week');
    const avatar = firstRow.querySelector('lightning-avatar') as HTMLElement & { initials: string };
    expect(avatar.initials).toBe('CM');
    // the sponsor's photo (User.SmallPhotoUrl) where there is one; initials only stand in for it
    const photo = shadow(rowOf(element, 'a05000000000002AAA')).querySelector(
      'lightning-avatar'
    ) as HTMLElement & {
      src: string;
    };
    expect(photo.src).toBe(mockMessages[1].sponsorPhotoUrl);
    expect(photo.src).toMatch(/^data:image\/svg\+xml,/);
    // compact: no body, no button until the row is opened
    expect(openBodies(element)).toHaveLength(0);
    expect(ackButton(element, 'a05000000000001AAA')).toBeNull();
    const row = rowButton(element, 'a05000000000001AAA');
    expect(row.getAttribute('aria-expanded')).toBe('false');
    await open(element, 'a05000000000001AAA');
    expect(row.getAttribute('aria-expanded')).toBe('true');
    await open(element, 'a05000000000002AAA');
    expect(openBodies(element)).toHaveLength(1);
    expect(row.getAttribute('aria-expanded')).toBe('false');
    await expect(element).toBeAccessible();
  });

  it('shows the body as rich text and the usage only where the sponsor chose to show it', async () => {
    const element = createComponent();
    messagesAdapter.emit(mockMessages);
    await flushPromises();
    await open(element, 'a05000000000001AAA');
    const first = shadow(element).querySelector('[data-message-id="a05000000000001AAA"]') as HTMLElement;
    const richText = first.querySelector('lightning-formatted-rich-text') as HTMLElement & { value: string };
    expect(richText.value).toBe(mockMessages[0].body);
    // The body is never injected as raw HTML by the component itself.
    expect(first.querySelector('b')).toBeNull();
    const usage = first.querySelector('[data-id="usage"]');
    expect(usage?.textContent).toContain('c.sponsorMessages_SponsorUsage');
    expect(usage?.textContent).toContain('c.sponsorMessages_ActiveThisWeek');
    const numbers = Array.from(usage?.querySelectorAll('lightning-formatted-number') ?? []) as Array<
      HTMLElement & { value: number }
    >;
    expect(numbers.map((n) => n.value)).toEqual([0.915]);
    // the engagement score with its scale (0–100), the sponsor named once (in the row, not again in the body)
    expect(first.querySelector('[data-id="engagement"]')?.textContent).toBe('82/100');
    expect(first.textContent).not.toContain('c.sponsorMessages_From');
    expect(shadow(rowOf(element, 'a05000000000001AAA')).querySelector('.message__from')?.textContent).toBe(
      'Claire Martin'
    );
    expect(ackButton(element, 'a05000000000001AAA').getAttribute('aria-label')).toBe(
      `Got it: ${mockMessages[0].title}`
    );
    // no figure at all (not even "no usage") where the sponsor did not opt in
    await open(element, 'a05000000000002AAA');
    const second = shadow(element).querySelector('[data-message-id="a05000000000002AAA"]') as HTMLElement;
    expect(second.querySelector('[data-id="usage"]')).toBeNull();
    expect(second.textContent).not.toContain('c.sponsorMessages_NoUsage');
    await expect(element).toBeAccessible();
  });

  it('keeps acknowledged messages readable in a history', async () => {
    const element = createComponent();
    messagesAdapter.emit([]);
    historyAdapter.emit([
      { ...mockMessages[0], acknowledgedOn: '2026-11-20T09:00:00.000Z', sponsorUsage: null }
    ]);
    await flushPromises();
    const toggle = shadow(element).querySelector('[data-id="history-toggle"]') as HTMLButtonElement;
    expect(toggle.textContent.trim()).toBe('c.sponsorMessages_History');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flushPromises();
    await open(element, 'history-a05000000000001AAA');
    const history = rowOf(element, 'history-a05000000000001AAA');
    expect(shadow(history).querySelector('.message__from')?.textContent).toContain(
      'c.sponsorMessages_AcknowledgedOn'
    );
    expect(openBodies(element)).toHaveLength(1);
    expect(
      (history.querySelector('lightning-formatted-rich-text') as HTMLElement & { value: string }).value
    ).toBe(mockMessages[0].body);
    await expect(element).toBeAccessible();
  });

  it('acknowledges once through Apex, hides the message and refreshes the list', async () => {
    mockAcknowledge.mockResolvedValue('a06000000000001AAA');
    const element = createComponent();
    messagesAdapter.emit(mockMessages);
    await flushPromises();
    await open(element, 'a05000000000001AAA');
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
    // the list and the history of read messages
    expect(refreshApex).toHaveBeenCalledTimes(2);
  });

  it('shows an acknowledgement failure readably and keeps the message', async () => {
    mockAcknowledge.mockRejectedValue({
      body: { message: 'You do not have access to Message Acknowledgement.' }
    });
    const element = createComponent();
    messagesAdapter.emit(mockMessages);
    await flushPromises();
    await open(element, 'a05000000000002AAA');
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
