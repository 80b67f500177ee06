import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';

import LABEL_SAVE from '@salesforce/label/c.missingFieldsForm_Save';
import LABEL_CANCEL from '@salesforce/label/c.missingFieldsForm_Cancel';
import LABEL_SAVING from '@salesforce/label/c.missingFieldsForm_Saving';
import LABEL_ERROR_TITLE from '@salesforce/label/c.missingFieldsForm_ErrorTitle';
import LABEL_UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';

/** The `detail` of lightning-record-edit-form's `error` event. */
interface RecordFormErrorDetail {
  message?: string;
  detail?: string;
  output?: {
    errors?: Array<{ message?: string }>;
    fieldErrors?: Record<string, Array<{ message?: string }>>;
  };
}

/**
 * A small LDS record edit form showing only the fields a record is missing. The form stays mounted
 * after an error, so what the rep typed is kept; errors are shown readably. Fires `saved` on success
 * and `cancel` when the rep closes it.
 */
export default class MissingFieldsForm extends LightningElement {
  @api recordId = '';
  @api objectApiName = '';
  /** Field API names to show (the missing ones). */
  @api fields: string[] = [];

  labels = { save: LABEL_SAVE, cancel: LABEL_CANCEL, saving: LABEL_SAVING, errorTitle: LABEL_ERROR_TITLE };
  saving = false;
  errorMessages: string[] = [];

  get fieldList(): string[] {
    return Array.isArray(this.fields) ? this.fields : [];
  }

  get hasError(): boolean {
    return this.errorMessages.length > 0;
  }

  handleSubmit(): void {
    this.saving = true;
    this.errorMessages = [];
  }

  handleSuccess(event: CustomEvent<{ id: string }>): void {
    this.saving = false;
    this.dispatchEvent(new CustomEvent('saved', { detail: { recordId: event.detail.id } }));
  }

  handleError(event: CustomEvent<RecordFormErrorDetail>): void {
    this.saving = false;
    const detail = event.detail;
    const messages = reduceErrors({ body: { output: detail.output, message: detail.message } });
    if (detail.detail && !messages.includes(detail.detail)) {
      messages.push(detail.detail);
    }
    this.errorMessages = messages.length > 0 ? messages : [LABEL_UNKNOWN_ERROR];
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
