// Record source over a Salesforce Data Export: folders and/or .zip files holding one CSV per object
// (<Object>.csv, columns named by field API names), User.csv, and when present UserRole.csv, Profile.csv
// and RecordType.csv. Nothing leaves the machine, no API call. Rules come from the project's custom
// metadata files.

import { existsSync, readdirSync, statSync, createReadStream } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { csvFormatError } from '../csv/csv-actions';
import { CsvFormatError, readCsvHeader } from '../csv/csv-reader';
import { hasReplacement, planEncoding, toUtf8 } from '../csv/encodings';
import { headBytes, planFromBytes } from '../csv/encoding-evidence';
import type { EncodingPlan } from '../csv/encodings';
import { readCsvParallel } from '../csv/parallel-reader';
import type { RowBatch } from '../csv/csv-reader';
import { dayNumber, isoDay } from '../engine/periods';
import { syncInputError } from '../errors';
import { messageOf } from '../messages';
import { PROJECT_ROOT } from '../paths';
import {
  idKey,
  nameKey,
  sameName
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { DEFAULT_METADATA_DIR, loadRulesFromFolder } from '../rules/metadata-rules';
import { chooseExportDay, dosDay } from '../rules/export-day';
import type { ExportDay } from '../rules/export-day';
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
  /** Bytes (0: an empty file, read as no records). */
  size: number;
  open(): Readable;
  /** A zip entry's last-modified day (yyyy-mm-dd), when the zip gives one: dates the export. */
  zipDay?: string;
}

const BOOLEAN_NAMES = new Set(
  ['DoNotCall', 'HasOptedOutOfEmail', 'HasOptedOutOfFax', 'EmailBouncedReason'].map((n) => n.toLowerCase())
);

/** Infers a describe type from a column name and a sample of its values (an export has no describe). */
export function inferFieldType(name: string, sample: readonly string[]): FieldType {
  if (sameName(name, 'Id')) return 'id';
  const nonEmpty = sample.filter((v) => v !== '');
  if (
    nonEmpty.length > 0 &&
    nonEmpty.every((v) => v === 'true' || v === 'false' || v === 'TRUE' || v === 'FALSE')
  ) {
    return 'boolean';
  }
  if (
    (/^(Is|Has)[A-Z]/.test(name) || /^(IS|HAS)[A-Z_]+$/.test(name) || BOOLEAN_NAMES.has(nameKey(name))) &&
    nonEmpty.every((v) => /^(true|false|0|1)$/i.test(v))
  ) {
    return 'boolean';
  }
  if (/id$/i.test(name) && nonEmpty.every((v) => /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(v)))
    return 'reference';
  if (/date(__c)?$/i.test(name)) {
    if (nonEmpty.length > 0 && nonEmpty.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'date';
    if (nonEmpty.length > 0 && nonEmpty.every((v) => /^\d{4}-\d{2}-\d{2}[T ]/.test(v))) return 'datetime';
  }
  return 'string';
}

export class ExportSource implements RecordSource {
  readonly kind = 'export' as const;
  readonly description: string;
  readonly warnings: string[] = [];
  private readonly files = new Map<string, FileRef[]>(); // lower-case object name → parts
  private readonly names = new Map<string, string>(); // lower-case → as spelled in the file name
  private readonly encoding: EncodingPlan;
  private readonly rulesDir: string;
  /** Per file, how its bytes reach the parser (a UTF-16 byte order mark overrides --encoding). */
  private readonly plans = new Map<FileRef, EncodingPlan>();
  private readonly describeCache = new Map<string, ObjectDescribe>();
  /** Per part of a several-file object: the columns other parts have and it lacks (said once read whole). */
  private readonly lacking = new Map<FileRef, string[]>();

  constructor(options: ExportSourceOptions) {
    this.encoding = planEncoding(options.encoding ?? 'utf-8');
    this.rulesDir = options.rulesDir ?? resolve(PROJECT_ROOT, DEFAULT_METADATA_DIR);
    if (!existsSync(this.rulesDir) || !statSync(this.rulesDir).isDirectory()) {
      throw existsSync(this.rulesDir)
        ? syncInputError('sync.export', 'RulesNotAFolder', [this.rulesDir])
        : syncInputError('sync.export', 'NoRulesFolder', [this.rulesDir]);
    }
    if (options.paths.length === 0) {
      throw syncInputError('sync.export', 'NoExportPath');
    }
    for (const path of options.paths) this.index(path);
    this.description = `export ${options.paths.join(', ')}`;
  }

  private add(fileName: string, ref: FileRef): void {
    const m = /^(.+)\.csv$/i.exec(fileName);
    const stem = m?.[1];
    if (!stem) return;
    const object = copyBase(stem);
    if (object !== stem) {
      // A name no API name can have: a second download of the file, or a genuine second part. Read as a
      // part of the object either way: a copy's records are then counted once by the duplicate-Id rule
      // (engine/row-rules.ts, with its own warning), and a genuine part's are not lost.
      this.warnings.push(messageOf('sync.export', 'warning.CopyName', [ref.display, object]));
    }
    const key = object.toLowerCase();
    if (!this.names.has(key)) this.names.set(key, object);
    const list = this.files.get(key) ?? [];
    list.push(ref);
    this.files.set(key, list);
  }

  /**
   * Indexes a folder (its CSVs and zips, and those one folder down: Windows' "Extract All" puts them in a
   * WE_… subfolder) or a zip. A zip holding the export's part zips (a download of several parts zipped
   * again) is refused with the names of the inner zips: unzip it once and pass the folder.
   */
  private index(path: string, depth = 0): void {
    if (!existsSync(path)) {
      throw syncInputError('sync.export', 'ExportNotFound', [path]);
    }
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const full = join(path, entry);
        const stat = statSync(full);
        if (stat.isDirectory()) {
          if (depth === 0 && entry !== '__MACOSX' && !entry.startsWith('.')) this.index(full, 1);
        } else if (/\.zip$/i.test(entry)) this.index(full, depth);
        else if (/\.csv$/i.test(entry)) {
          this.add(entry, {
            display: full,
            size: stat.size,
            open: () => createReadStream(full, { highWaterMark: 1 << 20 })
          });
        }
      }
      return;
    }
    if (!/\.zip$/i.test(path)) {
      throw syncInputError('sync.export', 'NotFolderOrZip', [path]);
    }
    const entries = listZipEntries(path);
    const inner = entries.filter((e) => /\.zip$/i.test(e.name) && !/(^|\/)__MACOSX\//.test(e.name));
    if (inner.length > 0 && !entries.some((e) => /\.csv$/i.test(e.name))) {
      throw syncInputError(
        'sync.export',
        'ZipOfZips',
        [path, inner.map((e) => e.name).join(', ')],
        [basename(path)]
      );
    }
    for (const entry of pickZipEntries(path, entries)) {
      this.add(basename(entry.name), {
        display: `${path}:${entry.name}`,
        size: entry.size,
        open: () => openZipEntry(path, entry),
        zipDay: dosDay(entry.dosDate ?? 0)
      });
    }
  }

  has(objectName: string): boolean {
    return this.files.has(objectName.toLowerCase());
  }

  listObjects(): Promise<string[]> {
    return Promise.resolve([...this.names.values()].sort());
  }

  /** How a file's bytes reach the parser: --encoding's plan, unless its bytes prove another encoding. */
  private async planOf(part: FileRef): Promise<EncodingPlan> {
    let plan = this.plans.get(part);
    if (!plan) {
      // What the bytes prove (a byte order mark, UTF-16's NULs) wins over --encoding: csv/encoding-evidence.ts.
      plan = planFromBytes(await headBytes(part.open()), this.encoding, part.display, (w) =>
        this.warnings.push(w)
      );
      this.plans.set(part, plan);
    }
    return plan;
  }

  /** The bytes and parser options of a file: transcoded to UTF-8 when its encoding is not byte-safe. */
  private async opened(part: FileRef): Promise<{ bytes: Readable; encoding: string }> {
    const plan = await this.planOf(part);
    return plan.transcode
      ? { bytes: toUtf8(part.open(), plan.encoding), encoding: 'utf-8' }
      : { bytes: part.open(), encoding: plan.encoding };
  }

  private async *stream(objectName: string, options: StreamOptions = {}): AsyncGenerator<RowBatch> {
    // A 0-byte file (an object nobody asked for, exported empty) holds no record: read as none.
    const parts = (this.files.get(objectName.toLowerCase()) ?? []).filter((p) => p.size > 0);
    let page = 0;
    for (const part of parts) {
      try {
        let bytes = 0;
        let rows = 0;
        const { bytes: input, encoding } = await this.opened(part);
        for await (const batch of readCsvParallel(input, {
          encoding,
          sourceName: part.display,
          onBytes: (b) => (bytes = b)
        })) {
          page++;
          rows += batch.length;
          options.progress?.page(objectName, { page, records: batch.length, bytes });
          yield batch;
        }
        this.sayLacking(part, objectName, rows);
      } catch (error) {
        if (error instanceof CsvFormatError)
          throw csvFormatError(error, await this.planOf(part), await headBytes(part.open()));
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
    const firstPart = parts.find((p) => p.size > 0);
    if (!firstPart) {
      const files = parts.map((p) => p.display).join(', ');
      this.warnings.push(
        messageOf('sync.export', parts.length > 1 ? 'warning.EmptyFiles' : 'warning.EmptyFile', [
          files,
          name,
          name
        ])
      );
    }
    if (columns.length === 0 && firstPart) {
      const { bytes, encoding } = await this.opened(firstPart);
      columns = await readCsvHeader(bytes, { encoding, sourceName: firstPart.display });
    }
    columns = await this.unionColumns(parts, columns);
    if (columns.some(hasReplacement) || samples.some((s) => s.some(hasReplacement))) {
      this.warnings.push(messageOf('sync.export', 'warning.NotEncoding', [name, this.encoding.encoding]));
    }
    const fields: FieldDescribe[] = columns.map((column, c) => ({
      name: column,
      type: inferFieldType(column, samples[c] ?? [])
    }));
    const describe: ObjectDescribe = {
      name,
      fields,
      recordTypes: await this.recordTypes(name),
      parts: parts.length
    };
    this.describeCache.set(key, describe);
    return describe;
  }

  /**
   * The columns of every part of an object, the first part's first (review 1.1): a column only some files
   * have is still a field of the object. Each part lacking some is remembered for sayLacking.
   */
  private async unionColumns(parts: readonly FileRef[], first: readonly string[]): Promise<string[]> {
    const withBytes = parts.filter((p) => p.size > 0);
    if (withBytes.length < 2) return [...first];
    const headers: string[][] = [];
    for (const part of withBytes) {
      const { bytes, encoding } = await this.opened(part);
      headers.push(await readCsvHeader(bytes, { encoding, sourceName: part.display }));
    }
    const union = [...first];
    for (const header of headers)
      for (const c of header) if (!union.some((u) => sameName(u, c))) union.push(c);
    withBytes.forEach((part, i) => {
      const missing = union.filter((u) => !(headers[i] ?? []).some((c) => sameName(c, u)));
      if (missing.length > 0) this.lacking.set(part, missing);
    });
    return union;
  }

  /** Says, once, that a part read whole lacks columns its object's other files have, with its records. */
  private sayLacking(part: FileRef, objectName: string, rows: number): void {
    const missing = this.lacking.get(part);
    if (!missing) return;
    this.lacking.delete(part);
    this.warnings.push(
      messageOf('sync.export', 'warning.PartLacksColumns', [
        part.display,
        missing.join(', '),
        objectName,
        rows
      ])
    );
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
        out.push({ id: idKey(batch.value(r, id)), developerName: batch.value(r, dev) });
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
      throw syncInputError(
        'sync.export',
        'NoObjectCsv',
        [objectName, this.description, objectName],
        [objectName, objectName]
      );
    }
    const known = new Set(describe.fields.map((f) => f.name.toLowerCase()));
    const unknown = fields.filter((f) => !known.has(f.toLowerCase()));
    if (unknown.length > 0) {
      throw syncInputError('sync.export', 'NoColumn', [objectName, unknown.join(', ')]);
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

  /**
   * The day the export was taken, and the evidence (rules/export-day.ts chooses): the latest last-modified
   * day of its zip entries, and the latest of User.csv's LastLoginDate, SystemModstamp, LastModifiedDate and
   * CreatedDate (UTC). Salesforce stamps these as logins and changes happen, so none is after the export.
   * Only when User.csv has none are the other files read for their latest CreatedDate, LastModifiedDate or
   * SystemModstamp (a second pass, so the usual run reads the record files once). Folder files' own dates
   * are not used: copying or git resets them. undefined when nothing dates the export.
   */
  async takenAt(): Promise<ExportDay | undefined> {
    let zip: ExportDay | undefined;
    for (const parts of this.files.values())
      for (const part of parts)
        if (part.zipDay && (!zip || part.zipDay > zip.day))
          zip = {
            day: part.zipDay,
            evidence: messageOf('sync.export', 'evidence.ZipEntries', [part.display.replace(/:[^:]*$/, '')])
          };
    let data = await this.latestStamp('User', [
      'lastlogindate',
      'systemmodstamp',
      'lastmodifieddate',
      'createddate'
    ]);
    if (!data)
      for (const key of [...this.files.keys()].sort()) {
        if (key === 'user') continue;
        const found = await this.latestStamp(key, ['createddate', 'lastmodifieddate', 'systemmodstamp']);
        if (found && (!data || found.day > data.day)) data = found;
      }
    return chooseExportDay(zip, data);
  }

  /** The latest day in `stamps` columns of an object's files, naming the column and file; or undefined. */
  private async latestStamp(objectName: string, stamps: readonly string[]): Promise<ExportDay | undefined> {
    if (!this.has(objectName)) return undefined;
    let latest = Number.NaN;
    let column = '';
    for await (const batch of this.stream(objectName)) {
      const columns = batch.columns.flatMap((c, i) => (stamps.includes(c.toLowerCase()) ? [i] : []));
      for (let r = 0; r < batch.length; r++) {
        for (const c of columns) {
          const day = dayNumber(batch.value(r, c));
          if (day > latest || (Number.isNaN(latest) && !Number.isNaN(day))) {
            latest = day;
            column = batch.columns[c] ?? '';
          }
        }
      }
    }
    if (Number.isNaN(latest)) return undefined;
    const file = `${this.names.get(objectName.toLowerCase()) ?? objectName}.csv`;
    return {
      day: isoDay(latest),
      evidence: messageOf('sync.export', 'evidence.LatestStamp', [column, file])
    };
  }

  async readUsers(teamField: string): Promise<UserRecord[]> {
    if (!this.has('User')) {
      throw syncInputError('sync.export', 'NoUserCsv', [this.description]);
    }
    const userColumns = (await this.describe('User'))?.fields.map((f) => f.name.toLowerCase()) ?? [];
    if (!userColumns.includes('id')) {
      throw syncInputError('sync.export', 'NoUserId', [this.description, userColumns.join(', ') || 'none']);
    }
    const users = await this.readSmall('User');
    const roles = new Map<string, Map<string, string>>();
    if (this.has('UserRole'))
      for (const r of await this.readSmall('UserRole')) roles.set(idKey(r.get('id') ?? ''), r);
    const profiles = new Map<string, string>();
    // What a profile is, for the exclusions (scripts/sync/rules/exclusions.ts): its license key, from
    // Profile.UserLicenseId and UserLicense.csv when the export has them, and PermissionsApiUserOnly.
    const licenseKeys = new Map<string, string>();
    if (this.has('UserLicense'))
      for (const l of await this.readSmall('UserLicense'))
        licenseKeys.set(idKey(l.get('id') ?? ''), l.get('licensedefinitionkey') ?? '');
    const profileLicense = new Map<string, string>();
    const profileApiOnly = new Map<string, boolean | null>();
    if (this.has('Profile'))
      for (const p of await this.readSmall('Profile')) {
        const id = idKey(p.get('id') ?? '');
        profiles.set(id, p.get('name') ?? '');
        profileLicense.set(id, licenseKeys.get(idKey(p.get('userlicenseid') ?? '')) ?? '');
        const apiOnly = p.get('permissionsapiuseronly')?.toLowerCase();
        profileApiOnly.set(
          id,
          apiOnly === 'true' || apiOnly === '1' ? true : apiOnly === 'false' || apiOnly === '0' ? false : null
        );
      }
    const byId = new Map(users.map((u) => [idKey(u.get('id') ?? ''), u]));
    // Every Id read from the files goes through the kernel's idKey (15- and 18-character forms meet).
    const ref = (u: Map<string, string>, column: string): string => idKey(u.get(column) ?? '');

    const field = teamField.trim();
    const lower = field.toLowerCase();
    const first = users[0];
    const resolveTeam = (u: Map<string, string>): string => {
      if (lower === 'userrole.name') return roles.get(ref(u, 'userroleid'))?.get('name') ?? '';
      if (lower === 'userrole.developername')
        return roles.get(ref(u, 'userroleid'))?.get('developername') ?? '';
      if (lower === 'profile.name') return profiles.get(ref(u, 'profileid')) ?? '';
      if (lower === 'manager.name') {
        const m = byId.get(ref(u, 'managerid'));
        return m ? nameOf(m) : '';
      }
      return u.get(lower) ?? '';
    };
    if (
      first &&
      !['userrole.name', 'userrole.developername', 'profile.name', 'manager.name'].includes(lower) &&
      !first.has(lower)
    ) {
      throw syncInputError('sync.export', 'NoTeamColumn', [field]);
    }
    this.warnMissing(field);
    return users.map((u) => ({
      id: ref(u, 'id'),
      name: nameOf(u),
      username: u.get('username') ?? '',
      isActive: (u.get('isactive') ?? 'true').toLowerCase() !== 'false' && u.get('isactive') !== '0',
      userType: u.get('usertype') || 'Standard',
      profileName: profiles.get(ref(u, 'profileid')) ?? u.get('profile.name') ?? '',
      licenseKey: profileLicense.get(ref(u, 'profileid')) ?? '',
      apiOnly: profileApiOnly.get(ref(u, 'profileid')) ?? null,
      roleName: roles.get(ref(u, 'userroleid'))?.get('name') ?? '',
      team: resolveTeam(u),
      lastLoginDate: u.get('lastlogindate') || null,
      managerId: u.get('managerid') ? ref(u, 'managerid') : null
    }));
  }

  /**
   * Optional files: without them the run goes on, and says loudly what cannot be measured (one rule for
   * every optional file; a run stops only when nothing meaningful can be measured, e.g. no User.csv).
   */
  private warnMissing(teamField: string): void {
    const lower = teamField.toLowerCase();
    const needs = lower.startsWith('userrole.') ? 'UserRole' : lower.startsWith('profile.') ? 'Profile' : '';
    if (needs && !this.has(needs)) {
      this.warnings.push(
        messageOf('sync.export', 'warning.TeamFieldFile', [teamField, needs, this.description, needs])
      );
    }
    if (!this.has('Profile')) {
      this.warnings.push(messageOf('sync.export', 'warning.NoProfile', [this.description]));
    }
  }

  /** Queues from Group.csv (Type = Queue), by idKey; empty without Group.csv. */
  async readQueues(): Promise<Map<string, string>> {
    const queues = new Map<string, string>();
    if (!this.has('Group')) return queues;
    for (const g of await this.readSmall('Group')) {
      const type = g.get('type');
      if (type === undefined || type.toLowerCase() === 'queue')
        queues.set(idKey(g.get('id') ?? ''), g.get('name') ?? '');
    }
    return queues;
  }

  async loadRules(): Promise<RuleSet> {
    return await Promise.resolve().then(() => loadRulesFromFolder(this.rulesDir));
  }

  async close(): Promise<void> {}
}

/**
 * The object a CSV file name's stem stands for, with the suffix browsers, file managers and unzip tools add
 * to a second file of the same name removed: "Opportunity (1)" (Chrome, Edge, Windows), "Opportunity 2"
 * (macOS), "Opportunity-2", "Opportunity_2", "Opportunity - Copy", "Opportunity copy 2". None of these is
 * a possible API name (no spaces, parentheses or hyphens; custom names end in __c, __x…, never in _<digits>),
 * so a real object is never renamed. Other stems are returned as they are.
 */
export function copyBase(stem: string): string {
  const m = /^(.*?[^\s_-])(?:\s*\(\d+\)|\s+\d+|[-_]\d+|\s+-\s+copy(?:\s*\(\d+\))?|\s+copy(?:\s+\d+)?)$/i.exec(
    stem
  );
  return m?.[1] ?? stem;
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
      throw syncInputError('sync.export', 'SameObjectTwice', [
        path,
        candidates.length,
        candidates.map((e) => e.name).join(', ')
      ]);
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
