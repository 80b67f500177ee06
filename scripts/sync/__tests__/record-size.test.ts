// Issue 11: one record-size rule for every reader. A record longer than the cap (from its first byte through
// its line ending) is refused with the same error, file and line whether the file is read on one thread
// (SYNC_THREADS=1, in one chunk or in small ones) or in byte ranges by several: inside a range, across a
// range's end, or at the end of the file. A record of exactly the cap is read by all.

import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvFormatError, readCsv } from '../csv/csv-reader';
import { readCsvParallel } from '../csv/parallel-reader';

const dir = mkdtempSync(join(tmpdir(), 'record-size-'));
const saved = process.env.SYNC_THREADS;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.SYNC_THREADS;
  else process.env.SYNC_THREADS = saved;
});

const CAP = 200;
/** A short record (line n): 18 bytes with its line ending. */
const short = (n: number): string => `${String(n).padStart(4, '0')},005A,short row\n`;
/** A record of exactly `bytes` bytes with its LF, a quoted note holding a line break (two lines). */
function sized(n: number, bytes: number): string {
  const head = `${String(n).padStart(4, '0')},005B,"`;
  const fill = bytes - head.length - 3; // the closing quote, the LF inside the note, the line's LF
  return `${head}${'x'.repeat(Math.floor(fill / 2))}\n${'y'.repeat(Math.ceil(fill / 2))}"\n`;
}

/** Header, then `before` short records, the sized one, then `after` short records; its first line. */
function write(
  name: string,
  before: number,
  bytes: number,
  after: number,
  finalLf = true
): { path: string; line: number } {
  const lines = ['Id,OwnerId,Note\n'];
  for (let i = 0; i < before; i++) lines.push(short(i));
  lines.push(sized(before, bytes));
  for (let i = 0; i < after; i++) lines.push(short(before + 1 + i));
  let text = lines.join('');
  if (!finalLf) text = text.slice(0, -1);
  const path = join(dir, name);
  writeFileSync(path, text);
  expect(Buffer.byteLength(sized(before, bytes))).toBe(bytes);
  return { path, line: 2 + before };
}

/** How a reading ends: its rows, or the CsvFormatError's message, source and line. */
async function outcome(
  read: () => AsyncIterable<{ length: number }>
): Promise<{ rows: number } | { error: string; source: string; line: number }> {
  let rows = 0;
  try {
    for await (const b of read()) rows += b.length;
    return { rows };
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    return { error: error.message, source: error.sourceName, line: error.line };
  }
}

/** Filled by the parallel reader: the threads it read with (several: byte ranges, not one thread). */
const stats = { threads: 0, ranges: 0, reparsed: 0 };

function readers(path: string, rangeBytes: number) {
  const options = { sourceName: path, maxRecordBytes: CAP, rangeBytes, stats };
  return {
    'SYNC_THREADS=1': () => {
      process.env.SYNC_THREADS = '1';
      stats.threads = 0;
      return readCsvParallel(createReadStream(path), options);
    },
    'one thread, 16-byte chunks': () => {
      const bytes = readFileSync(path);
      const chunks = Array.from({ length: Math.ceil(bytes.length / 16) }, (_, i) =>
        bytes.subarray(i * 16, i * 16 + 16)
      );
      return readCsv(chunks, options);
    },
    'SYNC_THREADS=2': () => {
      process.env.SYNC_THREADS = '2';
      stats.threads = 0;
      return readCsvParallel(createReadStream(path), options);
    },
    'SYNC_THREADS=3': () => {
      process.env.SYNC_THREADS = '3';
      stats.threads = 0;
      return readCsvParallel(createReadStream(path), options);
    }
  };
}

describe('a record longer than the cap', () => {
  it.each([
    // rangeBytes 1024: the 300-byte record lies inside the first range (no range end cuts it).
    ['inside a range', 'inside.csv', 3, 300, 150, true, 1024],
    // rangeBytes 64: range ends cut the record.
    ['across a range end', 'across.csv', 20, 300, 20, true, 64],
    // The file's last record, without a final line break.
    ['at the end of the file', 'last.csv', 40, 260, 0, false, 128]
  ])(
    '%s: the same error, file and line on one thread and on several',
    async (_label, name, before, bytes, after, finalLf, rangeBytes) => {
      const { path, line } = write(name, before, bytes, after, finalLf);
      const expected = {
        error: `${path}, line ${line}: a record is longer than ${CAP} bytes: the file is damaged or is not a Salesforce export`,
        source: path,
        line
      };
      for (const [how, read] of Object.entries(readers(path, rangeBytes))) {
        expect({ how, ...(await outcome(read)) }).toEqual({ how, ...expected });
        // Several threads: byte ranges (stats filled); one: the single-thread reader (stats untouched).
        if (how.startsWith('SYNC_THREADS='))
          expect(stats.threads).toBe(how.endsWith('=1') ? 0 : Number(how.slice(-1)));
      }
    }
  );

  it('reads a record of exactly the cap on one thread and on several', async () => {
    const { path } = write('exact.csv', 20, CAP, 100, true);
    for (const [how, read] of Object.entries(readers(path, 256))) {
      expect({ how, ...(await outcome(read)) }).toEqual({ how, rows: 121 });
    }
  });
});
