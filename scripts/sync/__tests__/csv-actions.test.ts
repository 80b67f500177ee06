/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11 (encodings: "never a quoting error blamed on a valid file"): the "Try this" of a CSV error in an
// export fits the error, and names --encoding only when a wrong encoding could have made it: bytes
// transcoded on --encoding's word, or ISO-2022 escape bytes read as something else. In every encoding read
// as it is, quotes, commas and line breaks are the same bytes, so --encoding is no cure there.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../command/output';
import type { ErrorShape } from '../command/output';
import { csvFormatError, encodingCause } from '../csv/csv-actions';
import { recordTooLong } from '../csv/csv-reader';
import { measure } from '../engine/measure';
import { ExportSource } from '../sources/export-source';
import { U1, makeFixture } from './fixtures';

const at = '2026-11-17T10:00:00.000Z';

/** The fixture export with Opportunity.csv replaced by `body` (after its header). */
function exportWith(body: Buffer): { exportDir: string; rulesDir: string } {
  const { exportDir, rulesDir } = makeFixture();
  writeFileSync(
    join(exportDir, 'Opportunity.csv'),
    Buffer.concat([Buffer.from('Id,Name,OwnerId,StageName,Amount,CreatedById,CreatedDate\n'), body])
  );
  return { exportDir, rulesDir };
}

/** The error a run ends with, as the console and --json show it. */
async function failure(dir: { exportDir: string; rulesDir: string }, encoding?: string): Promise<ErrorShape> {
  try {
    await measure(new ExportSource({ paths: [dir.exportDir], rulesDir: dir.rulesDir, encoding }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });
  } catch (error) {
    return describeError(error);
  }
  throw new Error('the run did not fail');
}

const row = (name: string): Buffer => Buffer.from(`o1,${name},${U1},Prospecting,100,${U1},${at}\n`);
// JIS X 0208 0x22 0x2C (a symbol) between ISO-2022-JP's escapes: in a valid ISO-2022-JP file, bytes that
// read as " and , in any ASCII-compatible encoding.
const jis = Buffer.concat([
  Buffer.from('Caf'),
  Buffer.from([0x1b, 0x24, 0x42, 0x22, 0x2c, 0x1b, 0x28, 0x42])
]);

describe('the actions of a CSV error in an export', () => {
  it.each([
    ['UTF-8 (default)', undefined],
    ['windows-1252', 'windows-1252'],
    ['shift_jis', 'shift_jis']
  ])('a stray quote read as %s: the quoting action, no --encoding', async (_label, encoding) => {
    const shape = await failure(exportWith(row('Dupont "Le Grand"')), encoding);
    expect(shape.name).toBe('CsvFormatError');
    expect(shape.message).toMatch(/Opportunity\.csv, line 2: a quote inside an unquoted field in column 2/);
    expect(shape.actions).toEqual([expect.stringMatching(/a quote inside a field must be doubled/)]);
    expect(shape.actions.join('\n')).not.toMatch(/--encoding/);
  });

  it('a file cut inside a quoted field: says it was cut short, no --encoding', async () => {
    const shape = await failure(exportWith(Buffer.from(`o1,"Open quote,${U1},Prospecting\n`)));
    expect(shape.message).toMatch(/a quoted field is never closed/);
    expect(shape.actions).toEqual([expect.stringMatching(/so it was cut short/)]);
  });

  it('a record with more values than the header: names the extra values, no --encoding', async () => {
    const shape = await failure(exportWith(Buffer.from(`o1,A,${U1},Prospecting,100,${U1},${at},extra\n`)));
    expect(shape.actions).toEqual([expect.stringMatching(/more values than the header has columns/)]);
  });

  it('bytes transcoded on --encoding’s word (ISO-2022-JP asked, the file says nothing): names --encoding', async () => {
    const shape = await failure(exportWith(row('Dupont "Le Grand"')), 'iso-2022-jp');
    expect(shape.actions).toEqual([
      expect.stringMatching(/a quote inside a field must be doubled/),
      expect.stringMatching(
        /It was read as iso-2022-jp, as --encoding says, .*run again with the right one in --encoding/
      )
    ]);
  });

  it('ISO-2022-JP text read as UTF-8: names --encoding iso-2022-jp, which reads the same file', async () => {
    const dir = exportWith(
      Buffer.concat([Buffer.from('o1,'), jis, Buffer.from(`,${U1},Prospecting,100,${U1},${at}\n`)])
    );
    const shape = await failure(dir);
    expect(shape.message).toMatch(/a quote inside an unquoted field in column 2/);
    expect(shape.actions[1]).toMatch(
      /It holds ISO-2022 escape bytes but was read as utf-8: if the export's encoding is Japanese \(JIS\), run again with --encoding iso-2022-jp\./
    );
    // The advice is right: read as ISO-2022-JP, the file measures.
    const result = await measure(
      new ExportSource({ paths: [dir.exportDir], rulesDir: dir.rulesDir, encoding: 'iso-2022-jp' }),
      { objects: ['Opportunity'], asOf: '2026-11-20' }
    );
    expect(result.objects[0]!.records).toBe(1);
  });
});

describe('csvFormatError and encodingCause', () => {
  const utf8 = { encoding: 'utf-8', transcode: false };
  it('a record longer than the cap: the file is damaged, no --encoding', () => {
    const error = csvFormatError(recordTooLong(32 << 20, 'Opportunity.csv', 7), utf8, Buffer.from('Id\n'));
    expect(error.name).toBe('CsvFormatError');
    expect(error.message).toBe(
      'Opportunity.csv, line 7: a record is longer than 32 MiB: the file is damaged or is not a Salesforce export.'
    );
    expect(error.hint).toMatch(/^No Salesforce record is that long/);
    expect(error.hint).not.toMatch(/--encoding/);
  });

  it('a wrong encoding is plausible only when not proven by the bytes', () => {
    expect(encodingCause(utf8, Buffer.from('Id,Name\n'))).toBeNull();
    expect(encodingCause({ encoding: 'utf-16le', transcode: true }, Buffer.from('I\0d\0'))).toBe('told');
    // A byte order mark or UTF-16's NULs proved it: --encoding would change nothing.
    expect(
      encodingCause({ encoding: 'utf-16le', transcode: true, proven: true }, Buffer.from('I\0d\0'))
    ).toBeNull();
    expect(encodingCause(utf8, jis)).toBe('jis');
    expect(encodingCause({ encoding: 'utf-8', transcode: false, proven: true }, jis)).toBeNull();
  });
});
