import { createElement } from 'lwc';
import SponsorMessageRow from 'c/sponsorMessageRow';
import { flushPromises, resetDom, shadow } from '../../../../../test/jest-utils';

type Row = HTMLElement & {
  heading: string;
  subtitle: string;
  sponsorName: string;
  initials: string;
  expanded: boolean;
};

function createRow(expanded: boolean): Row {
  const element = createElement('c-sponsor-message-row', { is: SponsorMessageRow }) as unknown as Row;
  element.heading = 'Log every customer call this week';
  element.subtitle = 'Claire Martin';
  element.sponsorName = 'Claire Martin';
  element.initials = 'CM';
  element.expanded = expanded;
  const body = document.createElement('p');
  body.textContent = 'The body';
  element.appendChild(body);
  document.body.appendChild(element);
  return element;
}

describe('c-sponsor-message-row', () => {
  afterEach(() => {
    resetDom();
  });

  it('shows one line (photo, heading, second line) and no body while closed', async () => {
    const row = createRow(false);
    await flushPromises();
    const button = shadow(row).querySelector('button.message__row') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(shadow(row).querySelector('.message__title')?.textContent).toBe(
      'Log every customer call this week'
    );
    expect(shadow(row).querySelector('.message__from')?.textContent).toBe('Claire Martin');
    expect(
      (shadow(row).querySelector('lightning-avatar') as HTMLElement & { initials: string }).initials
    ).toBe('CM');
    expect(shadow(row).querySelector('[data-id="body"]')).toBeNull();
    await expect(row).toBeAccessible();
  });

  it('fires toggle when activated, and shows the body it controls when open', async () => {
    const row = createRow(true);
    const toggled = jest.fn();
    row.addEventListener('toggle', toggled);
    await flushPromises();
    const button = shadow(row).querySelector('button.message__row') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const body = shadow(row).querySelector('[data-id="body"]') as HTMLElement;
    expect(button.getAttribute('aria-controls')).toBe(body.id);
    expect(body.querySelector('slot')).not.toBeNull();
    button.click();
    expect(toggled).toHaveBeenCalledTimes(1);
    await expect(row).toBeAccessible();
  });
});
