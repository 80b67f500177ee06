/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array indexes bounded by the batch's shape in per-row helpers (noUncheckedIndexedAccess). */
// Byte-level reads of single cells of a RowBatch, beside the reader that produces them: dates and cell
// equality straight from the bytes when the batch has raw cells, through decoded values otherwise.

import { nameKey } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { dayNumber, isCalendarDay } from '../engine/periods';
import type { RawCells, RowBatch } from './csv-reader';

/** Index of a column by field API name (case-insensitive), or -1. */
export function findColumn(columns: readonly string[], name: string): number {
  const key = nameKey(name);
  return columns.findIndex((c) => nameKey(c) === key);
}

/** n ASCII digits at `at` as a number, or -1 when a byte is not a digit. */
function digitsAt(buf: Buffer, at: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = buf[at + k]! - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * dayNumber() of a cell, read from its bytes when it is yyyy-mm-dd or a UTC date-time (…Z), as exports and
 * Bulk API results write them: no decoding. Anything else goes through dayNumber.
 */
export function dayAt(batch: RowBatch, raw: RawCells | null, r: number, col: number): number {
  if (raw) {
    const i = r * raw.width + col;
    const s = raw.starts[i]!;
    const e = raw.ends[i]!;
    const buf = raw.buf;
    if (
      s >= 0 &&
      (e - s === 10 || (e - s > 10 && buf[e - 1] === 0x5a)) &&
      buf[s + 4] === 0x2d &&
      buf[s + 7] === 0x2d
    ) {
      const y = digitsAt(buf, s, 4);
      const m = digitsAt(buf, s + 5, 2);
      const d = digitsAt(buf, s + 8, 2);
      if (isCalendarDay(y, m, d)) return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  }
  return dayNumber(batch.value(r, col));
}

/** Whether two cells of a row hold the same text (bytes compared when available). */
export function sameCell(batch: RowBatch, raw: RawCells | null, r: number, a: number, b: number): boolean {
  if (!raw) return batch.value(r, a) === batch.value(r, b);
  const ia = r * raw.width + a;
  const ib = r * raw.width + b;
  const sa = raw.starts[ia]!;
  const sb = raw.starts[ib]!;
  if (sa < 0 || sb < 0) return batch.value(r, a) === batch.value(r, b);
  const n = raw.ends[ia]! - sa;
  if (raw.ends[ib]! - sb !== n) return false;
  return raw.buf.compare(raw.buf, sb, sb + n, sa, sa + n) === 0;
}
