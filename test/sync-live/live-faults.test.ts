// Faults of the live path that used to end in silently wrong figures, a crash or a lost report (issue 9,
// items 5–10 and 12), injected through the simulator: a page cut short at a row boundary, a connection
// dropped mid-body, a job ending Failed or Aborted, case-variant team names, per-id delete failures,
// a retention that fails after the upserts, nested retries, a future --as-of, an http instance URL.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../scripts/sync/cli';
import { openOrgSource } from '../../scripts/sync/sources/org-source';
import { RetriesExhausted, SyncServerError } from '../../scripts/sync/errors';
import { makeId, startSimulator, type SalesforceSimulator } from '../salesforce-simulator';
import { filledInOrg, runLive, TODAY, withEnv } from './helpers';

jest.setTimeout(90_000);
withEnv({ SYNC_PAGE_SIZE: '100', SYNC_POLL_MS: '5', SYNC_RETRY_BASE_MS: '5' });

const USER = 'User_Adoption_Snapshot__c';
const TEAM = 'Team_Adoption_Snapshot__c';

/**
 * The checks on result pages hold both ways of reading them: locator paging of plain CSV (below API 58.0,
 * or SYNC_PAGE_CONCURRENCY=1 and SYNC_ACCEPT_GZIP=0) and resultPages downloads in parallel, gzip-compressed
 * (the default). Pages hold 100 rows both ways.
 */
describe.each<{ mode: string; env: Record<string, string>; parallel: boolean }>([
  {
    mode: 'locator paging, plain',
    env: { SYNC_PAGE_CONCURRENCY: '1', SYNC_ACCEPT_GZIP: '0' },
    parallel: false
  },
  { mode: 'resultPages in parallel, gzip', env: {}, parallel: true }
])('result pages under faults ($mode)', ({ env, parallel }) => {
  withEnv(env);
  let sim: SalesforceSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ opportunities: 250, defaultMaxRecords: 100 });
  });
  afterEach(async () => {
    await sim.close();
  });
  const opportunities = (args: string[] = []) =>
    runLive(sim, ['--json', '--objects', 'Opportunity', '--as-of', TODAY, ...args]);
  const served = (): 'gzip' | 'identity' => (parallel ? 'gzip' : 'identity');

  it('re-fetches a result page cut short at a row boundary (rows < Sforce-NumberOfRecords)', async () => {
    sim.inject({ kind: 'bulkResults', object: 'Opportunity', fault: { truncateAt: 41 } });
    const run = await opportunities();
    expect(run.exitCode).toBe(0);
    expect(run.result?.objects[0]?.records).toBe(250);
    expect(run.result?.objects[0]?.fields.find((f) => f.name === 'Amount')?.filled).toBe(
      filledInOrg(sim, 'Opportunity', 'Amount')
    );
    // 3 pages + the same page again.
    expect(sim.callCount({ kind: 'bulkResults', object: 'Opportunity' })).toBe(4);
    // Every result page came the way this mode asks for (other objects' pages too).
    expect(sim.resultEncodings[served()]).toBeGreaterThanOrEqual(4);
    expect(sim.resultEncodings[parallel ? 'identity' : 'gzip']).toBe(0);
  });

  it('fails with exit 3, writing nothing, when every fetch of a page comes back short', async () => {
    sim.inject({ kind: 'bulkResults', object: 'Opportunity', fault: { truncateAt: 41 }, times: 1000 });
    const run = await opportunities(['--write']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(
      /results of Opportunity, page 1: Opportunity result page 1 holds 41 records, its Sforce-NumberOfRecords header says 100, still failing after 6 attempts/
    );
    expect(run.stderr).toContain('Try this:');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const results = sim.callCount({ kind: 'bulkResults', object: 'Opportunity' });
    // 1 + 5 retries of page 1; in parallel pages 2 and 3 were failing alongside and stop with it.
    if (parallel) {
      expect(results).toBeGreaterThanOrEqual(6);
      expect(results).toBeLessThanOrEqual(3 * 6);
    } else {
      expect(results).toBe(6);
    }
    expect(sim.records(USER)).toHaveLength(0);
  });

  it('retries a connection dropped in the middle of a result page (no crash, no stack trace)', async () => {
    sim.inject({ kind: 'bulkResults', object: 'Opportunity', fault: 'DROP_MID_BODY' });
    sim.inject({ kind: 'bulkPoll', object: 'Opportunity', fault: 'DROP_MID_BODY' });
    const run = await opportunities();
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.result?.objects[0]?.records).toBe(250);
    expect(sim.callCount({ kind: 'bulkResults', object: 'Opportunity' })).toBe(4);
  });
});

describe('live path under faults', () => {
  let sim: SalesforceSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ opportunities: 250 });
  });
  afterEach(async () => {
    await sim.close();
  });
  const opportunities = (args: string[] = []) =>
    runLive(sim, ['--json', '--objects', 'Opportunity', '--as-of', TODAY, ...args]);

  it.each(['Failed', 'Aborted'] as const)('exits 3 naming the job when it ends %s', async (state) => {
    sim.inject({
      kind: 'bulkPoll',
      object: 'Opportunity',
      fault: { jobState: state, errorMessage: 'InternalServerError: query timed out' }
    });
    const run = await opportunities();
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(
      new RegExp(`query job 750\\w+ on Opportunity ended ${state}: InternalServerError: query timed out`)
    );
    expect(run.stderr).toContain('Try this:');
  });

  it('makes one request per attempt: jsforce’s own retry is off, ours is bounded', async () => {
    sim.inject({ kind: 'bulkResults', object: 'Opportunity', fault: { status: 503 }, times: 1000 });
    const source = await openOrgSource({
      instanceUrl: sim.url,
      accessToken: sim.accessToken,
      retry: { retries: 3, baseDelayMs: 1 }
    });
    const read = async (): Promise<void> => {
      for await (const batch of source.streamRecords('Opportunity', ['Id'])) expect(batch.length).toBe(100);
    };
    const error: unknown = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncServerError);
    expect((error as SyncServerError).cause).toBeInstanceOf(RetriesExhausted);
    expect((error as Error).message).toMatch(/SERVER_UNAVAILABLE, still failing after 4 attempts/);
    expect(sim.callCount({ kind: 'bulkResults', object: 'Opportunity' })).toBe(4); // jsforce's retry would make 4 × 6
    // GET and DELETE, which jsforce retries by itself, are sent once per attempt too.
    sim.clearFaults();
    sim.resetCalls();
    sim.inject({ kind: 'describe', fault: { status: 502 }, times: 1000 });
    await expect(source.describe('Account')).rejects.toThrow(
      /describe Account: SERVER_UNAVAILABLE, still failing after 4 attempts/
    );
    expect(sim.callCount({ kind: 'describe' })).toBe(4);
  });

  it('keeps the snapshots of teams whose names differ only by case, spaces or underscores', async () => {
    const roles = sim.records('UserRole');
    const names = ['Sales North', 'SALES NORTH', 'Sales_North', 'sales north'];
    roles.forEach((role, i) => {
      role.Name = names[i] ?? null;
    });
    const run = await runLive(sim, ['--json', '--write', '--as-of', TODAY]);
    expect(run.result?.write?.failures).toEqual([]);
    expect(run.exitCode).toBe(0);
    const teams = sim.records(TEAM).map((r) => String(r.Team__c));
    const measured = run.result?.teams.map((t) => t.team) ?? [];
    expect(new Set(teams)).toEqual(new Set(measured));
    expect(teams).toHaveLength(run.result?.snapshots.team ?? -1);
    expect(new Set(sim.records(TEAM).map((r) => String(r.Snapshot_Key__c).toLowerCase())).size).toBe(
      teams.length
    );
    // A rerun updates the same rows.
    const again = await runLive(sim, ['--json', '--write', '--as-of', TODAY]);
    expect(again.exitCode).toBe(0);
    expect(sim.records(TEAM)).toHaveLength(teams.length);
  });

  it('keeps the report, the JSON and the write summary when retention fails after the upserts (exit 3)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sync-out-'));
    sim.inject({ kind: 'query', object: USER, fault: { status: 503 }, times: 1000 });
    const run = await runLive(sim, ['--json', '--write', '--as-of', TODAY, '--out', out]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(
      /Retention \(deleting user snapshots before \d{4}-\d{2}-\d{2}\) stopped: SERVER_UNAVAILABLE, still failing after 6 attempts/
    );
    expect(sim.records(USER).length).toBeGreaterThan(0);
    const saved = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
      write?: { objects: unknown[]; retention?: { error?: string } };
    };
    expect(saved.write?.objects).toHaveLength(3);
    expect(saved.write?.retention?.error).toMatch(/SERVER_UNAVAILABLE/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(JSON.parse(run.stdout)).toHaveProperty('result.write.objects');
  });

  it('reports each id whose retention delete is refused (exit 1), counting from today', async () => {
    const store = sim.records(USER);
    const old = [makeId('a05', 800_001), makeId('a05', 800_002)];
    for (const id of old) {
      store.push({
        Id: id,
        Snapshot_Key__c: `U-${id}`,
        Period_Start__c: '2020-01-06',
        OwnerId: makeId('005', 2)
      });
    }
    sim.failDelete(old[0] ?? '', { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'no delete' });
    // --as-of two weeks ago: retention still counts back from today, not from the period of --as-of.
    const day = (offset: number): string =>
      new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    store.push({
      Id: makeId('a05', 800_003),
      Snapshot_Key__c: 'U-between',
      Period_Start__c: day(-20 * 7 - 5)
    });
    const run = await runLive(sim, ['--json', '--write', '--as-of', day(-14)]);
    expect(run.exitCode).toBe(1);
    expect(run.result?.write?.failures).toEqual([
      {
        object: USER,
        key: `Id ${old[0] ?? ''}`,
        reason: 'retention delete: INSUFFICIENT_ACCESS_OR_READONLY: no delete'
      }
    ]);
    expect(run.result?.write?.retention?.cutoff).toBe(day(-20 * 7));
    expect(run.result?.write?.deleted).toBe(2);
    expect(store.some((r) => r.Snapshot_Key__c === 'U-between')).toBe(false);
  });
});

describe('refused before any call', () => {
  it('refuses --as-of after today with --write (exit 2), allows it without', async () => {
    const sim = await startSimulator({ opportunities: 10 });
    try {
      const run = await runLive(sim, ['--json', '--write', '--as-of', '2999-01-04']);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(/--as-of 2999-01-04 is after today/);
      expect(sim.calls).toHaveLength(0);
      expect(
        (await runLive(sim, ['--json', '--objects', 'Opportunity', '--as-of', '2999-01-04'])).exitCode
      ).toBe(0);
    } finally {
      await sim.close();
    }
  });

  it('refuses an http instance URL that is not loopback (the token would travel in clear)', async () => {
    let err = '';
    const run = await runCli(
      ['--instance-url', 'http://acme.my.salesforce.com', '--access-token', 'x', '--json'],
      {
        stdout: process.stdout,
        stderr: { write: (t: string) => (err += t), isTTY: false } as unknown as NodeJS.WriteStream,
        env: {}
      }
    );
    expect(run.exitCode).toBe(2);
    expect(err).toContain('is not https');
  });
});
