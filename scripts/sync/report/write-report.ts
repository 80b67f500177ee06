// Writes <out>/index.html and <out>/result.json, keeping earlier results in <out>/history/.
// Every file is written atomically (a temporary file in the same folder, then a rename): an interrupted
// run leaves the previous report whole, never half a file that breaks the next report.

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SyncResult } from '../engine/result';
import { syncInputError } from '../errors';
import { renderReport, type ReportOptions } from './render-report';

/** Writes `text` to `path` through a temporary file and a rename (atomic on one file system). */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. Node's `mkdirSync(…, { recursive: true })`
 * never returns under some pseudo file systems (`/proc`, seen on Node 22): one level at a time, the
 * system's own error (ENOENT, EACCES, EROFS…) comes back at once.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) mkdirSync(folder);
}

/**
 * Checks, before the run, that `out` (and `out/history` unless withHistory is false) can be created and
 * written (a probe file is written and removed). Throws SyncInputError (exit 2) naming the flag and the
 * path given (`flag`, `given`: default --out and `out`; --aggregates-out names its file, whose folder is
 * checked) and the system's reason.
 */
export function checkOutWritable(
  out: string,
  {
    withHistory = true,
    flag = 'out',
    given = out
  }: { withHistory?: boolean; flag?: string; given?: string } = {}
): void {
  const historyDir = join(out, 'history');
  try {
    makeFolders(withHistory ? historyDir : out);
    for (const dir of withHistory ? [out, historyDir] : [out]) {
      const probe = join(dir, `.write-check-${process.pid}.tmp`);
      writeFileSync(probe, '');
      rmSync(probe, { force: true });
    }
  } catch (error) {
    throw syncInputError('sync.run', 'OutNotWritable', [flag, given, (error as Error).message]);
  }
}

/**
 * An earlier result usable in the trends, or the reason it is not: a history file must hold a
 * period start (yyyy-mm-dd) and objects with a name and an average completeness (number or null).
 */
export function historyRun(parsed: unknown): SyncResult | string {
  if (!parsed || typeof parsed !== 'object') return 'not a JSON object';
  const run = parsed as { period?: { start?: unknown }; objects?: unknown };
  if (typeof run.period?.start !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(run.period.start)) {
    return 'no period.start date';
  }
  if (!Array.isArray(run.objects)) return 'no objects list';
  for (const object of run.objects as unknown[]) {
    const o = object as { name?: unknown; completeness?: { average?: unknown } } | null;
    const average = o?.completeness?.average;
    if (!o || typeof o.name !== 'string' || !(average === null || typeof average === 'number')) {
      return 'an object without a name or a completeness average';
    }
  }
  return parsed as SyncResult;
}

export function writeReport(
  result: SyncResult,
  out: string,
  lang: 'en' | 'fr',
  options: ReportOptions = {}
): { html: string; json: string; skippedHistory: string[] } {
  const historyDir = join(out, 'history');
  makeFolders(historyDir);
  const json = join(out, 'result.json');
  const stamp = result.generatedAt.replace(/[:.]/g, '-');
  const text = `${JSON.stringify(result, null, 2)}\n`;
  writeFileAtomic(json, text);
  writeFileAtomic(join(historyDir, `result-${result.period.start}-${stamp}.json`), text);
  const history: SyncResult[] = [];
  const skippedHistory: string[] = [];
  for (const name of readdirSync(historyDir).sort()) {
    if (!/^result-.*\.json$/.test(name)) continue;
    const file = join(historyDir, name);
    let reason: string;
    try {
      const run = historyRun(JSON.parse(readFileSync(file, 'utf8')));
      if (typeof run !== 'string') {
        history.push(run);
        continue;
      }
      reason = run;
    } catch (error) {
      reason = (error as Error).message;
    }
    // Reported and left out of the trends, never fatal: one bad file must not break every later report.
    skippedHistory.push(`${file} is skipped in the trends (${reason}): delete or fix it.`);
  }
  const html = join(out, 'index.html');
  writeFileAtomic(html, renderReport(result, history, lang, options));
  return { html, json, skippedHistory };
}
