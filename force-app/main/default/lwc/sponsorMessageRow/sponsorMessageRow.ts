import { LightningElement, api } from 'lwc';

/**
 * One sponsor message as a row of c-sponsor-messages, pending or in the history: the sponsor's photo
 * (or initials), the heading (the message title) and a second line (the sponsor, or when it was acknowledged), and a chevron;
 * the row opens the body, given in the default slot and shown under it. One markup for both lists.
 * Fires `toggle` (no detail) when the row is activated; the parent owns which message is open.
 */
export default class SponsorMessageRow extends LightningElement {
  @api heading = '';
  /** The second line: the sponsor's name, or "Acknowledged on …" in the history. */
  @api subtitle = '';
  @api sponsorName = '';
  @api photoUrl?: string;
  @api initials?: string;
  @api expanded = false;

  get expandedText(): string {
    return String(this.expanded);
  }

  get chevron(): string {
    return this.expanded ? 'utility:chevrondown' : 'utility:chevronright';
  }

  handleClick(): void {
    this.dispatchEvent(new CustomEvent('toggle'));
  }
}
