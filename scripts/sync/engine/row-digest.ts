/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array indexes bounded by construction in the per-row loop (noUncheckedIndexedAccess); checks would cost per cell. */
// The per-cell work of the measurement, done once per row wherever the row was parsed: each row's key
// hash, filled bits, scoring bits and, per rule field, whether its value is informative and its hash. The
// parallel reader's worker threads compute it beside the parsing (csv/range-worker.ts), so the reading
// thread, which must see the rows in file order, only looks groups up and adds (FillCounter.add,
// InformativeCounter.add). Any other batch (one thread, a zip entry, a live result page) is digested on
// the reading thread by this same function: the figures cannot depend on where it ran.
//
// The spec is plain data (it crosses to the workers by structured clone); the tests are rebuilt from it
// by compileDigest() on each side, from the scoring kernel's definitions (FIELD_KINDS, scoringTest,
// informativeTest): one definition of filled, of scored and of informative.

import {
  FIELD_KINDS,
  informativeTest,
  nameKey,
  scoringTest
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type {
  FieldKind,
  InformativeTest,
  PlanField,
  ScoringOptions
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { cellStart } from '../csv/csv-reader';
import type { RawCells } from '../csv/csv-reader';

/** What to digest: FillCounter's fields, keys and tracked fields, InformativeCounter's rule fields. */
export interface DigestSpec {
  /** Counted fields (FillCounter.fields), matched to a batch's columns by name, any letter case. */
  readonly fields: readonly string[];
  /** Kind of each field. */
  readonly kinds: readonly FieldKind[];
  /** Columns whose values key a row's group (FillCounter.keyFields). */
  readonly keyFields: readonly string[];
  /** Field indexes whose scoring test is kept per row (FillCounter.tracked), in bit order. */
  readonly tracked: readonly number[];
  /** How tracked fields are scored (the scoring kernel's ScoringOptions). */
  readonly scoring: ScoringOptions;
  /** Rule fields whose informativeness is measured (InformativeCounter's fields). */
  readonly informative: readonly PlanField[];
}

/** Per-row results for a batch of `rows` rows; arrays may be longer than needed (reused). */
export interface RowDigest {
  /** The spec it was computed for (the reading thread's object; a worker's digest is given it back). */
  spec: DigestSpec;
  rows: number;
  /** FNV-1a hash of the key cells' bytes (cell lengths as separators), per row. */
  keyHash: Int32Array;
  /**
   * Per row, its key's id in the key table of the thread that digested it (a worker: key-table.ts), or
   * absent; `keySource` then names that table (the reading thread maps its ids to groups).
   */
  keyIds?: Int32Array;
  keySource?: number;
  /** Filled bits of the fields, fieldWords words per row: field f is bit f % 32 of word f >> 5. */
  filled: Int32Array;
  /** Scoring bits of the tracked fields, trackedWords words per row (the scoring kernel's layout). */
  trackedBits: Int32Array;
  /**
   * Per row × informative field: NOT_FILLED (empty or no such column), 0 informative, else the kind of
   * NOT_INFORMATIVE (default value, placeholder).
   */
  infoKind: Uint8Array;
  /** Per row × informative field: FNV-1a hash of an informative value's bytes (0 otherwise). */
  infoHash: Int32Array;
}

/** infoKind of a cell that is not filled, or of a field the batch has no column for. */
export const NOT_FILLED = 255;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

type BytesTest = (bytes: Uint8Array, start: number, end: number) => boolean;

/** A spec's tests, built once per side. */
export interface CompiledDigest {
  readonly spec: DigestSpec;
  readonly fieldWords: number;
  readonly trackedWords: number;
  /** Per field: null when its kind's test is the plain "not empty" one (tested inline). */
  readonly fieldTests: readonly (BytesTest | null)[];
  readonly trackedTests: readonly (BytesTest | null)[];
  readonly infoFilled: readonly (BytesTest | null)[];
  readonly infoTests: readonly InformativeTest[];
}

const plainFilled = FIELD_KINDS.other.filledBytes;
const inlineable = (t: BytesTest): BytesTest | null => (t === plainFilled ? null : t);

/** Builds a spec's tests (FIELD_KINDS, scoringTest, informativeTest of the scoring kernel). */
export function compileDigest(spec: DigestSpec): CompiledDigest {
  const kindOf = (f: number): FieldKind => spec.kinds[f] ?? 'other';
  return {
    spec,
    fieldWords: Math.max(1, Math.ceil(spec.fields.length / 32)),
    trackedWords: Math.max(1, Math.ceil(spec.tracked.length / 32)),
    fieldTests: spec.fields.map((_, f) => inlineable(FIELD_KINDS[kindOf(f)].filledBytes)),
    trackedTests: spec.tracked.map((f) => inlineable(scoringTest(kindOf(f), spec.scoring).filledBytes)),
    infoFilled: spec.informative.map((pf) => inlineable(FIELD_KINDS[pf.kind].filledBytes)),
    infoTests: spec.informative.map(informativeTest)
  };
}

/** Column of each name in a header (-1: absent), matched as Salesforce matches API names: any case. */
export function columnsOf(names: readonly string[], header: readonly string[]): Int32Array {
  const keys = header.map(nameKey);
  return Int32Array.from(names, (n) => keys.indexOf(nameKey(n)));
}

/** Where a digest's arrays come from (a worker takes them from its pool of transferred-back buffers). */
export type DigestArrays = (kind: 'int32' | 'uint8', length: number) => Int32Array | Uint8Array;

const newArrays: DigestArrays = (kind, length) =>
  kind === 'int32' ? new Int32Array(length) : new Uint8Array(length);

/** `arrays`, reusing the arrays of `reuse` (a thread's previous digest) when they are long enough. */
function reusing(reuse: RowDigest | null, arrays: DigestArrays): DigestArrays {
  if (!reuse) return arrays;
  const kept = [reuse.keyHash, reuse.filled, reuse.trackedBits, reuse.infoKind, reuse.infoHash];
  let i = 0;
  return (kind, length) => {
    const a = kept[i++];
    return a && a.length >= length ? a : arrays(kind, length);
  };
}

/**
 * Digests rows 0..rows-1 of a batch's raw cells under a compiled spec; `header` is the batch's columns.
 * Cost: one read of each counted, key and rule cell; no string is made.
 *
 * Each pass over the rows is a function of its own (hashKeys, packBits, testInformative): V8 then
 * optimizes each whole on its first hot call. One function holding every loop was optimized mid-loop
 * and thrown back to the interpreter at its first return, on every batch (`--trace-deopt`: 97 times
 * per 1M-row file), and the interpreter boxed every hash it computed.
 */
export function digestRows(
  c: CompiledDigest,
  header: readonly string[],
  raw: RawCells,
  rows: number,
  reuse: RowDigest | null = null,
  alloc: DigestArrays = newArrays
): RowDigest {
  const arrays = reusing(reuse, alloc);
  const { spec, fieldWords, trackedWords } = c;
  const fieldCols = columnsOf(spec.fields, header);
  const infoCols = columnsOf(
    spec.informative.map((f) => f.name),
    header
  );
  const digest: RowDigest = {
    spec,
    rows,
    keyHash: arrays('int32', rows) as Int32Array,
    filled: arrays('int32', rows * fieldWords) as Int32Array,
    trackedBits: arrays('int32', rows * trackedWords) as Int32Array,
    infoKind: arrays('uint8', rows * infoCols.length) as Uint8Array,
    infoHash: arrays('int32', rows * infoCols.length) as Int32Array
  };
  hashKeys(raw, rows, columnsOf(spec.keyFields, header), digest.keyHash);
  packBits(raw, rows, fieldCols, c.fieldTests, fieldWords, digest.filled);
  const trackedCols = Int32Array.from(spec.tracked, (f) => fieldCols[f]!);
  packBits(raw, rows, trackedCols, c.trackedTests, trackedWords, digest.trackedBits);
  testInformative(raw, rows, infoCols, c.infoFilled, c.infoTests, digest.infoKind, digest.infoHash);
  return digest;
}

/** out[r]: FNV-1a hash of row r's key cells' bytes, each cell's length as a separator (-1 column: skipped). */
function hashKeys(raw: RawCells, rows: number, cols: Int32Array, out: Int32Array): void {
  const { buf, starts, ends, width } = raw;
  const n = cols.length;
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    let h = FNV_OFFSET;
    for (let k = 0; k < n; k++) {
      const col = cols[k]!;
      if (col < 0) continue;
      const s = cellStart(starts, base + col);
      const e = ends[base + col]!;
      for (let p = s; p < e; p++) h = Math.imul(h ^ buf[p]!, FNV_PRIME);
      h = Math.imul(h ^ (e - s + 0x100), FNV_PRIME);
    }
    out[r] = h;
  }
}

/**
 * Bit k of row r (word k >> 5 of `words` words a row in out) is set when cols[k]'s cell passes tests[k]
 * (null: not empty); a -1 column is never set. The filled bits and the scoring bits are both packed so.
 * The "not empty" bits are taken first from the cell bounds alone, then the few fields with a test of
 * their own (checkboxes) are tested: one loop mixing both cost four times as much per cell.
 */
function packBits(
  raw: RawCells,
  rows: number,
  cols: Int32Array,
  tests: readonly (BytesTest | null)[],
  words: number,
  out: Int32Array
): void {
  const { buf, starts, ends, width } = raw;
  const plain: number[] = [];
  const tested: number[] = [];
  cols.forEach((col, k) => {
    if (col >= 0) (tests[k] ? tested : plain).push(k);
  });
  const plainBit = Int32Array.from(plain);
  const plainCol = Int32Array.from(plain, (k) => cols[k]!);
  const testedBit = Int32Array.from(tested);
  const testedCol = Int32Array.from(tested, (k) => cols[k]!);
  const testOf = tested.map((k) => tests[k] as BytesTest);
  out.fill(0, 0, rows * words);
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    const at = r * words;
    let word = 0;
    let bits = 0;
    for (let j = 0; j < plainBit.length; j++) {
      const k = plainBit[j]!;
      if (k >> 5 !== word) {
        out[at + word] = bits;
        bits = 0;
        word = k >> 5;
      }
      const i = base + plainCol[j]!;
      if (cellStart(starts, i) !== ends[i]!) bits |= 1 << (k & 31);
    }
    out[at + word] = bits;
    for (let j = 0; j < testedBit.length; j++) {
      const k = testedBit[j]!;
      const i = base + testedCol[j]!;
      if (testOf[j]!(buf, cellStart(starts, i), ends[i]!)) out[at + (k >> 5)]! |= 1 << (k & 31);
    }
  }
}

/** infoKind/infoHash of every row × rule field (RowDigest), by the fields' filled and informative tests. */
function testInformative(
  raw: RawCells,
  rows: number,
  cols: Int32Array,
  filledTests: readonly (BytesTest | null)[],
  tests: readonly InformativeTest[],
  infoKind: Uint8Array,
  infoHash: Int32Array
): void {
  const { buf, starts, ends, width } = raw;
  const n = cols.length;
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    for (let k = 0; k < n; k++) {
      const at = r * n + k;
      const col = cols[k]!;
      infoHash[at] = 0;
      infoKind[at] = NOT_FILLED;
      if (col < 0) continue;
      const s = cellStart(starts, base + col);
      const e = ends[base + col]!;
      const test = filledTests[k] as BytesTest | null;
      if (!(test === null ? s !== e : test(buf, s, e))) continue;
      const kind = tests[k]!.bytes(buf, s, e);
      infoKind[at] = kind;
      if (kind === 0) {
        let v = FNV_OFFSET;
        for (let p = s; p < e; p++) v = Math.imul(v ^ buf[p]!, FNV_PRIME);
        infoHash[at] = v;
      }
    }
  }
}
