/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11: export and org shapes Salesforce and its tools produce, each measured right. Every case is a
// small fixture with its hand-computed figure; each test fails without its fix.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import type { MeasureOptions } from '../engine/measure';
import { SyncInputError } from '../errors';
import { ExportSource, copyBase } from '../sources/export-source';
import { renderReport } from '../report/render-report';
import { ArrayRowBatch, CsvParser } from '../csv/csv-reader';
import {
  idKey,
  isCanonicalIdBytes
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { prng } from '../../demo/generate-sample-export';
import { IdFingerprints } from '../engine/row-rules';
import { lastCompletePeriodDay } from '../engine/stages/plan';
import { U1, U2, folderEntries, makeFixture, rule, zip } from './fixtures';

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

describe('3. events logged count what a person did', () => {
  it('leaves out invitees’ copies (IsChild) and the occurrences of a series', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const at = '2026-11-17T09:00:00.000Z';
    writeFileSync(
      join(exportDir, 'Event.csv'),
      [
        'Id,OwnerId,CreatedById,CreatedDate,IsChild,IsRecurrence,RecurrenceActivityId,IsDeleted',
        // Ana's meeting with two invitees: three rows, all created by Ana.
        `00U000000000001AAA,${U1},${U1},${at},false,false,,false`,
        `00U000000000002AAA,${U2},${U1},${at},true,false,,false`,
        `00U000000000003AAA,005000000000009AAA,${U1},${at},true,false,,false`,
        // A weekly series: its main record and two occurrences.
        `00U000000000004AAA,${U1},${U1},${at},false,true,,false`,
        `00U000000000005AAA,${U1},${U1},${at},false,false,00U000000000004AAA,false`,
        `00U000000000006AAA,${U1},${U1},${at},false,false,00U000000000004AAA,false`,
        // A deleted event (Export All).
        `00U000000000007AAA,${U1},${U1},${at},false,false,,true`
      ].join('\n') + '\n'
    );
    writeFileSync(
      join(rulesDir, 'Benefit_Rule.Events.md-meta.xml'),
      rule('Events', {
        Activity__c: 'Event_Logged',
        Minutes_Per_Unit__c: '30',
        Active__c: 'true',
        Sort_Order__c: '2'
      })
    );
    const result = await run(exportDir, rulesDir);
    const ana = result.users.find((u) => u.userId === U1)!;
    expect(ana.eventsLogged).toBe(2);
    expect(ana.minutesSaved).toBe(2 * 3 + 2 * 30);
    expect(result.users.find((u) => u.userId === U2)!.eventsLogged).toBe(0);
    expect(result.warnings.join('\n')).toMatch(/Event: 1 deleted record/);
  });
});

describe('4. deleted rows', () => {
  it('leaves out IsDeleted = true rows of an "Export All" file, with a warning', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const file = join(exportDir, 'Opportunity.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Rows may span lines (o5's name): add the column at the end of each record's last line.
    const text = lines
      .map((line, i) => (i === 0 ? `${line},"IsDeleted"` : line.endsWith('Z"') ? `${line},"false"` : line))
      .join('\n');
    const deleted = `"o6","F","${U1}","Prospecting","","9","Call","false","${U1}","2026-11-17T10:00:00.000Z","${U1}","2026-11-17T10:00:00.000Z","true"\n`;
    writeFileSync(file, text + deleted);
    const result = await run(exportDir, rulesDir);
    const opp = result.objects[0]!;
    expect([opp.records, opp.deletedRecords]).toEqual([4, 1]);
    expect(opp.owners.find((o) => o.ownerId === U1)!.records).toBe(2);
    expect(result.users.find((u) => u.userId === U1)!.recordsCreated).toBe(1);
    expect(result.warnings.join('\n')).toMatch(/Opportunity: 1 deleted record/);
  });
});

describe('5. the same export twice', () => {
  it('counts a record found in two files of an object once, and warns', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const folder = join(root, 'downloads');
    mkdirSync(folder);
    const bytes = zip(folderEntries(exportDir));
    writeFileSync(join(folder, 'WE_00D000000000001_1.ZIP'), bytes);
    writeFileSync(join(folder, 'WE_00D000000000001_1 (1).ZIP'), bytes);
    const twice = await run(folder, rulesDir);
    const once = await run(exportDir, rulesDir);
    expect(twice.objects[0]!.records).toBe(once.objects[0]!.records);
    expect(twice.objects[0]!.owners).toEqual(once.objects[0]!.owners);
    expect(twice.users).toEqual(once.users);
    expect(twice.objects[0]!.duplicateRecords).toBe(5);
    expect(twice.warnings.join('\n')).toMatch(/Opportunity: 5 records found twice across its 2 files/);
  });

  it('counts a record once when another file writes its Id with a space, in 15 characters or re-cased', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    // The fixture's opportunities get real Ids: 006Ab00000Xy00n, 18-character form …IAB (its case suffix).
    const file = join(exportDir, 'Opportunity.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^"o(\d)"/gm, '"006Ab00000Xy00$1IAB"'));
    const once = await run(exportDir, rulesDir);
    // A second file of the object (another folder, no User.csv: a part, not an export) holding the same 5
    // records, their Ids as other tools write them: trailing and leading spaces, the 15-character form,
    // the 18-character form with its letters re-cased (the suffix restores them).
    const part = join(root, 'part');
    mkdirSync(part);
    const spellings = [
      '006Ab00000Xy001IAB ',
      '006Ab00000Xy002',
      '006ab00000xy003iab',
      ' 006Ab00000Xy004',
      '006AB00000XY005IAB'
    ];
    writeFileSync(
      join(part, 'Opportunity.csv'),
      readFileSync(file, 'utf8').replace(
        /^"006Ab00000Xy00(\d)IAB"/gm,
        (_m, n: string) => `"${spellings[Number(n) - 1]}"`
      )
    );
    const both = await measure(new ExportSource({ paths: [exportDir, part], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });
    expect(both.objects[0]!.duplicateRecords).toBe(5);
    expect(both.objects[0]!.records).toBe(once.objects[0]!.records);
    expect(both.objects[0]!.owners).toEqual(once.objects[0]!.owners);
  });

  it('keeps Id fingerprints compact: 8 bytes a slot, no string kept', () => {
    const ids = new IdFingerprints();
    const batch = new ArrayRowBatch(
      ['Id'],
      Array.from({ length: 20_000 }, (_, i) => [`006${String(i).padStart(15, '0')}`])
    );
    let again = 0;
    for (let r = 0; r < batch.length; r++) if (ids.addCell(batch, r, 0)) again++;
    for (let r = 0; r < 10; r++) if (ids.addCell(batch, r, 0)) again++;
    expect(again).toBe(10);
    expect(ids.bytes).toBeLessThanOrEqual(8 * 32_768);
  });

  it('fingerprints an Id from its raw bytes exactly as from its idKey form (every spelling)', () => {
    // Raw cells take a byte path for canonical 18-character Ids (isCanonicalIdBytes) and decode the rest:
    // both must meet. Random Ids, each written 18-char, re-cased, 15-char, spaced and quoted.
    const random = prng(11);
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const base = Array.from({ length: 400 }, () =>
      idKey(Array.from({ length: 15 }, () => chars[Math.floor(random() * chars.length)]).join(''))
    );
    const forms = (id: string): string[] => [
      id,
      id.toLowerCase(),
      id.toUpperCase(),
      id.slice(0, 15),
      `${id} `,
      `"${id}"`
    ];
    for (const id of base) {
      const bytes = Buffer.from(id);
      expect(isCanonicalIdBytes(bytes, 0)).toBe(true);
      if (id.toLowerCase() !== id) expect(isCanonicalIdBytes(Buffer.from(id.toLowerCase()), 0)).toBe(false);
    }
    const parser = new CsvParser({ header: ['Id'] });
    const rows = base.flatMap(forms);
    const parsed = parser.parseRange(Buffer.from(rows.join('\n') + '\n'), Number.MAX_SAFE_INTEGER, true);
    const batch = parsed.batch!;
    const raw = batch.raw!();
    expect(batch.length).toBe(rows.length);
    // Raw path first: one new Id per base Id, each other spelling already there.
    const fromBytes = new IdFingerprints();
    const seenRaw = Array.from({ length: batch.length }, (_, r) => fromBytes.addCell(batch, r, 0, raw));
    expect(seenRaw.filter((seen) => !seen)).toHaveLength(base.length);
    // Decoded cells find every Id the raw path added, and the raw path finds what the decoded one added.
    const decoded = new ArrayRowBatch(
      ['Id'],
      rows.map((id) => [id.replace(/"/g, '')])
    );
    for (let r = 0; r < decoded.length; r++) expect(fromBytes.hasCell(decoded, r, 0)).toBe(true);
    const fromText = new IdFingerprints();
    for (let r = 0; r < decoded.length; r++) fromText.addCell(decoded, r, 0);
    for (let r = 0; r < batch.length; r++) expect(fromText.addCell(batch, r, 0, raw)).toBe(true);
  });
});

describe('6. optional files missing: said in warnings[], the console and the report', () => {
  it('without Profile.csv: the exclusions that need it are named', async () => {
    const { exportDir, rulesDir } = makeFixture();
    rmSync(join(exportDir, 'Profile.csv'));
    const result = await run(exportDir, rulesDir);
    expect(result.warnings.join('\n')).toMatch(
      /Profile\.csv is not in the .*API-only integration user .* measured as a rep/
    );
  });

  it('--team-field Profile.Name without Profile.csv and UserRole.Name without UserRole.csv: one rule', async () => {
    const { exportDir, rulesDir } = makeFixture();
    rmSync(join(exportDir, 'Profile.csv'));
    rmSync(join(exportDir, 'UserRole.csv'));
    for (const teamField of ['Profile.Name', 'UserRole.Name']) {
      const result = await run(exportDir, rulesDir, { teamField });
      const object = teamField.split('.')[0]!;
      expect(result.warnings.join('\n')).toContain(`needs ${object}.csv`);
      expect(result.users.every((u) => u.team === '(no team)')).toBe(true);
    }
  });

  it('without RecordType.csv, rules naming record types are said never to apply', async () => {
    const { exportDir, rulesDir } = makeFixture();
    rmSync(join(exportDir, 'RecordType.csv'));
    writeFileSync(
      join(rulesDir, 'Completeness_Rule.Opp_Renewal.md-meta.xml'),
      rule('Opp Renewal', {
        Object__c: 'Opportunity',
        Field__c: 'Amount',
        Weight__c: '1',
        Active__c: 'true',
        Record_Types__c: 'Renewal'
      })
    );
    const result = await run(exportDir, rulesDir);
    expect(result.warnings.join('\n')).toMatch(/name record types, but .* no RecordType\.csv/);
  });

  it('a --rules folder holding no rule file: said, with the folder it probably meant', async () => {
    const { exportDir, root } = makeFixture();
    const project = join(root, 'force-app', 'main', 'default');
    mkdirSync(join(project, 'customMetadata'), { recursive: true });
    const result = await run(exportDir, join(root, 'force-app'));
    expect(result.warnings.join('\n')).toContain(
      `Did you mean --rules ${join(root, 'force-app', 'main/default/customMetadata')}?`
    );
    expect(result.objects[0]!.completeness.scored).toBe(0);
  });

  it('the report shows the warnings first, in words a sponsor reads', async () => {
    const { exportDir, rulesDir } = makeFixture();
    rmSync(join(exportDir, 'Profile.csv'));
    const html = renderReport(await run(exportDir, rulesDir), [], 'en');
    expect(html).toMatch(
      /<section class="warnings" role="alert"><h2>What could not be measured<\/h2>.*The export has no user profiles/s
    );
    expect(html).not.toContain('Profile.csv');
  });
});

describe('7. fields no Data Export contains', () => {
  it('skips a rule on a formula, roll-up or compound field offline, with a warning saying why', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeFileSync(
      join(rulesDir, 'Completeness_Rule.Opp_Address.md-meta.xml'),
      rule('Opp_Address', {
        Object__c: 'Opportunity',
        Field__c: 'Billing_Address__c',
        Weight__c: '5',
        Active__c: 'true'
      })
    );
    const result = await run(exportDir, rulesDir);
    expect(result.warnings.join('\n')).toMatch(
      /Opp_Address is skipped offline: Opportunity\.csv has no column Billing_Address__c\. A Data Export never contains formula, roll-up summary or compound/
    );
    // The other rules are measured as before.
    expect(result.objects[0]!.completeness.average).toBeCloseTo(0.5);
  });
});

describe('8. encodings', () => {
  it('transcodes UTF-16 (byte order mark) before parsing, whatever --encoding says', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const once = await run(exportDir, rulesDir);
    const file = join(exportDir, 'Opportunity.csv');
    const text = readFileSync(file, 'utf8').replace('"A"', '"Ünïcode ✓"');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await run(exportDir, rulesDir);
    expect(result.objects[0]!.owners).toEqual(once.objects[0]!.owners);
    expect(result.objects[0]!.completeness).toEqual(once.objects[0]!.completeness);
  });

  it('transcodes --encoding iso-2022-jp, whose characters reuse the bytes of " and ,', async () => {
    const { exportDir, rulesDir } = makeFixture();
    // 「"」 is byte 0x22 inside an ISO-2022-JP double-byte character: ESC $ B 0x22 0x2C ESC ( B.
    const jis = (ascii: string): Buffer => Buffer.from(ascii, 'latin1');
    const name = Buffer.concat([jis('\x1b$B'), Buffer.from([0x30, 0x22, 0x30, 0x2c]), jis('\x1b(B')]);
    const file = join(exportDir, 'Opportunity.csv');
    const lines = readFileSync(file, 'latin1').split('"A"');
    writeFileSync(file, Buffer.concat([jis(lines[0]!), jis('"'), name, jis('"'), jis(lines[1]!)]));
    const result = await measure(
      new ExportSource({ paths: [exportDir], rulesDir, encoding: 'iso-2022-jp' }),
      {
        objects: ['Opportunity'],
        asOf: '2026-11-20'
      }
    );
    expect(result.objects[0]!.records).toBe(4);
    expect(result.objects[0]!.owners.find((o) => o.ownerId === U1)!.records).toBe(2);
  });

  it('refuses an encoding it can neither parse nor decode before reading, saying what to do', () => {
    const { exportDir, rulesDir } = makeFixture();
    const open = () => new ExportSource({ paths: [exportDir], rulesDir, encoding: 'iso-2022-kr' });
    let error: unknown;
    try {
      open();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SyncInputError);
    expect((error as SyncInputError).message).toMatch(/"iso-2022-kr" \(replacement\) cannot be read: /);
    expect((error as SyncInputError).hint).toMatch(/Export again as UTF-8/);
  });

  it('hints --encoding when a file decodes to replacement characters', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const file = join(exportDir, 'Opportunity.csv');
    writeFileSync(file, Buffer.from(readFileSync(file, 'utf8').replace('"A"', '"Société"'), 'latin1'));
    const result = await run(exportDir, rulesDir);
    expect(result.warnings.join('\n')).toMatch(
      /Opportunity\.csv holds bytes that are not utf-8 .*--encoding windows-1252/
    );
  });
});

describe('9. layouts people make', () => {
  it('finds CSVs one folder down (Windows "Extract All")', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const top = join(root, 'Downloads');
    mkdirSync(top);
    renameSync(exportDir, join(top, 'WE_00D000000000001_1'));
    const result = await run(top, rulesDir);
    expect(result.objects[0]!.records).toBe(4);
  });

  it('a zip of the part zips: says to unzip it once, naming the inner zips', () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const outer = join(root, 'export.zip');
    writeFileSync(outer, zip([{ name: 'WE_1.zip', data: zip(folderEntries(exportDir)) }]));
    expect(() => new ExportSource({ paths: [outer], rulesDir })).toThrow(
      /holds zips, not CSV files: WE_1\.zip/
    );
  });

  it('a 0-byte CSV of an object nobody asked for does not abort the run', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeFileSync(join(exportDir, 'Sponsor_Message__c.csv'), '');
    writeFileSync(join(exportDir, 'Key_User__c.csv'), '');
    const result = await run(exportDir, rulesDir);
    expect(result.objects[0]!.records).toBe(4);
    expect(result.warnings.join('\n')).toMatch(/Sponsor_Message__c\.csv is empty \(0 bytes\)/);
  });
});

describe('11. the period', () => {
  it('defaults to the last complete period; --as-of still picks any', async () => {
    expect(lastCompletePeriodDay('2026-11-23', 'Week')).toBe('2026-11-22'); // a Monday: last week
    expect(lastCompletePeriodDay('2026-11-20', 'Week')).toBe('2026-11-15');
    expect(lastCompletePeriodDay('2026-12-01', 'Month')).toBe('2026-11-30');
    expect(lastCompletePeriodDay('2026-11-23', 'Day')).toBe('2026-11-22');
    const { exportDir, rulesDir } = makeFixture();
    const result = await run(exportDir, rulesDir, { asOf: '2026-11-23' });
    expect(result.period.start).toBe('2026-11-23');
  });
});

describe('10. owners and noise', () => {
  const queue = '00G000000000001EAA'; // G is upper case: checksum E
  const withQueue = (exportDir: string): void => {
    const file = join(exportDir, 'Opportunity.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"o3","C","${U2}"`, `"o3","C","${queue}"`));
  };

  it('names queue owners from Group.csv, and says so when Group.csv is missing', async () => {
    const { exportDir, rulesDir } = makeFixture();
    withQueue(exportDir);
    const without = await run(exportDir, rulesDir);
    expect(without.objects[0]!.owners.find((o) => o.ownerId === queue)!.ownerName).toBe(queue);
    expect(without.warnings.join('\n')).toMatch(/owned by queues .* no Group\.csv/);
    writeFileSync(join(exportDir, 'Group.csv'), `Id,Name,Type\n${queue},Renewals queue,Queue\n`);
    const result = await run(exportDir, rulesDir);
    expect(result.objects[0]!.owners.find((o) => o.ownerId === queue)).toMatchObject({
      ownerName: 'Renewals queue',
      team: '(queue)'
    });
  });

  it('leaves system-filled columns out of the field lists', async () => {
    const { exportDir, rulesDir } = makeFixture();
    recase(join(exportDir, 'Opportunity.csv'), (c) => (c === 'IsPrivate' ? 'SystemModstamp' : c));
    const opp = (await run(exportDir, rulesDir)).objects[0]!;
    const names = opp.fields.map((f) => f.name);
    expect(names).toEqual(['Name', 'StageName', 'RecordTypeId', 'Amount', 'NextStep']); // Id, OwnerId: review 1.7
    expect(opp.owners[0]!.fields.map((f) => f.name)).toEqual(names);
  });
});

describe('12. browser-style part names (review finding)', () => {
  it('names the object behind the suffixes browsers and unzip tools add, and never renames an API name', () => {
    for (const stem of [
      'Opportunity (1)',
      'Opportunity(2)',
      'Opportunity 2',
      'Opportunity-2',
      'Opportunity_2',
      'Opportunity - Copy',
      'Opportunity - Copy (3)',
      'Opportunity copy 2'
    ])
      expect([stem, copyBase(stem)]).toEqual([stem, 'Opportunity']);
    expect(copyBase('Sponsor_Message__c (1)')).toBe('Sponsor_Message__c');
    for (const stem of ['Opportunity', 'Sponsor_Message__c', 'Key_User__c', 'Opportunity2'])
      expect(copyBase(stem)).toBe(stem);
  });

  it('reads a re-downloaded copy ("Opportunity (1).csv") as a part: counted once, with warnings', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const once = await run(exportDir, rulesDir);
    writeFileSync(join(exportDir, 'Opportunity (1).csv'), readFileSync(join(exportDir, 'Opportunity.csv')));
    const result = await run(exportDir, rulesDir);
    expect(result.objects[0]!.records).toBe(4);
    expect(result.objects[0]!.owners).toEqual(once.objects[0]!.owners);
    expect(result.objects[0]!.duplicateRecords).toBe(5);
    const warnings = result.warnings.join('\n');
    expect(warnings).toMatch(/Opportunity \(1\)\.csv is read as a part of Opportunity/);
    expect(warnings).toMatch(/Opportunity: 5 records found twice across its 2 files/);
  });

  it('refuses a copy-named file that differs and shares records with the first: two exports, both named', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const file = join(exportDir, 'Opportunity.csv');
    const copy = join(exportDir, 'Opportunity (1).csv');
    // A later export of the same records: o1's NextStep cleared on 2026-11-24.
    writeFileSync(
      copy,
      readFileSync(file, 'utf8').replace(
        '"Call","true","005000000000001AAA","2026-11-17T10:00:00.000Z","005000000000001AAA","2026-11-17T10:00:00.000Z"',
        '"","true","005000000000001AAA","2026-11-17T10:00:00.000Z","005000000000001AAA","2026-11-24T10:00:00.000Z"'
      )
    );
    expect(readFileSync(copy, 'utf8')).not.toBe(readFileSync(file, 'utf8'));
    const error = await run(exportDir, rulesDir).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(SyncInputError);
    const refused = error as SyncInputError;
    expect(refused.name).toBe('SeveralExportsError');
    // Each file's export's day (dayOf over its side): the folder's User.csv for the first (ERP's last login,
    // 2026-11-19); the copy-named files for the copy, here its own latest stamp (o1, 2026-11-24).
    expect(refused.message).toContain(`of 2026-11-19 (${file}) and 2026-11-24 (${copy})`);
    expect(refused.message).toContain(
      'their Opportunity.csv files hold some of the same records with other values'
    );
    expect(refused.hint).toContain(`Keep one of ${file} and ${copy}`);
  });

  it('reads a genuine second part ("Opportunity-2.csv") with the first: no record lost', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const once = await run(exportDir, rulesDir);
    const file = join(exportDir, 'Opportunity.csv');
    const text = readFileSync(file, 'utf8');
    const header = text.slice(0, text.indexOf('\n') + 1);
    const o3 = text.indexOf('"o3"');
    writeFileSync(file, text.slice(0, o3));
    writeFileSync(join(exportDir, 'Opportunity-2.csv'), header + text.slice(o3));
    const result = await run(exportDir, rulesDir);
    // o1, o2 in the first part; o3 (Ben), o4 (excluded), o5 (Ben) in the second: the same 4 records.
    expect(result.objects[0]!.records).toBe(4);
    expect(result.objects[0]!.owners).toEqual(once.objects[0]!.owners);
    expect(result.objects[0]!.completeness).toEqual(once.objects[0]!.completeness);
    expect(result.objects[0]!.duplicateRecords).toBe(0);
    expect(result.warnings.join('\n')).toMatch(/Opportunity-2\.csv is read as a part of Opportunity/);
  });
});

describe('13. a 0-byte file of a measured object (review finding)', () => {
  it('gives one warning saying it is empty, and no warning per rule', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeFileSync(join(exportDir, 'Lead.csv'), '');
    for (const field of ['Company', 'Email', 'Phone', 'Title', 'LeadSource'])
      writeFileSync(
        join(rulesDir, `Completeness_Rule.Lead_${field}.md-meta.xml`),
        rule(`Lead_${field}`, { Object__c: 'Lead', Field__c: field, Weight__c: '1', Active__c: 'true' })
      );
    const result = await run(exportDir, rulesDir, { objects: ['Opportunity', 'Lead'] });
    const lead = result.warnings.filter((w) => /Lead/.test(w));
    expect(lead).toHaveLength(1);
    expect(lead[0]).toMatch(/Lead\.csv is empty \(0 bytes\): Lead is read as having no record/);
    expect(result.objects.find((o) => o.name === 'Lead')!.records).toBe(0);
  });

  it('still warns about a rule field missing from a file that has a header', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeFileSync(join(exportDir, 'Lead.csv'), '"Id","OwnerId","Company"\n');
    writeFileSync(
      join(rulesDir, 'Completeness_Rule.Lead_Email.md-meta.xml'),
      rule('Lead_Email', { Object__c: 'Lead', Field__c: 'Email', Weight__c: '1', Active__c: 'true' })
    );
    const result = await run(exportDir, rulesDir, { objects: ['Opportunity', 'Lead'] });
    expect(result.warnings.join('\n')).toMatch(
      /Lead_Email is skipped offline: Lead\.csv has no column Email/
    );
  });
});

describe('filled, but not informative', () => {
  const U5 = '005000000000005AAA'; // Cleo, Team A
  /**
   * NextStep (rule: Prospecting, weight 2) and Amount (every record, weight 3), all filled:
   * - Ana (12 Prospecting): 8 × "Send brochure", "TBD", "à définir", " N / A ", "Call"; and 1 Closed Won
   *   with "TBD" (the NextStep rule does not apply to it: not counted);
   * - Ben (200 Prospecting): "Call" every time, the org's common value;
   * - Cleo (9 Prospecting): "Visit" every time, rare in the org but fewer than 10 values.
   * NextStep: 12 + 200 + 9 = 221 filled; 3 placeholders (Ana); "Send brochure" is 8/12 = 67 % of Ana's
   * values and 8/221 = 3.6 % of the org's: dominant. "Call" (201/221 = 91 % of the org) and "Visit"
   * (9 values) are not.
   */
  function informativeFixture(): { exportDir: string; rulesDir: string } {
    const { exportDir, rulesDir } = makeFixture();
    const users = join(exportDir, 'User.csv');
    writeFileSync(
      users,
      readFileSync(users, 'utf8') +
        `"${U5}","Cleo","true","Standard","P1","R1","2026-11-18T08:00:00.000Z","Sales"\r\n`
    );
    const rows: string[] = [
      '"Id","Name","OwnerId","StageName","RecordTypeId","Amount","NextStep","CreatedById","CreatedDate"'
    ];
    let n = 0;
    const row = (owner: string, stage: string, nextStep: string): void => {
      n++;
      rows.push(
        `"o${n}","N${n}","${owner}","${stage}","","100","${nextStep}","${owner}","2026-01-10T10:00:00.000Z"`
      );
    };
    for (let i = 0; i < 8; i++) row(U1, 'Prospecting', 'Send brochure');
    for (const v of ['TBD', 'à définir', ' N / A ', 'Call']) row(U1, 'Prospecting', v);
    row(U1, 'Closed Won', 'TBD');
    for (let i = 0; i < 200; i++) row(U2, 'Prospecting', 'Call');
    for (let i = 0; i < 9; i++) row(U5, 'Prospecting', 'Visit');
    writeFileSync(join(exportDir, 'Opportunity.csv'), rows.join('\n') + '\n');
    return { exportDir, rulesDir };
  }
  const withSetting = (rulesDir: string, on: boolean): void => {
    writeFileSync(
      join(rulesDir, 'Cockpit_Setting.Default.md-meta.xml'),
      rule('Default', { Score_Placeholders_As_Empty__c: on ? 'true' : 'false' })
    );
  };
  const nextStepOf = (r: Awaited<ReturnType<typeof run>>) =>
    r.objects[0]!.notInformative!.find((f) => f.field === 'NextStep')!;

  it('counts placeholders and an owner’s dominating rare value; not a common value, not under 10 values', async () => {
    const { exportDir, rulesDir } = informativeFixture();
    const result = await run(exportDir, rulesDir);
    const nextStep = nextStepOf(result);
    expect(nextStep).toMatchObject({
      field: 'NextStep',
      defaultValue: null, // an export has no describe: no default is known
      filled: 221,
      defaultValues: 0,
      placeholders: 3,
      dominant: 8
    });
    // Only Ana has values that say nothing: Ben's common "Call" and Cleo's 9 "Visit" are not flagged.
    expect(nextStep.owners).toHaveLength(1);
    const ana = nextStep.owners[0]!;
    expect(ana).toMatchObject({
      ownerId: U1,
      ownerName: 'Ana',
      team: 'Team A',
      filled: 12,
      placeholders: 3,
      dominant: 8
    });
    expect(ana.dominantValue!.value).toBe('Send brochure');
    expect(ana.dominantValue!.ownerShare).toBeCloseTo(8 / 12, 9);
    expect(ana.dominantValue!.orgShare).toBeCloseTo(8 / 221, 9);
    // Amount is "100" everywhere: common, filled, informative.
    expect(result.objects[0]!.notInformative!.find((f) => f.field === 'Amount')).toMatchObject({
      filled: 222,
      placeholders: 0,
      dominant: 0,
      owners: []
    });
    // The setting is off by default: placeholders count as filled.
    expect(result.placeholdersAsEmpty).toBe(false);
    expect(result.objects[0]!.ruleFields.find((f) => f.field === 'NextStep')).toEqual({
      field: 'NextStep',
      records: 221,
      filled: 221
    });
    expect(result.objects[0]!.owners.find((o) => o.ownerId === U1)!.completeness.average).toBe(1);
  });

  it('with Score_Placeholders_As_Empty__c, scores placeholders as empty (scores and heat map alike)', async () => {
    const { exportDir, rulesDir } = informativeFixture();
    withSetting(rulesDir, true);
    const result = await run(exportDir, rulesDir);
    expect(result.placeholdersAsEmpty).toBe(true);
    const opp = result.objects[0]!;
    // Ana: 10 records score 1; her 3 Prospecting placeholders score Amount only, 3 / 5 = 0.6.
    const ana = opp.owners.find((o) => o.ownerId === U1)!.completeness;
    expect(ana.average).toBeCloseTo((10 + 3 * 0.6) / 13, 4);
    expect(ana.complete).toBe(10);
    expect(opp.ruleFields.find((f) => f.field === 'NextStep')).toEqual({
      field: 'NextStep',
      records: 221,
      filled: 218
    });
    const teamA = opp.teams.find((t) => t.team === 'Team A')!;
    expect(teamA.ruleFields.find((f) => f.field === 'NextStep')).toEqual({
      field: 'NextStep',
      records: 21,
      filled: 18
    });
    // The field fill rates still count what is filled.
    expect(opp.fields.find((f) => f.name === 'NextStep')!.filled).toBe(222);
    // Measured the same way either way.
    expect(nextStepOf(result)).toMatchObject({ placeholders: 3, dominant: 8 });
  });

  it('counts the field’s default value when the source knows it (a live describe), before placeholders', async () => {
    const { exportDir, rulesDir } = informativeFixture();
    const source = new ExportSource({ paths: [exportDir], rulesDir });
    const describe = source.describe.bind(source);
    // As org-source.ts gives it from a describe whose NextStep default formula is "Call".
    source.describe = async (name) => {
      const d = await describe(name);
      return (
        d && {
          ...d,
          fields: d.fields.map((f) => (f.name === 'NextStep' ? { ...f, defaultValue: 'Call' } : f))
        }
      );
    };
    const result = await measure(source, { objects: ['Opportunity'], asOf: '2026-11-20' });
    const nextStep = nextStepOf(result);
    // Ana's "Call" and Ben's 200: the default. Ana's "Send brochure" still dominates (8 / 221 of the org).
    expect(nextStep).toMatchObject({
      defaultValue: 'Call',
      filled: 221,
      defaultValues: 201,
      placeholders: 3,
      dominant: 8
    });
    expect(nextStep.owners.map((o) => [o.ownerName, o.defaultValues, o.placeholders, o.dominant])).toEqual([
      ['Ana', 1, 3, 8],
      ['Ben', 200, 0, 0]
    ]);
  });

  it('shows them in the report by field label, without naming people unless asked', async () => {
    const { exportDir, rulesDir } = informativeFixture();
    const result = await run(exportDir, rulesDir);
    for (const language of ['en', 'fr'] as const) {
      const html = renderReport(result, [], language);
      expect(html).toContain(
        language === 'en' ? 'Filled, but not informative' : 'Rempli, mais sans information'
      );
      expect(html).toMatch(language === 'en' ? /Next Step/ : /Étape suivante/);
      expect(html).not.toContain('Send brochure');
      expect(html).not.toContain('>Ana<');
    }
    const people = renderReport(result, [], 'en', { people: true });
    expect(people).toContain('Send brochure');
  });
});
