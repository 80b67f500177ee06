/* eslint-disable @typescript-eslint/no-non-null-assertion -- pool indexes bounded by the loop. */
// Worker thread of the parallel CSV reader (parallel-reader.ts): parses the byte ranges it is sent, in
// order, with the same parser as the single-thread reader, and posts each range's cells back (the buffers
// are transferred, not copied, and come back with later tasks to be reused). A range sent with `guess`
// starts at the first likely record start at or after its offset; the reading thread checks that guess
// against where the range before it ended.

import { parentPort } from 'node:worker_threads';
import { messageOf } from '../messages';
import { KeyTable } from '../engine/key-table';
import { columnsOf, compileDigest, digestRows } from '../engine/row-digest';
import type { CompiledDigest, DigestSpec, RowDigest } from '../engine/row-digest';
import { CsvParser } from './csv-reader';
import { guessRecordStart, parseRange, transferables } from './csv-ranges';
import type { ParsedRange } from './csv-ranges';

/** What every range of one file is read with: sent once per worker and file (with its first task). */
export interface RangeFileSettings {
  header: string[];
  encoding: string;
  maxRecordBytes: number;
  /** What to digest per row beside the parsing (engine/row-digest.ts), or null. */
  digest: DigestSpec | null;
}

/** One range to parse: [offset, limit) of the file, offset a record start unless `guess`. */
export interface RangeTask {
  /** The reading generator the result goes to (workers are shared by files read one after another). */
  reader: number;
  /** The file's settings, on this worker's first task of the reader (kept for its next tasks). */
  file?: RangeFileSettings;
  /** The file, opened by the reading thread (closed by it once no task of its own is left). */
  fd: number;
  size: number;
  index: number;
  offset: number;
  limit: number;
  guess: boolean;
  /** Buffers of ranges the reading thread is done with, to reuse (memory stays flat, nothing to collect). */
  spare: ArrayBuffer[];
}

export interface RangeResult extends ParsedRange {
  reader: number;
  index: number;
  /** The range's rows digested under the file's spec (without it: the reading thread holds the spec). */
  digest?: Omit<RowDigest, 'spec'>;
}

// A range's bytes and cell offsets come from the pool: allocated once, handed back by the reading thread.
const pool: ArrayBuffer[] = [];
let taken: ArrayBuffer[] = [];
function take(bytes: number): ArrayBuffer {
  let best = -1;
  for (let i = 0; i < pool.length; i++) {
    const size = pool[i]!.byteLength;
    if (size >= bytes && (best < 0 || size < pool[best]!.byteLength)) best = i;
  }
  const buffer = best >= 0 ? pool.splice(best, 1)[0]! : new ArrayBuffer(Math.ceil((bytes * 1.25) / 8) * 8);
  taken.push(buffer);
  return buffer;
}
// One parser per file (it sizes its cell arrays from the records seen so far), and the file's digest tests.
// The key table gives each distinct key an id, so the reading thread reads a key's bytes once (key-table.ts).
let parser: {
  reader: number;
  file: RangeFileSettings;
  parser: CsvParser;
  digest: CompiledDigest | null;
  keys: KeyTable | null;
} | null = null;
const digestArrays = (kind: 'int32' | 'uint8', length: number): Int32Array | Uint8Array =>
  kind === 'int32' ? new Int32Array(take(length * 4), 0, length) : new Uint8Array(take(length), 0, length);
const takeBytes = (length: number): Buffer => Buffer.from(take(length), 0, length);

parentPort?.on('message', (task: RangeTask) => {
  pool.push(...task.spare);
  taken = [];
  if (parser?.reader !== task.reader) {
    const file = task.file;
    if (!file) throw new Error(messageOf('sync.export', 'csv.NoFileSettings', [task.index]));
    const cellArrays = (length: number): Int32Array => new Int32Array(take(length * 4), 0, length);
    parser = {
      reader: task.reader,
      file,
      parser: new CsvParser({ ...parserOptions(file), cellArrays }),
      digest: file.digest ? compileDigest(file.digest) : null,
      keys: file.digest ? new KeyTable(columnsOf(file.digest.keyFields, file.header)) : null
    };
  }
  const { file } = parser;
  const start = task.guess
    ? guessRecordStart(task.fd, task.size, task.offset, () => new CsvParser(parserOptions(file)))
    : task.offset;
  const result: RangeResult = {
    reader: task.reader,
    index: task.index,
    ...parseRange(task.fd, task.size, start, task.limit, parser.parser, file.maxRecordBytes, takeBytes)
  };
  if (parser.digest && result.rows > 0 && result.buf && result.starts && result.ends) {
    const raw = { buf: result.buf, starts: result.starts, ends: result.ends, width: file.header.length };
    const d = digestRows(parser.digest, file.header, raw, result.rows, null, digestArrays);
    // Without its spec: the reading thread holds its own (no copy back per range).
    const digest: Omit<RowDigest, 'spec'> = {
      rows: d.rows,
      keyHash: d.keyHash,
      filled: d.filled,
      trackedBits: d.trackedBits,
      infoKind: d.infoKind,
      infoHash: d.infoHash
    };
    if (parser.keys) {
      const keyIds = digestArrays('int32', result.rows) as Int32Array;
      for (let r = 0; r < result.rows; r++)
        keyIds[r] = parser.keys.idOf(digest.keyHash[r]!, raw, r * raw.width);
      digest.keyIds = keyIds;
    }
    result.digest = digest;
  }
  const transfer = transferables(result);
  for (const b of taken) if (!transfer.includes(b)) pool.push(b);
  parentPort?.postMessage(result, transfer);
});

function parserOptions(file: RangeFileSettings): {
  header: string[];
  encoding: string;
  maxRecordBytes: number;
} {
  return { header: file.header, encoding: file.encoding, maxRecordBytes: file.maxRecordBytes };
}
