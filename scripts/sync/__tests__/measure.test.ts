/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { measure } from '../engine/measure';
import { buildSnapshots } from '../snapshots/build-snapshots';
import { ExportSource } from '../sources/export-source';
import { U1, U2, U3, U4, makeFixture } from './fixtures';

describe('measurement engine on a hand-computed export', () => {
  const { exportDir, rulesDir } = makeFixture();
  const run = () =>
    measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });

  it('counts records and filled fields, excluding the integration user and inactive users', async () => {
    const result = await run();
    const opp = result.objects[0]!;
    expect(opp.name).toBe('Opportunity');
    expect(opp.records).toBe(4);
    expect(opp.excludedRecords).toBe(1);
    const filled = Object.fromEntries(opp.fields.map((f) => [f.name, f.filled]));
    expect(filled).toMatchObject({ Amount: 2, NextStep: 2, IsPrivate: 1, RecordTypeId: 1 });
    expect(opp.fields.find((f) => f.name === 'IsPrivate')!.type).toBe('boolean');
    expect(result.excludedUsers.map((u) => [u.userId, u.reason])).toEqual([
      [U3, 'profile'],
      [U4, 'inactive']
    ]);
  });

  it('breaks down per owner, team, record type and stage', async () => {
    const opp = (await run()).objects[0]!;
    const ana = opp.owners.find((o) => o.ownerId === U1)!;
    expect(ana.records).toBe(2);
    expect(ana.team).toBe('Team A');
    expect(ana.fields.find((f) => f.name === 'NextStep')!.filled).toBe(1);
    expect(opp.teams.map((t) => [t.team, t.records])).toEqual([
      ['Team A', 2],
      ['Team B', 2]
    ]);
    expect(opp.recordTypes.map((t) => [t.recordType, t.records])).toEqual([
      ['(none)', 3],
      ['Renewal', 1]
    ]);
    expect(opp.stages.map((s) => [s.stage, s.records])).toEqual([
      ['Closed Won', 1],
      ['Prospecting', 3]
    ]);
  });

  it('scores completeness per record and aggregates its distribution', async () => {
    const opp = (await run()).objects[0]!;
    // Scores: o1 1, o2 0.6, o3 0, o5 0.4.
    expect(opp.completeness.scored).toBe(4);
    expect(opp.completeness.average).toBeCloseTo(0.5);
    expect(opp.completeness.complete).toBe(1);
    expect(opp.completeness.deciles).toEqual([1, 0, 0, 0, 1, 0, 1, 0, 0, 1]);
    const ana = opp.owners.find((o) => o.ownerId === U1)!;
    expect(ana.completeness.average).toBeCloseTo(0.8);
    expect(opp.ruleFields).toEqual([
      { field: 'Amount', records: 4, filled: 2 },
      { field: 'NextStep', records: 3, filled: 2 }
    ]);
  });

  it('measures activity, minutes saved and engagement per user for the week', async () => {
    const result = await run();
    expect(result.period).toEqual({ type: 'Week', start: '2026-11-16', end: '2026-11-22' });
    const ana = result.users.find((u) => u.userId === U1)!;
    expect(ana).toMatchObject({
      recordsCreated: 1,
      recordsUpdated: 1,
      tasksLogged: 2,
      activeDays: 3,
      minutesSaved: 6
    });
    const ben = result.users.find((u) => u.userId === U2)!;
    expect(ben).toMatchObject({ recordsCreated: 1, recordsUpdated: 0, tasksLogged: 0, activeDays: 1 });
    // Ana: points 3+1+4 = 8 = reference (p90) → 40; days 3/5 → 12; login this week → 20; completeness 0.8 → 16.
    expect(ana.engagementScore).toBeCloseTo(88, 1);
    expect(result.users.map((u) => u.userId).sort()).toEqual([U1, U2]);
  });

  it('builds snapshot rows keyed per ARCHITECTURE.md', async () => {
    const snapshots = buildSnapshots(await run());
    expect(snapshots.user.map((u) => u.Snapshot_Key__c).sort()).toEqual([
      `U-${U1}-W-2026-11-16`,
      `U-${U2}-W-2026-11-16`
    ]);
    expect(snapshots.team.map((t) => t.Snapshot_Key__c)).toEqual([
      'T-Team_A-W-2026-11-16',
      'T-Team_B-W-2026-11-16'
    ]);
    const field = snapshots.completeness.find(
      (c) => c.Scope__c === 'Field' && c.Field_Name__c === 'NextStep'
    )!;
    expect(field).toMatchObject({ Records__c: 3, Filled__c: 2, Object_Name__c: 'Opportunity' });
    const teamA = snapshots.completeness.find((c) => c.Scope__c === 'Team' && c.Team__c === 'Team A')!;
    expect(teamA).toMatchObject({ Records__c: 2, Complete_Records__c: 1, Average_Completeness__c: 80 });
    expect(snapshots.completeness.every((c) => c.Snapshot_Key__c.length <= 80)).toBe(true);
  });
});

describe('export source over a .zip', () => {
  it('reads the same figures from a zipped export (deflated and stored entries)', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const entries = readdirSync(exportDir).map((name, i) => {
      const data = readFileSync(join(exportDir, name));
      return {
        name: `export/${name}`,
        data,
        body: i % 2 === 0 ? deflateRawSync(data) : data,
        method: i % 2 === 0 ? 8 : 0
      };
    });
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const e of entries) {
      const name = Buffer.from(e.name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt32LE(e.body.length, 18);
      local.writeUInt32LE(e.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(e.method, 10);
      central.writeUInt32LE(e.body.length, 20);
      central.writeUInt32LE(e.data.length, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, name, e.body);
      centrals.push(central, name);
      offset += 30 + name.length + e.body.length;
    }
    const cd = Buffer.concat(centrals);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(entries.length, 8);
    eocd.writeUInt16LE(entries.length, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(offset, 16);
    const zip = join(root, 'export.zip');
    writeFileSync(zip, Buffer.concat([...locals, cd, eocd]));
    const options = { objects: ['Opportunity'], asOf: '2026-11-20' };
    const fromZip = await measure(new ExportSource({ paths: [zip], rulesDir }), options);
    const fromDir = await measure(new ExportSource({ paths: [exportDir], rulesDir }), options);
    expect(fromZip.objects).toEqual(fromDir.objects);
    expect(fromZip.users).toEqual(fromDir.users);
  });
});
