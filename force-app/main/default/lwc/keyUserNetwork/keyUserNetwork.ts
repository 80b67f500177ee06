import { LightningElement, api, wire } from 'lwc';
import { formatDate, formatLabel, formatNumber, formatPlural } from 'c/labelUtils';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getNetwork from '@salesforce/apex/KeyUserNetworkController.getNetwork';
import { refreshApex } from '@salesforce/apex';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import {
  canCreate,
  canUpdate,
  reduceErrors,
  reloading,
  wireState,
  type ObjectAccessInfo,
  type WireState
} from 'c/ldsUtils';
import { ADMIN_RIGHTS_BADGE, STAGE_LABELS, stageBadge } from 'c/keyUserStages';
import { localDay } from 'c/waveReadiness';
import {
  buildNetwork,
  pageOf,
  STAGES,
  type FollowUp,
  type KeyUserRecord,
  type NetworkModel,
  type TeamCoverage,
  type TeamRecord
} from './keyUserNetworkModel';

/** Follow-ups per page: one screen of a phone, and what one bulk "followed up" covers. */
export const FOLLOW_UP_PAGE_SIZE = 10;
/** Teams listed before "Show all teams" (those without a key user come first). */
export const TEAMS_SHOWN = 12;

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
import NO_KEY_USER from '@salesforce/label/c.keyUserNetwork_NoKeyUser';
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
import USERS_ONE from '@salesforce/label/c.keyUserNetwork_UsersOne';
import USERS_MANY from '@salesforce/label/c.keyUserNetwork_UsersMany';
import ACTIVE_ONE from '@salesforce/label/c.keyUserNetwork_ActiveOne';
import ACTIVE_MANY from '@salesforce/label/c.keyUserNetwork_ActiveMany';
import NOT_MEASURED from '@salesforce/label/c.keyUserNetwork_NotMeasured';
import SHOW_ALL_TEAMS from '@salesforce/label/c.keyUserNetwork_ShowAllTeams';
import SHOW_FEWER_TEAMS from '@salesforce/label/c.keyUserNetwork_ShowFewerTeams';
import SELECT_PAGE from '@salesforce/label/c.keyUserNetwork_SelectPage';
import SELECT_FOR from '@salesforce/label/c.keyUserNetwork_SelectFor';
import MARK_SELECTED_ONE from '@salesforce/label/c.keyUserNetwork_MarkSelectedOne';
import MARK_SELECTED_MANY from '@salesforce/label/c.keyUserNetwork_MarkSelectedMany';
import FOLLOWED_UP_MANY from '@salesforce/label/c.keyUserNetwork_FollowedUpMany';
import NOT_SAVED_FOR from '@salesforce/label/c.keyUserNetwork_NotSavedFor';
import PAGE_RANGE from '@salesforce/label/c.keyUserNetwork_PageRange';
import PREVIOUS_PAGE from '@salesforce/label/c.keyUserNetwork_PreviousPage';
import NEXT_PAGE from '@salesforce/label/c.keyUserNetwork_NextPage';
import FOLLOW_UPS_COUNT_ONE from '@salesforce/label/c.keyUserNetwork_FollowUpsCountOne';
import FOLLOW_UPS_COUNT_MANY from '@salesforce/label/c.keyUserNetwork_FollowUpsCountMany';
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
    FOLLOW_UPS,
    FOLLOW_UPS_EMPTY,
    MARK_FOLLOWED_UP,
    CANDIDATES,
    CANDIDATES_HELP,
    CANDIDATES_EMPTY,
    ENGAGEMENT,
    NOMINATE,
    EMPTY,
    NO_KEY_USER,
    SELECT_PAGE,
    PREVIOUS_PAGE,
    NEXT_PAGE
  };

  selectedTeam?: string;
  wiredNetwork?: WireResult;
  /** Loading, error or data of getNetwork (c/ldsUtils wireState). */
  state: WireState<NetworkData> = reloading();
  busyId?: string;
  actionError?: string;
  announcement = '';
  /** The last action that succeeded, shown inline (the announcement tells screen readers). */
  confirmation = '';
  /** Whether every team is listed, or the first TEAMS_SHOWN. */
  allTeams = false;
  /** Page of follow-ups shown, from 0. */
  followUpPage = 0;
  /** Key-user ids ticked for a bulk "followed up". */
  selectedIds: string[] = [];

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
    this.state = wireState(result, this.state);
  }

  private get network(): NetworkData | undefined {
    return this.state.data;
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
    return (
      this.state.hasData && this.model.teams.length === 0 && (this.network?.candidates ?? []).length === 0
    );
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

  /** Key users per stage across the teams shown, with the stage's badge. */
  get stageTotals() {
    return STAGES.map((stage) => ({
      key: stage,
      label: STAGE_LABELS[stage],
      className: stageBadge(stage).className,
      count: formatNumber(this.model.teams.reduce((sum, team) => sum + team.stageCounts[stage], 0))
    }));
  }

  get teamRows() {
    const teams = this.model.teams;
    return (this.allTeams ? teams : teams.slice(0, TEAMS_SHOWN)).map((team) => ({
      name: team.name,
      covered: team.covered,
      rowClass: team.covered ? 'team slds-item' : 'team slds-item uncovered',
      size: teamSize(team),
      keyUsers: team.keyUsers.map((keyUser) => ({
        id: keyUser.Id,
        name: keyUser.Name || keyUser.User__r?.Name || '',
        stage: stageBadge(keyUser.Lifecycle_Status__c),
        adminRights: keyUser.Admin_Rights_Granted__c ? ADMIN_RIGHTS_BADGE : null
      }))
    }));
  }

  /** The "Show all teams" toggle, when some teams are not listed. */
  get teamsToggle(): string {
    const total = this.model.teams.length;
    if (total <= TEAMS_SHOWN) {
      return '';
    }
    return this.allTeams ? SHOW_FEWER_TEAMS : formatLabel(SHOW_ALL_TEAMS, total);
  }

  get teamsExpanded(): string {
    return String(this.allTeams);
  }

  private get followUpPageData() {
    return pageOf(this.model.followUps, this.followUpPage, FOLLOW_UP_PAGE_SIZE);
  }

  get followUps() {
    return this.followUpPageData.items.map(({ keyUser, reason }) => ({
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
      selectLabel: formatLabel(SELECT_FOR, keyUser.Name ?? ''),
      selected: this.selectedIds.includes(keyUser.Id),
      disabled: Boolean(this.busyId)
    }));
  }

  get hasFollowUps(): boolean {
    return this.model.followUps.length > 0;
  }

  /** "12 follow-ups due" beside the heading, singular for one. */
  get followUpCount(): string {
    const total = this.model.followUps.length;
    return total ? formatPlural(total, { one: FOLLOW_UPS_COUNT_ONE, other: FOLLOW_UPS_COUNT_MANY }) : '';
  }

  get hasPages(): boolean {
    return this.followUpPageData.pageCount > 1;
  }

  get pageRange(): string {
    const { first, last, total } = this.followUpPageData;
    return formatLabel(PAGE_RANGE, first, last, total);
  }

  get previousDisabled(): boolean {
    return this.followUpPageData.page === 0;
  }

  get nextDisabled(): boolean {
    const { page, pageCount } = this.followUpPageData;
    return page >= pageCount - 1;
  }

  /** Ticked follow-ups still due on the page shown (a refresh may have removed some). */
  private get selectedOnPage(): string[] {
    const shown = new Set(this.followUpPageData.items.map((item) => item.keyUser.Id));
    return this.selectedIds.filter((id) => shown.has(id));
  }

  get allOnPageSelected(): boolean {
    const items = this.followUpPageData.items;
    return items.length > 0 && this.selectedOnPage.length === items.length;
  }

  get bulkLabel(): string {
    const count = this.selectedOnPage.length;
    return formatPlural(count, { one: MARK_SELECTED_ONE, other: MARK_SELECTED_MANY });
  }

  get bulkDisabled(): boolean {
    return this.selectedOnPage.length === 0 || Boolean(this.busyId);
  }

  get candidates() {
    return (this.network?.candidates ?? []).map((candidate) => ({
      id: candidate.userId,
      name: candidate.name ?? '',
      team: candidate.team || NO_TEAM,
      score: formatNumber(candidate.engagementScore ?? 0),
      buttonLabel: formatLabel(NOMINATE_FOR, candidate.name ?? ''),
      disabled: this.busyId === candidate.userId
    }));
  }

  get hasCandidates(): boolean {
    return this.candidates.length > 0;
  }

  /** The team filter is a native select (44 px on a phone, where lightning-combobox stays 32 px). */
  /** The team select's value: "" for every team. */
  get selectedTeamValue(): string {
    return this.selectedTeam ?? '';
  }

  handleTeamChange(event: CustomEvent<{ value: string }>) {
    this.selectedTeam = event.detail.value;
    this.actionError = undefined;
    this.confirmation = '';
    this.followUpPage = 0;
    this.selectedIds = [];
  }

  handleToggleTeams() {
    this.allTeams = !this.allTeams;
  }

  handlePreviousPage() {
    this.followUpPage = Math.max(0, this.followUpPageData.page - 1);
    this.selectedIds = [];
  }

  handleNextPage() {
    this.followUpPage = this.followUpPageData.page + 1;
    this.selectedIds = [];
  }

  handleSelect(event: CustomEvent<{ checked: boolean }>) {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (!id) {
      return;
    }
    const others = this.selectedIds.filter((item) => item !== id);
    this.selectedIds = event.detail.checked ? [...others, id] : others;
  }

  handleSelectPage(event: CustomEvent<{ checked: boolean }>) {
    this.selectedIds = event.detail.checked ? this.followUpPageData.items.map((item) => item.keyUser.Id) : [];
  }

  handleRetry() {
    this.state = reloading();
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
          Nominated_On__c: localDay()
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

  handleFollowedUp(event: Event) {
    const keyUserId = (event.currentTarget as HTMLElement).dataset.id;
    return keyUserId ? this.recordFollowUps([keyUserId]) : Promise.resolve();
  }

  handleBulkFollowedUp() {
    return this.recordFollowUps(this.selectedOnPage);
  }

  /**
   * Records today's follow-up of these key users, one LDS update each (at most a page, so at most
   * FOLLOW_UP_PAGE_SIZE calls). Those saved leave the list after the refresh; those that failed stay ticked,
   * with their names and the reason.
   */
  private async recordFollowUps(ids: string[]) {
    const keyUsers = (this.network?.keyUsers ?? []).filter((item) => ids.includes(item.Id));
    if (keyUsers.length === 0 || this.busyId || !this.canFollowUp) {
      return;
    }
    this.busyId = keyUsers[0]!.Id;
    this.actionError = undefined;
    this.confirmation = '';
    const today = localDay();
    const outcomes = await Promise.allSettled(
      keyUsers.map((keyUser) => updateRecord({ fields: { Id: keyUser.Id, Last_Follow_Up__c: today } }))
    );
    const failed = keyUsers.filter((_, index) => outcomes[index]?.status === 'rejected');
    const saved = keyUsers.filter((keyUser) => !failed.includes(keyUser));
    if (saved.length === 1) {
      this.confirm(formatLabel(FOLLOWED_UP, saved[0]!.Name ?? ''));
    } else if (saved.length > 1) {
      this.confirm(formatLabel(FOLLOWED_UP_MANY, saved.length));
    }
    if (failed.length > 0) {
      const reasons = outcomes.flatMap((outcome) => {
        return outcome.status === 'rejected' ? reduceErrors(outcome.reason as never) : [];
      });
      this.actionError = formatLabel(
        NOT_SAVED_FOR,
        failed.map((keyUser) => keyUser.Name ?? '').join(', '),
        [...new Set(reasons)].join(' ') || UNKNOWN_ERROR
      );
    }
    this.selectedIds = failed.map((keyUser) => keyUser.Id);
    this.busyId = undefined;
    if (saved.length > 0) {
      await refreshApex(this.wiredNetwork);
    }
  }

  /** Confirms a saved action: a success toast, the inline text, and the screen-reader announcement. */
  private confirm(message: string) {
    this.announcement = message;
    this.confirmation = message;
    this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
  }
}

/** "12 users · 9 active", singular for one; "Not measured" for a team known only from its key users. */
export function teamSize(team: Pick<TeamCoverage, 'users' | 'activeUsers'>): string {
  if (team.users === null) {
    return NOT_MEASURED;
  }
  const users = formatPlural(team.users, { one: USERS_ONE, other: USERS_MANY });
  if (team.activeUsers === null) {
    return users;
  }
  return `${users} · ${formatPlural(team.activeUsers, { one: ACTIVE_ONE, other: ACTIVE_MANY })}`;
}
