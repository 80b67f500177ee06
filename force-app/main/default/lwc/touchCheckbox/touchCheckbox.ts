import { LightningElement, api } from 'lwc';
import { isAreaTap } from 'c/touchArea';

/** What `change` carries: the state the checkbox asks to be in. */
interface TouchCheckboxChange {
  checked: boolean;
}

/**
 * A labelled lightning-input checkbox inside a touch area of 44 × 44 px on a phone or in a narrow panel
 * (WCAG 2.5.5, 2.75rem; see touchCheckbox.css): a tap on the checkbox, on its label or on the area's
 * padding asks for the opposite of `checked`. It keeps no state: it fires `change` with
 * `detail.checked` and the parent passes the new `checked` back (the same contract as lightning-input).
 */
export default class TouchCheckbox extends LightningElement {
  /** The visible label, also the checkbox's accessible name (the only name when `variant` hides it). */
  @api label = '';
  /**
   * lightning-input's variant: 'standard' shows the label beside the box, 'label-hidden' keeps it as the
   * accessible name only (a row's box whose person is named beside it).
   */
  @api variant: 'standard' | 'label-hidden' = 'standard';
  /** Whether the box is ticked (the parent's state). */
  @api checked = false;
  /** Whether the box can be changed; a disabled box ignores taps on its area too. */
  @api disabled = false;

  handleChange(event: CustomEvent<{ checked: boolean }>): void {
    // lightning-input's own event stops here: the parent hears one `change`, this component's.
    event.stopPropagation();
    this.fire(Boolean(event.detail.checked));
  }

  /** A tap on the area's padding (not on the checkbox or its label, which tick it themselves). */
  handleArea(event: Event): void {
    if (isAreaTap(event) && !this.disabled) {
      this.fire(!this.checked);
    }
  }

  private fire(checked: boolean): void {
    this.dispatchEvent(new CustomEvent<TouchCheckboxChange>('change', { detail: { checked } }));
  }
}
