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
  /**
   * Per field, the group's records whose batch lacked the field's column (an object's file without it):
   * not applicable to that field, so counts[0] - absent[f] is the field's denominator. Null while none.
   */
  absent: Int32Array | null;
  /**
   * With patterns: the records of batches lacking some tracked fields' columns, counted apart per filled
   * pattern, keyed by the mask of those tracked fields (bit k: tracked field k absent). Such records are
   * not in `patterns`, so their score leaves the absent fields' rules out. Null while none.
   */
  absentPatterns: Map<number, Int32Array> | null;
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
  /** Tracked fields (indexes k into `tracked`) whose column the last batch added lacks. */
  absentTracked = new Int32Array(0);
  private lastColumns: readonly string[] | null = null;
  /** Field index → batch column (-1: absent, never filled). */
  private fieldCols: Int32Array;
  /** Fields whose column the last batch lacks (empty: the usual case, nothing to count apart). */
  private absentFields = new Int32Array(0);
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
  }

  /** Counts the rows of a batch; `rowGroup[r]` then gives each row's group, `rowBits` its filled bits. */
  add(batch: RowBatch): void {
    if (batch.columns !== this.lastColumns) {
      this.lastColumns = batch.columns;
      const keys = batch.columns.map(nameKey);
      this.fieldCols = Int32Array.from(this.fields, (f) => keys.indexOf(nameKey(f)));
      this.keyCols = Int32Array.from(this.keyFields, (f) => keys.indexOf(nameKey(f)));
      this.absentFields = Int32Array.from(this.fields.keys()).filter((f) => this.fieldCols[f]! < 0);
      this.absentTracked = Int32Array.from(this.tracked.keys()).filter(
        (k) => this.fieldCols[this.tracked[k]!]! < 0
      );
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
    if (this.absentFields.length > 0) this.addAbsent(batch.length);
  }

  /**
   * After a batch lacking some fields' columns (all its rows share its header): counts its records as
   * lacking them per group, and moves their filled patterns apart (FillGroup.absent, absentPatterns).
   */
  private addAbsent(rows: number): void {
    const absentFields = this.absentFields;
    const byPattern = this.hasPatterns && this.absentTracked.length > 0;
    let mask = 0;
    if (byPattern) for (const k of this.absentTracked) mask |= 1 << k;
    const words = this.wordCount;
    for (let r = 0; r < rows; r++) {
      const g = this.rowGroup[r]!;
      if (g < 0) continue;
      const group = this.groups[g]!;
      const absent = (group.absent ??= new Int32Array(this.width));
      for (let i = 0; i < absentFields.length; i++) absent[absentFields[i]!]!++;
      if (!byPattern || !group.patterns) continue;
      const p = this.rowBits[r * words]!;
      group.patterns[p]!--;
      group.absentPatterns ??= new Map();
      let apart = group.absentPatterns.get(mask);
      if (!apart) {
        apart = new Int32Array(group.patterns.length);
        group.absentPatterns.set(mask, apart);
      }
      apart[p]!++;
    }
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
    const groups = this.groups;
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
      const counts = groups[g]!.counts;
      counts[0]!++;
      if (identity) {
        for (let c = 0; c < nPlain; c++) {
          const st = starts[base + c]!;
          if (otherFilled(buf, st < 0 ? ~st : st, ends[base + c]!)) counts[c + 1]!++;
        }
      } else {
        for (let k = 0; k < nPlain; k++) {
          const i = base + pc[k]!;
          const st = starts[i]!;
          if (otherFilled(buf, st < 0 ? ~st : st, ends[i]!)) counts[ps[k]!]!++;
        }
      }
      for (let k = 0; k < nKind; k++) {
        const i = base + cc[k]!;
        const st = starts[i]!;
        if (kindTests[k]!(buf, st < 0 ? ~st : st, ends[i]!)) counts[cs[k]!]!++;
      }
      if (nTracked > 0) {
        const at = r * words;
        let bits = 0;
        for (let k = 0; k < nTracked; k++) {
          const col = trackedCols[k]!;
          if (col >= 0) {
            const i = base + col;
            const st = starts[i]!;
            if (trackedTests[k]!(buf, st < 0 ? ~st : st, ends[i]!)) bits |= 1 << (k & 31);
          }
          if ((k & 31) === 31 || k === nTracked - 1) {
            rowBits[at + (k >> 5)] = bits;
            bits = 0;
          }
        }
        const patterns = groups[g]!.patterns;
        if (patterns) patterns[rowBits[at]!]!++;
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
    const n = this.tracked.length;
    const patterns = n > 0 && n <= this.patternFields ? new Int32Array(1 << n) : null;
    this.groups.push({
      keys,
      counts: new Int32Array(this.width + 1),
      patterns,
      absent: null,
      absentPatterns: null
    });
    return this.groups.length - 1;
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
