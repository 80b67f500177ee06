// The acceptance console's work queue, pure so it is unit-tested: which test cases a filter shows,
// the next one not run, and the shares of each result for the progress bar.
import { normaliseResult, type ReadinessCounts, type TestResult } from 'c/acceptanceReadiness';

/** A result to filter on, or every test case. */
export type ResultFilter = 'all' | TestResult;

/** What the queue needs of a test case. */
export interface QueueCase {
  id: string;
  /** test case number (TC-0001) */
  name?: string | null;
  scenario?: string | null;
  assignee?: string | null;
  defect?: string | null;
  result?: string | null;
  /** assigned to the running user */
  mine: boolean;
}

export interface QueueFilter {
  result: ResultFilter;
  mineOnly: boolean;
  /** words typed in the search box; every word must appear (any case, any accent) */
  query: string;
}

/** Lower case without accents, so "echec" finds "Échec" and "creer" finds "Créer". */
export function foldText(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** true when every word of the query is in the case's number, scenario, assignee or defect reference. */
export function matchesQuery(testCase: QueueCase, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const haystack = foldText(
    [testCase.name, testCase.scenario, testCase.assignee, testCase.defect].filter(Boolean).join(' ')
  );
  return words.every((word) => haystack.includes(word));
}

/** The test cases a filter shows, in their order. */
export function filterCases<T extends QueueCase>(cases: readonly T[], filter: QueueFilter): T[] {
  return cases.filter(
    (testCase) =>
      (filter.result === 'all' || normaliseResult(testCase.result) === filter.result) &&
      (!filter.mineOnly || testCase.mine) &&
      matchesQuery(testCase, filter.query)
  );
}

/**
 * The next test case not run after `afterId` in the list (wrapping round to the start), or the first one
 * when `afterId` is not in it; undefined when every test case of the list was run.
 */
export function nextNotRun(cases: readonly QueueCase[], afterId?: string): string | undefined {
  const start = afterId ? cases.findIndex((testCase) => testCase.id === afterId) + 1 : 0;
  for (let step = 0; step < cases.length; step += 1) {
    const testCase = cases[(start + step) % cases.length];
    if (testCase && testCase.id !== afterId && normaliseResult(testCase.result) === 'Not_Run') {
      return testCase.id;
    }
  }
  return undefined;
}

/** One part of the progress bar: a result and its share of the test cases, in whole tenths of a percent. */
export interface Segment {
  result: TestResult;
  count: number;
  percent: number;
}

/** The progress bar's parts, failures first after the passes so they are seen; results with no case are left out. */
export function segments(counts: ReadinessCounts): Segment[] {
  const parts: Array<[TestResult, number]> = [
    ['Passed', counts.passed],
    ['Failed', counts.failed],
    ['Blocked', counts.blocked],
    ['Not_Run', counts.notRun]
  ];
  return parts
    .filter(([, count]) => count > 0)
    .map(([result, count]) => ({
      result,
      count,
      percent: counts.total ? Math.round((count * 1000) / counts.total) / 10 : 0
    }));
}
