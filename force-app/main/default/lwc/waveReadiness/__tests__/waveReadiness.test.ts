import { computeReadiness } from 'c/acceptanceReadiness';
import {
  addDays,
  assessWave,
  parseRuleNames,
  parseTeams,
  phaseOf,
  normaliseTarget,
  DEFAULT_ACTIVE_TARGET,
  DEFAULT_COMPLETENESS_TARGET,
  type Gate,
  type GateId,
  type WaveInput
} from 'c/waveReadiness';

const GO_LIVE = '2026-11-02';

function passedSession(name = 'Pipeline acceptance') {
  const cases = Array.from({ length: 10 }, (_, i) => ({ id: `tc${i}`, result: 'Passed' }));
  return { id: 'ses1', name, readiness: computeReadiness(cases, 90) };
}

/** A wave that meets every gate on the figures given. */
function readyWave(overrides: Partial<WaveInput> = {}): WaveInput {
  return {
    goLiveDate: GO_LIVE,
    hypercareEndDate: '2026-12-31',
    activeTarget: 95,
    completenessTarget: 80,
    teams: ['Lyon', 'Lille'],
    ruleFieldCount: 2,
    sessions: [passedSession()],
    trainings: [
      { id: 'tr1', name: 'Key users', date: '2026-10-20', status: 'Held', audience: 'Key_Users' },
      { id: 'tr2', name: 'Lyon reps', date: '2026-10-28', status: 'Held', audience: 'Team_Group' }
    ],
    keyUsers: [
      { name: 'Alice', team: 'Lyon', trainedForWave: true },
      { name: 'Bruno', team: 'lille ', trainedForWave: true }
    ],
    measure: { users: 40, activeUsers: 39, completeness: 84.5, teamsWithoutActiveKeyUser: [] },
    ...overrides
  };
}

function gate(input: WaveInput, id: GateId, today: string): Gate {
  const found = assessWave(input, today).gates.find((g) => g.id === id);
  if (!found) throw new Error(`no gate ${id}`);
  return found;
}

describe('waveReadiness: parsing and defaults', () => {
  it('reads teams one per line or separated by semicolons, keeping commas and dropping duplicates', () => {
    expect(parseTeams('Lyon\nLille; Sales, North\r\n\nlyon ;')).toEqual(['Lyon', 'Lille', 'Sales, North']);
    expect(parseTeams(null)).toEqual([]);
  });

  it('reads rule names separated by commas', () => {
    expect(parseRuleNames('Opportunity_NextStep, Opportunity_Amount,,Opportunity_NextStep')).toEqual([
      'Opportunity_NextStep',
      'Opportunity_Amount'
    ]);
    expect(parseRuleNames(undefined)).toEqual([]);
  });

  it('uses the issue defaults when a target is blank or invalid, and caps at 100', () => {
    expect(normaliseTarget(null, DEFAULT_ACTIVE_TARGET)).toBe(95);
    expect(normaliseTarget('', DEFAULT_COMPLETENESS_TARGET)).toBe(80);
    expect(normaliseTarget('abc', 95)).toBe(95);
    expect(normaliseTarget(-1, 95)).toBe(95);
    expect(normaliseTarget('90', 95)).toBe(90);
    expect(normaliseTarget(120, 95)).toBe(100);
    const assessed = assessWave(
      readyWave({ activeTarget: null, completenessTarget: undefined }),
      '2026-12-15'
    );
    expect([assessed.activeTarget, assessed.completenessTarget]).toEqual([95, 80]);
  });

  it('gives the phase from the dates', () => {
    const dates = { goLiveDate: GO_LIVE, hypercareEndDate: '2026-11-30' };
    expect(phaseOf(dates, '2026-11-01')).toBe('Preparation');
    expect(phaseOf(dates, GO_LIVE)).toBe('Hypercare');
    expect(phaseOf(dates, '2026-11-30')).toBe('Hypercare');
    expect(phaseOf(dates, '2026-12-01')).toBe('Live');
    expect(phaseOf({ goLiveDate: null, hypercareEndDate: null }, '2026-12-01')).toBe('Preparation');
    expect(addDays(GO_LIVE, 28)).toBe('2026-11-30');
    expect(addDays('not a date', 1)).toBeNull();
  });
});

describe('waveReadiness: go-live gate', () => {
  it('is met, and the wave green, when acceptance, key users and trainings are ready', () => {
    const assessed = assessWave(readyWave(), '2026-10-30');
    expect(assessed.gates[0]).toEqual({
      id: 'goLive',
      state: 'met',
      dueDate: GO_LIVE,
      due: false,
      blockers: []
    });
    expect(assessed.status).toBe('Green');
    expect(assessed.day).toBe(-3);
    // D+5 and D+28 are not evaluated before go-live
    expect(assessed.gates.slice(1).map((g) => [g.state, g.blockers.length])).toEqual([
      ['notDue', 0],
      ['notDue', 0]
    ]);
  });

  it("names the acceptance session and each of the console's blockers", () => {
    const failing = {
      id: 'ses2',
      name: 'Quotes',
      readiness: computeReadiness(
        [
          { id: 'c1', name: 'TC-0001', scenario: 'Create a quote', result: 'Failed', severity: 'Blocking' },
          { id: 'c2', result: 'Passed' }
        ],
        90
      )
    };
    const blockers = gate(
      readyWave({ sessions: [passedSession(), failing] }),
      'goLive',
      '2026-10-30'
    ).blockers;
    expect(blockers).toEqual([
      {
        kind: 'acceptance',
        sessionId: 'ses2',
        sessionName: 'Quotes',
        blocker: { kind: 'passRateBelowThreshold', passRate: 50, threshold: 90, missingPasses: 1 }
      },
      {
        kind: 'acceptance',
        sessionId: 'ses2',
        sessionName: 'Quotes',
        blocker: {
          kind: 'blockingFailure',
          caseId: 'c1',
          name: 'TC-0001',
          scenario: 'Create a quote',
          result: 'Failed'
        }
      }
    ]);
  });

  it('needs an acceptance session, teams, a key-user training and a go-live date', () => {
    const blockers = gate(
      readyWave({ sessions: [], teams: [], trainings: [], goLiveDate: null }),
      'goLive',
      '2026-10-30'
    ).blockers.map((b) => b.kind);
    expect(blockers).toEqual(['noGoLiveDate', 'noTeams', 'noAcceptanceSession', 'noKeyUserTraining']);
  });

  it('names each team without a key user trained for this wave', () => {
    const keyUsers = [
      { name: 'Alice', team: 'Lyon', trainedForWave: true },
      { name: 'Chloé', team: 'Lille', trainedForWave: false }
    ];
    expect(gate(readyWave({ keyUsers }), 'goLive', '2026-10-30').blockers).toEqual([
      { kind: 'teamWithoutTrainedKeyUser', team: 'Lille' }
    ]);
  });

  it('needs the trainings up to go-live held, not the cancelled ones nor later small groups', () => {
    const trainings = [
      { id: 'tr1', name: 'Key users', date: '2026-10-20', status: 'Held', audience: 'Key_Users' },
      { id: 'tr2', name: 'Lyon reps', date: '2026-10-28', status: 'Planned', audience: 'Team_Group' },
      { id: 'tr3', name: 'Lille reps', date: null, status: 'Planned', audience: 'Team_Group' },
      { id: 'tr4', name: 'Cancelled', date: '2026-10-21', status: 'Cancelled', audience: 'Team_Group' },
      { id: 'tr5', name: 'Late joiners', date: '2026-11-20', status: 'Planned', audience: 'Team_Group' }
    ];
    expect(gate(readyWave({ trainings }), 'goLive', '2026-10-30').blockers).toEqual([
      { kind: 'trainingNotHeld', trainingId: 'tr2', name: 'Lyon reps', date: '2026-10-28' },
      { kind: 'trainingNotHeld', trainingId: 'tr3', name: 'Lille reps', date: null }
    ]);
  });

  it('makes the wave amber before go-live and red once go-live passed with a blocker', () => {
    const wave = readyWave({ sessions: [] });
    expect(assessWave(wave, '2026-10-30').status).toBe('Amber');
    expect(gate(wave, 'goLive', '2026-10-30').state).toBe('notDue');
    expect(assessWave(wave, GO_LIVE).status).toBe('Red');
    expect(gate(wave, 'goLive', GO_LIVE).state).toBe('notMet');
  });
});

describe('waveReadiness: D+5 gate', () => {
  it('is met at exactly the target share, and blocks one user below it', () => {
    // 38 of 40 = 95 %
    expect(
      gate(
        readyWave({
          measure: { users: 40, activeUsers: 38, completeness: 90, teamsWithoutActiveKeyUser: [] }
        }),
        'day5',
        '2026-11-07'
      )
    ).toEqual({
      id: 'day5',
      state: 'met',
      dueDate: '2026-11-07',
      due: true,
      blockers: []
    });
    const below = gate(
      readyWave({ measure: { users: 40, activeUsers: 37, completeness: 90, teamsWithoutActiveKeyUser: [] } }),
      'day5',
      '2026-11-07'
    );
    expect(below.state).toBe('notMet');
    expect(below.blockers).toEqual([
      { kind: 'activeShareBelowTarget', share: 92.5, target: 95, activeUsers: 37, users: 40, missingUsers: 1 }
    ]);
  });

  it('is not due before go-live + 5 days: amber while below target, red from day 5', () => {
    const wave = readyWave({
      measure: { users: 40, activeUsers: 30, completeness: 90, teamsWithoutActiveKeyUser: [] }
    });
    expect(gate(wave, 'day5', '2026-11-06').state).toBe('notDue');
    expect(assessWave(wave, '2026-11-06').status).toBe('Amber');
    expect(assessWave(wave, '2026-11-07').status).toBe('Red');
  });

  it('says when nothing was measured or nobody is in scope', () => {
    expect(gate(readyWave({ measure: null }), 'day5', '2026-11-07')).toMatchObject({
      state: 'notMeasured',
      blockers: [{ kind: 'notMeasured' }]
    });
    expect(assessWave(readyWave({ measure: null }), '2026-11-07').status).toBe('Amber');
    expect(
      gate(
        readyWave({
          measure: { users: 0, activeUsers: 0, completeness: null, teamsWithoutActiveKeyUser: [] }
        }),
        'day5',
        '2026-11-07'
      ).blockers
    ).toEqual([{ kind: 'noUsersInScope' }]);
  });
});

describe('waveReadiness: D+28 gate', () => {
  it('is met with completeness at target and an active key user in every team', () => {
    const assessed = assessWave(
      readyWave({ measure: { users: 40, activeUsers: 39, completeness: 80, teamsWithoutActiveKeyUser: [] } }),
      '2026-11-30'
    );
    expect(assessed.gates.map((g) => g.state)).toEqual(['met', 'met', 'met']);
    expect(assessed.status).toBe('Green');
  });

  it('blocks below the completeness target and names teams without an active key user', () => {
    const wave = readyWave({
      measure: { users: 40, activeUsers: 39, completeness: 72.4, teamsWithoutActiveKeyUser: ['Lyon'] }
    });
    expect(gate(wave, 'day28', '2026-11-30').blockers).toEqual([
      { kind: 'completenessBelowTarget', completeness: 72.4, target: 80 },
      { kind: 'teamWithoutActiveKeyUser', team: 'Lyon' }
    ]);
    // in hypercare before D+28: amber; from D+28: red
    expect(assessWave(wave, '2026-11-12').status).toBe('Amber');
    expect(assessWave(wave, '2026-11-30').status).toBe('Red');
  });

  it('needs rule fields and a measure of completeness', () => {
    expect(gate(readyWave({ ruleFieldCount: 0 }), 'day28', '2026-11-30').blockers).toEqual([
      { kind: 'noRuleFields' }
    ]);
    const unmeasured = readyWave({
      measure: { users: 40, activeUsers: 39, completeness: null, teamsWithoutActiveKeyUser: [] }
    });
    expect(gate(unmeasured, 'day28', '2026-11-30')).toMatchObject({
      state: 'notMeasured',
      blockers: [{ kind: 'notMeasured' }]
    });
    expect(gate(readyWave({ measure: null }), 'day28', '2026-11-30').blockers).toEqual([
      { kind: 'notMeasured' }
    ]);
  });
});
