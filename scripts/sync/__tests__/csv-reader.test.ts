/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
import { parse } from 'csv-parse/sync';
import { CsvFormatError, CsvParser, readCsv } from '../csv/csv-reader';
import { prng } from '../../demo/generate-sample-export';

async function rows(data: Buffer, chunk: number, encoding?: string): Promise<string[][]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) chunks.push(data.subarray(i, i + chunk));
  const out: string[][] = [];
  let header: readonly string[] = [];
  for await (const batch of readCsv(chunks, { encoding })) {
    header = batch.columns;
    for (let r = 0; r < batch.length; r++) out.push(batch.row(r));
  }
  return [[...header], ...out];
}

describe('CSV reader on tricky inputs', () => {
  const tricky = Buffer.from(
    '\ufeffId,Name,Notes\r\n1,"Dupont ""Le Grand""","line one\r\nline two"\r\n2,,"a,b"\r\n\r\n3,"",\n4,x,"\n"',
    'utf8'
  );
  it.each([1, 2, 3, 7, 1000])(
    'parses quotes, CRLF, BOM, blank lines, embedded newlines (chunk %i)',
    async (n) => {
      expect(await rows(tricky, n)).toEqual([
        ['Id', 'Name', 'Notes'],
        ['1', 'Dupont "Le Grand"', 'line one\r\nline two'],
        ['2', '', 'a,b'],
        ['3', '', ''],
        ['4', 'x', '\n']
      ]);
    }
  );

  it('decodes Latin-1 / windows-1252 with --encoding', async () => {
    const latin1 = Buffer.from([
      ...Buffer.from('Name,City\n"Ren'),
      0xe9,
      ...Buffer.from('e",Orl'),
      0xe9,
      ...Buffer.from('ans\n"'),
      0x80,
      ...Buffer.from(' 5",x\n')
    ]);
    expect(await rows(latin1, 4, 'windows-1252')).toEqual([
      ['Name', 'City'],
      ['Renée', 'Orléans'],
      ['€ 5', 'x']
    ]);
  });

  it('keeps multi-byte UTF-8 characters split across chunks', async () => {
    expect(await rows(Buffer.from('a\n"é—ü"\n'), 1)).toEqual([['a'], ['é—ü']]);
  });

  it('reports an unclosed quote with the line', async () => {
    await expect(rows(Buffer.from('a,b\n1,"open\n2,3\n'), 5)).rejects.toThrow(CsvFormatError);
    await expect(rows(Buffer.from('a,b\n1,"open\n2,3\n'), 5)).rejects.toThrow(/line 2/);
  });

  it('rejects UTF-16 and unknown encodings with a clear message', async () => {
    await expect(rows(Buffer.from('a\n'), 5, 'utf-16le')).rejects.toThrow(/not supported/);
    await expect(rows(Buffer.from('a\n'), 5, 'klingon')).rejects.toThrow(/Unknown encoding/);
  });

  it('tells empty from filled without decoding, and compares ASCII', async () => {
    for await (const b of readCsv([Buffer.from('a,b,c\n"",x,TRUE\n')])) {
      expect(b.isEmpty(0, 0)).toBe(true);
      expect(b.isEmpty(0, 1)).toBe(false);
      expect(b.equalsAscii(0, 2, 'true')).toBe(true);
    }
  });
});

describe('CSV reader against csv-parse on random files (differential)', () => {
  const alphabet = ['a', 'b', 'é', ',', '"', '\n', '\r\n', ' ', '1', '€'];
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('agrees on random file with seed %i', async (seed) => {
    const rand = prng(seed);
    const width = 1 + Math.floor(rand() * 6);
    const records: string[][] = [];
    const count = 2 + Math.floor(rand() * 200);
    for (let r = 0; r < count; r++) {
      const rec: string[] = [];
      for (let c = 0; c < width; c++) {
        const len = Math.floor(rand() * 8);
        let v = '';
        for (let k = 0; k < len; k++) v += alphabet[Math.floor(rand() * alphabet.length)]!;
        rec.push(v);
      }
      // A record that is one empty field would be a blank line: both parsers skip those.
      if (width === 1 && rec[0] === '') rec[0] = 'x';
      records.push(rec);
    }
    const eol = rand() < 0.5 ? '\n' : '\r\n';
    const text =
      records
        .map((rec) =>
          rec.map((v) => (/[",\r\n]/.test(v) || rand() < 0.3 ? `"${v.replace(/"/g, '""')}"` : v)).join(',')
        )
        .join(eol) + (rand() < 0.5 ? eol : '');
    const data = Buffer.from(text, 'utf8');
    const expected: string[][] = parse(data, { relax_column_count: false, skip_empty_lines: true });
    const chunk = 1 + Math.floor(rand() * 64);
    expect(await rows(data, chunk)).toEqual(expected);
  });
});

describe('CSV reader on large chunks (the carried record joined with the start of the next chunk)', () => {
  it.each([
    [100_000, 5],
    [1 << 20, 300_000],
    [70_000, 200_000]
  ])('agrees with csv-parse with %i-byte chunks and a %i-byte cell', async (chunk, big) => {
    const rand = prng(chunk);
    const lines: string[] = ['Id,Notes,Amount'];
    for (let i = 0; i < 6000; i++) {
      const notes =
        i % 1500 === 7
          ? `"${'long, "" text\n'.repeat(Math.ceil(big / 14)).slice(0, big)}"`
          : rand() < 0.3
            ? ''
            : `"n${i}"`;
      lines.push(`${i},${notes},${rand() < 0.5 ? '' : String(i * 3)}`);
    }
    const data = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
    const expected: string[][] = parse(data, { relax_column_count: false, skip_empty_lines: true });
    expect(await rows(data, chunk)).toEqual(expected);
  });
});

describe('long records (issue 9, item 11)', () => {
  const chunked = function* (text: string, size: number): Generator<Buffer> {
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };

  it('reads a record spanning thousands of chunks in linear time', async () => {
    // A quoted record with a "" escape and a line break inside, read in 16 KiB chunks. Linearity is judged
    // by the bytes the parser looks at (CsvParser.bytesExamined: parsed, scanned or copied), counted, not
    // timed: a few times the record when linear; rescanning the growing record from its start at every
    // chunk would be about n² / (2 × 16 KiB), thousands of times it.
    const read = (mib: number): { examined: number; rows: string[][]; length: number } => {
      const long = 'x'.repeat(mib << 20);
      const text = `Id,Description\n1,"a""b\n${long}"\n2,short\n`;
      const rows: string[][] = [];
      const parser = new CsvParser({});
      for (const chunk of chunked(text, 16 << 10)) {
        for (const batch of parser.pushBatches(chunk)) {
          for (let r = 0; r < batch.length; r++) rows.push(batch.row(r));
        }
      }
      const last = parser.end();
      for (let r = 0; r < (last?.length ?? 0); r++) rows.push(last!.row(r));
      return { examined: parser.bytesExamined, rows, length: text.length };
    };
    const small = read(3);
    const large = read(24);
    expect(small.examined).toBeLessThanOrEqual(6 * small.length);
    expect(large.examined).toBeLessThanOrEqual(6 * large.length);
    expect(large.rows.map((r) => r[0])).toEqual(['1', '2']);
    expect(large.rows[0]?.[1]).toHaveLength((24 << 20) + 4);
    expect(large.rows[0]?.[1]?.startsWith('a"b\n')).toBe(true);
    // And readCsv, which the export source uses, goes through the same parser: the same rows.
    const text = `Id,Description\n1,"a""b\n${'x'.repeat(1 << 20)}"\n2,short\n`;
    const viaReader: string[][] = [];
    for await (const batch of readCsv(chunked(text, 16 << 10)))
      for (let r = 0; r < batch.length; r++) viaReader.push(batch.row(r));
    expect(viaReader.map((r) => r[0])).toEqual(['1', '2']);
  });

  it('refuses a record longer than the cap, naming the source', async () => {
    const text = `Id,Description\n1,"${'y'.repeat(3 << 20)}"\n`;
    const read = async (): Promise<void> => {
      for await (const batch of readCsv(chunked(text, 64 << 10), {
        sourceName: 'bomb.zip:Opportunity.csv',
        maxRecordBytes: 1 << 20
      })) {
        expect(batch.length).toBe(0);
      }
    };
    await expect(read()).rejects.toThrow(
      /bomb\.zip:Opportunity\.csv, line 2: a record is longer than 1 MiB: the file is damaged or is not a Salesforce export/
    );
  });
});

describe('CSV reader: cell arrays sized for what a range holds', () => {
  // A range's records are those starting before its limit; the cell arrays are sized for them, not for
  // the bytes read beyond (the parallel reader probes one record at a time in 64 KiB windows: sizing for
  // the window cost each range ~300 KB of fresh, zeroed memory).
  it('asks for cells of the records before the limit, not of the whole buffer', () => {
    const header = ['Id', 'Name', 'Amount'];
    const body = Buffer.from(Array.from({ length: 5000 }, (_, i) => `${i},Name ${i},${i * 10}\n`).join(''));
    const asked: number[] = [];
    const parser = new CsvParser({
      header,
      cellArrays: (length) => {
        asked.push(length);
        return new Int32Array(length);
      }
    });
    const r = parser.parseRange(body, 1, false);
    expect(r.complete).toBe(true);
    expect(r.batch?.row(0)).toEqual(['0', 'Name 0', '0']);
    expect(r.batch?.length).toBe(1);
    // At most the minimum capacity (16 records) × 3 cells per array, where the buffer would need thousands.
    expect(Math.max(...asked)).toBeLessThanOrEqual(16 * header.length);
  });
});
