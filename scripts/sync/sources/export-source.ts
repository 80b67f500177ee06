// Record source over a Salesforce Data Export: folders and/or .zip files holding one CSV per object
// (<Object>.csv, columns named by field API names), User.csv, and when present UserRole.csv, Profile.csv
// and RecordType.csv. Nothing leaves the machine, no API call. Rules come from the project's custom
// metadata files.

import { existsSync, readdirSync, statSync, createReadStream } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { CsvFormatError, checkEncoding, readCsvHeader } from '../csv/csv-reader';
import { readCsvParallel } from '../csv/parallel-reader';
import type { RowBatch } from '../csv/csv-reader';
import { SyncInputError } from '../errors';
import { DEFAULT_METADATA_DIR, loadRulesFromFolder } from '../rules/metadata-rules';
import type {
  FieldDescribe,
  FieldType,
  ObjectDescribe,
  RecordSource,
  RecordTypeInfo,
  RuleSet,
  StreamOptions,
  UserRecord
} from './record-source';
import { listZipEntries, openZipEntry } from './zip';
import type { ZipEntry } from './zip';

export interface ExportSourceOptions {
  /** Folders and/or .zip files. */
  paths: readonly string[];
  encoding?: string;
  /** Folder of custom metadata record files (default: the project's). */
  rulesDir?: string;
}

interface FileRef {
  /** Display name for messages. */
  display: string;
  open(): Readable;
}

const BOOLEAN_NAMES = new Set(
  ['DoNotCall', 'HasOptedOutOfEmail', 'HasOptedOutOfFax', 'EmailBouncedReason'].map((n) => n.toLowerCase())
);

/** Infers a describe type from a column name and a sample of its values (an export has no describe). */
export function inferFieldType(name: string, sample: readonly string[]): FieldType {
  if (name === 'Id') return 'id';
  const nonEmpty = sample.filter((v) => v !== '');
  if (
    nonEmpty.length > 0 &&
    nonEmpty.every((v) => v === 'true' || v === 'false' || v === 'TRUE' || v === 'FALSE')
  ) {
    return 'boolean';
  }
  if (
    (/^(Is|Has)[A-Z]/.test(name) || BOOLEAN_NAMES.has(name.toLowerCase())) &&
    nonEmpty.every((v) => /^(true|false|0|1)$/i.test(v))
  ) {
    return 'boolean';
  }
  if (/Id$/.test(name) && nonEmpty.every((v) => /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(v)))
    return 'reference';
  if (/Date$/.test(name) || /Date__c$/.test(name)) {
    if (nonEmpty.length > 0 && nonEmpty.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'date';
    if (nonEmpty.length > 0 && nonEmpty.every((v) => /^\d{4}-\d{2}-\d{2}[T ]/.test(v))) return 'datetime';
  }
  return 'string';
}

export class ExportSource implements RecordSource {
  readonly kind = 'export' as const;
  readonly description: string;
  private readonly files = new Map<string, FileRef[]>(); // lower-case object name → parts
  private readonly names = new Map<string, string>(); // lower-case → as spelled in the file name
  private readonly encoding: string;
  private readonly rulesDir: string;
  private readonly describeCache = new Map<string, ObjectDescribe>();

  constructor(options: ExportSourceOptions) {
    try {
      this.encoding = checkEncoding(options.encoding ?? 'utf-8');
    } catch (error) {
      throw new SyncInputError((error as Error).message, 'Fix --encoding (e.g. --encoding windows-1252).');
    }
    this.rulesDir = options.rulesDir ?? resolve(__dirname, '../../..', DEFAULT_METADATA_DIR);
    if (!existsSync(this.rulesDir) || !statSync(this.rulesDir).isDirectory()) {
      throw new SyncInputError(
        `The rules folder ${this.rulesDir} does not exist${existsSync(this.rulesDir) ? ' as a folder' : ''}.`,
        'Pass --rules <folder> holding the custom metadata record files (e.g. force-app/main/default/customMetadata), or drop --rules for the project’s.'
      );
    }
    if (options.paths.length === 0) {
      throw new SyncInputError(
        '--from-export needs a folder or a .zip file.',
        'Example: --from-export data/sample-export'
      );
    }
    for (const path of options.paths) this.index(path);
    this.description = `export ${options.paths.join(', ')}`;
  }

  private add(fileName: string, ref: FileRef): void {
    const m = /^(.+)\.csv$/i.exec(fileName);
    const object = m?.[1];
    if (!object) return;
    const key = object.toLowerCase();
    if (!this.names.has(key)) this.names.set(key, object);
    const list = this.files.get(key) ?? [];
    list.push(ref);
    this.files.set(key, list);
  }

  private index(path: string): void {
    if (!existsSync(path)) {
      throw new SyncInputError(
        `The export ${path} does not exist.`,
        'Pass the folder holding the Data Export CSV files (or the .zip), e.g. --from-export data/sample-export.'
      );
    }
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const full = join(path, entry);
        if (/\.zip$/i.test(entry)) this.index(full);
        else if (/\.csv$/i.test(entry)) {
          this.add(entry, { display: full, open: () => createReadStream(full, { highWaterMark: 1 << 20 }) });
        }
      }
      return;
    }
    if (!/\.zip$/i.test(path)) {
      throw new SyncInputError(
        `${path} is neither a folder nor a .zip file.`,
        'Pass the export folder or its .zip.'
      );
    }
    for (const entry of pickZipEntries(path, listZipEntries(path))) {
      this.add(basename(entry.name), {
        display: `${path}:${entry.name}`,
        open: () => openZipEntry(path, entry)
      });
    }
  }

  has(objectName: string): boolean {
    return this.files.has(objectName.toLowerCase());
  }

  listObjects(): Promise<string[]> {
    return Promise.resolve([...this.names.values()].sort());
  }

  private async *stream(objectName: string, options: StreamOptions = {}): AsyncGenerator<RowBatch> {
    const parts = this.files.get(objectName.toLowerCase()) ?? [];
    let page = 0;
    for (const part of parts) {
      try {
        let bytes = 0;
        for await (const batch of readCsvParallel(part.open(), {
          encoding: this.encoding,
          sourceName: part.display,
          onBytes: (b) => (bytes = b)
        })) {
          page++;
          options.progress?.page(objectName, { page, records: batch.length, bytes });
          yield batch;
        }
      } catch (error) {
        if (error instanceof CsvFormatError) {
          throw new SyncInputError(
            `${error.message}.`,
            'Fix the file (or export it again); if it is not UTF-8, pass --encoding (e.g. windows-1252).'
          );
        }
        throw error;
      }
    }
  }

  async describe(objectName: string): Promise<ObjectDescribe | undefined> {
    const key = objectName.toLowerCase();
    const cached = this.describeCache.get(key);
    if (cached) return cached;
    const parts = this.files.get(key);
    if (!parts || parts.length === 0) return undefined;
    const name = this.names.get(key) ?? objectName;
    let columns: string[] = [];
    const samples: string[][] = [];
    for await (const batch of this.stream(name)) {
      columns = [...batch.columns];
      for (let c = 0; c < columns.length; c++) samples.push([]);
      const n = Math.min(batch.length, 500);
      for (let r = 0; r < n; r++)
        for (let c = 0; c < columns.length; c++) samples[c]?.push(batch.value(r, c));
      break;
    }
    const firstPart = parts[0];
    if (columns.length === 0 && firstPart) {
      columns = await readCsvHeader(firstPart.open(), {
        encoding: this.encoding,
        sourceName: firstPart.display
      });
    }
    const fields: FieldDescribe[] = columns.map((column, c) => ({
      name: column,
      type: inferFieldType(column, samples[c] ?? [])
    }));
    const describe: ObjectDescribe = { name, fields, recordTypes: await this.recordTypes(name) };
    this.describeCache.set(key, describe);
    return describe;
  }

  private async recordTypes(objectName: string): Promise<RecordTypeInfo[]> {
    if (!this.has('RecordType')) return [];
    const out: RecordTypeInfo[] = [];
    for await (const batch of this.stream('RecordType')) {
      const col = (n: string): number => batch.columns.findIndex((c) => c.toLowerCase() === n.toLowerCase());
      const id = col('Id');
      const dev = col('DeveloperName');
      const type = col('SobjectType');
      if (id < 0 || dev < 0) return out;
      for (let r = 0; r < batch.length; r++) {
        if (type >= 0 && batch.value(r, type).toLowerCase() !== objectName.toLowerCase()) continue;
        out.push({ id: batch.value(r, id), developerName: batch.value(r, dev) });
      }
    }
    return out;
  }

  async *streamRecords(
    objectName: string,
    fields: readonly string[],
    options?: StreamOptions
  ): AsyncIterable<RowBatch> {
    const describe = await this.describe(objectName);
    if (!describe) {
      throw new SyncInputError(
        `Object ${objectName} is not in the ${this.description} (no ${objectName}.csv).`,
        `Add ${objectName}.csv to the export (Setup > Data Export, include ${objectName}) or remove it from --objects.`
      );
    }
    const known = new Set(describe.fields.map((f) => f.name.toLowerCase()));
    const unknown = fields.filter((f) => !known.has(f.toLowerCase()));
    if (unknown.length > 0) {
      throw new SyncInputError(
        `${objectName}.csv has no column ${unknown.join(', ')}.`,
        'Check the field API names (rules, --team-field) or export the object again with all fields.'
      );
    }
    yield* this.stream(describe.name, options);
  }

  /** Reads a small CSV (users, roles, profiles) into maps of column → value. */
  private async readSmall(objectName: string): Promise<Map<string, string>[]> {
    const rows: Map<string, string>[] = [];
    for await (const batch of this.stream(objectName)) {
      for (let r = 0; r < batch.length; r++) {
        const row = new Map<string, string>();
        batch.columns.forEach((c, i) => row.set(c.toLowerCase(), batch.value(r, i)));
        rows.push(row);
      }
    }
    return rows;
  }

  async readUsers(teamField: string): Promise<UserRecord[]> {
    if (!this.has('User')) {
      throw new SyncInputError(
        `The ${this.description} has no User.csv.`,
        'Include User in the Data Export: owners, teams and activity are read from it.'
      );
    }
    const userColumns = (await this.describe('User'))?.fields.map((f) => f.name.toLowerCase()) ?? [];
    if (!userColumns.includes('id')) {
      throw new SyncInputError(
        `User.csv in the ${this.description} has no Id column (columns: ${userColumns.join(', ') || 'none'}).`,
        'Export User again with all its fields (Setup > Data Export): records are matched to their owner by User.Id.'
      );
    }
    const users = await this.readSmall('User');
    const roles = new Map<string, Map<string, string>>();
    if (this.has('UserRole'))
      for (const r of await this.readSmall('UserRole')) roles.set(r.get('id') ?? '', r);
    const profiles = new Map<string, string>();
    // What a profile is, for the exclusions (scripts/sync/rules/exclusions.ts): its license key, from
    // Profile.UserLicenseId and UserLicense.csv when the export has them, and PermissionsApiUserOnly.
    const licenseKeys = new Map<string, string>();
    if (this.has('UserLicense'))
      for (const l of await this.readSmall('UserLicense'))
        licenseKeys.set(l.get('id') ?? '', l.get('licensedefinitionkey') ?? '');
    const profileLicense = new Map<string, string>();
    const profileApiOnly = new Map<string, boolean | null>();
    if (this.has('Profile'))
      for (const p of await this.readSmall('Profile')) {
        const id = p.get('id') ?? '';
        profiles.set(id, p.get('name') ?? '');
        profileLicense.set(id, licenseKeys.get(p.get('userlicenseid') ?? '') ?? '');
        const apiOnly = p.get('permissionsapiuseronly')?.toLowerCase();
        profileApiOnly.set(
          id,
          apiOnly === 'true' || apiOnly === '1' ? true : apiOnly === 'false' || apiOnly === '0' ? false : null
        );
      }
    const byId = new Map(users.map((u) => [u.get('id') ?? '', u]));

    const field = teamField.trim();
    const lower = field.toLowerCase();
    const first = users[0];
    const resolveTeam = (u: Map<string, string>): string => {
      if (lower === 'userrole.name') return roles.get(u.get('userroleid') ?? '')?.get('name') ?? '';
      if (lower === 'userrole.developername')
        return roles.get(u.get('userroleid') ?? '')?.get('developername') ?? '';
      if (lower === 'profile.name') return profiles.get(u.get('profileid') ?? '') ?? '';
      if (lower === 'manager.name') {
        const m = byId.get(u.get('managerid') ?? '');
        return m ? nameOf(m) : '';
      }
      return u.get(lower) ?? '';
    };
    if (
      first &&
      !['userrole.name', 'userrole.developername', 'profile.name', 'manager.name'].includes(lower) &&
      !first.has(lower)
    ) {
      throw new SyncInputError(
        `The team field ${field} is not a column of User.csv.`,
        'Use --team-field with a User field present in the export (e.g. Department, Division) or UserRole.Name.'
      );
    }
    if (lower.startsWith('userrole.') && !this.has('UserRole')) {
      throw new SyncInputError(
        `The team field ${field} needs UserRole.csv, which the ${this.description} lacks.`,
        'Include UserRole in the Data Export, or use --team-field with a User column such as Department.'
      );
    }
    return users.map((u) => ({
      id: u.get('id') ?? '',
      name: nameOf(u),
      username: u.get('username') ?? '',
      isActive: (u.get('isactive') ?? 'true').toLowerCase() !== 'false' && u.get('isactive') !== '0',
      userType: u.get('usertype') || 'Standard',
      profileName: profiles.get(u.get('profileid') ?? '') ?? u.get('profile.name') ?? '',
      licenseKey: profileLicense.get(u.get('profileid') ?? '') ?? '',
      apiOnly: profileApiOnly.get(u.get('profileid') ?? '') ?? null,
      roleName: roles.get(u.get('userroleid') ?? '')?.get('name') ?? '',
      team: resolveTeam(u),
      lastLoginDate: u.get('lastlogindate') || null,
      managerId: u.get('managerid') || null
    }));
  }

  async loadRules(): Promise<RuleSet> {
    return await Promise.resolve().then(() => loadRulesFromFolder(this.rulesDir));
  }

  async close(): Promise<void> {}
}

/**
 * The CSV entries of one zip, one per object. A Data Export puts its files at the root of the zip;
 * macOS adds `__MACOSX/` folders and `._` files (resource forks, not CSV), which are ignored. When an
 * object's file is found in several folders (`User.csv` and `backup/User.csv`), the one at the root is
 * read; with none at the root, the choice is the user's: SyncInputError naming the entries.
 */
export function pickZipEntries(path: string, entries: readonly ZipEntry[]): ZipEntry[] {
  const byObject = new Map<string, ZipEntry[]>();
  for (const entry of entries) {
    const name = entry.name.replace(/\\/g, '/');
    if (name.endsWith('/') || !/\.csv$/i.test(name)) continue;
    if (/(^|\/)__MACOSX\//.test(name) || basename(name).startsWith('._')) continue;
    const key = basename(name).toLowerCase();
    byObject.set(key, [...(byObject.get(key) ?? []), entry]);
  }
  const picked: ZipEntry[] = [];
  for (const candidates of byObject.values()) {
    const atRoot = candidates.filter((e) => !e.name.replace(/\\/g, '/').includes('/'));
    const only = atRoot.length === 1 ? atRoot[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!only) {
      throw new SyncInputError(
        `${path} holds ${candidates.length} files for the same object: ${candidates.map((e) => e.name).join(', ')}.`,
        'Keep one of them (a Data Export has each object once, at the root of the zip), or unzip the one you mean and pass its folder.'
      );
    }
    picked.push(only);
  }
  return picked;
}

function nameOf(u: Map<string, string>): string {
  const name = u.get('name');
  if (name) return name;
  return (
    [u.get('firstname'), u.get('lastname')].filter(Boolean).join(' ') ||
    (u.get('username') ?? u.get('id') ?? '')
  );
}
