/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11 (review 6): the columns the measure depends on (OwnerId, CreatedById/Date, LastModifiedById/Date,
// IsActive, UserType, IsDeleted, the stage field) are read however a tool wrote them, or their absence is
// said loudly, or the run stops when nothing meaningful can be measured. Each value below is counted by
// hand from fixtures.ts (week 2026-11-16..22; Ana U1 Team A, Ben U2 Team B, ERP U3 API-only, Old U4 inactive).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import type { SyncResult } from '../engine/result';
import { ExportSource } from '../sources/export-source';
import { U1, U2, makeFixture } from './fixtures';

const at = '2026-11-17T10:00:00.000Z';

/** The fixture with `edit` applied to some of its files (name → text → new text). */
function fixture(edits: Record<string, (text: string) => string>): { exportDir: string; rulesDir: string } {
  const { exportDir, rulesDir } = makeFixture();
  for (const [name, edit] of Object.entries(edits)) {
    const path = join(exportDir, name);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
  }
  return { exportDir, rulesDir };
}

async function run(exportDir: string, rulesDir: string): Promise<SyncResult> {
  return await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
    objects: ['Opportunity'],
    asOf: '2026-11-20'
  });
}

const user = (r: SyncResult, id: string): SyncResult['users'][number] =>
  r.users.find((u) => u.userId === id)!;
const opportunity = (r: SyncResult): SyncResult['objects'][number] =>
  r.objects.find((o) => o.name === 'Opportunity')!;

describe('a key column missing or unreadable', () => {
  it('stops on a Task.csv re-saved with `;` separators, naming the file and the separator', async () => {
    const { exportDir, rulesDir } = fixture({ 'Task.csv': (t) => t.replace(/","/g, '";"') });
    // Without the check, every Task is one column: Ana's 2 tasks this week read as 0, exit 0.
    await expect(run(exportDir, rulesDir)).rejects.toThrow(
      /Task\.csv is separated by semicolons \(;\), not commas/
    );
  });

  it('says loudly that Opportunity.csv has no OwnerId column', async () => {
    const { exportDir, rulesDir } = fixture({
      // The OwnerId column dropped: from the header, and each record's owner cell before its stage.
      'Opportunity.csv': (t) =>
        t.replace('"OwnerId",', '').replace(/,"005[0-9A-Z]{15}","(Prospecting|Closed Won)"/g, ',"$1"')
    });
    const result = await run(exportDir, rulesDir);
    expect(result.warnings.join('\n')).toMatch(/Opportunity has no OwnerId column/);
  });

  it('reads header names with a leading or trailing space as the field (" Id", "OwnerId ")', async () => {
    const { exportDir, rulesDir } = fixture({
      'Opportunity.csv': (t) =>
        t.replace('"Id","Name","OwnerId"', '" Id","Name","OwnerId "').replace('"Amount"', '"Amount "')
    });
    const result = await run(exportDir, rulesDir);
    // Ana owns o1 and o2 (Team A); Ben o3 and o5; o4 is the excluded integration user's.
    expect(user(result, U1).recordsOwned).toBe(2);
    expect(user(result, U2).recordsOwned).toBe(2);
    expect(opportunity(result).excludedRecords).toBe(1);
    const fields = opportunity(result).fields.map((f) => f.name);
    expect(fields).toContain('Amount');
    expect(fields).not.toContain('OwnerId');
    // Amount filled on o1, o2 (Ana) and o3 is empty, o5 empty: 2 of the 4 included records.
    expect(opportunity(result).fields.find((f) => f.name === 'Amount')!.filled).toBe(2);
    // The Amount rule is measured, not skipped as a field no export contains.
    expect(result.warnings.join('\n')).not.toMatch(/is skipped offline/);
    expect(opportunity(result).ruleFields.find((f) => f.field === 'Amount')!.filled).toBe(2);
  });

  it('says User.csv lacks IsActive or UserType, with the number of users so taken', async () => {
    const drop = (column: string) => (t: string) => {
      const lines = t.split('\r\n');
      const at = lines[0]!.split(',').indexOf(`"${column}"`);
      return lines
        .map((l) =>
          l
            ? l
                .split(',')
                .filter((_, i) => i !== at)
                .join(',')
            : l
        )
        .join('\r\n');
    };
    const noActive = fixture({ 'User.csv': drop('IsActive') });
    expect((await run(noActive.exportDir, noActive.rulesDir)).warnings.join('\n')).toMatch(
      /User\.csv has no IsActive column: its 4 users are taken as active/
    );
    const noType = fixture({ 'User.csv': drop('UserType') });
    expect((await run(noType.exportDir, noType.rulesDir)).warnings.join('\n')).toMatch(
      /User\.csv has no UserType column: its 4 users are taken as standard users/
    );
  });

  it('reads Excel’s French booleans (VRAI/FAUX) in IsActive and IsDeleted, and warns on a value it cannot read', async () => {
    const { exportDir, rulesDir } = fixture({
      // Ben deactivated (FAUX), the others as they were.
      'User.csv': (t) =>
        t
          .replace(/"true"/g, '"VRAI"')
          .replace(/"false"/g, '"FAUX"')
          .replace(`"${U2}","Ben","VRAI"`, `"${U2}","Ben","FAUX"`),
      'Opportunity.csv': (t) => {
        // o1 deleted (VRAI); o2 FAUX; o3 "yes" (unreadable: not deleted); o4, o5 FAUX. A record's last line
        // ends with its LastModifiedDate (o5's name spans two lines).
        const flags = ['VRAI', 'FAUX', 'yes', 'FAUX', 'FAUX'];
        let k = 0;
        return t
          .split('\n')
          .map((l, i) => (i === 0 ? `${l},"IsDeleted"` : l.endsWith('Z"') ? `${l},"${flags[k++]!}"` : l))
          .join('\n');
      }
    });
    const result = await run(exportDir, rulesDir);
    const opp = opportunity(result);
    // Ben (FAUX) and ERP are excluded: o3, o4, o5 excluded; o1 deleted; o2 is the one record measured.
    expect(opp.deletedRecords).toBe(1);
    expect(opp.records).toBe(1);
    expect(opp.excludedRecords).toBe(3);
    expect(result.warnings.join('\n')).toMatch(
      /Opportunity: 1 IsDeleted value is read as neither true nor false \(yes\)/
    );
  });

  it('stops on a User.csv holding only its header', async () => {
    const { exportDir, rulesDir } = fixture({ 'User.csv': (t) => `${t.split('\r\n')[0]!}\r\n` });
    await expect(run(exportDir, rulesDir)).rejects.toThrow(/User\.csv holds a header but no user/);
  });
});

describe('key cells with spaces, and owners missing from User.csv', () => {
  it('trims owner Ids and stage values as Salesforce stores them', async () => {
    const { exportDir, rulesDir } = fixture({
      'Opportunity.csv': (t) =>
        t
          .replace(`"o1","A","${U1}","Prospecting"`, `"o1","A","${U1} ","Prospecting "`)
          .replace(`"o2","B","${U1}","Prospecting"`, `"o2","B"," ${U1}","Prospecting "`)
    });
    const result = await run(exportDir, rulesDir);
    const opp = opportunity(result);
    expect(user(result, U1).recordsOwned).toBe(2);
    expect(opp.owners.find((o) => o.ownerId === U1)!.team).toBe('Team A');
    // NextStep's rule applies to Prospecting: o1, o2 (Ana) and o5 (Ben); o4 is excluded.
    expect(opp.ruleFields.find((f) => f.field === 'NextStep')!.records).toBe(3);
    expect(opp.stages.map((s) => s.stage)).toEqual(['Closed Won', 'Prospecting']);
    expect(result.warnings.join('\n')).not.toMatch(/owned by .* Ids? that neither/);
  });

  it('counts the records owned by an Id User.csv does not hold', async () => {
    const ghost = '005000000000009AAA';
    const { exportDir, rulesDir } = fixture({
      'Opportunity.csv': (t) =>
        t
          .replace(`"o1","A","${U1}"`, `"o1","A","${ghost}"`)
          .replace(`"o3","C","${U2}"`, `"o3","C","${ghost}"`)
    });
    const result = await run(exportDir, rulesDir);
    expect(result.warnings.join('\n')).toMatch(
      /Opportunity: 2 records are owned by 1 Id that neither User\.csv nor Group\.csv holds \(005000000000009AAA\)/
    );
  });
});

describe('lines that are not records, and a column named twice', () => {
  it('skips Excel’s all-empty rows and a repeated header, counting each in a warning', async () => {
    const { exportDir, rulesDir } = fixture({
      'Opportunity.csv': (t) => {
        const header = t.split('\n')[0]!;
        const blank = ','.repeat(header.split(',').length - 1);
        return `${t}${blank}\n${blank}\n${header}\n"o6","F","${U1}","Prospecting","","7","","false","${U1}","${at}","${U1}","${at}"\n`;
      }
    });
    const result = await run(exportDir, rulesDir);
    // o1, o2, o3, o5 and o6 (o4 excluded): 5 records; the blank rows and the header line are none.
    expect(opportunity(result).records).toBe(5);
    expect(user(result, U1).recordsOwned).toBe(3);
    const warnings = result.warnings.join('\n');
    expect(warnings).toMatch(/Opportunity: 2 rows with every cell empty .* not counted/);
    expect(warnings).toMatch(/Opportunity: 1 line repeats the header .* not counted/);
  });

  it('reads the first of two columns with one name, and says which', async () => {
    const { exportDir, rulesDir } = fixture({
      'Opportunity.csv': (t) =>
        t
          .split('\n')
          .map((l, i) => (i === 0 ? `${l},"NextStep"` : l.endsWith('Z"') ? `${l},"later"` : l))
          .join('\n')
    });
    const result = await run(exportDir, rulesDir);
    // The first NextStep: filled on o1 and o5 (o4 excluded), not the second's 4 "later".
    expect(opportunity(result).fields.find((f) => f.name === 'NextStep')!.filled).toBe(2);
    expect(result.warnings.join('\n')).toMatch(
      /Opportunity\.csv names the column NextStep twice \(columns 7 and 13\): the first is read for Opportunity/
    );
  });
});
