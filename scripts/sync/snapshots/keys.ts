// Snapshot keys (Snapshot_Key__c, Text(80), external ID): stable, so a rerun for the same period updates.

import { createHash } from 'node:crypto';
import type { PeriodType } from './types';

const MAX_KEY = 80;

/** W, D or M. */
export function periodLetter(period: PeriodType): 'W' | 'D' | 'M' {
  return period === 'Day' ? 'D' : period === 'Month' ? 'M' : 'W';
}

/** Makes a key part safe and short: spaces to _, and when the whole key would pass 80, a hash of it. */
function fit(prefix: string, parts: readonly string[], suffix: string): string {
  const clean = parts.map((p) => p.replace(/\s+/g, '_'));
  const key = `${prefix}-${clean.join('-')}-${suffix}`;
  if (key.length <= MAX_KEY) return key;
  const hash = createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 10);
  const room = MAX_KEY - prefix.length - suffix.length - hash.length - 4;
  const head = clean.join('-').slice(0, Math.max(0, room));
  return `${prefix}-${head}~${hash}-${suffix}`;
}

export function userSnapshotKey(userId: string, period: PeriodType, periodStart: string): string {
  return `U-${userId}-${periodLetter(period)}-${periodStart}`;
}

/** Wave_Snapshot__c key: the wave's record Id (15 or 18 characters) fits 80 with the period. */
export function waveSnapshotKey(waveId: string, period: PeriodType, periodStart: string): string {
  return `V-${waveId}-${periodLetter(period)}-${periodStart}`;
}

export function teamSnapshotKey(team: string, period: PeriodType, periodStart: string): string {
  return fit('T', [team], `${periodLetter(period)}-${periodStart}`);
}

export function completenessTeamKey(
  object: string,
  team: string,
  period: PeriodType,
  periodStart: string
): string {
  return fit('C-T', [object, team], `${periodLetter(period)}-${periodStart}`);
}

export function completenessFieldKey(
  object: string,
  field: string,
  period: PeriodType,
  periodStart: string
): string {
  return fit('C-F', [object, field], `${periodLetter(period)}-${periodStart}`);
}
