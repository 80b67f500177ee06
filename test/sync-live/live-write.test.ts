// --write end to end: upsert by Snapshot_Key__c through jsforce's sObject Collections, retries, per-record
// failures (exit 1) and a rerun that fixes them without duplicates, retention deletes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrgSource } from '../../scripts/sync/sources/org-source';
import { writeSnapshots } from '../../scripts/sync/sinks/snapshot-writer';
import { teamSnapshotKey } from '../../scripts/sync/snapshots/keys';
import type { TeamAdoptionSnapshot } from '../../scripts/sync/snapshots/types';
import { makeId, startSimulator, type SalesforceSimulator } from '../salesforce-simulator';
import { runLive, TODAY, withEnv } from './helpers';

jest.setTimeout(90_000);
withEnv({ SYNC_POLL_MS: '20' });

const USER = 'User_Adoption_Snapshot__c';
const TEAM = 'Team_Adoption_Snapshot__c';
const COMPLETENESS = 'Completeness_Snapshot__c';

describe('live write path (--write)', () => {
  let sim: SalesforceSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ opportunities: 150 });
  });
  afterEach(async () => {
    await sim.close();
  });
  const counts = (): number[] => [USER, TEAM, COMPLETENESS].map((o) => sim.records(o).length);

  it('upserts the snapshots, and a rerun for the same period updates without duplicates', async () => {
    const first = await runLive(sim, ['--json', '--write', '--as-of', TODAY]);
    expect(first.stderr).not.toMatch(/error/);
    expect(first.exitCode).toBe(0);
    const written = counts();
    expect(written[0]).toBe(first.result?.snapshots.user);
    expect(written[1]).toBe(first.result?.snapshots.team);
    expect(written[2]).toBe(first.result?.snapshots.completeness);
    expect(written.every((n) => n > 0)).toBe(true);
    expect(first.result?.write?.objects.every((o) => o.updated === 0)).toBe(true);
    // The sync user owns every snapshot (no OwnerId sent): a measured user without a cockpit permission
    // set could not own one (TRANSFER_REQUIRES_READ); Apex managed sharing gives them Read on their own.
    for (const row of sim.records(USER)) expect(row.OwnerId).toBe(sim.adminUserId);

    const second = await runLive(sim, ['--json', '--write', '--as-of', TODAY]);
    expect(second.exitCode).toBe(0);
    expect(counts()).toEqual(written);
    expect(second.result?.write?.objects.every((o) => o.created === 0 && o.updated > 0)).toBe(true);
    expect(new Set(sim.records(COMPLETENESS).map((r) => r.Snapshot_Key__c)).size).toBe(written[2]);
  });

  it('retries REQUEST_LIMIT_EXCEEDED, 503 and a dropped connection on upserts', async () => {
    sim.inject({ kind: 'upsert', object: USER, fault: 'REQUEST_LIMIT_EXCEEDED' });
    sim.inject({ kind: 'upsert', object: TEAM, fault: { status: 503 } });
    sim.inject({ kind: 'upsert', object: COMPLETENESS, fault: 'DROP_CONNECTION' });
    const run = await runLive(sim, ['--json', '--write', '--as-of', TODAY]);
    expect(run.exitCode).toBe(0);
    expect(run.result?.write?.failures).toEqual([]);
    expect(sim.callCount({ kind: 'upsert', object: USER })).toBe(2);
    expect(sim.callCount({ kind: 'upsert', object: TEAM })).toBe(2);
    expect(sim.callCount({ kind: 'upsert', object: COMPLETENESS })).toBe(2);
    expect(sim.records(USER)).toHaveLength(run.result?.snapshots.user ?? -1);
  });

  // A write that stops half way keeps the figures: its warning joins warnings[] (English) and warningCodes[]
  // (code and tokens), so the sponsor's report says it in its own language.
  it('says a write that stopped in the result’s warnings, with its code, and in the report', async () => {
    sim.inject({ kind: 'upsert', object: USER, fault: 'INVALID_SESSION_ID' });
    const out = mkdtempSync(join(tmpdir(), 'write-stopped-'));
    const run = await runLive(sim, ['--json', '--write', '--as-of', TODAY, '--out', out, '--lang', 'fr']);
    expect(run.exitCode).toBe(2);
    const { warnings = [], warningCodes = [] } = run.result ?? {};
    expect(warnings.at(-1)).toMatch(
      /^The write stopped: The Salesforce session expired while writing User_Adoption_Snapshot__c/
    );
    expect(warningCodes.at(-1)).toEqual({
      bundle: 'adoption.sync',
      code: 'warning.WriteStopped',
      tokens: ['The Salesforce session expired while writing User_Adoption_Snapshot__c.']
    });
    expect(warningCodes).toHaveLength(warnings.length);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(
      'Les chiffres n’ont pas tous pu être enregistrés dans Salesforce'
    );
  });

  it('reports refused records one by one with exit 1; a rerun writes them without duplicates', async () => {
    const dry = await runLive(sim, ['--json', '--as-of', TODAY]);
    expect(dry.exitCode).toBe(0);
    const userKey = `U-${makeId('005', 2)}-W-`;
    // Fail Bea North's user snapshot and one team snapshot.
    const firstRun = await (async () => {
      sim.failRecord(USER, `${userKey}${dry.result?.period.start ?? ''}`, {
        statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: 'Snapshots are locked this week',
        fields: ['Period_Start__c']
      });
      sim.failRecord(TEAM, teamSnapshotKey('Sales North', 'Week', dry.result?.period.start ?? ''), {
        statusCode: 'STRING_TOO_LONG',
        message: 'Team: data value too large'
      });
      return runLive(sim, ['--json', '--write', '--as-of', TODAY]);
    })();
    expect(firstRun.exitCode).toBe(1);
    const failures = firstRun.result?.write?.failures ?? [];
    expect(failures).toEqual([
      {
        object: USER,
        key: `${userKey}${dry.result?.period.start ?? ''}`,
        reason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Snapshots are locked this week [Period_Start__c]'
      },
      {
        object: TEAM,
        key: teamSnapshotKey('Sales North', 'Week', dry.result?.period.start ?? ''),
        reason: 'STRING_TOO_LONG: Team: data value too large'
      }
    ]);
    expect(firstRun.stderr).toContain('2 snapshot records were not written');
    expect(firstRun.stderr).toContain(`${USER} ${userKey}`);
    const total = (firstRun.result?.snapshots.user ?? 0) + (firstRun.result?.snapshots.team ?? 0);
    expect(sim.records(USER).length + sim.records(TEAM).length).toBe(total - 2);

    sim.clearRecordFailures();
    const retry = await runLive(sim, ['--json', '--write', '--as-of', TODAY]);
    expect(retry.exitCode).toBe(0);
    expect(sim.records(USER).length + sim.records(TEAM).length).toBe(total);
    expect(retry.result?.write?.objects.find((o) => o.object === USER)?.created).toBe(1);
    expect(retry.result?.write?.objects.find((o) => o.object === TEAM)?.created).toBe(1);
  });

  it('deletes user snapshots older than the retention weeks', async () => {
    const old = sim.records(USER);
    for (let i = 0; i < 230; i++) {
      old.push({
        Id: makeId('a05', 900_000 + i),
        Snapshot_Key__c: `U-old-${i}`,
        Period_Start__c: '2020-01-06',
        OwnerId: makeId('005', 2)
      });
    }
    old.push({
      Id: makeId('a05', 990_000),
      Snapshot_Key__c: 'U-recent',
      Period_Start__c: TODAY,
      OwnerId: makeId('005', 2)
    });
    const run = await runLive(sim, ['--json', '--write', '--as-of', TODAY]);
    expect(run.exitCode).toBe(0);
    expect(run.result?.write?.deleted).toBe(230);
    expect(sim.callCount({ kind: 'delete' })).toBe(2); // 230 ids: 200 + 30
    expect(sim.records(USER).some((r) => r.Snapshot_Key__c === 'U-recent')).toBe(true);
    expect(sim.records(USER).some((r) => String(r.Snapshot_Key__c).startsWith('U-old'))).toBe(false);
  });

  it('writes more than 200 rows of one object in chunks of 200', async () => {
    const source = await openOrgSource({ instanceUrl: sim.url, accessToken: sim.accessToken });
    const team = (i: number): TeamAdoptionSnapshot => ({
      Snapshot_Key__c: `T-team${i}-W-2026-11-23`,
      Name: `T-team${i}-W-2026-11-23`,
      Team__c: `team${i}`,
      Period_Type__c: 'Week',
      Period_Start__c: '2026-11-23',
      Users__c: 3,
      Active_Users__c: 2,
      Key_Users__c: 1,
      Average_Engagement__c: 40.5,
      Minutes_Saved__c: 12,
      Records_Created__c: 4,
      Records_Updated__c: 9
    });
    const rows = Array.from({ length: 450 }, (_, i) => team(i));
    const set = {
      periodType: 'Week' as const,
      periodStart: '2026-11-23',
      user: [],
      team: rows,
      completeness: []
    };
    const result = await writeSnapshots(source, set, { retry: { baseDelayMs: 10 } });
    expect(result).toEqual({
      objects: [{ object: TEAM, created: 450, updated: 0 }],
      failures: [],
      deleted: 0
    });
    expect(sim.callCount({ kind: 'upsert' })).toBe(3);
    const again = await writeSnapshots(source, set, { retry: { baseDelayMs: 10 } });
    expect(again.objects).toEqual([{ object: TEAM, created: 0, updated: 450 }]);
    expect(sim.records(TEAM)).toHaveLength(450);
  });
});

describe('the CLI as a process', () => {
  // npm run sync: the compiled launcher (npm run build), which hands live runs to the sf command.
  const cli = join(process.cwd(), 'lib', 'scripts', 'sync', 'cli.js');

  it('exits 2 with a login hint for an unknown --target-org', () => {
    const home = mkdtempSync(join(tmpdir(), 'sync-home-'));
    const run = spawnSync(process.execPath, [cli, '--target-org', 'no-such-alias'], {
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: home,
        XDG_DATA_HOME: home,
        XDG_CACHE_HOME: home,
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        SF_DISABLE_TELEMETRY: 'true'
      },
      encoding: 'utf8',
      timeout: 60_000
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('sf org login web --alias no-such-alias');
    expect(run.stdout).toBe('');
  });

  it('exits 2 with a login hint when the session has expired', async () => {
    const sim = await startSimulator();
    try {
      sim.expireSessions();
      const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cli], {
          env: { ...process.env, SF_INSTANCE_URL: sim.url, SF_ACCESS_TOKEN: 'expired-token' }
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString('utf8');
        });
        child.on('close', (status) => {
          resolve({ status, stderr });
        });
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/has expired or is invalid/);
      expect(run.stderr).toContain('sf org login web');
    } finally {
      await sim.close();
    }
  });
});
