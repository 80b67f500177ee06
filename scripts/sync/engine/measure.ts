// The measurement engine: a short orchestrator over stages with typed hand-offs (docs/ARCHITECTURE.md,
// "The sync's stages"). One streaming pass per object over a RecordSource; memory is flat in the number
// of records: aggregates are per owner, per record type × stage, per user and per rule field.
//
//   plan      (stages/plan.ts)            rules, period, objects, describes, rule fields checked
//   users     (stages/users.ts)           users and exclusions → Population
//   objects   (stages/object-measure.ts)  per object: counts, scores, roll-ups → ObjectResult
//   activity  (stages/activity.ts)        ActivityLedger fed by the object pass, Task/Event, key users
//   users     (stages/users.ts)           engagement, minutes saved, champions → UserResult[]
//   roll-ups  (stages/rollups.ts)         teams, activity trend
//   waves     (waves.ts)                  roll-out waves against the measured users and objects
//   snapshots (stages/snapshots.ts)       snapshot rows and their counts

import { codeOf, warningOf, type SyncWarning, type WarningCode } from '../messages';
import type { ReadProgress, RecordSource, RuleSet } from '../sources/record-source';
import type { SnapshotSet } from '../snapshots/types';
import type { PeriodType } from '../snapshots/types';
import { isoDay, type UnreadableDates } from './periods';
import type { ObjectResult, SyncResult } from './result';
import { SCHEMA_VERSION } from './result';
import { ActivityLedger } from './stages/activity';
import { measureObject, warnNeededColumns, warnRowRules } from './stages/object-measure';
import { planRun } from './stages/plan';
import { activityTrend, teamResults } from './stages/rollups';
import { snapshotStage } from './stages/snapshots';
import { populationOfPeriod, readPopulation, readRoles, userResults } from './stages/users';
import { measureWaves } from './waves';
import { PerFileWarnings } from './per-file-warnings';

export interface MeasureOptions {
  /** --objects: every one must exist in the source (else SyncInputError). Default: DEFAULT_OBJECTS + rule objects. */
  objects?: readonly string[];
  /** User field giving the team; default: the Cockpit setting (UserRole.Name). */
  teamField?: string;
  /** Default: the Cockpit setting (Week). */
  periodType?: PeriodType;
  /**
   * yyyy-mm-dd; default the last day of the last complete period before today (UTC), or before the day a
   * Data Export was taken (stages/plan.ts defaultAsOf).
   */
  asOf?: string;
  /** Today (yyyy-mm-dd, UTC); default the clock's (the run's clock, injectable for tests). */
  today?: string;
  includeIntegrationUsers?: boolean;
  includeInactiveUsers?: boolean;
  /** Periods in the activity trend (default 12). */
  trendCount?: number;
  progress?: MeasureProgress;
  /** Rules already loaded (else source.loadRules()). */
  rules?: RuleSet;
  /**
   * Score every record in a per-record loop even when few rule fields let the groups score them by
   * pattern (same figures; for tests comparing both paths).
   */
  scoreEachRecord?: boolean;
}

export interface MeasureProgress extends ReadProgress {
  objectStart(object: string): void;
  objectEnd(object: string, records: number): void;
  warn(message: string): void;
}

/** A measured run: the result (with its snapshot counts) and the snapshot rows for the sink. */
export interface MeasuredRun {
  result: SyncResult;
  snapshots: SnapshotSet;
}

/** Measures every selected object and user activity; the result and the snapshot rows. */
export async function measureRun(source: RecordSource, options: MeasureOptions = {}): Promise<MeasuredRun> {
  const perFile = new PerFileWarnings();
  try {
    return await measureHolding(source, options, perFile);
  } catch (error) {
    // The run stops: its held per-file warnings still reach the console (a wrong encoding may explain why).
    for (const warning of perFile.release()) options.progress?.warn(warning.text);
    throw error;
  }
}

/** measureRun, holding the per-file warnings in `perFile` until every file is read (per-file-warnings.ts). */
async function measureHolding(
  source: RecordSource,
  options: MeasureOptions,
  perFile: PerFileWarnings
): Promise<MeasuredRun> {
  const started = Date.now();
  const { progress } = options;
  const warnings: string[] = [];
  const warningCodes: WarningCode[] = [];
  const say = (warning: SyncWarning): void => {
    warnings.push(warning.text);
    warningCodes.push(codeOf(warning));
    progress?.warn(warning.text);
  };
  const warn = (warning: SyncWarning): void => {
    if (!perFile.hold(warning)) say(warning);
  };
  // One rule for what cannot be measured: a warning in warnings[] (its code in warningCodes[]), on the
  // console and in the report.
  const drain = (): void => {
    for (const warning of source.warnings?.splice(0) ?? []) warn(warning);
  };
  drain();
  const plan = await planRun(source, options, warn);
  const { rules, period } = plan;
  for (const warning of rules.warnings ?? []) warn(warning);
  drain();
  const population = populationOfPeriod(
    await readPopulation(source, plan.teamField, rules.settings, options),
    period,
    warn
  );
  drain();
  const ledger = new ActivityLedger(
    population.included.map((u) => u.id),
    period
  );
  const context = {
    source,
    rules: rules.completeness,
    population,
    ledger,
    progress,
    scoreEachRecord: options.scoreEachRecord,
    warn,
    scoring: { placeholdersAsEmpty: rules.settings.placeholdersAsEmpty === true }
  };
  const objects: ObjectResult[] = [];
  for (const { name, describe } of plan.objects) {
    progress?.objectStart(name);
    const r = await measureObject(context, name, describe);
    warnUnreadableDates(warn, name, ledger.takeUnreadable());
    progress?.objectEnd(name, r.records);
    objects.push(r);
  }
  for (const name of plan.activityObjects) {
    progress?.objectStart(name);
    const activityOnly = await source.describe(name);
    if (activityOnly) warnNeededColumns(context, name, activityOnly, false);
    const records = await ledger.readActivityOnly(source, name, progress);
    warnUnreadableDates(warn, name, ledger.takeUnreadable());
    progress?.objectEnd(name, records);
    const read = ledger.rowRuleCounts.get(name);
    if (read) warnRowRules(context, name, read.describe, read.rules);
  }
  const roles = await readRoles(source, plan.available, period, warn);
  drain();
  const users = userResults(population, ledger, period, rules.settings, rules.benefits, roles);
  const measured: SyncResult = {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    asOf: period.asOf,
    source: { kind: source.kind, description: source.description },
    period: { type: period.type, start: isoDay(period.start), end: isoDay(period.end - 1) },
    teamField: plan.teamField,
    objects,
    users: users.users,
    teams: teamResults(users.users),
    championCandidates: users.champions,
    excludedUsers: population.excluded,
    activityTrend: activityTrend(population, ledger, period),
    snapshots: { user: 0, team: 0, completeness: 0 },
    warnings,
    warningCodes,
    placeholdersAsEmpty: rules.settings.placeholdersAsEmpty === true,
    elapsedMs: 0
  };
  const result: SyncResult = { ...measured, waves: await measureWaves(source, measured, warn, rules) };
  drain();
  // warnings and warningCodes are the result's own arrays: what is said now is in it.
  for (const warning of perFile.release()) say(warning);
  const snapshots = snapshotStage(result);
  return {
    result: { ...result, snapshots: snapshots.counts, elapsedMs: Date.now() - started },
    snapshots: snapshots.set
  };
}

/**
 * Says, per object and column, how many dates could not be read (their records' activity is not counted):
 * Excel saving a Data Export again writes "11/09/2026 10:13", which is 11 September or 9 November
 * depending on the computer's locale, so no such form is guessed.
 */
function warnUnreadableDates(
  warn: (warning: SyncWarning) => void,
  object: string,
  unreadable: readonly UnreadableDates[]
): void {
  for (const u of unreadable)
    warn(warningOf('sync.run', 'warning.UnreadableDates', [object, u.column, u.count, u.example]));
}

/** Measures every selected object and user activity (measureRun without the snapshot rows). */
export async function measure(source: RecordSource, options: MeasureOptions = {}): Promise<SyncResult> {
  return (await measureRun(source, options)).result;
}
