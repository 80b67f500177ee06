/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Review 9 (a fresh user's try of the merged tree): a part with a row written twice taken for another
// export (and only in one argument order); a copy of a part ("Opportunity_2 (1).csv") never compared; a
// copy with its rows or columns in another order refused as another export; an export dated by the one
// readable LastLoginDate when another is unreadable. Figures by hand on the shared fixture (fixtures.ts:
// Ana U1 and Ben U2 measured, o1..o5; week of 2026-11-20).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import { SyncInputError } from '../errors';
import { ExportSource } from '../sources/export-source';
import { U1, U2, makeFixture } from './fixtures';

const run = (paths: string[], rulesDir: string, asOf: string | null = '2026-11-20') =>
  measure(new ExportSource({ paths, rulesDir }), { objects: ['Opportunity'], asOf: asOf ?? undefined });

const HEADER =
  '"Id","Name","OwnerId","StageName","RecordTypeId","Amount","NextStep","IsPrivate","CreatedById","CreatedDate","LastModifiedById","LastModifiedDate"';
const row = (id: string, owner: string): string =>
  `"${id}","N","${owner}","Prospecting","","10","Call","false","${owner}","2026-11-17T10:00:00.000Z","${owner}","2026-11-17T10:00:00.000Z"`;

describe('a part with a record written twice in it', () => {
  it('is a part, whichever order the paths come in: its records added, nothing refused', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const part = join(root, 'part');
    mkdirSync(part);
    // One new record (o9, Ben's), written twice in the second part; no Id in common with the first.
    writeFileSync(join(part, 'Opportunity.csv'), [HEADER, row('o9', U2), row('o9', U2)].join('\n') + '\n');
    const once = await run([exportDir], rulesDir);
    for (const paths of [
      [exportDir, part],
      [part, exportDir]
    ]) {
      const result = await run(paths, rulesDir);
      const ben = (r: typeof once) => r.objects[0]!.owners.find((o) => o.ownerId === U2)!.records;
      // Parts share no Id: read as parts, each row counted as a single file counts it.
      expect(ben(result)).toBe(ben(once) + 2);
      expect(result.objects[0]!.records).toBe(once.objects[0]!.records + 2);
    }
  });
});

describe('a copy of a part, "Opportunity_2 (1).csv"', () => {
  it('is compared with the part it copies: another export’s part is refused, not skipped', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeFileSync(join(exportDir, 'Opportunity_2.csv'), [HEADER, row('o8', U1)].join('\n') + '\n');
    // The same part as another export wrote it: o8's Amount changed.
    writeFileSync(
      join(exportDir, 'Opportunity_2 (1).csv'),
      [HEADER, row('o8', U1).replace('"10"', '"99"')].join('\n') + '\n'
    );
    const error = await run([exportDir], rulesDir).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(SyncInputError);
    expect((error as SyncInputError).name).toBe('SeveralExportsError');
    expect((error as Error).message).toContain('Opportunity_2 (1).csv');
  });

  it('counts its records once when it is the same part downloaded twice', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const text = [HEADER, row('o8', U1)].join('\n') + '\n';
    const before = await run([exportDir], rulesDir);
    writeFileSync(join(exportDir, 'Opportunity_2.csv'), text);
    writeFileSync(join(exportDir, 'Opportunity_2 (1).csv'), text);
    const result = await run([exportDir], rulesDir);
    expect(result.objects[0]!.records).toBe(before.objects[0]!.records + 1);
  });
});

describe('a copy with its rows or its columns in another order', () => {
  it('holds the same records: counted once, not refused as another export', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const once = await run([exportDir], rulesDir);
    const text = readFileSync(join(exportDir, 'Opportunity.csv'), 'utf8');
    // Records are o1..o5, o5 spanning two lines: split on record starts, not on line breaks.
    const [header, ...records] = text.trimEnd().split(/\n(?=")/);
    writeFileSync(join(exportDir, 'Opportunity (1).csv'), [header, ...records.reverse()].join('\n') + '\n');
    const reversed = await run([exportDir], rulesDir);
    expect(reversed.objects[0]!.owners).toEqual(once.objects[0]!.owners);
    // Columns swapped (Name before Id), each row's cells with them.
    const swap = (line: string): string => {
      const cells = line.match(/"(?:[^"]|"")*"/g)!;
      [cells[0], cells[1]] = [cells[1], cells[0]] as [string, string];
      return cells.join(',');
    };
    writeFileSync(
      join(exportDir, 'Opportunity (1).csv'),
      [header, ...records].map((r) => swap(r!)).join('\n') + '\n'
    );
    const swapped = await run([exportDir], rulesDir);
    expect(swapped.objects[0]!.owners).toEqual(once.objects[0]!.owners);
  });
});

describe('the export’s day when one LastLoginDate is unreadable', () => {
  it('reads the record files too: a later record stamp dates the export', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const users = readFileSync(join(exportDir, 'User.csv'), 'utf8')
      // Ana's and ERP's logins as Excel saved them; Ben's (2026-10-01) stays readable and is the latest.
      .replace('2026-11-18T08:00:00.000Z', '11/18/2026 08:00')
      .replace('2026-11-19T08:00:00.000Z', '11/19/2026 08:00');
    writeFileSync(join(exportDir, 'User.csv'), users);
    const result = await run([exportDir], rulesDir, null);
    // The record files' latest stamp (o5, 2026-11-20) dates it, not Ben's 2026-10-01: the week before.
    expect(result.asOf).toBe('2026-11-15');
  });
});
