/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11, sixth review: exports side by side, dates Excel rewrote, who belongs to a period, stage typos
// and files that are not comma-separated. Each figure is computed by hand on the shared fixture
// (fixtures.ts: Ana U1 and Ben U2 measured, week of 2026-11-20 = 2026-11-16..22); each test fails without
// its fix.

import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import type { MeasureOptions } from '../engine/measure';
import { loginRecency } from '../engine/stages/users';
import { SyncInputError } from '../errors';
import { ExportSource, headerSeparator } from '../sources/export-source';
import { U1, U2, makeFixture, rule } from './fixtures';

const run = (paths: string[], rulesDir: string, options: MeasureOptions = {}) =>
  measure(new ExportSource({ paths, rulesDir }), {
    objects: ['Opportunity'],
    asOf: '2026-11-20',
    ...options
  });

/** Replaces `from` by `to` in a fixture file (every occurrence; the test checks there was one). */
function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(
    from instanceof RegExp ? from : new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'),
    to
  );
  expect(next).not.toBe(text);
  writeFileSync(file, next);
}

/** Adds User.CreatedDate to the fixture's User.csv: one day per user, in file order (U1..U4). */
function userCreated(exportDir: string, days: readonly string[]): void {
  const file = join(exportDir, 'User.csv');
  const lines = readFileSync(file, 'utf8').split('\r\n');
  writeFileSync(
    file,
    lines
      .map((line, i) =>
        line === '' ? line : `${line},"${i === 0 ? 'CreatedDate' : `${days[i - 1]}T09:00:00.000Z`}"`
      )
      .join('\r\n')
  );
}

async function inputError(promise: Promise<unknown>): Promise<SyncInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(SyncInputError);
  return error as SyncInputError;
}

describe('1. two exports side by side', () => {
  it('reads two folders of one export downloaded twice as one: counted once, with the warning', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const both = join(root, 'both');
    cpSync(exportDir, join(both, 'WE_1'), { recursive: true });
    cpSync(exportDir, join(both, 'WE_1 (1)'), { recursive: true });
    const twice = await run([both], rulesDir);
    const once = await run([exportDir], rulesDir);
    // 5 opportunities in the fixture (4 measured: o4's owner is excluded), each found in both copies.
    expect([twice.objects[0]!.records, twice.objects[0]!.duplicateRecords]).toEqual([4, 5]);
    expect(twice.objects[0]!.owners).toEqual(once.objects[0]!.owners);
    expect(twice.users).toEqual(once.users);
    expect(twice.warnings.join('\n')).toMatch(/Opportunity: 5 records found twice/);
  });

  it('refuses two different exports, naming each with its day, whichever is older', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const both = join(root, 'both');
    const older = join(both, 'export-2026-10');
    const newer = join(both, 'export-2026-11');
    cpSync(exportDir, older, { recursive: true });
    cpSync(exportDir, newer, { recursive: true });
    // The older export: o1's NextStep not filled yet. The newer: a login on 2026-11-27.
    edit(join(older, 'Opportunity.csv'), '"Call"', '""');
    edit(join(newer, 'User.csv'), '2026-11-19T08:00:00.000Z', '2026-11-27T08:00:00.000Z');
    const error = await inputError(run([both], rulesDir));
    expect(error.name).toBe('SeveralExportsError');
    // Days: the latest LastLoginDate of each User.csv (the fixture's is ERP's, 2026-11-19).
    // Both files named, each with its export's day.
    expect(error.message).toContain(
      `of 2026-11-19 (${join(older, 'Opportunity.csv')}) and 2026-11-27 (${join(newer, 'Opportunity.csv')})`
    );
    expect(error.message).toContain(
      'their Opportunity.csv files hold some of the same records with other values'
    );
    expect(error.hint).toContain(`--from-export ${older} or ${newer}`);
  });

  it('refuses two exports of the same day whose records differ (not a copy)', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const both = join(root, 'both');
    cpSync(exportDir, join(both, 'a'), { recursive: true });
    cpSync(exportDir, join(both, 'b'), { recursive: true });
    edit(join(both, 'a', 'Opportunity.csv'), '"Demo"', '""');
    const error = await inputError(run([both], rulesDir));
    expect(error.message).toContain(
      `of 2026-11-19 (${join(both, 'a', 'Opportunity.csv')}) and 2026-11-19 (${join(both, 'b', 'Opportunity.csv')})`
    );
  });
});

describe('2. dates not in ISO form', () => {
  it('says per file and column how many dates could not be read, and does not guess them', async () => {
    const { exportDir, rulesDir } = makeFixture();
    // o1 (Ana, created and modified 2026-11-17 in the period) as Excel writes it again.
    edit(
      join(exportDir, 'Opportunity.csv'),
      `"${U1}","2026-11-17T10:00:00.000Z","${U1}","2026-11-17T10:00:00.000Z"`,
      `"${U1}","11/17/2026 10:00","${U1}","11/17/2026 10:00"`
    );
    const result = await run([exportDir], rulesDir);
    const ana = result.users.find((u) => u.userId === U1)!;
    // o1's creation is not counted (unreadable), o2's update on 2026-11-18 is.
    expect([ana.recordsCreated, ana.recordsUpdated]).toEqual([0, 1]);
    const text = result.warnings.join('\n');
    expect(text).toContain(
      'Opportunity.csv, column CreatedDate: 1 date could not be read (e.g. "11/17/2026 10:00")'
    );
    expect(text).toContain('Opportunity.csv, column LastModifiedDate: 1 date could not be read');
    expect(text).toContain('it is not guessed');
  });

  it('says the dates that cannot date the export (User.csv stamps), not skipping them silently', async () => {
    const { exportDir, rulesDir } = makeFixture();
    // ERP's last login (the latest, 2026-11-19) and Ana's as Excel writes them again.
    edit(join(exportDir, 'User.csv'), '"2026-11-19T08:00:00.000Z"', '"19/11/2026 08:00"');
    edit(join(exportDir, 'User.csv'), '"2026-11-18T08:00:00.000Z"', '"18/11/2026 08:00"');
    const result = await run([exportDir], rulesDir);
    expect(result.warnings.join('\n')).toContain(
      'User.csv, column LastLoginDate: 2 dates could not be read (e.g. "18/11/2026 08:00"), so they are not used to date the export.'
    );
    // Some User dates unreadable: the latest may be among them, so the record files are read too and
    // the latest of both dates the export (review 9), not Ben's readable 2026-10-01 alone.
    expect(result.warnings.join('\n')).toMatch(/2026-11-20 \(the latest CreatedDate in Opportunity\.csv\)/);
  });

  it('says nothing of empty dates', async () => {
    const { exportDir, rulesDir } = makeFixture();
    edit(join(exportDir, 'Opportunity.csv'), `"${U2}","2026-03-01T10:00:00.000Z"`, `"${U2}",""`);
    const result = await run([exportDir], rulesDir);
    expect(result.warnings.join('\n')).not.toContain('could not be read');
  });
});

describe('3. who belongs to the period', () => {
  it('leaves a user created after the period out of its population, and says so', async () => {
    const { exportDir, rulesDir } = makeFixture();
    // Ben created on 2026-11-25, after the week 16..22 measured.
    userCreated(exportDir, ['2026-01-05', '2026-11-25', '2026-01-05', '2025-06-01']);
    const result = await run([exportDir], rulesDir);
    expect(result.users.map((u) => u.userId)).toEqual([U1]);
    expect(result.warnings.join('\n')).toContain(
      '1 user was created after the period 2026-11-16..2026-11-22'
    );
  });

  it('keeps a user created during the period', async () => {
    const { exportDir, rulesDir } = makeFixture();
    userCreated(exportDir, ['2026-01-05', '2026-11-22', '2026-01-05', '2025-06-01']);
    const result = await run([exportDir], rulesDir);
    expect(result.users.map((u) => u.userId).sort()).toEqual([U1, U2]);
  });

  it('warns when --as-of is before every user was created', async () => {
    const { exportDir, rulesDir } = makeFixture();
    userCreated(exportDir, ['2026-01-05', '2026-02-10', '2026-01-05', '2025-06-01']);
    const result = await run([exportDir], rulesDir, { asOf: '2025-12-10' });
    expect(result.users).toEqual([]);
    // Measured users are Ana and Ben; the first of them created on 2026-01-05.
    expect(result.warnings.join('\n')).toContain(
      'The period 2025-12-08..2025-12-14 is before every user was created (the first on 2026-01-05'
    );
  });

  it('does not credit a last login after the period’s end', () => {
    const period = { start: 100, end: 107 }; // days since 1970: 1970-04-11..1970-04-17
    expect(loginRecency('1970-04-18T08:00:00.000Z', period)).toBeNull(); // day 107: after the period
    expect(loginRecency('1970-04-17T23:00:00.000Z', period)).toBe(1); // day 106, in it
    expect(loginRecency('1970-03-27T08:00:00.000Z', period)).toBeCloseTo(1 - 15 / 30); // day 85
    expect(loginRecency(null, period)).toBe(0);
  });

  it('scores a user whose last login is after the period on the other three parts', async () => {
    const { exportDir, rulesDir } = makeFixture();
    // Week of 2026-11-10 (9..15): Ana did nothing in it; her last login (11-18) is after it. Her records
    // o1 (score 1) and o2 (0.6): completeness 0.8, so 100 × 0.2 × 0.8 / 0.8 = 20 (not 36 with the login).
    const result = await run([exportDir], rulesDir, { asOf: '2026-11-10' });
    expect(result.users.find((u) => u.userId === U1)!.engagementScore).toBe(20);
  });
});

describe('4. a rule naming a stage no record has', () => {
  it('warns offline with the object, the stage field and the stages', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeFileSync(
      join(rulesDir, 'Completeness_Rule.Typo.md-meta.xml'),
      rule('Typo', {
        Object__c: 'Opportunity',
        Field__c: 'Amount',
        Weight__c: '1',
        Active__c: 'true',
        Stages__c: 'Prospecting, Qualifcation'
      })
    );
    const result = await run([exportDir], rulesDir);
    const text = result.warnings.join('\n');
    expect(text).toContain(
      'Opportunity: the completeness rule Typo names in Stages__c StageName values that no record of the export has (Qualifcation)'
    );
    // Prospecting is in the data (o1, o2, o4, o5): not named.
    expect(text).not.toMatch(/\(Prospecting/);
    // The fixture's NextStep rule names Qualification, a valid stage no record is at: not a typo, not said.
    expect(text).not.toMatch(/\(Qualification\)/);
  });

  it('says nothing of a valid stage no record is at this time, nor of stage cells with spaces', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeFileSync(
      join(rulesDir, 'Completeness_Rule.Later.md-meta.xml'),
      rule('Later', {
        Object__c: 'Opportunity',
        Field__c: 'Amount',
        Weight__c: '1',
        Active__c: 'true',
        Stages__c: 'Prospecting, Needs Analysis'
      })
    );
    const csv = join(exportDir, 'Opportunity.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replaceAll('"Prospecting"', '"Prospecting  "'));
    const result = await run([exportDir], rulesDir);
    expect(result.warnings.join('\n')).not.toContain('no record of the export has');
  });
});

describe('5. files that cannot be parsed', () => {
  it('says a semicolon-separated file is one, with how to save it comma-separated', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const file = join(exportDir, 'Opportunity.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/","/g, '";"'));
    const error = await inputError(run([exportDir], rulesDir));
    expect(error.name).toBe('NotCommaSeparatedError');
    expect(error.message).toContain(`${file} is separated by semicolons (;), not commas`);
    expect(error.hint).toContain('CSV UTF-8 (Comma delimited)');
  });

  it('says it too when the file is a second part read for its header only (no unexpected error)', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const both = join(root, 'parts');
    mkdirSync(both);
    cpSync(exportDir, both, { recursive: true });
    const second = join(both, 'Opportunity (1).csv');
    writeFileSync(second, '"Id";"Name"\n"o9";"Z ""x"" y"\n');
    const error = await inputError(run([both], rulesDir));
    expect(error.name).toBe('NotCommaSeparatedError');
    expect(error.message).toContain(second);
  });

  it('tells semicolons and tabs from a comma or one-column header', () => {
    expect(headerSeparator('\uFEFFId;Name;"A,B"\r\n1;2;3')).toBe(';');
    expect(headerSeparator('Id\tName\n')).toBe('\t');
    expect(headerSeparator('"Id","Name;x"\n')).toBeUndefined();
    expect(headerSeparator('Id\n1\n')).toBeUndefined();
  });
});
