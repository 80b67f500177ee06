// Calendar days: the one date rule of the components and the sync. A date is a day the Gregorian calendar
// has (2026-02-30, 2026-11-31 and 2026-13-01 are none): it is read, never rolled over to the next month.
// The sync imports this file by its path (scripts/sync/engine/periods.ts re-exports it for the whole sync),
// the components through c/waveReadiness, which re-exports it.
//
// Why it sits in waveReadiness's bundle: waveReadiness, itself shared with the sync, reads go-live and
// hypercare dates with it. On the platform a module of another bundle can only be imported as `c/name`,
// which Node cannot resolve, and a relative path outside the bundle does not deploy: the one file both
// reach must be inside the bundle of the shared module that needs it. Pure TypeScript, no imports.

/** Milliseconds in a UTC day. */
export const MS_PER_DAY = 86_400_000;

/**
 * Whether y-m-d is a day of the Gregorian calendar (2026-02-30, 2026-11-31 and 2026-13-01 are not). The one
 * rule of every date reader (dayNumber here, the sync's byte reader dayAt in csv/cells.ts).
 * @param y year (1 or more), m month 1–12, d day of the month
 */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  if (!(y > 0 && m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/**
 * Days since 1970-01-01 (UTC) of an ISO 8601 date or date-time ("2026-03-04", "2026-03-04T10:20:30.000Z";
 * a date-time with an offset is taken at its UTC instant). NaN when the text is no such date, and for a
 * day the calendar has not (isCalendarDay).
 */
export function dayNumber(text: string): number {
  if (text.length < 10) return Number.NaN;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (!isCalendarDay(y, m, d)) return Number.NaN;
  if (text.length > 10 && /[+-]\d{2}:?\d{2}$|Z$/.test(text) && !/Z$/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? Number.NaN : Math.floor(t / MS_PER_DAY);
  }
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** yyyy-mm-dd of a day number (days since 1970-01-01 UTC). */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whether `text` is exactly a yyyy-mm-dd date of the calendar (2026-02-30 and 2026-13-01 are not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = dayNumber(text);
  return !Number.isNaN(day) && isoDay(day) === text;
}

/**
 * yyyy-mm-dd of a date (or a date-time's day) plus `days` (negative for earlier), in UTC days so that
 * daylight saving time does not shift it; null when the date is blank or not a calendar day.
 */
export function addDays(date: string | null | undefined, days: number): string | null {
  const day = date ? dayNumber(date) : Number.NaN;
  return Number.isNaN(day) ? null : isoDay(day + days);
}

/**
 * yyyy-mm-dd of the calendar day an instant falls on in the running browser's time zone (a Date field's
 * value for "today": the user's day, not UTC's).
 * @param now the instant; the current one when omitted
 */
export function localDay(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}
