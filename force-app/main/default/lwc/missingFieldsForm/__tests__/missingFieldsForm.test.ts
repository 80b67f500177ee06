import { createElement } from 'lwc';
import MissingFieldsForm from 'c/missingFieldsForm';
import { flushPromises, resetDom, shadow } from '../../../../../test/jest-utils';

type FormElement = HTMLElement & { recordId: string; objectApiName: string; fields: string[] };

function createComponent(): FormElement {
  const element = createElement('c-missing-fields-form', { is: MissingFieldsForm }) as FormElement;
  element.recordId = '006000000000003AAA';
  element.objectApiName = 'Opportunity';
  element.fields = ['NextStep', 'Description'];
  document.body.appendChild(element);
  return element;
}

describe('c-missing-fields-form', () => {
  afterEach(() => {
    resetDom();
  });

  it('shows only the missing fields in an LDS record edit form', async () => {
    const element = createComponent();
    await flushPromises();
    const form = shadow(element).querySelector('lightning-record-edit-form') as HTMLElement & {
      recordId: string;
      objectApiName: string;
    };
    expect(form.recordId).toBe('006000000000003AAA');
    expect(form.objectApiName).toBe('Opportunity');
    const inputs = Array.from(shadow(element).querySelectorAll('lightning-input-field')) as Array<
      HTMLElement & { fieldName: string }
    >;
    expect(inputs.map((input) => input.fieldName)).toEqual(['NextStep', 'Description']);
    const save = shadow(element).querySelector('[data-id="save"]') as HTMLElement & {
      label: string;
      type: string;
    };
    expect(save.label).toBe('c.missingFieldsForm_Save');
    expect(save.type).toBe('submit');
    await expect(element).toBeAccessible();
  });

  it('fires saved on success', async () => {
    const element = createComponent();
    const saved = jest.fn();
    element.addEventListener('saved', saved);
    await flushPromises();
    const form = shadow(element).querySelector('lightning-record-edit-form') as HTMLElement;
    form.dispatchEvent(new CustomEvent('submit'));
    await flushPromises();
    expect(
      (shadow(element).querySelector('[data-id="save"]') as HTMLElement & { disabled: boolean }).disabled
    ).toBe(true);
    form.dispatchEvent(new CustomEvent('success', { detail: { id: '006000000000003AAA' } }));
    await flushPromises();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(saved.mock.calls[0][0].detail).toEqual({ recordId: '006000000000003AAA' });
  });

  it('shows LDS errors readably and keeps the fields (and what was typed) in place', async () => {
    const element = createComponent();
    const saved = jest.fn();
    element.addEventListener('saved', saved);
    await flushPromises();
    const inputsBefore = Array.from(shadow(element).querySelectorAll('lightning-input-field'));
    const form = shadow(element).querySelector('lightning-record-edit-form') as HTMLElement;
    form.dispatchEvent(
      new CustomEvent('error', {
        detail: {
          message: 'An error occurred while trying to update the record. Please try again.',
          detail: 'Next Step: value too long',
          output: {
            errors: [{ message: 'Closed opportunities cannot be edited.' }],
            fieldErrors: { NextStep: [{ message: 'Next Step: value too long' }] }
          }
        }
      })
    );
    await flushPromises();
    const error = shadow(element).querySelector('[data-id="error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('c.missingFieldsForm_ErrorTitle');
    expect(error?.textContent).toContain('Closed opportunities cannot be edited.');
    expect(error?.textContent).toContain('Next Step: value too long');
    expect(saved).not.toHaveBeenCalled();
    const inputsAfter = Array.from(shadow(element).querySelectorAll('lightning-input-field'));
    expect(inputsAfter).toHaveLength(2);
    inputsAfter.forEach((input, index) => expect(input).toBe(inputsBefore[index]));
    await expect(element).toBeAccessible();
  });

  it('falls back to a generic message for an empty error', async () => {
    const element = createComponent();
    await flushPromises();
    shadow(element)
      .querySelector('lightning-record-edit-form')
      ?.dispatchEvent(new CustomEvent('error', { detail: {} }));
    await flushPromises();
    expect(shadow(element).querySelector('[data-id="error"]')?.textContent).toContain(
      'c.common_UnknownError'
    );
  });

  it('fires cancel', async () => {
    const element = createComponent();
    const cancel = jest.fn();
    element.addEventListener('cancel', cancel);
    await flushPromises();
    (shadow(element).querySelector('[data-id="cancel"]') as HTMLElement).click();
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});
