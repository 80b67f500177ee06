// The comparison process of `npm run bench`'s end-to-end timing: DuckDB's read_csv + GROUP BY OwnerId on
// the benchmark CSV, in a Node process of its own, run by plain `node` (Node 22 strips the types; no
// TypeScript compiler at start-up, so DuckDB pays no start-up cost the sync would not).
//   node scripts/bench/duckdb-e2e.ts <file.csv> <column,column,…>
// Prints one JSON line: { rows, owners: { [ownerId]: [records, filled per column…] } }, a cell counted
// filled when not empty (DuckDB reads "" and nothing as NULL with all_varchar).

import type { DuckDBInstance } from '@duckdb/node-api';

async function main(): Promise<void> {
  const [file, list] = process.argv.slice(2);
  if (!file || !list) throw new Error('usage: node scripts/bench/duckdb-e2e.ts <file.csv> <columns>');
  const columns = list.split(',');
  const duckdb = await import('@duckdb/node-api');
  const instance: DuckDBInstance = await duckdb.DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const sums = columns.map((c) => `COUNT("${c}")::BIGINT`).join(', ');
  const sql =
    `SELECT OwnerId, COUNT(*)::BIGINT, ${sums} FROM read_csv('${file.replace(/'/g, "''")}', ` +
    `header = true, all_varchar = true) GROUP BY OwnerId`;
  const reader = await conn.runAndReadAll(sql);
  const owners: Record<string, number[]> = {};
  let rows = 0;
  for (const row of reader.getRows()) {
    const counts = row.slice(1).map(Number);
    owners[String(row[0])] = counts;
    rows += counts[0] ?? 0;
  }
  process.stdout.write(`${JSON.stringify({ rows, owners })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
