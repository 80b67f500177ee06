// The figures a sponsor reads first: KPI tiles and one row per team (users, share active, trend of
// activity, completeness, key-user coverage), computed from a sync result. Pure: no formatting.

import { fieldRecords, type CompletenessSummary, type SyncResult, type TeamResult } from '../engine/result';
import { MIN_TEAM_USERS } from './aggregates';

/**
 * The row that stands for every team under MIN_TEAM_USERS users (aggregates.ts): a team of one or two is
 * a person, so the report never names it (the report's dictionary says "Other teams"). A control
 * character keeps it apart from any real team name.
 */
export const OTHER_TEAMS = '\u0000other teams';

function sumCompleteness(parts: readonly CompletenessSummary[]): CompletenessSummary {
  const scored = parts.reduce((n, p) => n + p.scored, 0);
  const weighted = parts.reduce((n, p) => n + (p.average ?? 0) * p.scored, 0);
  const deciles = Array.from({ length: 10 }, (_, i) => parts.reduce((n, p) => n + (p.deciles[i] ?? 0), 0));
  return {
    scored,
    average: scored === 0 ? null : weighted / scored,
    complete: parts.reduce((n, p) => n + p.complete, 0),
    deciles
  };
}

/** The per-object figures of several teams as one team named `team` (counts summed, scores weighted). */
function mergeTeams(team: string, parts: readonly TeamResult[]): TeamResult {
  const fields = new Map<string, { filled: number; records: number }>();
  const rules = new Map<string, { records: number; filled: number }>();
  for (const p of parts) {
    for (const f of p.fields) {
      const sum = fields.get(f.name) ?? { filled: 0, records: 0 };
      fields.set(f.name, {
        filled: sum.filled + f.filled,
        records: sum.records + fieldRecords(f, p.records)
      });
    }
    for (const r of p.ruleFields) {
      const sum = rules.get(r.field) ?? { records: 0, filled: 0 };
      rules.set(r.field, { records: sum.records + r.records, filled: sum.filled + r.filled });
    }
  }
  const records = parts.reduce((n, p) => n + p.records, 0);
  return {
    team,
    records,
    fields: [...fields].map(([name, f]) => ({
      name,
      filled: f.filled,
      ...(f.records < records ? { records: f.records } : {})
    })),
    completeness: sumCompleteness(parts.map((p) => p.completeness)),
    ruleFields: [...rules].map(([field, r]) => ({ field, ...r }))
  };
}

/**
 * The result as the report shows it: every team with fewer than MIN_TEAM_USERS included users folded
 * into one OTHER_TEAMS team (activity, per-object figures and trend summed), in `teams`,
 * `objects[].teams` and `activityTrend`. Owners without a user (queues) are not a team of people and stay
 * as they are. Users and owners are left unchanged (named only with --people). Pure.
 */
export function foldSmallTeams(result: SyncResult): SyncResult {
  const small = new Set(result.teams.filter((t) => t.users < MIN_TEAM_USERS).map((t) => t.team));
  if (small.size === 0) return result;
  const folded = result.teams.filter((t) => small.has(t.team));
  const other = {
    team: OTHER_TEAMS,
    users: folded.reduce((n, t) => n + t.users, 0),
    activeUsers: folded.reduce((n, t) => n + t.activeUsers, 0),
    keyUsers: folded.reduce((n, t) => n + t.keyUsers, 0),
    averageEngagement:
      folded.reduce((n, t) => n + t.averageEngagement * t.users, 0) /
      Math.max(
        1,
        folded.reduce((n, t) => n + t.users, 0)
      ),
    minutesSaved: folded.reduce((n, t) => n + t.minutesSaved, 0),
    recordsCreated: folded.reduce((n, t) => n + t.recordsCreated, 0),
    recordsUpdated: folded.reduce((n, t) => n + t.recordsUpdated, 0)
  };
  const trendTeams = result.activityTrend.teams.filter((t) => small.has(t.team));
  const sumSeries = (key: 'created' | 'tasks' | 'events'): number[] =>
    result.activityTrend.periodStarts.map((_, i) => trendTeams.reduce((n, t) => n + (t[key][i] ?? 0), 0));
  return {
    ...result,
    teams: [...result.teams.filter((t) => !small.has(t.team)), other],
    objects: result.objects.map((o) => {
      const parts = o.teams.filter((t) => small.has(t.team));
      if (parts.length === 0) return o;
      return { ...o, teams: [...o.teams.filter((t) => !small.has(t.team)), mergeTeams(OTHER_TEAMS, parts)] };
    }),
    activityTrend: {
      ...result.activityTrend,
      teams: [
        ...result.activityTrend.teams.filter((t) => !small.has(t.team)),
        ...(trendTeams.length > 0
          ? [
              {
                team: OTHER_TEAMS,
                created: sumSeries('created'),
                tasks: sumSeries('tasks'),
                events: sumSeries('events')
              }
            ]
          : [])
      ]
    }
  };
}

export interface TeamRow {
  team: string;
  /** Included users of the team. */
  users: number;
  activeUsers: number;
  /** activeUsers ÷ users, null when the team has no user. */
  activeRate: number | null;
  keyUsers: number;
  /**
   * Mean completeness score of the team's scored records over every measured object (each object's
   * team average weighted by its scored records), null when none is scored.
   */
  completeness: number | null;
  /** Records created per period, oldest first (the activity trend), for a sparkline. */
  created: number[];
  /**
   * Change of records created in the last period against the one before, as a ratio (0.25 = +25 %);
   * null when the previous period had none or there is one period only.
   */
  trend: number | null;
  minutesSaved: number;
}

export interface Kpis {
  users: number;
  activeUsers: number;
  activeRate: number | null;
  /** Mean completeness over every scored record of every object. */
  completeness: number | null;
  /** Teams named in the report (OTHER_TEAMS, the folded small teams, is not one team). */
  teams: number;
  /** Of them, teams with at least one key user. */
  coveredTeams: number;
  minutesSaved: number;
}

function weightedCompleteness(parts: { average: number | null; scored: number }[]): number | null {
  let sum = 0;
  let scored = 0;
  for (const part of parts) {
    if (part.average === null || part.scored === 0) continue;
    sum += part.average * part.scored;
    scored += part.scored;
  }
  return scored === 0 ? null : sum / scored;
}

/**
 * The result without the OTHER_TEAMS team (in `teams`, `objects[].teams`, `activityTrend`): for the
 * tables and charts when the folded teams together still have fewer than MIN_TEAM_USERS users (two
 * one-person teams are two people). Pure.
 */
export function withoutOtherTeams(result: SyncResult): SyncResult {
  const keep = <T extends { team: string }>(list: readonly T[]): T[] =>
    list.filter((t) => t.team !== OTHER_TEAMS);
  return {
    ...result,
    teams: keep(result.teams),
    objects: result.objects.map((o) => ({ ...o, teams: keep(o.teams) })),
    activityTrend: { ...result.activityTrend, teams: keep(result.activityTrend.teams) }
  };
}

/**
 * One row per team of `result.teams`, teams without a key user first, then by name; OTHER_TEAMS (from
 * foldSmallTeams) last.
 */
export function teamRows(result: SyncResult): TeamRow[] {
  const rows = result.teams.map((team): TeamRow => {
    const completeness = weightedCompleteness(
      result.objects.flatMap((o) =>
        o.teams
          .filter((t) => t.team === team.team)
          .map((t) => ({ average: t.completeness.average, scored: t.completeness.scored }))
      )
    );
    const created = result.activityTrend.teams.find((t) => t.team === team.team)?.created ?? [];
    const last = created.at(-1);
    const previous = created.at(-2);
    return {
      team: team.team,
      users: team.users,
      activeUsers: team.activeUsers,
      activeRate: team.users > 0 ? team.activeUsers / team.users : null,
      keyUsers: team.keyUsers,
      completeness,
      created,
      trend:
        last === undefined || previous === undefined || previous === 0 ? null : (last - previous) / previous,
      minutesSaved: team.minutesSaved
    };
  });
  const other = (row: TeamRow): number => Number(row.team === OTHER_TEAMS);
  return rows.sort(
    (a, b) =>
      other(a) - other(b) || Number(a.keyUsers > 0) - Number(b.keyUsers > 0) || a.team.localeCompare(b.team)
  );
}

/** The tiles at the top of the report. */
export function kpis(result: SyncResult): Kpis {
  const users = result.teams.reduce((n, t) => n + t.users, 0);
  const activeUsers = result.teams.reduce((n, t) => n + t.activeUsers, 0);
  return {
    users,
    activeUsers,
    activeRate: users > 0 ? activeUsers / users : null,
    completeness: weightedCompleteness(
      result.objects.map((o) => ({ average: o.completeness.average, scored: o.completeness.scored }))
    ),
    teams: result.teams.filter((t) => t.team !== OTHER_TEAMS).length,
    coveredTeams: result.teams.filter((t) => t.team !== OTHER_TEAMS && t.keyUsers > 0).length,
    minutesSaved: result.teams.reduce((n, t) => n + t.minutesSaved, 0)
  };
}
