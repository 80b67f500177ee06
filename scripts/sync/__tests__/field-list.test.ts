/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11 (sync review 1.7): fields[] lists only the object's own measurable fields: no blank header
// (Excel's trailing ",,"), no relationship column, no Id/owner/currency, no field set from the stage.

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import { ExportSource } from '../sources/export-source';
import { U1, U2, makeFixture, writeParts } from './fixtures';

describe('the field list', () => {
  it('lists only the object’s own measurable fields', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const at = '2026-11-17T10:00:00.000Z';
    writeFileSync(
      join(exportDir, 'Opportunity.csv'),
      [
        'Id,Name,OwnerId,Owner.Name,StageName,Amount,NextStep,CurrencyIsoCode,IsClosed,IsWon,ForecastCategoryName,CreatedById,CreatedDate,,',
        `o1,A,${U1},Ana,Prospecting,100,Call,EUR,false,false,Pipeline,${U1},${at},,`,
        `o2,B,${U2},Ben,Closed Won,,,EUR,true,true,Closed,${U2},${at},,`
      ].join('\r\n') + '\r\n'
    );
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });
    const opp = result.objects[0]!;
    // Name 2/2, StageName 2/2, Amount 1/2, NextStep 1/2; nothing else is the object's own field to fill.
    expect(opp.fields.map((f) => [f.name, f.filled])).toEqual([
      ['Name', 2],
      ['StageName', 2],
      ['Amount', 1],
      ['NextStep', 1]
    ]);
  });
});

describe('names as Salesforce spells them (review 2.5)', () => {
  it('shows account.csv as Account, and the team field as given', async () => {
    const { exportDir, rulesDir } = makeFixture();
    renameSync(join(exportDir, 'Opportunity.csv'), join(exportDir, 'opportunity.csv'));
    rmSync(join(exportDir, 'UserRole.csv'));
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      asOf: '2026-11-20',
      teamField: 'UserRole.Name'
    });
    expect(result.objects.map((o) => o.name)).toContain('Opportunity');
    expect(result.objects.map((o) => o.name)).not.toContain('opportunity');
    expect(result.warnings.join('\n')).toContain('The team field UserRole.Name needs UserRole.csv');
  });
});

describe('a column only some files of an object have (review 1.1)', () => {
  it('is a field of the object, and the file lacking it is named with its records', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeParts(exportDir);
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });
    // Without the union the NextStep rule was skipped as "no such column" although o3 has it. It applies
    // to the Prospecting records of the file that has it (o3), not to o1, o2 (part-lacks-columns.test.ts).
    expect(result.objects[0]!.ruleFields).toEqual([
      { field: 'Amount', records: 4, filled: 2 },
      { field: 'NextStep', records: 1, filled: 1 }
    ]);
    expect(result.warnings.join('\n')).toContain(
      `${join(exportDir, 'Opportunity.csv')} lacks the columns NextStep that other files of Opportunity have: those fields do not apply to its 2 records`
    );
    expect(result.warnings.join('\n')).not.toMatch(/skipped offline/);
  });
});
