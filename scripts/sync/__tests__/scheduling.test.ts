// Nothing personal leaves the org by default (issue 9, item 14): the scheduled workflow uploads no report
// or result, prints no result to its log, and uploads only the aggregates, only on opt-in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const workflow = readFileSync(join(root, '.github/workflows/sync-schedule.yml'), 'utf8');
const script = readFileSync(join(root, 'scripts/sync/run-scheduled-sync.sh'), 'utf8');

/** The steps of the workflow's job, as text blocks starting at "- name:" or "- uses:". */
function steps(text: string): string[] {
  const body = text.slice(text.indexOf('    steps:'));
  return body.split(/\n(?=      - )/).slice(1);
}

describe('the scheduled sync keeps personal figures in the org', () => {
  it('uploads only the aggregates file, only when SYNC_UPLOAD_AGGREGATES is true', () => {
    const uploads = steps(workflow).filter((s) => s.includes('actions/upload-artifact'));
    expect(uploads.length).toBeGreaterThan(0);
    for (const upload of uploads) {
      expect(upload).toMatch(/if: \$\{\{ always\(\) && vars\.SYNC_UPLOAD_AGGREGATES == 'true' \}\}/);
      const paths = /path: (.+)/.exec(upload)?.[1]?.trim();
      expect(paths).toBe('reports/aggregates/aggregates.json');
    }
  });

  it('neither writes the full report nor prints the result to the log', () => {
    const sync = steps(workflow).find((s) => s.includes('npm run --silent sync')) ?? '';
    expect(sync).not.toMatch(/--out\b/);
    expect(sync).toMatch(/--json .*> "\$RUNNER_TEMP\/result\.json"/);
    const exec = script.split('\n').find((line) => line.startsWith('exec npm')) ?? '';
    expect(exec).toMatch(/--json \$\{SYNC_ARGS:-\} >\/dev\/null$/);
    expect(exec).not.toMatch(/--out\b/);
  });
});
