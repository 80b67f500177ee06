/* eslint-disable @typescript-eslint/no-non-null-assertion -- arrays indexed by construction (one entry per kind of run). */
// `npm run bench`'s end-to-end timing, as a user runs it: whole processes, runs alternated, measured from
// outside. Each run is timed by wall clock; its CPU is the user + system time of the whole process tree
// (every thread and child the run waited for: Linux /proc/self/stat cutime + cstime of this process, read
// before and after); its peak RSS is the largest sum of the resident sets of every process of the tree,
// sampled every 10 ms from /proc (npm, the shell and node together). The figures of each run are checked
// against DuckDB's.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameKey } from '../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { SYSTEM_FIELDS } from '../sync/engine/stages/object-measure';
import { BENCH_COLUMNS } from './bench-data';

export interface ProcessRun {
  wallMs: number;
  /** User + system CPU of the process tree (ms; 10 ms resolution). */
  cpuMs: number;
  /** Peak of the tree's summed resident sets (MB), sampled every 10 ms. */
  peakTreeMb: number;
  stdout: string;
}

const PAGE = 4096;
const TICKS_PER_SECOND = 100;

/** CPU of this process's waited-for children so far, in ms (cutime + cstime). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** Resident set of a process and its descendants, in bytes (0 once gone). */
function treeRss(pid: number): number {
  try {
    const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children === '' ? rss : children.split(' ').reduce((sum, c) => sum + treeRss(Number(c)), rss);
  } catch {
    return 0;
  }
}

/** Runs a command to its end; its wall time, the CPU and peak RSS of its tree, its stdout. */
export async function timeProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv }
): Promise<ProcessRun> {
  const cpuBefore = childrenCpuMs();
  const started = process.hrtime.bigint();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let peak = 0;
  const sample = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 10);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(sample);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString().slice(-2000)}`
    );
  }
  return {
    wallMs,
    cpuMs: childrenCpuMs() - cpuBefore,
    peakTreeMb: peak / 1e6,
    stdout: Buffer.concat(out).toString()
  };
}

/** Per owner: [records, filled per column…] over the columns counted alike by the sync and DuckDB. */
export type OwnerFigures = Map<string, number[]>;

/** Checkbox columns: the sync counts them filled when true only (README, "What counts as filled"). */
const CHECKBOXES = new Set(['IsClosed', 'IsWon']);
/** The columns compared: not the checkboxes, nor the system-filled ones the sync leaves out of its field lists. */
export const COMPARED_COLUMNS = BENCH_COLUMNS.filter(
  (c) => !CHECKBOXES.has(c) && !SYSTEM_FIELDS.has(nameKey(c))
);

interface SyncJson {
  objects: {
    name: string;
    owners: { ownerId: string; records: number; fields: { name: string; filled: number }[] }[];
  }[];
}

/**
 * The figures of a sync's `--json` output for Opportunity: the sf CLI envelope `{status, result,
 * warnings}` (since `sf adoption sync`) or the bare result (builds before it, timed with --sync-command).
 */
export function syncFigures(stdout: string): OwnerFigures {
  const parsed = JSON.parse(stdout) as { result?: SyncJson } & Partial<SyncJson>;
  const result: Partial<SyncJson> = parsed.result ?? parsed;
  const opp = result.objects?.find((o) => o.name === 'Opportunity');
  if (!opp) throw new Error('the sync measured no Opportunity');
  return new Map(
    opp.owners.map((o) => [
      o.ownerId,
      [o.records, ...COMPARED_COLUMNS.map((c) => o.fields.find((f) => f.name === c)?.filled ?? -1)]
    ])
  );
}

/** The figures of duckdb-e2e.ts run on COMPARED_COLUMNS. */
export function duckdbFigures(stdout: string): OwnerFigures {
  const r = JSON.parse(stdout) as { owners: Record<string, number[]> };
  return new Map(Object.entries(r.owners));
}

/** Where two sets of figures differ (first few), or [] when they agree owner by owner. */
export function differences(a: OwnerFigures, b: OwnerFigures): string[] {
  const out: string[] = [];
  if (a.size !== b.size) out.push(`${a.size} owners against ${b.size}`);
  for (const [owner, counts] of a) {
    const other = b.get(owner);
    if (!other || other.join() !== counts.join())
      out.push(`${owner}: ${counts.join()} against ${other?.join() ?? 'none'}`);
    if (out.length >= 3) break;
  }
  return out;
}

/** The `sync` script of package.json (what `npm run sync` runs), so the bench times whatever it is. */
export function syncScript(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.sync;
  if (!script) throw new Error('package.json has no "sync" script');
  return script;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface E2eLine {
  label: string;
  wallMs: number;
  cpuMs: number;
  peakTreeMb: number;
  agree: boolean;
}

/**
 * Alternates `runs` rounds of: DuckDB's process, `npm run sync -- --from-export <dir> --json`, the sync
 * script's command without npm's own start-up, and (when `syncCommand` is given) that command too, side by
 * side (e.g. another checkout's sync, for a before/after); medians of wall and CPU, the highest peak RSS.
 * Figures are checked against DuckDB's on every run.
 */
export async function endToEnd(options: {
  root: string;
  csv: string;
  exportDir: string;
  runs: number;
  /** Another sync entry to time beside this one's, run by `sh -c` in `root` with `--from-export <dir> --json`
   * appended, e.g. "cd /work/bench-before && npm run --silent sync --". */
  syncCommand?: string;
}): Promise<E2eLine[]> {
  const { root, csv, exportDir, runs } = options;
  const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}` };
  const script = syncScript(root);
  const kinds: { label: string; run: () => Promise<ProcessRun> }[] = [
    {
      label: 'DuckDB read_csv + GROUP BY (node process)',
      run: () =>
        timeProcess(process.execPath, [join(__dirname, 'duckdb-e2e.ts'), csv, COMPARED_COLUMNS.join(',')], {
          cwd: root,
          env
        })
    },
    {
      label: 'npm run sync -- --from-export … --json',
      run: () =>
        timeProcess('npm', ['run', '--silent', 'sync', '--', '--from-export', exportDir, '--json'], {
          cwd: root,
          env
        })
    },
    {
      label: `  its script alone (${script}), no npm`,
      run: () =>
        timeProcess('sh', ['-c', `${script} --from-export "${exportDir}" --json`], { cwd: root, env })
    }
  ];
  const other = options.syncCommand;
  if (other) {
    kinds.push({
      label: `--sync-command: ${other}`,
      // Its own PATH: a checkout elsewhere runs its own node_modules/.bin (tsx…), not this one's.
      run: () => timeProcess('sh', ['-c', `${other} --from-export "${exportDir}" --json`], { cwd: root })
    });
  }
  const results: ProcessRun[][] = kinds.map(() => []);
  const agree: boolean[] = kinds.map(() => true);
  let reference: OwnerFigures | null = null;
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < kinds.length; k++) {
      process.stderr.write(`  round ${round + 1}/${runs}: ${kinds[k]!.label.trim()}…\n`);
      const r = await kinds[k]!.run();
      results[k]!.push(r);
      const figures = k === 0 ? duckdbFigures(r.stdout) : syncFigures(r.stdout);
      if (k === 0) reference = figures;
      else if (reference) {
        const diff = differences(figures, reference);
        if (diff.length > 0) {
          agree[k] = false;
          process.stderr.write(`  figures differ from DuckDB's: ${diff.join('; ')}\n`);
        }
      }
    }
  }
  return kinds.map((kind, k) => ({
    label: kind.label,
    wallMs: median(results[k]!.map((r) => r.wallMs)),
    cpuMs: median(results[k]!.map((r) => r.cpuMs)),
    peakTreeMb: Math.max(...results[k]!.map((r) => r.peakTreeMb)),
    agree: agree[k]!
  }));
}
