// Numbers, percentages, durations and dates in the report's language (Intl), and the colours of its
// charts: one colour-blind-safe sequential palette whose cell text always reaches WCAG AA contrast.

import { plural } from '../messages';

export type ReportLanguage = 'en' | 'fr';

const LOCALE: Record<ReportLanguage, string> = { en: 'en-GB', fr: 'fr-FR' };

/** Formatting functions bound to one language; every figure of the report goes through them. */
export interface Formatter {
  locale: string;
  /** An integer with the language's grouping separator: 12,345 / 12 345. */
  count(value: number): string;
  /** A ratio 0–1 as a whole percentage ("73 %" in French, "73%" in English); "–" for null. */
  percent(value: number | null): string;
  /** A signed change in percentage points, the unit agreeing with the number ("+4 pts", "−1 pt", "+1 pt" / "0 pt"). */
  points(value: number): string;
  /**
   * Minutes as hours, one unit for every figure so a column reads at a glance: whole hours from 10 h
   * ("64 h", "1,234 h" / "1 234 h"), one decimal under ("0.8 h" / "0,8 h"), "0 h" for none.
   */
  hours(minutes: number): string;
  /** An ISO date (yyyy-mm-dd) as a medium date ("23 Nov 2026", "23 nov. 2026", "1er déc. 2026"), read in UTC. */
  date(iso: string): string;
  /** An ISO date as day and month only, for chart axes ("23 Nov"). */
  dayMonth(iso: string): string;
  /** An ISO date-time as date and time in the formatter's time zone, the zone named ("CET", "UTC+1"). */
  dateTime(iso: string): string;
  /** A signed whole percentage with a true minus sign ("+12 %", "−4 %"), "–" for null. */
  signedPercent(value: number | null): string;
}

function utcDate(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

/**
 * An ISO 8601 date or date-time in the report's format; any other text is shown as it is, never guessed
 * (JavaScript's Date reads "11/09/2026" as 9 November) and never stopping the report.
 */
function dateText(format: Intl.DateTimeFormat, iso: string): string {
  const date = utcDate(iso);
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(iso) || Number.isNaN(date.getTime())) return iso;
  return format
    .formatToParts(date)
    .map((part) =>
      part.type === 'day' && ORDINAL_FIRST[format.resolvedOptions().locale]
        ? firstDay(part.value)
        : part.value
    )
    .join('');
}

/**
 * Locales that write the first day of a month as an ordinal: French, "1er décembre" (Académie française,
 * "Dates"; Lexique des règles typographiques en usage à l'Imprimerie nationale), where Intl writes "1".
 */
const ORDINAL_FIRST: Record<string, boolean> = { 'fr-FR': true };
const firstDay = (day: string): string => (Number(day) === 1 ? '1er' : day);

/** U+2212, the minus sign typography asks for (Intl writes the ASCII hyphen-minus in both locales). */
const MINUS = '\u2212';
const trueMinus = (text: string): string => text.replace(/-/g, MINUS);

/** The time zone of the machine that runs the sync (what the operator and sponsors expect to read). */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A formatter for `lang` (Intl; English uses the en-GB day-month order a European reader expects).
 * `timeZone`: an IANA zone for times of day (default: the machine's); calendar dates are read in UTC.
 */
export function formatter(lang: ReportLanguage, timeZone: string = localTimeZone()): Formatter {
  const locale = LOCALE[lang];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const medium = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const stamp = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short'
  });
  // The symbol "h" in both languages (SI; en-GB's Intl unit says "hrs"), held to its number by a no-break space.
  const hoursTenth = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero'
  });
  return {
    locale,
    count: (value) => integer.format(value),
    percent: (value) => (value === null || !Number.isFinite(value) ? '–' : percent.format(value)),
    points: (value) => {
      const whole = Math.round(value * 100);
      return `${trueMinus(signed.format(whole))}\u00a0${plural(locale, Math.abs(whole), 'pt', 'pts')}`;
    },
    hours: (minutes) => `${(minutes / 60 >= 10 ? integer : hoursTenth).format(minutes / 60)}\u00a0h`,
    date: (iso) => dateText(medium, iso),
    dayMonth: (iso) => dateText(short, iso),
    dateTime: (iso) => dateText(stamp, iso),
    signedPercent: (value) =>
      value === null || !Number.isFinite(value) ? '–' : trueMinus(signedPercent.format(value))
  };
}

/**
 * The sequential palette of the fill-rate and completeness charts, from low (light) to high (dark):
 * viridis (van der Walt and Smith, matplotlib) at 1.0, 0.9 … 0.1, perceptually uniform and readable
 * with the common colour-vision deficiencies. Ten steps of 10 points each, so that 62 % and 78 % do not
 * share a colour; viridis at 0 is left out (indistinguishable from 0.1 at cell size). Each step's text
 * (textOn) reaches 4.5:1.
 */
export const SEQUENTIAL = [
  '#fde725',
  '#bddf26',
  '#7ad151',
  '#44bf70',
  '#22a884',
  '#21918c',
  '#2a788e',
  '#355f8d',
  '#414487',
  '#482475'
] as const;

/** The palette step of a ratio 0–1: its 10-point bin (1 falls in the last step). */
export function step(ratio: number): number {
  const clamped = Math.max(0, Math.min(1, ratio));
  return Math.min(SEQUENTIAL.length - 1, Math.floor(clamped * SEQUENTIAL.length));
}

function channel(hex: string, offset: number): number {
  const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x definition). */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** Contrast ratio of two #rrggbb colours, 1–21 (WCAG 2.x). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const TEXT_DARK = '#181818';
export const TEXT_LIGHT = '#ffffff';

/** The text colour (near-black or white) with the higher contrast on `background`. */
export function textOn(background: string): string {
  return contrast(TEXT_DARK, background) >= contrast(TEXT_LIGHT, background) ? TEXT_DARK : TEXT_LIGHT;
}
