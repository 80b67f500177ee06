// The figures a sponsor reads first: KPI tiles and one row per team (users, share active, trend of
// activity, completeness, key-user coverage), computed from a sync result. Pure: no formatting.

import type { SyncResult } from '../engine/result';

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
  teams: number;
  /** Teams with at least one key user. */
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

/** One row per team of `result.teams`, teams without a key user first, then by name. */
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
  return rows.sort((a, b) => Number(a.keyUsers > 0) - Number(b.keyUsers > 0) || a.team.localeCompare(b.team));
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
    teams: result.teams.length,
    coveredTeams: result.teams.filter((t) => t.keyUsers > 0).length,
    minutesSaved: result.teams.reduce((n, t) => n + t.minutesSaved, 0)
  };
}
