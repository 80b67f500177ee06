// Pure ranking of the rep's daily actions: no platform imports, so the component, its tests and the
// benchmark (scripts/bench/ranking-bench.ts) all run the same code.

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
  /** API names of the fields to fill (missing-fields items). */
  missingFields?: string[];
  /** Free text shown under the title (an account, a session, a stage). */
  detail?: string | null;
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
 * Converts an ISO date (or the date part of an ISO date-time) to a day number, UTC-based so that
 * differences are whole days whatever the machine's time zone.
 * @param isoDate `yyyy-mm-dd` or `yyyy-mm-ddThh:mm:ss…`
 * @returns the day number, or NaN when the text is not a date
 */
export function dayNumber(isoDate: string): number {
  const datePart = isoDate.length > 10 ? isoDate.slice(0, 10) : isoDate;
  const cached = dayNumberCache.get(datePart);
  if (cached !== undefined) {
    return cached;
  }
  const year = Number(datePart.slice(0, 4));
  const month = Number(datePart.slice(5, 7));
  const day = Number(datePart.slice(8, 10));
  const value =
    datePart.length === 10 && year > 0 && month > 0 && day > 0
      ? Date.UTC(year, month - 1, day) / MS_PER_DAY
      : Number.NaN;
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
