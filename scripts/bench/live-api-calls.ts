// Live path benchmark (part of `npm run bench`; alone: `npx tsx scripts/bench/live-api-calls.ts [--records N]
// [--runs N] [--mbps X]`).
//
// 1. End to end, whole processes, runs alternated: the real sync command (`npm run sync -- --instance-url …
//    --objects Opportunity --json`) reads 1,000,000 Opportunities from the loopback simulator, run as a
//    process of its own whose result page bodies share one link throttled to 100 Mbit/s. Two ways:
//    - sequential locator paging of plain CSV, what jsforce's bulk2 and `sf data export bulk` do
//      (SYNC_PAGE_CONCURRENCY=1 SYNC_ACCEPT_GZIP=0);
//    - the default: resultPages downloaded PAGE_CONCURRENCY at a time, gzip-compressed.
//    One untimed warm-up run of each way first: the simulator generates and compresses each page once and
//    sends it again from memory, so the timed runs measure the client and the link, not the simulator.
//    Wall time (median), CPU and peak RSS of the sync's process tree, the ratio, the figures compared run
//    by run, and the API calls each run cost (counted by the simulator).
// 2. API calls against the number of fields: the org source reads 20 and then 200 fields of the same
//    object (in process, unthrottled): the calls must be the same.

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { openOrgSource } from '../sync/sources/org-source';
import { startSimulator, WIDE_OBJECT } from '../../test/salesforce-simulator';
import { timeProcess, type ProcessRun } from './e2e';

const root = resolve(__dirname, '../..');
/** The link of the benchmark: 100 Mbit/s (issue 11: "a realistic link"). */
export const BENCH_LINK_MBPS = 100;
/** Rows per result page the simulator serves (resultPages) and the sync asks for (maxRecords) alike. */
const PAGE_RECORDS = 50_000;
/** Issue 11: at least 3× faster than sequential uncompressed locator paging. */
const TARGET_RATIO = 3;

interface SimStats {
  calls: Record<string, Partial<Record<string, number>>>;
  peakConcurrentResults: number;
  resultEncodings: { gzip: number; identity: number };
}

/** The simulator as a child process: its URL, token, and a per-run call count. */
class SimulatorProcess {
  private readonly lines: AsyncIterator<string>;
  private constructor(
    private readonly child: ChildProcessByStdio<Writable, Readable, null>,
    readonly url: string,
    readonly accessToken: string,
    lines: AsyncIterator<string>
  ) {
    this.lines = lines;
  }

  static async start(records: number, mbps: number): Promise<SimulatorProcess> {
    const tsx = join(root, 'node_modules/.bin/tsx');
    const child = spawn(
      tsx,
      [
        join(root, 'test/salesforce-simulator/main.ts'),
        '--opportunities',
        String(records),
        '--page-records',
        String(PAGE_RECORDS),
        '--throttle-mbps',
        String(mbps)
      ],
      { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] }
    );
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error('the simulator process ended before listening');
    const { url, accessToken } = JSON.parse(first.value) as { url: string; accessToken: string };
    return new SimulatorProcess(child, url, accessToken, lines);
  }

  /** The calls since the previous stats, then counting anew. */
  async stats(): Promise<SimStats> {
    this.child.stdin.write('stats\n');
    const line = await this.lines.next();
    if (line.done) throw new Error('the simulator process ended');
    return JSON.parse(line.value) as SimStats;
  }

  stop(): void {
    this.child.stdin.end();
  }
}

interface Way {
  label: string;
  env: Record<string, string>;
}

const WAYS: Way[] = [
  {
    label: 'sequential locator paging, plain CSV (jsforce bulk2, sf data export bulk)',
    env: { SYNC_PAGE_CONCURRENCY: '1', SYNC_ACCEPT_GZIP: '0' }
  },
  { label: 'resultPages, 4 at a time, gzip (the default)', env: {} }
];

/** The figures of a `--json` run, without what changes from run to run. */
function figuresOf(stdout: string): string {
  const parsed = JSON.parse(stdout) as { result?: Record<string, unknown> } & Record<string, unknown>;
  const result = { ...(parsed.result ?? parsed) };
  delete result.generatedAt;
  delete result.elapsedMs;
  return JSON.stringify(result);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const callText = (calls: Partial<Record<string, number>>): string =>
  ['describe', 'bulkCreate', 'bulkPoll', 'bulkResultPages', 'bulkResults']
    .map((k) => `${k.replace(/^bulk/, '').toLowerCase()} ${calls[k] ?? 0}`)
    .join(', ');

export interface LiveBenchOutcome {
  ratio: number;
  agree: boolean;
  fieldsIndependent: boolean;
}

async function endToEnd(
  records: number,
  runs: number,
  mbps: number
): Promise<{ ratio: number; agree: boolean }> {
  const sim = await SimulatorProcess.start(records, mbps);
  const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}` };
  const args = [
    'run',
    '--silent',
    'sync',
    '--',
    '--instance-url',
    sim.url,
    '--access-token',
    sim.accessToken
  ];
  const syncArgs = [...args, '--objects', 'Opportunity', '--json'];
  const timed: { run: ProcessRun; stats: SimStats }[][] = WAYS.map(() => []);
  let reference: string | undefined;
  let agree = true;
  try {
    for (const way of WAYS) {
      process.stderr.write(`  warm-up (the simulator generates each page once): ${way.label}…\n`);
      const warm = await timeProcess('npm', syncArgs, { cwd: root, env: { ...env, ...way.env } });
      reference ??= figuresOf(warm.stdout);
      await sim.stats();
    }
    for (let round = 0; round < runs; round++) {
      for (const [w, way] of WAYS.entries()) {
        process.stderr.write(`  round ${round + 1}/${runs}: ${way.label}…\n`);
        const run = await timeProcess('npm', syncArgs, { cwd: root, env: { ...env, ...way.env } });
        const stats = await sim.stats();
        timed[w]?.push({ run, stats });
        if (figuresOf(run.stdout) !== reference) {
          agree = false;
          process.stderr.write(`  the figures of "${way.label}" differ from the first run's\n`);
        }
      }
    }
  } finally {
    sim.stop();
  }
  const rows = timed.map((runsOfWay) => ({
    wallMs: median(runsOfWay.map((r) => r.run.wallMs)),
    cpuMs: median(runsOfWay.map((r) => r.run.cpuMs)),
    peakMb: Math.max(...runsOfWay.map((r) => r.run.peakTreeMb)),
    calls: runsOfWay[0]?.stats.calls.Opportunity ?? {},
    peak: Math.max(...runsOfWay.map((r) => r.stats.peakConcurrentResults)),
    gzip: runsOfWay.every((r) => r.stats.resultEncodings.identity === 0)
  }));
  const base = rows[0];
  const ours = rows[1];
  if (!base || !ours) throw new Error('the live runs gave no result');
  const w = 74;
  process.stdout.write(
    `${'way (npm run sync -- --objects Opportunity --json)'.padEnd(w)}${'wall s'.padStart(8)}${'CPU s'.padStart(8)}${'peak RSS MB'.padStart(13)}${'pages at once'.padStart(15)}  API calls (Opportunity)\n`
  );
  for (const [i, r] of rows.entries()) {
    process.stdout.write(
      `${(WAYS[i]?.label ?? '').padEnd(w)}${(r.wallMs / 1000).toFixed(2).padStart(8)}${(r.cpuMs / 1000).toFixed(2).padStart(8)}` +
        `${r.peakMb.toFixed(0).padStart(13)}${String(r.peak).padStart(15)}  ${callText(r.calls)}\n`
    );
  }
  const ratio = base.wallMs / ours.wallMs;
  process.stdout.write(
    `figures identical both ways, run by run: ${agree ? 'yes' : 'NO'}; ` +
      `target ≥ ${TARGET_RATIO}× faster than sequential plain paging ${ratio >= TARGET_RATIO ? 'met' : 'missed'} (${ratio.toFixed(2)}×)\n`
  );
  return { ratio, agree };
}

/** API calls of the org source reading `fields` fields of the wide object (20,000 records). */
async function callsForFields(fields: number): Promise<Partial<Record<string, number>>> {
  const sim = await startSimulator({ wideRecords: 20_000, defaultMaxRecords: 5_000, opportunities: 10 });
  try {
    const source = await openOrgSource({
      instanceUrl: sim.url,
      accessToken: sim.accessToken,
      pollIntervalMs: 20
    });
    const described = await source.describe(WIDE_OBJECT);
    if (!described) throw new Error(`${WIDE_OBJECT} is not in the simulator`);
    const names = described.fields.slice(0, fields).map((f) => f.name);
    let rows = 0;
    for await (const batch of source.streamRecords(WIDE_OBJECT, names)) rows += batch.length;
    if (rows !== 20_000) throw new Error(`read ${rows} records of ${WIDE_OBJECT}, expected 20,000`);
    return sim.callsByObject()[WIDE_OBJECT] ?? {};
  } finally {
    await sim.close();
  }
}

export async function run(
  options: { records?: number; runs?: number; mbps?: number } = {}
): Promise<LiveBenchOutcome> {
  const records = options.records ?? 1_000_000;
  const runs = options.runs ?? 2;
  const mbps = options.mbps ?? BENCH_LINK_MBPS;
  process.stdout.write(
    `\nLive path, end to end: ${records.toLocaleString('en-US')} Opportunities from the loopback simulator (its own process), ` +
      `result bodies on one ${mbps} Mbit/s link, pages of ${PAGE_RECORDS.toLocaleString('en-US')} records; median of ${runs} alternated runs after one warm-up each\n`
  );
  const { ratio, agree } = await endToEnd(records, runs, mbps);
  const twenty = await callsForFields(20);
  const twoHundred = await callsForFields(200);
  const fieldsIndependent = JSON.stringify(twenty) === JSON.stringify(twoHundred);
  process.stdout.write(
    `API calls reading 20,000 ${WIDE_OBJECT} records: 20 fields: ${callText(twenty)}; 200 fields: ${callText(twoHundred)} ` +
      `(${fieldsIndependent ? 'the same' : 'DIFFERENT'})\n`
  );
  return { ratio, agree, fieldsIndependent };
}

function numberArg(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  run({
    records: numberArg(args, '--records'),
    runs: numberArg(args, '--runs'),
    mbps: numberArg(args, '--mbps')
  })
    .then((outcome) => {
      if (!outcome.agree || !outcome.fieldsIndependent) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`error: ${String(error)}\n`);
      process.exitCode = 1;
    });
}
