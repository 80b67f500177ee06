/* eslint-disable @typescript-eslint/no-non-null-assertion -- pool indexes bounded by the loop. */
// Worker thread of the parallel CSV reader (parallel-reader.ts): parses the byte ranges it is sent, in
// order, with the same parser as the single-thread reader, and posts each range's cells back (the buffers
// are transferred, not copied, and come back with later tasks to be reused). A range sent with `guess`
// starts at the first likely record start at or after its offset; the reading thread checks that guess
// against where the range before it ended.

import { parentPort } from 'node:worker_threads';
import { KeyTable } from '../engine/key-table';
import { columnsOf, compileDigest, digestRows } from '../engine/row-digest';
import type { CompiledDigest, DigestSpec, RowDigest } from '../engine/row-digest';
import { CsvParser } from './csv-reader';
import { guessRecordStart, parseRange, transferables } from './csv-ranges';
import type { ParsedRange } from './csv-ranges';

/** One range to parse: [offset, limit) of the file, offset a record start unless `guess`. */
export interface RangeTask {
  /** The reading generator the result goes to (workers are shared by files read one after another). */
  reader: number;
  /** The file, opened by the reading thread (closed by it once no task of its own is left). */
  fd: number;
  size: number;
  header: string[];
  encoding: string;
  maxRecordBytes: number;
  index: number;
  offset: number;
  limit: number;
  guess: boolean;
  /** Buffers of ranges the reading thread is done with, to reuse (memory stays flat, nothing to collect). */
  spare: ArrayBuffer[];
  /** What to digest per row beside the parsing (engine/row-digest.ts), or null. */
  digest: DigestSpec | null;
}

export interface RangeResult extends ParsedRange {
  reader: number;
  index: number;
  /** The range's rows digested under the task's spec (its `spec` is this thread's copy: replace it). */
  digest?: RowDigest;
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
  const options = { header: task.header, encoding: task.encoding, maxRecordBytes: task.maxRecordBytes };
  if (parser?.reader !== task.reader) {
    const cellArrays = (length: number): Int32Array => new Int32Array(take(length * 4), 0, length);
    parser = {
      reader: task.reader,
      parser: new CsvParser({ ...options, cellArrays }),
      digest: task.digest ? compileDigest(task.digest) : null,
      keys: task.digest ? new KeyTable(columnsOf(task.digest.keyFields, task.header)) : null
    };
  }
  const start = task.guess
    ? guessRecordStart(task.fd, task.size, task.offset, () => new CsvParser(options))
    : task.offset;
  const result: RangeResult = {
    reader: task.reader,
    index: task.index,
    ...parseRange(task.fd, task.size, start, task.limit, parser.parser, task.maxRecordBytes, takeBytes)
  };
  if (parser.digest && result.rows > 0 && result.buf && result.starts && result.ends) {
    const raw = { buf: result.buf, starts: result.starts, ends: result.ends, width: task.header.length };
    const digest = digestRows(parser.digest, task.header, raw, result.rows, null, digestArrays);
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
