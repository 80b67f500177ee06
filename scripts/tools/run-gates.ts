// npm test: every offline gate in order, each under a banner, then a summary table.
// A failing gate does not stop the others, so the summary is always complete; the exit code is
// non-zero when any gate failed. CI=true is passed through (jest then runs non-interactively).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const JEST_RESULTS = path.join(ROOT, 'reports', 'jest-results.json');

export interface Gate {
  name: string;
  command: string;
  args: string[];
}

export interface GateResult {
  name: string;
  ok: boolean;
  seconds: number;
}

export interface JestCounts {
  suites: number;
  suitesFailed: number;
  tests: number;
  testsFailed: number;
  testsSkipped: number;
}

export const GATES: Gate[] = [
  { name: 'build', command: 'npm', args: ['run', '--silent', 'build'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  // Unused files, exports and types; dependencies package.json and the imports disagree on (knip.config.ts).
  { name: 'knip', command: 'npm', args: ['run', '--silent', 'knip'] },
  { name: 'format:check', command: 'npm', args: ['run', '--silent', 'format:check'] },
  { name: 'analyze', command: 'npm', args: ['run', '--silent', 'analyze'] },
  { name: 'validate', command: 'npm', args: ['run', '--silent', 'validate'] },
  {
    name: 'test:unit',
    command: 'npm',
    args: ['run', '--silent', 'test:unit', '--', '--coverage', '--json', `--outputFile=${JEST_RESULTS}`]
  },
  // The components in a real browser (headless Chromium, LWC OSS, SLDS); build has compiled them.
  { name: 'test:browser', command: 'npm', args: ['run', '--silent', 'test:browser', '--', '--no-compile'] }
];

/**
 * Reads the counts from a jest --json result file.
 * @param json the file's text
 * @returns the counts, or undefined when the text is not a jest result
 */
export function parseJestCounts(json: string): JestCounts | undefined {
  try {
    const data = JSON.parse(json) as Record<string, unknown>;
    const num = (key: string): number => (typeof data[key] === 'number' ? data[key] : 0);
    if (typeof data.numTotalTests !== 'number') {
      return undefined;
    }
    return {
      suites: num('numTotalTestSuites'),
      suitesFailed: num('numFailedTestSuites'),
      tests: num('numTotalTests'),
      testsFailed: num('numFailedTests'),
      testsSkipped: num('numPendingTests') + num('numTodoTests')
    };
  } catch {
    return undefined;
  }
}

/**
 * Formats the summary table of the gates.
 * @param results one row per gate, in the order they ran
 */
export function formatSummary(results: GateResult[]): string {
  const width = Math.max(4, ...results.map((r) => r.name.length));
  const lines = [`${'GATE'.padEnd(width)}  STATUS  SECONDS`];
  for (const r of results) {
    lines.push(
      `${r.name.padEnd(width)}  ${(r.ok ? 'PASS' : 'FAIL').padEnd(6)}  ${r.seconds.toFixed(1).padStart(7)}`
    );
  }
  return lines.join('\n');
}

function banner(text: string): void {
  const rule = '='.repeat(Math.max(60, text.length + 8));
  console.log(`\n${rule}\n=== ${text}\n${rule}`);
}

function main(): number {
  mkdirSync(path.dirname(JEST_RESULTS), { recursive: true });
  const results: GateResult[] = [];
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  for (const [index, gate] of GATES.entries()) {
    banner(`Gate ${index + 1}/${GATES.length}: ${gate.name}  (${[gate.command, ...gate.args].join(' ')})`);
    const started = Date.now();
    const run = spawnSync(gate.command, gate.args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...(ci ? { CI: 'true', FORCE_COLOR: '0' } : {}) }
    });
    const seconds = (Date.now() - started) / 1000;
    const ok = run.status === 0;
    if (run.error) {
      console.error(`Could not start ${gate.command}: ${run.error.message}`);
    }
    console.log(
      `--- ${gate.name}: ${ok ? 'PASS' : `FAIL (exit ${String(run.status ?? run.signal)})`} in ${seconds.toFixed(1)}s`
    );
    results.push({ name: gate.name, ok, seconds });
  }

  banner('Summary');
  console.log(formatSummary(results));
  const counts = existsSync(JEST_RESULTS) ? parseJestCounts(readFileSync(JEST_RESULTS, 'utf8')) : undefined;
  if (counts) {
    console.log(
      `\nJest: ${counts.suites} test suites (${counts.suitesFailed} failed), ${counts.tests} tests (${counts.testsFailed} failed, ${counts.testsSkipped} skipped).`
    );
  } else {
    console.log('\nJest: no result file; the unit tests did not run to completion.');
  }
  console.log('Apex tests need an org: they run in the scratch-org CI job, not here.');
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  console.log(failed.length > 0 ? `\nFAILED gates: ${failed.join(', ')}` : '\nAll gates passed.');
  return failed.length > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main();
}
