// Writes <out>/index.html and <out>/result.json, keeping earlier results in <out>/history/.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncResult } from '../engine/result';
import { renderReport, type ReportOptions } from './render-report';

export function writeReport(
  result: SyncResult,
  out: string,
  lang: 'en' | 'fr',
  options: ReportOptions = {}
): { html: string; json: string } {
  const historyDir = join(out, 'history');
  mkdirSync(historyDir, { recursive: true });
  const json = join(out, 'result.json');
  const stamp = result.generatedAt.replace(/[:.]/g, '-');
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  copyFileSync(json, join(historyDir, `result-${result.period.start}-${stamp}.json`));
  const history: SyncResult[] = [];
  for (const name of readdirSync(historyDir).sort()) {
    if (!/^result-.*\.json$/.test(name)) continue;
    try {
      const parsed = JSON.parse(readFileSync(join(historyDir, name), 'utf8')) as SyncResult;
      if (Array.isArray(parsed.objects)) history.push(parsed);
    } catch {
      // A damaged history file is skipped: the trend just has one point fewer.
    }
  }
  const html = join(out, 'index.html');
  writeFileSync(html, renderReport(result, history, lang, options));
  return { html, json: existsSync(json) ? json : '' };
}
