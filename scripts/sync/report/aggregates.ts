// The opt-in export of a run's aggregates (--aggregates-out): per object and per team, never per person.
// The full result (result.json, index.html, --json) names people with their engagement and last login:
// it stays where the sync runs. This is what may leave it, e.g. as a CI artifact (README "What data
// leaves the org").

import type { SyncResult } from '../engine/result';

/**
 * Teams with fewer users than this are left out of the aggregates: a team of one or two is a person.
 * (The same threshold idea as the "no named ranking" rule of the product: figures by group, not by person.)
 */
export const MIN_TEAM_USERS = 3;

export interface SyncAggregates {
  kind: 'aggregates';
  schemaVersion: number;
  generatedAt: string;
  period: SyncResult['period'];
  sourceKind: SyncResult['source']['kind'];
  teamField: string;
  objects: {
    name: string;
    records: number;
    excludedRecords: number;
    fields: SyncResult['objects'][number]['fields'];
    completeness: SyncResult['objects'][number]['completeness'];
    ruleFields: SyncResult['objects'][number]['ruleFields'];
    recordTypes: SyncResult['objects'][number]['recordTypes'];
    stages: SyncResult['objects'][number]['stages'];
    teams: SyncResult['objects'][number]['teams'];
  }[];
  teams: SyncResult['teams'];
  /** Teams left out because they have fewer than MIN_TEAM_USERS users. */
  teamsOmitted: number;
  snapshots: SyncResult['snapshots'];
  write?: {
    objects: { object: string; created: number; updated: number }[];
    failures: number;
    deleted: number;
  };
}

/** The aggregates of a run: no user, owner, excluded-user or champion row, no org user name, no key. */
export function aggregatesOf(result: SyncResult): SyncAggregates {
  const shown = new Set(result.teams.filter((t) => t.users >= MIN_TEAM_USERS).map((t) => t.team));
  return {
    kind: 'aggregates',
    schemaVersion: result.schemaVersion,
    generatedAt: result.generatedAt,
    period: result.period,
    sourceKind: result.source.kind,
    teamField: result.teamField,
    objects: result.objects.map((o) => ({
      name: o.name,
      records: o.records,
      excludedRecords: o.excludedRecords,
      fields: o.fields,
      completeness: o.completeness,
      ruleFields: o.ruleFields,
      recordTypes: o.recordTypes,
      stages: o.stages,
      teams: o.teams.filter((t) => shown.has(t.team))
    })),
    teams: result.teams.filter((t) => shown.has(t.team)),
    teamsOmitted: result.teams.length - shown.size,
    snapshots: result.snapshots,
    ...(result.write
      ? {
          write: {
            objects: result.write.objects,
            failures: result.write.failures.length,
            deleted: result.write.deleted
          }
        }
      : {})
  };
}
