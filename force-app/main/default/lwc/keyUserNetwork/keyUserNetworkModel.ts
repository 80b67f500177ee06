// Key-user network rules, pure so they are unit-tested: coverage of teams by key users, grouping by
// lifecycle stage, and which follow-ups are due. Dates are ISO strings (YYYY-MM-DD) as Salesforce
// returns Date fields; "today" is passed in.

import { STAGES, stageOf as stageOfValue, type Stage } from 'c/keyUserStages';
import { addDays, localDay } from 'c/waveReadiness';

export { STAGES, type Stage };

export interface KeyUserRecord {
  Id: string;
  Name?: string | null;
  User__c?: string | null;
  User__r?: { Name?: string | null } | null;
  Team__c?: string | null;
  Role__c?: string | null;
  Lifecycle_Status__c?: string | null;
  Nominated_On__c?: string | null;
  Trained_On__c?: string | null;
  Last_Follow_Up__c?: string | null;
  Next_Follow_Up__c?: string | null;
  Admin_Rights_Granted__c?: boolean | null;
  Admin_Rights_Granted_On__c?: string | null;
}

export interface TeamRecord {
  name: string;
  users?: number | null;
  activeUsers?: number | null;
}

export interface TeamCoverage {
  name: string;
  users: number | null;
  /** users active in the latest period, as measured by the sync; null when not measured */
  activeUsers: number | null;
  keyUsers: KeyUserRecord[];
  stageCounts: Record<Stage, number>;
  covered: boolean;
  /** true when the team is not in the latest snapshots (only known from key users) */
  unmeasured: boolean;
}

export interface FollowUp {
  keyUser: KeyUserRecord;
  /** why it is due: no follow-up since training, the last one is too old, or the planned date passed */
  reason: 'neverFollowedUp' | 'lastFollowUpOld' | 'nextFollowUpPassed';
}

export interface NetworkModel {
  teams: TeamCoverage[];
  uncoveredTeams: string[];
  coveredCount: number;
  followUps: FollowUp[];
}

/** Lifecycle stage of a key user; blank or unknown values count as Nominated (the field's default). */
export function stageOf(keyUser: KeyUserRecord): Stage {
  return stageOfValue(keyUser.Lifecycle_Status__c);
}

/**
 * A follow-up is due when the key user was trained at least `weeks` weeks ago and has not been followed
 * up in the last `weeks` weeks, or when a planned next follow-up date has passed.
 */
export function followUpReason(
  keyUser: KeyUserRecord,
  todayIso: string,
  weeks: number
): FollowUp['reason'] | null {
  if (keyUser.Next_Follow_Up__c && keyUser.Next_Follow_Up__c <= todayIso) {
    return 'nextFollowUpPassed';
  }
  // the one date rule (c/waveReadiness): no cutoff for a today the calendar has not
  const cutoff = addDays(todayIso, -7 * weeks);
  if (!cutoff || !keyUser.Trained_On__c || keyUser.Trained_On__c > cutoff) {
    return null;
  }
  if (keyUser.Next_Follow_Up__c && keyUser.Next_Follow_Up__c > todayIso) {
    return null;
  }
  if (!keyUser.Last_Follow_Up__c) {
    return 'neverFollowedUp';
  }
  return keyUser.Last_Follow_Up__c <= cutoff ? 'lastFollowUpOld' : null;
}

function emptyCounts(): Record<Stage, number> {
  return { Nominated: 0, Trained: 0, Active: 0, Referent: 0 };
}

/**
 * Builds the network: every team measured by the sync plus every team named on a key user, each with
 * its key users (referents first, then by name) and counts per stage, teams without a key user listed
 * first, then by name; and the follow-ups due (oldest training first). `team` restricts everything to one
 * team.
 */
export function buildNetwork(
  keyUsers: readonly KeyUserRecord[],
  teams: readonly TeamRecord[],
  options: { team?: string | null; today: Date; followUpWeeks: number; noTeamLabel: string }
): NetworkModel {
  const byTeam = new Map<string, TeamCoverage>();
  const ensure = (team: TeamRecord, unmeasured: boolean): TeamCoverage => {
    const name = team.name;
    let coverage = byTeam.get(name);
    if (!coverage) {
      coverage = {
        name,
        users: team.users ?? null,
        activeUsers: team.activeUsers ?? null,
        keyUsers: [],
        stageCounts: emptyCounts(),
        covered: false,
        unmeasured
      };
      byTeam.set(name, coverage);
    }
    return coverage;
  };
  for (const team of teams) {
    if (team.name) {
      ensure(team, false);
    }
  }
  for (const keyUser of keyUsers) {
    const coverage = ensure({ name: keyUser.Team__c || options.noTeamLabel }, true);
    coverage.keyUsers.push(keyUser);
    coverage.stageCounts[stageOf(keyUser)] += 1;
    coverage.covered = true;
  }

  const filter = options.team || null;
  const rank = (keyUser: KeyUserRecord) => STAGES.length - STAGES.indexOf(stageOf(keyUser));
  const teamList = [...byTeam.values()]
    .filter((coverage) => !filter || coverage.name === filter)
    // teams without a key user first: they are what the adoption lead acts on
    .sort((a, b) => Number(a.covered) - Number(b.covered) || a.name.localeCompare(b.name));
  for (const coverage of teamList) {
    coverage.keyUsers.sort((a, b) => rank(a) - rank(b) || (a.Name ?? '').localeCompare(b.Name ?? ''));
  }

  const today = localDay(options.today);
  const followUps: FollowUp[] = [];
  for (const keyUser of keyUsers) {
    if (filter && (keyUser.Team__c || options.noTeamLabel) !== filter) {
      continue;
    }
    const reason = followUpReason(keyUser, today, options.followUpWeeks);
    if (reason) {
      followUps.push({ keyUser, reason });
    }
  }
  followUps.sort((a, b) => (a.keyUser.Trained_On__c ?? '').localeCompare(b.keyUser.Trained_On__c ?? ''));

  const uncoveredTeams = teamList.filter((coverage) => !coverage.covered).map((coverage) => coverage.name);
  return {
    teams: teamList,
    uncoveredTeams,
    coveredCount: teamList.length - uncoveredTeams.length,
    followUps
  };
}

/** One page of a list, for a pager: the items shown and where they sit in the whole list. */
export interface Page<T> {
  items: T[];
  /** the page shown, from 0, clamped to the pages that exist */
  page: number;
  /** number of pages, at least 1 */
  pageCount: number;
  /** position of the first and last items shown, from 1 (0 and 0 for an empty list) */
  first: number;
  last: number;
  total: number;
}

/**
 * The `page`-th page (from 0) of `size` items. A page past the end (after the last items of the last
 * page were handled and left the list) shows the last page that exists instead of an empty one.
 */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = current * size;
  const shown = items.slice(start, start + size);
  return {
    items: shown,
    page: current,
    pageCount,
    first: shown.length ? start + 1 : 0,
    last: start + shown.length,
    total: items.length
  };
}
