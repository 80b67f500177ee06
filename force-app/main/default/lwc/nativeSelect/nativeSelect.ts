import { LightningElement, api } from 'lwc';

/** One choice of the select: its API value and its visible (translated) label. */
interface SelectOption {
  value: string;
  label: string;
}

/**
 * A native SLDS select (`.slds-select`) with its label: used where lightning-combobox cannot offer a
 * 44 px touch target (its trigger is 32 px high, with no styling hook for its height), see
 * nativeSelect.css. It keeps no state: it fires `change` with `detail.value` (the chosen option's value,
 * a string) and the parent passes the new `value` back, as with lightning-combobox.
 */
export default class NativeSelect extends LightningElement {
  /** The label, visible unless `variant` is `label-hidden` (then read by assistive technology only). */
  @api label = '';
  /** The choices, in order. */
  @api options: SelectOption[] = [];
  /** The value of the chosen option; no option matching it shows the first. */
  @api value = '';
  /** `standard` (label above) or `label-hidden`, as lightning-input's variants. */
  @api variant: 'standard' | 'label-hidden' = 'standard';
  /** Whether a choice is required: the label is starred and the select is `required`. */
  @api required = false;
  /** What the star of a required select says on hover (why it is required). */
  @api requiredTitle = '';

  get labelClass(): string {
    return this.variant === 'label-hidden' ? 'slds-assistive-text' : 'slds-form-element__label';
  }

  get choices(): Array<SelectOption & { selected: boolean }> {
    return this.options.map((option) => ({ ...option, selected: option.value === this.value }));
  }

  handleChange(event: Event): void {
    // the native event stops here: the parent hears one `change`, with the value in its detail
    event.stopPropagation();
    const value = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }
}
