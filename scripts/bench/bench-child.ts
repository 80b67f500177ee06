// One measurement in its own process, so each gets its own peak RSS:
//   tsx scripts/bench/bench-child.ts <ours|duckdb|csv-parse> <file>
// Prints one JSON line: { mode, ms, rows, owners, maxRssMb, checksum }.

import { createReadStream } from 'node:fs';
import { fillRateByOwner } from '../sync/engine/fill-rate';
import { BENCH_COLUMNS } from './bench-data';

async function ours(file: string): Promise<{ rows: number; owners: number; checksum: number }> {
  const r = await fillRateByOwner(file);
  let checksum = 0;
  for (const counts of r.owners.values()) for (const v of counts) checksum += v;
  return { rows: r.rows, owners: r.owners.size, checksum };
}

async function duckdb(file: string): Promise<{ rows: number; owners: number; checksum: number }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const header = BENCH_COLUMNS;
  const sums = header
    .map((c) => `SUM(CASE WHEN "${c}" IS NOT NULL THEN 1 ELSE 0 END)::BIGINT AS "f_${c}"`)
    .join(', ');
  const sql = `SELECT OwnerId, COUNT(*)::BIGINT AS records, ${sums} FROM read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true) GROUP BY OwnerId`;
  const reader = await conn.runAndReadAll(sql);
  const rowsOut = reader.getRows();
  let checksum = 0;
  let rows = 0;
  for (const row of rowsOut) {
    for (let i = 1; i < row.length; i++) checksum += Number(row[i]);
    rows += Number(row[1]);
  }
  return { rows, owners: rowsOut.length, checksum };
}

async function csvParse(file: string): Promise<{ rows: number; owners: number; checksum: number }> {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true }));
  const owners = new Map<string, Int32Array>();
  let header: string[] | null = null;
  let ownerCol = -1;
  let rows = 0;
  for await (const rec of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = rec;
      ownerCol = rec.indexOf('OwnerId');
      continue;
    }
    const owner = rec[ownerCol] ?? '';
    let counts = owners.get(owner);
    if (!counts) {
      counts = new Int32Array(header.length + 1);
      owners.set(owner, counts);
    }
    counts[0] = (counts[0] ?? 0) + 1;
    for (let c = 0; c < header.length; c++)
      if ((rec[c] ?? '') !== '') counts[c + 1] = (counts[c + 1] ?? 0) + 1;
    rows++;
  }
  let checksum = 0;
  for (const counts of owners.values()) for (const v of counts) checksum += v;
  return { rows, owners: owners.size, checksum };
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (!mode || !file) throw new Error('usage: bench-child <ours|duckdb|csv-parse> <file>');
  const started = process.hrtime.bigint();
  const r =
    mode === 'ours' ? await ours(file) : mode === 'duckdb' ? await duckdb(file) : await csvParse(file);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ mode, ms, ...r, maxRssMb })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
