// Issue 11, live: result pages gzip-compressed and downloaded in parallel through Bulk API 2.0 resultPages,
// against locator paging of plain CSV. Same figures both ways, the concurrency bound as the server sees
// it, page order, the fallback below API 58.0 and on 404/405, and gzip streams cut short or corrupt.
import { openOrgSource, PAGE_CONCURRENCY } from '../../scripts/sync/sources/org-source';
import { SyncServerError } from '../../scripts/sync/errors';
import type { SyncResult } from '../../scripts/sync/engine/result';
import { startSimulator, type SalesforceSimulator } from '../salesforce-simulator';
import { filledInOrg, runLive, TODAY, withEnv } from './helpers';

jest.setTimeout(90_000);
withEnv({ SYNC_POLL_MS: '5', SYNC_RETRY_BASE_MS: '5' });

/** Sets env variables for one call (the org source reads them when it opens). */
async function withVars<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.entries(vars).map(([k]) => [k, process.env[k]] as const);
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}

const SEQUENTIAL_PLAIN = { SYNC_PAGE_CONCURRENCY: '1', SYNC_ACCEPT_GZIP: '0', SYNC_PAGE_SIZE: '100' };

/** The figures of a run, without the fields that change from run to run. */
function figures(result: SyncResult | undefined): unknown {
  if (!result) return undefined;
  return { ...result, generatedAt: undefined, elapsedMs: undefined };
}

/** Reads an object through the org source: Ids in order, page numbers in the order they were handed on. */
async function readIds(
  sim: SalesforceSimulator,
  options: { pageConcurrency?: number; acceptGzip?: boolean; apiVersion?: string; pageSize?: number } = {},
  log: string[] = []
): Promise<{ ids: string[]; pages: number[] }> {
  const source = await openOrgSource({
    instanceUrl: sim.url,
    accessToken: sim.accessToken,
    pollIntervalMs: 5,
    log: (m) => log.push(m),
    ...options
  });
  const ids: string[] = [];
  const pages: number[] = [];
  for await (const batch of source.streamRecords('Opportunity', ['Id', 'Amount'], {
    progress: { page: (_o, info) => pages.push(info.page) }
  })) {
    for (let r = 0; r < batch.length; r++) ids.push(batch.value(r, 0));
  }
  await source.close();
  return { ids, pages };
}

describe('live result pages: gzip and parallel resultPages', () => {
  let sim: SalesforceSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ opportunities: 1234, defaultMaxRecords: 100 });
  });
  afterEach(async () => {
    await sim.close();
  });
  const opportunities = (args: string[] = []) =>
    runLive(sim, ['--json', '--objects', 'Opportunity,Account', '--as-of', TODAY, ...args]);

  it('gives the same figures gzip/parallel as plain/sequential, in fewer round trips of the same kind', async () => {
    const parallel = await opportunities();
    expect(parallel.exitCode).toBe(0);
    const parallelCalls = sim.callsByObject().Opportunity ?? {};
    const encodings = { ...sim.resultEncodings };
    sim.resetCalls();
    const sequential = await withVars(SEQUENTIAL_PLAIN, () => opportunities());
    expect(sequential.exitCode).toBe(0);
    expect(figures(parallel.result)).toEqual(figures(sequential.result));
    expect(parallel.result?.objects.find((o) => o.name === 'Opportunity')?.records).toBe(1234);
    expect(
      parallel.result?.objects.find((o) => o.name === 'Opportunity')?.fields.find((f) => f.name === 'Amount')
        ?.filled
    ).toBe(filledInOrg(sim, 'Opportunity', 'Amount'));
    // 13 pages of 100: listed 5 by 5 (3 resultPages answers), each fetched once, gzip-compressed.
    expect(parallelCalls).toMatchObject({ bulkResultPages: 3, bulkResults: 13 });
    expect(encodings.identity).toBe(0);
    expect(encodings.gzip).toBeGreaterThanOrEqual(13);
    expect(sim.callsByObject().Opportunity).toMatchObject({ bulkResults: 13 });
    expect(sim.callCount({ kind: 'bulkResultPages' })).toBe(0);
    expect(sim.resultEncodings.identity).toBeGreaterThanOrEqual(13);
  });

  it('never has more than PAGE_CONCURRENCY pages under way, and hands them on in page order', async () => {
    await sim.close();
    // A slow link (0.5 Mbit/s) so that downloads overlap for certain.
    sim = await startSimulator({ opportunities: 2000, defaultMaxRecords: 100, throttleMbps: 0.5 });
    const parallel = await readIds(sim);
    expect(PAGE_CONCURRENCY).toBe(4);
    expect(sim.peakConcurrentResults).toBe(PAGE_CONCURRENCY);
    expect(parallel.pages).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    sim.peakConcurrentResults = 0;
    const two = await readIds(sim, { pageConcurrency: 2 });
    expect(sim.peakConcurrentResults).toBe(2);

    sim.peakConcurrentResults = 0;
    const sequential = await readIds(sim, { pageConcurrency: 1, acceptGzip: false, pageSize: 100 });
    expect(sim.peakConcurrentResults).toBe(1);
    expect(sequential.ids).toHaveLength(2000);
    // Row for row the same sequence, whatever the concurrency.
    expect(parallel.ids).toEqual(sequential.ids);
    expect(two.ids).toEqual(sequential.ids);
  });

  it('falls back to locator paging below API 58.0 (no resultPages call)', async () => {
    const run = await opportunities(['--api-version', '57.0']);
    expect(run.exitCode).toBe(0);
    expect(run.result?.objects.find((o) => o.name === 'Opportunity')?.records).toBe(1234);
    expect(sim.callCount({ kind: 'bulkResultPages' })).toBe(0);
    // Gzip still applies: it is older than resultPages (API 27.0).
    expect(sim.resultEncodings.identity).toBe(0);
  });

  it.each([
    { status: 404, errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
    { status: 405, errorCode: 'METHOD_NOT_ALLOWED', message: 'HTTP Method GET not allowed' }
  ])(
    'falls back to locator paging when resultPages answers $status',
    async ({ status, errorCode, message }) => {
      sim.inject({ kind: 'bulkResultPages', fault: { status, body: [{ errorCode, message }] } });
      const log: string[] = [];
      const read = await readIds(sim, { pageSize: 100 }, log);
      expect(read.ids).toHaveLength(1234);
      expect(new Set(read.ids).size).toBe(1234);
      expect(log.join('\n')).toContain(`resultPages of Opportunity answered ${errorCode}`);
      expect(sim.callCount({ kind: 'bulkResultPages' })).toBe(1);
      expect(sim.callCount({ kind: 'bulkResults' })).toBe(13);
    }
  );

  it.each([
    { fault: 'GZIP_TRUNCATED' as const, text: 'its gzip stream ends before its end \\(truncated\\)' },
    { fault: 'GZIP_CORRUPT' as const, text: 'its gzip stream is corrupt \\(incorrect data check\\)' }
  ])(
    're-fetches a page whose gzip stream is $fault, and exits 3 naming it when it stays so',
    async ({ fault, text }) => {
      sim.inject({ kind: 'bulkResults', object: 'Opportunity', fault });
      const once = await opportunities();
      expect(once.stderr).toBe('');
      expect(once.exitCode).toBe(0);
      expect(once.result?.objects.find((o) => o.name === 'Opportunity')?.records).toBe(1234);
      expect(sim.callCount({ kind: 'bulkResults', object: 'Opportunity' })).toBe(14);

      sim.resetCalls();
      sim.inject({ kind: 'bulkResults', object: 'Opportunity', fault, times: 1000 });
      const always = await opportunities(['--write']);
      expect(always.exitCode).toBe(3);
      expect(always.stderr).toMatch(
        new RegExp(
          `results of Opportunity, page 1: Opportunity result page 1: ${text}, still failing after 6 attempts`
        )
      );
      expect(always.stderr).toContain('Try this:');
      expect(always.stderr).not.toMatch(/^\s+at /m);
    }
  );

  it('serves a gzip fault plain when gzip was not asked for: the client reads it as is', async () => {
    sim.inject({ kind: 'bulkResults', object: 'Opportunity', fault: 'GZIP_CORRUPT', times: 1000 });
    const run = await withVars({ SYNC_ACCEPT_GZIP: '0' }, () => opportunities());
    expect(run.exitCode).toBe(0);
    expect(sim.resultEncodings.gzip).toBe(0);
  });

  it('says how to log in when the session expires while result pages stream (exit 2)', async () => {
    sim.inject({ kind: 'bulkResults', object: 'Opportunity', fault: 'INVALID_SESSION_ID' });
    const run = await opportunities();
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /session of the org 127\.0\.0\.1:\d+ has expired or is invalid \(results of Opportunity, page \d+\)/
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a resultUrl outside the org: the token is never sent elsewhere (exit 3)', async () => {
    sim.inject({
      kind: 'bulkResultPages',
      fault: {
        status: 200,
        body: {
          resultPages: [{ resultUrl: 'https://elsewhere.example/services/data/v65.0/jobs/query/x/results' }],
          nextRecordsUrl: null,
          done: true
        }
      }
    });
    const source = await openOrgSource({
      instanceUrl: sim.url,
      accessToken: sim.accessToken,
      pollIntervalMs: 5
    });
    const read = async (): Promise<void> => {
      for await (const batch of source.streamRecords('Opportunity', ['Id'])) expect(batch.length).toBe(0);
    };
    const error: unknown = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncServerError);
    expect((error as Error).message).toMatch(
      /result page of Opportunity outside the org's API \(https:\/\/elsewhere\.example/
    );
    expect(sim.callCount({ kind: 'bulkResults' })).toBe(0);
  });
});
