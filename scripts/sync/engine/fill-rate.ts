/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and fixed-size-array indexes bounded by construction in hot loops (noUncheckedIndexedAccess); checks would cost per cell. */
// The hot loop of the measurement: records and filled cells per group of rows, a group being the rows
// sharing the values of some key columns (the owner alone for fill rate by owner; owner × record type ×
// stage in the engine, which rolls groups up per owner, team, record type and stage, and scores records
// on top). The engine and the benchmark run this same loop.
//
// On batches parsed from bytes (every CSV source) nothing is decoded per row: the group is found by
// hashing the key cells' bytes, and a cell is filled when its byte range is not empty (a checkbox: when
// it reads true or 1). A key is decoded once, when its group is created.

import { readCsvFile } from '../csv/csv-reader';
import type { RawCells, RowBatch } from '../csv/csv-reader';

/** How a field counts as filled. */
export const PLAIN = 0;
/** A checkbox: filled when true (or 1). */
export const CHECKBOX = 1;

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

/** Records and filled fields per group of rows keyed by the bytes (or values) of key columns. */
export class FillCounter {
  readonly groups: FillGroup[] = [];
  /** Group of each row of the last batch added (valid until the next add). */
  rowGroup = new Int32Array(1024);
  /** Bit k set: tracked field k is filled in that row of the last batch (raw batches; else isFilled). */
  rowBits = new Int32Array(1024);
  /** Fields whose filled state is kept per row in rowBits (at most 31): those scoring rules read. */
  readonly tracked: Int32Array;
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
  private batch: RowBatch | null = null;
  private raw: RawCells | null = null;

  constructor(
    readonly fields: readonly string[],
    readonly keyFields: readonly string[],
    private readonly kinds: Uint8Array = new Uint8Array(fields.length),
    tracked: readonly number[] = [],
    /** Count patterns when at most this many fields are tracked (0: never; rowBits/isFilled then). */
    private readonly patternFields = MAX_PATTERN_FIELDS
  ) {
    this.tracked = Int32Array.from(tracked.length <= 31 ? tracked : []);
    this.width = fields.length;
    this.nKeys = keyFields.length;
    this.fieldCols = new Int32Array(fields.length).fill(-1);
    this.keyCols = new Int32Array(keyFields.length).fill(-1);
    this.keyLengths = new Int32Array(256 * Math.max(1, this.nKeys));
  }

  /** Counts the rows of a batch; `rowGroup[r]` then gives each row's group. */
  add(batch: RowBatch): void {
    if (batch.columns !== this.lastColumns) {
      this.lastColumns = batch.columns;
      const lower = batch.columns.map((c) => c.toLowerCase());
      this.fieldCols = Int32Array.from(this.fields, (f) => lower.indexOf(f.toLowerCase()));
      this.keyCols = Int32Array.from(this.keyFields, (f) => lower.indexOf(f.toLowerCase()));
    }
    if (this.rowGroup.length < batch.length) this.rowGroup = new Int32Array(batch.length * 2);
    this.batch = batch;
    this.raw = batch.raw ? batch.raw() : null;
    if (this.raw) this.addRaw(batch, this.raw);
    else this.addDecoded(batch);
  }

  /** Whether every group counts records per pattern of the tracked fields (FillGroup.patterns). */
  get hasPatterns(): boolean {
    return this.tracked.length > 0 && this.tracked.length <= this.patternFields;
  }

  /** Whether rowBits hold the tracked fields for the last batch (else ask isFilled). */
  get hasRowBits(): boolean {
    return this.raw !== null && this.tracked.length > 0;
  }

  /** Whether field `field` (index in `fields`) is filled in row `row` of the last batch added. */
  isFilled(row: number, field: number): boolean {
    const col = this.fieldCols[field]!;
    if (col < 0) return false;
    const raw = this.raw;
    if (raw) {
      const i = row * raw.width + col;
      let s = raw.starts[i]!;
      if (s < 0) s = ~s;
      const e = raw.ends[i]!;
      if (this.kinds[field] === CHECKBOX) return isTrue(raw.buf, s, e);
      return s !== e;
    }
    const batch = this.batch!;
    if (this.kinds[field] === CHECKBOX)
      return batch.equalsAscii(row, col, 'true') || batch.equalsAscii(row, col, '1');
    return !batch.isEmpty(row, col);
  }

  private addRaw(batch: RowBatch, raw: RawCells): void {
    const { buf, starts, ends, width: rowWidth } = raw;
    const keyCols = this.keyCols;
    const nKeys = this.nKeys;
    const rowGroup = this.rowGroup;
    const groups = this.groups;
    const rows = batch.length;
    // Present columns split by kind, so the cell loops do not branch on it.
    const plainCols: number[] = [];
    const plainSlots: number[] = [];
    const checkCols: number[] = [];
    const checkSlots: number[] = [];
    for (let f = 0; f < this.width; f++) {
      const col = this.fieldCols[f]!;
      if (col < 0) continue;
      if (this.kinds[f] === CHECKBOX) {
        checkCols.push(col);
        checkSlots.push(f + 1);
      } else {
        plainCols.push(col);
        plainSlots.push(f + 1);
      }
    }
    const pc = Int32Array.from(plainCols);
    const ps = Int32Array.from(plainSlots);
    const cc = Int32Array.from(checkCols);
    const cs = Int32Array.from(checkSlots);
    const nPlain = pc.length;
    const nCheck = cc.length;
    const identity = nPlain === rowWidth && pc.every((c, i) => c === i && ps[i] === i + 1);
    const tracked = this.tracked;
    const trackedCols = Int32Array.from(tracked, (f) => this.fieldCols[f]!);
    const trackedCheck = Uint8Array.from(tracked, (f) => (this.kinds[f] === CHECKBOX ? 1 : 0));
    const nTracked = tracked.length;
    if (this.rowBits.length < rows) this.rowBits = new Int32Array(rows * 2);
    const rowBits = this.rowBits;
    for (let r = 0; r < rows; r++) {
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
          if ((st < 0 ? ~st : st) !== ends[base + c]!) counts[c + 1]!++;
        }
      } else {
        for (let k = 0; k < nPlain; k++) {
          const i = base + pc[k]!;
          const st = starts[i]!;
          if ((st < 0 ? ~st : st) !== ends[i]!) counts[ps[k]!]!++;
        }
      }
      for (let k = 0; k < nCheck; k++) {
        const i = base + cc[k]!;
        const st = starts[i]!;
        if (isTrue(buf, st < 0 ? ~st : st, ends[i]!)) counts[cs[k]!]!++;
      }
      if (nTracked > 0) {
        let bits = 0;
        for (let k = 0; k < nTracked; k++) {
          const col = trackedCols[k]!;
          if (col < 0) continue;
          const i = base + col;
          let st = starts[i]!;
          if (st < 0) st = ~st;
          const e = ends[i]!;
          if (trackedCheck[k] === 1 ? isTrue(buf, st, e) : st !== e) bits |= 1 << k;
        }
        rowBits[r] = bits;
        const patterns = groups[g]!.patterns;
        if (patterns) patterns[bits]!++;
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
    this.groups.push({ keys, counts: new Int32Array(this.width + 1), patterns });
    return this.groups.length - 1;
  }

  /** Batches without raw cells (built from decoded values): same counts through the RowBatch methods. */
  private addDecoded(batch: RowBatch): void {
    const width = this.width;
    for (let r = 0; r < batch.length; r++) {
      const key = Array.from(this.keyCols, (col) => (col >= 0 ? batch.value(r, col) : '')).join('\u0000');
      let g = this.byString.get(key);
      if (g === undefined) {
        g = this.newGroup(batch, r);
        this.byString.set(key, g);
      }
      this.rowGroup[r] = g;
      const counts = this.groups[g]!.counts;
      counts[0]!++;
      for (let f = 0; f < width; f++) if (this.isFilled(r, f)) counts[f + 1]!++;
      const patterns = this.groups[g]!.patterns;
      if (patterns) {
        let bits = 0;
        for (let k = 0; k < this.tracked.length; k++) if (this.isFilled(r, this.tracked[k]!)) bits |= 1 << k;
        patterns[bits]!++;
      }
    }
  }
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Bytes s..e read true (any case) or 1. */
function isTrue(buf: Buffer, s: number, e: number): boolean {
  const n = e - s;
  if (n === 1) return buf[s] === 0x31;
  return (
    n === 4 &&
    (buf[s]! | 0x20) === 0x74 &&
    (buf[s + 1]! | 0x20) === 0x72 &&
    (buf[s + 2]! | 0x20) === 0x75 &&
    (buf[s + 3]! | 0x20) === 0x65
  );
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
