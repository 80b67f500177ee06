// Pure figures of the benefits panel, from the rep's snapshots of the configured period type.

import { addDays, daysBetween } from 'c/actionRanking';
import {
  type ActivityCounts,
  type BenefitActivity,
  BENEFIT_ACTIVITIES,
  isBenefitActivity
} from 'c/completenessScoring';

/** The values of Cockpit_Setting__mdt.Snapshot_Period__c (and of the snapshots' Period_Type__c). */
export type SnapshotPeriod = 'Day' | 'Week' | 'Month';

/** One User_Adoption_Snapshot__c of the rep, as the panel reads it. */
export interface PeriodSnapshot {
  /** Period_Start__c, `yyyy-mm-dd`. */
  periodStart: string;
  /** The activity the sync counted in the period (Records_Created__c, Tasks_Logged__c, Active_Days__c…). */
  counts: ActivityCounts;
}

/** One active Benefit_Rule__mdt, as BenefitsController.getBenefits() returns it. */
export interface BenefitRule {
  /** DeveloperName. */
  name: string;
  /** Activity__c; a rule with an activity the kernel does not know counts nothing, as in the sync. */
  activity: string | null;
  /** Minutes_Per_Unit__c; blank counts as 0. */
  minutesPerUnit: number | null;
}

/** One line of "How is this calculated?": units counted × minutes per unit = minutes. */
export interface BreakdownLine {
  /** DeveloperName of the rule. */
  rule: string;
  /** Units of the rule's activity counted in the snapshots (BENEFIT_ACTIVITIES, per snapshot, summed). */
  units: number;
  minutesPerUnit: number;
  /** units × minutesPerUnit, unrounded. */
  minutes: number;
}

/** The rep's minutes saved over some snapshots, rule by rule. */
export interface Breakdown {
  lines: BreakdownLine[];
  /** Σ lines' minutes, unrounded: the figure the panel shows for those snapshots. */
  total: number;
}

/**
 * Minutes saved over some snapshots, rule by rule: for each active rule, the units of its activity in
 * each snapshot (the kernel's BENEFIT_ACTIVITIES, the sync's own rule, so a Report_Replaced counts once
 * per snapshot with any activity) summed, × Minutes_Per_Unit__c. Every figure of the panel comes from
 * here, so "How is this calculated?" always adds up to the headline.
 * @param rules the active benefit rules, in display order
 * @param snapshots the snapshots counted
 * @returns one line per rule with a known activity, and their total
 */
export function benefitBreakdown(
  rules: readonly BenefitRule[],
  snapshots: readonly PeriodSnapshot[]
): Breakdown {
  const lines: BreakdownLine[] = [];
  let total = 0;
  for (const rule of rules) {
    if (!rule.activity || !isBenefitActivity(rule.activity)) continue;
    const activity: BenefitActivity = rule.activity;
    const units = snapshots.reduce((sum, s) => sum + BENEFIT_ACTIVITIES[activity].units(s.counts), 0);
    const minutesPerUnit = rule.minutesPerUnit ?? 0;
    const minutes = units * minutesPerUnit;
    lines.push({ rule: rule.name, units, minutesPerUnit, minutes });
    total += minutes;
  }
  return { lines, total };
}

/** What the panel shows. Every minute figure is a benefitBreakdown() total. */
export interface BenefitFigures {
  /**
   * What the figures are summed by: weeks for daily and weekly snapshots (days add up to their week),
   * months for monthly snapshots (a month cannot be split into weeks).
   */
  unit: 'week' | 'month';
  /** Minutes saved in the latest week (or month) measured. */
  latest: number;
  /** Start of that week (Monday) or month (the 1st). */
  latestStart: string;
  /** How `latest` was counted, rule by rule ("How is this calculated?"). */
  breakdown: Breakdown;
  /** Minutes saved in the week (or month) before it, or null when nothing was measured then. */
  previous: number | null;
  /** Minutes saved in the snapshots starting in today's calendar month. */
  thisMonth: number;
  /** latest − previous, or null when previous is unknown. */
  trend: number | null;
  /** Trend in percent of previous, or null when previous is unknown or 0. */
  trendPercent: number | null;
  /** Minutes saved in every snapshot kept from `cumulativeSince` on. */
  cumulative: number;
  /**
   * Where the cumulative figure starts: the go-live date when the snapshots reach back to it (its
   * period is kept), else the start of the earliest snapshot kept (the rep started later, or older
   * snapshots were deleted by User_Snapshot_Retention_Weeks__c).
   */
  cumulativeSince: string;
  /** Whether cumulativeSince is the go-live date. */
  sinceGoLive: boolean;
}

/** How old the latest week or month may be, in days, to count as recent (the sync may lag a period). */
const RECENT_DAYS: Record<BenefitFigures['unit'], number> = { week: 14, month: 62 };

/**
 * The period type from the setting, Week for anything else (blank or unknown: the setting's default).
 * @param value Snapshot_Period__c as BenefitsController returns it
 * @returns the period type
 */
export function toSnapshotPeriod(value: string | null | undefined): SnapshotPeriod {
  return value === 'Day' || value === 'Month' ? value : 'Week';
}

/** Monday of the week of a date (the sync's weeks start on Monday). */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

function monthStartOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function previousMonthStart(monthStart: string): string {
  return monthStartOf(addDays(monthStart, -1));
}

/** Start of the snapshot period (of a period type) that contains a date. */
function periodStartOf(date: string, period: SnapshotPeriod): string {
  if (period === 'Day') return date;
  return period === 'Week' ? mondayOf(date) : monthStartOf(date);
}

/**
 * Computes the figures from the rep's snapshots of one period type, with benefitBreakdown(). Daily and
 * weekly snapshots are summed by week (Monday to Sunday) and monthly ones by month, so the panel reads
 * the same for every Snapshot_Period__c. "Latest" is the latest week (month) measured when it started
 * less than 14 (62) days ago: the sync may not have measured the current one yet; otherwise nothing is
 * recent.
 * @param snapshots snapshots of the rep, any order, all of the given period type
 * @param rules the active benefit rules
 * @param today `yyyy-mm-dd`
 * @param period the period type of the snapshots
 * @param goLive the go-live date of the rep's wave (`yyyy-mm-dd`), or null when unknown
 * @returns the figures, or null when no recent snapshot exists
 */
export function benefitFigures(
  snapshots: readonly PeriodSnapshot[],
  rules: readonly BenefitRule[],
  today: string,
  period: SnapshotPeriod = 'Week',
  goLive: string | null = null
): BenefitFigures | null {
  const unit = period === 'Month' ? 'month' : 'week';
  const bucketOf = unit === 'month' ? monthStartOf : mondayOf;
  const buckets = new Map<string, PeriodSnapshot[]>();
  const thisMonth: PeriodSnapshot[] = [];
  const past = snapshots.filter((s) => s.periodStart && s.periodStart <= today);
  for (const snapshot of past) {
    const bucket = bucketOf(snapshot.periodStart);
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), snapshot]);
    if (snapshot.periodStart.slice(0, 7) === today.slice(0, 7)) thisMonth.push(snapshot);
  }
  const latestStart = [...buckets.keys()].sort().pop();
  if (!latestStart || daysBetween(latestStart, today) >= RECENT_DAYS[unit]) {
    return null;
  }
  const previousStart = unit === 'month' ? previousMonthStart(latestStart) : addDays(latestStart, -7);
  const breakdown = benefitBreakdown(rules, buckets.get(latestStart) ?? []);
  const latest = breakdown.total;
  const previousSnapshots = buckets.get(previousStart);
  const previous = previousSnapshots ? benefitBreakdown(rules, previousSnapshots).total : null;
  const trend = previous === null ? null : latest - previous;
  const trendPercent = previous ? Math.round(((latest - previous) / previous) * 100) : null;
  const earliest = past.map((s) => s.periodStart).sort()[0] ?? latestStart;
  // The go-live's own period counts (a week that went live on Wednesday starts on Monday).
  const sinceGoLive = goLive !== null && earliest <= periodStartOf(goLive, period);
  const cumulativeSince = sinceGoLive ? goLive : earliest;
  const from = periodStartOf(cumulativeSince, period);
  return {
    unit,
    latest,
    latestStart,
    breakdown,
    previous,
    thisMonth: benefitBreakdown(rules, thisMonth).total,
    trend,
    trendPercent,
    cumulative: benefitBreakdown(
      rules,
      past.filter((s) => s.periodStart >= from)
    ).total,
    cumulativeSince,
    sinceGoLive
  };
}

/**
 * The labels a duration is written with (custom labels): `{0} h`, `{0} min`, and hours with minutes,
 * `{0} h {1}` in French ("3 h 25") and `{0} h {1} min` in English.
 */
export interface DurationLabels {
  hours: string;
  minutes: string;
  hoursMinutes: string;
}

/**
 * Minutes saved as a person reads them: under an hour in minutes ("45 min"), under 10 h in hours and
 * minutes ("3 h 25", "3 h 25 min", or "3 h" on the hour; minutes on two digits as French writes
 * times), from 10 h on in whole hours ("64 h", never "3 830 min"), with the locale's digits and
 * thousands separators (Intl).
 * @param minutes minutes, 0 or more (rounded to the minute; negative or NaN counts as 0)
 * @param labels the hours, minutes and hours-with-minutes labels ({0} the hours, {1} the minutes)
 * @param locale a BCP 47 locale (the user's)
 */
export function formatDuration(minutes: number, labels: DurationLabels, locale: string): string {
  const value = Math.round(Math.max(0, minutes || 0));
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  if (value < 60) {
    return labels.minutes.replace('{0}', whole.format(value));
  }
  if (value < 600) {
    const hours = whole.format(Math.floor(value / 60));
    const rest = value % 60;
    if (rest === 0) {
      return labels.hours.replace('{0}', hours);
    }
    const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 }).format(rest);
    return labels.hoursMinutes.replace('{0}', hours).replace('{1}', twoDigits);
  }
  return labels.hours.replace('{0}', whole.format(value / 60));
}
