/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { measure } from '../engine/measure';
import { MIN_TEAM_USERS } from '../report/aggregates';
import { renderReport } from '../report/render-report';
import { buildSnapshots } from '../snapshots/build-snapshots';
import { teamSnapshotKey } from '../snapshots/keys';
import { formatTable } from '../command/output';
import { ExportSource } from '../sources/export-source';
import { U1, U2, U3, U4, makeFixture, rule } from './fixtures';

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
      [U3, 'API only'],
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

  it('counts per team the records each rule field applies to, and those filled (heat map cells)', async () => {
    const opp = (await run()).objects[0]!;
    // Amount applies to every record; NextStep to Prospecting/Qualification only (not o3, Closed Won).
    // Team A (Ana): o1 (both filled), o2 (Amount only). Team B (Ben): o3 (none, NextStep n/a), o5 (NextStep).
    expect(opp.teams.map((t) => [t.team, t.ruleFields])).toEqual([
      [
        'Team A',
        [
          { field: 'Amount', records: 2, filled: 2 },
          { field: 'NextStep', records: 2, filled: 1 }
        ]
      ],
      [
        'Team B',
        [
          { field: 'Amount', records: 2, filled: 0 },
          { field: 'NextStep', records: 1, filled: 1 }
        ]
      ]
    ]);
    // All of Team B's records: NextStep filled in 1 of 2; of those NextStep applies to: 1 of 1.
    const teamB = opp.teams.find((t) => t.team === 'Team B')!;
    expect(teamB.fields.find((f) => f.name === 'NextStep')!.filled).toBe(1);
    expect(teamB.records).toBe(2);
    // The per-team figures add up to the object's.
    for (const [i, f] of opp.ruleFields.entries()) {
      expect(opp.teams.reduce((n, t) => n + t.ruleFields[i]!.records, 0)).toBe(f.records);
      expect(opp.teams.reduce((n, t) => n + t.ruleFields[i]!.filled, 0)).toBe(f.filled);
    }
  });

  it('scores the same per record as from the groups’ filled patterns', async () => {
    const options = { objects: ['Opportunity'], asOf: '2026-11-20' };
    const byPattern = await measure(new ExportSource({ paths: [exportDir], rulesDir }), options);
    const byRecord = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      ...options,
      scoreEachRecord: true
    });
    expect(byRecord.objects).toEqual(byPattern.objects);
    expect(byRecord.users).toEqual(byPattern.users);
  });

  it('draws the heat map from the applicable records of each team', async () => {
    // The heat map's own rule, apart from the report's folding of teams too small to show
    // (sponsor-rules.test.ts): the fixture's teams given a size the report names.
    const result = await run();
    const sized = {
      ...result,
      teams: result.teams.map((t) => ({ ...t, users: Math.max(t.users, MIN_TEAM_USERS) }))
    };
    const html = renderReport(sized, [], 'en');
    expect(html).toContain('title="Team B · Next Step: 1 / 1"');
    expect(html).toContain('title="Team A · Next Step: 1 / 2"');
    expect(html).toContain('title="Team B · Amount: 0 / 2"');
    expect(html).not.toContain('Team B · Next Step: 1 / 2');
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
      teamSnapshotKey('Team A', 'Week', '2026-11-16'),
      teamSnapshotKey('Team B', 'Week', '2026-11-16')
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
      central.writeUInt32LE(crc32(e.data), 16); // the reader checks each entry's CRC-32
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

describe('champion candidates', () => {
  // Four reps in three teams, one opportunity each created this week with Amount filled (completeness 1),
  // logged in this week; Max created a second one on another day. p90 of points [3, 3, 3, 6] = 3.
  // Amy, Bea, Zed: 40 + 20 × 1/5 + 20 + 20 = 84. Max: 40 + 20 × 2/5 + 20 + 20 = 88.
  const ids = {
    zed: '005000000000011AAA',
    amy: '005000000000012AAA',
    bea: '005000000000013AAA',
    max: '005000000000014AAA'
  };
  const setup = (): { exportDir: string; rulesDir: string } => {
    const root = mkdtempSync(join(tmpdir(), 'sync-champions-'));
    const exportDir = join(root, 'export');
    const rulesDir = join(root, 'rules');
    mkdirSync(exportDir);
    mkdirSync(rulesDir);
    const users: [string, string, string][] = [
      [ids.zed, 'Zed', 'RA'],
      [ids.amy, 'Amy', 'RB'],
      [ids.bea, 'Bea', 'RB'],
      [ids.max, 'Max', 'RC']
    ];
    writeFileSync(
      join(exportDir, 'User.csv'),
      [
        'Id,Name,IsActive,UserType,UserRoleId,LastLoginDate',
        ...users.map(([id, name, role]) => `${id},${name},true,Standard,${role},2026-11-19T08:00:00.000Z`)
      ].join('\n') + '\n'
    );
    writeFileSync(join(exportDir, 'UserRole.csv'), 'Id,Name\nRA,Team A\nRB,Team B\nRC,Team C\n');
    const opp = (id: string, owner: string, day: string): string =>
      `${id},${owner},Prospecting,100,${owner},2026-11-${day}T10:00:00.000Z,${owner},2026-11-${day}T10:00:00.000Z`;
    writeFileSync(
      join(exportDir, 'Opportunity.csv'),
      [
        'Id,OwnerId,StageName,Amount,CreatedById,CreatedDate,LastModifiedById,LastModifiedDate',
        opp('o1', ids.zed, '17'),
        opp('o2', ids.amy, '17'),
        opp('o3', ids.bea, '17'),
        opp('o4', ids.max, '17'),
        opp('o5', ids.max, '18')
      ].join('\n') + '\n'
    );
    writeFileSync(
      join(rulesDir, 'Completeness_Rule.Opp_Amount.md-meta.xml'),
      rule('Opp Amount', { Object__c: 'Opportunity', Field__c: 'Amount', Weight__c: '1', Active__c: 'true' })
    );
    return { exportDir, rulesDir };
  };

  it('are chosen and ordered by engagement score in the JSON and console, by team then name in the report', async () => {
    const { exportDir, rulesDir } = setup();
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });
    const score = Object.fromEntries(result.users.map((u) => [u.name, u.engagementScore]));
    expect(score).toEqual({ Zed: 84, Amy: 84, Bea: 84, Max: 88 });
    expect(result.championCandidates).toEqual([ids.max, ids.amy, ids.bea, ids.zed]);
    expect(formatTable(result)).toContain(
      'Champion candidates: Max (Team C, 88), Amy (Team B, 84), Bea (Team B, 84), Zed (Team A, 84)'
    );
    // The sponsor's HTML report lists them by team then name, never as a ranking (report.test.ts).
    const html = renderReport(result, [], 'en', { people: true });
    const listed = [...html.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(listed).toEqual(['Zed', 'Amy', 'Bea', 'Max']);
  });
});
