// Record source over a Salesforce Data Export: folders and/or .zip files holding one CSV per object
// (<Object>.csv, columns named by field API names), User.csv, and when present UserRole.csv, Profile.csv
// and RecordType.csv. Nothing leaves the machine, no API call. Rules come from the project's custom
// metadata files.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, createReadStream } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { csvFormatError } from '../csv/csv-actions';
import { CsvFormatError, readCsv, readCsvHeader } from '../csv/csv-reader';
import { hasReplacement, planEncoding, toUtf8 } from '../csv/encodings';
import { HEAD_BYTES, headBytes, planFromBytes } from '../csv/encoding-evidence';
import type { EncodingPlan } from '../csv/encodings';
import { readCsvParallel } from '../csv/parallel-reader';
import type { ParallelReaderOptions } from '../csv/parallel-reader';
import { findColumn } from '../csv/cells';
import { IdFingerprints } from '../engine/row-rules';
import type { RowBatch } from '../csv/csv-reader';
import { DateReader, dayNumber, isoDay } from '../engine/periods';
import { syncInputError } from '../errors';
import { messageListOf, messageOf, warningOf, type SyncWarning } from '../messages';
import { PROJECT_ROOT } from '../paths';
import {
  idKey,
  nameKey,
  readCheckbox,
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
  /** The folder or zip holding the file (severalExports dates each side by it). */
  container: string;
  /** Named as a second file of the same name ("Opportunity (1).csv"; copyBase): warning.CopyName. */
  copyName?: boolean;
}

const BOOLEAN_NAMES = new Set(
  ['DoNotCall', 'HasOptedOutOfEmail', 'HasOptedOutOfFax', 'EmailBouncedReason'].map((n) => n.toLowerCase())
);

/**
 * Columns the measure reads on every record of an object, not as a field: its owner (groups, exclusions),
 * who created and last modified it and when (activity), and its stage or status (stage-limited rules).
 */
const KEY_COLUMNS = [
  'OwnerId',
  'CreatedById',
  'CreatedDate',
  'LastModifiedById',
  'LastModifiedDate',
  'StageName',
  'Status'
];

/** Infers a describe type from a column name and a sample of its values (an export has no describe). */
export function inferFieldType(name: string, sample: readonly string[]): FieldType {
  if (sameName(name, 'Id')) return 'id';
  const nonEmpty = sample.filter((v) => v !== '');
  // true/false, or Excel's words for them in the language a file was re-saved in (VRAI/FAUX…); 1/0 only
  // in a column named as a checkbox is (IsActive, HasOptedOutOfEmail…).
  if (nonEmpty.length > 0 && nonEmpty.every((v) => readCheckbox(v) !== null && !/^\s*[01]\s*$/.test(v))) {
    return 'boolean';
  }
  if (
    (/^(Is|Has)[A-Z]/.test(name) || /^(IS|HAS)[A-Z_]+$/.test(name) || BOOLEAN_NAMES.has(nameKey(name))) &&
    nonEmpty.every((v) => readCheckbox(v) !== null)
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

/** Records read from the head of a file to infer its columns' types (describe). */
const SAMPLE_ROWS = 500;

export class ExportSource implements RecordSource {
  readonly kind = 'export' as const;
  readonly description: string;
  readonly warnings: SyncWarning[] = [];
  private readonly files = new Map<string, FileRef[]>(); // lower-case object name → parts
  private readonly names = new Map<string, string>(); // lower-case → as spelled in the file name
  private readonly encoding: EncodingPlan;
  private readonly rulesDir: string;
  /** Per file, how its bytes reach the parser (a UTF-16 byte order mark overrides --encoding). */
  private readonly plans = new Map<FileRef, EncodingPlan>();
  private readonly describeCache = new Map<string, ObjectDescribe>();
  /** Per part of a several-file object: the columns other parts have and it lacks (said once read whole). */
  private readonly lacking = new Map<FileRef, string[]>();
  /** Files read whole that hold a header and no record (said once). */
  private readonly headerOnly = new Set<FileRef>();
  private exportsChecked = false;
  /** Lower-case object names whose files share a record Id (checkExportsAlike). */
  private readonly sharedIdObjects = new Set<string>();

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
    // A name no API name can have: a second download of the file, or a genuine second part (two part zips
    // extracted into one folder). Read as a part of the object once checkExportsAlike has told which.
    if (object !== stem) ref.copyName = true;
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
            container: path,
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
        container: path,
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

  /**
   * The columns and the first SAMPLE_ROWS values of each (for their types) of a file, read from its head
   * on this thread: the parallel reader would parse ranges ahead of the reader only to drop them (a
   * quarter of a second per large file).
   */
  private async sampleRows(part: FileRef): Promise<{ columns: string[]; samples: string[][] }> {
    const { bytes, encoding } = await this.opened(part);
    let columns: string[] = [];
    const samples: string[][] = [];
    try {
      for await (const batch of readCsv(bytes, { encoding, sourceName: part.display })) {
        if (samples.length === 0) {
          columns = [...batch.columns];
          for (let c = 0; c < columns.length; c++) samples.push([]);
        }
        const n = Math.min(batch.length, SAMPLE_ROWS - (samples[0]?.length ?? 0));
        for (let r = 0; r < n; r++)
          for (let c = 0; c < columns.length; c++) samples[c]?.push(batch.value(r, c));
        if ((samples[0]?.length ?? 0) >= SAMPLE_ROWS) break;
      }
    } catch (error) {
      throw await this.readError(part, error);
    } finally {
      bytes.destroy();
    }
    return { columns, samples };
  }

  /** The bytes and parser options of a file: transcoded to UTF-8 when its encoding is not byte-safe. */
  private async opened(part: FileRef): Promise<{ bytes: Readable; encoding: string }> {
    const plan = await this.planOf(part);
    return {
      bytes: plan.transcode ? toUtf8(part.open(), plan.encoding) : part.open(),
      encoding: parserEncoding(plan)
    };
  }

  private stream(objectName: string, options: StreamOptions = {}): AsyncGenerator<RowBatch> {
    return this.streamParts(this.files.get(objectName.toLowerCase()) ?? [], objectName, options);
  }

  private async *streamParts(
    all: readonly FileRef[],
    objectName: string,
    options: StreamOptions = {}
  ): AsyncGenerator<RowBatch> {
    // A 0-byte file (an object nobody asked for, exported empty) holds no record: read as none.
    const parts = all.filter((p) => p.size > 0);
    let page = 0;
    for (const part of parts) {
      let bytes = 0;
      let rows = 0;
      for await (const batch of this.rowsOf(part, { onBytes: (b) => (bytes = b), digest: options.digest })) {
        page++;
        rows += batch.length;
        options.progress?.page(objectName, { page, records: batch.length, bytes });
        yield batch;
      }
      this.sayLacking(part, objectName, rows);
      if (rows === 0 && !this.headerOnly.has(part)) {
        // A header and no record: the object is measured as having none, said once (not silently 0).
        this.headerOnly.add(part);
        this.warnings.push(warningOf('sync.export', 'warning.HeaderOnly', [part.display, objectName]));
      }
    }
  }

  /**
   * A file's records as the parallel reader parses them (bytes transcoded as its plan says), with no warning
   * of its own (checkExportsAlike reads files before they are measured); a parse error said as readError
   * says it.
   */
  private async *rowsOf(
    part: FileRef,
    options: Pick<ParallelReaderOptions, 'onBytes' | 'digest'> = {}
  ): AsyncGenerator<RowBatch> {
    try {
      const { bytes: input, encoding } = await this.opened(part);
      yield* readCsvParallel(input, { ...options, encoding, sourceName: part.display });
    } catch (error) {
      throw await this.readError(part, error);
    }
  }

  /**
   * The input error for a file the CSV parser refused (any other error as it is): a file whose header is
   * separated by semicolons or tabs (Excel's CSV in a locale with a decimal comma, a "text" export) is said
   * so with how to save it comma-separated, rather than as the quoting error it ends in; else the parser's
   * message with the encoding it was read as. `head` is the file's head when the caller has read it
   * (headOf), else it is read here, once.
   */
  private async readError(part: FileRef, error: unknown, head?: Buffer): Promise<unknown> {
    if (!(error instanceof CsvFormatError)) return error;
    const bytes = head ?? (await this.headOf(part));
    // The head as the parser gets it: transcoded only when the plan transcodes, and then csvFormatError
    // does not look at its bytes (encodingCause), so it serves both checks.
    return this.separatorError(part, bytes) ?? csvFormatError(error, await this.planOf(part), bytes);
  }

  /** A file's first bytes (HEAD_BYTES) as the parser gets them: transcoded to UTF-8 when its plan says so. */
  private async headOf(part: FileRef): Promise<Buffer> {
    return headBytes((await this.opened(part)).bytes);
  }

  /** The error for a file whose header line (in `head`) is separated by semicolons or tabs, else null. */
  private separatorError(part: FileRef, head: Buffer): Error | null {
    const separator = headerSeparator(head.toString('utf8'));
    if (!separator) return null;
    return syncInputError(
      'sync.export',
      'NotCommaSeparated',
      [part.display, separator === ';' ? 'semicolons (;)' : 'tabs'],
      [basename(part.display.replace(/^.*:/, ''))]
    );
  }

  async describe(objectName: string): Promise<ObjectDescribe | undefined> {
    const key = objectName.toLowerCase();
    const cached = this.describeCache.get(key);
    if (cached) return cached;
    const parts = this.files.get(key);
    if (!parts || parts.length === 0) return undefined;
    const name = this.names.get(key) ?? objectName;
    const firstPart = parts.find((p) => p.size > 0);
    // The header first: a file whose separator is not the comma is said as such, not as a quoting error.
    const header = firstPart ? await this.headerOf(firstPart) : [];
    const { columns: read, samples } = firstPart
      ? await this.sampleRows(firstPart)
      : { columns: [], samples: [] };
    let columns = read;
    if (!firstPart) {
      const files = parts.map((p) => p.display).join(', ');
      this.warnings.push(
        warningOf('sync.export', parts.length > 1 ? 'warning.EmptyFiles' : 'warning.EmptyFile', [
          files,
          name,
          name
        ])
      );
    }
    if (columns.length === 0) columns = header;
    columns = await this.unionColumns(parts, columns);
    this.warnDuplicateColumns(name, firstPart?.display ?? name, columns);
    if (columns.some(hasReplacement) || samples.some((s) => s.some(hasReplacement))) {
      // The file by its full name, as every other file warning names it (the encoding evidence's too).
      this.warnings.push(
        warningOf('sync.export', 'warning.NotEncoding', [
          firstPart?.display ?? `${name}.csv`,
          this.encoding.encoding
        ])
      );
    }
    // Names trimmed ("OwnerId " is OwnerId: an API name has no space); a name given twice is one field.
    const fields: FieldDescribe[] = [];
    columns.forEach((column, c) => {
      if (!fields.some((f) => sameName(f.name, column)))
        fields.push({ name: column.trim(), type: inferFieldType(column.trim(), samples[c] ?? []) });
    });
    const describe: ObjectDescribe = {
      name,
      fields,
      recordTypes: await this.recordTypes(name),
      parts: parts.length,
      sharedIds: parts.length > 1 ? await this.sharesIds(key) : false
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
    for (const part of withBytes) headers.push(await this.headerOf(part));
    const union = [...first];
    for (const header of headers)
      for (const c of header) if (!union.some((u) => sameName(u, c))) union.push(c);
    withBytes.forEach((part, i) => {
      const missing = union.filter((u) => !(headers[i] ?? []).some((c) => sameName(c, u)));
      if (missing.length > 0) this.lacking.set(part, missing);
    });
    return union;
  }

  /**
   * A file's header. One the object cannot be read from stops the run: a first line with `;` or tab
   * separators and no comma (a file re-saved by Excel in a language whose list separator is `;`): none of
   * the object's fields (OwnerId, CreatedById…) could be read, and its records would count for no one.
   * Tested on the bytes before parsing, so it is not reported as a quoting error further down.
   */
  private async headerOf(part: FileRef): Promise<string[]> {
    // The head is read once: the separator check, the header and a parse error's message all use it.
    const head = await this.headOf(part);
    // A header line with `;` or tab separators and no comma would parse as one column (or fail on a
    // quote): said as such, with how to save the file comma-separated.
    const refused = this.separatorError(part, head);
    if (refused) throw refused;
    try {
      const plan = await this.planOf(part);
      return await readCsvHeader(this.resumed(part, head), {
        encoding: parserEncoding(plan),
        sourceName: part.display
      });
    } catch (error) {
      throw await this.readError(part, error, head);
    }
  }

  /**
   * A file's bytes as the parser gets them, its `head` (headOf) from memory: the file is opened again, and
   * read past the head, only when a header line is longer than the head (thousands of columns).
   */
  private async *resumed(part: FileRef, head: Buffer): AsyncGenerator<Buffer> {
    yield head;
    if (head.length < HEAD_BYTES) return; // the head is the whole file
    let skip = head.length;
    for await (const chunk of (await this.opened(part)).bytes) {
      const b = chunk as Buffer;
      if (skip >= b.length) skip -= b.length;
      else {
        yield skip > 0 ? b.subarray(skip) : b;
        skip = 0;
      }
    }
  }

  /** A column named twice is read from its first occurrence (every lookup finds the first): said once. */
  private warnDuplicateColumns(name: string, file: string, columns: readonly string[]): void {
    const seen = new Map<string, number>();
    columns.forEach((c, i) => {
      const key = nameKey(c);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        this.warnings.push(
          warningOf('sync.export', 'warning.DuplicateColumn', [file, c.trim(), first + 1, i + 1, name])
        );
    });
  }

  /**
   * Says, once, that a part read whole lacks columns its object's other files have, with its records. The
   * columns the measure needs on every record (KEY_COLUMNS: owner, creation and update authors and dates,
   * stage) are said apart: their records are not left out of a field, they are measured wrongly.
   */
  private sayLacking(part: FileRef, objectName: string, rows: number): void {
    const missing = this.lacking.get(part);
    if (!missing) return;
    this.lacking.delete(part);
    const isKey = (c: string): boolean => KEY_COLUMNS.some((k) => nameKey(k) === nameKey(c));
    const key = missing.filter(isKey);
    const other = missing.filter((c) => !isKey(c));
    if (key.length > 0)
      this.warnings.push(
        warningOf('sync.export', 'warning.PartLacksKeyColumns', [
          part.display,
          key.join(', '),
          objectName,
          rows,
          objectName
        ])
      );
    if (other.length > 0)
      this.warnings.push(
        warningOf('sync.export', 'warning.PartLacksColumns', [
          part.display,
          other.join(', '),
          objectName,
          rows
        ])
      );
  }

  private async recordTypes(objectName: string): Promise<RecordTypeInfo[]> {
    if (!this.has('RecordType')) return [];
    const out: RecordTypeInfo[] = [];
    for await (const batch of this.stream('RecordType')) {
      const col = (n: string): number => batch.columns.findIndex((c) => sameName(c, n));
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
    const known = new Set(describe.fields.map((f) => nameKey(f.name)));
    const unknown = fields.filter((f) => !known.has(nameKey(f)));
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
        // Keyed by nameKey (trimmed, lower case); a column named twice: the first is read.
        batch.columns.forEach((c, i) => {
          const key = nameKey(c);
          if (!row.has(key)) row.set(key, batch.value(r, i));
        });
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
    await this.checkExportsAlike();
    return this.dayOf([...this.files.values()].flat());
  }

  /** takenAt's evidence, from the files `within` (every file, or one export's). */
  private async dayOf(within: readonly FileRef[]): Promise<ExportDay | undefined> {
    let zip: ExportDay | undefined;
    for (const part of within)
      if (part.zipDay && (!zip || part.zipDay > zip.day))
        zip = {
          day: part.zipDay,
          evidence: messageOf('sync.export', 'evidence.ZipEntries', [part.display.replace(/:[^:]*$/, '')])
        };
    const partsOf = (key: string): FileRef[] => (this.files.get(key) ?? []).filter((p) => within.includes(p));
    const users = await this.latestStamp('User', USER_STAMPS, partsOf('user'));
    let data = users.latest;
    // A User.csv date that cannot be read (a LastLoginDate saved again by Excel) may be the latest, so what
    // is left (an older login, User.CreatedDate years early) must not date the export alone: the record
    // files are read as when User.csv has no date, and the latest of both wins.
    if (!data || users.partial)
      for (const key of [...this.files.keys()].sort()) {
        if (key === 'user') continue;
        const found = (await this.latestStamp(key, RECORD_STAMPS, partsOf(key))).latest;
        if (found && (!data || found.day > data.day)) data = found;
      }
    return chooseExportDay(zip, data);
  }

  /** Whether files of the object hold a record Id in common (checkExportsAlike): then each is counted once. */
  private async sharesIds(key: string): Promise<boolean> {
    await this.checkExportsAlike();
    return this.sharedIdObjects.has(key);
  }

  /**
   * One rule for every layout (a folder, zips, zips in a folder, several --from-export paths, copy-named
   * files): two parts of one Data Export never share a record Id, and an export holds User.csv once. So two
   * files of one object that share an Id (any idKey form), or two User.csv files, hold either the same
   * records (one file downloaded or saved twice, sameRecords: read on, each record counted once by the
   * duplicate-Id rule, engine/row-rules.ts, warning.FoundTwice) or two different exports: the run stops
   * (SeveralExports, naming both files with their export's day) rather than merge them, where a record in
   * both would count once with the values of whichever file is read first (swapping two paths would change
   * a figure), or guess which to keep (two exports of one day cannot be ordered). Files sharing no Id are
   * parts of one export. Checked once, before anything is measured; objects with one file are not read.
   * The Ids read here also spare the measurement its per-row duplicate check where no file shares one
   * (sharesIds, ObjectDescribe.sharedIds): a Data Export split in part zips costs one extra Id pass.
   */
  private async checkExportsAlike(): Promise<void> {
    if (this.exportsChecked) return;
    this.exportsChecked = true;
    for (const [key, all] of this.files) {
      const parts = all.filter((p) => p.size > 0);
      const name = this.names.get(key) ?? key;
      if (parts.length > 1) {
        const ids = new IdFingerprints();
        const read: FileRef[] = [];
        for (const part of parts) {
          const shared = key === 'user' ? undefined : await this.sharedId(part, ids);
          // Two User.csv that are not refused below hold the same users (an export holds it once).
          if (shared !== undefined || (key === 'user' && read.length > 0)) this.sharedIdObjects.add(key);
          const other =
            key === 'user' ? read[0] : shared === undefined ? undefined : await this.holderOf(shared, read);
          if (other && !(await this.sameRecords(other, part)))
            throw await this.severalExports(name, other, part);
          read.push(part);
        }
      }
      for (const copy of all.filter((p) => p.copyName))
        this.warnings.push(warningOf('sync.export', 'warning.CopyName', [copy.display, name]));
    }
  }

  /**
   * SeveralExports for two files of `objectName` from different exports, each named with the day of its
   * export (dayOf, the one export-day rule, over its side: the files of its folder or zip; when both are in
   * one folder, those named as it is, copy-named or not, so "User (1).csv" dates "Opportunity (1).csv").
   * Actions: files of two folders or zips, pass one of them; two files of one folder, keep one of them.
   */
  private async severalExports(objectName: string, a: FileRef, b: FileRef): Promise<Error> {
    const oneFolder = a.container === b.container;
    const sideOf = (p: FileRef): FileRef[] =>
      [...this.files.values()]
        .flat()
        .filter((f) => f.container === p.container && (!oneFolder || !f.copyName === !p.copyName));
    // Older first, then by name: the same message whichever order the paths were given in.
    const sides: { part: FileRef; day: string }[] = [];
    for (const part of [a, b])
      sides.push({ part, day: (await this.dayOf(sideOf(part)))?.day ?? 'an unknown day' });
    sides.sort((x, y) => x.day.localeCompare(y.day) || x.part.display.localeCompare(y.part.display));
    const [first, second] = sides.map((s) => s.part) as [FileRef, FileRef];
    const tokens = [...sides.map((s) => `${s.day} (${s.part.display})`), `${objectName}.csv`];
    return oneFolder
      ? syncInputError(
          'sync.export',
          'SeveralExports',
          tokens,
          [],
          messageListOf('sync.export', 'error.SeveralExports.copyActions', [first.display, second.display])
        )
      : syncInputError('sync.export', 'SeveralExports', tokens, [
          `${first.container} or ${second.container}`
        ]);
  }

  /**
   * The first record Id of a file that `earlier` (the Ids of the object's files read before it) holds, else
   * undefined; then adds the file's Ids to `earlier`. An Id repeated inside the file itself is no Id shared
   * with another file (a part with a row written twice is still a part). A file without an Id column adds
   * none.
   */
  private async sharedId(part: FileRef, earlier: IdFingerprints): Promise<string | undefined> {
    let shared: string | undefined;
    const mine = new IdFingerprints();
    for await (const batch of this.rowsOf(part)) {
      const id = findColumn(batch.columns, 'Id');
      if (id < 0) return undefined;
      const raw = batch.raw?.() ?? null;
      for (let r = 0; r < batch.length; r++) {
        if (batch.isEmpty(r, id)) continue;
        if (shared === undefined && earlier.hasCell(batch, r, id, raw)) shared = batch.value(r, id);
        mine.addCell(batch, r, id, raw);
      }
    }
    earlier.addAll(mine);
    return shared;
  }

  /** The first of `files` holding the record Id `id` (idKey forms); the first file when none does. */
  private async holderOf(id: string, files: readonly FileRef[]): Promise<FileRef | undefined> {
    const wanted = idKey(id);
    for (const file of files)
      for await (const batch of this.rowsOf(file)) {
        const c = findColumn(batch.columns, 'Id');
        for (let r = 0; c >= 0 && r < batch.length; r++) if (idKey(batch.value(r, c)) === wanted) return file;
      }
    return files[0];
  }

  /**
   * Whether two files hold the same records as the reader reads them: the same bytes, or the same columns
   * (nameKey) and rows (Id-shaped cells by idKey, CRLF in a cell as LF), so a copy re-saved with CRLF for LF
   * line endings, a UTF-8 byte order mark, other quoting, Ids in another form, or its rows or columns in
   * another order is still a copy (recordsDigest).
   */
  private async sameRecords(a: FileRef, b: FileRef): Promise<boolean> {
    if (a.size === b.size && (await digestOf(a)) === (await digestOf(b))) return true;
    return (await this.recordsDigest(a)) === (await this.recordsDigest(b));
  }

  /** SHA-256 of a file's columns and records as the reader reads them (sameRecords). */
  private async recordsDigest(part: FileRef): Promise<string> {
    // Order-free: columns by name (each row's cells with them), records as a multiset (a sum of their
    // hashes), so a copy sorted otherwise or with its columns moved by a spreadsheet is the same records.
    let columns = '';
    let order: number[] = [];
    let count = 0;
    let sumHigh = 0;
    let sumLow = 0;
    for await (const batch of this.rowsOf(part)) {
      if (columns === '') {
        const keys = batch.columns.map(nameKey);
        order = keys
          .map((key, c) => ({ key, c }))
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          .map(({ c }) => c);
        columns = order.map((c) => keys[c]).join('\u0001');
      }
      for (let r = 0; r < batch.length; r++) {
        const cells = order.map((c) => {
          const value = batch.value(r, c);
          // A line break inside a quoted cell converted with the others (unix2dos, git's autocrlf).
          return ID_SHAPE.test(value)
            ? idKey(value)
            : value.includes('\r\n')
              ? value.replace(/\r\n/g, '\n')
              : value;
        });
        const digest = createHash('sha1').update(cells.join('\u0001')).digest();
        sumHigh = (sumHigh + digest.readUInt32BE(0)) >>> 0;
        sumLow = (sumLow + digest.readUInt32BE(4)) >>> 0;
        count++;
      }
    }
    return `${columns}\u0002${count}:${sumHigh}:${sumLow}`;
  }

  /**
   * The latest day in `stamps` columns of an object's files, naming the column and file (undefined when
   * none), and whether a stamp column holds a date it cannot read (`partial`: the latest may be among them,
   * so dayOf reads the record files too). Dates it cannot read (not ISO 8601) are counted per column in
   * warning.UnreadableStampDates, which names the files as every file warning does (their full paths).
   */
  private async latestStamp(
    objectName: string,
    stamps: readonly string[],
    parts: readonly FileRef[]
  ): Promise<{ latest: ExportDay | undefined; partial: boolean }> {
    if (parts.length === 0) return { latest: undefined, partial: false };
    let latest = Number.NaN;
    let column = '';
    const dates = new DateReader();
    const readable = new Set<string>();
    for await (const batch of this.streamParts(parts, objectName)) {
      const columns = batch.columns.flatMap((c, i) => (stamps.includes(nameKey(c)) ? [i] : []));
      for (let r = 0; r < batch.length; r++) {
        for (const c of columns) {
          const name = batch.columns[c]?.trim() ?? '';
          const day = dates.day(batch.value(r, c), name);
          if (day === day) readable.add(name);
          if (day > latest || (Number.isNaN(latest) && !Number.isNaN(day))) {
            latest = day;
            column = batch.columns[c] ?? '';
          }
        }
      }
    }
    const file = `${this.names.get(objectName.toLowerCase()) ?? objectName}.csv`;
    const unreadable = dates.take();
    // Dates not in ISO 8601 (a file Excel saved again) are not guessed: said, not skipped silently.
    const files = parts.map((p) => p.display).join(', ');
    for (const u of unreadable)
      this.warnings.push(
        warningOf('sync.export', 'warning.UnreadableStampDates', [files, u.column, u.count, u.example])
      );
    const partial = unreadable.length > 0;
    if (Number.isNaN(latest)) return { latest: undefined, partial };
    return {
      latest: {
        day: isoDay(latest),
        evidence: messageOf('sync.export', 'evidence.LatestStamp', [column, file])
      },
      partial
    };
  }

  async readUsers(teamField: string): Promise<UserRecord[]> {
    if (!this.has('User')) {
      throw syncInputError('sync.export', 'NoUserCsv', [this.description]);
    }
    const userColumns = (await this.describe('User'))?.fields.map((f) => nameKey(f.name)) ?? [];
    if (!userColumns.includes('id')) {
      throw syncInputError('sync.export', 'NoUserId', [this.description, userColumns.join(', ') || 'none']);
    }
    const users = await this.readSmall('User');
    if (users.length === 0) {
      // No user, nobody to measure: every record would land in "(no team)".
      throw syncInputError('sync.export', 'NoUsers', [this.userFile()]);
    }
    this.warnUserColumns(userColumns, users);
    this.warnUserDates(users);
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
        profileApiOnly.set(id, readCheckbox(p.get('permissionsapiuseronly') ?? ''));
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
      // Without the column (warned above) or with a value read as neither: active, as before.
      isActive: readCheckbox(u.get('isactive') ?? '') !== false,
      userType: (u.get('usertype') ?? '').trim() || 'Standard',
      profileName: profiles.get(ref(u, 'profileid')) ?? u.get('profile.name') ?? '',
      licenseKey: profileLicense.get(ref(u, 'profileid')) ?? '',
      apiOnly: profileApiOnly.get(ref(u, 'profileid')) ?? null,
      roleName: roles.get(ref(u, 'userroleid'))?.get('name') ?? '',
      team: resolveTeam(u),
      lastLoginDate: u.get('lastlogindate') || null,
      managerId: u.get('managerid') ? ref(u, 'managerid') : null,
      createdDate: u.get('createddate') || null
    }));
  }

  /** User.csv's display name, for messages. */
  private userFile(): string {
    return this.files.get('user')?.[0]?.display ?? 'User.csv';
  }

  /**
   * The User columns the measure depends on: without IsActive every user is taken as active, without
   * UserType as a standard user (an Automated Process or integration user measured as a rep): said loudly.
   * IsActive values read as neither true nor false are counted and named.
   */
  private warnUserColumns(columns: readonly string[], users: readonly Map<string, string>[]): void {
    const file = this.userFile();
    if (!columns.includes('isactive'))
      this.warnings.push(warningOf('sync.export', 'warning.NoUserIsActive', [file, users.length]));
    if (!columns.includes('usertype'))
      this.warnings.push(warningOf('sync.export', 'warning.NoUserType', [file, users.length]));
    const unread = users
      .map((u) => u.get('isactive') ?? '')
      .filter((v) => v !== '' && readCheckbox(v) === null);
    if (unread.length > 0)
      this.warnings.push(
        warningOf('sync.export', 'warning.UnreadableCheckbox', [
          file,
          'IsActive',
          unread.length,
          [...new Set(unread)].slice(0, 3).join(', '),
          'true'
        ])
      );
  }

  /**
   * User dates that cannot be read (not ISO 8601: a User.csv saved again by Excel), each said with what it
   * costs: an unreadable LastLoginDate is no login (engine/stages/users.ts loginRecency: no credit for
   * logging in), an unreadable CreatedDate keeps the user in the period (populationOfPeriod leaves out only
   * users known to be created after it). Tokens: [file, users, first such value].
   */
  private warnUserDates(users: readonly Map<string, string>[]): void {
    const costs = [
      ['lastlogindate', 'warning.UnreadableLastLogin'],
      ['createddate', 'warning.UnreadableUserCreated']
    ] as const;
    for (const [column, code] of costs) {
      const unread = users
        .map((u) => u.get(column) ?? '')
        .filter((v) => v.trim() !== '' && Number.isNaN(dayNumber(v)));
      if (unread.length > 0)
        this.warnings.push(warningOf('sync.export', code, [this.userFile(), unread.length, unread[0] ?? '']));
    }
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
        warningOf('sync.export', 'warning.TeamFieldFile', [teamField, needs, this.description, needs])
      );
    }
    if (!this.has('Profile')) {
      this.warnings.push(warningOf('sync.export', 'warning.NoProfile', [this.description]));
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
  // A copy of a copy or of a part ("Opportunity_2 (1)") is still the object's: remove every suffix.
  return m?.[1] ? copyBase(m[1]) : stem;
}

/** The encoding the parser reads a file's bytes in: UTF-8 once transcoded, else the plan's own. */
function parserEncoding(plan: EncodingPlan): string {
  return plan.transcode ? 'utf-8' : plan.encoding;
}

/** User.csv's columns that date an export, and the other files' (takenAt). */
const USER_STAMPS = ['lastlogindate', 'systemmodstamp', 'lastmodifieddate', 'createddate'];
const RECORD_STAMPS = ['createddate', 'lastmodifieddate', 'systemmodstamp'];

/** A cell that may be a record Id (15 or 18 letters and digits, spaces around): compared by idKey. */
const ID_SHAPE = /^\s*[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\s*$/;

/** SHA-256 of a file's bytes (as stored: a zip entry inflated), to tell a re-downloaded copy. */
async function digestOf(part: FileRef): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of part.open()) hash.update(chunk as Buffer);
  return `${part.size}:${hash.digest('hex')}`;
}

/**
 * The separator of a CSV header line that is not comma-separated: ';' or '\t' when the first line (a byte
 * order mark skipped) has one of them outside quotes and no comma; undefined otherwise (a comma header, or
 * a one-column one).
 */
export function headerSeparator(head: string): ';' | '\t' | undefined {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  let quoted = false;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[','] > 0) return undefined;
  if (counts[';'] === 0 && counts['\t'] === 0) return undefined;
  return counts[';'] >= counts['\t'] ? ';' : '\t';
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
