// npm run bench [-- --large] [-- --rows N]: fill rate by owner over an Opportunity CSV of 1,000,000 rows ×
// 20 columns (5,000,000 with --large), measured three ways, each in its own child process (its own peak
// RSS): our streaming byte-level reader, DuckDB (read_csv + SUM(CASE WHEN … IS NOT NULL) GROUP BY OwnerId),
// and a plain csv-parse loop. Prints wall time, rows/s, peak RSS and ratios; checks the three agree.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeBenchCsv } from './bench-data';

interface Measure {
  mode: string;
  ms: number;
  rows: number;
  owners: number;
  checksum: number;
  maxRssMb: number;
}

const root = resolve(__dirname, '../..');

function child(mode: string, file: string): Measure {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const out = execFileSync(tsx, [join(__dirname, 'bench-child.ts'), mode, file], {
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
  const size = statSync(file).size;
  process.stdout.write(
    `Fill rate by owner: ${rows.toLocaleString('en-US')} rows × 20 columns, ${(size / 1e6).toFixed(0)} MB (${file})\n\n`
  );
  const results: Measure[] = [];
  for (const mode of ['ours', 'duckdb', 'csv-parse']) {
    process.stderr.write(`running ${mode}…\n`);
    results.push(child(mode, file));
  }
  const duck = results.find((r) => r.mode === 'duckdb');
  const ours = results.find((r) => r.mode === 'ours');
  if (!duck || !ours) throw new Error('a benchmark child gave no result');
  const pad = (s: string, n: number): string => s.padStart(n);
  process.stdout.write(
    `${'engine'.padEnd(12)}${pad('wall s', 9)}${pad('rows/s', 12)}${pad('peak RSS MB', 13)}${pad('× DuckDB time', 15)}\n`
  );
  for (const r of results) {
    process.stdout.write(
      `${r.mode.padEnd(12)}${pad((r.ms / 1000).toFixed(2), 9)}${pad(Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-US'), 12)}${pad(r.maxRssMb.toFixed(0), 13)}${pad((r.ms / duck.ms).toFixed(2), 15)}\n`
    );
  }
  const agree = results.every(
    (r) => r.checksum === duck.checksum && r.rows === rows && r.owners === duck.owners
  );
  process.stdout.write(
    `\nresults agree: ${agree ? 'yes' : 'NO'} (${duck.owners} owners, checksum ${duck.checksum})\n` +
      `target ≤ 1.5× DuckDB time: ${ours.ms <= 1.5 * duck.ms ? 'met' : 'missed'} (${(ours.ms / duck.ms).toFixed(2)}×); ` +
      `peak RSS < 150 MB: ${ours.maxRssMb < 150 ? 'met' : 'missed'} (${ours.maxRssMb.toFixed(0)} MB)\n`
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
  if (!agree) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${String(error)}\n`);
  process.exitCode = 1;
});
