// Benchmark of the daily action list's ranking (force-app/main/default/lwc/actionRanking).
// Ranks 500 and 5,000 generated candidates many times and prints median and p95 in milliseconds.
// Target: under 20 ms for 500 candidates. Run: npx tsx scripts/bench/ranking-bench.ts [--json]

import { performance } from 'node:perf_hooks';
import {
  type ActionCandidate,
  type ActionKind,
  type ActionReason,
  addDays,
  rankActions
} from '../../force-app/main/default/lwc/actionRanking/actionRanking.ts';

/** The figures of one benchmark size. */
export interface RankingBenchResult {
  name: string;
  items: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs: number | null;
  pass: boolean;
}

const TODAY = '2026-11-23';
const TARGET_MS_FOR_500 = 20;

/** A small deterministic PRNG (mulberry32) so every run ranks the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHAPES: Array<{ kind: ActionKind; reason: ActionReason; objectApiName: string }> = [
  { kind: 'task', reason: 'overdue', objectApiName: 'Task' },
  { kind: 'task', reason: 'dueToday', objectApiName: 'Task' },
  { kind: 'event', reason: 'today', objectApiName: 'Event' },
  { kind: 'opportunity', reason: 'pastClose', objectApiName: 'Opportunity' },
  { kind: 'opportunity', reason: 'quiet', objectApiName: 'Opportunity' },
  { kind: 'lead', reason: 'untouched', objectApiName: 'Lead' },
  { kind: 'acceptanceTest', reason: 'toRun', objectApiName: 'Acceptance_Test_Case__c' },
  { kind: 'sponsorMessage', reason: 'unread', objectApiName: 'Sponsor_Message__c' },
  { kind: 'missingFields', reason: 'missingFields', objectApiName: 'Opportunity' }
];

const DEFAULT_SHAPE: (typeof SHAPES)[number] = { kind: 'task', reason: 'overdue', objectApiName: 'Task' };

/**
 * Generates realistic candidates: a mix of every kind, mostly tasks, with dates, amounts and stages.
 * @param count how many
 * @param seed PRNG seed
 * @returns the candidates
 */
export function generateCandidates(count: number, seed = 42): ActionCandidate[] {
  const next = random(seed);
  const items: ActionCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const shape = (next() < 0.5 ? SHAPES[0] : SHAPES[Math.floor(next() * SHAPES.length)]) ?? DEFAULT_SHAPE;
    const id = `00T${String(i).padStart(15, '0')}`;
    items.push({
      key: `${shape.kind}:${id}`,
      kind: shape.kind,
      reason: shape.reason,
      recordId: id,
      objectApiName: shape.objectApiName,
      title: `Item ${Math.floor(next() * 1000)}`,
      dueDate: addDays(TODAY, -Math.floor(next() * 90)),
      lastActivityDate: addDays(TODAY, -Math.floor(next() * 120)),
      amount: shape.kind === 'opportunity' ? Math.round(next() * 500_000) : null,
      probability: shape.kind === 'opportunity' ? Math.round(next() * 100) : null,
      priority: next() < 0.2 ? 'High' : 'Normal',
      startDateTime:
        shape.kind === 'event'
          ? `${TODAY}T${String(8 + Math.floor(next() * 10)).padStart(2, '0')}:00:00.000Z`
          : null,
      missingFields:
        shape.kind === 'missingFields'
          ? ['NextStep', 'Amount'].slice(0, 1 + Math.floor(next() * 2))
          : undefined
    });
  }
  return items;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

/**
 * Runs the ranking benchmark.
 * @param runs timed runs per size (after warm-up)
 * @returns one result per size
 */
export function runRankingBench(runs = 200): RankingBenchResult[] {
  const results: RankingBenchResult[] = [];
  for (const size of [500, 5000]) {
    const candidates = generateCandidates(size);
    for (let i = 0; i < 20; i++) {
      rankActions(candidates, { today: TODAY });
    }
    const times: number[] = [];
    const sizeRuns = size > 1000 ? Math.max(20, Math.floor(runs / 4)) : runs;
    for (let i = 0; i < sizeRuns; i++) {
      const start = performance.now();
      const ranked = rankActions(candidates, { today: TODAY });
      times.push(performance.now() - start);
      if (ranked.length !== size) {
        throw new Error(`Ranking lost items: ${ranked.length} of ${size}.`);
      }
    }
    times.sort((a, b) => a - b);
    const medianMs = percentile(times, 50);
    const p95Ms = percentile(times, 95);
    const targetMs = size === 500 ? TARGET_MS_FOR_500 : null;
    results.push({
      name: `rank ${size} candidates`,
      items: size,
      runs: sizeRuns,
      medianMs: Math.round(medianMs * 1000) / 1000,
      p95Ms: Math.round(p95Ms * 1000) / 1000,
      targetMs,
      pass: targetMs === null || p95Ms < targetMs
    });
  }
  return results;
}

/**
 * Prints the ranking benchmark as a table (the same lines from npm run bench and from this script).
 * @param results what runRankingBench returned
 */
export function printRankingBench(results: RankingBenchResult[]): void {
  console.log('Daily action ranking (actionRanking.rankActions)');
  for (const r of results) {
    const target =
      r.targetMs === null ? 'no target' : `target < ${r.targetMs} ms: ${r.pass ? 'PASS' : 'FAIL'}`;
    console.log(
      `  ${r.name.padEnd(24)} median ${r.medianMs.toFixed(3)} ms  p95 ${r.p95Ms.toFixed(3)} ms  (${r.runs} runs; ${target})`
    );
  }
}

function main(): void {
  const results = runRankingBench();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    printRankingBench(results);
  }
  if (results.some((r) => !r.pass)) {
    process.exitCode = 1;
  }
}

if (process.argv[1] && /ranking-bench\.ts$/.test(process.argv[1])) {
  main();
}
