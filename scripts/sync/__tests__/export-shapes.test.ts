/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11: export and org shapes Salesforce and its tools produce, each measured right. Every case is a
// small fixture with its hand-computed figure; each test fails without its fix.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import type { MeasureOptions } from '../engine/measure';
import { ExportSource } from '../sources/export-source';
import { U1, U2, makeFixture } from './fixtures';

const run = (exportDir: string, rulesDir: string, options: MeasureOptions = {}) =>
  measure(new ExportSource({ paths: [exportDir], rulesDir }), {
    objects: ['Opportunity'],
    asOf: '2026-11-20',
    ...options
  });

/** Rewrites the header line of a fixture CSV with `map` applied to each column name. */
function recase(file: string, map: (column: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n');
  const header = text
    .slice(0, end)
    .split(',')
    .map((c) => `"${map(c.replace(/"/g, ''))}"`)
    .join(',');
  writeFileSync(file, header + text.slice(end));
}

describe('1. letter case of field names', () => {
  it('applies stage rules and counts tasks with upper-case headers (Data Loader)', async () => {
    const { exportDir, rulesDir } = makeFixture();
    recase(join(exportDir, 'Opportunity.csv'), (c) => c.toUpperCase());
    recase(join(exportDir, 'Task.csv'), (c) => c.toUpperCase());
    const result = await run(exportDir, rulesDir);
    const opp = result.objects[0]!;
    // Same figures as with API-cased headers: NextStep applies to the 3 Prospecting records only.
    expect(opp.stageField).toBe('STAGENAME');
    expect(opp.ruleFields).toEqual([
      { field: 'AMOUNT', records: 4, filled: 2 },
      { field: 'NEXTSTEP', records: 3, filled: 2 }
    ]);
    expect(opp.completeness.average).toBeCloseTo(0.5);
    expect(result.users.find((u) => u.userId === U1)!.tasksLogged).toBe(2);
  });

  it('counts tasks when only Task is read for activity, in lower case', async () => {
    const { exportDir, rulesDir } = makeFixture();
    recase(join(exportDir, 'Task.csv'), (c) => c.toLowerCase());
    const result = await run(exportDir, rulesDir);
    expect(result.users.find((u) => u.userId === U1)!.tasksLogged).toBe(2);
  });
});

describe('2. 15- and 18-character Ids are the same record', () => {
  it('credits an owner whose User.csv Id has 15 characters beside 18-character export Ids', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const users = readFileSync(join(exportDir, 'User.csv'), 'utf8');
    // A User.csv built from a report: 15-character Ids (the fixture's end in AAA: the case checksum).
    writeFileSync(
      join(exportDir, 'User.csv'),
      users.replaceAll(U1, U1.slice(0, 15)).replaceAll(U2, U2.slice(0, 15))
    );
    const result = await run(exportDir, rulesDir);
    const opp = result.objects[0]!;
    expect(opp.owners.find((o) => o.ownerId === U1)).toMatchObject({ team: 'Team A', records: 2 });
    expect(opp.teams.map((t) => t.team)).not.toContain('(no team)');
    const ana = result.users.find((u) => u.userId === U1)!;
    expect([ana.recordsOwned, ana.tasksLogged, ana.recordsCreated]).toEqual([2, 2, 1]);
  });

  it('matches record types, roles and profiles by their 15-character form too', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const rt = readFileSync(join(exportDir, 'RecordType.csv'), 'utf8');
    writeFileSync(join(exportDir, 'RecordType.csv'), rt.replace('012000000000001AAA', '012000000000001'));
    const result = await run(exportDir, rulesDir);
    expect(result.objects[0]!.recordTypes.map((t) => t.recordType)).toEqual(['(none)', 'Renewal']);
  });

  it('restores an 18-character Id whose letters a tool re-cased', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const opp = readFileSync(join(exportDir, 'Opportunity.csv'), 'utf8');
    writeFileSync(join(exportDir, 'Opportunity.csv'), opp.replaceAll(U1, U1.toLowerCase()));
    const result = await run(exportDir, rulesDir);
    expect(result.objects[0]!.owners.find((o) => o.ownerId === U1)!.records).toBe(2);
    rmSync(exportDir, { recursive: true, force: true });
  });
});
