// Shared helpers for custom labels: placeholders ("{0} of {1} shown"), singular and plural forms chosen
// by count, and numbers and dates written in the user's locale.
import LOCALE from '@salesforce/i18n/locale';
import { MS_PER_DAY, dayNumber } from 'c/waveReadiness';

/**
 * Replaces {0}, {1}… in a label with the values at those positions.
 * @param label a custom label value
 * @param values the values of the placeholders, in order
 * @returns the label with every placeholder that has a value replaced; the others are kept as they are
 */
export function formatLabel(label: string, ...values: Array<string | number>): string {
  return label.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** The two forms of a counted label: `one` for a singular count (1 in English; 0 and 1 in French). */
export interface PluralLabels {
  one: string;
  other: string;
}

/**
 * Picks the singular or plural label for a count by the plural rules of a locale, then fills its
 * placeholders.
 * @param count the number the label counts
 * @param labels the singular (`one`) and plural (`other`) labels
 * @param values the values of the placeholders; the count alone, written by `formatNumber`, when none is given
 * @param locale a BCP 47 locale; the user's locale when omitted
 * @returns the chosen label with its placeholders replaced
 */
export function formatPlural(
  count: number,
  labels: PluralLabels,
  values?: Array<string | number>,
  locale: string = LOCALE
): string {
  let form: Intl.LDMLPluralRule;
  try {
    form = new Intl.PluralRules(locale || 'en-US').select(count);
  } catch {
    form = new Intl.PluralRules('en-US').select(count);
  }
  return formatLabel(
    form === 'one' ? labels.one : labels.other,
    ...(values ?? [formatNumber(count, 1, locale)])
  );
}

/**
 * Writes a number as a person of a locale reads it (Intl.NumberFormat): "84,5" and "1 234" (narrow
 * no-break space) in fr-FR, "84.5" and "1,234" in en-US. Every number shown to users goes through here or
 * another Intl formatter, never String(n).
 * @param value the number
 * @param maximumFractionDigits the most decimals kept (rounded half away from zero); 1 when omitted
 * @param locale a BCP 47 locale; the user's locale when omitted, en-US when the locale is not valid
 * @returns the formatted number
 */
export function formatNumber(value: number, maximumFractionDigits = 1, locale: string = LOCALE): string {
  try {
    return new Intl.NumberFormat(locale || 'en-US', { maximumFractionDigits }).format(value);
  } catch {
    return new Intl.NumberFormat('en-US', { maximumFractionDigits }).format(value);
  }
}

/**
 * Counted sentences joined by a space: the first always, the others only when their count is not zero
 * ("1 row ready to import." rather than "…; 0 rows with errors…"). Each sentence is a label with its
 * singular and plural forms, chosen by `formatPlural`.
 * @param first the main count and its labels, shown even when zero
 * @param others further counts and their labels, left out when zero
 * @returns the sentences, each ending as its label does
 */
export function formatCounts(
  first: [number, PluralLabels],
  ...others: Array<[number, PluralLabels]>
): string {
  return [first, ...others.filter(([count]) => count !== 0)]
    .map(([count, labels]) => formatPlural(count, labels))
    .join(' ');
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes a date (`yyyy-mm-dd`, or an ISO date-time) as a person of a locale reads it, with the month
 * spelled out: "November 16, 2026" in en-US, "16 novembre 2026" in fr-FR. A date without a time is
 * written as that calendar day, whatever the time zone. French writes the first of a month as an
 * ordinal, "1er janvier 2026", where Intl writes "1" (Académie française, "Dates"; the sync's report does
 * the same in scripts/sync/report/format.ts): every French locale (fr-FR, fr-CA…) does.
 * @param value an ISO date or date-time
 * @param locale a BCP 47 locale; the user's locale when omitted
 * @returns the formatted date; the value itself when it is not a date, '' when empty
 */
export function formatDate(value: string | null | undefined, locale: string = LOCALE): string {
  if (!value) {
    return '';
  }
  const dateOnly = DATE_ONLY.test(value);
  // a date without a time is read by the one date rule (c/waveReadiness's calendarDays, the sync's too):
  // a day the calendar has not (2026-02-30) is shown as written, not as 2 March
  const date = dateOnly ? new Date(dayNumber(value) * MS_PER_DAY) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
  if (dateOnly) {
    options.timeZone = 'UTC';
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale || 'en-US', options);
  } catch {
    format = new Intl.DateTimeFormat('en-US', options);
  }
  const ordinalFirst = format.resolvedOptions().locale.split('-')[0] === 'fr';
  return format
    .formatToParts(date)
    .map((part) => (ordinalFirst && part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value))
    .join('');
}
