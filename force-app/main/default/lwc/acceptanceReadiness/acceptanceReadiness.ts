// Go/no-go readiness of an acceptance session, computed from its test cases.
// Pure: no platform imports, so the console and any other caller (tests, scripts) share one rule.
// The rule matches the session's roll-ups: pass rate = passed / all test cases (0 when there are none),
// and a blocking failure = Severity Blocking with Result Failed or Blocked.

export type TestResult = 'Not_Run' | 'Passed' | 'Failed' | 'Blocked';
export type Severity = 'Blocking' | 'Major' | 'Minor';

export interface ReadinessCase {
  id: string;
  name?: string | null;
  scenario?: string | null;
  result?: string | null;
  severity?: string | null;
}

export interface ReadinessCounts {
  total: number;
  passed: number;
  failed: number;
  blocked: number;
  notRun: number;
  executed: number;
}

export type Blocker =
  | { kind: 'noTestCases' }
  | { kind: 'passRateBelowThreshold'; passRate: number; threshold: number; missingPasses: number }
  | { kind: 'blockingFailure'; caseId: string; name: string; scenario: string; result: TestResult };

export interface Readiness {
  /** true when the session may go live: pass rate at or above the threshold and no open blocking failure */
  go: boolean;
  counts: ReadinessCounts;
  /** whole percent of test cases passed, 0 to 100 */
  passRate: number;
  /** whole percent of test cases executed (any result but Not_Run), 0 to 100 */
  progress: number;
  /** whole percent needed for go */
  threshold: number;
  blockers: Blocker[];
}

/** Default threshold when the session has none: the data model's default (90 %). */
export const DEFAULT_THRESHOLD = 90;

/** Normalises a picklist value; anything unknown or blank counts as not run. */
export function normaliseResult(value: string | null | undefined): TestResult {
  switch (value) {
    case 'Passed':
    case 'Failed':
    case 'Blocked':
      return value;
    default:
      return 'Not_Run';
  }
}

/** true when the case is an open blocking failure: Severity Blocking and Result Failed or Blocked. */
export function isBlockingFailure(testCase: ReadinessCase): boolean {
  const result = normaliseResult(testCase.result);
  return testCase.severity === 'Blocking' && (result === 'Failed' || result === 'Blocked');
}

/** Counts the cases by result. */
export function countResults(cases: readonly ReadinessCase[]): ReadinessCounts {
  const counts: ReadinessCounts = { total: 0, passed: 0, failed: 0, blocked: 0, notRun: 0, executed: 0 };
  for (const testCase of cases) {
    counts.total += 1;
    switch (normaliseResult(testCase.result)) {
      case 'Passed':
        counts.passed += 1;
        break;
      case 'Failed':
        counts.failed += 1;
        break;
      case 'Blocked':
        counts.blocked += 1;
        break;
      default:
        counts.notRun += 1;
    }
  }
  counts.executed = counts.total - counts.notRun;
  return counts;
}

/**
 * Normalises a threshold. Salesforce returns Percent fields as numbers of percent (90 for 90 %) through
 * Apex, LDS and GraphQL; blank or invalid means the default, and it is capped at 100.
 */
export function normaliseThreshold(value: number | string | null | undefined): number {
  // a blank text is no threshold (Number('') would be 0 %: every session Go), as in waveReadiness.normaliseTarget
  const parsed = typeof value === 'string' ? (value.trim() === '' ? Number.NaN : Number(value)) : value;
  if (parsed === null || parsed === undefined || !Number.isFinite(parsed) || parsed < 0) {
    return DEFAULT_THRESHOLD;
  }
  return Math.min(100, parsed);
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}

/** Computes the readiness of a session from its test cases and its go/no-go threshold. */
export function computeReadiness(
  cases: readonly ReadinessCase[],
  thresholdValue: number | string | null | undefined
): Readiness {
  const counts = countResults(cases);
  const threshold = normaliseThreshold(thresholdValue);
  const passRate = percent(counts.passed, counts.total);
  const blockers: Blocker[] = [];

  if (counts.total === 0) {
    blockers.push({ kind: 'noTestCases' });
  } else if ((counts.passed * 100) / counts.total < threshold) {
    // The smallest number of further passes that reaches the threshold (cases are not added).
    const missingPasses = Math.ceil((threshold * counts.total) / 100 - counts.passed);
    blockers.push({ kind: 'passRateBelowThreshold', passRate, threshold, missingPasses });
  }
  for (const testCase of cases) {
    if (isBlockingFailure(testCase)) {
      blockers.push({
        kind: 'blockingFailure',
        caseId: testCase.id,
        name: testCase.name ?? '',
        scenario: testCase.scenario ?? '',
        result: normaliseResult(testCase.result)
      });
    }
  }

  return {
    go: blockers.length === 0,
    counts,
    passRate,
    progress: percent(counts.executed, counts.total),
    threshold,
    blockers
  };
}
