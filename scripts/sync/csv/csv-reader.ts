/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and fixed-size-array indexes bounded by construction in hot loops (noUncheckedIndexedAccess); checks would cost per cell. */
// Streaming CSV reader shared by every record source (Data Export files and Bulk API 2.0 result pages).
//
// RFC 4180: comma separator, fields optionally quoted with ", "" inside quotes is one ", quoted fields may
// hold CR and LF, records end with CRLF or LF (or a lone CR), an optional UTF-8 byte-order mark is skipped,
// blank lines are skipped. Parsing works on bytes: the structural characters (" , CR LF) are single
// ASCII bytes in every encoding we accept (UTF-8, Latin-1/windows-1252 and the other ASCII-compatible
// WHATWG encodings), so a cell is only decoded to a string when somebody asks for its value. Checking
// whether a cell is empty costs no allocation, which is what most of the measurement needs.
//
// Memory stays flat: one input chunk (plus the carried-over partial record) and the offsets of its rows.

import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { syncInputError } from '../errors';
import { messageOf } from '../messages';
import type { RowDigest } from '../engine/row-digest';

/** A batch of CSV records. Rows are indexed 0..length-1, columns as in `columns` (the header). */
export interface RowBatch {
  /** The header, shared by every batch of one file or result page. */
  readonly columns: readonly string[];
  /** Number of rows in this batch. */
  readonly length: number;
  /** True when the cell is empty ("" quoted or nothing); a missing trailing cell is empty too. */
  isEmpty(row: number, column: number): boolean;
  /** The decoded value of a cell; "" when empty. */
  value(row: number, column: number): string;
  /** True when the cell's text equals `ascii` (case-insensitive, ASCII only); no decoding. */
  equalsAscii(row: number, column: number, ascii: string): boolean;
  /** The whole row decoded (allocates: prefer isEmpty/value in hot loops). */
  row(row: number): string[];
  /** The undecoded cells, when the batch was parsed from bytes (hot loops read them directly). */
  raw?(): RawCells;
  /**
   * The rows' digest (engine/row-digest.ts), when the thread that parsed them computed it (the parallel
   * reader's workers); the measurement computes it otherwise.
   */
  digest?(): RowDigest | undefined;
}

/**
 * Cell c of row r spans buf[s .. ends[r*width+c]) with s = starts[r*width+c] (inside the quotes); a negative
 * start is ~s and marks a quoted cell holding "" escapes. Equal raw bytes ⇔ equal values (one encoding).
 */
export interface RawCells {
  readonly buf: Buffer;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly width: number;
}

/** Where cell i of RawCells starts (a quoted cell holding "" escapes has its start stored as ~start). */
export function cellStart(starts: Int32Array, i: number): number {
  const s = starts[i]!;
  return s < 0 ? ~s : s;
}

export interface CsvReaderOptions {
  /** A WHATWG encoding label: utf-8 (default), latin1, windows-1252, iso-8859-15… ASCII-compatible only. */
  encoding?: string;
  /** Where the bytes come from, used in error messages (a file name, "Opportunity result page 3"). */
  sourceName?: string;
  /** Called once per input chunk with the bytes consumed so far (progress bars). */
  onBytes?: (bytesRead: number) => void;
  /**
   * The header, when the bytes start after it (a byte range of a file split at record boundaries for
   * parallel reading): every record read is then data.
   */
  header?: readonly string[];
  /** Longest record accepted, in bytes (default MAX_RECORD_BYTES): a longer one is a CsvFormatError. */
  maxRecordBytes?: number;
  /**
   * Where the cell offset arrays come from (default: new arrays): the parallel reader's workers reuse
   * the arrays the reading thread hands back. Their contents need not be zero.
   */
  cellArrays?: (length: number) => Int32Array;
}

/**
 * Default cap on one record's bytes: 32 MiB. A Salesforce long text area holds at most 131,072
 * characters (up to 4 bytes each in UTF-8, doubled quotes at worst twice that), so a real record of a
 * wide object stays far below; a larger one is a damaged file or a zip bomb, and is refused before it
 * fills the memory.
 */
export const MAX_RECORD_BYTES = 32 << 20;

/**
 * The one record-size rule of every reader (one thread or byte ranges): a record longer than
 * `maxRecordBytes` bytes, from its first byte through its line ending, is refused at its first line. The
 * parse loop checks each record it completes; a record still unfinished past the cap is refused before
 * more of it is read (CsvParser's carried bytes, csv-ranges.ts, the header read of parallel-reader.ts).
 * The text names the cap only, never the bytes read so far, which depend on how the file was split.
 */
export function recordTooLong(maxRecordBytes: number, sourceName: string, line: number): CsvFormatError {
  const cap = maxRecordBytes % (1 << 20) === 0 ? `${maxRecordBytes >> 20} MiB` : `${maxRecordBytes} bytes`;
  return new CsvFormatError(
    messageOf('sync.export', 'csv.RecordTooLong', [cap]),
    sourceName,
    line,
    'csv.RecordTooLong'
  );
}

/**
 * Where a record that spans chunks ends, found by scanning each new chunk once (never the record again
 * from its start): the state at the end of the bytes seen so far, and the index just past the record's
 * line ending in the last chunk scanned (-1 while it is not there yet).
 */
const enum Scan {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the closing one, or the first half of "". */
  QuoteInQuoted,
  Ended
}

function scanForRecordEnd(buf: Buffer, state: Scan, from = 0): { end: number; state: Scan } {
  let s = state;
  if (s === Scan.Ended) return { end: from, state: s };
  for (let i = from; i < buf.length; i++) {
    if (s === Scan.Quoted) {
      const q = buf.indexOf(QUOTE, i);
      if (q < 0) return { end: -1, state: s };
      i = q;
      s = Scan.QuoteInQuoted;
      continue;
    }
    const b = buf[i];
    if (s === Scan.QuoteInQuoted && b === QUOTE) {
      s = Scan.Quoted;
      continue;
    }
    if (s === Scan.FieldStart && b === QUOTE) {
      s = Scan.Quoted;
      continue;
    }
    if (b === LF || b === CR) return { end: i + 1, state: Scan.Ended };
    s = b === COMMA ? Scan.FieldStart : Scan.Unquoted;
  }
  return { end: -1, state: s };
}

/** A malformed CSV input: says where, and what to do. */
export class CsvFormatError extends Error {
  constructor(
    /** What is wrong, without the place (the message adds the source and line). */
    readonly reason: string,
    readonly sourceName: string,
    readonly line: number,
    /** The message's key in messages/sync.export.md (csv.Unclosed…): what kind of error it is. */
    readonly code?: string
  ) {
    super(`${sourceName}, line ${line}: ${reason}`);
    this.name = 'CsvFormatError';
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Encodings in which ", comma, CR and LF are the single bytes of ASCII. UTF-16/32 are not. */
export function checkEncoding(label: string): string {
  let name: string;
  try {
    name = new TextDecoder(label).encoding;
  } catch {
    throw syncInputError('sync.export', 'UnknownEncoding', [label]);
  }
  if (name.startsWith('utf-16') || name === 'utf-32') {
    throw syncInputError('sync.export', 'Utf16NotSupported', [label]);
  }
  return name;
}

type CellDecoder = (buf: Buffer, start: number, end: number) => string;

function makeDecoder(encoding: string): CellDecoder {
  if (encoding === 'utf-8') return (buf, start, end) => buf.toString('utf8', start, end);
  const decoder = new TextDecoder(encoding);
  return (buf, start, end) => decoder.decode(buf.subarray(start, end));
}

/**
 * A batch over cells parsed elsewhere (a worker thread parsing a byte range of a file: csv-ranges.ts);
 * `encoding` decodes values as the reader of the same file would.
 */
export function rowBatchFromRaw(
  columns: readonly string[],
  length: number,
  raw: RawCells,
  encoding = 'utf-8',
  digest?: RowDigest
): RowBatch {
  return new ByteRowBatch(
    columns,
    length,
    raw.buf,
    raw.starts,
    raw.ends,
    makeDecoder(checkEncoding(encoding)),
    digest
  );
}

/** What CsvParser.parseRange read: the batch, where its last record ends, and the line breaks consumed. */
export interface RangeParse {
  batch: RowBatch | null;
  /** Index in the buffer just past the last record parsed (a record boundary). */
  end: number;
  /** Line breaks consumed (inside quoted fields too), for line numbers in messages. */
  lines: number;
  /**
   * False when the buffer ended inside a record that starts before the limit (or could not tell): read
   * further and parse again.
   */
  complete: boolean;
}

/**
 * Rows of one chunk. Cell c of row r spans buf[starts[r*width+c] .. ends[r*width+c]) (inside the quotes);
 * a negative start marks a quoted cell holding "" escapes that must be unescaped when decoded.
 */
class ByteRowBatch implements RowBatch {
  constructor(
    readonly columns: readonly string[],
    readonly length: number,
    private readonly buf: Buffer,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly decode: CellDecoder,
    private readonly rowDigest?: RowDigest
  ) {}

  digest(): RowDigest | undefined {
    return this.rowDigest;
  }

  raw(): RawCells {
    return { buf: this.buf, starts: this.starts, ends: this.ends, width: this.columns.length };
  }

  isEmpty(row: number, column: number): boolean {
    const i = row * this.columns.length + column;
    const start = this.starts[i]!;
    return (start < 0 ? -start - 1 : start) === this.ends[i]!;
  }

  value(row: number, column: number): string {
    const i = row * this.columns.length + column;
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    if (start >= 0) return start === end ? '' : this.decode(this.buf, start, end);
    return this.decode(this.buf, -start - 1, end).replace(/""/g, '"');
  }

  equalsAscii(row: number, column: number, ascii: string): boolean {
    const i = row * this.columns.length + column;
    let start = this.starts[i]!;
    if (start < 0) return this.value(row, column).toLowerCase() === ascii.toLowerCase();
    const end = this.ends[i]!;
    if (end - start !== ascii.length) return false;
    const buf = this.buf;
    for (let k = 0; k < ascii.length; k++, start++) {
      if ((buf[start]! | 0x20) !== (ascii.charCodeAt(k) | 0x20)) return false;
    }
    return true;
  }

  row(row: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.columns.length; c++) out.push(this.value(row, c));
    return out;
  }
}

/** A batch over rows already decoded, for sources that build records themselves (REST results, tests). */
export class ArrayRowBatch implements RowBatch {
  constructor(
    readonly columns: readonly string[],
    private readonly rows: readonly (readonly string[])[]
  ) {}
  get length(): number {
    return this.rows.length;
  }
  isEmpty(row: number, column: number): boolean {
    const v = this.rows[row]?.[column];
    return v === undefined || v === '';
  }
  value(row: number, column: number): string {
    return this.rows[row]?.[column] ?? '';
  }
  equalsAscii(row: number, column: number, ascii: string): boolean {
    return this.value(row, column).toLowerCase() === ascii.toLowerCase();
  }
  row(row: number): string[] {
    return this.columns.map((_, c) => this.value(row, c));
  }
}

/**
 * The push parser under readCsv: feed chunks with push(), then end(). Each call returns the batch of the
 * records completed by that chunk (or null). The first record is the header.
 */
export class CsvParser {
  private header: string[] | null = null;
  private carry: Buffer | null = null;
  private line = 1; // line number of the first byte of `carry` / next chunk
  /** Where the last parse stopped in its buffer. */
  private lastEnd = 0;
  private first = true;
  private rowsSeen = 0;
  private rowBytesSeen = 0;
  /** Chunks of a record longer than a chunk, joined once when its end arrives (linear, not quadratic). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private scan: Scan = Scan.FieldStart;
  /**
   * Bytes parsed, scanned or copied so far, wherever this parser looks at a byte again (a record carried
   * across chunks). What the reader's linearity is judged by: a record of n bytes costs a few n, never n²
   * (csv-reader.test.ts, "in linear time"), counted rather than timed.
   */
  bytesExamined = 0;
  private readonly maxRecordBytes: number;
  private readonly cells: (length: number) => Int32Array;
  private readonly decode: CellDecoder;
  private readonly encoding: string;
  readonly sourceName: string;

  constructor(options: CsvReaderOptions = {}) {
    this.encoding = checkEncoding(options.encoding ?? 'utf-8');
    this.decode = makeDecoder(this.encoding);
    this.sourceName = options.sourceName ?? 'CSV input';
    this.maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
    this.cells = options.cellArrays ?? ((length) => new Int32Array(length));
    if (options.header) {
      this.header = [...options.header];
      this.first = false;
    }
  }

  /** Rows for `bytes` bytes: from the mean record size seen so far (+10 %), else ≥ 2 bytes a cell. */
  private capacityFor(bytes: number, width: number): number {
    const perRow = this.rowsSeen > 0 ? this.rowBytesSeen / this.rowsSeen : Math.max(8, width * 2);
    return Math.max(16, Math.ceil((1.1 * bytes) / Math.max(1, perRow)));
  }

  /** The header once read, else null. */
  get columns(): readonly string[] | null {
    return this.header;
  }

  /** Like pushBatches, merged into one batch (or null): for readers of a few records (the header). */
  push(chunk: Uint8Array): RowBatch | null {
    const batches = this.pushBatches(chunk);
    if (batches.length <= 1) return batches[0] ?? null;
    const columns = batches[0]?.columns ?? [];
    return new ArrayRowBatch(
      columns,
      batches.flatMap((b) => Array.from({ length: b.length }, (_, r) => b.row(r)))
    );
  }

  /**
   * Like push, without copying the chunk: only the record carried over from the previous chunk is joined
   * with the start of this one, then parsing goes on inside the chunk. Returns 0, 1 or 2 batches.
   */
  pushBatches(chunk: Uint8Array): RowBatch[] {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: RowBatch[] = [];
    if (!this.carry) {
      const b = this.parse(buf, false);
      if (b) out.push(b);
      this.rememberCarry();
      return out;
    }
    // A record is carried over: scan only the new bytes for its end.
    this.bytesExamined += buf.length;
    const found = scanForRecordEnd(buf, this.scan);
    if (found.end < 0) {
      this.scan = found.state;
      this.pending.push(buf);
      this.pendingBytes += buf.length;
      this.checkRecordSize();
      return out;
    }
    const carry = this.pending.length > 0 ? this.concat([this.carry, ...this.pending]) : this.carry;
    this.carry = null;
    this.pending = [];
    this.pendingBytes = 0;
    const prefix = Math.min(buf.length, Math.max(1 << 16, found.end + 1));
    const joined = this.concat([carry, buf.subarray(0, prefix)]);
    const first = this.parse(joined, false);
    if (first) out.push(first);
    if (prefix === buf.length) {
      this.rememberCarry();
      return out;
    }
    const left = this.carry as Buffer | null;
    this.carry = null;
    let next: RowBatch | null;
    if (!left) next = this.parse(buf, false, prefix);
    else if (joined.length - left.length >= carry.length) next = this.parse(buf, false, prefix - left.length);
    else next = this.parse(this.concat([left, buf.subarray(prefix)]), false); // a record longer than the prefix
    if (next) out.push(next);
    this.rememberCarry();
    return out;
  }

  /** After a parse: where the carried partial record stands (scanned once), and its size against the cap. */
  private rememberCarry(): void {
    if (this.carry) this.bytesExamined += this.carry.length;
    this.scan = this.carry ? scanForRecordEnd(this.carry, Scan.FieldStart).state : Scan.FieldStart;
    this.checkRecordSize();
  }

  /** Buffer.concat, counted in bytesExamined. */
  private concat(list: Buffer[]): Buffer {
    const joined = Buffer.concat(list);
    this.bytesExamined += joined.length;
    return joined;
  }

  private checkRecordSize(): void {
    const bytes = (this.carry?.length ?? 0) + this.pendingBytes;
    if (bytes > this.maxRecordBytes) throw recordTooLong(this.maxRecordBytes, this.sourceName, this.line);
  }

  /**
   * Parses the records of `buf` that start before `limit` (records start at 0: a byte range of a file
   * split at a record boundary for parallel reading); the last one may run past the limit. Without a
   * header yet, parses the header only (limit 0) and `end` is where the data starts. Independent of any
   * earlier push: nothing is carried over. `final`: the buffer ends where the file ends.
   */
  parseRange(buf: Buffer, limit: number, final: boolean): RangeParse {
    this.carry = null;
    this.pending = [];
    this.pendingBytes = 0;
    const startLine = this.line;
    const batch = this.parse(buf, final, 0, limit);
    this.carry = null;
    const end = this.lastEnd;
    const lines = this.line - startLine;
    this.line = startLine;
    return { batch, end, lines, complete: final || (end >= limit && this.header !== null) };
  }

  end(): RowBatch | null {
    const buf =
      this.carry && this.pending.length > 0 ? Buffer.concat([this.carry, ...this.pending]) : this.carry;
    this.carry = null;
    this.pending = [];
    this.pendingBytes = 0;
    const batch = buf && buf.length > 0 ? this.parse(buf, true) : null;
    if (this.header === null)
      throw new CsvFormatError(messageOf('sync.export', 'csv.Empty'), this.sourceName, 1, 'csv.Empty');
    return batch;
  }

  private parse(buf: Buffer, final: boolean, from = 0, limit = Number.POSITIVE_INFINITY): RowBatch | null {
    let pos = from;
    const len = buf.length;
    this.bytesExamined += len - from;
    if (this.first) {
      if (len < 3 && !final) {
        this.carry = buf;
        return null;
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf && this.encoding === 'utf-8') pos = 3;
      this.first = false;
    }

    // Width: until the header is known, parse one record to learn it.
    let width = this.header ? this.header.length : 64;
    // Sized for the records starting before `limit` (a probe of one record must not size for the buffer).
    let capacity = this.header ? this.capacityFor(Math.min(len, limit) - pos, width) : 1;
    let starts = this.cells(capacity * width);
    let ends = this.cells(capacity * width);
    let rows = 0;
    let line = this.line;
    let firstRowPos = pos;

    while (pos < len && (pos < limit || !this.header)) {
      // Parse one record starting at pos. Returns false when incomplete (needs more bytes).
      const recordStart = pos;
      const recordLine = line;
      let cell = 0;
      let p = pos;
      let complete = false;
      const base = rows * width;
      if (rows >= capacity) {
        capacity *= 2;
        const s2 = this.cells(capacity * width);
        s2.set(starts);
        starts = s2;
        const e2 = this.cells(capacity * width);
        e2.set(ends);
        ends = e2;
      }
      // Skip a blank line.
      const b0 = buf[p];
      if (b0 === LF) {
        pos = p + 1;
        line++;
        continue;
      }
      if (b0 === CR) {
        if (p + 1 < len) {
          pos = buf[p + 1] === LF ? p + 2 : p + 1;
          line++;
          continue;
        }
        if (final) {
          pos = len;
          break;
        }
        break;
      }
      for (;;) {
        // At the start of a cell.
        let start: number;
        let end: number;
        let escaped = false;
        if (p < len && buf[p] === QUOTE) {
          start = p + 1;
          let q = start;
          let newlines = 0;
          for (;;) {
            let next = q;
            let b = 0;
            while (next < len && (b = buf[next]!) !== QUOTE) {
              if (b === LF) newlines++;
              next++;
            }
            if (next >= len) {
              q = -1;
              break;
            }
            if (next + 1 < len && buf[next + 1] === QUOTE) {
              escaped = true;
              q = next + 2;
              continue;
            }
            if (next + 1 >= len && !final) {
              q = -1; // cannot tell a closing quote from the first half of "" yet
              break;
            }
            q = next;
            break;
          }
          if (q === -1) {
            if (final) {
              throw new CsvFormatError(
                messageOf('sync.export', 'csv.Unclosed'),
                this.sourceName,
                recordLine,
                'csv.Unclosed'
              );
            }
            break; // incomplete
          }
          end = q;
          line += newlines; // newlines inside the quotes, for line numbers
          p = q + 1;
          if (p < len) {
            const c = buf[p];
            if (c !== COMMA && c !== LF && c !== CR) {
              throw new CsvFormatError(
                messageOf('sync.export', 'csv.AfterQuote', [String.fromCharCode(c!), cell + 1]),
                this.sourceName,
                line,
                'csv.AfterQuote'
              );
            }
          }
        } else {
          start = p;
          while (p < len) {
            const c = buf[p]!;
            if (c === COMMA || c === LF || c === CR) break;
            if (c === QUOTE) {
              throw new CsvFormatError(
                messageOf('sync.export', 'csv.QuoteInUnquoted', [cell + 1]),
                this.sourceName,
                line,
                'csv.QuoteInUnquoted'
              );
            }
            p++;
          }
          end = p;
        }
        if (cell >= width) {
          if (this.header) {
            throw new CsvFormatError(
              messageOf('sync.export', 'csv.TooManyFields', [width]),
              this.sourceName,
              recordLine,
              'csv.TooManyFields'
            );
          }
          // Header wider than our first guess: grow.
          const grown = width * 2;
          const s2 = new Int32Array(grown);
          s2.set(starts.subarray(0, width));
          const e2 = new Int32Array(grown);
          e2.set(ends.subarray(0, width));
          starts = s2;
          ends = e2;
          width = grown;
        }
        starts[base + cell] = escaped ? -start - 1 : start;
        ends[base + cell] = end;
        cell++;
        if (p >= len) {
          if (final) {
            complete = true;
            pos = len;
          }
          break;
        }
        const c = buf[p];
        if (c === COMMA) {
          p++;
          continue;
        }
        // End of record.
        if (c === LF) {
          pos = p + 1;
          complete = true;
        } else if (p + 1 < len) {
          pos = buf[p + 1] === LF ? p + 2 : p + 1;
          complete = true;
        } else if (final) {
          pos = len;
          complete = true;
        }
        break;
      }
      if (!complete) {
        pos = recordStart;
        line = recordLine;
        break;
      }
      if (pos - recordStart > this.maxRecordBytes)
        throw recordTooLong(this.maxRecordBytes, this.sourceName, recordLine);
      line++;
      if (!this.header) {
        const header: string[] = [];
        for (let c = 0; c < cell; c++) {
          const s = starts[c]!;
          const raw = this.decode(buf, s < 0 ? -s - 1 : s, ends[c]!);
          header.push(s < 0 ? raw.replace(/""/g, '"') : raw);
        }
        this.header = header;
        width = header.length;
        capacity = this.capacityFor(Math.min(len, limit) - pos, width);
        starts = this.cells(capacity * width);
        ends = this.cells(capacity * width);
        firstRowPos = pos;
        continue;
      }
      // Missing trailing cells are empty.
      for (let c = cell; c < width; c++) {
        starts[base + c] = 0;
        ends[base + c] = 0;
      }
      rows++;
    }
    if (pos < len) this.carry = buf.subarray(pos);
    this.lastEnd = pos;
    this.line = line;
    if (rows > 0) {
      this.rowsSeen += rows;
      this.rowBytesSeen += pos - firstRowPos;
    }
    if (rows === 0 || !this.header) return null;
    return new ByteRowBatch(this.header, rows, buf, starts, ends, this.decode);
  }
}

/** Anything that yields bytes: a Node Readable, a web ReadableStream, an async iterable of chunks. */
export type ByteSource =
  AsyncIterable<Uint8Array> | Iterable<Uint8Array> | ReadableStream<Uint8Array> | NodeJS.ReadableStream;

function toAsyncIterable(source: ByteSource): AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    return Readable.fromWeb(source as import('node:stream/web').ReadableStream<Uint8Array>);
  }
  return source as AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/**
 * Reads CSV records from a byte stream as batches of rows (one batch per input chunk). The header is
 * `batch.columns`. A file with a header and no records yields no batch: use readCsvHeader or a CsvParser
 * when the header alone matters.
 */
export async function* readCsv(source: ByteSource, options: CsvReaderOptions = {}): AsyncGenerator<RowBatch> {
  const parser = new CsvParser(options);
  let bytes = 0;
  for await (const chunk of toAsyncIterable(source)) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += data.byteLength;
    options.onBytes?.(bytes);
    for (const batch of parser.pushBatches(data)) yield batch;
  }
  const last = parser.end();
  if (last) yield last;
}

/** Reads a CSV file from disk (1 MiB chunks). */
export function readCsvFile(path: string, options: CsvReaderOptions = {}): AsyncGenerator<RowBatch> {
  return readCsv(createReadStream(path, { highWaterMark: 1 << 20 }), { sourceName: path, ...options });
}

/** Reads only the header line of a CSV byte stream (stops reading after it). */
export async function readCsvHeader(source: ByteSource, options: CsvReaderOptions = {}): Promise<string[]> {
  const parser = new CsvParser(options);
  const iterable = toAsyncIterable(source);
  for await (const chunk of iterable) {
    parser.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (parser.columns) {
      const destroyable = source as { destroy?: () => void };
      destroyable.destroy?.();
      return [...parser.columns];
    }
  }
  parser.end();
  return [...(parser.columns ?? [])];
}
