// One measurement in its own process, so each gets its own peak RSS:
//   tsx scripts/bench/bench-child.ts <core|engine|duckdb|csv-parse> <file> [export folder]
// Prints one JSON line: { mode, ms, cpuMs (user + system, all threads), rows, owners, maxRssMb, checksum,
// checksumPlain? }.
//   checksum: Σ over owners of records + filled cells of every column (a cell is filled when not empty);
//   checksumPlain: the same over the columns the engine's figures compare with (e2e.ts COMPARED_COLUMNS):
//   not the checkbox columns (IsClosed, IsWon), which the engine counts as filled only when true (README,
//   "What counts as filled"), nor the system-filled ones it leaves out of its field lists (CreatedDate…).

import { createReadStream } from 'node:fs';
import { fillRateByOwner } from '../sync/engine/fill-rate';
import { measure } from '../sync/engine/measure';
import { ExportSource } from '../sync/sources/export-source';
import { BENCH_COLUMNS } from './bench-data';
import { COMPARED_COLUMNS } from './e2e';

interface Figures {
  rows: number;
  owners: number;
  checksum: number;
  checksumPlain?: number;
}

const COMPARED = new Set(COMPARED_COLUMNS);

/** The core: fill rate by owner, the engine's hot loop (FillCounter) alone. */
async function core(file: string): Promise<Figures> {
  const r = await fillRateByOwner(file);
  let checksum = 0;
  for (const counts of r.owners.values()) for (const v of counts) checksum += v;
  return { rows: r.rows, owners: r.owners.size, checksum };
}

/** The full sync engine, as the CLI calls it on an export: owners, teams, record types, stages, rules. */
async function engine(exportDir: string): Promise<Figures> {
  const source = new ExportSource({ paths: [exportDir] });
  const result = await measure(source, { objects: ['Opportunity'], asOf: '2026-06-30' });
  await source.close();
  const opp = result.objects[0];
  if (!opp) throw new Error('no Opportunity result');
  let checksumPlain = 0;
  for (const o of opp.owners) {
    checksumPlain += o.records;
    for (const f of o.fields) if (COMPARED.has(f.name)) checksumPlain += f.filled;
  }
  return {
    rows: opp.records + opp.excludedRecords,
    owners: opp.owners.length,
    checksum: Number.NaN,
    checksumPlain
  };
}

async function duckdb(file: string): Promise<Figures> {
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
  const names = reader.columnNames();
  let checksum = 0;
  let checksumPlain = 0;
  let rows = 0;
  for (const row of rowsOut) {
    for (let i = 1; i < row.length; i++) {
      const v = Number(row[i]);
      checksum += v;
      const name = names[i] ?? '';
      if (i === 1 || COMPARED.has(name.slice(2))) checksumPlain += v;
    }
    rows += Number(row[1]);
  }
  return { rows, owners: rowsOut.length, checksum, checksumPlain };
}

async function csvParse(file: string): Promise<Figures> {
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
  const [mode, file, exportDir] = process.argv.slice(2);
  if (!mode || !file)
    throw new Error('usage: bench-child <core|engine|duckdb|csv-parse> <file> [export folder]');
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  let r: Figures;
  if (mode === 'core') r = await core(file);
  else if (mode === 'engine') {
    if (!exportDir) throw new Error('engine needs the export folder');
    r = await engine(exportDir);
  } else if (mode === 'duckdb') r = await duckdb(file);
  else r = await csvParse(file);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ mode, ms, cpuMs, ...r, maxRssMb })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
