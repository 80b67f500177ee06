import { LightningElement, api, wire } from 'lwc';
import { formatDate, formatLabel, formatPlural } from 'c/labelUtils';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getTrainingFollowUps from '@salesforce/apex/TrainingFollowUpController.getTrainingFollowUps';
import { refreshApex } from '@salesforce/apex';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { canUpdate, type LdsError, type ObjectAccessInfo, reduceErrors } from 'c/ldsUtils';
import { localDay } from 'c/waveReadiness';

import TITLE from '@salesforce/label/c.trainingFollowUps_Title';
import SUMMARY from '@salesforce/label/c.trainingFollowUps_Summary';
import EMPTY from '@salesforce/label/c.trainingFollowUps_Empty';
import SUMMARY_ONE from '@salesforce/label/c.trainingFollowUps_SummaryOne';
import EMPTY_ONE from '@salesforce/label/c.trainingFollowUps_EmptyOne';
import NOT_KEY_USER from '@salesforce/label/c.trainingFollowUps_NotKeyUser';
import TRAINED_ON from '@salesforce/label/c.trainingFollowUps_TrainedOn';
import MARK from '@salesforce/label/c.trainingFollowUps_MarkFollowedUp';
import MARK_FOR from '@salesforce/label/c.trainingFollowUps_MarkFollowedUpFor';
import FOLLOWED_UP from '@salesforce/label/c.trainingFollowUps_FollowedUp';
import SHOW_ALL from '@salesforce/label/c.trainingFollowUps_ShowAll';
import OLDEST_LISTED from '@salesforce/label/c.trainingFollowUps_OldestListed';
import ERROR_TITLE from '@salesforce/label/c.trainingFollowUps_ErrorTitle';
import NO_TEAM from '@salesforce/label/c.keyUserNetwork_NoTeam';
import LOADING from '@salesforce/label/c.common_Loading';
import UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';

/** The field "followed up" sets (Training_Attendance__c, the key user's existing follow-up field). */
const FOLLOW_UP_FIELDS = ['Followed_Up_On__c'];
/** Rows shown before "Show all": a key user's list stays short on the Home page. */
export const FIRST_ROWS = 5;

/** One trained person due (TrainingFollowUpController.FollowUp). */
export interface FollowUpRow {
  attendanceId: string;
  name?: string | null;
  team?: string | null;
  training?: string | null;
  trainingDate?: string | null;
  wave?: string | null;
}

/** TrainingFollowUpController.FollowUps. */
export interface FollowUpData {
  followUpWeeks?: number | null;
  total?: number | null;
  teams?: string[] | null;
  /** False when the server lists nobody to the running user (neither a key user nor an admin). */
  canFollowUp?: boolean | null;
  rows?: FollowUpRow[] | null;
}

type WireResult = { data?: FollowUpData; error?: unknown };

/**
 * People trained more than N weeks ago (Cockpit setting Follow-Up Weeks) whom nobody has followed up since,
 * shown to their key user inside the key-user network; "Followed up" sets the attendance's Followed_Up_On__c
 * through Lightning Data Service, shown only to users who may edit it. The server decides whose people are
 * listed (the running user's key-user teams; every team for an admin); `team` only narrows that list, and a
 * user who is no key user is told so instead of an empty list.
 */
export default class TrainingFollowUps extends LightningElement {
  /** The team selected in the key-user network; blank for the running user's teams. */
  @api team?: string;

  labels = { TITLE, LOADING, ERROR_TITLE, MARK, NOT_KEY_USER };

  wired?: WireResult;
  data?: FollowUpData;
  loaded = false;
  loadError?: LdsError;
  busyId?: string;
  actionError?: string;
  announcement = '';
  showAll = false;
  /** Shown only to users who may edit Followed_Up_On__c (key users, admins). */
  canMark = false;

  @wire(getObjectInfo, { objectApiName: 'Training_Attendance__c' })
  wiredAttendanceInfo({ data }: { data?: ObjectAccessInfo; error?: unknown }) {
    this.canMark = canUpdate(data, FOLLOW_UP_FIELDS);
  }

  @wire(getTrainingFollowUps, { team: '$team' })
  wiredFollowUps(result: WireResult) {
    this.wired = result;
    if (result.data) {
      this.data = result.data;
      this.loadError = undefined;
      this.loaded = true;
    } else if (result.error) {
      this.loadError = result.error as LdsError;
      this.loaded = true;
    }
  }

  get isLoading(): boolean {
    return !this.loaded;
  }

  get hasError(): boolean {
    return this.loaded && Boolean(this.loadError);
  }

  get hasData(): boolean {
    return this.loaded && !this.loadError && Boolean(this.data);
  }

  private get weeks(): number {
    return this.data?.followUpWeeks || 4;
  }

  private get total(): number {
    return this.data?.total ?? 0;
  }

  /** The server lists nobody to this user: they are no key user (TrainingFollowUpController.canFollowUp). */
  get isNotKeyUser(): boolean {
    return this.data?.canFollowUp === false;
  }

  get isEmpty(): boolean {
    return this.rows.length === 0;
  }

  get emptyText(): string {
    return formatPlural(this.weeks, { one: EMPTY_ONE, other: EMPTY });
  }

  get summary(): string {
    return formatPlural(this.weeks, { one: SUMMARY_ONE, other: SUMMARY }, [this.total, this.weeks]);
  }

  /**
   * Shown when the server listed fewer than are due (the oldest trainings first, at most
   * TrainingFollowUpController.MAX_ROWS): the next ones come in as these are followed up.
   */
  get oldestListed(): string {
    const listed = this.rows.length;
    return listed < this.total ? formatLabel(OLDEST_LISTED, listed, this.total) : '';
  }

  private get rows(): FollowUpRow[] {
    return this.data?.rows ?? [];
  }

  get visibleRows() {
    const rows = this.showAll ? this.rows : this.rows.slice(0, FIRST_ROWS);
    return rows.map((row) => {
      const name = row.name ?? '';
      const trainedOn = formatLabel(TRAINED_ON, row.training ?? '', formatDate(row.trainingDate));
      return {
        id: row.attendanceId,
        name,
        team: row.team || NO_TEAM,
        detail: row.wave ? `${trainedOn} · ${row.wave}` : trainedOn,
        buttonLabel: formatLabel(MARK_FOR, name),
        disabled: this.busyId === row.attendanceId
      };
    });
  }

  get hasMore(): boolean {
    return !this.showAll && this.rows.length > FIRST_ROWS;
  }

  get showAllLabel(): string {
    return formatLabel(SHOW_ALL, this.rows.length - FIRST_ROWS, this.rows.length, this.total);
  }

  handleShowAll() {
    this.showAll = true;
  }

  handleRetry() {
    this.loaded = false;
    this.loadError = undefined;
    return refreshApex(this.wired);
  }

  async handleFollowedUp(event: Event) {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const row = this.rows.find((item) => item.attendanceId === id);
    if (!row || this.busyId || !this.canMark) {
      return;
    }
    this.busyId = row.attendanceId;
    this.actionError = undefined;
    try {
      await updateRecord({ fields: { Id: row.attendanceId, Followed_Up_On__c: localDay() } });
      const message = formatLabel(FOLLOWED_UP, row.name ?? '');
      this.announcement = message;
      this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
      await refreshApex(this.wired);
    } catch (error) {
      this.actionError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
    } finally {
      this.busyId = undefined;
    }
  }
}
