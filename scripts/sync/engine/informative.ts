/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array indexes bounded by construction in the per-row loop (noUncheckedIndexedAccess). */
// Filled, but not informative (README, "Filled but not informative"): per rule field and owner, how many
// filled values are (a) the field's default value, (b) a placeholder (the scoring kernel's PLACEHOLDERS) or
// (c) one value dominating the owner's records while rare across the org. Fed in the object's streaming
// pass from the CSV cells' bytes: no string is made per cell (a value is decoded once, when it may be
// shown as an owner's dominating value). Memory is bounded by owners × rule fields, not by records:
//   - counts: 3 Int32 per owner × rule field;
//   - dominance: TOP_K (hash, count) slots per owner × rule field (Misra–Gries summary) and their texts;
//   - the org's value counts: one count-min sketch of SKETCH_DEPTH × SKETCH_WIDTH Int32 (32 KiB) a field.
// E.g. 2,000 owners × 10 rule fields: 2,000 × 10 × (3 + 2 × 8) × 4 bytes ≈ 1.5 MB, plus 320 KiB.

import {
  FIELD_KINDS,
  NOT_INFORMATIVE,
  informativeTest,
  nameKey
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type {
  InformativeTest,
  PlanField
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type { RowBatch } from '../csv/csv-reader';
import { NOT_FILLED } from './row-digest';
import type { RowDigest } from './row-digest';

/**
 * An owner's filled values of a field are checked for a dominating value only from this many on: below it,
 * six alike out of nine is as likely a small sample as a habit.
 */
export const DOMINANT_MIN_FILLED = 10;
/** A value dominates an owner's records when it is at least this share of the owner's filled values… */
export const DOMINANT_OWNER_SHARE = 0.6;
/**
 * …while under this share of the org's filled values of the field: a value common everywhere (a picklist's
 * usual value, "Call") is the org's habit, not one person's filler.
 */
export const DOMINANT_ORG_SHARE = 0.05;
/**
 * Slots of the Misra–Gries summary per owner × field. A value with at least DOMINANT_OWNER_SHARE of the
 * owner's n values is always kept; its count is exact when the owner has at most TOP_K distinct values
 * there, else under-counted by at most n / (TOP_K + 1) (11 %): a dominance can be missed near the
 * threshold, never invented.
 */
export const TOP_K = 8;
/**
 * The org-wide counts: a count-min sketch (never under-counts, so a common value is never called rare),
 * SKETCH_DEPTH rows of SKETCH_WIDTH (a power of 2) counters indexed by h1 + d·h2 (Kirsch–Mitzenmacher).
 */
const SKETCH_WIDTH = 2048;
const SKETCH_DEPTH = 4;
/** A slot's value is decoded once its count reaches this (the least a dominating value can have). */
const TEXT_AT = Math.ceil(DOMINANT_MIN_FILLED * DOMINANT_OWNER_SHARE);

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Murmur3's 32-bit finaliser: the sketch's two base hashes from one FNV hash. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The figures of one owner × rule field, or of a rule field over every owner. */
export interface NotInformativeCounts {
  /** Filled values (records the field's rules apply to, owner not excluded). */
  filled: number;
  /** Of them, the field's default value (known on live runs only). */
  defaultValue: number;
  /** Of them, a placeholder (PLACEHOLDERS of the scoring kernel). */
  placeholder: number;
  /** Of them, the owner's dominating value (a lower bound; see TOP_K). */
  dominant: number;
}

/** One owner's dominating value of a field. */
export interface DominantValue {
  /** The value as read. */
  value: string;
  /** Its share of the owner's filled values (lower bound), 0–1. */
  ownerShare: number;
  /** Its share of the org's filled values of the field (upper bound), 0–1. */
  orgShare: number;
}

/** Per rule field, for the result (engine/result.ts NotInformativeField), before names are given. */
export interface NotInformativeTally extends NotInformativeCounts {
  field: string;
  /** The field's default value as the source knows it; null when unknown or none. */
  defaultText: string | null;
  owners: { ownerId: string; counts: NotInformativeCounts; dominantValue: DominantValue | null }[];
}

/** Counts filled-but-not-informative values per owner × rule field in one streaming pass. */
export class InformativeCounter {
  private readonly n: number;
  private readonly tests: InformativeTest[];
  private readonly kinds: ((bytes: Uint8Array, s: number, e: number) => boolean)[];
  private readonly valueKinds: ((value: string) => boolean)[];
  private lastColumns: readonly string[] | null = null;
  private cols: Int32Array;
  private readonly ownerIndex = new Map<string, number>();
  private readonly ownerIds: string[] = [];
  private owners = 0;
  private capacity = 16;
  /** [filled, default, placeholder] per owner × field. */
  private counts: Int32Array;
  private slotHash: Int32Array;
  private slotCount: Int32Array;
  private readonly slotText = new Map<number, string>();
  private readonly sketch: Int32Array;
  private readonly fieldFilled: Int32Array;

  constructor(private readonly fields: readonly PlanField[]) {
    this.n = fields.length;
    this.tests = fields.map(informativeTest);
    this.kinds = fields.map((f) => FIELD_KINDS[f.kind].filledBytes);
    this.valueKinds = fields.map((f) => FIELD_KINDS[f.kind].filled);
    this.cols = new Int32Array(this.n).fill(-1);
    this.counts = new Int32Array(this.capacity * this.n * 3);
    this.slotHash = new Int32Array(this.capacity * this.n * TOP_K);
    this.slotCount = new Int32Array(this.capacity * this.n * TOP_K);
    this.sketch = new Int32Array(this.n * SKETCH_DEPTH * SKETCH_WIDTH);
    this.fieldFilled = new Int32Array(this.n);
  }

  /** The index of an owner (an idKey), created on first sight. Called once per group, not per row. */
  owner(ownerId: string): number {
    let o = this.ownerIndex.get(ownerId);
    if (o === undefined) {
      o = this.owners++;
      this.ownerIndex.set(ownerId, o);
      this.ownerIds.push(ownerId);
      if (o >= this.capacity) this.grow();
    }
    return o;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = (a: Int32Array, per: number): Int32Array => {
      const b = new Int32Array(this.capacity * this.n * per);
      b.set(a);
      return b;
    };
    this.counts = grown(this.counts, 3);
    this.slotHash = grown(this.slotHash, TOP_K);
    this.slotCount = grown(this.slotCount, TOP_K);
  }

  /**
   * Counts one batch. Row r is in group `rowGroup[r]` (-1: not a record); `groupOwner[g]` is the owner
   * index (owner()) of group g, -1 for an excluded owner; `groupApplies[g][k]` is 1 when rule field k's
   * rules apply to group g's record type × stage. A batch parsed from bytes comes with its rows' digest
   * (row-digest.ts: each rule cell's informativeness and hash, computed where it was parsed); a batch of
   * decoded values is tested here, value by value, by the same tests.
   */
  add(
    batch: RowBatch,
    digest: RowDigest | null,
    rowGroup: Int32Array,
    groupOwner: readonly number[],
    groupApplies: readonly Uint8Array[]
  ): void {
    if (batch.columns !== this.lastColumns) {
      this.lastColumns = batch.columns;
      const keys = batch.columns.map(nameKey);
      this.cols = Int32Array.from(this.fields, (f) => keys.indexOf(nameKey(f.name)));
    }
    const n = this.n;
    const cols = this.cols;
    const tests = this.tests;
    const fieldFilled = this.fieldFilled;
    const infoKind = digest?.infoKind;
    const infoHash = digest?.infoHash;
    for (let r = 0; r < batch.length; r++) {
      const g = rowGroup[r]!;
      if (g < 0) continue;
      const o = groupOwner[g]!;
      if (o < 0) continue;
      const applies = groupApplies[g]!;
      const counts = this.counts;
      for (let k = 0; k < n; k++) {
        if (applies[k] !== 1) continue;
        let kind: number;
        let h = FNV_OFFSET;
        if (infoKind && infoHash) {
          kind = infoKind[r * n + k]!;
          if (kind === NOT_FILLED) continue;
          h = infoHash[r * n + k]!;
        } else {
          const col = cols[k]!;
          if (col < 0) continue;
          const value = batch.value(r, col);
          if (!this.valueKinds[k]!(value)) continue;
          kind = tests[k]!.value(value);
          if (kind === 0)
            for (let p = 0; p < value.length; p++) h = Math.imul(h ^ value.charCodeAt(p), FNV_PRIME);
        }
        const at = (o * n + k) * 3;
        counts[at]!++;
        fieldFilled[k]!++;
        if (kind === NOT_INFORMATIVE.defaultValue) counts[at + 1]!++;
        else if (kind === NOT_INFORMATIVE.placeholder) counts[at + 2]!++;
        else this.countValue(o, k, h, batch, r, cols[k]!);
      }
    }
  }

  /** An informative value of owner o, field k, hashed h: the org's sketch and the owner's summary. */
  private countValue(o: number, k: number, h: number, batch: RowBatch, r: number, col: number): void {
    const sketch = k * SKETCH_DEPTH * SKETCH_WIDTH;
    const h1 = mix(h, 0);
    const h2 = mix(h, 1) | 1;
    for (let d = 0; d < SKETCH_DEPTH; d++)
      this.sketch[sketch + d * SKETCH_WIDTH + ((h1 + d * h2) & (SKETCH_WIDTH - 1))]!++;
    const base = (o * this.n + k) * TOP_K;
    let free = -1;
    for (let j = 0; j < TOP_K; j++) {
      const c = this.slotCount[base + j]!;
      if (c > 0 && this.slotHash[base + j] === h) {
        this.slotCount[base + j] = c + 1;
        if (c + 1 === TEXT_AT && !this.slotText.has(base + j))
          this.slotText.set(base + j, batch.value(r, col));
        return;
      }
      if (c === 0 && free < 0) free = j;
    }
    if (free >= 0) {
      this.slotHash[base + free] = h;
      this.slotCount[base + free] = 1;
      this.slotText.delete(base + free);
      if (TEXT_AT <= 1) this.slotText.set(base + free, batch.value(r, col));
      return;
    }
    for (let j = 0; j < TOP_K; j++) this.slotCount[base + j]!--;
  }

  /** The org's count of a value (upper bound). */
  private orgCount(k: number, h: number): number {
    let min = Infinity;
    const sketch = k * SKETCH_DEPTH * SKETCH_WIDTH;
    const h1 = mix(h, 0);
    const h2 = mix(h, 1) | 1;
    for (let d = 0; d < SKETCH_DEPTH; d++)
      min = Math.min(min, this.sketch[sketch + d * SKETCH_WIDTH + ((h1 + d * h2) & (SKETCH_WIDTH - 1))]!);
    return min;
  }

  /** The owner's dominating value of field k, if any (DOMINANT_* thresholds). */
  private dominant(o: number, k: number): { count: number; value: DominantValue } | null {
    const filled = this.counts[(o * this.n + k) * 3]!;
    if (filled < DOMINANT_MIN_FILLED) return null;
    const base = (o * this.n + k) * TOP_K;
    let best = -1;
    for (let j = 0; j < TOP_K; j++)
      if (best < 0 || this.slotCount[base + j]! > this.slotCount[base + best]!) best = j;
    const count = this.slotCount[base + best]!;
    if (count < DOMINANT_OWNER_SHARE * filled) return null;
    const orgShare = this.orgCount(k, this.slotHash[base + best]!) / this.fieldFilled[k]!;
    if (orgShare >= DOMINANT_ORG_SHARE) return null;
    return {
      count,
      value: { value: this.slotText.get(base + best) ?? '', ownerShare: count / filled, orgShare }
    };
  }

  /** The figures per rule field: totals and the owners with a value that says nothing. */
  tally(): NotInformativeTally[] {
    return this.fields.map((f, k) => {
      const total: NotInformativeCounts = { filled: 0, defaultValue: 0, placeholder: 0, dominant: 0 };
      const owners: NotInformativeTally['owners'] = [];
      for (let o = 0; o < this.owners; o++) {
        const at = (o * this.n + k) * 3;
        const d = this.dominant(o, k);
        const counts: NotInformativeCounts = {
          filled: this.counts[at]!,
          defaultValue: this.counts[at + 1]!,
          placeholder: this.counts[at + 2]!,
          dominant: d?.count ?? 0
        };
        total.filled += counts.filled;
        total.defaultValue += counts.defaultValue;
        total.placeholder += counts.placeholder;
        total.dominant += counts.dominant;
        if (counts.defaultValue + counts.placeholder + counts.dominant > 0)
          owners.push({ ownerId: this.ownerIds[o]!, counts, dominantValue: d?.value ?? null });
      }
      return { field: f.name, ...total, defaultText: f.defaultValue ?? null, owners };
    });
  }

  /** Placeholders of owner o's records in field k (the heat map subtracts them when they score empty). */
  placeholders(ownerId: string, k: number): number {
    const o = this.ownerIndex.get(ownerId);
    return o === undefined ? 0 : this.counts[(o * this.n + k) * 3 + 2]!;
  }
}

/**
 * A field's default value from a live describe (DescribeFieldResult), as the scoring kernel compares it:
 * the picklist value marked defaultValue, else a defaultValueFormula that is a text literal ("TBD", 'TBD')
 * or a number; undefined for any other formula (TODAY(), $User.Id…) or none. A Data Export has no
 * describe: an export run knows no default.
 */
export function describedDefault(field: {
  defaultValueFormula?: string | null;
  picklistValues?: readonly { value: string; defaultValue?: boolean; active?: boolean }[] | null;
}): string | undefined {
  const picked = field.picklistValues?.find((p) => p.defaultValue === true && p.active !== false);
  if (picked) return picked.value;
  const formula = field.defaultValueFormula?.trim();
  if (!formula) return undefined;
  const text = /^"((?:[^"\\]|\\.)*)"$/.exec(formula) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(formula);
  if (text) return text[1]!.replace(/\\(.)/g, '$1');
  if (/^-?\d+(\.\d+)?$/.test(formula)) return formula;
  return undefined;
}
