/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11 (sync review 1.2, 1.3): the day a Data Export was taken, from the best evidence it holds, named
// in the warning; a period measured past that day is said. Hand-computed days on the shared fixture.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import type { MeasureOptions } from '../engine/measure';
import { chooseExportDay, dosDay } from '../rules/export-day';
import { ExportSource } from '../sources/export-source';
import { U1, folderEntries, makeFixture, zip } from './fixtures';

const TODAY = '2026-11-30'; // a Monday
const run = (path: string, rulesDir: string, options: MeasureOptions = {}) =>
  measure(new ExportSource({ paths: [path], rulesDir }), {
    objects: ['Opportunity'],
    today: TODAY,
    ...options
  });

/** Removes a column (by name) from a fixture CSV whose values hold no comma or line break. */
function dropColumn(file: string, column: string): void {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const at = lines[0]!.split(',').indexOf(`"${column}"`);
  expect(at).toBeGreaterThanOrEqual(0);
  writeFileSync(
    file,
    lines
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== at)
          .join(',')
      )
      .join('\n')
  );
}

const dos = (y: number, m: number, d: number): number => ((y - 1980) << 9) | (m << 5) | d;

describe('the day an export was taken', () => {
  it('reads a zip entry’s MS-DOS date, and none for 0 or an impossible date', () => {
    expect(dosDay(dos(2026, 11, 23))).toBe('2026-11-23');
    expect(dosDay(0)).toBeUndefined();
    expect(dosDay(dos(2026, 2, 30))).toBeUndefined();
  });

  it('prefers the zip’s day up to 4 days after the data’s, else the data’s', () => {
    const data = { day: '2026-11-20', evidence: 'data' };
    expect(chooseExportDay({ day: '2026-11-23', evidence: 'zip' }, data)?.evidence).toBe('zip');
    expect(chooseExportDay({ day: '2026-11-25', evidence: 'zip' }, data)?.evidence).toBe('data');
    expect(chooseExportDay({ day: '2026-11-19', evidence: 'zip' }, data)?.evidence).toBe('data');
    expect(chooseExportDay(undefined, undefined)).toBeUndefined();
  });

  it('without dates in User.csv, dates the export by the latest date in its files, and names it', async () => {
    const { exportDir, rulesDir } = makeFixture();
    dropColumn(join(exportDir, 'User.csv'), 'LastLoginDate');
    const result = await run(exportDir, rulesDir);
    // Latest date in the files: o5's CreatedDate 2026-11-20 (a Friday), whose last complete week is 9..15.
    expect(result.period).toMatchObject({ start: '2026-11-09', end: '2026-11-15' });
    expect(result.warnings.join('\n')).toContain(
      'was taken on 2026-11-20 (the latest CreatedDate in Opportunity.csv)'
    );
  });

  it('with no evidence at all, measures the last week before today and says so', async () => {
    const { exportDir, rulesDir } = makeFixture();
    dropColumn(join(exportDir, 'User.csv'), 'LastLoginDate');
    writeFileSync(
      join(exportDir, 'Opportunity.csv'),
      `"Id","OwnerId","StageName","Amount","NextStep"\n"o1","${U1}","Prospecting","100","Call"\n`
    );
    dropColumn(join(exportDir, 'Task.csv'), 'CreatedDate');
    const result = await run(exportDir, rulesDir);
    expect(result.period).toMatchObject({ start: '2026-11-23', end: '2026-11-29' });
    expect(result.warnings.join('\n')).toMatch(/Nothing in the export .* says which day it was taken/);
  });

  it('an export zipped on Monday before anyone logged in: the zip’s day, named, beats Friday’s login', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const users = join(exportDir, 'User.csv');
    writeFileSync(users, readFileSync(users, 'utf8').replace('2026-11-19T08', '2026-11-20T08'));
    const path = join(root, 'WE_00D000000000001_1.zip');
    const entries = folderEntries(exportDir).map((e) => ({ ...e, dosDate: dos(2026, 11, 23) }));
    writeFileSync(path, zip(entries));
    const result = await run(path, rulesDir);
    // Taken Monday 2026-11-23: the last complete week is 16..22 (with Friday's login alone: 9..15).
    expect(result.period).toMatchObject({ start: '2026-11-16', end: '2026-11-22' });
    expect(result.warnings.join('\n')).toContain(`2026-11-23 (the date of the files in ${path})`);
  });

  it('says when --as-of measures days after the export was taken (in part, or wholly)', async () => {
    const { exportDir, rulesDir } = makeFixture(); // taken 2026-11-19: U3's LastLoginDate in User.csv
    const partly = await run(exportDir, rulesDir, { asOf: '2026-11-16' });
    expect(partly.warnings.join('\n')).toContain(
      'The period 2026-11-16..2026-11-22 goes past the day the export ' +
        `${exportDir} was taken, 2026-11-19 (the latest LastLoginDate in User.csv)`
    );
    const after = await run(exportDir, rulesDir, { asOf: '2026-11-27' });
    expect(after.warnings.join('\n')).toContain(
      'The period 2026-11-23..2026-11-29 is after the day the export'
    );
    const before = await run(exportDir, rulesDir, { asOf: '2026-11-15' });
    expect(before.warnings.join('\n')).not.toMatch(/period .* (goes past|is after) the day/);
  });
});
