/* eslint-disable @typescript-eslint/no-non-null-assertion -- trend arrays of the trend's length (noUncheckedIndexedAccess). */
// Stage, roll-ups: per team, the users' activity figures; per team and trend period, records created,
// tasks and events logged.

import { round } from '../distribution';
import { isoDay } from '../periods';
import type { SyncResult, TeamActivityResult, UserResult } from '../result';
import type { ActivityLedger, UserStats } from './activity';
import type { Period } from './plan';
import type { Population } from './users';
import { NO_TEAM } from './users';

/** Per team: users, active users, key users, average engagement, minutes saved, records created/updated. */
export function teamResults(users: readonly UserResult[]): TeamActivityResult[] {
  const teamMap = new Map<string, TeamActivityResult & { engagementSum: number }>();
  for (const u of users) {
    const t = teamMap.get(u.team) ?? {
      team: u.team,
      users: 0,
      activeUsers: 0,
      keyUsers: 0,
      averageEngagement: 0,
      minutesSaved: 0,
      recordsCreated: 0,
      recordsUpdated: 0,
      engagementSum: 0
    };
    t.users++;
    if (u.active) t.activeUsers++;
    if (u.isKeyUser) t.keyUsers++;
    t.engagementSum += u.engagementScore;
    t.minutesSaved += u.minutesSaved;
    t.recordsCreated += u.recordsCreated;
    t.recordsUpdated += u.recordsUpdated;
    teamMap.set(u.team, t);
  }
  return [...teamMap.values()]
    .map(({ engagementSum, ...t }) => ({
      ...t,
      averageEngagement: round(engagementSum / Math.max(1, t.users), 1)
    }))
    .sort((a, b) => a.team.localeCompare(b.team));
}

/** The activity trend: per team (sorted), records created, tasks and events per trend period. */
export function activityTrend(
  population: Population,
  ledger: ActivityLedger,
  period: Period
): SyncResult['activityTrend'] {
  const n = period.trendStarts.length;
  const trendTeams = new Map<
    string,
    { team: string; created: number[]; tasks: number[]; events: number[] }
  >();
  for (const u of population.included) {
    const team = u.team || NO_TEAM;
    const s = ledger.stats.get(u.id) as UserStats;
    const t = trendTeams.get(team) ?? {
      team,
      created: new Array<number>(n).fill(0),
      tasks: new Array<number>(n).fill(0),
      events: new Array<number>(n).fill(0)
    };
    for (let i = 0; i < n; i++) {
      t.created[i]! += s.trendCreated[i]!;
      t.tasks[i]! += s.trendTasks[i]!;
      t.events[i]! += s.trendEvents[i]!;
    }
    trendTeams.set(team, t);
  }
  return {
    periodStarts: period.trendStarts.map(isoDay),
    teams: [...trendTeams.values()].sort((a, b) => a.team.localeCompare(b.team))
  };
}
