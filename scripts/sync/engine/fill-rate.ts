/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and fixed-size-array indexes bounded by construction in hot loops (noUncheckedIndexedAccess); checks would cost per cell. */
// The hot loop of the measurement: records and filled cells per group of rows, a group being the rows
// sharing the values of some key columns (the owner alone for fill rate by owner; owner × record type ×
// stage in the engine, which rolls groups up per owner, team, record type and stage, and scores records
// on top). The engine and the benchmark run this same loop.
//
// On batches parsed from bytes (every CSV source) nothing is decoded per row: each row's digest
// (row-digest.ts: its key cells' hash, filled bits by its fields' kinds, scoring bits), computed by the
// parallel reader's workers or here, finds its group, whose bytes are compared on a hash match, and adds
// to its counts. A key is decoded once, when its group is created. The tracked fields (a scoring plan's
// rule fields, in bit order) become each row's filled bits, which the kernel's scoreBits() turns into a
// score: bits in, score out.

import {
  FIELD_KINDS,
  nameKey,
  scoringTest
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type {
  FieldKind,
  PlanField,
  ScoringOptions
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { readCsvFile } from '../csv/csv-reader';
import { KeyTable } from './key-table';
import { compileDigest, digestRows } from './row-digest';
import type { CompiledDigest, DigestSpec, RowDigest } from './row-digest';
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
  /** The groups' keys (bytes): a group's index is its key's id. */
  private readonly keyTable: KeyTable;
  /**
   * Per worker thread's key table (RowDigest.keySource): the group of each of its key ids (-1: not met
   * yet). A row's group is then one lookup; its key bytes are read only the first time.
   */
  private readonly groupOfKeyId = new Map<number, Int32Array>();
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
  /** What each row's digest holds (the parallel reader's workers are given it: stream options). */
  readonly spec: DigestSpec;
  private readonly compiled: CompiledDigest;
  /** The digest of the last batch added, when it had raw cells (InformativeCounter reads it). */
  lastDigest: RowDigest | null = null;
  private localDigest: RowDigest | null = null;

  constructor(
    readonly fields: readonly string[],
    readonly keyFields: readonly string[],
    /** Kind of each field (default 'other'). */
    private readonly kinds: readonly FieldKind[] = fields.map(() => 'other'),
    tracked: readonly number[] = [],
    /** Count patterns when at most this many fields are tracked (0: never). */
    private readonly patternFields = MAX_PATTERN_FIELDS,
    /**
     * How tracked fields are scored (a scoring plan's options: scoringTest() of the scoring kernel). Only
     * the tracked bits use them: fill counts stay "filled" whatever it holds.
     */
    private readonly scoring: ScoringOptions = {},
    /** Rule fields whose informativeness rows are digested for (InformativeCounter's fields). */
    informative: readonly PlanField[] = []
  ) {
    this.tracked = Int32Array.from(tracked);
    this.wordCount = Math.max(1, Math.ceil(tracked.length / 32));
    this.width = fields.length;
    this.nKeys = keyFields.length;
    this.fieldCols = new Int32Array(fields.length).fill(-1);
    this.keyCols = new Int32Array(keyFields.length).fill(-1);
    this.keyTable = new KeyTable(this.keyCols);
    this.countsStride = fields.length + 1;
    this.patternsStride = this.hasPatterns ? 1 << tracked.length : 0;
    this.countsFlat = new Int32Array(64 * this.countsStride);
    this.patternsFlat = new Int32Array(64 * this.patternsStride);
    this.spec = { fields, kinds, keyFields, tracked: [...tracked], scoring, informative };
    this.compiled = compileDigest(this.spec);
  }

  /** Counts the rows of a batch; `rowGroup[r]` then gives each row's group, `rowBits` its filled bits. */
  add(batch: RowBatch): void {
    if (batch.columns !== this.lastColumns) {
      this.lastColumns = batch.columns;
      const keys = batch.columns.map(nameKey);
      this.fieldCols = Int32Array.from(this.fields, (f) => keys.indexOf(nameKey(f)));
      this.keyCols = Int32Array.from(this.keyFields, (f) => keys.indexOf(nameKey(f)));
      this.keyTable.keyCols = this.keyCols;
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
    this.lastDigest = null;
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

  /**
   * The digest of a batch's rows under this counter's spec: the one a worker computed beside the parsing,
   * else computed here by the same function (row-digest.ts).
   */
  private digestOf(batch: RowBatch, raw: RawCells): RowDigest {
    const given = batch.digest?.();
    if (given?.spec === this.spec) return given;
    this.localDigest = digestRows(this.compiled, batch.columns, raw, batch.length, this.localDigest);
    return this.localDigest;
  }

  /** The hot loop on the reading thread: each row's group, then its counts from the digest's bits. */
  private addRaw(batch: RowBatch, raw: RawCells): void {
    const d = this.digestOf(batch, raw);
    this.lastDigest = d;
    const rowGroup = this.rowGroup;
    const rows = batch.length;
    const rowWidth = raw.width;
    const fieldWords = this.compiled.fieldWords;
    const words = this.wordCount;
    const { keyHash, filled, trackedBits } = d;
    // A worker's key ids, only with the table they come from named (ids of two tables are not comparable).
    const keyIds = d.keySource === undefined ? undefined : d.keyIds;
    this.rowBits.set(trackedBits.subarray(0, rows * words));
    const rowFlags = this.rowRules ? this.rowFlags : null;
    const stride = this.countsStride;
    const pStride = this.patternsStride;
    const source = d.keySource ?? 0;
    let byId = keyIds ? this.keyIdGroups(source, 0) : null;
    for (let r = 0; r < rows; r++) {
      if (rowFlags && (rowFlags[r]! & ROW_NOT_RECORD) !== 0) {
        rowGroup[r] = -1;
        continue;
      }
      let g: number;
      if (keyIds && byId) {
        const id = keyIds[r]!;
        g = id < byId.length ? byId[id]! : -1;
        if (g < 0) {
          g = this.groupOf(keyHash[r]!, raw, r * rowWidth, batch, r);
          byId = this.keyIdGroups(source, id + 1);
          byId[id] = g;
        }
      } else g = this.groupOf(keyHash[r]!, raw, r * rowWidth, batch, r);
      rowGroup[r] = g;
      const counts = this.countsFlat;
      const at0 = g * stride;
      counts[at0]!++;
      // Field f's count is at at0 + 1 + f: add each set bit of the row's filled words.
      for (let w = 0; w < fieldWords; w++) {
        let m = filled[r * fieldWords + w]!;
        const at = at0 + 1 + (w << 5);
        while (m !== 0) {
          const low = m & -m;
          counts[at + 31 - Math.clz32(low)]!++;
          m ^= low;
        }
      }
      if (pStride > 0) this.patternsFlat[g * pStride + trackedBits[r * words]!]!++;
    }
  }

  /** The group of each key id of a worker's key table, with room for `ids` ids. */
  private keyIdGroups(source: number, ids: number): Int32Array {
    let byId = this.groupOfKeyId.get(source);
    if (!byId || byId.length < ids) {
      const grown = new Int32Array(Math.max(256, ids * 2)).fill(-1);
      if (byId) grown.set(byId);
      byId = grown;
      this.groupOfKeyId.set(source, byId);
    }
    return byId;
  }

  /** The group of a row's key (hashed h), created when new. */
  private groupOf(h: number, raw: RawCells, base: number, batch: RowBatch, row: number): number {
    const before = this.keyTable.size;
    const g = this.keyTable.idOf(h, raw, base);
    if (this.keyTable.size > before) this.newGroup(batch, row);
    return g;
  }

  private newGroup(batch: RowBatch, row: number): number {
    const keys = Array.from(this.keyCols, (col) => (col >= 0 ? batch.value(row, col) : ''));
    const g = this.groups.length;
    if ((g + 1) * this.countsStride > this.countsFlat.length) this.growFlat(g * 2);
    this.groups.push({
      keys,
      counts: this.countsView(g),
      patterns: this.patternsView(g),
      absent: null,
      absentPatterns: null
    });
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
    const trackedTests = Array.from(
      tracked,
      (f) => scoringTest(this.kinds[f] ?? 'other', this.scoring).filled
    );
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
