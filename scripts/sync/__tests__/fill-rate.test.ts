/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
import { ArrayRowBatch, readCsv } from '../csv/csv-reader';
import type { RowBatch } from '../csv/csv-reader';
import type { FieldKind } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { FillCounter } from '../engine/fill-rate';
import { prng } from '../../demo/generate-sample-export';

/** Group key → [records, filled…], for comparing counters whatever their group order. */
function byKey(counter: FillCounter): Record<string, number[]> {
  return Object.fromEntries(counter.groups.map((g) => [g.keys.join('|'), [...g.counts]]));
}

async function batches(text: string, chunk: number): Promise<RowBatch[]> {
  const data = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) chunks.push(data.subarray(i, i + chunk));
  const out: RowBatch[] = [];
  for await (const b of readCsv(chunks)) out.push(b);
  return out;
}

describe('FillCounter (the hot loop shared by the engine and the benchmark)', () => {
  it('counts records and filled fields per key on a hand-computed file', async () => {
    // Fields counted: Amount (plain), IsWon (checkbox), Missing (absent from the file: never filled).
    const text = [
      'Owner,Stage,Amount,IsWon',
      'a,"Closed ""Won""",10,true',
      'a,"Closed ""Won""",,TRUE',
      'a,Open,"",false',
      'b,Open,5,1',
      'b,,7,0',
      ',Open,,'
    ].join('\n');
    const fields = ['Amount', 'IsWon', 'Missing'];
    const kinds: FieldKind[] = ['other', 'boolean', 'other'];
    const counter = new FillCounter(fields, ['Owner', 'Stage'], kinds, [0, 1]);
    const bits: number[] = [];
    for (const b of await batches(text, 7)) {
      counter.add(b);
      for (let r = 0; r < b.length; r++) bits.push(counter.rowBits[r]!);
    }
    expect(byKey(counter)).toEqual({
      'a|Closed "Won"': [2, 1, 2, 0],
      'a|Open': [1, 0, 0, 0],
      'b|Open': [1, 1, 1, 0],
      'b|': [1, 1, 0, 0],
      '|Open': [1, 0, 0, 0]
    });
    // Tracked fields per row: bit 0 Amount, bit 1 IsWon; and records per pattern in each group.
    expect(bits).toEqual([3, 2, 0, 3, 1, 0]);
    expect(Object.fromEntries(counter.groups.map((g) => [g.keys.join('|'), [...g.patterns!]]))).toEqual({
      'a|Closed "Won"': [0, 0, 1, 1],
      'a|Open': [1, 0, 0, 0],
      'b|Open': [0, 0, 0, 1],
      'b|': [0, 1, 0, 0],
      '|Open': [1, 0, 0, 0]
    });
  });

  it.each([1, 2, 3, 4, 5])(
    'gives the same counts from bytes and from decoded rows (seed %i)',
    async (seed) => {
      const rand = prng(seed);
      const header = ['OwnerId', 'StageName', 'F1', 'F2', 'IsX', 'F3'];
      const owners = ['005A', '005B', '005AB', '005', '"q"', 'é€'];
      const rows: string[][] = [];
      for (let i = 0; i < 3000; i++) {
        rows.push([
          owners[Math.floor(rand() * owners.length)]!,
          rand() < 0.2 ? '' : `S${Math.floor(rand() * 4)}`,
          rand() < 0.4 ? '' : 'v,1',
          rand() < 0.5 ? '' : 'line\none',
          ['true', 'false', 'TRUE', '1', '0', ''][Math.floor(rand() * 6)]!,
          rand() < 0.1 ? '' : 'x'
        ]);
      }
      const quote = (v: string): string =>
        /[",\n]/.test(v) || rand() < 0.5 ? `"${v.replace(/"/g, '""')}"` : v;
      const text = [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
      const fields = ['F1', 'F2', 'IsX', 'F3', 'OwnerId'];
      const kinds: FieldKind[] = ['other', 'other', 'boolean', 'other', 'other'];
      const fromBytes = new FillCounter(fields, ['OwnerId', 'StageName'], kinds, [2, 0]);
      const bitsFromBytes: number[] = [];
      for (const b of await batches(text, 1 + Math.floor(rand() * 5000))) {
        fromBytes.add(b);
        for (let r = 0; r < b.length; r++) bitsFromBytes.push(fromBytes.rowBits[r]!);
      }
      const decoded = new FillCounter(fields, ['OwnerId', 'StageName'], kinds, [2, 0]);
      const batch = new ArrayRowBatch(header, rows);
      decoded.add(batch);
      // Decoded batches give the same row bits, from the kinds' value test.
      const bitsDecoded = rows.map((_, r) => decoded.rowBits[r]!);
      expect(bitsFromBytes).toEqual(bitsDecoded);
      // Naive reference.
      const naive: Record<string, number[]> = {};
      for (const r of rows) {
        const key = `${r[0]}|${r[1]}`;
        const c = (naive[key] ??= [0, 0, 0, 0, 0, 0]);
        c[0]!++;
        if (r[2] !== '') c[1]!++;
        if (r[3] !== '') c[2]!++;
        if (/^(true|1)$/i.test(r[4]!)) c[3]!++;
        if (r[5] !== '') c[4]!++;
        if (r[0] !== '') c[5]!++;
      }
      expect(byKey(fromBytes)).toEqual(naive);
      expect(byKey(decoded)).toEqual(naive);
      const patterns = (c: FillCounter): Record<string, number[]> =>
        Object.fromEntries(c.groups.map((g) => [g.keys.join('|'), [...g.patterns!]]));
      expect(patterns(fromBytes)).toEqual(patterns(decoded));
    }
  );
});
