/* eslint-disable @typescript-eslint/no-non-null-assertion -- range results indexed by construction. */
// The CSV reader for a large file on disk, on several threads: the file is cut into byte ranges (RANGE_BYTES
// each), worker threads (range-worker.ts) parse them with the single-thread reader's own parser, and the
// batches come back here in file order. Whoever reads the batches (the export source's row rules, the
// engine's per-row measurement) sees exactly the rows, in exactly the order, of readCsv on the same file:
// the figures cannot differ (test: scripts/sync/__tests__/parallel-reader.test.ts).
//
// Where a range starts is guessed by its worker (a line break inside a quoted field is not a record
// boundary, and only the range before can tell) and checked here against where the range before it ended;
// a wrong guess is parsed again, on this thread, from the right place. Memory stays flat: at most
// `threads` × AHEAD ranges are parsed ahead of the reader.
//
// SYNC_THREADS=1 (or options.threads = 1) reads on one thread; the default is os.availableParallelism(),
// at most MAX_THREADS. Small files, zip entries and other streams are read by readCsv on this thread.

import { ReadStream, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { syncInputError } from '../errors';
import { messageOf } from '../messages';
import {
  CsvFormatError,
  CsvParser,
  MAX_RECORD_BYTES,
  checkEncoding,
  readCsv,
  recordTooLong,
  rowBatchFromRaw
} from './csv-reader';
import type { ByteSource, CsvReaderOptions, RowBatch } from './csv-reader';
import { parseRange, RangeFile, transferables } from './csv-ranges';
import type { ParsedRange } from './csv-ranges';
import type { RangeFileSettings, RangeResult, RangeTask } from './range-worker';
import type { DigestSpec } from '../engine/row-digest';

/** Bytes of one range: large enough that a range costs far more than its message, small enough to pipeline. */
export const RANGE_BYTES = 2 << 20;
/** Upper bound on worker threads, whatever the machine (each holds a few ranges in memory). */
export const MAX_THREADS = 8;
/**
 * A worker's young generation (MB; V8's default grows to 48). A worker allocates little per row (its cells
 * and digests go into pooled buffers), so a small one costs a few more scavenges and saves each worker
 * tens of MB of pages (`npm run bench`: peak RSS).
 */
const WORKER_YOUNG_MB = 3;
/** Ranges each worker may have parsed ahead of the reader. */
const AHEAD = 2;

export interface ParallelReaderOptions extends CsvReaderOptions {
  /** Worker threads (1: read on this thread). Default: SYNC_THREADS, else availableParallelism(). */
  threads?: number;
  /** Bytes per range (tests use tiny ranges to put splits everywhere). Default RANGE_BYTES. */
  rangeBytes?: number;
  /** Filled as the file is read: ranges, and those parsed again because their guessed start was wrong. */
  stats?: { threads: number; ranges: number; reparsed: number };
  /**
   * What to digest per row beside the parsing (engine/row-digest.ts): the workers do it, and each batch
   * carries its digest. A range parsed again on this thread comes without one (the measurement digests it).
   */
  digest?: DigestSpec;
}

/**
 * Worker threads to read with: `requested`, else the SYNC_THREADS environment variable, else
 * os.availableParallelism(); at most MAX_THREADS. SYNC_THREADS must be a whole number ≥ 1.
 */
export function readerThreads(requested?: number, env: NodeJS.ProcessEnv = process.env): number {
  let n = requested;
  const fromEnv = env.SYNC_THREADS;
  if (n === undefined && fromEnv !== undefined && fromEnv !== '') {
    n = Number(fromEnv);
    if (!Number.isInteger(n) || n < 1) {
      throw syncInputError('sync.export', 'BadThreads', [fromEnv]);
    }
  }
  return Math.max(1, Math.min(MAX_THREADS, n ?? availableParallelism()));
}

/** A plain read stream over a whole file on disk: the only source read in ranges. */
function wholeFilePath(source: ByteSource): string | null {
  if (!(source instanceof ReadStream)) return null;
  const s = source as ReadStream & { start?: number; end?: number };
  if (typeof s.path !== 'string' || (s.start ?? 0) !== 0 || (s.end !== undefined && s.end !== Infinity))
    return null;
  return s.path;
}

/**
 * Reads CSV records like readCsv (same batches' rows, in the same order), parsing a large file on disk in
 * parallel byte ranges. Any other source, a small file or one thread: readCsv itself.
 */
export async function* readCsvParallel(
  source: ByteSource,
  options: ParallelReaderOptions = {}
): AsyncGenerator<RowBatch> {
  const path = wholeFilePath(source);
  const threads = readerThreads(options.threads);
  const rangeBytes = Math.max(1, options.rangeBytes ?? RANGE_BYTES);
  if (path === null || threads <= 1) {
    yield* readCsv(source, options);
    return;
  }
  if (statSync(path).size < 2 * rangeBytes) {
    yield* readCsv(source, options);
    return;
  }
  (source as ReadStream).destroy();
  yield* readRanges(new RangeFile(path), path, threads, rangeBytes, options);
}

/** The header, and the byte offset and line where the data starts. */
function readHeader(
  file: RangeFile,
  options: CsvReaderOptions
): { header: string[]; dataStart: number; dataLine: number } {
  const parser = new CsvParser({ ...options, header: undefined });
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  for (let len = 1 << 16; ; len *= 2) {
    const buf = Buffer.alloc(Math.min(len, file.size));
    const n = buf.length > 0 ? readFully(file, buf) : 0;
    const final = n >= file.size;
    const r = parser.parseRange(buf.subarray(0, n), 0, final);
    if (parser.columns && (r.complete || r.end > 0)) {
      return { header: [...parser.columns], dataStart: r.end, dataLine: 1 + r.lines };
    }
    if (final) {
      parser.end();
      throw new CsvFormatError(messageOf('sync.export', 'csv.Empty'), parser.sourceName, 1, 'csv.Empty');
    }
    if (len > maxRecordBytes) throw recordTooLong(maxRecordBytes, parser.sourceName, 1);
  }
}

/** Reads the first buf.length bytes of the file (fewer at its end); the count read. */
function readFully(file: RangeFile, buf: Buffer): number {
  let got = 0;
  while (got < buf.length) {
    const n = readSync(file.fd, buf, got, buf.length - got, got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** The worker entry beside this module: the .ts source under tsx/jest, the .js once compiled. */
function startWorker(): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `range-worker${ext}`);
  const execArgv =
    ext === '.ts' && !process.execArgv.some((a) => a.includes('tsx'))
      ? [...process.execArgv, '--import', 'tsx']
      : undefined;
  return new Worker(entry, { execArgv, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
}

/**
 * The worker threads, started on first use and kept for the next file (Task, Event… after Opportunity);
 * they keep the process alive only while a file is being read. Results go to their reader by its id.
 */
class RangePool {
  private workers: Worker[] = [];
  private readers = new Map<number, { result: (r: RangeResult) => void; fail: (e: unknown) => void }>();
  private nextId = 1;

  acquire(
    threads: number,
    result: (r: RangeResult) => void,
    fail: (e: unknown) => void
  ): { id: number; workers: Worker[] } {
    while (this.workers.length < threads) {
      const w = startWorker();
      w.on('message', (r: RangeResult) => {
        this.readers.get(r.reader)?.result(r);
      });
      w.on('error', (e) => {
        this.broken(e);
      });
      w.on('exit', (code) => {
        this.broken(new Error(messageOf('sync.export', 'csv.ThreadStopped', [code])));
      });
      this.workers.push(w);
    }
    const id = this.nextId++;
    this.readers.set(id, { result, fail });
    for (const w of this.workers) w.ref();
    return { id, workers: this.workers.slice(0, threads) };
  }

  release(id: number): void {
    this.readers.delete(id);
    if (this.readers.size === 0) for (const w of this.workers) w.unref();
  }

  /** A worker failed: every reader fails, and the next file starts new workers. */
  private broken(error: unknown): void {
    const workers = this.workers;
    this.workers = [];
    for (const w of workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
    const readers = [...this.readers.values()];
    this.readers.clear();
    for (const r of readers) r.fail(error);
  }
}

const pool = new RangePool();

async function* readRanges(
  file: RangeFile,
  path: string,
  threads: number,
  rangeBytes: number,
  options: ParallelReaderOptions
): AsyncGenerator<RowBatch> {
  const sourceName = options.sourceName ?? 'CSV input';
  const encoding = checkEncoding(options.encoding ?? 'utf-8');
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  let header: string[];
  let dataStart: number;
  let dataLine: number;
  try {
    ({ header, dataStart, dataLine } = readHeader(file, { ...options, sourceName }));
  } catch (error) {
    file.close();
    throw error;
  }
  const count = Math.max(1, Math.ceil((file.size - dataStart) / rangeBytes));
  const offset = (k: number): number => (k >= count ? file.size : dataStart + k * rangeBytes);
  const workerCount = Math.min(threads, count);
  if (options.stats) options.stats.threads = workerCount;
  const waiting = new Map<number, { resolve: (r: RangeResult) => void; reject: (e: Error) => void }>();
  const arrived = new Map<number, RangeResult>();
  let failure: Error | null = null;
  let outstanding = 0;
  let closing = false;
  // The file is closed once no worker may still read it (a descriptor number is reused at once).
  const finish = (): void => {
    pool.release(id);
    file.close();
  };
  const { id, workers } = pool.acquire(
    workerCount,
    (r) => {
      outstanding--;
      if (closing) {
        if (outstanding === 0) finish();
        return;
      }
      const waiter = waiting.get(r.index);
      if (waiter) {
        waiting.delete(r.index);
        waiter.resolve(r);
      } else arrived.set(r.index, r);
    },
    (error) => {
      failure ??= new Error(
        messageOf('sync.export', 'csv.ThreadFailed', [
          sourceName,
          error instanceof Error ? error.message : String(error)
        ])
      );
      for (const w of waiting.values()) w.reject(failure);
      waiting.clear();
      outstanding = 0;
      if (closing) finish();
    }
  );
  const result = (k: number): Promise<RangeResult> => {
    const r = arrived.get(k);
    if (r) {
      arrived.delete(k);
      return Promise.resolve(r);
    }
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => waiting.set(k, { resolve, reject }));
  };
  const settings: RangeFileSettings = { header, encoding, maxRecordBytes, digest: options.digest ?? null };
  // Buffers of consumed ranges, going back to the worker that made them with its next task.
  const spare: ArrayBuffer[][] = workers.map(() => []);
  let sent = 0;
  const send = (upTo: number): void => {
    for (; sent < Math.min(upTo, count) && !failure; sent++) {
      const w = sent % workerCount;
      const back = spare[w]!;
      spare[w] = [];
      const task: RangeTask = {
        reader: id,
        // Worker w's first task of this file is task w (round robin): the settings go with it only.
        file: sent < workerCount ? settings : undefined,
        fd: file.fd,
        size: file.size,
        index: sent,
        offset: offset(sent),
        limit: offset(sent + 1),
        guess: sent > 0,
        spare: back
      };
      outstanding++;
      workers[w]!.postMessage(task, back);
    }
  };
  const verifier = new CsvParser({ header, encoding, maxRecordBytes });
  let expected = dataStart;
  let line = dataLine;
  try {
    for (let k = 0; k < count; k++) {
      send(k + 1 + workerCount * AHEAD);
      const fromWorker = await result(k);
      let r: ParsedRange = fromWorker;
      if (r.start !== expected) {
        // The worker's guess was not where the range before ended: parse the range again from there.
        r = parseRange(file.fd, file.size, expected, offset(k + 1), verifier, maxRecordBytes);
        if (options.stats) options.stats.reparsed++;
      }
      if (options.stats) options.stats.ranges++;
      if (r.error)
        throw new CsvFormatError(r.error.reason, sourceName, line + r.error.line - 1, r.error.code);
      line += r.lines;
      expected = r.end;
      options.onBytes?.(r.end);
      if (r.rows > 0 && r.buf && r.starts && r.ends) {
        const buf = Buffer.from(r.buf.buffer, r.buf.byteOffset, r.buf.byteLength);
        // The worker's digest, given this thread's spec and its key table named (one per worker per file).
        const digest =
          r === fromWorker && fromWorker.digest && options.digest
            ? { ...fromWorker.digest, spec: options.digest, keySource: id * MAX_THREADS + (k % workerCount) }
            : undefined;
        yield rowBatchFromRaw(
          header,
          r.rows,
          { buf, starts: r.starts, ends: r.ends, width: header.length },
          encoding,
          digest
        );
      }
      // The batch is done with once the next one is asked for (RowBatch lifetime, csv-reader.ts).
      for (const a of transferables(fromWorker)) spare[k % workerCount]!.push(a);
    }
  } finally {
    closing = true;
    if (outstanding === 0) finish();
  }
}
