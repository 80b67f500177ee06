import { LightningElement, api } from 'lwc';
import { type LdsError, reduceErrors } from 'c/ldsUtils';

import LABEL_RETRY from '@salesforce/label/c.common_Retry';
import LABEL_UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';
import LABEL_DETAILS from '@salesforce/label/c.common_Details';

/**
 * A load failure shown inside its card as a light scoped notification with an error icon and border
 * (after lwc-recipes errorPanel), not a page-level alert: an optional title, the
 * readable messages of the errors, and a Retry button that fires `retry` for the parent to reload.
 */
export default class ErrorPanel extends LightningElement {
  /** Heading of the alert (the parent's own error title label); none when blank. */
  @api title = '';
  /** One error or a list of errors, as reduceErrors (c/ldsUtils) accepts them. */
  @api errors?: LdsError | LdsError[];
  /**
   * What the person can do about it ("ask your admin…"), in their words. When given, the technical
   * messages move behind a "Details" disclosure; without it they are shown as before.
   */
  @api hint = '';

  labels = { retry: LABEL_RETRY, details: LABEL_DETAILS };

  get messages(): string[] {
    const messages = reduceErrors(this.errors);
    return messages.length > 0 ? messages : [LABEL_UNKNOWN_ERROR];
  }

  handleRetry(): void {
    this.dispatchEvent(new CustomEvent('retry'));
  }

  /** A tap on the padding of Retry's 44 px touch area (phones, narrow panels) retries too. */
  handleTouchArea(event: Event): void {
    if (event.target === event.currentTarget) {
      this.handleRetry();
    }
  }
}
