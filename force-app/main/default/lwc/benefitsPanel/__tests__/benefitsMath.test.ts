import {
  type BenefitRule,
  type PeriodSnapshot,
  benefitBreakdown,
  benefitFigures,
  formatDuration
} from '../benefitsMath';
import { type ActivityCounts, minutesSaved } from 'c/completenessScoring';

const NONE: ActivityCounts = { created: 0, updated: 0, tasks: 0, events: 0, activeDays: 0 };

/** A snapshot whose only activity is `tasks` tasks logged (1 minute each with TASKS). */
function tasks(periodStart: string, count: number): PeriodSnapshot {
  return { periodStart, counts: { ...NONE, tasks: count, activeDays: count > 0 ? 1 : 0 } };
}

/** One minute per task: a snapshot's minutes are its task count. */
const TASKS: BenefitRule[] = [{ name: 'Calls_Logged_Once', activity: 'Task_Logged', minutesPerUnit: 1 }];

/** The shipped rules' activities, with their shipped minutes per unit. */
const RULES: BenefitRule[] = [
  { name: 'Calls_Logged_Once', activity: 'Task_Logged', minutesPerUnit: 3 },
  { name: 'Meetings_In_One_Place', activity: 'Event_Logged', minutesPerUnit: 4 },
  { name: 'No_Excel_Reporting', activity: 'Report_Replaced', minutesPerUnit: 45 },
  { name: 'One_Shared_Process', activity: 'Record_Updated', minutesPerUnit: 1 },
  { name: 'No_Status_Emails', activity: 'Active_Day', minutesPerUnit: 5 },
  { name: 'Todays_Actions_In_One_List', activity: 'Active_Day', minutesPerUnit: 10 },
  { name: 'Typed_Once', activity: 'Record_Created', minutesPerUnit: 2.5 }
];

const WEEK: PeriodSnapshot = {
  periodStart: '2026-11-16',
  counts: { created: 7, updated: 31, tasks: 12, events: 5, activeDays: 4 }
};

describe('benefitBreakdown', () => {
  it('lists units × minutes per rule and sums them to the sync kernel’s minutes saved', () => {
    const breakdown = benefitBreakdown(RULES, [WEEK]);
    expect(breakdown.lines).toEqual([
      { rule: 'Calls_Logged_Once', units: 12, minutesPerUnit: 3, minutes: 36 },
      { rule: 'Meetings_In_One_Place', units: 5, minutesPerUnit: 4, minutes: 20 },
      { rule: 'No_Excel_Reporting', units: 1, minutesPerUnit: 45, minutes: 45 },
      { rule: 'One_Shared_Process', units: 31, minutesPerUnit: 1, minutes: 31 },
      { rule: 'No_Status_Emails', units: 4, minutesPerUnit: 5, minutes: 20 },
      { rule: 'Todays_Actions_In_One_List', units: 4, minutesPerUnit: 10, minutes: 40 },
      { rule: 'Typed_Once', units: 7, minutesPerUnit: 2.5, minutes: 17.5 }
    ]);
    expect(breakdown.total).toBe(209.5);
    // the same figure as the sync's users stage computes for Minutes_Saved__c
    const kernelRules = RULES.map((r) => ({
      activity: r.activity as Parameters<typeof minutesSaved>[0][number]['activity'],
      minutesPerUnit: r.minutesPerUnit ?? 0,
      active: true
    }));
    expect(breakdown.total).toBe(minutesSaved(kernelRules, WEEK.counts));
  });

  it('counts a replaced report once per snapshot with activity, and skips unknown activities', () => {
    const days = [tasks('2026-11-16', 2), tasks('2026-11-17', 0), tasks('2026-11-18', 1)];
    const breakdown = benefitBreakdown(
      [
        { name: 'Report', activity: 'Report_Replaced', minutesPerUnit: 10 },
        { name: 'Unknown', activity: 'Coffee_Drunk', minutesPerUnit: 99 },
        { name: 'Blank', activity: 'Task_Logged', minutesPerUnit: null }
      ],
      days
    );
    expect(breakdown.lines).toEqual([
      { rule: 'Report', units: 2, minutesPerUnit: 10, minutes: 20 },
      { rule: 'Blank', units: 3, minutesPerUnit: 0, minutes: 0 }
    ]);
    expect(breakdown.total).toBe(20);
  });
});

describe('benefitFigures', () => {
  it('breaks the headline down: the lines of "How is this calculated?" sum to the week shown', () => {
    const figures = benefitFigures(
      [WEEK, { ...WEEK, periodStart: '2026-11-09', counts: { ...WEEK.counts, tasks: 2 } }],
      RULES,
      '2026-11-23'
    );
    expect(figures?.latestStart).toBe('2026-11-16');
    const lines = figures?.breakdown.lines ?? [];
    expect(lines.length).toBe(RULES.length);
    expect(lines.reduce((sum, line) => sum + line.units * line.minutesPerUnit, 0)).toBe(figures?.latest);
    expect(figures?.latest).toBe(209.5);
    // the week before: 10 tasks fewer at 3 minutes
    expect(figures?.previous).toBe(179.5);
  });

  it('takes the latest week, the week before and the weeks of the month', () => {
    const figures = benefitFigures(
      [tasks('2026-11-09', 120), tasks('2026-11-16', 150), tasks('2026-11-02', 90), tasks('2026-10-26', 60)],
      TASKS,
      '2026-11-23',
      'Week'
    );
    expect(figures).toMatchObject({
      unit: 'week',
      latest: 150,
      latestStart: '2026-11-16',
      previous: 120,
      thisMonth: 360,
      trend: 30,
      trendPercent: 25,
      // no go-live known: since the first snapshot kept
      cumulative: 420,
      cumulativeSince: '2026-10-26',
      sinceGoLive: false
    });
  });

  it('counts since the go-live of the rep’s wave when the snapshots reach back to it', () => {
    const snapshots = [tasks('2026-10-19', 5), tasks('2026-10-26', 60), tasks('2026-11-16', 150)];
    // go-live on a Wednesday: its week (from Monday 26 October) counts, the week before does not
    expect(benefitFigures(snapshots, TASKS, '2026-11-23', 'Week', '2026-10-28')).toMatchObject({
      cumulative: 210,
      cumulativeSince: '2026-10-28',
      sinceGoLive: true
    });
    // the go-live is older than every snapshot kept (retention, or the rep started later): say so
    expect(benefitFigures(snapshots, TASKS, '2026-11-23', 'Week', '2026-03-02')).toMatchObject({
      cumulative: 215,
      cumulativeSince: '2026-10-19',
      sinceGoLive: false
    });
  });

  it('has no trend without the previous week, and nothing when the latest week is old', () => {
    expect(benefitFigures([tasks('2026-11-16', 10)], TASKS, '2026-11-23')?.trend).toBeNull();
    expect(benefitFigures([tasks('2026-10-01', 10)], TASKS, '2026-11-23')).toBeNull();
    expect(benefitFigures([], TASKS, '2026-11-23')).toBeNull();
  });

  it('gives no percentage against a week at zero', () => {
    const figures = benefitFigures([tasks('2026-11-16', 40), tasks('2026-11-09', 0)], TASKS, '2026-11-23');
    expect(figures?.trend).toBe(40);
    expect(figures?.trendPercent).toBeNull();
  });

  it('sums daily snapshots by week (Monday to Sunday) and by month', () => {
    const figures = benefitFigures(
      [
        // Monday 23 and Tuesday 24 November: the current week so far
        tasks('2026-11-23', 20),
        tasks('2026-11-24', 15),
        // the week of Monday 16 November
        tasks('2026-11-16', 10),
        tasks('2026-11-22', 5),
        // October: not this month
        tasks('2026-10-31', 99)
      ],
      TASKS,
      '2026-11-24',
      'Day',
      '2026-10-31'
    );
    expect(figures).toMatchObject({
      unit: 'week',
      latest: 35,
      latestStart: '2026-11-23',
      previous: 15,
      thisMonth: 50,
      trend: 20,
      trendPercent: 133,
      cumulative: 149,
      sinceGoLive: true
    });
    expect(figures?.breakdown.lines).toEqual([
      { rule: 'Calls_Logged_Once', units: 35, minutesPerUnit: 1, minutes: 35 }
    ]);
  });

  it('compares monthly snapshots month with month', () => {
    const figures = benefitFigures(
      [tasks('2026-10-01', 400), tasks('2026-11-01', 300), tasks('2026-09-01', 100)],
      TASKS,
      '2026-11-23',
      'Month'
    );
    expect(figures).toMatchObject({
      unit: 'month',
      latest: 300,
      latestStart: '2026-11-01',
      previous: 400,
      thisMonth: 300,
      trend: -100,
      trendPercent: -25,
      cumulative: 800
    });
    // last month's snapshot is still recent while this month's is not measured yet
    expect(benefitFigures([tasks('2026-10-01', 5)], TASKS, '2026-11-23', 'Month')?.latest).toBe(5);
    expect(benefitFigures([tasks('2026-08-01', 5)], TASKS, '2026-11-23', 'Month')).toBeNull();
  });
});

describe('formatDuration', () => {
  const en = { hours: '{0} h', minutes: '{0} min', hoursMinutes: '{0} h {1} min' };
  const fr = { hours: '{0} h', minutes: '{0} min', hoursMinutes: '{0} h {1}' };

  it('writes minutes under an hour, hours and minutes under 10 h, whole hours above, in English', () => {
    expect(formatDuration(45, en, 'en-US')).toBe('45 min');
    expect(formatDuration(150, en, 'en-US')).toBe('2 h 30 min');
    expect(formatDuration(205, en, 'en-US')).toBe('3 h 25 min');
    expect(formatDuration(185, en, 'en-US')).toBe('3 h 05 min');
    expect(formatDuration(180, en, 'en-US')).toBe('3 h');
    expect(formatDuration(599.6, en, 'en-US')).toBe('10 h');
    expect(formatDuration(3830, en, 'en-US')).toBe('64 h');
    expect(formatDuration(74040, en, 'en-US')).toBe('1,234 h');
    expect(formatDuration(-5, en, 'en-US')).toBe('0 min');
    expect(formatDuration(Number.NaN, en, 'en-US')).toBe('0 min');
  });

  it('writes "3 h 25" in French, never "3,4 h", and thousands with the narrow no-break space', () => {
    expect(formatDuration(205, fr, 'fr-FR')).toBe('3 h 25');
    expect(formatDuration(185, fr, 'fr-FR')).toBe('3 h 05');
    expect(formatDuration(150, fr, 'fr-FR')).toBe('2 h 30');
    expect(formatDuration(3830, fr, 'fr-FR')).toBe('64 h');
    // U+202F NARROW NO-BREAK SPACE between thousands, as Intl writes French
    expect(formatDuration(74040, fr, 'fr-FR')).toBe('1\u202f234 h');
  });
});
