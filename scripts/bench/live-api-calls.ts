// Live path benchmark (called by npm run bench; runs alone with `tsx scripts/bench/live-api-calls.ts`):
// reads 1,000,000 Opportunity records and a 900-field object from the loopback Salesforce simulator through
// the real org source (jsforce Connection, Bulk API 2.0 jobs paged by Sforce-Locator, the shared CSV reader)
// and prints the API calls each object cost, counted by the simulator: describe + job create + polls +
// result pages. The simulator generates records from their index, so it holds none in memory.

import { openOrgSource } from '../sync/sources/org-source';
import { startSimulator, WIDE_OBJECT } from '../../test/salesforce-simulator';

export interface LiveBenchFigures {
  object: string;
  records: number;
  fields: number;
  pages: number;
  calls: Partial<Record<string, number>>;
  total: number;
  seconds: number;
}

async function readObject(
  object: string,
  records: number,
  pageSize: number | undefined,
  pollsUntilComplete: number
): Promise<LiveBenchFigures> {
  const sim = await startSimulator({
    opportunities: object === 'Opportunity' ? records : 10,
    wideRecords: object === WIDE_OBJECT ? records : 10,
    pollsUntilComplete
  });
  try {
    const source = await openOrgSource({
      instanceUrl: sim.url,
      accessToken: sim.accessToken,
      ...(pageSize ? { pageSize } : {}),
      pollIntervalMs: 50
    });
    const started = Date.now();
    const described = await source.describe(object);
    if (!described) throw new Error(`${object} is not in the simulator`);
    let rows = 0;
    let pages = 0;
    const fields = described.fields.map((f) => f.name);
    for await (const batch of source.streamRecords(object, fields, {
      progress: {
        page: () => {
          pages++;
        }
      }
    })) {
      rows += batch.length;
    }
    const calls = sim.callsByObject()[object] ?? {};
    return {
      object,
      records: rows,
      fields: fields.length,
      pages,
      calls,
      total: Object.values(calls).reduce((a: number, b) => a + b, 0),
      seconds: (Date.now() - started) / 1000
    };
  } finally {
    await sim.close();
  }
}

export async function run(
  options: { records?: number; pageSize?: number } = {}
): Promise<LiveBenchFigures[]> {
  const records = options.records ?? 1_000_000;
  const pageSize = options.pageSize;
  process.stdout.write(
    `\nlive path (loopback simulator, Bulk API 2.0, maxRecords ${pageSize ? pageSize.toLocaleString('en-US') : 'default: 50,000, fewer for wide objects'}, job completes on the 3rd poll):\n`
  );
  const figures = [
    await readObject('Opportunity', records, pageSize, 3),
    await readObject(WIDE_OBJECT, 20_000, pageSize, 3)
  ];
  process.stdout.write(
    'object                 records  fields  pages  describe  create  polls  results  total API calls  seconds\n'
  );
  for (const f of figures) {
    const c = f.calls;
    process.stdout.write(
      `${f.object.padEnd(20)}${f.records.toLocaleString('en-US').padStart(10)}${String(f.fields).padStart(8)}${String(f.pages).padStart(7)}` +
        `${String(c.describe ?? 0).padStart(10)}${String(c.bulkCreate ?? 0).padStart(8)}${String(c.bulkPoll ?? 0).padStart(7)}` +
        `${String(c.bulkResults ?? 0).padStart(9)}${String(f.total).padStart(17)}${f.seconds.toFixed(1).padStart(9)}\n`
    );
  }
  process.stdout.write(
    `peak RSS of client and simulator together: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ` +
      'API calls grow with result pages only, not with fields (one query per field would cost 900 calls).\n'
  );
  return figures;
}

if (require.main === module) {
  run().catch((error: unknown) => {
    process.stderr.write(`error: ${String(error)}\n`);
    process.exitCode = 1;
  });
}
