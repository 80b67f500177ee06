/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and fixed-size-array indexes bounded by construction in hot loops (noUncheckedIndexedAccess); checks would cost per cell. */
// The hot loop of the measurement: records and filled cells per group of rows, a group being the rows
// sharing the values of some key columns (the owner alone for fill rate by owner; owner × record type ×
// stage in the engine, which rolls groups up per owner, team, record type and stage, and scores records
// on top). The engine and the benchmark run this same loop.
//
// On batches parsed from bytes (every CSV source) nothing is decoded per row: the group is found by
// hashing the key cells' bytes, and a cell is filled per its field kind's byte test (FIELD_KINDS, in the
// scoring kernel: the only definition of filled). A key is decoded once, when its group is created.
// The tracked fields (a scoring plan's rule fields, in bit order) become each row's filled bits, which the
// kernel's scoreBits() turns into a score: bits in, score out.

import {
  FIELD_KINDS,
  nameKey
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type {
  FieldKind,
  ScoringTest
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { readCsvFile } from '../csv/csv-reader';
import { ROW_NOT_RECORD } from './row-rules';
import type { RowRules } from './row-rules';
import type { RawCells, RowBatch } from '../csv/csv-reader';

export interface FillGroup {
  /** Decoded values of the key columns ("" when empty or the column is absent). */
  keys: string[];
  /** [records, filled per field…]. */
  counts: Int32Array;
  /**
   * Records per pattern of the tracked fields (bit k: tracked field k filled), when at most
   * MAX_PATTERN_FIELDS are tracked: enough to score every record by rules on those fields.
   */
  patterns: Int32Array | null;
}

/** Tracked fields up to which groups count records per filled pattern (2^n counters a group). */
export const MAX_PATTERN_FIELDS = 8;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

type BytesTest = (bytes: Uint8Array, start: number, end: number) => boolean;

/** Records and filled fields per group of rows keyed by the bytes (or values) of key columns. */
export class FillCounter {
  readonly groups: FillGroup[] = [];
  /** Group of each row of the last batch added (valid until the next add); -1: not a record (row rules). */
  rowGroup = new Int32Array(1024);
  /** Row-rule flags of each row of the last batch added (engine/row-rules.ts; all 0 without rules). */
  rowFlags = new Uint8Array(1024);
  /** Row rules (deleted, duplicate, copy), when given. */
  rowRules: RowRules | null = null;
  /**
   * Filled bits of the tracked fields, `wordCount` words per row of the last batch added: tracked field k
   * is bit (k % 32) of word r * wordCount + floor(k / 32) (the scoring kernel's layout).
   */
  rowBits = new Int32Array(1024);
  /** Fields whose filled state is kept per row in rowBits: those scoring rules read. */
  readonly tracked: Int32Array;
  /** Words of rowBits per row. */
  readonly wordCount: number;
  private readonly width: number;
  private readonly nKeys: number;
  private lastColumns: readonly string[] | null = null;
  /** Field index → batch column (-1: absent, never filled). */
  private fieldCols: Int32Array;
  private keyCols: Int32Array;
  // Open-addressing table over key bytes: slot → group + 1.
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(256);
  private keyOffsets = new Int32Array(256);
  /** Per group and key column: byte length of the key cell. */
  private keyLengths = new Int32Array(256);
  private arena = new Uint8Array(1 << 14);
  private arenaLength = 0;
  private readonly byString = new Map<string, number>();
  /**
   * Every group's counts (and filled-pattern counts) in one array, group g at g × stride: the hot loop
   * touches one contiguous slice per row instead of chasing a group object and its own small array (at
   * thousands of groups that pointer chase was a third of the loop). FillGroup's arrays are views into it.
   */
  private countsFlat: Int32Array<ArrayBuffer>;
  private patternsFlat: Int32Array<ArrayBuffer>;
  private readonly countsStride: number;
  private readonly patternsStride: number;

  constructor(
    readonly fields: readonly string[],
    readonly keyFields: readonly string[],
    /** Kind of each field (default 'other'). */
    private readonly kinds: readonly FieldKind[] = fields.map(() => 'other'),
    tracked: readonly number[] = [],
    /** Count patterns when at most this many fields are tracked (0: never). */
    private readonly patternFields = MAX_PATTERN_FIELDS,
    /**
     * Filled for scoring, per tracked field (a scoring plan's `scoring`: its options applied); default:
     * the field's kind. Only the tracked bits use them: fill counts stay "filled" whatever it holds.
     */
    private readonly trackedScoring?: readonly ScoringTest[]
  ) {
    this.tracked = Int32Array.from(tracked);
    this.wordCount = Math.max(1, Math.ceil(tracked.length / 32));
    this.width = fields.length;
    this.nKeys = keyFields.length;
    this.fieldCols = new Int32Array(fields.length).fill(-1);
    this.keyCols = new Int32Array(keyFields.length).fill(-1);
    this.keyLengths = new Int32Array(256 * Math.max(1, this.nKeys));
    this.countsStride = fields.length + 1;
    this.patternsStride = this.hasPatterns ? 1 << tracked.length : 0;
    this.countsFlat = new Int32Array(64 * this.countsStride);
    this.patternsFlat = new Int32Array(64 * this.patternsStride);
  }

  /** Counts the rows of a batch; `rowGroup[r]` then gives each row's group, `rowBits` its filled bits. */
  add(batch: RowBatch): void {
    if (batch.columns !== this.lastColumns) {
      this.lastColumns = batch.columns;
      const keys = batch.columns.map(nameKey);
      this.fieldCols = Int32Array.from(this.fields, (f) => keys.indexOf(nameKey(f)));
      this.keyCols = Int32Array.from(this.keyFields, (f) => keys.indexOf(nameKey(f)));
    }
    if (this.rowGroup.length < batch.length) {
      this.rowGroup = new Int32Array(batch.length * 2);
      this.rowFlags = new Uint8Array(batch.length * 2);
    }
    const bitWords = batch.length * this.wordCount;
    if (this.rowBits.length < bitWords) this.rowBits = new Int32Array(bitWords * 2);
    const raw = batch.raw ? batch.raw() : null;
    if (this.rowRules) this.rowRules.mark(batch, raw, this.rowFlags);
    if (raw) this.addRaw(batch, raw);
    else this.addDecoded(batch);
  }

  /** Whether every group counts records per pattern of the tracked fields (FillGroup.patterns). */
  get hasPatterns(): boolean {
    return this.tracked.length > 0 && this.tracked.length <= this.patternFields;
  }

  private addRaw(batch: RowBatch, raw: RawCells): void {
    const { buf, starts, ends, width: rowWidth } = raw;
    const keyCols = this.keyCols;
    const nKeys = this.nKeys;
    const rowGroup = this.rowGroup;
    const rows = batch.length;
    // Present columns of the default kind ('other') apart from the others, so the commonest cell loop
    // calls one test; the other kinds' columns with their kind's test.
    const otherFilled = FIELD_KINDS.other.filledBytes;
    const plainCols: number[] = [];
    const plainSlots: number[] = [];
    const kindCols: number[] = [];
    const kindSlots: number[] = [];
    const kindTests: BytesTest[] = [];
    for (let f = 0; f < this.width; f++) {
      const col = this.fieldCols[f]!;
      if (col < 0) continue;
      const kind = this.kinds[f] ?? 'other';
      if (kind === 'other') {
        plainCols.push(col);
        plainSlots.push(f + 1);
      } else {
        kindCols.push(col);
        kindSlots.push(f + 1);
        kindTests.push(FIELD_KINDS[kind].filledBytes);
      }
    }
    const pc = Int32Array.from(plainCols);
    const ps = Int32Array.from(plainSlots);
    const cc = Int32Array.from(kindCols);
    const cs = Int32Array.from(kindSlots);
    const nPlain = pc.length;
    const nKind = cc.length;
    const identity = nPlain === rowWidth && pc.every((c, i) => c === i && ps[i] === i + 1);
    const tracked = this.tracked;
    const trackedCols = Int32Array.from(tracked, (f) => this.fieldCols[f]!);
    const trackedTests = Array.from(
      tracked,
      (f, k): BytesTest =>
        this.trackedScoring?.[k]?.filledBytes ?? FIELD_KINDS[this.kinds[f] ?? 'other'].filledBytes
    );
    const nTracked = tracked.length;
    const words = this.wordCount;
    const rowBits = this.rowBits;
    const rowFlags = this.rowRules ? this.rowFlags : null;
    const stride = this.countsStride;
    const pStride = this.patternsStride;
    // Tracked fields whose scoring test is the plain "not empty" one are tested inline (no call).
    const trackedPlain = Uint8Array.from(trackedTests, (t) => (t === otherFilled ? 1 : 0));
    for (let r = 0; r < rows; r++) {
      if (rowFlags && (rowFlags[r]! & ROW_NOT_RECORD) !== 0) {
        rowGroup[r] = -1;
        continue;
      }
      const base = r * rowWidth;
      // Hash the key cells' bytes (FNV-1a, cell lengths as separators).
      let h = FNV_OFFSET;
      for (let k = 0; k < nKeys; k++) {
        const col = keyCols[k]!;
        if (col < 0) continue;
        let s = starts[base + col]!;
        if (s < 0) s = ~s;
        const e = ends[base + col]!;
        for (let p = s; p < e; p++) h = Math.imul(h ^ buf[p]!, FNV_PRIME);
        h = Math.imul(h ^ (e - s + 0x100), FNV_PRIME);
      }
      const g = this.findRaw(h, buf, starts, ends, base, batch, r);
      rowGroup[r] = g;
      const counts = this.countsFlat;
      const at0 = g * stride;
      counts[at0]!++;
      // The 'other' kind's test, inline: a cell is filled when not empty (FIELD_KINDS.other.filledBytes).
      if (identity) {
        for (let c = 0; c < nPlain; c++) {
          const st = starts[base + c]!;
          if ((st < 0 ? ~st : st) !== ends[base + c]!) counts[at0 + c + 1]!++;
        }
      } else {
        for (let k = 0; k < nPlain; k++) {
          const i = base + pc[k]!;
          const st = starts[i]!;
          if ((st < 0 ? ~st : st) !== ends[i]!) counts[at0 + ps[k]!]!++;
        }
      }
      for (let k = 0; k < nKind; k++) {
        const i = base + cc[k]!;
        const st = starts[i]!;
        if (kindTests[k]!(buf, st < 0 ? ~st : st, ends[i]!)) counts[at0 + cs[k]!]!++;
      }
      if (nTracked > 0) {
        const at = r * words;
        let bits = 0;
        for (let k = 0; k < nTracked; k++) {
          const col = trackedCols[k]!;
          if (col >= 0) {
            const i = base + col;
            let st = starts[i]!;
            if (st < 0) st = ~st;
            const e = ends[i]!;
            if (trackedPlain[k] === 1 ? st !== e : trackedTests[k]!(buf, st, e)) bits |= 1 << (k & 31);
          }
          if ((k & 31) === 31 || k === nTracked - 1) {
            rowBits[at + (k >> 5)] = bits;
            bits = 0;
          }
        }
        if (pStride > 0) this.patternsFlat[g * pStride + rowBits[at]!]!++;
      }
    }
  }

  /** The group of the key whose hash is h (creating it), comparing bytes on a hash match. */
  private findRaw(
    h: number,
    buf: Buffer,
    starts: Int32Array,
    ends: Int32Array,
    base: number,
    batch: RowBatch,
    row: number
  ): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const keyCols = this.keyCols;
    const nKeys = this.nKeys;
    const hashes = this.hashes;
    const keyLengths = this.keyLengths;
    const arena = this.arena;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      const g = entry - 1;
      if (hashes[g] === h) {
        let off = this.keyOffsets[g]!;
        let same = true;
        for (let k = 0; k < nKeys && same; k++) {
          const col = keyCols[k]!;
          let s = 0;
          let e = 0;
          if (col >= 0) {
            s = starts[base + col]!;
            if (s < 0) s = ~s;
            e = ends[base + col]!;
          }
          const n = e - s;
          if (keyLengths[g * nKeys + k] !== n) {
            same = false;
            break;
          }
          for (let p = 0; p < n; p++) {
            if (arena[off + p] !== buf[s + p]) {
              same = false;
              break;
            }
          }
          off += n;
        }
        if (same) return g;
      }
      slot = (slot + 1) & mask;
    }
    // New group: keep its key bytes, decode its key values once.
    const g = this.newGroup(batch, row);
    if (this.hashes.length <= g) {
      this.hashes = grow(this.hashes, g * 2);
      this.keyOffsets = grow(this.keyOffsets, g * 2);
      this.keyLengths = grow(this.keyLengths, g * 2 * Math.max(1, nKeys));
    }
    this.hashes[g] = h;
    this.keyOffsets[g] = this.arenaLength;
    for (let k = 0; k < nKeys; k++) {
      const col = keyCols[k]!;
      let s = 0;
      let e = 0;
      if (col >= 0) {
        s = starts[base + col]!;
        if (s < 0) s = ~s;
        e = ends[base + col]!;
      }
      if (this.arenaLength + (e - s) > this.arena.length) {
        const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLength + (e - s)));
        a.set(this.arena);
        this.arena = a;
      }
      this.arena.set(buf.subarray(s, e), this.arenaLength);
      this.arenaLength += e - s;
      this.keyLengths[g * nKeys + k] = e - s;
    }
    this.slots[slot] = g + 1;
    if ((g + 1) * 2 > this.slots.length) this.rehash();
    return g;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let g = 0; g < this.groups.length; g++) {
      let slot = this.hashes[g]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = g + 1;
    }
    this.slots = slots;
  }

  private newGroup(batch: RowBatch, row: number): number {
    const keys = Array.from(this.keyCols, (col) => (col >= 0 ? batch.value(row, col) : ''));
    const g = this.groups.length;
    if ((g + 1) * this.countsStride > this.countsFlat.length) this.growFlat(g * 2);
    this.groups.push({ keys, counts: this.countsView(g), patterns: this.patternsView(g) });
    return g;
  }

  private countsView(g: number): Int32Array {
    return this.countsFlat.subarray(g * this.countsStride, (g + 1) * this.countsStride);
  }

  private patternsView(g: number): Int32Array | null {
    const n = this.patternsStride;
    return n > 0 ? this.patternsFlat.subarray(g * n, (g + 1) * n) : null;
  }

  /** Room for `groups` groups in the flat arrays; the groups' views follow the new arrays. */
  private growFlat(groups: number): void {
    const counts = new Int32Array(groups * this.countsStride);
    counts.set(this.countsFlat);
    this.countsFlat = counts;
    const patterns = new Int32Array(groups * this.patternsStride);
    patterns.set(this.patternsFlat);
    this.patternsFlat = patterns;
    this.groups.forEach((group, g) => {
      group.counts = this.countsView(g);
      group.patterns = this.patternsView(g);
    });
  }

  /** Batches without raw cells (built from decoded values): the same counts from the kinds' value test. */
  private addDecoded(batch: RowBatch): void {
    const width = this.width;
    const tests = Array.from(this.kinds, (kind) => FIELD_KINDS[kind].filled);
    const filled = (r: number, f: number): boolean => {
      const col = this.fieldCols[f]!;
      return col >= 0 && tests[f]!(batch.value(r, col));
    };
    const tracked = this.tracked;
    const trackedTests = Array.from(tracked, (f, k) => this.trackedScoring?.[k]?.filled ?? tests[f]!);
    const trackedFilled = (r: number, k: number): boolean => {
      const col = this.fieldCols[tracked[k]!]!;
      return col >= 0 && trackedTests[k]!(batch.value(r, col));
    };
    const words = this.wordCount;
    this.rowBits.fill(0, 0, batch.length * words);
    const rowFlags = this.rowRules ? this.rowFlags : null;
    for (let r = 0; r < batch.length; r++) {
      if (rowFlags && (rowFlags[r]! & ROW_NOT_RECORD) !== 0) {
        this.rowGroup[r] = -1;
        continue;
      }
      const key = Array.from(this.keyCols, (col) => (col >= 0 ? batch.value(r, col) : '')).join('\u0000');
      let g = this.byString.get(key);
      if (g === undefined) {
        g = this.newGroup(batch, r);
        this.byString.set(key, g);
      }
      this.rowGroup[r] = g;
      const counts = this.groups[g]!.counts;
      counts[0]!++;
      for (let f = 0; f < width; f++) if (filled(r, f)) counts[f + 1]!++;
      const at = r * words;
      for (let k = 0; k < tracked.length; k++) {
        if (trackedFilled(r, k)) this.rowBits[at + (k >> 5)]! |= 1 << (k & 31);
      }
      const patterns = this.groups[g]!.patterns;
      if (patterns) patterns[this.rowBits[at]!]!++;
    }
  }
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

export interface FillByOwner {
  columns: string[];
  rows: number;
  /** ownerId → [records, filled per column…]. */
  owners: Map<string, Int32Array>;
}

/** Fill rate by owner over one CSV file: every column counted as filled when not empty. */
export async function fillRateByOwner(
  path: string,
  ownerColumn = 'OwnerId',
  encoding?: string
): Promise<FillByOwner> {
  let counter: FillCounter | null = null;
  let rows = 0;
  for await (const batch of readCsvFile(path, { encoding })) {
    counter ??= new FillCounter(batch.columns, [ownerColumn]);
    counter.add(batch);
    rows += batch.length;
  }
  const owners = new Map<string, Int32Array>();
  for (const g of counter?.groups ?? []) owners.set(g.keys[0]!, g.counts);
  return { columns: counter ? [...counter.fields] : [], rows, owners };
}
