/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// The parallel CSV reader gives exactly the single-thread reader's rows and figures: split points put on
// every byte of files with quotes, embedded line breaks, CRLF, a BOM and multi-byte UTF-8, with 1..4
// threads; a wrong guess of where a range starts is corrected; errors name the same line; and measure()
// on an export gives the same result on one thread and on several.

import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchCsv, writeBenchExport } from '../../bench/bench-data';
import { CsvFormatError, readCsv } from '../csv/csv-reader';
import type { RowBatch } from '../csv/csv-reader';
import { MAX_THREADS, readCsvParallel, readerThreads } from '../csv/parallel-reader';
import { FillCounter } from '../engine/fill-rate';
import { InformativeCounter } from '../engine/informative';
import { measure } from '../engine/measure';
import { ExportSource } from '../sources/export-source';

const dir = mkdtempSync(join(tmpdir(), 'parallel-reader-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every row decoded, and the counts the engine's hot loop makes from the raw cells. */
async function read(batches: AsyncIterable<RowBatch>): Promise<{ rows: string[][]; counts: number[][] }> {
  const rows: string[][] = [];
  let counter: FillCounter | null = null;
  for await (const batch of batches) {
    counter ??= new FillCounter(batch.columns, [batch.columns[1]!], undefined, [0, 2]);
    counter.add(batch);
    for (let r = 0; r < batch.length; r++) rows.push(batch.row(r));
  }
  const counts = (counter?.groups ?? []).map((g) => [...g.keys.map((k) => k.length), ...g.counts]);
  return { rows, counts };
}

const single = (path: string): AsyncIterable<RowBatch> => readCsv(createReadStream(path));

/**
 * The engine's counts, row bits and informative tallies over a file, with the rows digested (row-digest.ts)
 * by the workers when `options` asks for threads, else on this thread; and how many batches came digested.
 */
async function measured(path: string, options?: { threads: number; rangeBytes: number }) {
  const fields = ['Id', 'OwnerId', 'Name', 'Notes'];
  const ruleFields = [
    { name: 'Name', kind: 'other' as const },
    { name: 'Notes', kind: 'other' as const, defaultValue: 'x' }
  ];
  // Two key columns give many groups, so that keys meet each worker's key table in every order.
  const counter = new FillCounter(fields, ['OwnerId', 'Name'], undefined, [2, 3], undefined, {}, ruleFields);
  const informative = new InformativeCounter(ruleFields);
  const groupOwner: number[] = [];
  const applies: Uint8Array[] = [];
  const bits: number[] = [];
  let digested = 0;
  const batches = options
    ? readCsvParallel(createReadStream(path), { ...options, digest: counter.spec })
    : single(path);
  for await (const batch of batches) {
    if (batch.digest?.()) digested++;
    counter.add(batch);
    for (let g = groupOwner.length; g < counter.groups.length; g++) {
      groupOwner.push(informative.owner(counter.groups[g]!.keys[0]!));
      applies.push(Uint8Array.of(1, 1));
    }
    informative.add(batch, counter.lastDigest, counter.rowGroup, groupOwner, applies);
    for (let r = 0; r < batch.length; r++) bits.push(counter.rowBits[r * counter.wordCount]!);
  }
  const groups = counter.groups.map((g) => ({
    keys: g.keys,
    counts: [...g.counts],
    patterns: [...(g.patterns ?? [])]
  }));
  return { figures: { groups, bits, informative: informative.tally() }, digested };
}

// Quotes with "" escapes, LF and CRLF inside quoted fields, multi-byte UTF-8 (2, 3 and 4 bytes), empty
// and missing trailing cells, a blank line, and a quoted field whose line breaks are followed by text that
// parses as a whole record (a start guessed there is wrong, and must be corrected).
const body = [
  'Id,OwnerId,Name,Notes',
  '1,005A,"Dupont ""Le Grand""","line one\nline two"',
  '2,005B,Émilie,"a,b"',
  '3,005A,"日本語","x\n4,005Z,fake,row\n5,005Z,fake,row"',
  '',
  '6,005B,,',
  '7,005C,"😀 smile","multi\r\nline\r\n"',
  '8,005A',
  '9,005C,"end",""'
];
const lf = file('lf.csv', body.join('\n') + '\n');
const crlfBom = file('crlf-bom.csv', Buffer.from('\ufeff' + body.join('\r\n'), 'utf8'));

describe('parallel CSV reader: same rows and figures as one thread', () => {
  it.each([
    ['LF', lf],
    ['CRLF + BOM, no final line break', crlfBom]
  ])('%s: every split point, 1..4 threads', async (_label, path) => {
    const expected = await read(single(path));
    expect(expected.rows).toHaveLength(7);
    expect(expected.rows[2]).toEqual(['3', '005A', '日本語', 'x\n4,005Z,fake,row\n5,005Z,fake,row']);
    let reparsed = 0;
    for (const threads of [1, 2, 3, 4]) {
      for (const rangeBytes of [1, 3, 7, 29]) {
        const stats = { threads: 0, ranges: 0, reparsed: 0 };
        const got = await read(readCsvParallel(createReadStream(path), { threads, rangeBytes, stats }));
        expect({ threads, rangeBytes, ...got }).toEqual({ threads, rangeBytes, ...expected });
        if (threads > 1) {
          expect(stats.threads).toBe(threads);
          expect(stats.ranges).toBeGreaterThan(threads);
        }
        reparsed += stats.reparsed;
      }
    }
    // The fake records inside the quoted field fooled some guesses, and the reader corrected them.
    expect(reparsed).toBeGreaterThan(0);
  });

  it.each([
    ['LF', lf],
    ['CRLF + BOM, no final line break', crlfBom]
  ])('%s: rows digested by the workers count as rows digested here, 2..4 threads', async (_label, path) => {
    const expected = await measured(path);
    expect(expected.figures.groups.length).toBeGreaterThan(4);
    expect(expected.digested).toBe(0);
    for (const threads of [2, 3, 4]) {
      for (const rangeBytes of [1, 3, 7, 29]) {
        const got = await measured(path, { threads, rangeBytes });
        expect({ threads, rangeBytes, ...got.figures }).toEqual({ threads, rangeBytes, ...expected.figures });
        // The workers' digests were used (a range parsed again here has none).
        expect(got.digested).toBeGreaterThan(0);
      }
    }
  });

  it('the benchmark file shape (quoted, embedded line breaks) at many split points', async () => {
    const path = join(dir, 'bench.csv');
    await writeBenchCsv(path, 3000);
    const expected = await read(single(path));
    for (const rangeBytes of [4096, 65_537]) {
      expect(await read(readCsvParallel(createReadStream(path), { threads: 3, rangeBytes }))).toEqual(
        expected
      );
    }
  });

  it('a malformed record in a later range: the same error, at the same line, as one thread', async () => {
    const path = file('bad.csv', 'Id,Name\n1,a\n2,"b\nc"\n3,d\n4,e"x\n5,f\n');
    const message = async (batches: AsyncIterable<RowBatch>): Promise<string> => {
      try {
        for await (const batch of batches) expect(batch.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(CsvFormatError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    const expected = await message(single(path));
    expect(expected).toContain('line 6');
    for (const rangeBytes of [1, 5]) {
      expect(await message(readCsvParallel(createReadStream(path), { threads: 2, rangeBytes }))).toBe(
        expected
      );
    }
  });

  it('thread count: SYNC_THREADS, bounded, and refused when not a whole number', () => {
    expect(readerThreads(undefined, { SYNC_THREADS: '1' })).toBe(1);
    expect(readerThreads(undefined, { SYNC_THREADS: '999' })).toBe(MAX_THREADS);
    expect(readerThreads(3, { SYNC_THREADS: '1' })).toBe(3);
    expect(readerThreads(undefined, {})).toBeGreaterThanOrEqual(1);
    expect(() => readerThreads(undefined, { SYNC_THREADS: 'two' })).toThrow(
      /SYNC_THREADS=two .*whole number/
    );
    expect(() => readerThreads(undefined, { SYNC_THREADS: '0' })).toThrow(/SYNC_THREADS=0/);
  });
});

describe('measure() on an export: one thread and several give the same result', () => {
  it('a 5-range Opportunity.csv', async () => {
    const csv = join(dir, 'opportunity.csv');
    await writeBenchCsv(csv, 36_000); // about 10.7 MB: five ranges of 2 MiB
    const exportDir = writeBenchExport(join(dir, 'export'), csv);
    const run = async (threads: string): Promise<unknown> => {
      const saved = process.env.SYNC_THREADS;
      process.env.SYNC_THREADS = threads;
      try {
        const source = new ExportSource({ paths: [exportDir] });
        const result = await measure(source, { objects: ['Opportunity'], asOf: '2026-06-30' });
        return { ...result, generatedAt: '', elapsedMs: 0 };
      } finally {
        if (saved === undefined) delete process.env.SYNC_THREADS;
        else process.env.SYNC_THREADS = saved;
      }
    };
    const one = await run('1');
    expect(await run('3')).toEqual(one);
    expect((one as { objects: { records: number }[] }).objects[0]!.records).toBe(36_000);
  });
});
