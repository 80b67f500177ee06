// Builds the snapshot rows to write into the org from a sync result (docs/ARCHITECTURE.md).

import type { SyncResult } from '../engine/result';
import { completenessFieldKey, completenessTeamKey, teamSnapshotKey, userSnapshotKey } from './keys';
import { buildWaveSnapshots } from './wave-snapshots';
import type { CompletenessSnapshot, SnapshotSet, TeamAdoptionSnapshot, UserAdoptionSnapshot } from './types';

const pct = (ratio: number | null): number | null => (ratio === null ? null : Math.round(ratio * 1000) / 10);
const text80 = (value: string): string => (value.length > 80 ? value.slice(0, 80) : value);

export function buildSnapshots(result: SyncResult): SnapshotSet {
  const periodType = result.period.type;
  const periodStart = result.period.start;
  const user: UserAdoptionSnapshot[] = result.users.map((u) => {
    const key = userSnapshotKey(u.userId, periodType, periodStart);
    return {
      Snapshot_Key__c: key,
      Name: key,
      User__c: u.userId,
      Team__c: text80(u.team),
      Period_Type__c: periodType,
      Period_Start__c: periodStart,
      Records_Created__c: u.recordsCreated,
      Records_Updated__c: u.recordsUpdated,
      Tasks_Logged__c: u.tasksLogged,
      Events_Logged__c: u.eventsLogged,
      Records_Owned__c: u.recordsOwned,
      Last_Login__c: u.lastLogin,
      Active__c: u.active,
      Active_Days__c: u.activeDays,
      Engagement_Score__c: u.engagementScore,
      Completeness__c: pct(u.completeness),
      Minutes_Saved__c: u.minutesSaved,
      Is_Key_User__c: u.isKeyUser,
      Is_Sponsor__c: u.isSponsor
    };
  });
  const team: TeamAdoptionSnapshot[] = result.teams.map((t) => {
    const key = teamSnapshotKey(t.team, periodType, periodStart);
    return {
      Snapshot_Key__c: key,
      Name: key,
      Team__c: text80(t.team),
      Period_Type__c: periodType,
      Period_Start__c: periodStart,
      Users__c: t.users,
      Active_Users__c: t.activeUsers,
      Key_Users__c: t.keyUsers,
      Average_Engagement__c: t.averageEngagement,
      Minutes_Saved__c: t.minutesSaved,
      Records_Created__c: t.recordsCreated,
      Records_Updated__c: t.recordsUpdated
    };
  });
  const completeness: CompletenessSnapshot[] = [];
  for (const o of result.objects) {
    if (o.ruleFields.length === 0) continue;
    for (const t of o.teams) {
      const key = completenessTeamKey(o.name, t.team, periodType, periodStart);
      completeness.push({
        Snapshot_Key__c: key,
        Name: key,
        Scope__c: 'Team',
        Object_Name__c: o.name,
        Team__c: text80(t.team),
        Field_Name__c: null,
        Period_Type__c: periodType,
        Period_Start__c: periodStart,
        Records__c: t.records,
        Filled__c: null,
        Complete_Records__c: t.completeness.complete,
        Average_Completeness__c: pct(t.completeness.average)
      });
    }
    for (const f of o.ruleFields) {
      const key = completenessFieldKey(o.name, f.field, periodType, periodStart);
      completeness.push({
        Snapshot_Key__c: key,
        Name: key,
        Scope__c: 'Field',
        Object_Name__c: o.name,
        Team__c: null,
        Field_Name__c: f.field,
        Period_Type__c: periodType,
        Period_Start__c: periodStart,
        Records__c: f.records,
        Filled__c: f.filled,
        Complete_Records__c: null,
        Average_Completeness__c: null
      });
    }
  }
  return { periodType, periodStart, user, team, completeness, wave: buildWaveSnapshots(result) };
}
