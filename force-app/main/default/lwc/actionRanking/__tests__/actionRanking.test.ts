import {
  ACTION_KINDS,
  type ActionCandidate,
  addDays,
  countByKind,
  countRowsByKind,
  dayNumber,
  groupOf,
  groupRows,
  mergeByRecord,
  meetingEnded,
  nextMeeting,
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

describe('c/actionRanking mergeByRecord', () => {
  const opportunity = candidate({
    key: 'opportunity:006A',
    recordId: '006A',
    kind: 'opportunity',
    reason: 'pastClose',
    objectApiName: 'Opportunity',
    dueDate: '2026-11-22',
    title: 'Acme renewal'
  });
  const missing = candidate({
    key: 'missingFields:006A',
    recordId: '006A',
    kind: 'missingFields',
    reason: 'missingFields',
    objectApiName: 'Opportunity',
    missingFields: ['NextStep', 'Amount'],
    title: 'Acme renewal'
  });

  it('makes one row per record with every reason, most urgent first, and the missing fields', () => {
    const rows = mergeByRecord(
      rankActions([missing, opportunity, candidate({ key: 'task:1' })], { today: TODAY })
    );
    expect(rows).toHaveLength(2);
    const row = rows.find((r) => r.recordId === '006A');
    expect(row?.kind).toBe('opportunity');
    expect(row?.key).toBe('opportunity:006A');
    expect(row?.reasons).toEqual([
      { reason: 'pastClose', days: 1, fieldCount: 0 },
      { reason: 'missingFields', days: 0, fieldCount: 2 }
    ]);
    expect(row?.missingFields).toEqual(['NextStep', 'Amount']);
    expect(row?.keys.sort()).toEqual(['missingFields:006A', 'opportunity:006A']);
    expect(row?.kinds.sort()).toEqual(['missingFields', 'opportunity']);
  });

  it('ranks a record with two reasons above the same record with one', () => {
    const [alone] = mergeByRecord(rankActions([opportunity], { today: TODAY }));
    const [both] = mergeByRecord(rankActions([opportunity, missing], { today: TODAY }));
    expect(both?.score).toBeGreaterThan(alone?.score ?? 0);
  });

  it('keeps a missing-fields item alone as its own row', () => {
    const [row] = mergeByRecord(rankActions([missing], { today: TODAY }));
    expect(row?.kind).toBe('missingFields');
    expect(row?.reasons.map((r) => r.reason)).toEqual(['missingFields']);
  });

  it('counts a merged row for each of its kinds', () => {
    const rows = mergeByRecord(rankActions([missing, opportunity], { today: TODAY }));
    const counts = countRowsByKind(rows);
    expect(counts.opportunity).toBe(1);
    expect(counts.missingFields).toBe(1);
    expect(counts.task).toBe(0);
  });
});

describe('c/actionRanking groups', () => {
  const event = (key: string, start: string | null) =>
    candidate({
      key,
      kind: 'event',
      reason: 'today',
      objectApiName: 'Event',
      startDateTime: start,
      dueDate: TODAY
    });
  const rows = () =>
    mergeByRecord(
      rankActions(
        [
          event('event:early', '2026-11-23T08:00:00.000Z'),
          event('event:next', '2026-11-23T16:00:00.000Z'),
          event('event:later', '2026-11-23T18:00:00.000Z'),
          event('event:allday', null),
          candidate({ key: 'task:late', reason: 'overdue', dueDate: '2026-11-20' }),
          candidate({ key: 'task:today', reason: 'dueToday', dueDate: TODAY }),
          candidate({
            key: 'opportunity:quiet',
            kind: 'opportunity',
            reason: 'quiet',
            lastActivityDate: '2026-10-01'
          }),
          candidate({
            key: 'missingFields:x',
            kind: 'missingFields',
            reason: 'missingFields',
            missingFields: ['A']
          }),
          candidate({ key: 'lead:new', kind: 'lead', reason: 'untouched', lastActivityDate: '2026-11-22' })
        ],
        { today: TODAY }
      )
    );

  it('pins the first meeting that starts from now, never one that has started or is all day', () => {
    expect(nextMeeting(rows(), '2026-11-23T15:00:00.000Z')?.key).toBe('event:next');
    expect(nextMeeting(rows(), '2026-11-23T16:00:00.000Z')?.key).toBe('event:next');
    expect(nextMeeting(rows(), '2026-11-23T19:00:00.000Z')).toBeUndefined();
  });

  it('pins the meeting in progress until it ends, then leaves out the meetings that have ended', () => {
    const timed = (key: string, start: string, end: string) => ({
      ...event(key, `2026-11-23T${start}:00.000Z`),
      endDateTime: `2026-11-23T${end}:00.000Z`
    });
    const day = mergeByRecord(
      rankActions(
        [
          timed('event:lunch', '12:00', '13:00'),
          timed('event:call', '13:30', '14:00'),
          timed('event:done', '08:00', '09:00')
        ],
        { today: TODAY }
      )
    );
    // 5 minutes into the lunch: the lunch stays pinned, not the call that starts later
    expect(nextMeeting(day, '2026-11-23T12:05:00.000Z')?.key).toBe('event:lunch');
    expect(nextMeeting(day, '2026-11-23T13:10:00.000Z')?.key).toBe('event:call');
    const groups = groupRows(day, '2026-11-23T12:05:00.000Z');
    expect(groups.map((g) => [g.group, g.rows.map((r) => r.key)])).toEqual([
      ['nextMeeting', ['event:lunch']],
      ['today', ['event:call']]
    ]);
    expect(
      meetingEnded(
        day.find((r) => r.key === 'event:done')!,
        '2026-11-23T12:05:00.000Z'
      )
    ).toBe(true);
  });

  it('sorts the overdue group by days late, most late first, whatever the rank', () => {
    const late = mergeByRecord(
      rankActions(
        [
          candidate({ key: 'task:1', reason: 'overdue', dueDate: '2026-11-22', priority: 'High' }),
          candidate({ key: 'task:15', reason: 'overdue', dueDate: '2026-11-08' }),
          candidate({ key: 'task:6', reason: 'overdue', dueDate: '2026-11-17', priority: 'High' }),
          candidate({
            key: 'opportunity:9',
            kind: 'opportunity',
            reason: 'pastClose',
            objectApiName: 'Opportunity',
            dueDate: '2026-11-14'
          })
        ],
        { today: TODAY }
      )
    );
    const overdue = groupRows(late, '2026-11-23T15:00:00.000Z').find((g) => g.group === 'overdue');
    expect(overdue?.rows.map((r) => r.key)).toEqual(['task:15', 'opportunity:9', 'task:6', 'task:1']);
  });

  it('groups next meeting, overdue, today and to tidy up, in that order, leaving out empty groups', () => {
    const groups = groupRows(rows(), '2026-11-23T15:00:00.000Z');
    expect(groups.map((g) => [g.group, g.rows.map((r) => r.key).sort()])).toEqual([
      ['nextMeeting', ['event:next']],
      ['overdue', ['task:late']],
      ['today', ['event:allday', 'event:early', 'event:later', 'lead:new', 'task:today'].sort()],
      ['tidyUp', ['missingFields:x', 'opportunity:quiet']]
    ]);
    expect(groupRows([], '2026-11-23T15:00:00.000Z')).toEqual([]);
  });

  it('puts a row in overdue when any reason is late, in to tidy up only when every reason is housekeeping', () => {
    const reason = (r: string) => ({ reason: r as never, days: 0, fieldCount: 0 });
    expect(groupOf({ reasons: [reason('missingFields'), reason('pastClose')] })).toBe('overdue');
    expect(groupOf({ reasons: [reason('quiet'), reason('missingFields')] })).toBe('tidyUp');
    expect(groupOf({ reasons: [reason('untouched'), reason('missingFields')] })).toBe('today');
  });
});
