// Snapshot keys (Snapshot_Key__c, Text(80), external ID, unique, case-insensitive): stable, so a rerun for
// the same period updates; distinct for distinct teams, whatever their case or spacing.

import { createHash } from 'node:crypto';
import type { PeriodType } from './types';

const MAX_KEY = 80;

/** W, D or M. */
export function periodLetter(period: PeriodType): 'W' | 'D' | 'M' {
  return period === 'Day' ? 'D' : period === 'Month' ? 'M' : 'W';
}

/** A 10-hex-digit digest (40 bits) of the exact text of the key's parts. */
function digest(parts: readonly string[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 10);
}

/**
 * A team name as a key part. Snapshot_Key__c is a case-insensitive unique external id, and names
 * such as "Sales North", "SALES NORTH", "Sales_North" and "Sales  North" are different teams: a name
 * written only in lower-case letters, digits, "." and "-" is its own key part; any other name gets
 * "~" and a digest of its exact text after its readable form (spaces as "_"). Distinct names give keys
 * that differ case-insensitively (the plain form never holds "~"; digests differ), the same name always
 * gives the same key.
 */
export function teamKeyPart(team: string): string {
  if (/^[a-z0-9.-]+$/.test(team)) return team;
  return `${team.replace(/\s+/g, '_')}~${digest([team])}`;
}

/** Joins the parts; when the whole key would pass 80 characters, keeps a head and a digest of every part. */
function fit(prefix: string, parts: readonly string[], suffix: string): string {
  const key = `${prefix}-${parts.join('-')}-${suffix}`;
  if (key.length <= MAX_KEY) return key;
  const hash = digest(parts);
  const room = MAX_KEY - prefix.length - suffix.length - hash.length - 3;
  const head = parts.join('-').slice(0, Math.max(0, room));
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
  return fit('T', [teamKeyPart(team)], `${periodLetter(period)}-${periodStart}`);
}

export function completenessTeamKey(
  object: string,
  team: string,
  period: PeriodType,
  periodStart: string
): string {
  return fit('C-T', [object, teamKeyPart(team)], `${periodLetter(period)}-${periodStart}`);
}

export function completenessFieldKey(
  object: string,
  field: string,
  period: PeriodType,
  periodStart: string
): string {
  return fit('C-F', [object, field], `${periodLetter(period)}-${periodStart}`);
}
