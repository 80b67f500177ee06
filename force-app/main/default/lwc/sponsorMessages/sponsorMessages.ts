import { LightningElement, api, wire } from 'lwc';
import { formatDate, formatLabel } from 'c/labelUtils';
import LOCALE from '@salesforce/i18n/locale';
import { refreshApex } from '@salesforce/apex';
import getMyMessages from '@salesforce/apex/SponsorMessageController.getMyMessages';
import acknowledge from '@salesforce/apex/SponsorMessageController.acknowledge';
import getAcknowledgedMessages from '@salesforce/apex/SponsorMessageController.getAcknowledgedMessages';
import { type LdsError, reduceErrors } from 'c/ldsUtils';

import LABEL_TITLE from '@salesforce/label/c.sponsorMessages_Title';
import LABEL_LOADING from '@salesforce/label/c.common_Loading';
import LABEL_UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';
import LABEL_ERROR_TITLE from '@salesforce/label/c.sponsorMessages_ErrorTitle';
import LABEL_EMPTY from '@salesforce/label/c.sponsorMessages_Empty';
import LABEL_ACKNOWLEDGE from '@salesforce/label/c.sponsorMessages_Acknowledge';
import LABEL_ACKNOWLEDGE_FOR from '@salesforce/label/c.sponsorMessages_AcknowledgeFor';
import LABEL_USAGE_TITLE from '@salesforce/label/c.sponsorMessages_SponsorUsage';
import LABEL_ENGAGEMENT from '@salesforce/label/c.sponsorMessages_Engagement';
import LABEL_ENGAGEMENT_SCORE from '@salesforce/label/c.sponsorMessages_EngagementScore';
import LABEL_COMPLETENESS from '@salesforce/label/c.sponsorMessages_Completeness';
import LABEL_RECORDS_UPDATED from '@salesforce/label/c.sponsorMessages_RecordsUpdated';
import LABEL_TASKS_LOGGED from '@salesforce/label/c.sponsorMessages_TasksLogged';
import LABEL_ACTIVE from '@salesforce/label/c.sponsorMessages_ActiveThisWeek';
import LABEL_INACTIVE from '@salesforce/label/c.sponsorMessages_InactiveThisWeek';
import LABEL_NO_USAGE from '@salesforce/label/c.sponsorMessages_NoUsage';
import LABEL_ACK_FAILED from '@salesforce/label/c.sponsorMessages_AcknowledgeFailed';
import LABEL_HISTORY from '@salesforce/label/c.sponsorMessages_History';
import LABEL_HISTORY_EMPTY from '@salesforce/label/c.sponsorMessages_HistoryEmpty';
import LABEL_ACKNOWLEDGED_ON from '@salesforce/label/c.sponsorMessages_AcknowledgedOn';
import LABEL_ERROR_HINT from '@salesforce/label/c.sponsorMessages_ErrorHint';

/** The sponsor's latest weekly snapshot (SponsorMessageController.SponsorUsage). */
interface SponsorUsage {
  periodStart: string | null;
  active: boolean | null;
  engagementScore: number | null;
  completeness: number | null;
  recordsUpdated: number | null;
  tasksLogged: number | null;
}

/** One message of SponsorMessageController.getMyMessages(). */
interface MessageInfo {
  id: string;
  title: string;
  body: string | null;
  sponsorId: string | null;
  sponsorName: string | null;
  publishFrom: string | null;
  audienceType: string | null;
  sponsorUsage: SponsorUsage | null;
  sponsorPhotoUrl?: string | null;
  acknowledgedOn?: string | null;
}

/** Up to two initials of a name, for the avatar when the sponsor has no photo. */
function initialsOf(name: string | null): string {
  return (name ?? '')
    .split(/[\s-]+/)
    .filter((part) => part)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

/**
 * The sponsor messages targeted at the user, as a compact card: one line per message (the sponsor's
 * photo or initials, the title, the sponsor), opened one at a time for the body, the sponsor's usage
 * when they chose to show it, and "Got it", which records the acknowledgement once (Apex) and moves the
 * message to the history of read messages below.
 */
export default class SponsorMessages extends LightningElement {
  labels = {
    title: LABEL_TITLE,
    loading: LABEL_LOADING,
    errorTitle: LABEL_ERROR_TITLE,
    empty: LABEL_EMPTY,
    usageTitle: LABEL_USAGE_TITLE,
    engagement: LABEL_ENGAGEMENT,
    completeness: LABEL_COMPLETENESS,
    recordsUpdated: LABEL_RECORDS_UPDATED,
    tasksLogged: LABEL_TASKS_LOGGED,
    noUsage: LABEL_NO_USAGE,
    historyEmpty: LABEL_HISTORY_EMPTY,
    errorHint: LABEL_ERROR_HINT
  };

  /** The message whose body is open (one at a time: the card stays compact). */
  expandedId: string | null = null;
  historyOpen = false;
  historyResult?: WireResult<MessageInfo[]>;

  @wire(getAcknowledgedMessages)
  wiredHistory(result: WireResult<MessageInfo[]>) {
    this.historyResult = result;
  }

  messagesResult?: WireResult<MessageInfo[]>;
  /** Messages acknowledged here: hidden at once, before the refreshed list arrives. */
  acknowledgedIds: string[] = [];
  busyIds: string[] = [];
  errorsById: Record<string, string[]> = {};

  @wire(getMyMessages)
  wiredMessages(result: WireResult<MessageInfo[]>) {
    this.messagesResult = result;
  }

  get isLoading(): boolean {
    return !this.messagesResult || (!this.messagesResult.data && !this.messagesResult.error);
  }

  get hasError(): boolean {
    return !!this.messagesResult?.error;
  }

  /** What made the load fail, shown by c-error-panel. */
  get loadError(): LdsError {
    return this.messagesResult?.error as LdsError;
  }

  get messages() {
    const hidden = new Set(this.acknowledgedIds);
    return (this.messagesResult?.data ?? [])
      .filter((message) => !hidden.has(message.id))
      .map((message) => {
        const usage = message.sponsorUsage;
        const errors = this.errorsById[message.id] ?? [];
        const expanded = this.expandedId === message.id;
        return {
          ...message,
          expanded,
          initials: initialsOf(message.sponsorName),
          acknowledgeLabel: LABEL_ACKNOWLEDGE,
          acknowledgeName: formatLabel(LABEL_ACKNOWLEDGE_FOR, message.title),
          busy: this.busyIds.includes(message.id),
          hasUsage: !!usage,
          usageActiveText: usage?.active ? LABEL_ACTIVE : LABEL_INACTIVE,
          // Engagement_Score__c is a 0–100 score (the sync's weighting): shown with its scale, "82/100".
          engagementText: formatLabel(
            LABEL_ENGAGEMENT_SCORE,
            new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 }).format(usage?.engagementScore ?? 0)
          ),
          // Completeness__c is a percent field (91.5 = 91.5 %); lightning-formatted-number wants 0.915.
          completenessRatio: (usage?.completeness ?? 0) / 100,
          recordsUpdated: usage?.recordsUpdated ?? 0,
          tasksLogged: usage?.tasksLogged ?? 0,
          hasError: errors.length > 0,
          errorText: errors.length > 0 ? `${LABEL_ACK_FAILED} ${errors.join(' ')}` : ''
        };
      });
  }

  /** Messages already acknowledged (newest first), readable again. */
  get history() {
    return (this.historyResult?.data ?? []).map((message) => {
      const expanded = this.expandedId === `history-${message.id}`;
      return {
        ...message,
        key: `history-${message.id}`,
        expanded,
        initials: initialsOf(message.sponsorName),
        acknowledgedText: message.acknowledgedOn
          ? formatLabel(LABEL_ACKNOWLEDGED_ON, formatDate(message.acknowledgedOn))
          : ''
      };
    });
  }

  get historyLabel(): string {
    return formatLabel(LABEL_HISTORY, this.history.length);
  }

  get hasHistory(): boolean {
    return this.history.length > 0;
  }

  get historyExpanded(): string {
    return String(this.historyOpen);
  }

  handleToggle(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? null;
    this.expandedId = this.expandedId === key ? null : key;
  }

  handleToggleHistory(): void {
    this.historyOpen = !this.historyOpen;
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }

  get isEmpty(): boolean {
    return !this.isLoading && !this.hasError && !this.hasMessages;
  }

  /**
   * In a Home sidebar, nothing pending means no card at all (design property): the benefits panel
   * below moves up instead of a box saying there is nothing to read.
   */
  @api hideWhenEmpty = false;

  /**
   * Acknowledged messages stay reachable from the Home sidebar: with nothing pending but a history, the
   * card keeps only its header and the one-line "Read messages (n)" toggle instead of disappearing.
   */
  get isShown(): boolean {
    return !(this.hideWhenEmpty && this.isEmpty && !this.hasHistory);
  }

  /** "No new message" only where the card is not a compact history line (the Home sidebar). */
  get showEmptyText(): boolean {
    return this.isEmpty && !(this.hideWhenEmpty && this.hasHistory);
  }

  async handleAcknowledge(event: Event): Promise<void> {
    const messageId = (event.currentTarget as HTMLElement).dataset.id;
    if (!messageId || this.busyIds.includes(messageId)) {
      return;
    }
    this.busyIds = [...this.busyIds, messageId];
    this.errorsById = { ...this.errorsById, [messageId]: [] };
    try {
      await acknowledge({ messageId });
      this.acknowledgedIds = [...this.acknowledgedIds, messageId];
      refreshApex(this.messagesResult).catch(() => undefined);
      refreshApex(this.historyResult).catch(() => undefined);
    } catch (error) {
      const messages = reduceErrors(error as Parameters<typeof reduceErrors>[0]);
      this.errorsById = {
        ...this.errorsById,
        [messageId]: messages.length > 0 ? messages : [LABEL_UNKNOWN_ERROR]
      };
    } finally {
      this.busyIds = this.busyIds.filter((id) => id !== messageId);
    }
  }

  async handleRetry(): Promise<void> {
    await refreshApex(this.messagesResult).catch(() => undefined);
  }
}
