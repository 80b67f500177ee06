// Stage 1, plan: the rules and settings, the period measured, the objects (from --objects or the defaults
// plus every object with a completeness rule) and their describes, every rule field checked against them.

import {
  nameKey,
  sameName
} from '../../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { syncInputError } from '../../errors';
import { warningOf, type SyncWarning } from '../../messages';
import type {
  CompletenessRule,
  FieldDescribe,
  ObjectDescribe,
  RecordSource,
  RuleSet
} from '../../sources/record-source';
import type { PeriodType } from '../../snapshots/types';
import { periodPastExport } from '../../rules/export-day';
import type { ExportDay } from '../../rules/export-day';
import { dayNumber, isCalendarDate, isoDay, periodEndDay, periodStartDay, trendPeriods } from '../periods';

/** Objects measured when --objects is not given (plus every object with an active completeness rule). */
const DEFAULT_OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity'];
/** Objects read for activity (tasks and events logged) whether measured or not. */
const ACTIVITY_OBJECTS = ['Task', 'Event'];
/** Periods in the activity trend unless told otherwise. */
const DEFAULT_TREND_COUNT = 12;

/** The period measured and the trend periods before it; days are dayNumber()s (UTC days since 1970). */
export interface Period {
  type: PeriodType;
  /** yyyy-mm-dd the run measures. */
  asOf: string;
  /** First day of the period. */
  start: number;
  /** First day after the period. */
  end: number;
  /** First day of each trend period, oldest first; the last is `start`. */
  trendStarts: number[];
  /** Index in trendStarts of the period holding `day`, or -1 outside the trend. */
  trendIndex(day: number): number;
}

/** What the later stages work from. */
export interface RunPlan {
  rules: RuleSet;
  teamField: string;
  period: Period;
  /** Objects measured, as the source spells them, with their describes. */
  objects: { name: string; describe: ObjectDescribe }[];
  /** Task/Event when available and not measured: read for activity only. */
  activityObjects: string[];
  /** Every object of the source, by lower-case API name. */
  available: Map<string, string>;
}

export interface PlanOptions {
  objects?: readonly string[];
  teamField?: string;
  periodType?: PeriodType;
  asOf?: string;
  /** Today (yyyy-mm-dd, UTC); default the clock's. The run's clock, injectable for tests. */
  today?: string;
  trendCount?: number;
  rules?: RuleSet;
}

/** Builds the plan; throws SyncInputError for a bad date, an unknown object or a rule field it lacks. */
export async function planRun(
  source: RecordSource,
  options: PlanOptions,
  warn: (warning: SyncWarning) => void
): Promise<RunPlan> {
  let rules = options.rules ?? (await source.loadRules());
  const type = options.periodType ?? rules.settings.snapshotPeriod;
  const period = await periodOf(source, options, type, warn);
  const available = new Map((await source.listObjects()).map((o) => [nameKey(o), o]));
  const names = selectObjects(source, rules, options.objects, available, warn);
  const objects: RunPlan['objects'] = [];
  const skipped = new Set<CompletenessRule>();
  for (const name of names)
    objects.push({ name, describe: await describeWithRules(source, rules, name, skipped, warn) });
  if (skipped.size > 0) rules = { ...rules, completeness: rules.completeness.filter((r) => !skipped.has(r)) };
  const activityObjects = ACTIVITY_OBJECTS.filter(
    (o) => !names.some((n) => sameName(n, o)) && available.has(nameKey(o))
  ).map((o) => available.get(nameKey(o)) as string);
  return {
    rules,
    teamField: options.teamField ?? rules.settings.teamField,
    period,
    objects,
    activityObjects,
    available
  };
}

/**
 * The default --as-of: the last day of the last complete period before `today` (yyyy-mm-dd, UTC), so a
 * run on a Monday measures last week, not the week just begun (all zeros). --as-of still picks any day.
 */
export function lastCompletePeriodDay(today: string, type: PeriodType): string {
  return isoDay(periodStartDay(dayNumber(today), type) - 1);
}

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/**
 * The period measured: --as-of's, or the default (defaultAsOf). For a Data Export, an --as-of period that
 * reaches past the day the export was taken is said (its days after hold no data).
 */
async function periodOf(
  source: RecordSource,
  options: PlanOptions,
  type: PeriodType,
  warn: (warning: SyncWarning) => void
): Promise<Period> {
  const taken = await source.takenAt?.();
  const asOf = options.asOf ?? defaultAsOf(source, taken, options.today ?? todayUtc(), type, warn);
  const period = planPeriod(asOf, type, options.trendCount ?? DEFAULT_TREND_COUNT);
  const past = taken && periodPastExport(source.description, taken, period.start, period.end - 1);
  if (past) warn(past);
  return period;
}

/**
 * The day measured without --as-of: the last complete period before the source's moment. A live org is
 * read as of today; a Data Export is a snapshot of the day it was taken (`RecordSource.takenAt`, with its
 * evidence), so its default is the last complete period before that day, whatever today is (an export
 * measured weeks later still shows its last full week, not an empty week after it), with a warning when
 * that is not the last complete period before today, or when nothing dates the export.
 */
function defaultAsOf(
  source: RecordSource,
  taken: ExportDay | undefined,
  today: string,
  type: PeriodType,
  warn: (warning: SyncWarning) => void
): string {
  const fromToday = lastCompletePeriodDay(today, type);
  const startOf = (day: string): string => isoDay(periodStartDay(dayNumber(day), type));
  if (taken === undefined) {
    if (source.kind === 'export')
      warn(
        warningOf('sync.run', 'warning.NoExportDay', [
          source.description,
          type.toLowerCase(),
          startOf(fromToday),
          fromToday
        ])
      );
    return fromToday;
  }
  if (taken.day >= today) return fromToday;
  const asOf = lastCompletePeriodDay(taken.day, type);
  if (asOf !== fromToday) {
    warn(
      warningOf('sync.run', 'warning.ExportTakenBefore', [
        source.description,
        taken.day,
        taken.evidence,
        type.toLowerCase(),
        startOf(asOf),
        asOf,
        today
      ])
    );
  }
  return asOf;
}

function planPeriod(asOf: string, type: PeriodType, trendCount: number): Period {
  const asOfDay = dayNumber(asOf);
  if (!isCalendarDate(asOf.slice(0, 10))) {
    throw syncInputError('adoption.sync', 'BadDate', [asOf]);
  }
  const start = periodStartDay(asOfDay, type);
  const end = periodEndDay(start, type);
  const trendStarts = trendPeriods(asOfDay, type, trendCount);
  const first = trendStarts[0] as number;
  const trendIndex = (day: number): number => {
    if (!(day >= first) || day >= end) return -1;
    if (type === 'Day') return day - first;
    if (type === 'Week') return Math.floor((day - first) / 7);
    let i = trendStarts.length - 1;
    while (i > 0 && (trendStarts[i] as number) > day) i--;
    return i;
  };
  return { type, asOf, start, end, trendStarts, trendIndex };
}

function selectObjects(
  source: RecordSource,
  rules: RuleSet,
  requested: readonly string[] | undefined,
  available: Map<string, string>,
  warn: (warning: SyncWarning) => void
): string[] {
  const objects: string[] = [];
  if (requested && requested.length > 0) {
    for (const name of requested) {
      const found = available.get(nameKey(name));
      if (!found) {
        throw source.kind === 'export'
          ? syncInputError('sync.run', 'ObjectNotInExport', [name, source.description], [name])
          : syncInputError('sync.run', 'ObjectNotInOrg', [name, source.description]);
      }
      if (!objects.some((o) => sameName(o, found))) objects.push(displayName(found, name));
    }
    return objects;
  }
  const wanted = [...DEFAULT_OBJECTS];
  for (const rule of rules.completeness) {
    if (rule.active && !wanted.some((o) => sameName(o, rule.object))) wanted.push(rule.object);
  }
  for (const name of wanted) {
    const found = available.get(nameKey(name));
    // A file named in another letter case (account.csv) is shown by its API name's spelling.
    if (found) objects.push(displayName(found, name));
    else warn(warningOf('sync.run', 'warning.DefaultObjectMissing', [name, source.description]));
  }
  return objects;
}

/**
 * The object's describe; every active completeness rule on it must name one of its fields. Live, a rule on
 * a compound field (BillingAddress, a geolocation: `describe.compounds`) adds it to the fields measured,
 * through its components (sources/compound-fields.ts); any other missing field is bad input
 * (SyncInputError). In a Data Export it may be a field no export contains: Salesforce leaves formula and
 * roll-up summary fields out of every Data Export, and compound fields (addresses, geolocations) are
 * exported as their components only (Salesforce Help, "Export Backup Data from Salesforce"). Offline, such
 * a rule is skipped (added to `skipped`) with a warning saying why.
 */
async function describeWithRules(
  source: RecordSource,
  rules: RuleSet,
  object: string,
  skipped: Set<CompletenessRule>,
  warn: (warning: SyncWarning) => void
): Promise<ObjectDescribe> {
  let d = await source.describe(object);
  if (!d) throw syncInputError('sync.run', 'NoDescribe', [object, source.description]);
  const names = new Set(d.fields.map((f) => nameKey(f.name)));
  const own = rules.completeness.filter((rule) => rule.active && sameName(rule.object, object));
  for (const rule of own) {
    const compound: FieldDescribe | undefined = d.compounds?.find((c) => sameName(c.name, rule.field));
    if (!compound || names.has(nameKey(compound.name))) continue;
    d = { ...d, fields: [...d.fields, compound] }; // a copy: the source caches its describe
    names.add(nameKey(compound.name));
  }
  if (source.kind === 'export' && d.fields.length === 0) {
    // An empty file (0 bytes, no header): the source has said so once; no column is missing from a file
    // that has none, so its rules are left out without a warning each.
    for (const rule of own) skipped.add(rule);
    return d;
  }
  for (const rule of own) {
    if (names.has(nameKey(rule.field))) continue;
    if (source.kind === 'export') {
      skipped.add(rule);
      warn(
        warningOf('sync.run', 'warning.RuleSkippedOffline', [
          rule.name ?? `${rule.object}.${rule.field}`,
          object,
          rule.field
        ])
      );
      continue;
    }
    throw syncInputError(
      'sync.run',
      'RuleFieldMissing',
      [rule.name ?? '', rules.origin, rule.object, rule.field],
      [rule.name ? `Completeness_Rule.${rule.name}.md-meta.xml` : 'the rule']
    );
  }
  if (source.kind === 'export' && d.recordTypes.length === 0 && own.some((r) => r.recordTypes.length > 0)) {
    warn(warningOf('sync.run', 'warning.NoRecordTypes', [object, source.description, object]));
  }
  return d;
}

/** The spelling to show: as the source spells it, unless that is all one case and `asked` is not (account.csv). */
function displayName(found: string, asked: string): string {
  const oneCase = found === found.toLowerCase() || found === found.toUpperCase();
  return oneCase && asked !== asked.toLowerCase() && asked !== asked.toUpperCase() ? asked : found;
}
