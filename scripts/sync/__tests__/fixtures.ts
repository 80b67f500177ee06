// A hand-computable Data Export and rules folder for the engine and CLI tests.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { buildLabels } from '../report/field-labels';
import { formatter } from '../report/format';
import type { WarningContext } from '../report/warnings';

export const U1 = '005000000000001AAA'; // Ana, Team A
export const U2 = '005000000000002AAA'; // Ben, Team B
export const U3 = '005000000000003AAA'; // integration user (API-only profile excluded)
export const U4 = '005000000000004AAA'; // inactive

export function rule(name: string, values: Record<string, string | null>): string {
  const body = Object.entries(values)
    .map(([field, value]) =>
      value === null
        ? `  <values>\n    <field>${field}</field>\n    <value xsi:nil="true" />\n  </values>`
        : `  <values>\n    <field>${field}</field>\n    <value xsi:type="xsd:string">${value}</value>\n  </values>`
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <label>${name}</label>\n  <protected>false</protected>\n${body}\n</CustomMetadata>\n`;
}

/**
 * Writes `<dir>/<name>` as a Data Export writes its CSVs: the first row is the header, every cell
 * double-quoted (a `"` inside a cell doubled, RFC 4180), lines ended by `\n`, a final newline.
 */
export function writeCsv(dir: string, name: string, rows: readonly (readonly string[])[]): void {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  writeFileSync(join(dir, name), rows.map((row) => row.map(quote).join(',')).join('\n') + '\n');
}

/** The CreatedDate of writeParts' records: Tuesday 2026-11-17, in the fixture's week. */
export const PART_CREATED = '2026-11-17T10:00:00.000Z';

/**
 * Writes Opportunity as two files of one export (two part zips extracted into one folder): Opportunity.csv
 * without a NextStep column (o1 Ana Prospecting Amount 100; o2 Ben Prospecting, no Amount) and
 * Opportunity_2.csv with it (o3 Ana Prospecting 50 "Call"; o4 Ben Closed Won, nothing), then `more` lines
 * of Opportunity_2.csv's columns (Id,Name,OwnerId,StageName,Amount,NextStep,CreatedById,CreatedDate).
 * Every record created on PART_CREATED by its owner.
 */
export function writeParts(exportDir: string, more: readonly string[] = []): void {
  const at = PART_CREATED;
  writeFileSync(
    join(exportDir, 'Opportunity.csv'),
    [
      'Id,Name,OwnerId,StageName,Amount,CreatedById,CreatedDate',
      `o1,A,${U1},Prospecting,100,${U1},${at}`,
      `o2,B,${U2},Prospecting,,${U2},${at}`
    ].join('\n') + '\n'
  );
  writeFileSync(
    join(exportDir, 'Opportunity_2.csv'),
    [
      'Id,Name,OwnerId,StageName,Amount,NextStep,CreatedById,CreatedDate',
      `o3,C,${U1},Prospecting,50,Call,${U1},${at}`,
      `o4,D,${U2},Closed Won,,,${U2},${at}`,
      ...more
    ].join('\n') + '\n'
  );
}

/** What the report says warnings with, in `lang`: standard labels, UTC, an export run. */
export function reportContext(lang: 'en' | 'fr'): WarningContext {
  return { labels: buildLabels(lang), f: formatter(lang, 'UTC'), source: 'export' };
}

/** A CLI's standard streams captured as text (the io of runCli and main); `text` fills as it writes. */
export function capturedIo(env: NodeJS.ProcessEnv = {}): {
  io: { stdout: PassThrough; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv };
  text: { out: string; err: string };
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = { out: '', err: '' };
  stdout.on('data', (d: Buffer) => (text.out += d.toString()));
  stderr.on('data', (d: Buffer) => (text.err += d.toString()));
  return { io: { stdout, stderr: stderr as unknown as NodeJS.WriteStream, env }, text };
}

export function makeFixture(): { exportDir: string; rulesDir: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'sync-fixture-'));
  const exportDir = join(root, 'export');
  const rulesDir = join(root, 'rules');
  mkdirSync(exportDir);
  mkdirSync(rulesDir);
  writeFileSync(
    join(exportDir, 'User.csv'),
    [
      '"Id","Name","IsActive","UserType","ProfileId","UserRoleId","LastLoginDate","Department"',
      `"${U1}","Ana","true","Standard","P1","R1","2026-11-18T08:00:00.000Z","Sales"`,
      `"${U2}","Ben","true","Standard","P1","R2","2026-10-01T08:00:00.000Z","Sales"`,
      `"${U3}","ERP","true","Standard","P2","","2026-11-19T08:00:00.000Z","IT"`,
      `"${U4}","Old","false","Standard","P1","R1","","Sales"`
    ].join('\r\n') + '\r\n'
  );
  writeFileSync(join(exportDir, 'UserRole.csv'), '"Id","Name"\n"R1","Team A"\n"R2","Team B"\n');
  writeFileSync(
    join(exportDir, 'Profile.csv'),
    // the integration profile is API only: what excludes its user, never its (translated) name
    '"Id","Name","PermissionsApiUserOnly"\n"P1","Standard User","false"\n"P2","Intégrations système API uniquement","true"\n'
  );
  writeFileSync(
    join(exportDir, 'RecordType.csv'),
    '"Id","DeveloperName","SobjectType"\n"012000000000001AAA","Renewal","Opportunity"\n'
  );
  // Week of 2026-11-20 (Friday): Monday 2026-11-16 .. Sunday 2026-11-22.
  writeFileSync(
    join(exportDir, 'Opportunity.csv'),
    [
      '"Id","Name","OwnerId","StageName","RecordTypeId","Amount","NextStep","IsPrivate","CreatedById","CreatedDate","LastModifiedById","LastModifiedDate"',
      // o1: Ana, Prospecting, Amount+NextStep filled → score 1
      `"o1","A","${U1}","Prospecting","","100","Call","true","${U1}","2026-11-17T10:00:00.000Z","${U1}","2026-11-17T10:00:00.000Z"`,
      // o2: Ana, Prospecting, Amount only → 3/5 = 0.6; updated this week by Ana
      `"o2","B","${U1}","Prospecting","","200","","false","${U1}","2026-01-10T10:00:00.000Z","${U1}","2026-11-18T10:00:00.000Z"`,
      // o3: Ben, Closed Won (NextStep rule does not apply), renewal, Amount empty → 0/3 = 0
      `"o3","C","${U2}","Closed Won","012000000000001AAA","","","false","${U2}","2026-03-01T10:00:00.000Z","${U2}","2026-03-01T10:00:00.000Z"`,
      // o4: owned by the integration user: excluded
      `"o4","D","${U3}","Prospecting","","5","x","false","${U3}","2026-11-17T10:00:00.000Z","${U3}","2026-11-17T10:00:00.000Z"`,
      // o5: Ben, multi-line name, Prospecting, NextStep only → 2/5 = 0.4
      `"o5","E ""quoted""\nline","${U2}","Prospecting","","","Demo","false","${U2}","2026-11-20T10:00:00.000Z","${U2}","2026-11-20T10:00:00.000Z"`
    ].join('\n') + '\n'
  );
  writeFileSync(
    join(exportDir, 'Task.csv'),
    [
      '"Id","Subject","OwnerId","CreatedById","CreatedDate"',
      `"t1","Call","${U1}","${U1}","2026-11-16T09:00:00.000Z"`,
      `"t2","Call","${U1}","${U1}","2026-11-17T09:00:00.000Z"`,
      `"t3","Call","${U2}","${U2}","2026-11-01T09:00:00.000Z"`
    ].join('\n') + '\n'
  );
  writeFileSync(
    join(rulesDir, 'Completeness_Rule.Opp_Amount.md-meta.xml'),
    rule('Opp Amount', {
      Object__c: 'Opportunity',
      Field__c: 'Amount',
      Weight__c: '3',
      Active__c: 'true',
      Stages__c: null,
      Record_Types__c: null
    })
  );
  writeFileSync(
    join(rulesDir, 'Completeness_Rule.Opp_NextStep.md-meta.xml'),
    rule('Opp NextStep', {
      Object__c: 'Opportunity',
      Field__c: 'NextStep',
      Weight__c: '2',
      Active__c: 'true',
      Stages__c: 'Prospecting, Qualification'
    })
  );
  writeFileSync(
    join(rulesDir, 'Benefit_Rule.Tasks.md-meta.xml'),
    rule('Tasks', {
      Activity__c: 'Task_Logged',
      Minutes_Per_Unit__c: '3',
      Active__c: 'true',
      Sort_Order__c: '1'
    })
  );
  return { exportDir, rulesDir, root };
}

export interface ZipFile {
  name: string;
  data: Buffer;
  /** Overrides of what the central directory declares. */
  declaredSize?: number;
  crc?: number;
  /** Last-modified date as an MS-DOS date ((year-1980)<<9 | month<<5 | day); 0 (none) unless given. */
  dosDate?: number;
}

/** A minimal zip (deflated entries) with the central directory's sizes and CRC as given. */
export function zip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packed = deflateRawSync(file.data);
    const crc = file.crc ?? crc32(file.data);
    const size = file.declaredSize ?? file.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(file.dosDate ?? 0, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(file.dosDate ?? 0, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Every file of a folder as zip entries (name = file name, or `prefix` + name). */
export function folderEntries(dir: string, prefix = ''): ZipFile[] {
  return readdirSync(dir).map((name) => ({ name: prefix + name, data: readFileSync(join(dir, name)) }));
}
