import {
  computeReadiness,
  countResults,
  isBlockingFailure,
  normaliseResult,
  normaliseThreshold,
  DEFAULT_THRESHOLD,
  type ReadinessCase
} from 'c/acceptanceReadiness';

function cases(...results: Array<[string, string?]>): ReadinessCase[] {
  return results.map(([result, severity], index) => ({
    id: `a0X${index}`,
    name: `TC-${String(index + 1).padStart(4, '0')}`,
    scenario: `Scenario ${index + 1}`,
    result,
    severity: severity ?? null
  }));
}

describe('acceptanceReadiness', () => {
  it('normalises unknown and blank results to Not_Run', () => {
    expect(normaliseResult('Passed')).toBe('Passed');
    expect(normaliseResult('Failed')).toBe('Failed');
    expect(normaliseResult('Blocked')).toBe('Blocked');
    expect(normaliseResult(null)).toBe('Not_Run');
    expect(normaliseResult(undefined)).toBe('Not_Run');
    expect(normaliseResult('Whatever')).toBe('Not_Run');
  });

  it('normalises thresholds: default when blank or invalid, capped at 100', () => {
    expect(normaliseThreshold(80)).toBe(80);
    expect(normaliseThreshold('75')).toBe(75);
    expect(normaliseThreshold(null)).toBe(DEFAULT_THRESHOLD);
    expect(normaliseThreshold(undefined)).toBe(DEFAULT_THRESHOLD);
    expect(normaliseThreshold('abc')).toBe(DEFAULT_THRESHOLD);
    expect(normaliseThreshold('')).toBe(DEFAULT_THRESHOLD);
    expect(normaliseThreshold('  ')).toBe(DEFAULT_THRESHOLD);
    expect(normaliseThreshold(-5)).toBe(DEFAULT_THRESHOLD);
    expect(normaliseThreshold(150)).toBe(100);
    expect(normaliseThreshold(0)).toBe(0);
  });

  it('counts results and executed cases', () => {
    expect(countResults(cases(['Passed'], ['Failed'], ['Blocked'], ['Not_Run'], ['Passed']))).toEqual({
      total: 5,
      passed: 2,
      failed: 1,
      blocked: 1,
      notRun: 1,
      executed: 4
    });
  });

  it('treats only Blocking severity with Failed or Blocked as a blocking failure', () => {
    expect(isBlockingFailure({ id: '1', result: 'Failed', severity: 'Blocking' })).toBe(true);
    expect(isBlockingFailure({ id: '1', result: 'Blocked', severity: 'Blocking' })).toBe(true);
    expect(isBlockingFailure({ id: '1', result: 'Passed', severity: 'Blocking' })).toBe(false);
    expect(isBlockingFailure({ id: '1', result: 'Not_Run', severity: 'Blocking' })).toBe(false);
    expect(isBlockingFailure({ id: '1', result: 'Failed', severity: 'Major' })).toBe(false);
  });

  it('is not ready without test cases', () => {
    const readiness = computeReadiness([], 90);
    expect(readiness.go).toBe(false);
    expect(readiness.passRate).toBe(0);
    expect(readiness.progress).toBe(0);
    expect(readiness.blockers).toEqual([{ kind: 'noTestCases' }]);
  });

  it('is ready when the pass rate reaches the threshold exactly and nothing blocks', () => {
    const readiness = computeReadiness(
      cases(
        ['Passed'],
        ['Passed'],
        ['Passed'],
        ['Passed'],
        ['Passed'],
        ['Passed'],
        ['Passed'],
        ['Passed'],
        ['Passed'],
        ['Failed', 'Minor']
      ),
      90
    );
    expect(readiness.go).toBe(true);
    expect(readiness.passRate).toBe(90);
    expect(readiness.progress).toBe(100);
    expect(readiness.blockers).toEqual([]);
  });

  it('states how many more passes are needed when the pass rate is below the threshold', () => {
    const readiness = computeReadiness(cases(['Passed'], ['Passed'], ['Not_Run'], ['Failed', 'Minor']), 90);
    expect(readiness.go).toBe(false);
    expect(readiness.passRate).toBe(50);
    expect(readiness.progress).toBe(75);
    expect(readiness.blockers).toEqual([
      { kind: 'passRateBelowThreshold', passRate: 50, threshold: 90, missingPasses: 2 }
    ]);
  });

  it('floors the displayed pass rate but compares the exact rate with the threshold', () => {
    // 2 of 3 = 66.67 %: displayed 66, and a 66 % threshold is met (66.67 >= 66)
    expect(computeReadiness(cases(['Passed'], ['Passed'], ['Failed']), 66).go).toBe(true);
    expect(computeReadiness(cases(['Passed'], ['Passed'], ['Failed']), 67).go).toBe(false);
    expect(computeReadiness(cases(['Passed'], ['Passed'], ['Failed']), 67).passRate).toBe(66);
  });

  it('lists every open blocking failure even when the pass rate is met', () => {
    const readiness = computeReadiness(
      cases(['Passed'], ['Passed'], ['Passed'], ['Blocked', 'Blocking'], ['Failed', 'Blocking']),
      50
    );
    expect(readiness.go).toBe(false);
    expect(readiness.blockers).toEqual([
      { kind: 'blockingFailure', caseId: 'a0X3', name: 'TC-0004', scenario: 'Scenario 4', result: 'Blocked' },
      { kind: 'blockingFailure', caseId: 'a0X4', name: 'TC-0005', scenario: 'Scenario 5', result: 'Failed' }
    ]);
  });

  it('uses the default threshold when the session has none', () => {
    const readiness = computeReadiness(
      cases(['Passed'], ['Passed'], ['Passed'], ['Passed'], ['Failed']),
      null
    );
    expect(readiness.threshold).toBe(90);
    expect(readiness.go).toBe(false);
  });

  it('falls back to empty name and scenario for blocking failures without them', () => {
    const readiness = computeReadiness([{ id: 'x', result: 'Failed', severity: 'Blocking' }], 0);
    expect(readiness.blockers).toEqual([
      { kind: 'blockingFailure', caseId: 'x', name: '', scenario: '', result: 'Failed' }
    ]);
  });
});
