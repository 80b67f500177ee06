// Pure figures of the benefits panel, from the rep's snapshots of the configured period type.

import { addDays, daysBetween } from 'c/actionRanking';

/** The values of Cockpit_Setting__mdt.Snapshot_Period__c (and of the snapshots' Period_Type__c). */
export type SnapshotPeriod = 'Day' | 'Week' | 'Month';

/** One User_Adoption_Snapshot__c of the rep, as the panel reads it. */
export interface PeriodSnapshot {
  /** Period_Start__c, `yyyy-mm-dd`. */
  periodStart: string;
  minutesSaved: number;
}

/** What the panel shows. */
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
  /** Minutes saved in the week (or month) before it, or null when nothing was measured then. */
  previous: number | null;
  /** Sum of the snapshots starting in today's calendar month. */
  thisMonth: number;
  /** latest − previous, or null when previous is unknown. */
  trend: number | null;
  /** Trend in percent of previous, or null when previous is unknown or 0. */
  trendPercent: number | null;
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

/**
 * Computes the figures from the rep's snapshots of one period type. Daily and weekly snapshots are
 * summed by week (Monday to Sunday) and monthly ones by month, so the panel reads the same for every
 * Snapshot_Period__c. "Latest" is the latest week (month) measured when it started less than 14 (62)
 * days ago: the sync may not have measured the current one yet; otherwise nothing is recent.
 * @param snapshots snapshots of the rep, any order, all of the given period type
 * @param today `yyyy-mm-dd`
 * @param period the period type of the snapshots
 * @returns the figures, or null when no recent snapshot exists
 */
export function benefitFigures(
  snapshots: readonly PeriodSnapshot[],
  today: string,
  period: SnapshotPeriod = 'Week'
): BenefitFigures | null {
  const unit = period === 'Month' ? 'month' : 'week';
  const bucketOf = unit === 'month' ? monthStartOf : mondayOf;
  const sums = new Map<string, number>();
  let thisMonth = 0;
  for (const snapshot of snapshots) {
    if (!snapshot.periodStart || snapshot.periodStart > today) continue;
    const bucket = bucketOf(snapshot.periodStart);
    sums.set(bucket, (sums.get(bucket) ?? 0) + (snapshot.minutesSaved || 0));
    if (snapshot.periodStart.slice(0, 7) === today.slice(0, 7)) {
      thisMonth += snapshot.minutesSaved || 0;
    }
  }
  const latestStart = [...sums.keys()].sort().pop();
  if (!latestStart || daysBetween(latestStart, today) >= RECENT_DAYS[unit]) {
    return null;
  }
  const previousStart = unit === 'month' ? previousMonthStart(latestStart) : addDays(latestStart, -7);
  const latest = sums.get(latestStart) ?? 0;
  const previous = sums.get(previousStart) ?? null;
  const trend = previous === null ? null : latest - previous;
  const trendPercent = previous ? Math.round(((latest - previous) / previous) * 100) : null;
  return { unit, latest, latestStart, previous, thisMonth, trend, trendPercent };
}

/** The labels a duration is written with: `{0} h` and `{0} min` (custom labels). */
export interface DurationLabels {
  hours: string;
  minutes: string;
}

/**
 * Minutes saved as a person reads them: under an hour in minutes ("45 min"), from an hour on in hours,
 * with one decimal under 10 h ("2.5 h", "2,5 h") and whole hours above ("64 h", never "3 830 min"),
 * with the locale's decimal and thousands separators.
 * @param minutes whole minutes, 0 or more
 * @param labels the hours and minutes labels, each with a {0} placeholder
 * @param locale a BCP 47 locale (the user's)
 */
export function formatDuration(minutes: number, labels: DurationLabels, locale: string): string {
  const value = Math.max(0, minutes || 0);
  if (value < 60) {
    return labels.minutes.replace('{0}', new Intl.NumberFormat(locale).format(Math.round(value)));
  }
  const hours = value / 60;
  const digits = hours < 10 ? 1 : 0;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(hours);
  return labels.hours.replace('{0}', text);
}
