import {
  ACTION_KINDS,
  type ActionCandidate,
  addDays,
  countByKind,
  dayNumber,
  daysBetween,
  rankActions,
  scoreAction,
  todayIn
} from 'c/actionRanking';

const TODAY = '2026-11-23';

function candidate(partial: Partial<ActionCandidate> & Pick<ActionCandidate, 'key'>): ActionCandidate {
  return {
    kind: 'task',
    reason: 'dueToday',
    recordId: partial.key,
    objectApiName: 'Task',
    title: partial.key,
    ...partial
  };
}

describe('c/actionRanking dates', () => {
  it('counts whole days between ISO dates and date-times', () => {
    expect(daysBetween('2026-11-20', TODAY)).toBe(3);
    expect(daysBetween('2026-11-20T23:59:00.000Z', TODAY)).toBe(3);
    expect(daysBetween(TODAY, '2026-11-20')).toBe(-3);
    expect(daysBetween(null, TODAY)).toBe(0);
    expect(daysBetween('not a date', TODAY)).toBe(0);
  });

  it('crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61);
  });

  it('returns NaN for text that is not a date', () => {
    expect(dayNumber('')).toBeNaN();
    expect(dayNumber('2026-xx-01')).toBeNaN();
  });

  it("computes today in the user's time zone", () => {
    const instant = new Date('2026-11-23T06:30:00.000Z');
    expect(todayIn('Europe/Paris', instant)).toBe('2026-11-23');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-22');
    expect(todayIn('Not/AZone', instant)).toBe('2026-11-23');
  });
});

describe('c/actionRanking rankActions', () => {
  it('puts the most overdue task before a task due today', () => {
    const ranked = rankActions(
      [
        candidate({ key: 'today', dueDate: TODAY }),
        candidate({ key: 'late2', reason: 'overdue', dueDate: '2026-11-21' }),
        candidate({ key: 'late10', reason: 'overdue', dueDate: '2026-11-13' })
      ],
      { today: TODAY }
    );
    expect(ranked.map((a) => a.key)).toEqual(['late10', 'late2', 'today']);
    expect(ranked[0]?.daysOverdue).toBe(10);
    expect(ranked[2]?.daysOverdue).toBe(0);
  });

  it('ranks a bigger, later-stage opportunity first at equal lateness', () => {
    const base = { kind: 'opportunity' as const, reason: 'pastClose' as const, dueDate: '2026-11-20' };
    const ranked = rankActions(
      [
        candidate({ ...base, key: 'small', amount: 1000, probability: 10 }),
        candidate({ ...base, key: 'big', amount: 250000, probability: 75 })
      ],
      { today: TODAY }
    );
    expect(ranked.map((a) => a.key)).toEqual(['big', 'small']);
  });

  it('lets lateness outweigh amount', () => {
    const ranked = rankActions(
      [
        candidate({
          key: 'huge',
          kind: 'opportunity',
          reason: 'pastClose',
          dueDate: '2026-11-22',
          amount: 10_000_000
        }),
        candidate({
          key: 'old',
          kind: 'opportunity',
          reason: 'pastClose',
          dueDate: '2026-10-01',
          amount: 500
        })
      ],
      { today: TODAY }
    );
    expect(ranked[0]?.key).toBe('old');
  });

  it('puts high-priority tasks above normal ones and earlier meetings first', () => {
    const ranked = rankActions(
      [
        candidate({ key: 'normal', dueDate: TODAY, priority: 'Normal' }),
        candidate({ key: 'high', dueDate: TODAY, priority: 'High' }),
        candidate({ key: 'pm', kind: 'event', reason: 'today', startDateTime: '2026-11-23T16:00:00.000Z' }),
        candidate({ key: 'am', kind: 'event', reason: 'today', startDateTime: '2026-11-23T08:00:00.000Z' })
      ],
      { today: TODAY }
    );
    expect(ranked.map((a) => a.key)).toEqual(['am', 'pm', 'high', 'normal']);
  });

  it('counts quiet days from the last activity', () => {
    const quiet = scoreAction(
      candidate({ key: 'q', kind: 'opportunity', reason: 'quiet', lastActivityDate: '2026-11-01' }),
      TODAY
    );
    expect(quiet.daysQuiet).toBe(22);
    const quieter = scoreAction(
      candidate({ key: 'q2', kind: 'opportunity', reason: 'quiet', lastActivityDate: '2026-10-01' }),
      TODAY
    );
    expect(quieter.score).toBeGreaterThan(quiet.score);
  });

  it('gives more weight to a record missing more fields', () => {
    const one = scoreAction(
      candidate({ key: 'm1', kind: 'missingFields', reason: 'missingFields', missingFields: ['A'] }),
      TODAY
    );
    const three = scoreAction(
      candidate({
        key: 'm3',
        kind: 'missingFields',
        reason: 'missingFields',
        missingFields: ['A', 'B', 'C']
      }),
      TODAY
    );
    expect(three.score).toBeGreaterThan(one.score);
  });

  it('is deterministic on ties and drops duplicate keys', () => {
    const items = [
      candidate({ key: 'b', title: 'Same', dueDate: TODAY }),
      candidate({ key: 'a', title: 'Same', dueDate: TODAY }),
      candidate({ key: 'a', title: 'Duplicate', dueDate: TODAY }),
      candidate({ key: 'c', title: 'Another', dueDate: TODAY })
    ];
    const ranked = rankActions(items, { today: TODAY });
    expect(ranked.map((a) => a.key)).toEqual(['c', 'a', 'b']);
    expect(rankActions([...items].reverse(), { today: TODAY }).map((a) => a.key)).toHaveLength(3);
  });

  it('does not modify its input', () => {
    const items = [candidate({ key: 'x', dueDate: TODAY })];
    const copy = JSON.parse(JSON.stringify(items));
    rankActions(items, { today: TODAY });
    expect(items).toEqual(copy);
  });

  it('returns an empty list for no candidates', () => {
    expect(rankActions([], { today: TODAY })).toEqual([]);
  });
});

describe('c/actionRanking countByKind', () => {
  it('counts every kind, zero when absent', () => {
    const counts = countByKind([{ kind: 'task' }, { kind: 'task' }, { kind: 'lead' }]);
    expect(counts.task).toBe(2);
    expect(counts.lead).toBe(1);
    expect(counts.event).toBe(0);
    expect(Object.keys(counts)).toEqual([...ACTION_KINDS]);
  });
});
