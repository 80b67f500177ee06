import { createElement } from 'lwc';
import FollowUpRow from 'c/followUpRow';
import { $, flushPromises, resetDom, rowAction, text } from '../../../../../test/jest-utils';

type Row = HTMLElement & Record<string, unknown>;

function createRow(props: Record<string, unknown>): Row {
  const element = createElement('c-follow-up-row', { is: FollowUpRow }) as unknown as Row;
  Object.assign(element, { name: 'Ada Lovelace', team: 'Sales West', ...props });
  document.body.appendChild(element);
  return element;
}

describe('c-follow-up-row', () => {
  afterEach(resetDom);

  // the slotted detail is the parents' (their tests read it: .row-detail, .follow-up-reason, .candidate-score)
  it('shows name · team and a slot for the detail, without checkbox or button by default', async () => {
    const element = createRow({});
    await flushPromises();
    expect(text($(element, '.row-name'))).toBe('Ada Lovelace · Sales West');
    expect($(element, '.row-text slot')).not.toBeNull();
    expect($(element, 'lightning-input')).toBeNull();
    expect(rowAction(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('fires action from its button, named for the person, in the variant asked for', async () => {
    const element = createRow({
      actionable: true,
      actionLabel: 'Nominate',
      actionTitle: 'Nominate Ada Lovelace',
      actionVariant: 'brand'
    });
    const action = jest.fn();
    element.addEventListener('action', action);
    await flushPromises();
    const button = rowAction(element)!;
    expect(text(button)).toBe('Nominate');
    expect(button.getAttribute('aria-label')).toBe('Nominate Ada Lovelace');
    expect(button.className).toContain('slds-button_brand');
    button.click();
    expect(action).toHaveBeenCalledTimes(1);
    element.actionDisabled = true;
    await flushPromises();
    expect(rowAction(element)!.disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('fires select from its checkbox, and from a tap on the padding of its touch area', async () => {
    const element = createRow({ selectable: true, selectLabel: 'Select Ada Lovelace', selected: false });
    const selections: boolean[] = [];
    element.addEventListener('select', (event) =>
      selections.push((event as CustomEvent<{ checked: boolean }>).detail.checked)
    );
    await flushPromises();
    const checkbox = $(element, 'lightning-input')!;
    expect(checkbox.getAttribute('class')).toContain('select');
    checkbox.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    // the area toggles from the row's current state; a tap on the checkbox itself is not the area's
    $(element, '.touch-target')!.click();
    element.selected = true;
    await flushPromises();
    $(element, '.touch-target')!.click();
    checkbox.click();
    expect(selections).toEqual([true, true, false]);
    await expect(element).toBeAccessible();
  });
});
