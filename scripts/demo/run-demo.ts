// npm run demo: generates the sample Data Export if missing, runs the sync on it and writes the report.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../sync/cli';
import { DEFAULT_SAMPLE_DIR, generateSampleExport } from './generate-sample-export';

async function main(): Promise<number> {
  const root = resolve(__dirname, '../..');
  const exportDir = join(root, DEFAULT_SAMPLE_DIR);
  const outDir = join(root, 'reports/demo');
  const lang = process.argv.includes('--fr') ? 'fr' : 'en';
  if (!existsSync(join(exportDir, 'User.csv'))) {
    process.stderr.write(`Generating the sample Data Export in ${DEFAULT_SAMPLE_DIR}/ …\n`);
    await generateSampleExport({ outDir: exportDir });
  }
  // No --as-of: the export's default period, the last complete week before the day it was taken
  // (stages/plan.ts defaultAsOf), shows the sample's activity whatever today is.
  const { exitCode } = await runCli(['--from-export', exportDir, '--out', outDir, '--lang', lang]);
  if (exitCode === 0) {
    process.stdout.write(`\nOpen the report: ${join(outDir, 'index.html')}\n`);
  }
  return exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${String(error)}\n`);
    process.exitCode = 2;
  }
);
