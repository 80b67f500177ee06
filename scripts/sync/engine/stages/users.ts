// Stage, users: who is measured (exclusions), then per included user the engagement score, minutes saved
// (the kernel's benefit activity registry) and the champion candidates.

import {
  idKey,
  isActive,
  minutesSaved,
  nameKey
} from '../../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { excludedUsers } from '../../rules/exclusions';
import type { CockpitSettings, RecordSource, UserRecord } from '../../sources/record-source';
import { round } from '../distribution';
import { dayNumber, isoDay, workingDays } from '../periods';
import { warningOf, type SyncWarning } from '../../messages';
import type { ExcludedUser, UserResult } from '../result';
import { byEngagement } from '../result';
import { publishedSponsorIds } from '../sponsors';
import type { ActivityLedger, UserStats } from './activity';
import { idsFrom } from './activity';
import type { Period } from './plan';

/** Team of a user without a team value. */
export const NO_TEAM = '(no team)';
/** Team of records owned by a queue (Ids starting 00G). */
export const QUEUE_TEAM = '(queue)';

/**
 * Engagement score (0–100) weights: activity points against the reference, active days against working
 * days, recency of the last login, completeness of the records owned. They sum to 1.
 */
const ENGAGEMENT_WEIGHTS = { activity: 0.4, activeDays: 0.2, login: 0.2, completeness: 0.2 };
/** Activity points per record created, record updated, task and event logged. */
const ACTIVITY_POINTS = { created: 3, updated: 1, task: 2, event: 2 };
/** Percentile of the users' positive activity points that scores full marks on activity. */
const REFERENCE_PERCENTILE = 0.9;
/** A login this many days before the period scores 0 on recency (linear from the period start). */
const LOGIN_DECAY_DAYS = 30;
/** Lowest engagement score of a champion candidate. */
const CHAMPION_MIN_ENGAGEMENT = 60;

/** The users of the source and who among them is measured. */
export interface Population {
  users: UserRecord[];
  byId: Map<string, UserRecord>;
  excluded: ExcludedUser[];
  excludedIds: Set<string>;
  included: UserRecord[];
  /** Queue names by Id (Group.csv, Type Queue), for records owned by a queue. */
  queues: Map<string, string>;
}

export interface PopulationOptions {
  includeIntegrationUsers?: boolean;
  includeInactiveUsers?: boolean;
}

/** Reads the users with their team and applies the exclusions. */
export async function readPopulation(
  source: RecordSource,
  teamField: string,
  settings: CockpitSettings,
  options: PopulationOptions
): Promise<Population> {
  // One user per Id (15/18 characters alike), even when User.csv is in the folder twice.
  const byKey = new Map<string, UserRecord>();
  for (const u of await source.readUsers(teamField)) {
    const id = idKey(u.id);
    if (!byKey.has(id))
      byKey.set(id, { ...u, id, managerId: u.managerId ? idKey(u.managerId) : u.managerId });
  }
  const users = [...byKey.values()];
  const excluded = excludedUsers(users, settings, {
    includeIntegrationUsers: options.includeIntegrationUsers ?? false,
    includeInactiveUsers: options.includeInactiveUsers ?? false
  });
  const excludedIds = new Set(excluded.map((e) => e.userId));
  return {
    users,
    byId: new Map(users.map((u) => [u.id, u])),
    excluded,
    excludedIds,
    included: users.filter((u) => !excludedIds.has(u.id)),
    queues: (await source.readQueues?.()) ?? new Map<string, string>()
  };
}

/**
 * The population of the period: a user created on or after the period's end (User.CreatedDate, UTC day)
 * did not exist in it and is left out of it (not measured as inactive). When that leaves nobody, the
 * period is before every user's creation: said as a period after the export is (the figures are empty).
 * Users without a readable CreatedDate stay.
 */
export function populationOfPeriod(
  population: Population,
  period: Pick<Period, 'start' | 'end'>,
  warn: (warning: SyncWarning) => void
): Population {
  const created = (u: UserRecord): number => (u.createdDate ? dayNumber(u.createdDate) : Number.NaN);
  const later = population.included.filter((u) => created(u) >= period.end);
  if (later.length === 0) return population;
  const included = population.included.filter((u) => !later.includes(u));
  const first = Math.min(...later.map(created));
  const range = [isoDay(period.start), isoDay(period.end - 1)];
  if (included.length === 0)
    warn(warningOf('sync.run', 'warning.PeriodBeforeUsers', [...range, isoDay(first), isoDay(first)]));
  else warn(warningOf('sync.run', 'warning.UsersAfterPeriod', [later.length, ...range]));
  return { ...population, included };
}

/** Who holds a role the snapshots flag: key users and sponsors. */
interface Roles {
  keyUsers: Set<string>;
  sponsors: Set<string>;
}

/**
 * Reads the key users (Key_User__c.User__c) and the sponsors: only users named on a sponsor message
 * published by the end of the period (engine/sponsors.ts; drafts make nobody a sponsor, issue 9).
 */
export async function readRoles(
  source: RecordSource,
  available: Map<string, string>,
  period: Period,
  warn: (warning: SyncWarning) => void
): Promise<Roles> {
  return {
    keyUsers: await idsFrom(source, available, 'Key_User__c', 'User__c'),
    sponsors: await publishedSponsorIds(
      source,
      available.get(nameKey('Sponsor_Message__c')),
      period.end,
      warn
    )
  };
}

/** The team of a record owner: the user's team, "(queue)" for a queue, NO_TEAM otherwise. */
export function teamOf(population: Population, ownerId: string): string {
  const user = population.byId.get(idKey(ownerId));
  if (!user) return ownerId.startsWith('00G') ? QUEUE_TEAM : NO_TEAM;
  return user.team || NO_TEAM;
}

function points(s: UserStats): number {
  const p = ACTIVITY_POINTS;
  return p.created * s.created + p.updated * s.updated + p.task * s.tasks + p.event * s.events;
}

function popcount(n: number): number {
  let c = 0;
  let v = n >>> 0;
  while (v) {
    v &= v - 1;
    c++;
  }
  return c;
}

/**
 * Login recency in 0–1: 1 for a last login in the period, decaying linearly to 0 over LOGIN_DECAY_DAYS
 * before its start; 0 without a login. null when the last login is after the period's end (days are
 * numbers, `end` excluded): User.LastLoginDate keeps only the latest login, so whether the user logged in
 * during the period cannot be known; such a login is not credited, and the score leaves login out.
 */
export function loginRecency(
  lastLoginDate: string | null,
  period: Pick<Period, 'start' | 'end'>
): number | null {
  const loginDay = lastLoginDate ? dayNumber(lastLoginDate) : Number.NaN;
  if (Number.isNaN(loginDay)) return 0;
  if (loginDay >= period.end) return null;
  if (loginDay >= period.start) return 1;
  return Math.max(0, 1 - (period.start - loginDay) / LOGIN_DECAY_DAYS);
}

/** The users' results (sorted by team, then name) and the champion candidates' Ids, best first. */
export function userResults(
  population: Population,
  ledger: ActivityLedger,
  period: Period,
  settings: CockpitSettings,
  benefits: Parameters<typeof minutesSaved>[0],
  roles: Roles
): { users: UserResult[]; champions: string[] } {
  const workDays = workingDays(period.start, period.end);
  const positive = [...ledger.stats.values()]
    .map(points)
    .filter((p) => p > 0)
    .sort((a, b) => a - b);
  const reference = Math.max(
    1,
    positive.length > 0 ? (positive[Math.floor(REFERENCE_PERCENTILE * (positive.length - 1))] as number) : 1
  );
  const w = ENGAGEMENT_WEIGHTS;
  const users: UserResult[] = [];
  for (const u of population.included) {
    const s = ledger.stats.get(u.id) as UserStats;
    const activeDays = popcount(s.days);
    const completeness = s.dist.scored > 0 ? s.dist.scoreSum / s.dist.scored : null;
    const login = loginRecency(u.lastLoginDate, period);
    // An unknown login (after the period) is neither credited nor held against: the other parts, rescaled.
    const engagement =
      (100 *
        (w.activity * Math.min(1, points(s) / reference) +
          w.activeDays * Math.min(1, activeDays / workDays) +
          w.login * (login ?? 0) +
          w.completeness * (completeness ?? 0))) /
      (login === null ? 1 - w.login : 1);
    const counts = { created: s.created, updated: s.updated, tasks: s.tasks, events: s.events, activeDays };
    users.push({
      userId: u.id,
      name: u.name,
      team: u.team || NO_TEAM,
      recordsCreated: s.created,
      recordsUpdated: s.updated,
      tasksLogged: s.tasks,
      eventsLogged: s.events,
      recordsOwned: s.owned,
      activeDays,
      // A date no reader can read is no date (it is warned where the export's day is read): the report
      // and the Last_Login__c snapshot field take dates only.
      lastLogin:
        u.lastLoginDate !== null && !Number.isNaN(dayNumber(u.lastLoginDate)) ? u.lastLoginDate : null,
      active: isActive(counts),
      engagementScore: round(engagement, 1),
      completeness: completeness === null ? null : round(completeness, 4),
      minutesSaved: Math.round(minutesSaved(benefits, counts)),
      isKeyUser: roles.keyUsers.has(u.id),
      isSponsor: roles.sponsors.has(u.id),
      championCandidate: false
    });
  }
  const champions = users
    .filter((u) => !u.isKeyUser && u.engagementScore >= CHAMPION_MIN_ENGAGEMENT)
    .sort(byEngagement)
    .slice(0, Math.max(0, settings.championCandidates));
  for (const c of champions) c.championCandidate = true;
  users.sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name));
  return { users, champions: champions.map((c) => c.userId) };
}
