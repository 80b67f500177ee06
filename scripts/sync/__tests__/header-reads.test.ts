// ExportSource.headerOf reads a file's head once: the separator check, the header and a parse error's
// message share it (the file was opened three times for them before). A header longer than the head is
// still read whole, the file opened again past the head.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { ExportSource } from '../sources/export-source';
import { HEAD_BYTES } from '../csv/encoding-evidence';
import { makeFixture, writeCsv } from './fixtures';

jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, createReadStream: jest.fn(actual.createReadStream) };
});

/** Opens of `file` (createReadStream calls) while `run` runs. */
async function opensOf(file: string, run: () => Promise<unknown>): Promise<number> {
  const open = jest.mocked(fs.createReadStream);
  open.mockClear();
  await run();
  return open.mock.calls.filter(([path]) => path === file).length;
}

describe('ExportSource header reads', () => {
  it('opens a second part once for its encoding, once for its Ids and once for its header', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const part = join(root, 'part');
    fs.mkdirSync(part);
    writeCsv(part, 'Opportunity.csv', [
      ['Id', 'OwnerId', 'Amount'],
      ['006000000000009AAA', '005000000000001AAA', '5']
    ]);
    const source = new ExportSource({ paths: [exportDir, part], rulesDir });
    const file = join(part, 'Opportunity.csv');
    // The export check reads the part first (its encoding plan's head, kept, then its record Ids: files
    // of one object must not share one, checkExportsAlike); describe then opens it once, for the head
    // headerOf parses the header from.
    expect(await opensOf(file, () => source.takenAt())).toBe(2);
    expect(await opensOf(file, () => source.describe('Opportunity'))).toBe(1);
    expect((await source.describe('Opportunity'))?.fields.map((f) => f.name)).toContain('Amount');
  });

  it('reads a header longer than the head whole', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const part = join(root, 'part');
    fs.mkdirSync(part);
    const many = Array.from({ length: 5000 }, (_, i) => `Field_${String(i).padStart(4, '0')}__c`);
    const header = ['Id', 'OwnerId', ...many];
    expect(header.join('","').length).toBeGreaterThan(HEAD_BYTES);
    writeCsv(part, 'Opportunity.csv', [header, header.map((_, i) => (i === 0 ? '006000000000009AAA' : 'x'))]);
    const source = new ExportSource({ paths: [exportDir, part], rulesDir });
    const names = (await source.describe('Opportunity'))?.fields.map((f) => f.name) ?? [];
    expect(names).toContain('Field_4999__c');
    expect(names).toContain('Amount');
  });
});
