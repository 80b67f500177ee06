// Offline speed (issue 11): describing an object (its columns, and their types from the first records)
// reads the head of its file on the reading thread. Through the parallel reader it parsed several byte
// ranges ahead only to drop them: a quarter of a second per large file before any record was measured.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as parallelReader from '../csv/parallel-reader';
import { ExportSource } from '../sources/export-source';
import { U1, makeFixture } from './fixtures';

describe('describing an exported object', () => {
  it('reads only the head of a large file, and still types its columns from its first records', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const row = (i: number): string =>
      `"006${String(i).padStart(15, '0')}","${U1}","Prospecting","${1000 + i}","2026-06-30","${'x'.repeat(200)}"`;
    const lines = ['"Id","OwnerId","StageName","Amount","CloseDate","Description"'];
    // About 5 MiB: more than two of the parallel reader's ranges, so a stream of it would be read in ranges.
    for (let i = 0; i < 20_000; i++) lines.push(row(i));
    writeFileSync(join(exportDir, 'Opportunity.csv'), lines.join('\n') + '\n');
    const parallel = jest.spyOn(parallelReader, 'readCsvParallel');
    const source = new ExportSource({ paths: [exportDir], rulesDir });
    const describe = await source.describe('Opportunity');
    // Small files (User.csv, read for the export's day) go through it too, and read on one thread.
    const opportunity = parallel.mock.calls.filter(([, options]) =>
      options?.sourceName?.includes('Opportunity')
    );
    expect(opportunity).toEqual([]);
    const type = (name: string): string | undefined => describe?.fields.find((f) => f.name === name)?.type;
    expect(describe?.fields.map((f) => f.name)).toEqual([
      'Id',
      'OwnerId',
      'StageName',
      'Amount',
      'CloseDate',
      'Description'
    ]);
    expect(type('CloseDate')).toBe('date');
    parallel.mockRestore();
    await source.close();
  });
});
