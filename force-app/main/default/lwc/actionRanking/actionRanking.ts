// Pure ranking of the rep's daily actions: no platform imports, so the component, its tests and the
// benchmark (scripts/bench/ranking-bench.ts) all run the same code. Its one import is the calendar-day
// rule every component and the sync share (c/waveReadiness; the bench resolves it by tsconfig.json paths).

import { dayNumber as calendarDayNumber } from 'c/waveReadiness';

/** The kinds of action the daily list shows, in the order of their filter buttons. */
export const ACTION_KINDS = [
  'task',
  'event',
  'opportunity',
  'lead',
  'acceptanceTest',
  'sponsorMessage',
  'missingFields'
] as const;

export type ActionKind = (typeof ACTION_KINDS)[number];

/** Why an item is on today's list. */
export type ActionReason =
  | 'overdue'
  | 'dueToday'
  | 'today'
  | 'pastClose'
  | 'quiet'
  | 'untouched'
  | 'toRun'
  | 'unread'
  | 'missingFields';

/** One thing the rep could do today, before ranking. Dates are ISO `yyyy-mm-dd` in the user's time zone. */
export interface ActionCandidate {
  /** Unique key of the item in the list (kind + record id). */
  key: string;
  kind: ActionKind;
  reason: ActionReason;
  recordId: string;
  objectApiName: string;
  title: string;
  /** Task due date, opportunity close date, event date, lead or test creation date. */
  dueDate?: string | null;
  /** Last activity (opportunities, leads): the quiet period counts from it. */
  lastActivityDate?: string | null;
  amount?: number | null;
  /** Probability (0-100) of an opportunity's stage: later stages are worth more attention. */
  probability?: number | null;
  stage?: string | null;
  /** Task priority as on the platform: High, Normal, Low. */
  priority?: string | null;
  /** Event start, ISO date-time; earlier meetings come first among events. */
  startDateTime?: string | null;
  /** Event end, ISO date-time: a meeting in progress stays pinned until then; after it, it is done. */
  endDateTime?: string | null;
  /** API names of the fields to fill (missing-fields items). */
  missingFields?: string[];
  /** Free text shown under the title (an account, a session, a stage). */
  detail?: string | null;
  /** A task's status API value before any action here: what "Undo" puts back after "complete". */
  status?: string | null;
}

/** A ranked action: the candidate plus what the ranking computed. */
export interface RankedAction extends ActionCandidate {
  score: number;
  /** Days past due (0 when due today or not dated). */
  daysOverdue: number;
  /** Days without activity (quiet opportunities, untouched leads), else 0. */
  daysQuiet: number;
}

export interface RankingOptions {
  /** Today in the user's time zone, `yyyy-mm-dd`. */
  today: string;
}

/** Base weight per reason: what kind of thing it is and how time-bound. */
const REASON_WEIGHT: Record<ActionReason, number> = {
  today: 60,
  overdue: 50,
  dueToday: 45,
  pastClose: 42,
  untouched: 36,
  toRun: 34,
  quiet: 30,
  unread: 26,
  missingFields: 20
};

const MAX_OVERDUE_DAYS_COUNTED = 30;
const MAX_QUIET_DAYS_COUNTED = 60;
const MS_PER_DAY = 86_400_000;

const dayNumberCache = new Map<string, number>();

/**
 * Converts an ISO date (or the date part of an ISO date-time, taken as written) to a day number, UTC-based
 * so that differences are whole days whatever the machine's time zone. The calendar rule is the shared one
 * (calendarDays.dayNumber): 2026-02-30 is no date, not 2 March. Cached: ranking asks for the same few dates.
 * @param isoDate `yyyy-mm-dd` or `yyyy-mm-ddThh:mm:ss…`
 * @returns the day number, or NaN when the text is not a date
 */
export function dayNumber(isoDate: string): number {
  const datePart = isoDate.length > 10 ? isoDate.slice(0, 10) : isoDate;
  const cached = dayNumberCache.get(datePart);
  if (cached !== undefined) {
    return cached;
  }
  const value = datePart.length === 10 ? calendarDayNumber(datePart) : Number.NaN;
  if (dayNumberCache.size > 5000) {
    dayNumberCache.clear();
  }
  dayNumberCache.set(datePart, value);
  return value;
}

/**
 * Whole days from `from` to `to` (positive when `to` is later).
 * @param from ISO date
 * @param to ISO date
 * @returns the number of days, 0 when either date is missing or invalid
 */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number {
  if (!from || !to) {
    return 0;
  }
  const diff = dayNumber(to) - dayNumber(from);
  return Number.isFinite(diff) ? Math.round(diff) : 0;
}

/**
 * Adds days to an ISO date.
 * @param isoDate `yyyy-mm-dd`
 * @param days days to add (may be negative)
 * @returns the new `yyyy-mm-dd`
 */
export function addDays(isoDate: string, days: number): string {
  const date = new Date((dayNumber(isoDate) + days) * MS_PER_DAY);
  return date.toISOString().slice(0, 10);
}

/**
 * Today's date in a time zone, `yyyy-mm-dd`.
 * @param timeZone an IANA time zone (the user's, from `@salesforce/i18n/timeZone`)
 * @param now the instant, for tests
 * @returns the ISO date
 */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit'
    }).formatToParts(now);
    const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

function priorityBonus(priority: string | null | undefined): number {
  if (priority === 'High') {
    return 12;
  }
  if (priority === 'Low') {
    return -4;
  }
  return 0;
}

function amountBonus(amount: number | null | undefined): number {
  // 1,000 → 6, 100,000 → 10, 10,000,000 → 14: a big deal matters, but never more than lateness.
  return amount && amount > 0 ? Math.min(16, Math.log10(amount + 1) * 2) : 0;
}

function eventBonus(startDateTime: string | null | undefined): number {
  if (!startDateTime) {
    return 0;
  }
  // Earlier meetings first: up to 5 points for a meeting at midnight, 0 at the end of the day.
  const time = startDateTime.length > 11 ? startDateTime.slice(11, 16) : '';
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return Number.isFinite(minutes) ? 5 * (1 - minutes / 1440) : 0;
}

/**
 * Scores one candidate: higher is more urgent.
 * @param candidate the item
 * @param today `yyyy-mm-dd`
 * @returns the ranked item
 */
export function scoreAction(candidate: ActionCandidate, today: string): RankedAction {
  const daysOverdue = candidate.dueDate ? Math.max(0, daysBetween(candidate.dueDate, today)) : 0;
  const quietReason = candidate.reason === 'quiet' || candidate.reason === 'untouched';
  const daysQuiet =
    quietReason && candidate.lastActivityDate
      ? Math.max(0, daysBetween(candidate.lastActivityDate, today))
      : 0;
  let score = REASON_WEIGHT[candidate.reason];
  if (candidate.reason === 'overdue' || candidate.reason === 'pastClose') {
    score += Math.min(daysOverdue, MAX_OVERDUE_DAYS_COUNTED) * 1.5;
  }
  if (quietReason) {
    score += Math.min(daysQuiet, MAX_QUIET_DAYS_COUNTED) * 0.3;
  }
  score += priorityBonus(candidate.priority);
  score += amountBonus(candidate.amount);
  if (typeof candidate.probability === 'number' && candidate.probability > 0) {
    score += Math.min(100, candidate.probability) / 10;
  }
  if (candidate.kind === 'event') {
    score += eventBonus(candidate.startDateTime);
  }
  if (candidate.kind === 'missingFields' && candidate.missingFields) {
    score += Math.min(candidate.missingFields.length, 5);
  }
  return { ...candidate, score: Math.round(score * 100) / 100, daysOverdue, daysQuiet };
}

function compareRanked(a: RankedAction, b: RankedAction): number {
  if (b.score !== a.score) {
    return b.score - a.score;
  }
  const dueA = a.dueDate ?? '9999-12-31';
  const dueB = b.dueDate ?? '9999-12-31';
  if (dueA !== dueB) {
    return dueA < dueB ? -1 : 1;
  }
  if (a.title !== b.title) {
    return a.title < b.title ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Ranks candidates by urgency: how overdue, then what is at stake (amount, stage, priority), then kind.
 * Deterministic: ties are broken by due date, title and key. Duplicate keys keep the first candidate.
 * @param candidates the items gathered for today
 * @param options today's date
 * @returns a new, sorted array
 */
export function rankActions(candidates: readonly ActionCandidate[], options: RankingOptions): RankedAction[] {
  const seen = new Set<string>();
  const ranked: RankedAction[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.key)) {
      continue;
    }
    seen.add(candidate.key);
    ranked.push(scoreAction(candidate, options.today));
  }
  return ranked.sort(compareRanked);
}

/**
 * Counts items per kind (every kind present, zero when none).
 * @param actions ranked or unranked items
 * @returns the count per kind
 */
export function countByKind(actions: readonly Pick<ActionCandidate, 'kind'>[]): Record<ActionKind, number> {
  const counts = Object.fromEntries(ACTION_KINDS.map((kind) => [kind, 0])) as Record<ActionKind, number>;
  for (const action of actions) {
    counts[action.kind] += 1;
  }
  return counts;
}

/** The groups of the daily list, in the order they are shown. */
export const ACTION_GROUPS = ['nextMeeting', 'overdue', 'today', 'tidyUp'] as const;

export type ActionGroup = (typeof ACTION_GROUPS)[number];

/** One reason a record is on the list, with the number it is about. */
export interface RowReason {
  reason: ActionReason;
  /** Days overdue (overdue, pastClose) or days without activity (quiet, untouched); else 0. */
  days: number;
  /** Fields to fill in (missingFields); else 0. */
  fieldCount: number;
}

/**
 * One row per record: the most urgent item of that record, with every reason it is listed for (an
 * opportunity past its close date and missing fields is one row with both reasons).
 */
export interface ActionRow extends RankedAction {
  /** Every reason, most urgent first (by REASON_WEIGHT), each once. */
  reasons: RowReason[];
  /** The keys of the candidates merged into the row (one per kind of item on the record). */
  keys: string[];
  /** The kinds of the candidates merged into the row: a filter by kind matches any of them. */
  kinds: ActionKind[];
}

/** Extra score per additional reason: a record listed for two reasons needs attention sooner. */
const EXTRA_REASON_BONUS = 2;

function rowReason(action: RankedAction): RowReason {
  const days =
    action.reason === 'overdue' || action.reason === 'pastClose'
      ? action.daysOverdue
      : action.reason === 'quiet' || action.reason === 'untouched'
        ? action.daysQuiet
        : 0;
  return { reason: action.reason, days, fieldCount: action.missingFields?.length ?? 0 };
}

/**
 * Merges ranked items into one row per record (same record id): the row takes the first item that is
 * not a missing-fields item (the record's own kind: task, opportunity…) as its primary, carries every
 * reason and the union of missing fields, and keeps the highest score plus a small bonus per extra
 * reason. Rows are sorted as rankActions sorts items.
 * @param ranked items as rankActions returns them (at most one per key)
 * @returns one row per record id
 */
export function mergeByRecord(ranked: readonly RankedAction[]): ActionRow[] {
  const byRecord = new Map<string, RankedAction[]>();
  for (const action of ranked) {
    const list = byRecord.get(action.recordId) ?? [];
    list.push(action);
    byRecord.set(action.recordId, list);
  }
  const rows: ActionRow[] = [];
  for (const items of byRecord.values()) {
    const primary = items.find((item) => item.kind !== 'missingFields') ?? (items[0] as RankedAction);
    const reasons = items
      .map(rowReason)
      .sort((a, b) => REASON_WEIGHT[b.reason] - REASON_WEIGHT[a.reason])
      .filter((r, index, all) => all.findIndex((o) => o.reason === r.reason) === index);
    const missing = [...new Set(items.flatMap((item) => item.missingFields ?? []))];
    const best = Math.max(...items.map((item) => item.score));
    rows.push({
      ...primary,
      score: Math.round((best + EXTRA_REASON_BONUS * (reasons.length - 1)) * 100) / 100,
      daysOverdue: Math.max(...items.map((item) => item.daysOverdue)),
      daysQuiet: Math.max(...items.map((item) => item.daysQuiet)),
      missingFields: missing.length > 0 ? missing : primary.missingFields,
      reasons,
      keys: items.map((item) => item.key),
      kinds: [...new Set(items.map((item) => item.kind))]
    });
  }
  return rows.sort(compareRanked) as ActionRow[];
}

/**
 * Whether a timed meeting is over at `now` (its end has passed); all-day events and events without an
 * end are never over.
 * @param row a row
 * @param now ISO date-time of now
 */
export function meetingEnded(row: Pick<ActionRow, 'kind' | 'endDateTime'>, now: string): boolean {
  return row.kind === 'event' && !!row.endDateTime && Date.parse(row.endDateTime) <= Date.parse(now);
}

/**
 * The meeting to pin on top: today's timed meeting in progress (started, not ended; the one ending first),
 * else the one that starts next (at or after `now`); none when every meeting of the day has ended, has
 * started without an end, or is all-day.
 * @param rows the merged rows
 * @param now ISO date-time of now
 * @returns the row, or undefined
 */
export function nextMeeting(rows: readonly ActionRow[], now: string): ActionRow | undefined {
  const at = Date.parse(now);
  let current: ActionRow | undefined;
  let next: ActionRow | undefined;
  for (const row of rows) {
    if (row.kind !== 'event' || !row.startDateTime) continue;
    const start = Date.parse(row.startDateTime);
    const end = row.endDateTime ? Date.parse(row.endDateTime) : Number.NaN;
    if (start < at && end > at) {
      if (!current || end < Date.parse(current.endDateTime as string)) current = row;
    } else if (start >= at && (!next || start < Date.parse(next.startDateTime as string))) {
      next = row;
    }
  }
  return current ?? next;
}

const OVERDUE_REASONS: ReadonlySet<ActionReason> = new Set(['overdue', 'pastClose']);
const TIDY_REASONS: ReadonlySet<ActionReason> = new Set(['quiet', 'missingFields']);

/**
 * The group of a row that is not the pinned meeting: overdue when any reason is late (a task past its
 * date, an opportunity past its close date); to tidy up when every reason is housekeeping (quiet,
 * missing fields); today otherwise (due today, meetings, new leads, tests, messages).
 * @param row a merged row
 * @returns its group
 */
export function groupOf(row: Pick<ActionRow, 'reasons'>): Exclude<ActionGroup, 'nextMeeting'> {
  if (row.reasons.some((r) => OVERDUE_REASONS.has(r.reason))) return 'overdue';
  if (row.reasons.every((r) => TIDY_REASONS.has(r.reason))) return 'tidyUp';
  return 'today';
}

/** Days a row is late: the most of its late reasons (OVERDUE_REASONS), 0 when none. */
function daysLate(row: Pick<ActionRow, 'reasons'>): number {
  return Math.max(0, ...row.reasons.filter((r) => OVERDUE_REASONS.has(r.reason)).map((r) => r.days));
}

/** A group of rows, in rank order (the overdue group: most days late first). */
export interface RowGroup {
  group: ActionGroup;
  rows: ActionRow[];
}

/**
 * Splits rows into the list's groups, in ACTION_GROUPS order, leaving out empty groups: the next
 * meeting first (pinned, or the one in progress), then overdue (most days late first), today and to tidy
 * up, each in rank order; meetings that have ended are left out.
 * @param rows merged rows, ranked
 * @param now ISO date-time of now (for the next meeting)
 * @returns the non-empty groups
 */
export function groupRows(rows: readonly ActionRow[], now: string): RowGroup[] {
  const pinned = nextMeeting(rows, now);
  const groups = new Map<ActionGroup, ActionRow[]>(ACTION_GROUPS.map((g) => [g, []]));
  // a meeting that has ended is nothing left to do today
  for (const row of rows.filter((item) => !meetingEnded(item, now))) {
    (groups.get(row === pinned ? 'nextMeeting' : groupOf(row)) as ActionRow[]).push(row);
  }
  // Overdue reads as a backlog: the most days late first (ties keep rank order: the sort is stable).
  (groups.get('overdue') as ActionRow[]).sort((a, b) => daysLate(b) - daysLate(a));
  return ACTION_GROUPS.filter((g) => (groups.get(g) as ActionRow[]).length > 0).map((group) => ({
    group,
    rows: groups.get(group) as ActionRow[]
  }));
}

/**
 * Counts rows per kind, a row counting for each kind merged into it (every kind present, zero when none).
 * @param rows merged rows
 * @returns the count per kind
 */
export function countRowsByKind(rows: readonly Pick<ActionRow, 'kinds'>[]): Record<ActionKind, number> {
  const counts = Object.fromEntries(ACTION_KINDS.map((kind) => [kind, 0])) as Record<ActionKind, number>;
  for (const row of rows) {
    for (const kind of row.kinds) counts[kind] += 1;
  }
  return counts;
}
