// Parsing one byte range of a CSV file, split at record boundaries for parallel reading. Used by the
// worker threads (range-worker.ts) and, for a range whose guessed start proved wrong, by the reading
// thread itself (parallel-reader.ts): the same code either way.
//
// A byte range [start, limit) holds the records that start in it; its last record may run past the limit,
// so the range is read with some slack beyond it, and further when a record is longer than that. Where a
// range starts is only certain once the range before it is parsed (a line break inside a quoted field is
// not a record boundary), so a range's start is guessed (guessRecordStart) and checked afterwards against
// where the range before it ended; a wrong guess is parsed again from the right place.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CsvFormatError, CsvParser, recordTooLong } from './csv-reader';
import type { RangeParse } from './csv-reader';
import type { RowDigest } from '../engine/row-digest';

const LF = 0x0a;
const CR = 0x0d;

/** Bytes read past a range's limit at first, for its last record (doubled while a record is longer). */
const SLACK_BYTES = 1 << 16;
/** Candidate record starts tried by guessRecordStart before taking the first one. */
const MAX_CANDIDATES = 16;

/** What a range holds once parsed: its records' cells (transferable), where it starts and ends. */
export interface ParsedRange {
  /** Byte offset in the file of the range's first record (or where it stopped, when it has none). */
  start: number;
  /** Byte offset in the file just past its last record: the next range's start. */
  end: number;
  /** Line breaks the range consumed. */
  lines: number;
  rows: number;
  /** Cells: bytes buf[0..] are the file's bytes from `start`; starts/ends index into them. */
  buf: Buffer | null;
  starts: Int32Array | null;
  ends: Int32Array | null;
  /** A malformed record: the reason and its line counted from the range's first line (1). */
  error?: { reason: string; line: number; code?: string };
}

/** The buffers of a parsed range and its digest: transferred between threads, then handed back for reuse. */
export function transferables(r: ParsedRange & { digest?: Omit<RowDigest, 'spec'> }): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const d = r.digest;
  for (const a of [
    r.buf,
    r.starts,
    r.ends,
    d?.keyHash,
    d?.filled,
    d?.trackedBits,
    d?.infoKind,
    d?.infoHash,
    d?.keyIds
  ])
    if (a && !out.includes(a.buffer as ArrayBuffer)) out.push(a.buffer as ArrayBuffer);
  return out;
}

/** Where a range's byte buffer comes from: a buffer of at least `length` bytes with an ArrayBuffer of its own. */
export type TakeBytes = (length: number) => Buffer;

const newBytes: TakeBytes = (length) => Buffer.allocUnsafeSlow(length);

/** Reads len bytes at position pos of an open file into a buffer from `take` (transferable). */
function readAt(fd: number, pos: number, len: number, take: TakeBytes = newBytes): Buffer {
  const buf = take(len).subarray(0, len);
  let got = 0;
  while (got < len) {
    const n = readSync(fd, buf, got, len - got, pos + got);
    if (n === 0) break;
    got += n;
  }
  return got === len ? buf : buf.subarray(0, got);
}

/**
 * Parses the records starting in [start, limit) of the file open as fd (size bytes), with `parser`
 * (a CsvParser given the file's header). Errors in the data come back in `error`, not thrown: a range
 * parsed from a wrong guess may see errors the file does not have.
 */
export function parseRange(
  fd: number,
  size: number,
  start: number,
  limit: number,
  parser: CsvParser,
  maxRecordBytes: number,
  take: TakeBytes = newBytes
): ParsedRange {
  if (start >= limit) return { start, end: start, lines: 0, rows: 0, buf: null, starts: null, ends: null };
  let slack = SLACK_BYTES;
  for (;;) {
    const to = Math.min(size, limit + slack);
    const buf = readAt(fd, start, to - start, take);
    const final = start + buf.length >= size;
    let r: RangeParse;
    try {
      r = parser.parseRange(buf, limit - start, final);
    } catch (error) {
      if (error instanceof CsvFormatError) {
        return {
          start,
          end: start,
          lines: 0,
          rows: 0,
          buf: null,
          starts: null,
          ends: null,
          error: { reason: error.reason, line: error.line, code: error.code }
        };
      }
      throw error;
    }
    if (r.complete) {
      const raw = r.batch?.raw?.();
      return {
        start,
        end: start + r.end,
        lines: r.lines,
        rows: r.batch?.length ?? 0,
        buf: raw ? raw.buf : null,
        starts: raw ? raw.starts : null,
        ends: raw ? raw.ends : null
      };
    }
    // The last record runs past what was read: read further, unless it is already longer than the cap
    // (the readers' one record-size rule, recordTooLong).
    const recordStart = start + r.end;
    if (to - recordStart > maxRecordBytes) {
      const line = 1 + r.lines;
      return {
        start,
        end: start,
        lines: 0,
        rows: 0,
        buf: null,
        starts: null,
        ends: null,
        error: {
          reason: recordTooLong(maxRecordBytes, parser.sourceName, line).reason,
          line,
          code: 'csv.RecordTooLong'
        }
      };
    }
    slack *= 2;
  }
}

// The bytes guessRecordStart looks at are needed only during the call: one buffer, reused by every call of
// this thread (fresh pages are what a range costs most on some machines; they are touched once).
let guessBytes = Buffer.alloc(0);
const guessScratch: TakeBytes = (length) => {
  if (guessBytes.length < length) guessBytes = Buffer.allocUnsafeSlow(length);
  return guessBytes;
};

/**
 * A likely record start at or after `from` (a byte offset inside the data, after the header): the first
 * position just past a line break (LF, CRLF or a lone CR) from which one whole record parses without
 * error, trying a few; else the first position past a line break; else the file's size. A line break
 * inside a quoted field usually fails the test (the record that would follow has a stray quote), which
 * keeps wrong guesses rare; a wrong guess costs a second parse, never a wrong figure.
 */
export function guessRecordStart(fd: number, size: number, from: number, probe: () => CsvParser): number {
  let window = SLACK_BYTES;
  for (;;) {
    const at = Math.max(0, from - 1);
    const buf = readAt(fd, at, Math.min(size, from + window) - at, guessScratch);
    const atEof = at + buf.length >= size;
    const candidates: number[] = [];
    const boundary = (i: number): boolean => {
      const b = buf[i - 1];
      return b === LF || (b === CR && buf[i] !== LF && (i < buf.length || atEof));
    };
    for (let i = from - at; i <= buf.length && candidates.length < MAX_CANDIDATES; i++) {
      if (i > 0 && boundary(i)) candidates.push(i);
    }
    for (const c of candidates) {
      if (at + c >= size) return size;
      const parser = probe();
      try {
        const r = parser.parseRange(buf.subarray(c), 1, atEof);
        if (r.complete) return at + c;
      } catch {
        // Not a record start (or a malformed record): try the next candidate.
      }
    }
    if (candidates.length >= MAX_CANDIDATES || atEof) {
      const first = candidates[0];
      return first === undefined ? size : at + first;
    }
    window *= 4;
  }
}

/** A file opened for range reads, closed by close(). */
export class RangeFile {
  readonly fd: number;
  readonly size: number;
  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }
  close(): void {
    closeSync(this.fd);
  }
}
