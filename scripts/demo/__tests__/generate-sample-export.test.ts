import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSampleExport } from '../generate-sample-export';

function digest(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex');
}

describe('sample Data Export generator', () => {
  it('is deterministic for a seed and differs for another', async () => {
    const a = mkdtempSync(join(tmpdir(), 'gen-a-'));
    const b = mkdtempSync(join(tmpdir(), 'gen-b-'));
    const c = mkdtempSync(join(tmpdir(), 'gen-c-'));
    const counts = await generateSampleExport({ outDir: a, seed: 1, scale: 0.05 });
    await generateSampleExport({ outDir: b, seed: 1, scale: 0.05 });
    await generateSampleExport({ outDir: c, seed: 2, scale: 0.05 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
    expect(readdirSync(a).sort()).toEqual(
      expect.arrayContaining([
        'Account.csv',
        'Contact.csv',
        'Event.csv',
        'Lead.csv',
        'Opportunity.csv',
        'Task.csv',
        'User.csv',
        'UserRole.csv'
      ])
    );
    expect(counts.User).toBeGreaterThanOrEqual(45);
  }, 60_000);
});
