import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import getPanel from '@salesforce/apex/HelpRequestController.getPanel';
import submit from '@salesforce/apex/HelpRequestController.submit';
import vote from '@salesforce/apex/HelpRequestController.vote';
import getPreference from '@salesforce/apex/NudgeController.getPreference';
import savePreference from '@salesforce/apex/NudgeController.savePreference';
import LOCALE from '@salesforce/i18n/locale';
import { formatLabel, formatPlural } from 'c/labelUtils';
import { type LdsError, reduceErrors } from 'c/ldsUtils';

import TITLE from '@salesforce/label/c.helpRequest_Title';
import ERROR_TITLE from '@salesforce/label/c.helpRequest_ErrorTitle';
import LOADING from '@salesforce/label/c.common_Loading';
import TYPE_LABEL from '@salesforce/label/c.helpRequest_TypeLabel';
import TYPE_HELP from '@salesforce/label/c.helpRequest_TypeHelp';
import TYPE_IDEA from '@salesforce/label/c.helpRequest_TypeIdea';
import SUBJECT from '@salesforce/label/c.helpRequest_Subject';
import DETAILS from '@salesforce/label/c.helpRequest_Details';
import SEND from '@salesforce/label/c.helpRequest_Send';
import SENT from '@salesforce/label/c.helpRequest_Sent';
import SENT_BACKLOG from '@salesforce/label/c.helpRequest_SentBacklog';
import SUBJECT_REQUIRED from '@salesforce/label/c.helpRequest_SubjectRequired';
import CANNOT_CREATE from '@salesforce/label/c.helpRequest_CannotCreate';
import MY_REQUESTS from '@salesforce/label/c.helpRequest_MyRequests';
import NO_REQUESTS from '@salesforce/label/c.helpRequest_NoRequests';
import ANSWER from '@salesforce/label/c.helpRequest_Answer';
import TO_ANSWER from '@salesforce/label/c.helpRequest_ToAnswer';
import OPEN from '@salesforce/label/c.helpRequest_Open';
import IDEAS from '@salesforce/label/c.helpRequest_Ideas';
import NO_IDEAS from '@salesforce/label/c.helpRequest_NoIdeas';
import VOTE from '@salesforce/label/c.helpRequest_Vote';
import VOTE_FOR from '@salesforce/label/c.helpRequest_VoteFor';
import VOTED from '@salesforce/label/c.helpRequest_Voted';
import VOTES_ONE from '@salesforce/label/c.helpRequest_VotesOne';
import VOTES_MANY from '@salesforce/label/c.helpRequest_VotesMany';
import REMINDERS from '@salesforce/label/c.helpRequest_Reminders';
import REMINDERS_ON from '@salesforce/label/c.helpRequest_RemindersOn';
import DIGEST_ON from '@salesforce/label/c.helpRequest_DigestOn';
import WORKING_DAYS from '@salesforce/label/c.helpRequest_WorkingDays';
import SAVE from '@salesforce/label/c.helpRequest_Save';
import SAVED from '@salesforce/label/c.helpRequest_Saved';
import WORKING_DAYS_REQUIRED from '@salesforce/label/c.helpRequest_WorkingDaysRequired';

/** One request of HelpRequestController.getPanel(). */
export interface RequestInfo {
  id: string;
  subject: string;
  type: 'Help' | 'Idea';
  status: string;
  statusLabel?: string | null;
  answer?: string | null;
  votes?: number | null;
  votedByMe?: boolean;
}

/** HelpRequestController.getPanel(). */
export interface PanelData {
  mine: RequestInfo[];
  toAnswer: RequestInfo[];
  topIdeas: RequestInfo[];
}

/** NudgeController.getPreference(). */
export interface PreferenceData {
  nudgesOptOut: boolean;
  digestOptOut: boolean;
  workingDays: string[];
  nudgesEnabled: boolean;
}

/** English day names, Monday first: the values NudgeController stores. */
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The days of the week in the user's language, Monday first, as checkbox options.
 * @param locale a BCP 47 locale
 * @returns `{ label, value }` with the English name as value
 */
export function dayOptions(locale: string): Array<{ label: string; value: string }> {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return DAY_NAMES.map((value, i) => ({ label: format.format(new Date(Date.UTC(2024, 0, 1 + i))), value }));
}

const OBJECTS = ['Help_Request__c', 'Idea_Vote__c', 'Cockpit_Preference__c'];

/**
 * Help one click away, from the utility bar: ask for help or propose an improvement in two fields (routed to
 * the key user of the rep's team), follow one's requests and their answers, see what the key user has to
 * answer, vote for the backlog's ideas, and choose one's weekly reminder and working days.
 */
export default class HelpRequest extends LightningElement {
  labels = {
    TITLE,
    ERROR_TITLE,
    LOADING,
    TYPE_LABEL,
    SUBJECT,
    DETAILS,
    SEND,
    CANNOT_CREATE,
    MY_REQUESTS,
    NO_REQUESTS,
    TO_ANSWER,
    IDEAS,
    NO_IDEAS,
    REMINDERS,
    REMINDERS_ON,
    DIGEST_ON,
    WORKING_DAYS,
    SAVE
  };

  typeOptions = [
    { label: TYPE_HELP, value: 'Help' },
    { label: TYPE_IDEA, value: 'Idea' }
  ];
  dayOptions = dayOptions(LOCALE);

  type: 'Help' | 'Idea' = 'Help';
  subject = '';
  details = '';
  sending = false;
  confirmation = '';
  formError = '';
  voteError = '';
  preferenceMessage = '';
  preferenceError = '';
  nudgesOn = true;
  digestOn = true;
  workingDays: string[] = [];

  wiredPanel?: { data?: PanelData; error?: unknown };
  wiredPreference?: { data?: PreferenceData; error?: unknown };
  objectInfos?: {
    results?: Array<{
      statusCode: number;
      result: { apiName: string; createable: boolean; updateable: boolean };
    }>;
  };

  @wire(getPanel)
  wirePanel(result: { data?: PanelData; error?: unknown }) {
    this.wiredPanel = result;
  }

  @wire(getPreference)
  wirePreference(result: { data?: PreferenceData; error?: unknown }) {
    this.wiredPreference = result;
    if (result.data) {
      this.nudgesOn = !result.data.nudgesOptOut;
      this.digestOn = !result.data.digestOptOut;
      this.workingDays = [...result.data.workingDays];
    }
  }

  @wire(getObjectInfos, { objectApiNames: OBJECTS })
  wireObjectInfos(result: { data?: HelpRequest['objectInfos'] }) {
    this.objectInfos = result.data;
  }

  get isLoading(): boolean {
    return !this.wiredPanel?.data && !this.wiredPanel?.error;
  }

  get loadError(): LdsError | undefined {
    return this.wiredPanel?.error as LdsError | undefined;
  }

  get hasError(): boolean {
    return Boolean(this.wiredPanel?.error);
  }

  get hasPanel(): boolean {
    return Boolean(this.wiredPanel?.data);
  }

  private can(objectApiName: string, access: 'createable' | 'updateable'): boolean {
    const info = this.objectInfos?.results?.find(
      (r) => r.statusCode === 200 && r.result.apiName === objectApiName
    );
    return info?.result[access] === true;
  }

  /** The form is shown only to users who may create requests (getObjectInfo), never a button that fails. */
  get canAsk(): boolean {
    return this.can('Help_Request__c', 'createable');
  }

  get cannotAsk(): boolean {
    return Boolean(this.objectInfos) && !this.canAsk;
  }

  get canVote(): boolean {
    return this.can('Idea_Vote__c', 'createable');
  }

  get canChoose(): boolean {
    return this.can('Cockpit_Preference__c', 'createable') && this.can('Cockpit_Preference__c', 'updateable');
  }

  get showPreferences(): boolean {
    return this.canChoose && Boolean(this.wiredPreference?.data?.nudgesEnabled);
  }

  get sendDisabled(): boolean {
    return this.sending;
  }

  get mine() {
    return (this.wiredPanel?.data?.mine ?? []).map((r) => ({
      ...r,
      statusText: r.statusLabel || r.status,
      answerText: r.answer ? formatLabel(ANSWER, r.answer) : ''
    }));
  }

  get hasMine(): boolean {
    return this.mine.length > 0;
  }

  get toAnswer() {
    return (this.wiredPanel?.data?.toAnswer ?? []).map((r) => ({
      ...r,
      url: `/lightning/r/Help_Request__c/${r.id}/view`,
      openLabel: formatLabel(OPEN, r.subject)
    }));
  }

  get hasToAnswer(): boolean {
    return this.toAnswer.length > 0;
  }

  get ideas() {
    return (this.wiredPanel?.data?.topIdeas ?? []).map((r) => ({
      ...r,
      votesText: formatPlural(r.votes ?? 0, { one: VOTES_ONE, other: VOTES_MANY }),
      voteLabel: r.votedByMe ? VOTED : VOTE,
      voteTitle: formatLabel(VOTE_FOR, r.subject),
      voteDisabled: Boolean(r.votedByMe) || !this.canVote
    }));
  }

  get hasIdeas(): boolean {
    return this.ideas.length > 0;
  }

  handleType(event: CustomEvent<{ value: 'Help' | 'Idea' }>): void {
    this.type = event.detail.value;
  }

  handleSubject(event: CustomEvent<{ value: string }>): void {
    this.subject = event.detail.value;
    this.formError = '';
  }

  handleDetails(event: CustomEvent<{ value: string }>): void {
    this.details = event.detail.value;
  }

  async handleSend(): Promise<void> {
    this.confirmation = '';
    if (!this.subject.trim()) {
      this.formError = SUBJECT_REQUIRED;
      return;
    }
    this.sending = true;
    try {
      const result = await submit({ type: this.type, subject: this.subject.trim(), details: this.details });
      this.confirmation = result.routedToName ? formatLabel(SENT, result.routedToName) : SENT_BACKLOG;
      this.subject = '';
      this.details = '';
      this.formError = '';
      await refreshApex(this.wiredPanel);
    } catch (error) {
      this.formError = reduceErrors(error as LdsError).join(' ');
    } finally {
      this.sending = false;
    }
  }

  async handleVote(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    this.voteError = '';
    try {
      await vote({ requestId: id });
      await refreshApex(this.wiredPanel);
    } catch (error) {
      this.voteError = reduceErrors(error as LdsError).join(' ');
    }
  }

  handleNudgesToggle(event: CustomEvent<{ checked: boolean }>): void {
    this.nudgesOn = event.detail.checked;
  }

  handleDigestToggle(event: CustomEvent<{ checked: boolean }>): void {
    this.digestOn = event.detail.checked;
  }

  handleDays(event: CustomEvent<{ value: string[] }>): void {
    this.workingDays = [...event.detail.value];
  }

  async handleSavePreferences(): Promise<void> {
    this.preferenceMessage = '';
    this.preferenceError = '';
    if (this.workingDays.length === 0) {
      this.preferenceError = WORKING_DAYS_REQUIRED;
      return;
    }
    try {
      await savePreference({
        nudgesOptOut: !this.nudgesOn,
        digestOptOut: !this.digestOn,
        workingDays: this.workingDays
      });
      this.preferenceMessage = SAVED;
      await refreshApex(this.wiredPreference);
    } catch (error) {
      this.preferenceError = reduceErrors(error as LdsError).join(' ');
    }
  }

  handleRetry(): void {
    refreshApex(this.wiredPanel).catch(() => undefined);
  }
}
