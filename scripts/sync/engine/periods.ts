// Periods in UTC days. A week starts on Monday (ISO 8601).

import type { PeriodType } from '../snapshots/types';

import {
  MS_PER_DAY as DAY,
  dayNumber,
  isCalendarDate,
  isCalendarDay,
  isoDay
} from '../../../force-app/main/default/lwc/waveReadiness/calendarDays.ts';

// The one date rule (a day the calendar has, never rolled over), shared with the components: it lives in
// lwc/waveReadiness/calendarDays.ts, the sync's readers take it from here (dayAt in csv/cells.ts too).
export { dayNumber, isCalendarDate, isCalendarDay, isoDay };

/**
 * Cells of a date column that hold text but no ISO 8601 date: counted, never guessed (Excel saving an export
 * again writes "11/09/2026 10:13", 11 September or 9 November depending on the computer's locale).
 */
export interface UnreadableDates {
  /** The column (field API name) as the file or the caller names it. */
  column: string;
  count: number;
  /** The first such value, for the warning. */
  example: string;
}

/**
 * The one date reader of what the sync reads from records (activity dates, the export's day, roll-out waves,
 * sponsor messages): dayNumber of a cell, and per column the non-blank cells it cannot read, for a warning
 * rather than a silent skip: each reader raises its own code (what those records lose) with the tokens
 * [object, column, count, example], as warning.UnreadableDates does. One instance per object read.
 */
export class DateReader {
  private unreadable: UnreadableDates[] = [];

  /** dayNumber(text); NaN when blank or unreadable, and a non-blank unreadable text is counted under column. */
  day(text: string, column: string): number {
    const day = dayNumber(text);
    if (day !== day) this.unread(text, column);
    return day;
  }

  /** Counts a text a faster reader (csv/cells.ts dayAt) found no date in, unless blank (no date is no error). */
  unread(text: string, column: string): void {
    if (text.trim() === '') return;
    const seen = this.unreadable.find((u) => u.column === column);
    if (seen) seen.count++;
    else this.unreadable.push({ column, count: 1, example: text });
  }

  /** The unreadable dates counted since the last call, by column; starts afresh. */
  take(): UnreadableDates[] {
    const out = this.unreadable;
    this.unreadable = [];
    return out;
  }
}

/** First day of the period holding `day`. */
export function periodStartDay(day: number, type: PeriodType): number {
  if (type === 'Day') return day;
  if (type === 'Week') {
    const weekday = (new Date(day * DAY).getUTCDay() + 6) % 7; // Monday = 0
    return day - weekday;
  }
  const date = new Date(day * DAY);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY);
}

/** First day after the period starting at `start`. */
export function periodEndDay(start: number, type: PeriodType): number {
  if (type === 'Day') return start + 1;
  if (type === 'Week') return start + 7;
  const date = new Date(start * DAY);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY);
}

/** Monday–Friday days in [start, end). */
export function workingDays(start: number, end: number): number {
  let n = 0;
  for (let d = start; d < end; d++) {
    const weekday = new Date(d * DAY).getUTCDay();
    if (weekday !== 0 && weekday !== 6) n++;
  }
  return Math.max(1, n);
}

/** The `count` periods ending with the one holding `asOfDay`, oldest first, as start days. */
export function trendPeriods(asOfDay: number, type: PeriodType, count: number): number[] {
  const starts: number[] = [];
  let start = periodStartDay(asOfDay, type);
  for (let i = 0; i < count; i++) {
    starts.unshift(start);
    start = periodStartDay(start - 1, type);
  }
  return starts;
}
