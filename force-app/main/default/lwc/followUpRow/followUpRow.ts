import { LightningElement, api } from 'lwc';

/**
 * One person to follow up in a list (a key user due a follow-up, a trainee to call, a candidate to
 * nominate): "name · team", the parent's detail in the default slot, an optional checkbox for bulk actions
 * (c-touch-checkbox, its label hidden) and one action button. It holds no data and calls nothing: it
 * fires `select` ({ checked }) and `action` for its parent, which reads the row's own `data-id` from the
 * event's currentTarget. Every control offers 44 × 44 px on a phone or in a narrow panel (WCAG 2.5.5):
 * the button at every width (followUpRow.css), the checkbox through c-touch-checkbox's touch area.
 */
export default class FollowUpRow extends LightningElement {
  /** The person's name, shown in bold before the team. */
  @api name = '';
  /** The person's team. */
  @api team = '';
  /** Whether the row has a checkbox for a bulk action. */
  @api selectable = false;
  /** The checkbox's accessible name (its label is hidden): which person it ticks. */
  @api selectLabel = '';
  /** Whether the checkbox is ticked. */
  @api selected = false;
  /** Whether the row has its action button (false for people who may only read). */
  @api actionable = false;
  /** The button's visible text. */
  @api actionLabel = '';
  /** The button's accessible name, naming the person ("Followed up: Ada Lovelace"). */
  @api actionTitle = '';
  /** Whether the button is disabled (its action is running). */
  @api actionDisabled = false;
  /** SLDS button variant: 'neutral' (default) or 'brand'. */
  @api actionVariant = 'neutral';

  get actionClass(): string {
    const variant = this.actionVariant === 'brand' ? 'brand' : 'neutral';
    return `row-action slds-button slds-button_${variant}`;
  }

  /** The checkbox (c-touch-checkbox: its box, label or touch area) asks for a new state. */
  handleSelect(event: CustomEvent<{ checked: boolean }>): void {
    this.dispatchEvent(new CustomEvent('select', { detail: { checked: Boolean(event.detail.checked) } }));
  }

  handleAction(): void {
    this.dispatchEvent(new CustomEvent('action'));
  }
}
