// Issue 11: who exists in a period is decided the same way live and offline. A user created after the
// period's end (User.CreatedDate, UTC day) is left out of it, with a warning: offline from User.csv, live
// from the User query. The simulator's own records are the fixture: the live run reads them through the
// API, the offline run reads them written as a Data Export (User, Profile, UserLicense, UserRole,
// Opportunity); both must leave out the same users.

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from '../../scripts/sync/engine/measure';
import { ExportSource } from '../../scripts/sync/sources/export-source';
import { startSimulator, type SalesforceSimulator } from '../salesforce-simulator';
import { csvLine } from '../salesforce-simulator/csv-writer';
import { recordAt, recordCount, type SimRecord } from '../salesforce-simulator/model';
import { runLive, withEnv } from './helpers';

jest.setTimeout(60_000);
withEnv({ SYNC_PAGE_SIZE: '100', SYNC_POLL_MS: '5' });

const DAY = 86_400_000;
/** --as-of 60 days ago: its week ends about 55 days ago, long before the late user's creation. */
const AS_OF = new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10);

/** Writes an object's records as Data Export writes them: every seeded field, quoted, ISO date-times. */
function writeObject(sim: SalesforceSimulator, dir: string, object: string): void {
  const store = sim.object(object).store;
  const rows: SimRecord[] = Array.from({ length: recordCount(store) }, (_, i) => recordAt(store, i));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const text =
    csvLine(columns, 'empty') +
    rows
      .map((r) =>
        csvLine(
          columns.map((c) => r[c]),
          'empty'
        )
      )
      .join('');
  writeFileSync(join(dir, `${object}.csv`), text);
}

describe('live and offline: users created after the period', () => {
  let sim: SalesforceSimulator;
  let late: SimRecord;

  beforeAll(async () => {
    sim = await startSimulator({
      accounts: 5,
      contacts: 0,
      leads: 0,
      opportunities: 40,
      tasks: 0,
      events: 0
    });
    // The first active standard user with a role, created 10 days ago: after the measured week.
    const users = sim.records('User');
    const found = users.find((u) => u.UserType === 'Standard' && u.IsActive === true && u.UserRoleId);
    if (!found) throw new Error('the seed has an active standard user with a role');
    late = found;
    late.CreatedDate = new Date(Date.now() - 10 * DAY).toISOString();
  });

  afterAll(async () => {
    await sim.close();
  });

  it('leaves out the same users, with the same warning, live and offline', async () => {
    const live = await runLive(sim, ['--json', '--objects', 'Opportunity', '--as-of', AS_OF]);
    expect(live.stderr).not.toMatch(/error/i);
    expect(live.exitCode).toBe(0);

    const root = mkdtempSync(join(tmpdir(), 'user-created-'));
    const exportDir = join(root, 'export');
    mkdirSync(exportDir);
    for (const object of ['User', 'Profile', 'UserLicense', 'UserRole', 'Opportunity'])
      writeObject(sim, exportDir, object);
    const rulesDir = join(root, 'rules');
    cpSync(join(__dirname, '../../force-app/main/default/customMetadata'), rulesDir, { recursive: true });
    const offline = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: AS_OF
    });

    const liveIds = (live.result?.users ?? []).map((u) => u.userId).sort();
    const offlineIds = offline.users.map((u) => u.userId).sort();
    expect(liveIds).toEqual(offlineIds);
    expect(liveIds.length).toBeGreaterThan(0);
    expect(liveIds).not.toContain(late.Id);
    expect(offline.excludedUsers).toEqual(live.result?.excludedUsers);
    const said = /1 user was created after the period/;
    expect(offline.warnings.join('\n')).toMatch(said);
    expect((live.result?.warnings ?? []).join('\n')).toMatch(said);
  });
});
