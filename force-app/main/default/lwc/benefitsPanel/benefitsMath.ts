// Pure figures of the benefits panel, from the rep's weekly snapshots (newest first).

import { addDays, daysBetween } from 'c/actionRanking';

/** One weekly User_Adoption_Snapshot__c of the rep, as the panel reads it. */
export interface WeekSnapshot {
  periodStart: string;
  minutesSaved: number;
}

/** What the panel shows. */
export interface BenefitFigures {
  /** Minutes saved in the latest week measured. */
  thisWeek: number;
  /** Start of that week. */
  thisWeekStart: string | null;
  /** Minutes saved in the week before it, or null when not measured. */
  lastWeek: number | null;
  /** Sum of the weeks starting in the current calendar month. */
  thisMonth: number;
  /** thisWeek − lastWeek, or null when last week is unknown. */
  trend: number | null;
  /** Trend in percent of last week, or null when last week is unknown or 0. */
  trendPercent: number | null;
}

/**
 * Computes the figures. "This week" is the latest week measured by the sync when it started less than
 * 14 days ago (the sync may not have measured the current week yet); otherwise nothing is recent.
 * @param snapshots weekly snapshots, any order
 * @param today `yyyy-mm-dd`
 * @returns the figures, or null when no recent snapshot exists
 */
export function benefitFigures(snapshots: readonly WeekSnapshot[], today: string): BenefitFigures | null {
  const sorted = [...snapshots]
    .filter((s) => s.periodStart && s.periodStart <= today)
    .sort((a, b) => (a.periodStart < b.periodStart ? 1 : a.periodStart > b.periodStart ? -1 : 0));
  const latest = sorted[0];
  if (!latest || daysBetween(latest.periodStart, today) >= 14) {
    return null;
  }
  const previousStart = addDays(latest.periodStart, -7);
  const previous = sorted.find((s) => s.periodStart === previousStart);
  const month = today.slice(0, 7);
  const thisMonth = sorted
    .filter((s) => s.periodStart.slice(0, 7) === month)
    .reduce((sum, s) => sum + (s.minutesSaved || 0), 0);
  const thisWeek = latest.minutesSaved || 0;
  const lastWeek = previous ? previous.minutesSaved || 0 : null;
  const trend = lastWeek === null ? null : thisWeek - lastWeek;
  const trendPercent = lastWeek ? Math.round(((thisWeek - lastWeek) / lastWeek) * 100) : null;
  return { thisWeek, thisWeekStart: latest.periodStart, lastWeek, thisMonth, trend, trendPercent };
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
