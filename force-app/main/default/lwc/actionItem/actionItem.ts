import { LightningElement, api } from 'lwc';
import { formatLabel, formatPlural, type PluralLabels } from 'c/labelUtils';
import { updateRecord } from 'lightning/uiRecordApi';
import { NavigationMixin } from 'lightning/navigation';
import { reduceErrors } from 'c/ldsUtils';
import { type ActionKind, type ActionReason, type ActionRow, type RowReason, addDays } from 'c/actionRanking';

import LABEL_COMPLETE_FOR from '@salesforce/label/c.actionItem_CompleteFor';
import LABEL_SNOOZE from '@salesforce/label/c.actionItem_Snooze';
import LABEL_OPEN from '@salesforce/label/c.actionItem_Open';
import LABEL_FILL from '@salesforce/label/c.actionItem_FillFields';
import LABEL_FILL_FOR from '@salesforce/label/c.actionItem_FillFor';
import LABEL_MORE_ACTIONS from '@salesforce/label/c.actionItem_MoreActions';
import LABEL_OVERDUE from '@salesforce/label/c.actionItem_Overdue';
import LABEL_OVERDUE_ONE from '@salesforce/label/c.actionItem_OverdueOne';
import LABEL_DUE_TODAY from '@salesforce/label/c.actionItem_DueToday';
import LABEL_TODAY from '@salesforce/label/c.actionItem_Today';
import LABEL_PAST_CLOSE from '@salesforce/label/c.actionItem_PastClose';
import LABEL_PAST_CLOSE_ONE from '@salesforce/label/c.actionItem_PastCloseOne';
import LABEL_QUIET from '@salesforce/label/c.actionItem_Quiet';
import LABEL_QUIET_ONE from '@salesforce/label/c.actionItem_QuietOne';
import LABEL_UNTOUCHED from '@salesforce/label/c.actionItem_Untouched';
import LABEL_UNTOUCHED_ONE from '@salesforce/label/c.actionItem_UntouchedOne';
import LABEL_TO_RUN from '@salesforce/label/c.actionItem_ToRun';
import LABEL_UNREAD from '@salesforce/label/c.actionItem_Unread';
import LABEL_MISSING from '@salesforce/label/c.actionItem_MissingFields';
import LABEL_MISSING_ONE from '@salesforce/label/c.actionItem_MissingFieldsOne';
import LABEL_FIELDS_TO_FILL from '@salesforce/label/c.actionItem_FieldsToFill';
import LABEL_ERROR from '@salesforce/label/c.actionItem_ActionFailed';
import LABEL_ERROR_HINT from '@salesforce/label/c.actionItem_ErrorHint';
import LABEL_DETAILS from '@salesforce/label/c.common_Details';
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

/** Reasons that count days or fields: their singular and plural labels. */
const COUNTED: Partial<Record<ActionReason, PluralLabels>> = {
  overdue: { one: LABEL_OVERDUE_ONE, other: LABEL_OVERDUE },
  pastClose: { one: LABEL_PAST_CLOSE_ONE, other: LABEL_PAST_CLOSE },
  quiet: { one: LABEL_QUIET_ONE, other: LABEL_QUIET },
  untouched: { one: LABEL_UNTOUCHED_ONE, other: LABEL_UNTOUCHED },
  missingFields: { one: LABEL_MISSING_ONE, other: LABEL_MISSING }
};

const FIXED: Partial<Record<ActionReason, string>> = {
  dueToday: LABEL_DUE_TODAY,
  today: LABEL_TODAY,
  toRun: LABEL_TO_RUN,
  unread: LABEL_UNREAD
};

/**
 * The text of one reason, singular or plural by its count ("Overdue by 1 day", "En retard de 3 jours").
 * @param reason a row's reason
 * @param locale the user's locale (plural rules); the user's own when omitted
 * @returns the text
 */
export function reasonText(reason: RowReason, locale?: string): string {
  const counted = COUNTED[reason.reason];
  if (counted) {
    const count = reason.reason === 'missingFields' ? reason.fieldCount : reason.days;
    return locale ? formatPlural(count, counted, [count], locale) : formatPlural(count, counted);
  }
  return FIXED[reason.reason] ?? '';
}

/** What `resolved` tells the list: the item that can leave it, and how to put it back (Undo). */
export interface ResolvedDetail {
  key: string;
  kind: ActionKind;
  recordId: string;
  title: string;
  /** What was done: completed or snoozed (with an undo), filled or acknowledged (none). */
  verb: 'completed' | 'snoozed' | 'filled';
  /** The fields that restore the record as it was (for updateRecord), when the action can be undone. */
  undoFields?: Record<string, unknown>;
}

/**
 * One row of the daily list: a record with every reason it is listed for. Tasks are completed with a
 * checkbox; snooze and open are in one overflow menu; the record name is a link; a record missing
 * fields names them and fills them in place (c-missing-fields-form). Fires `resolved`
 * (ResolvedDetail) when a part of the row is done.
 */
export default class ActionItem extends NavigationMixin(LightningElement) {
  /** The row (actionRanking ActionRow). */
  @api action?: ActionRow;
  /** Today in the user's time zone (`yyyy-mm-dd`): snoozing moves a task to the day after. */
  @api today = '';
  /**
   * The API value of the org's closed task status (DailyActionController reads it from TaskStatus
   * IsClosed): orgs rename it, so "complete" writes this, never a literal. Without it, no checkbox.
   */
  @api closedTaskStatus: string | null = null;
  /** Field labels by API name (from getObjectInfos), to name the missing fields; the API name otherwise. */
  @api fieldLabels: Record<string, string> = {};

  labels = { fill: LABEL_FILL, errorTitle: LABEL_ERROR, errorHint: LABEL_ERROR_HINT, details: LABEL_DETAILS };
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

  /**
   * The row's reasons, each once: the missing fields are named on their own line ("To fill in: Next
   * Step"), so their count ("1 field to fill in") is not said again here.
   */
  get reasons(): Array<{ key: string; text: string; className: string }> {
    const named = this.hasMissingFields;
    const reasons = (this.action?.reasons ?? []).filter(
      (reason) => !(named && reason.reason === 'missingFields')
    );
    return reasons.map((reason) => ({
      key: reason.reason,
      text: reasonText(reason),
      className:
        reason.reason === 'overdue' || reason.reason === 'pastClose'
          ? 'reason slds-text-color_error'
          : 'reason slds-text-color_weak'
    }));
  }

  get recordHref(): string {
    const action = this.action;
    return action ? `/lightning/r/${action.objectApiName}/${action.recordId}/view` : '#';
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
    return (this.action?.missingFields?.length ?? 0) > 0 && !!this.action?.kinds.includes('missingFields');
  }

  get missingFieldsText(): string {
    const labels = this.fieldLabels;
    const names = (this.action?.missingFields ?? []).map((field) => labels[field] || field);
    return formatLabel(LABEL_FIELDS_TO_FILL, names.join(', '));
  }

  get menuItems(): Array<{ value: string; label: string }> {
    return [
      ...(this.isTask ? [{ value: 'snooze', label: LABEL_SNOOZE }] : []),
      { value: 'open', label: LABEL_OPEN }
    ];
  }

  get hasError(): boolean {
    return this.errorMessages.length > 0;
  }

  get formClass(): string {
    return this.formExpanded ? 'slds-m-top_small' : 'slds-hide';
  }

  get fillExpanded(): string {
    return String(this.formExpanded);
  }

  get checkboxId(): string {
    return `complete-${this.action?.recordId ?? ''}`;
  }

  get completeLabel(): string {
    return formatLabel(LABEL_COMPLETE_FOR, this.action?.title ?? '');
  }

  get fillLabel(): string {
    return formatLabel(LABEL_FILL_FOR, this.action?.title ?? '');
  }

  get moreActionsLabel(): string {
    return formatLabel(LABEL_MORE_ACTIONS, this.action?.title ?? '');
  }

  private resolve(detail: Omit<ResolvedDetail, 'recordId' | 'title'>): void {
    if (!this.action) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent<ResolvedDetail>('resolved', {
        detail: { ...detail, recordId: this.action.recordId, title: this.action.title }
      })
    );
  }

  private async update(fields: Record<string, unknown>): Promise<boolean> {
    if (!this.action || this.busy) {
      return false;
    }
    this.busy = true;
    this.errorMessages = [];
    try {
      await updateRecord({ fields: { Id: this.action.recordId, ...fields } });
      return true;
    } catch (error) {
      const messages = reduceErrors(error as Parameters<typeof reduceErrors>[0]);
      this.errorMessages = messages.length > 0 ? messages : [LABEL_UNKNOWN_ERROR];
      return false;
    } finally {
      this.busy = false;
    }
  }

  private taskKey(): string {
    return this.action?.keys.find((key) => key.startsWith('task:')) ?? this.action?.key ?? '';
  }

  async handleComplete(event: Event): Promise<void> {
    const checkbox = event.target as HTMLInputElement | null;
    if (!this.closedTaskStatus || !this.action) {
      return;
    }
    const previous = this.action.status ?? null;
    if (await this.update({ Status: this.closedTaskStatus })) {
      this.resolve({
        key: this.taskKey(),
        kind: 'task',
        verb: 'completed',
        undoFields: previous ? { Status: previous } : undefined
      });
    } else if (checkbox) {
      checkbox.checked = false;
    }
  }

  async handleSnooze(): Promise<void> {
    const due = this.action?.dueDate ?? null;
    const tomorrow = addDays(this.today || new Date().toISOString().slice(0, 10), 1);
    if (await this.update({ ActivityDate: tomorrow })) {
      this.resolve({
        key: this.taskKey(),
        kind: 'task',
        verb: 'snoozed',
        undoFields: { ActivityDate: due }
      });
    }
  }

  handleMenuSelect(event: CustomEvent<{ value: string }>): void {
    if (event.detail.value === 'snooze') {
      this.handleSnooze().catch(() => undefined);
    } else {
      this.navigate();
    }
  }

  handleOpen(event: Event): void {
    event.preventDefault();
    this.navigate();
  }

  private navigate(): void {
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

  /** A tap on the padding of a control's 44 px touch area acts as a tap on the control. */
  handleTouchArea(event: Event): void {
    if (event.target !== event.currentTarget) {
      return;
    }
    const control = (event.currentTarget as HTMLElement).querySelector(
      'lightning-button-menu, lightning-button'
    );
    (control as (HTMLElement & { click?: () => void }) | null)?.click();
  }

  handleToggleForm(): void {
    this.formOpened = true;
    this.formExpanded = !this.formExpanded;
  }

  handleFormCancel(): void {
    this.formExpanded = false;
  }

  handleFormSaved(): void {
    if (!this.action) {
      return;
    }
    this.formExpanded = false;
    this.resolve({ key: `missingFields:${this.action.recordId}`, kind: 'missingFields', verb: 'filled' });
  }
}
