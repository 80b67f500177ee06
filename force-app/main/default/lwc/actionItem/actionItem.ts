import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelUtils';
import { updateRecord } from 'lightning/uiRecordApi';
import { NavigationMixin } from 'lightning/navigation';
import { reduceErrors } from 'c/ldsUtils';
import { type ActionKind, type RankedAction, addDays } from 'c/actionRanking';

import LABEL_COMPLETE from '@salesforce/label/c.actionItem_Complete';
import LABEL_SNOOZE from '@salesforce/label/c.actionItem_Snooze';
import LABEL_OPEN from '@salesforce/label/c.actionItem_Open';
import LABEL_FILL from '@salesforce/label/c.actionItem_FillFields';
import LABEL_OVERDUE from '@salesforce/label/c.actionItem_Overdue';
import LABEL_DUE_TODAY from '@salesforce/label/c.actionItem_DueToday';
import LABEL_TODAY from '@salesforce/label/c.actionItem_Today';
import LABEL_PAST_CLOSE from '@salesforce/label/c.actionItem_PastClose';
import LABEL_QUIET from '@salesforce/label/c.actionItem_Quiet';
import LABEL_UNTOUCHED from '@salesforce/label/c.actionItem_Untouched';
import LABEL_TO_RUN from '@salesforce/label/c.actionItem_ToRun';
import LABEL_UNREAD from '@salesforce/label/c.actionItem_Unread';
import LABEL_MISSING from '@salesforce/label/c.actionItem_MissingFields';
import LABEL_ERROR from '@salesforce/label/c.actionItem_ActionFailed';
import LABEL_UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';
import LABEL_KIND_TASK from '@salesforce/label/c.dailyActionList_KindTask';
import LABEL_KIND_EVENT from '@salesforce/label/c.dailyActionList_KindEvent';
import LABEL_KIND_OPPORTUNITY from '@salesforce/label/c.dailyActionList_KindOpportunity';
import LABEL_KIND_LEAD from '@salesforce/label/c.dailyActionList_KindLead';
import LABEL_KIND_TEST from '@salesforce/label/c.dailyActionList_KindAcceptanceTest';
import LABEL_KIND_MESSAGE from '@salesforce/label/c.dailyActionList_KindSponsorMessage';
import LABEL_KIND_MISSING from '@salesforce/label/c.dailyActionList_KindMissingFields';

const ICONS: Record<ActionKind, string> = {
  task: 'standard:task',
  event: 'standard:event',
  opportunity: 'standard:opportunity',
  lead: 'standard:lead',
  acceptanceTest: 'standard:approval',
  sponsorMessage: 'standard:announcement',
  missingFields: 'standard:record_update'
};

const KIND_LABELS: Record<ActionKind, string> = {
  task: LABEL_KIND_TASK,
  event: LABEL_KIND_EVENT,
  opportunity: LABEL_KIND_OPPORTUNITY,
  lead: LABEL_KIND_LEAD,
  acceptanceTest: LABEL_KIND_TEST,
  sponsorMessage: LABEL_KIND_MESSAGE,
  missingFields: LABEL_KIND_MISSING
};

/**
 * One ranked action of the daily list, with its actions in place: complete or snooze a task (LDS
 * updateRecord), open the record (navigation), fill the missing fields (c-missing-fields-form).
 * Fires `resolved` ({ key, kind }) when the item is done and can leave the list.
 */
export default class ActionItem extends NavigationMixin(LightningElement) {
  @api action?: RankedAction;
  /** Today in the user's time zone (`yyyy-mm-dd`): snoozing moves a task to the day after. */
  @api today = '';
  /**
   * The API value of the org's closed task status (DailyActionController reads it from TaskStatus
   * IsClosed): orgs rename it, so "complete" writes this, never a literal. Without it, no "complete".
   */
  @api closedTaskStatus: string | null = null;

  labels = { complete: LABEL_COMPLETE, snooze: LABEL_SNOOZE, open: LABEL_OPEN, fill: LABEL_FILL };
  busy = false;
  errorMessages: string[] = [];
  /** Once opened, the form stays in the DOM (hidden when collapsed) so typed values are never lost. */
  formOpened = false;
  formExpanded = false;

  get iconName(): string {
    return this.action ? ICONS[this.action.kind] : 'standard:task';
  }

  get kindLabel(): string {
    return this.action ? KIND_LABELS[this.action.kind] : '';
  }

  get reasonText(): string {
    const action = this.action;
    if (!action) {
      return '';
    }
    switch (action.reason) {
      case 'overdue':
        return formatLabel(LABEL_OVERDUE, action.daysOverdue);
      case 'dueToday':
        return LABEL_DUE_TODAY;
      case 'today':
        return LABEL_TODAY;
      case 'pastClose':
        return formatLabel(LABEL_PAST_CLOSE, action.daysOverdue);
      case 'quiet':
        return formatLabel(LABEL_QUIET, action.daysQuiet);
      case 'untouched':
        return formatLabel(LABEL_UNTOUCHED, action.daysQuiet);
      case 'toRun':
        return LABEL_TO_RUN;
      case 'unread':
        return LABEL_UNREAD;
      case 'missingFields':
        return formatLabel(LABEL_MISSING, action.missingFields?.length ?? 0);
      default:
        return '';
    }
  }

  get isUrgent(): boolean {
    return this.action?.reason === 'overdue' || this.action?.reason === 'pastClose';
  }

  get reasonClass(): string {
    return this.isUrgent ? 'slds-text-color_error' : 'slds-text-color_weak';
  }

  get hasStartTime(): boolean {
    return !!this.action?.startDateTime;
  }

  get hasAmount(): boolean {
    return typeof this.action?.amount === 'number';
  }

  get isTask(): boolean {
    return this.action?.kind === 'task';
  }

  get canComplete(): boolean {
    return this.isTask && !!this.closedTaskStatus;
  }

  get hasMissingFields(): boolean {
    return this.action?.kind === 'missingFields' && (this.action.missingFields?.length ?? 0) > 0;
  }

  get hasError(): boolean {
    return this.errorMessages.length > 0;
  }

  get errorTitle(): string {
    return LABEL_ERROR;
  }

  get formClass(): string {
    return this.formExpanded ? 'slds-m-top_small' : 'slds-hide';
  }

  get fillExpanded(): string {
    return String(this.formExpanded);
  }

  get formId(): string {
    return `form-${this.action?.recordId ?? ''}`;
  }

  get openLabel(): string {
    return `${LABEL_OPEN}: ${this.action?.title ?? ''}`;
  }

  get completeLabel(): string {
    return `${LABEL_COMPLETE}: ${this.action?.title ?? ''}`;
  }

  get snoozeLabel(): string {
    return `${LABEL_SNOOZE}: ${this.action?.title ?? ''}`;
  }

  private resolve(): void {
    if (!this.action) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent('resolved', { detail: { key: this.action.key, kind: this.action.kind } })
    );
  }

  private async update(fields: Record<string, unknown>): Promise<void> {
    if (!this.action || this.busy) {
      return;
    }
    this.busy = true;
    this.errorMessages = [];
    try {
      await updateRecord({ fields: { Id: this.action.recordId, ...fields } });
      this.resolve();
    } catch (error) {
      const messages = reduceErrors(error as Parameters<typeof reduceErrors>[0]);
      this.errorMessages = messages.length > 0 ? messages : [LABEL_UNKNOWN_ERROR];
    } finally {
      this.busy = false;
    }
  }

  handleComplete(): Promise<void> {
    if (!this.closedTaskStatus) {
      return Promise.resolve();
    }
    return this.update({ Status: this.closedTaskStatus });
  }

  handleSnooze(): Promise<void> {
    return this.update({ ActivityDate: addDays(this.today || new Date().toISOString().slice(0, 10), 1) });
  }

  handleOpen(): void {
    if (!this.action) {
      return;
    }
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: {
        recordId: this.action.recordId,
        objectApiName: this.action.objectApiName,
        actionName: 'view'
      }
    });
  }

  handleToggleForm(): void {
    this.formOpened = true;
    this.formExpanded = !this.formExpanded;
  }

  handleFormCancel(): void {
    this.formExpanded = false;
  }

  handleFormSaved(): void {
    this.resolve();
  }
}
