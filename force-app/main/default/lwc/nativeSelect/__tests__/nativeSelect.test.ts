import { createElement } from 'lwc';
import NativeSelect from 'c/nativeSelect';
import { $, $$, flushPromises, resetDom, text } from '../../../../../test/jest-utils';

type Select = HTMLElement & Record<string, unknown>;

const OPTIONS = [
  { value: '', label: 'All teams' },
  { value: 'Ventes Île-de-France', label: 'Ventes Île-de-France' },
  { value: 'Ventes Ouest', label: 'Ventes Ouest' }
];

function createSelect(props: Record<string, unknown>): { element: Select; values: string[] } {
  const element = createElement('c-native-select', { is: NativeSelect }) as unknown as Select;
  Object.assign(element, { label: 'Team', options: OPTIONS, ...props });
  const values: string[] = [];
  element.addEventListener('change', (event) =>
    values.push((event as CustomEvent<{ value: string }>).detail.value)
  );
  document.body.appendChild(element);
  return { element, values };
}

const select = (element: Select) => $(element, 'select') as HTMLSelectElement;

describe('c-native-select', () => {
  afterEach(resetDom);

  it('draws a labelled SLDS select with every option, the parent’s value chosen', async () => {
    const { element } = createSelect({ value: 'Ventes Ouest' });
    await flushPromises();
    expect(select(element).className).toContain('slds-select');
    expect($$(element, 'option').map((option) => text(option))).toEqual(
      OPTIONS.map((option) => option.label)
    );
    expect(select(element).value).toBe('Ventes Ouest');
    const label = $(element, 'label')!;
    expect(text(label)).toBe('Team');
    expect(label.className).toBe('slds-form-element__label');
    element.value = '';
    await flushPromises();
    expect(select(element).value).toBe('');
    await expect(element).toBeAccessible();
  });

  it('fires one change with the chosen value; the native event stays inside', async () => {
    const { element, values } = createSelect({});
    const heardAbove = jest.fn();
    await flushPromises();
    document.body.addEventListener('change', heardAbove);
    select(element).value = 'Ventes Île-de-France';
    select(element).dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true }));
    document.body.removeEventListener('change', heardAbove);
    expect(values).toEqual(['Ventes Île-de-France']);
    expect(heardAbove).not.toHaveBeenCalled();
  });

  it('hides its label for assistive technology only with variant label-hidden', async () => {
    const { element } = createSelect({ variant: 'label-hidden', label: 'Show' });
    await flushPromises();
    const label = $(element, 'label')!;
    expect(label.className).toBe('slds-assistive-text');
    expect(text(label)).toBe('Show');
    await expect(element).toBeAccessible();
  });

  it('stars a required select, saying why on the star, and marks the select required', async () => {
    const { element } = createSelect({ required: true, requiredTitle: 'Required unless passed' });
    await flushPromises();
    expect($(element, 'abbr.slds-required')!.getAttribute('title')).toBe('Required unless passed');
    expect(select(element).required).toBe(true);
    await expect(element).toBeAccessible();
  });
});
