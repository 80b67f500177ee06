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

  it('ticks with the shared c-touch-checkbox, its label hidden and naming the person', async () => {
    const element = createRow({ selectable: true, selectLabel: 'Select Ada Lovelace', selected: true });
    await flushPromises();
    const box = $(element, 'c-touch-checkbox.select') as HTMLElement & {
      label: string;
      variant: string;
      checked: boolean;
    };
    expect(box).not.toBeNull();
    expect(box.label).toBe('Select Ada Lovelace');
    expect(box.variant).toBe('label-hidden');
    expect(box.checked).toBe(true);
    const input = $(box, 'lightning-input') as HTMLElement & { label: string; variant: string };
    expect(input.label).toBe('Select Ada Lovelace');
    expect(input.variant).toBe('label-hidden');
    // no touch area of the row's own: the only one is c-touch-checkbox's
    expect($(element, '.touch-target')).toBeNull();
    element.selected = false;
    await flushPromises();
    expect(box.checked).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('fires select from its checkbox, and from a tap on the padding of its touch area', async () => {
    const element = createRow({ selectable: true, selectLabel: 'Select Ada Lovelace', selected: false });
    const selections: boolean[] = [];
    element.addEventListener('select', (event) =>
      selections.push((event as CustomEvent<{ checked: boolean }>).detail.checked)
    );
    const heardChange = jest.fn();
    element.addEventListener('change', heardChange);
    await flushPromises();
    const box = $(element, 'c-touch-checkbox')!;
    const checkbox = $(box, 'lightning-input')!;
    checkbox.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    // the area toggles from the row's current state; a tap on the checkbox itself is not the area's
    $(box, '.touch-target')!.click();
    element.selected = true;
    await flushPromises();
    $(box, '.touch-target')!.click();
    checkbox.click();
    expect(selections).toEqual([true, true, false]);
    // the parent hears the row's select only, not a change of the checkbox inside it
    expect(heardChange).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });
});
