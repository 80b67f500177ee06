/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- test assertions on known fixtures and parsed JSON. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { messageOf } from '../messages';
import { capturedIo, makeFixture, rule } from './fixtures';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { io, text } = capturedIo(env);
  const { exitCode } = await runCli(args, io);
  return { exitCode, out: text.out, err: text.err };
}

describe('sync CLI', () => {
  const { exportDir, rulesDir } = makeFixture();
  const base = ['--from-export', exportDir, '--rules', rulesDir, '--as-of', '2026-11-20'];

  it('prints JSON with stable names', async () => {
    const { exitCode, out } = await cli([...base, '--objects', 'Opportunity', '--json']);
    expect(exitCode).toBe(0);
    const envelope = JSON.parse(out);
    expect(Object.keys(envelope)).toEqual(['status', 'result', 'warnings']);
    expect(envelope.status).toBe(0);
    const json = envelope.result;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['objects', 'users', 'period', 'teams', 'warnings'])
    );
    const opp = json.objects[0];
    expect(Object.keys(opp)).toEqual(expect.arrayContaining(['name', 'records', 'fields', 'owners']));
    expect(Object.keys(opp.fields[0])).toEqual(expect.arrayContaining(['name', 'filled']));
    expect(Object.keys(opp.owners[0])).toEqual(expect.arrayContaining(['ownerId', 'records', 'fields']));
    expect(Object.keys(opp.owners[0].fields[0])).toEqual(['name', 'filled']);
    expect(Object.keys(json.users[0])).toEqual(
      expect.arrayContaining([
        'userId',
        'recordsCreated',
        'recordsUpdated',
        'tasksLogged',
        'eventsLogged',
        'lastLogin',
        'engagementScore'
      ])
    );
  });

  it('prints a table for people and skips missing default objects with a warning, once, on stderr', async () => {
    const { exitCode, out, err } = await cli(base);
    expect(exitCode).toBe(0);
    expect(out).toMatch(/Opportunity\s+4/);
    expect(out).not.toMatch(/warning/i);
    expect(err.match(/Account is not in the export/g)).toEqual(['Account is not in the export']);
    expect(err).toMatch(/^Warning: Account is not in the export/m);
  });

  // warnings[] stays the English text (the sf envelope's warnings too); warningCodes[] gives each one's code
  // and tokens, in the same order, from where it was raised (the report says them in its language).
  it('gives each warning its code and tokens in warningCodes[], beside the unchanged text', async () => {
    const { out } = await cli(['--from-export', exportDir, '--rules', rulesDir, '--json'], {
      SYNC_TODAY: '2026-12-30'
    });
    const envelope = JSON.parse(out);
    const { warnings, warningCodes } = envelope.result as {
      warnings: string[];
      warningCodes: { bundle: string; code: string; tokens: (string | number)[] }[];
    };
    expect(envelope.warnings).toEqual(warnings);
    expect(warnings.every((w) => typeof w === 'string')).toBe(true);
    expect(warningCodes.map((w) => `${w.bundle}:${w.code}`)).toEqual(
      expect.arrayContaining(['sync.run:warning.ExportTakenBefore', 'sync.run:warning.DefaultObjectMissing'])
    );
    expect(warningCodes.map((w) => messageOf(w.bundle, w.code, w.tokens))).toEqual(warnings);
    expect(warningCodes.find((w) => w.code === 'warning.DefaultObjectMissing')?.tokens[0]).toBe('Account');
  });

  // The sample and this fixture are exports whose data ends on a fixed day (User.csv's latest login here:
  // 2026-11-19, a Thursday); "today" is weeks later.
  it('an export run measures the last complete week before the export was taken, whatever today is', async () => {
    const later = { SYNC_TODAY: '2026-12-30' };
    const args = ['--from-export', exportDir, '--rules', rulesDir, '--objects', 'Opportunity', '--json'];
    const r = await cli(args, later);
    expect(r.exitCode).toBe(0);
    const envelope = JSON.parse(r.out);
    expect(envelope.result.period).toEqual({ type: 'Week', start: '2026-11-09', end: '2026-11-15' });
    expect(envelope.result.warnings).toContainEqual(
      expect.stringMatching(
        /was taken on 2026-11-19 .*2026-11-09\.\.2026-11-15, not the last one before today \(2026-12-30\)/
      )
    );
    // --as-of still picks the period.
    const asOf = JSON.parse((await cli([...args, '--as-of', '2026-11-20'], later)).out) as {
      result: { period: unknown; warnings: string[] };
    };
    expect(asOf.result.period).toEqual({ type: 'Week', start: '2026-11-16', end: '2026-11-22' });
    expect(asOf.result.warnings.join('\n')).not.toMatch(/was taken on/);
    // Measured in the week after it was taken: the same period, no warning.
    const soon = JSON.parse((await cli(args, { SYNC_TODAY: '2026-11-20' })).out) as {
      result: { period: { start: string }; warnings: string[] };
    };
    expect(soon.result.period.start).toBe('2026-11-09');
    expect(soon.result.warnings.join('\n')).not.toMatch(/was taken on/);
  });

  it.each([
    [
      'a day the month lacks',
      ['--as-of', '2026-02-30'],
      'BadDateError',
      /--as-of "2026-02-30" is not a date/
    ],
    ['a 13th month', ['--as-of', '2026-13-01'], 'BadDateError', /--as-of "2026-13-01" is not a date/],
    ['an API version that is not one', ['--api-version', 'abc'], 'BadApiVersionError', /"abc" is not an API/],
    ['a retired API version', ['--api-version', '20.0'], 'BadApiVersionError', /"20\.0" is not an API/]
  ])('exit 2 before reading: %s', async (_what, flags, name, expected) => {
    const r = await cli(['--from-export', exportDir, '--rules', rulesDir, ...flags, '--json']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.out).name).toBe(name);
    expect(r.err).toMatch(expected);
  });

  it('--from-export "" names the empty path, not a missing source', async () => {
    const r = await cli(['--from-export', '']);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/^Error \(EmptyExportPathError\): --from-export is given an empty path/);
  });

  it('names --aggregates-out, as given, when its file cannot be written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'agg-')), 'a-file');
    writeFileSync(file, '');
    const target = join(file, 'nope', 'agg.json');
    const r = await cli([...base, '--aggregates-out', target]);
    expect(r.exitCode).toBe(2);
    expect(r.err).toContain(`--aggregates-out ${target} cannot be written`);
  });

  it('exit 2: unknown object in --objects', async () => {
    const r = await cli([...base, '--objects', 'Opportunity,Widget__c']);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/Widget__c.*not in the export/);
    expect(r.err).toMatch(/Try this:\n\nAdd Widget__c\.csv/);
  });

  it('exit 2: export folder without the object CSV', async () => {
    const r = await cli([...base, '--objects', 'Lead']);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/Lead/);
  });

  it('a rule naming a field the export lacks: skipped with a warning, not exit 2 (issue 11, item 7)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(
      join(dir, 'Completeness_Rule.Bad.md-meta.xml'),
      rule('Bad', { Object__c: 'Opportunity', Field__c: 'Budget__c', Weight__c: '1', Active__c: 'true' })
    );
    const r = await cli(['--from-export', exportDir, '--rules', dir, '--objects', 'Opportunity']);
    // A formula, roll-up or compound field is valid in the org but never in a Data Export.
    expect(r.exitCode).toBe(0);
    expect(r.err).toMatch(
      /Warning: The completeness rule Bad is skipped offline: Opportunity\.csv has no column Budget__c/
    );
    expect(r.err).toMatch(/check Field__c's spelling/);
  });

  it('exit 2: a malformed rule file, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(
      join(dir, 'Completeness_Rule.Broken.md-meta.xml'),
      '<CustomMetadata><values><field>Weight__c</field>'
    );
    const r = await cli(['--from-export', exportDir, '--rules', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/Completeness_Rule\.Broken\.md-meta\.xml/);
    const dir2 = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(
      join(dir2, 'Completeness_Rule.NoWeight.md-meta.xml'),
      rule('NoWeight', { Object__c: 'Opportunity', Field__c: 'Amount', Weight__c: 'heavy' })
    );
    const r2 = await cli(['--from-export', exportDir, '--rules', dir2]);
    expect(r2.exitCode).toBe(2);
    expect(r2.err).toMatch(/Weight__c is "heavy", not a number/);
  });

  it('exit 2: no source / missing login', async () => {
    const r = await cli([]);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/No source/);
    expect(r.err).toMatch(/sf org login web/);
    const r2 = await cli(['--instance-url', 'https://x.my.salesforce.com']);
    expect(r2.exitCode).toBe(2);
    expect(r2.err).toMatch(/without an access token/);
  });

  it('exit 2: bad flags and a missing export folder', async () => {
    expect((await cli(['--from-export', join(exportDir, 'nope')])).err).toMatch(/does not exist/);
    expect((await cli([...base, '--period', 'Year'])).exitCode).toBe(2);
    expect((await cli([...base, '--bogus'])).exitCode).toBe(2);
    // UTF-16 is transcoded now (issue 11, item 8); a file that is not UTF-16 is refused before parsing.
    expect((await cli([...base, '--encoding', 'utf-16le'])).err).toMatch(
      /is not utf-16le: it has no byte order mark/
    );
    expect((await cli([...base, '--encoding', 'iso-2022-kr'])).err).toMatch(/cannot be read/);
  });

  it('exit 2: source flags given together, in every argv form, before anything is read', async () => {
    const forms = [
      ['--target-org', 'acme', ...base],
      ['--target-org=acme', ...base],
      ['-o', 'acme', ...base],
      ['-oacme', ...base],
      ['--access-token', 't', ...base]
    ];
    for (const args of forms) {
      const r = await cli(args);
      expect(r.exitCode).toBe(2);
      expect(r.err).toMatch(
        /^Error \(ExclusiveSourceError\): --\S+ and --from-export cannot be given together/
      );
      expect(r.err).toMatch(/Use one of: --target-org/);
    }
    // After `--` nothing is a flag: no clash (the run itself then refuses the stray argument).
    expect((await cli([...base, '--', '--target-org', 'acme'])).err).not.toMatch(/ExclusiveSource/);
  });

  it('--out writes a self-contained report, the JSON and history', async () => {
    const out = mkdtempSync(join(tmpdir(), 'report-'));
    expect((await cli([...base, '--objects', 'Opportunity', '--out', out])).exitCode).toBe(0);
    expect((await cli([...base, '--objects', 'Opportunity', '--out', out, '--lang', 'fr'])).exitCode).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/lang="fr"/);
    expect(readdirSync(join(out, 'history')).length).toBe(2);
    expect(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')).objects[0].name).toBe('Opportunity');
  });

  it('--people adds the per-person tables to the report, which leaves them out by default', async () => {
    const out = mkdtempSync(join(tmpdir(), 'report-'));
    expect((await cli([...base, '--objects', 'Opportunity', '--out', out])).exitCode).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('Activity by person');
    expect((await cli([...base, '--objects', 'Opportunity', '--out', out, '--people'])).exitCode).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Activity by person');
  });
});
