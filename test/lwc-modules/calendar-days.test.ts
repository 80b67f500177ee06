// The one date rule (force-app/main/default/lwc/waveReadiness/calendarDays.ts): the components (through
// c/waveReadiness, imported here by path as the sync does) and the sync (scripts/sync/engine/periods.ts)
// read a date with the same function, and a day the calendar has not is no date for either; the daily
// action list's ranking (c/actionRanking) reads dates by the same rule.
import {
  addDays,
  assessWave,
  dayNumber,
  dayOf,
  isCalendarDate,
  isoDay,
  localDay,
  phaseOf,
  type WaveInput
} from '../../force-app/main/default/lwc/waveReadiness/waveReadiness.ts';
import * as calendar from '../../force-app/main/default/lwc/waveReadiness/calendarDays.ts';
import * as periods from '../../scripts/sync/engine/periods.ts';
import * as ranking from '../../force-app/main/default/lwc/actionRanking/actionRanking.ts';

const wave = (goLiveDate: string | null, hypercareEndDate: string | null = null): WaveInput => ({
  goLiveDate,
  hypercareEndDate,
  teams: ['Sales'],
  ruleFieldCount: 1,
  sessions: [],
  trainings: [],
  keyUsers: [],
  measure: null
});

describe('calendarDays, the one date rule', () => {
  it('is the same function in the components and in the sync', () => {
    expect(periods.dayNumber).toBe(calendar.dayNumber);
    expect(periods.isCalendarDay).toBe(calendar.isCalendarDay);
    expect(periods.isoDay).toBe(calendar.isoDay);
    expect(dayNumber).toBe(calendar.dayNumber);
  });

  it.each(['2026-02-30', '2026-11-31', '2026-13-01', '2026-00-10', '2025-02-29'])(
    'refuses %s, a day the calendar has not, in the sync and in the wave rule',
    (text) => {
      expect(periods.dayNumber(text)).toBeNaN();
      expect(dayOf(text)).toBeNaN();
      expect(addDays(text, 1)).toBeNull();
      expect(isCalendarDate(text)).toBe(false);
      // The daily action list's ranking (its benefits panel too, through c/actionRanking).
      expect(ranking.dayNumber(text)).toBeNaN();
      expect(ranking.daysBetween('2026-01-01', text)).toBe(0);
    }
  );

  it('reads the days the calendar has alike in both', () => {
    for (const text of ['2024-02-29', '2026-02-28', '2026-11-30', '2026-12-31T23:59:59.000Z']) {
      expect(dayOf(text)).toBe(periods.dayNumber(text));
      expect(Number.isNaN(dayOf(text))).toBe(false);
    }
    for (const text of ['2024-02-29', '2026-11-30', '2026-12-31T23:59:59.000Z'])
      expect(ranking.dayNumber(text)).toBe(periods.dayNumber(text));
    expect(isoDay(dayOf('2024-02-29'))).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('gives a wave whose go-live is 2026-02-30 no go-live date, instead of 2 March', () => {
    const assessment = assessWave(wave('2026-02-30'), '2026-03-10');
    expect(assessment.day).toBeNull();
    expect(assessment.phase).toBe('Preparation');
    const goLive = assessment.gates.find((gate) => gate.id === 'goLive');
    expect(goLive?.blockers).toContainEqual({ kind: 'noGoLiveDate' });
    expect(goLive?.dueDate).toBeNull();
  });

  it('ends no hypercare on a day the calendar has not', () => {
    // 2026-11-31 would have been read as 1 December: Live on the 5th; unread, the wave stays in hypercare
    expect(phaseOf(wave('2026-11-02', '2026-11-31'), '2026-12-05')).toBe('Hypercare');
    expect(phaseOf(wave('2026-11-02', '2026-11-30'), '2026-12-05')).toBe('Live');
  });

  it('writes the local calendar day of an instant', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
