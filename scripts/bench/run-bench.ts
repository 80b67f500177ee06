// npm run bench [-- --large] [-- --rows N]: fill rate by owner over an Opportunity CSV of 1,000,000 rows ×
// 20 columns (5,000,000 with --large), each way in its own child process (its own peak RSS): the engine's
// fill counting loop keyed by owner (core), the full sync engine (measure() on an export folder holding
// the CSV, as the CLI runs it), DuckDB (read_csv + SUM(CASE WHEN … IS NOT NULL) GROUP BY OwnerId) and a
// plain csv-parse loop. Prints wall time, rows/s, peak RSS and ratios; checks the figures agree.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_OWNERS, BENCH_TEAMS, writeBenchCsv, writeBenchExport } from './bench-data';
import { printRankingBench, runRankingBench } from './ranking-bench';

interface Measure {
  mode: string;
  ms: number;
  cpuMs: number;
  rows: number;
  owners: number;
  checksum: number | null;
  checksumPlain?: number;
  maxRssMb: number;
}

const root = resolve(__dirname, '../..');

const LABELS: Record<string, string> = {
  core: 'ours: fill rate by owner (core loop)',
  engine: 'ours: full sync engine (measure)',
  duckdb: 'DuckDB',
  'csv-parse': 'csv-parse loop'
};

function child(mode: string, file: string, exportDir: string): Measure {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const out = execFileSync(tsx, [join(__dirname, 'bench-child.ts'), mode, file, exportDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20
  });
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Measure;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rowsArg = args.indexOf('--rows');
  const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : args.includes('--large') ? 5_000_000 : 1_000_000;
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `opportunity-${rows}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`Generating ${file} (${rows.toLocaleString('en-US')} rows × 20 columns)…\n`);
    await writeBenchCsv(file, rows);
  }
  const exportDir = writeBenchExport(join(dir, `export-${rows}`), file);
  const size = statSync(file).size;
  process.stdout.write(
    `Fill rate by owner: ${rows.toLocaleString('en-US')} rows × 20 columns, ${(size / 1e6).toFixed(0)} MB (${file})\n` +
      `core = the engine's per-group fill counting (FillCounter) keyed by owner; engine = measure() on an export\n` +
      `folder (this CSV as Opportunity.csv + ${BENCH_OWNERS} users in ${BENCH_TEAMS.length} teams), with the project's completeness rules:\n` +
      `owners × record types × stages, teams, rule fields per team, completeness scores.\n\n`
  );
  const results: Measure[] = [];
  for (const mode of ['core', 'engine', 'duckdb', 'csv-parse']) {
    process.stderr.write(`running ${mode}…\n`);
    results.push(child(mode, file, exportDir));
  }
  const by = (mode: string): Measure => {
    const r = results.find((x) => x.mode === mode);
    if (!r) throw new Error(`the ${mode} benchmark child gave no result`);
    return r;
  };
  const duck = by('duckdb');
  const core = by('core');
  const engine = by('engine');
  const pad = (s: string, n: number): string => s.padStart(n);
  const w = 40;
  process.stdout.write(
    `${'engine'.padEnd(w)}${pad('wall s', 9)}${pad('CPU s', 8)}${pad('rows/s', 12)}${pad('peak RSS MB', 13)}${pad('× DuckDB time', 15)}\n`
  );
  for (const r of results) {
    process.stdout.write(
      `${(LABELS[r.mode] ?? r.mode).padEnd(w)}${pad((r.ms / 1000).toFixed(2), 9)}${pad((r.cpuMs / 1000).toFixed(2), 8)}${pad(Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-US'), 12)}${pad(r.maxRssMb.toFixed(0), 13)}${pad((r.ms / duck.ms).toFixed(2), 15)}\n`
    );
  }
  // Every column counted filled when not empty: core, DuckDB and csv-parse must give the same figures;
  // the engine counts checkboxes as filled only when true, so it is compared without them.
  const agree =
    results.every(
      (r) =>
        r.mode === 'engine' || (r.checksum === duck.checksum && r.rows === rows && r.owners === duck.owners)
    ) &&
    engine.checksumPlain === duck.checksumPlain &&
    engine.rows === rows &&
    engine.owners === duck.owners;
  const target = (m: Measure): string =>
    `≤ 1.5× DuckDB time ${m.ms <= 1.5 * duck.ms ? 'met' : 'missed'} (${(m.ms / duck.ms).toFixed(2)}×), ` +
    `peak RSS < 150 MB ${m.maxRssMb < 150 ? 'met' : 'missed'} (${m.maxRssMb.toFixed(0)} MB)`;
  process.stdout.write(
    `\nresults agree: ${agree ? 'yes' : 'NO'} (${duck.owners} owners, checksum ${duck.checksum}; ` +
      `without checkboxes ${duck.checksumPlain}, engine ${engine.checksumPlain})\n` +
      `core:   ${target(core)}\n` +
      `engine: ${target(engine)}\n`
  );
  const live = join(__dirname, 'live-api-calls.ts');
  if (existsSync(live)) {
    const mod = (await import(live)) as { run?: () => Promise<void> };
    if (typeof mod.run === 'function') await mod.run();
  } else {
    process.stdout.write(
      'live path: scripts/bench/live-api-calls.ts not present, API calls per object not measured\n'
    );
  }
  // The rep's daily action list: ranking 500 and 5,000 candidate items (issue target: < 20 ms for 500).
  process.stdout.write('\n');
  const ranking = runRankingBench();
  printRankingBench(ranking);
  if (!agree || ranking.some((r) => !r.pass)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${String(error)}\n`);
  process.exitCode = 1;
});
