/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Review 8's leftovers (merge8): a second export's file merged with the first when it is neither copy-named
// nor beside a User.csv; a copy re-saved with other line endings or a byte order mark refused as another
// export; the export dated from User.CreatedDate when every LastLoginDate is unreadable; unreadable User
// dates warned only as the export's day; SeveralExports dating each file by its own stamps. Figures by hand
// on the shared fixture (fixtures.ts: Ana U1 and Ben U2 measured, week of 2026-11-20 = 2026-11-16..22).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import { SyncInputError } from '../errors';
import { warningOf } from '../messages';
import { reportWarnings } from '../report/warnings';
import { ExportSource } from '../sources/export-source';
import { U1, folderEntries, makeFixture, reportContext, zip } from './fixtures';

const run = (paths: string[], rulesDir: string) =>
  measure(new ExportSource({ paths, rulesDir }), { objects: ['Opportunity'], asOf: '2026-11-20' });

async function refusal(promise: Promise<unknown>): Promise<SyncInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(SyncInputError);
  return error as SyncInputError;
}

/** The fixture's Opportunity.csv as a later export writes it: o1's NextStep cleared on 2026-11-24. */
function laterOpportunities(exportDir: string): string {
  const text = readFileSync(join(exportDir, 'Opportunity.csv'), 'utf8');
  const later = text.replace(
    `"Call","true","${U1}","2026-11-17T10:00:00.000Z","${U1}","2026-11-17T10:00:00.000Z"`,
    `"","true","${U1}","2026-11-17T10:00:00.000Z","${U1}","2026-11-24T10:00:00.000Z"`
  );
  expect(later).not.toBe(text);
  return later;
}

/** 2026-11-dd as an MS-DOS date (zip entries' last-modified day). */
const november = (day: number): number => ((2026 - 1980) << 9) | (11 << 5) | day;

describe('a second export whose file holds records of the first', () => {
  it('is refused whichever order two --from-export paths come in, naming both files', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    // Another export's Opportunity.csv alone: no User.csv beside it, not copy-named.
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'Opportunity.csv'), laterOpportunities(exportDir));
    const first = await refusal(run([exportDir, other], rulesDir));
    const swapped = await refusal(run([other, exportDir], rulesDir));
    expect(first.name).toBe('SeveralExportsError');
    // Each side dated by the one export-day rule: the fixture's User.csv (ERP's last login, 2026-11-19);
    // the other side has only its file, its latest stamp (o1, 2026-11-24). Older first, either order.
    const a = join(exportDir, 'Opportunity.csv');
    const b = join(other, 'Opportunity.csv');
    expect(first.message).toContain(`of 2026-11-19 (${a}) and 2026-11-24 (${b})`);
    expect(first.hint).toContain(`--from-export ${exportDir} or ${other}`);
    expect([swapped.message, swapped.hint]).toEqual([first.message, first.hint]);
  });

  it('is refused in a zip of its own beside the export’s zip, each dated by its zip', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const downloads = join(root, 'downloads');
    mkdirSync(downloads);
    const we1 = join(downloads, 'WE_00D000000000001_1.ZIP');
    const we2 = join(downloads, 'WE_00D000000000001_2.ZIP');
    writeFileSync(we1, zip(folderEntries(exportDir).map((f) => ({ ...f, dosDate: november(20) }))));
    writeFileSync(
      we2,
      zip([
        { name: 'Opportunity.csv', data: Buffer.from(laterOpportunities(exportDir)), dosDate: november(25) }
      ])
    );
    const error = await refusal(run([downloads], rulesDir));
    expect(error.name).toBe('SeveralExportsError');
    expect(error.message).toContain(
      `of 2026-11-20 (${we1}:Opportunity.csv) and 2026-11-25 (${we2}:Opportunity.csv)`
    );
    expect(error.hint).toContain(`--from-export ${we1} or ${we2}`);
  });

  it('is read as a part when it shares no record: nothing lost, nothing counted twice', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const once = await run([exportDir], rulesDir);
    const part = join(root, 'part');
    mkdirSync(part);
    const text = readFileSync(join(exportDir, 'Opportunity.csv'), 'utf8');
    const o3 = text.indexOf('"o3"');
    writeFileSync(join(exportDir, 'Opportunity.csv'), text.slice(0, o3));
    writeFileSync(join(part, 'Opportunity.csv'), text.slice(0, text.indexOf('\n') + 1) + text.slice(o3));
    for (const paths of [
      [exportDir, part],
      [part, exportDir]
    ]) {
      const result = await run(paths, rulesDir);
      expect(result.objects[0]!.records).toBe(4);
      expect(result.objects[0]!.duplicateRecords).toBe(0);
      expect(result.objects[0]!.completeness).toEqual(once.objects[0]!.completeness);
    }
  });
});

describe('a copy saved again with CRLF line endings or a byte order mark', () => {
  it('is the same export: read on, its records counted once, with the warning', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const once = await run([exportDir], rulesDir);
    const text = readFileSync(join(exportDir, 'Opportunity.csv'), 'utf8');
    // A UTF-8 byte order mark and CRLF for every LF (unix2dos, git's autocrlf: the line break inside o5's
    // quoted name too); the other path's copy: CRLF between records only (Excel).
    const resaved = '\uFEFF' + text.replace(/\n/g, '\r\n');
    expect(resaved).not.toBe(text);
    writeFileSync(join(exportDir, 'Opportunity (1).csv'), resaved);
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'Opportunity.csv'), text.replace(/"\n(?="o\d|$)/g, '"\r\n'));
    for (const paths of [[exportDir], [exportDir, other]]) {
      const result = await run(paths, rulesDir);
      expect(result.objects[0]!.records).toBe(once.objects[0]!.records);
      expect(result.objects[0]!.owners).toEqual(once.objects[0]!.owners);
      expect(result.objects[0]!.duplicateRecords).toBe(5 * (paths.length === 1 ? 1 : 2));
      expect(result.warnings.join('\n')).toMatch(/Opportunity: \d+ records found twice/);
    }
  });
});

/** Adds User.CreatedDate to the fixture's User.csv (one value per user, U1..U4) and sets LastLoginDate. */
function userDates(exportDir: string, created: readonly string[], lastLogin?: (old: string) => string): void {
  const file = join(exportDir, 'User.csv');
  const lines = readFileSync(file, 'utf8').split('\r\n');
  writeFileSync(
    file,
    lines
      .map((line, i) => {
        if (line === '') return line;
        const edited =
          lastLogin && i > 0
            ? line.replace(
                /"(20\d\d-[^"]*)"(,"[^"]*")$/,
                (_m, d: string, rest: string) => `"${lastLogin(d)}"${rest}`
              )
            : line;
        return `${edited},"${i === 0 ? 'CreatedDate' : created[i - 1]}"`;
      })
      .join('\r\n')
  );
}

describe('the export’s day when every LastLoginDate is unreadable', () => {
  it('comes from the record files, not from User.CreatedDate years earlier', async () => {
    const { exportDir, rulesDir } = makeFixture();
    // Excel's local form for every last login; users created in 2024.
    userDates(
      exportDir,
      Array(4).fill('2024-11-05T09:00:00.000Z'),
      (d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} 08:00`
    );
    expect(readFileSync(join(exportDir, 'User.csv'), 'utf8')).toContain('"18/11/2026 08:00"');
    const source = new ExportSource({ paths: [exportDir], rulesDir });
    // The latest record stamp: o5's CreatedDate and LastModifiedDate, 2026-11-20 (Opportunity.csv).
    const taken = await source.takenAt();
    expect(taken?.day).toBe('2026-11-20');
    expect(taken?.evidence).toMatch(/Opportunity\.csv/);
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity']
    });
    expect([result.period.start, result.period.end]).toEqual(['2026-11-09', '2026-11-15']);
  });
});

describe('unreadable User dates, each warned for what it costs', () => {
  it('says how many users, the column, and the consequence, in the console and the report', async () => {
    const { exportDir, rulesDir } = makeFixture();
    // Ana's last login and Ben's creation date saved again by Excel.
    userDates(
      exportDir,
      ['2024-11-05T09:00:00.000Z', '05/11/2024 09:00', '2024-11-05T09:00:00.000Z', ''],
      (d) => (d.startsWith('2026-11-18') ? '18/11/2026 08:00' : d)
    );
    const result = await run([exportDir], rulesDir);
    const file = join(exportDir, 'User.csv');
    const login = result.warningCodes.find((w) => w.code === 'warning.UnreadableLastLogin')!;
    const created = result.warningCodes.find((w) => w.code === 'warning.UnreadableUserCreated')!;
    expect(login.tokens).toEqual([file, 1, '18/11/2026 08:00']);
    expect(created.tokens).toEqual([file, 1, '05/11/2024 09:00']);
    const console = result.warnings.join('\n');
    expect(console).toContain(
      `${file}, column LastLoginDate: 1 user has a last login that could not be read`
    );
    expect(console).toMatch(/no credit for logging in/);
    expect(console).toContain(
      `${file}, column CreatedDate: 1 user has a creation date that could not be read`
    );
    expect(console).toMatch(/kept in the measured population/);
    // Ana's login is no login: her login part is 0.
    expect(result.users.find((u) => u.name === 'Ana')!.lastLogin).toBeNull();
    const en = reportWarnings([login, created], 'en', reportContext('en')).join('\n');
    const fr = reportWarnings([login, created], 'fr', reportContext('fr')).join('\n');
    expect(en).toMatch(
      /1 user has a last login date that could not be read: that user gets no credit for logging in/
    );
    expect(en).toMatch(
      /1 user has a creation date that could not be read: that user is counted in the period/
    );
    expect(fr).toMatch(/dernière connexion illisible/);
    expect(fr).toMatch(/date de création illisible/);
  });
});

describe('an encoding warning naming its file in full', () => {
  it('still says its object in the report, in English and French', () => {
    const code = warningOf('sync.export', 'warning.NotEncoding', [
      '/x/WE_1.ZIP:Opportunity (1).csv',
      'utf-8'
    ]);
    expect(code.text).toMatch(/^\/x\/WE_1\.ZIP:Opportunity \(1\)\.csv holds bytes that are not utf-8 /);
    for (const lang of ['en', 'fr'] as const) {
      const [line] = reportWarnings([code], lang, reportContext(lang));
      expect(line).toMatch(/^Opportunit/);
      expect(line).not.toMatch(/csv|WE_1/);
    }
  });
});
