// The day a Data Export was taken, from the best evidence the export holds, and the checks of the
// period measured against it (issue 11, "the period"). Pure functions: the export source gathers the
// evidence, plan.ts decides and warns.

import { warningOf, type SyncWarning } from '../messages';
import { dayNumber, isCalendarDay, isoDay } from '../engine/periods';

/** A day (yyyy-mm-dd, UTC) and the evidence it comes from, in words a user reads in a warning. */
export interface ExportDay {
  day: string;
  evidence: string;
}

/**
 * The yyyy-mm-dd of an MS-DOS date as a zip's central directory stores it (bits 15-9: years since 1980,
 * 8-5: month, 4-0: day; PKWARE APPNOTE 4.4.6), or undefined for 0 or an impossible date (tools that write
 * no date leave 0).
 */
export function dosDay(date: number): string | undefined {
  const year = 1980 + (date >> 9);
  const month = (date >> 5) & 0x0f;
  const day = date & 0x1f;
  if (date === 0 || !isCalendarDay(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days a zip may be written after the latest change in its files and still date the export. */
const ZIP_AFTER_DATA_DAYS = 4;

/**
 * Which evidence dates the export. The zip's entries are written when Salesforce takes the export, so their
 * day is the export's; the files' latest CreatedDate/LastModifiedDate/SystemModstamp/LastLoginDate is never
 * after it but may be days before (an export taken on a Monday before anyone logs in). The zip's day wins
 * when it is at most ZIP_AFTER_DATA_DAYS after the data's (Friday to Monday, a public holiday; a zip much later was made again by someone: its
 * day says nothing about the data); the data's wins when it is later (a zip's local time vs UTC).
 * @returns undefined when there is no evidence at all
 */
export function chooseExportDay(
  zip: ExportDay | undefined,
  data: ExportDay | undefined
): ExportDay | undefined {
  if (!zip || !data) return zip ?? data;
  const gap = dayNumber(zip.day) - dayNumber(data.day);
  return gap >= 0 && gap <= ZIP_AFTER_DATA_DAYS ? zip : data;
}

/**
 * The warning for an --as-of period that reaches past the export's day: the days after it hold no data,
 * so activity is under-counted (zeros for a period wholly after it). undefined when the period ends on or
 * before the export's day.
 * @param lastDay the period's last day (dayNumber)
 */
export function periodPastExport(
  source: string,
  taken: ExportDay,
  periodStart: number,
  lastDay: number
): SyncWarning | undefined {
  const takenDay = dayNumber(taken.day);
  if (!(lastDay > takenDay)) return undefined;
  const key = periodStart > takenDay ? 'warning.PeriodAfterExport' : 'warning.PeriodPastExport';
  return warningOf('sync.run', key, [
    isoDay(periodStart),
    isoDay(lastDay),
    source,
    taken.day,
    taken.evidence,
    taken.day
  ]);
}
