import { createElement } from 'lwc';
import TouchCheckbox from 'c/touchCheckbox';
import { $, flushPromises, resetDom } from '../../../../../test/jest-utils';

type Box = HTMLElement & { label: string; checked: boolean; disabled: boolean; variant: string };

function createBox(props: Partial<Box>): { element: Box; changes: boolean[] } {
  const element = createElement('c-touch-checkbox', { is: TouchCheckbox }) as unknown as Box;
  Object.assign(element, { label: 'Only mine', ...props });
  const changes: boolean[] = [];
  element.addEventListener('change', (event) =>
    changes.push((event as CustomEvent<{ checked: boolean }>).detail.checked)
  );
  document.body.appendChild(element);
  return { element, changes };
}

describe('c-touch-checkbox', () => {
  afterEach(resetDom);

  it('draws a labelled checkbox in the state its parent gives', async () => {
    const { element } = createBox({ checked: true });
    await flushPromises();
    const input = $(element, 'lightning-input') as HTMLElement & {
      label: string;
      checked: boolean;
      type: string;
    };
    expect(input.type).toBe('checkbox');
    expect(input.label).toBe('Only mine');
    expect(input.checked).toBe(true);
    element.checked = false;
    await flushPromises();
    expect(input.checked).toBe(false);
    await expect(element).toBeAccessible();
  });

  it("fires one change with the checkbox's new state, not lightning-input's own", async () => {
    const { element, changes } = createBox({});
    const heardAbove = jest.fn();
    document.body.addEventListener('change', heardAbove);
    await flushPromises();
    $(element, 'lightning-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { checked: true }, bubbles: true, composed: true })
    );
    document.body.removeEventListener('change', heardAbove);
    expect(changes).toEqual([true]);
    // the inner event stopped inside: nothing above the host hears a second change
    expect(heardAbove).not.toHaveBeenCalled();
  });

  it('a tap on the padding of its touch area asks for the opposite state; a tap inside it does not', async () => {
    const { element, changes } = createBox({ checked: false });
    await flushPromises();
    const area = $(element, '.touch-target')!;
    area.click();
    element.checked = true;
    await flushPromises();
    area.click();
    // a click on the checkbox bubbles through the area: the checkbox's own change handles it
    $(element, 'lightning-input')!.click();
    expect(changes).toEqual([true, false]);
  });

  it('ignores taps on its area when disabled, and disables the checkbox', async () => {
    const { element, changes } = createBox({ disabled: true });
    await flushPromises();
    $(element, '.touch-target')!.click();
    expect(changes).toEqual([]);
    expect(($(element, 'lightning-input') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
  });

  it('shows its label by default, and keeps it as the accessible name only with variant label-hidden', async () => {
    const { element } = createBox({});
    await flushPromises();
    const input = () => $(element, 'lightning-input') as HTMLElement & { variant: string; label: string };
    expect(input().variant).toBe('standard');
    element.variant = 'label-hidden';
    await flushPromises();
    expect(input().variant).toBe('label-hidden');
    expect(input().label).toBe('Only mine');
    await expect(element).toBeAccessible();
  });
});
