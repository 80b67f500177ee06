/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array indexes bounded by the batch's shape in the per-row loop (noUncheckedIndexedAccess). */
// Row-level rules: which rows of an object are not records to count, and which records are not something a
// person did. Applied per row by the measurement (FillCounter and the activity ledger), never by a source's
// file loop, so they hold whichever way a file is read (one thread or workers over byte ranges).
//
// - Deleted: IsDeleted = true. Data Export's "Export All" (and queryAll) include records in the recycle bin.
// - Duplicate: an Id already read from another file of the object (a re-downloaded export in the folder).
//   Only when the object has several files; the Ids seen are kept as 64-bit fingerprints of their idKey form
//   in one typed array.
// - Copy (activity only): an invitee's copy of an event (IsChild = true: one row per Salesforce user
//   invited, all created by the organizer) and the occurrences of a recurring series (RecurrenceActivityId
//   naming another row, the series' main record with IsRecurrence = true; or a Lightning occurrence,
//   IsRecurrence2 = true, whose series record has GroupEventType 3). Sources: Object Reference, Event and
//   Task; Change Data Capture Developer Guide, "Event Invitees" and "Recurring Activities". Without a
//   GroupEventType column an IsRecurrence2 row cannot be told from its series record: it is counted, and
//   counted in `unsureSeries` for a warning. And a person account's person contact (Contact with
//   IsPersonAccount = true): Salesforce creates it with the account (API Developer Guide, "Person Account
//   Record Types"), so its creation is the account's, credited once, on the Account.
// - Blank: a row of empty cells (Excel keeps `,,,,` lines where rows were cleared), or a copy of the header
//   (two files concatenated: its Id cell reads "Id", which no record Id is). Not records; counted for a
//   warning. Checked from the Id cell first, so a record costs one cell test.
// IsDeleted values read as neither true nor false (not true/false, 1/0 or Excel's words for them) are
// counted as not deleted, with a sample, for a warning naming the column.

import {
  FIELD_KINDS,
  idKey,
  isCanonicalIdBytes,
  readCheckbox
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { findColumn } from '../csv/cells';
import type { RawCells, RowBatch } from '../csv/csv-reader';

/** Row flags (bits). */
export const ROW_DELETED = 1;
export const ROW_DUPLICATE = 2;
/** A blank row or a repeated header line. */
export const ROW_BLANK = 8;
/** Not a record to count: deleted, duplicate, blank or a header line. */
export const ROW_NOT_RECORD = ROW_DELETED | ROW_DUPLICATE | ROW_BLANK;
/** A copy of what a person did (invitee's event, occurrence of a series): not counted as activity. */
export const ROW_COPY = 4;

/** Rows each rule left out. */
export interface RowRuleCounts {
  deleted: number;
  duplicates: number;
  copies: number;
  /** IsRecurrence2 rows counted as events without a GroupEventType column to tell series from occurrence. */
  unsureSeries: number;
  /** Rows of empty cells. */
  blank: number;
  /** Lines repeating the header (Id cell "Id"). */
  headers: number;
  /** IsDeleted values read as neither true nor false (taken as not deleted), and up to 3 of them. */
  unreadableDeleted: number;
  unreadableSample: string[];
}

interface Columns {
  id: number;
  deleted: number;
  child: number;
  recurrenceOf: number;
  recurrence2: number;
  groupEventType: number;
  personContact: number;
}

/** Fields the rules read, when the object has them (added to what a source is asked for). */
export const ROW_RULE_FIELDS = [
  'Id',
  'IsDeleted',
  'IsChild',
  'RecurrenceActivityId',
  'IsRecurrence2',
  'GroupEventType',
  'IsPersonAccount'
] as const;

const checked = FIELD_KINDS.boolean.filledBytes;

/** Decides per row; one instance per object pass. */
export class RowRules {
  readonly counts: RowRuleCounts = {
    deleted: 0,
    duplicates: 0,
    copies: 0,
    unsureSeries: 0,
    blank: 0,
    headers: 0,
    unreadableDeleted: 0,
    unreadableSample: []
  };
  private lastColumns: readonly string[] | null = null;
  private cols: Columns = {
    id: -1,
    deleted: -1,
    child: -1,
    recurrenceOf: -1,
    recurrence2: -1,
    groupEventType: -1,
    personContact: -1
  };
  private readonly seen: IdFingerprints | null;
  private readonly contact: boolean;

  /**
   * @param dedupe look for Ids read twice (the object has several files)
   * @param object the object's API name (Contact: person contacts are copies)
   */
  constructor(dedupe: boolean, object = '') {
    this.seen = dedupe ? new IdFingerprints() : null;
    this.contact = object.toLowerCase() === 'contact';
  }

  /** Flags of each row of the batch into out[0..length). */
  mark(batch: RowBatch, raw: RawCells | null, out: Uint8Array): void {
    if (batch.columns !== this.lastColumns) {
      this.lastColumns = batch.columns;
      const c = (name: string): number => findColumn(batch.columns, name);
      this.cols = {
        id: c('Id'),
        deleted: c('IsDeleted'),
        child: c('IsChild'),
        recurrenceOf: c('RecurrenceActivityId'),
        recurrence2: c('IsRecurrence2'),
        groupEventType: c('GroupEventType'),
        personContact: this.contact ? c('IsPersonAccount') : -1
      };
    }
    const { id, deleted, child, recurrenceOf, recurrence2, groupEventType, personContact } = this.cols;
    const isTrue = (r: number, col: number): boolean => {
      if (col < 0) return false;
      if (!raw) return FIELD_KINDS.boolean.filled(batch.value(r, col));
      const i = r * raw.width + col;
      const s = raw.starts[i]!;
      return checked(raw.buf, s < 0 ? ~s : s, raw.ends[i]!);
    };
    const key = id >= 0 ? id : 0;
    for (let r = 0; r < batch.length; r++) {
      let flags = 0;
      if (batch.isEmpty(r, key) ? this.blankRow(batch, r) : id >= 0 && this.headerRow(batch, raw, r, id)) {
        out[r] = ROW_BLANK;
        continue;
      }
      if (isTrue(r, deleted)) {
        flags |= ROW_DELETED;
        this.counts.deleted++;
      } else if (deleted >= 0 && !batch.isEmpty(r, deleted)) this.checkDeleted(batch, raw, r, deleted);
      if (flags === 0 && this.seen && id >= 0 && this.seen.addCell(batch, r, id, raw)) {
        flags |= ROW_DUPLICATE;
        this.counts.duplicates++;
      }
      if (flags === 0 && (child >= 0 || recurrenceOf >= 0 || recurrence2 >= 0 || personContact >= 0)) {
        const series2 = isTrue(r, recurrence2);
        if (series2 && groupEventType < 0) this.counts.unsureSeries++;
        const occurrence =
          (recurrenceOf >= 0 &&
            !batch.isEmpty(r, recurrenceOf) &&
            (id < 0 || batch.value(r, recurrenceOf) !== batch.value(r, id))) ||
          (series2 && groupEventType >= 0 && batch.value(r, groupEventType) !== '3');
        if (isTrue(r, child) || occurrence || isTrue(r, personContact)) {
          flags |= ROW_COPY;
          this.counts.copies++;
        }
      }
      out[r] = flags;
    }
  }

  /** Whether every cell of row r is empty (counted); its key cell is known empty. */
  private blankRow(batch: RowBatch, r: number): boolean {
    for (let c = 0; c < batch.columns.length; c++) if (!batch.isEmpty(r, c)) return false;
    this.counts.blank++;
    return true;
  }

  /** Whether row r repeats the header: its Id cell reads "Id" (counted). Bytes tested first: no decoding. */
  private headerRow(batch: RowBatch, raw: RawCells | null, r: number, id: number): boolean {
    if (raw) {
      const i = r * raw.width + id;
      const s = raw.starts[i]!;
      if (s < 0 || raw.ends[i]! - s !== 2 || (raw.buf[s]! | 0x20) !== 0x69) return false;
    }
    if (batch.value(r, id).toLowerCase() !== 'id') return false;
    this.counts.headers++;
    return true;
  }

  /** Counts an IsDeleted value that reads as neither true nor false (the row is not deleted). */
  private checkDeleted(batch: RowBatch, raw: RawCells | null, r: number, col: number): void {
    if (raw) {
      // The usual "false" or "0", from the bytes (no decoding on the hot path).
      const i = r * raw.width + col;
      const s = raw.starts[i]!;
      const n = raw.ends[i]! - s;
      if (s >= 0 && ((n === 5 && (raw.buf[s]! | 0x20) === 0x66) || (n === 1 && raw.buf[s] === 0x30))) return;
    }
    const value = batch.value(r, col);
    if (readCheckbox(value) !== null) return;
    this.counts.unreadableDeleted++;
    const sample = this.counts.unreadableSample;
    if (sample.length < 3 && !sample.includes(value)) sample.push(value);
  }
}

/**
 * A set of record Ids as 64-bit fingerprints (two FNV-1a variants of the Id's idKey form) in one
 * open-addressed Int32Array: 8 bytes a slot, at most 3/4 full (5M Ids: 8M slots, 64 MB), instead of a Set of strings
 * (about 80 bytes an Id). Two different Ids share a fingerprint with probability about n²/2⁶⁵ (5M Ids:
 * under one in a million runs).
 */
export class IdFingerprints {
  private table = new Int32Array(2 * 1024);
  private size = 0;

  /**
   * Adds the Id in a cell; true when it was already there. The Id is fingerprinted in its idKey form (the
   * kernel's one normalisation: trimmed, 15- and 18-character forms meeting, an 18-character Id's letter
   * case restored from its suffix), so one record written differently by two files is still one record.
   * Only objects with several files dedupe, so decoding the cell costs single-file reads nothing.
   */
  addCell(batch: RowBatch, r: number, col: number, raw: RawCells | null = null): boolean {
    const [h1, h2] = cellFingerprint(batch, r, col, raw);
    return this.add(h1, h2);
  }

  /** Whether the Id in a cell is in the set (as addCell compares it), without adding it. */
  hasCell(batch: RowBatch, r: number, col: number, raw: RawCells | null = null): boolean {
    const [h1, h2] = cellFingerprint(batch, r, col, raw);
    return this.slotOf(h1, h2) < 0;
  }

  /** Adds every Id of `other` (a file's Ids, once the file is read whole). */
  addAll(other: IdFingerprints): void {
    const t = other.table;
    for (let s = 0; s < t.length; s += 2) if (t[s] !== 0 || t[s + 1] !== 0) this.add(t[s]!, t[s + 1]!);
  }

  private add(h1: number, h2: number): boolean {
    if ((this.size + 1) * 4 > (this.table.length / 2) * 3) this.grow();
    const slot = this.slotOf(h1, h2);
    if (slot < 0) return true;
    this.table[2 * slot] = h1;
    this.table[2 * slot + 1] = h2;
    this.size++;
    return false;
  }

  /** The free slot for a fingerprint, or -1 when it is held. */
  private slotOf(h1: number, h2: number): number {
    const t = this.table;
    const mask = t.length / 2 - 1;
    let slot = (h1 ^ (h2 >>> 7)) & mask;
    for (;;) {
      const a = t[2 * slot]!;
      const b = t[2 * slot + 1]!;
      if (a === 0 && b === 0) return slot;
      if (a === h1 && b === h2) return -1;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.size = 0;
    for (let s = 0; s < old.length; s += 2)
      if (old[s] !== 0 || old[s + 1] !== 0) this.add(old[s]!, old[s + 1]!);
  }

  /** Bytes held (the memory budget's figure). */
  get bytes(): number {
    return this.table.byteLength;
  }
}

// The fingerprint's two FNV-1a variants, one definition for text (fingerprint) and bytes (addCell).
const FP1 = 0x811c9dc5 | 0;
const FP2 = 0x01000193 ^ 0x5bd1e995;
const step1 = (h: number, code: number): number => Math.imul(h ^ code, 16777619);
const step2 = (h: number, code: number): number => Math.imul(h ^ code, 0x5bd1e995) ^ (h >>> 13);

/**
 * The fingerprint of the Id in a cell: from its bytes when it is a canonical 18-character Id in raw cells
 * (isCanonicalIdBytes: what idKey would give back), else of its decoded text's idKey form.
 */
function cellFingerprint(batch: RowBatch, r: number, col: number, raw: RawCells | null): [number, number] {
  if (raw) {
    const i = r * raw.width + col;
    const s = raw.starts[i]!;
    if (s >= 0 && raw.ends[i]! - s === 18 && isCanonicalIdBytes(raw.buf, s)) {
      let h1 = FP1;
      let h2 = FP2;
      for (let p = s; p < s + 18; p++) {
        const b = raw.buf[p]!;
        h1 = step1(h1, b);
        h2 = step2(h2, b);
      }
      return h1 === 0 && h2 === 0 ? [0, 1] : [h1, h2];
    }
  }
  return fingerprint(batch.value(r, col));
}

/** The 64-bit fingerprint of an Id (two FNV-1a variants of its idKey form); never (0, 0), the empty slot. */
function fingerprint(id: string): [number, number] {
  const text = idKey(id);
  let h1 = FP1;
  let h2 = FP2;
  for (let p = 0; p < text.length; p++) {
    const b = text.charCodeAt(p);
    h1 = step1(h1, b);
    h2 = step2(h2, b);
  }
  return h1 === 0 && h2 === 0 ? [0, 1] : [h1, h2];
}
