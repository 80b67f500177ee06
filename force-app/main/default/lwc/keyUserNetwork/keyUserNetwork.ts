import { LightningElement, api, wire } from 'lwc';
import { formatDate, formatLabel } from 'c/labelUtils';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getNetwork from '@salesforce/apex/KeyUserNetworkController.getNetwork';
import { refreshApex } from '@salesforce/apex';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { canCreate, canUpdate, type LdsError, type ObjectAccessInfo, reduceErrors } from 'c/ldsUtils';
import {
  buildNetwork,
  isoDate,
  stageOf,
  STAGES,
  type FollowUp,
  type KeyUserRecord,
  type NetworkModel,
  type Stage,
  type TeamRecord
} from './keyUserNetworkModel';

/** The fields a nomination sets (besides Name, outside field-level security). */
const NOMINATE_FIELDS = ['User__c', 'User_Key__c', 'Team__c', 'Lifecycle_Status__c', 'Nominated_On__c'];

import TITLE from '@salesforce/label/c.keyUserNetwork_Title';
import ERROR_TITLE from '@salesforce/label/c.keyUserNetwork_ErrorTitle';
import LOADING from '@salesforce/label/c.common_Loading';
import UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';
import TEAM from '@salesforce/label/c.keyUserNetwork_Team';
import ALL_TEAMS from '@salesforce/label/c.keyUserNetwork_AllTeams';
import NO_TEAM from '@salesforce/label/c.keyUserNetwork_NoTeam';
import COVERAGE from '@salesforce/label/c.keyUserNetwork_Coverage';
import COVERAGE_SUMMARY from '@salesforce/label/c.keyUserNetwork_CoverageSummary';
import UNCOVERED from '@salesforce/label/c.keyUserNetwork_Uncovered';
import NO_KEY_USER from '@salesforce/label/c.keyUserNetwork_NoKeyUser';
import KEY_USERS from '@salesforce/label/c.keyUserNetwork_KeyUsers';
import STAGE_NOMINATED from '@salesforce/label/c.keyUserNetwork_StageNominated';
import STAGE_TRAINED from '@salesforce/label/c.keyUserNetwork_StageTrained';
import STAGE_ACTIVE from '@salesforce/label/c.keyUserNetwork_StageActive';
import STAGE_REFERENT from '@salesforce/label/c.keyUserNetwork_StageReferent';
import ADMIN_RIGHTS from '@salesforce/label/c.keyUserNetwork_AdminRights';
import FOLLOW_UPS from '@salesforce/label/c.keyUserNetwork_FollowUps';
import FOLLOW_UPS_EMPTY from '@salesforce/label/c.keyUserNetwork_FollowUpsEmpty';
import NEVER_FOLLOWED_UP from '@salesforce/label/c.keyUserNetwork_NeverFollowedUp';
import LAST_FOLLOW_UP_OLD from '@salesforce/label/c.keyUserNetwork_LastFollowUpOld';
import NEXT_FOLLOW_UP_PASSED from '@salesforce/label/c.keyUserNetwork_NextFollowUpPassed';
import MARK_FOLLOWED_UP from '@salesforce/label/c.keyUserNetwork_MarkFollowedUp';
import MARK_FOLLOWED_UP_FOR from '@salesforce/label/c.keyUserNetwork_MarkFollowedUpFor';
import FOLLOWED_UP from '@salesforce/label/c.keyUserNetwork_FollowedUp';
import CANDIDATES from '@salesforce/label/c.keyUserNetwork_Candidates';
import CANDIDATES_HELP from '@salesforce/label/c.keyUserNetwork_CandidatesHelp';
import CANDIDATES_EMPTY from '@salesforce/label/c.keyUserNetwork_CandidatesEmpty';
import ENGAGEMENT from '@salesforce/label/c.keyUserNetwork_Engagement';
import NOMINATE from '@salesforce/label/c.keyUserNetwork_Nominate';
import NOMINATE_FOR from '@salesforce/label/c.keyUserNetwork_NominateFor';
import NOMINATED from '@salesforce/label/c.keyUserNetwork_Nominated';
import ALREADY_KEY_USER from '@salesforce/label/c.keyUserNetwork_AlreadyKeyUser';
import EMPTY from '@salesforce/label/c.keyUserNetwork_Empty';

interface Candidate {
  userId: string;
  name?: string | null;
  team?: string | null;
  engagementScore?: number | null;
}

interface NetworkData {
  keyUsers: KeyUserRecord[];
  teams: TeamRecord[];
  candidates: Candidate[];
  followUpWeeks?: number | null;
  championCandidates?: number | null;
  periodStart?: string | null;
}

type WireResult = { data?: NetworkData; error?: unknown };

const STAGE_LABELS: Record<Stage, string> = {
  Nominated: STAGE_NOMINATED,
  Trained: STAGE_TRAINED,
  Active: STAGE_ACTIVE,
  Referent: STAGE_REFERENT
};

const REASON_LABELS: Record<FollowUp['reason'], string> = {
  neverFollowedUp: NEVER_FOLLOWED_UP,
  lastFollowUpOld: LAST_FOLLOW_UP_OLD,
  nextFollowUpPassed: NEXT_FOLLOW_UP_PASSED
};

/** true when an error (UI API or Apex) carries the DUPLICATE_VALUE status code. */
export function isDuplicateValue(error: unknown): boolean {
  try {
    return JSON.stringify(error ?? '').includes('DUPLICATE_VALUE');
  } catch {
    return false;
  }
}

/**
 * The key-user network of the roll-out: key users by team and lifecycle stage, teams without any key
 * user, follow-ups due, and champion candidates (most engaged users measured by the sync who are not
 * key users yet) with a one-click nomination. The `team` design property (or the filter) narrows it to
 * one team.
 */
export default class KeyUserNetwork extends LightningElement {
  /** Team shown first (App Builder design property); blank shows every team. */
  @api team?: string;

  labels = {
    TITLE,
    ERROR_TITLE,
    LOADING,
    TEAM,
    COVERAGE,
    KEY_USERS,
    ADMIN_RIGHTS,
    FOLLOW_UPS,
    FOLLOW_UPS_EMPTY,
    MARK_FOLLOWED_UP,
    CANDIDATES,
    CANDIDATES_HELP,
    CANDIDATES_EMPTY,
    ENGAGEMENT,
    NOMINATE,
    EMPTY,
    NO_KEY_USER
  };

  stageHeaders = STAGES.map((stage) => ({ key: stage, label: STAGE_LABELS[stage] }));

  selectedTeam?: string;
  wiredNetwork?: WireResult;
  network?: NetworkData;
  loaded = false;
  /** The error of the last load, shown by c-error-panel. */
  loadError?: LdsError;
  busyId?: string;
  actionError?: string;
  announcement = '';
  /** The last action that succeeded, shown inline (the announcement tells screen readers). */
  confirmation = '';

  connectedCallback() {
    if (this.selectedTeam === undefined) {
      this.selectedTeam = this.team ?? '';
    }
  }

  /** Shown only to users who may create key users with these fields (sponsors, admins). */
  canNominate = false;
  /** Shown only to users who may edit Last_Follow_Up__c (admins). */
  canFollowUp = false;

  @wire(getObjectInfo, { objectApiName: 'Key_User__c' })
  wiredKeyUserInfo({ data }: { data?: ObjectAccessInfo; error?: unknown }) {
    this.canNominate = canCreate(data, NOMINATE_FIELDS);
    this.canFollowUp = canUpdate(data, ['Last_Follow_Up__c']);
  }

  @wire(getNetwork, { team: '$selectedTeam' })
  wiredGetNetwork(result: WireResult) {
    this.wiredNetwork = result;
    if (result.data) {
      this.network = result.data;
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
    return this.loaded && !this.loadError && Boolean(this.network);
  }

  private get model(): NetworkModel {
    return buildNetwork(this.network?.keyUsers ?? [], this.network?.teams ?? [], {
      team: this.selectedTeam,
      today: new Date(),
      followUpWeeks: this.network?.followUpWeeks || 4,
      noTeamLabel: NO_TEAM
    });
  }

  get isEmpty(): boolean {
    return this.hasData && this.model.teams.length === 0 && (this.network?.candidates ?? []).length === 0;
  }

  get hasTeams(): boolean {
    return this.model.teams.length > 0;
  }

  get teamOptions() {
    const names = new Set<string>();
    for (const team of this.network?.teams ?? []) {
      names.add(team.name);
    }
    for (const keyUser of this.network?.keyUsers ?? []) {
      if (keyUser.Team__c) {
        names.add(keyUser.Team__c);
      }
    }
    if (this.selectedTeam) {
      names.add(this.selectedTeam);
    }
    return [
      { label: ALL_TEAMS, value: '' },
      ...[...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ label: name, value: name }))
    ];
  }

  get coverageSummary(): string {
    const { coveredCount, teams } = this.model;
    return formatLabel(COVERAGE_SUMMARY, coveredCount, teams.length);
  }

  get hasUncovered(): boolean {
    return this.model.uncoveredTeams.length > 0;
  }

  get uncoveredSummary(): string {
    return formatLabel(UNCOVERED, this.model.uncoveredTeams.join(', '));
  }

  get teamRows() {
    return this.model.teams.map((team) => ({
      name: team.name,
      covered: team.covered,
      rowClass: team.covered ? '' : 'uncovered',
      stages: STAGES.map((stage) => ({ key: stage, count: team.stageCounts[stage] })),
      keyUsers: team.keyUsers.map((keyUser) => {
        const stage = stageOf(keyUser);
        return {
          id: keyUser.Id,
          name: keyUser.Name || keyUser.User__r?.Name || '',
          stageLabel: STAGE_LABELS[stage],
          adminRights: Boolean(keyUser.Admin_Rights_Granted__c),
          badgeClass: `key-user-badge slds-m-left_x-small ${stage === 'Referent' ? 'slds-badge slds-badge_inverse' : 'slds-badge'}`
        };
      })
    }));
  }

  get followUps() {
    return this.model.followUps.map(({ keyUser, reason }) => ({
      id: keyUser.Id,
      name: keyUser.Name || keyUser.User__r?.Name || '',
      team: keyUser.Team__c || NO_TEAM,
      reason: formatLabel(
        REASON_LABELS[reason],
        formatDate(keyUser.Trained_On__c),
        formatDate(keyUser.Last_Follow_Up__c),
        formatDate(keyUser.Next_Follow_Up__c)
      ),
      buttonLabel: formatLabel(MARK_FOLLOWED_UP_FOR, keyUser.Name ?? ''),
      disabled: this.busyId === keyUser.Id
    }));
  }

  get hasFollowUps(): boolean {
    return this.followUps.length > 0;
  }

  get candidates() {
    return (this.network?.candidates ?? []).map((candidate) => ({
      id: candidate.userId,
      name: candidate.name ?? '',
      team: candidate.team || NO_TEAM,
      score: candidate.engagementScore ?? 0,
      buttonLabel: formatLabel(NOMINATE_FOR, candidate.name ?? ''),
      disabled: this.busyId === candidate.userId
    }));
  }

  get hasCandidates(): boolean {
    return this.candidates.length > 0;
  }

  handleTeamChange(event: CustomEvent<{ value: string }>) {
    this.selectedTeam = event.detail.value;
    this.actionError = undefined;
    this.confirmation = '';
  }

  handleRetry() {
    this.loaded = false;
    this.loadError = undefined;
    return refreshApex(this.wiredNetwork);
  }

  async handleNominate(event: Event) {
    const userId = (event.currentTarget as HTMLElement).dataset.id;
    const candidate = (this.network?.candidates ?? []).find((item) => item.userId === userId);
    if (!candidate || this.busyId || !this.canNominate) {
      return;
    }
    this.busyId = candidate.userId;
    this.actionError = undefined;
    this.confirmation = '';
    const name = candidate.name ?? '';
    try {
      await createRecord({
        apiName: 'Key_User__c',
        fields: {
          Name: name.slice(0, 80),
          User__c: candidate.userId,
          // one key-user record per user: the unique external id refuses a second nomination
          User_Key__c: candidate.userId,
          Team__c: candidate.team ?? null,
          Lifecycle_Status__c: 'Nominated',
          Nominated_On__c: isoDate(new Date())
        }
      });
      this.confirm(formatLabel(NOMINATED, name));
      await refreshApex(this.wiredNetwork);
    } catch (error) {
      if (isDuplicateValue(error)) {
        this.announcement = formatLabel(ALREADY_KEY_USER, name);
        this.actionError = formatLabel(ALREADY_KEY_USER, name);
        await refreshApex(this.wiredNetwork);
      } else {
        this.actionError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
      }
    } finally {
      this.busyId = undefined;
    }
  }

  async handleFollowedUp(event: Event) {
    const keyUserId = (event.currentTarget as HTMLElement).dataset.id;
    const keyUser = (this.network?.keyUsers ?? []).find((item) => item.Id === keyUserId);
    if (!keyUser || this.busyId || !this.canFollowUp) {
      return;
    }
    this.busyId = keyUser.Id;
    this.actionError = undefined;
    this.confirmation = '';
    try {
      await updateRecord({ fields: { Id: keyUser.Id, Last_Follow_Up__c: isoDate(new Date()) } });
      this.confirm(formatLabel(FOLLOWED_UP, keyUser.Name ?? ''));
      await refreshApex(this.wiredNetwork);
    } catch (error) {
      this.actionError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
    } finally {
      this.busyId = undefined;
    }
  }

  /** Confirms a saved action: a success toast, the inline text, and the screen-reader announcement. */
  private confirm(message: string) {
    this.announcement = message;
    this.confirmation = message;
    this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
  }
}
