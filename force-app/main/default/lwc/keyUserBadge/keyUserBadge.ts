import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { reduceErrors } from 'c/ldsUtils';
import type { LdsError } from 'c/ldsUtils';
import { ADMIN_RIGHTS_BADGE, stageBadge } from 'c/keyUserStages';

import ROLE_FIELD from '@salesforce/schema/Key_User__c.Role__c';
import STATUS_FIELD from '@salesforce/schema/Key_User__c.Lifecycle_Status__c';
import ADMIN_FIELD from '@salesforce/schema/Key_User__c.Admin_Rights_Granted__c';

import LABEL_LOADING from '@salesforce/label/c.common_Loading';
import LABEL_UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';
import LABEL_TITLE from '@salesforce/label/c.keyUserBadge_Title';
import LABEL_ROLE from '@salesforce/label/c.keyUserBadge_Role';
import LABEL_STATUS from '@salesforce/label/c.keyUserBadge_Status';
import LABEL_NOT_SET from '@salesforce/label/c.keyUserBadge_NotSet';
import LABEL_ERROR from '@salesforce/label/c.keyUserBadge_Error';

/** One field of a UI API record: the stored value and the user-facing (translated) value. */
interface FieldValue {
  value: unknown;
  displayValue?: string | null;
}

interface RecordData {
  fields: Record<string, FieldValue | undefined>;
}

interface WireResult {
  data?: RecordData;
  error?: LdsError;
}

/**
 * Shows a key user's role and lifecycle status, and whether admin rights were granted, as SLDS
 * badges on a Key_User__c record, app or home page.
 */
export default class KeyUserBadge extends LightningElement {
  /** Id of the Key_User__c record (set by a record page, or by a parent). */
  @api recordId?: string;

  labels = {
    loading: LABEL_LOADING,
    title: LABEL_TITLE,
    role: LABEL_ROLE,
    status: LABEL_STATUS,
    error: LABEL_ERROR
  };

  record?: RecordData;
  errors: string[] = [];
  loaded = false;

  @wire(getRecord, { recordId: '$recordId', fields: [ROLE_FIELD, STATUS_FIELD, ADMIN_FIELD] })
  wiredRecord({ data, error }: WireResult) {
    if (data) {
      this.record = data;
      this.errors = [];
      this.loaded = true;
    } else if (error) {
      this.record = undefined;
      const messages = reduceErrors(error);
      this.errors = messages.length > 0 ? messages : [LABEL_UNKNOWN_ERROR];
      this.loaded = true;
    }
  }

  get isLoading(): boolean {
    return !this.loaded;
  }

  get hasError(): boolean {
    return this.errors.length > 0;
  }

  get errorText(): string {
    return this.errors.join(' ');
  }

  get role(): string {
    return this.display('Role__c');
  }

  get status(): string {
    return this.display('Lifecycle_Status__c');
  }

  /** The stage's badge from the shared palette (c/keyUserStages), with the translated picklist label. */
  get statusClass(): string {
    const value = this.record?.fields.Lifecycle_Status__c?.value;
    return stageBadge(typeof value === 'string' ? value : null).className;
  }

  /** The admin-rights badge of the shared palette. */
  adminRights = ADMIN_RIGHTS_BADGE;

  get adminRightsGranted(): boolean {
    return this.record?.fields.Admin_Rights_Granted__c?.value === true;
  }

  private display(field: string): string {
    const fieldValue = this.record?.fields[field];
    if (fieldValue?.displayValue) {
      return fieldValue.displayValue;
    }
    const value = fieldValue?.value;
    return typeof value === 'string' && value !== '' ? value : LABEL_NOT_SET;
  }
}
