/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array indexes bounded by construction in the per-row lookup (noUncheckedIndexedAccess). */
// Distinct keys of rows, a key being the bytes of some cells of a row (owner × record type × stage): an
// open-addressing table over the key's hash (row-digest.ts keyHash), the bytes compared on a hash match,
// so two keys are one only when their bytes are. Ids are given in order of first sight. FillCounter finds
// its groups with one; each worker thread of the parallel reader keeps one per file, so that the reading
// thread meets a row's key bytes only the first time a worker names that key.

import { cellStart } from '../csv/csv-reader';
import type { RawCells } from '../csv/csv-reader';

/** Keys of rows: id of a row's key cells (bytes), ids 0, 1, 2… in order of first sight. */
export class KeyTable {
  /** Slot → id + 1 (0: free). */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(256);
  private keyOffsets = new Int32Array(256);
  /** Per id and key column: byte length of the key cell. */
  private keyLengths: Int32Array;
  private arena = new Uint8Array(1 << 14);
  private arenaLength = 0;
  /** Number of keys. */
  size = 0;

  constructor(
    /** Columns of the key cells in the rows looked up (-1: absent, read as empty). */
    public keyCols: Int32Array
  ) {
    this.keyLengths = new Int32Array(256 * Math.max(1, keyCols.length));
  }

  /**
   * The id of row `base / width`'s key (base: the row's first cell index in raw), hashed h; a new key
   * gets the next id (then `size` grows by one: the caller can tell).
   */
  idOf(h: number, raw: RawCells, base: number): number {
    const { buf, starts, ends } = raw;
    const slots = this.slots;
    const mask = slots.length - 1;
    const keyCols = this.keyCols;
    const nKeys = keyCols.length;
    const hashes = this.hashes;
    const keyLengths = this.keyLengths;
    const arena = this.arena;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (hashes[id] === h) {
        let off = this.keyOffsets[id]!;
        let same = true;
        for (let k = 0; k < nKeys && same; k++) {
          const col = keyCols[k]!;
          const s = col >= 0 ? cellStart(starts, base + col) : 0;
          const e = col >= 0 ? ends[base + col]! : 0;
          const n = e - s;
          if (keyLengths[id * nKeys + k] !== n) {
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
        if (same) return id;
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(slot, h, raw, base);
  }

  private insert(slot: number, h: number, raw: RawCells, base: number): number {
    const { buf, starts, ends } = raw;
    const nKeys = this.keyCols.length;
    const id = this.size++;
    if (this.hashes.length <= id) {
      this.hashes = grow(this.hashes, id * 2);
      this.keyOffsets = grow(this.keyOffsets, id * 2);
      this.keyLengths = grow(this.keyLengths, id * 2 * Math.max(1, nKeys));
    }
    this.hashes[id] = h;
    this.keyOffsets[id] = this.arenaLength;
    for (let k = 0; k < nKeys; k++) {
      const col = this.keyCols[k]!;
      const s = col >= 0 ? cellStart(starts, base + col) : 0;
      const e = col >= 0 ? ends[base + col]! : 0;
      if (this.arenaLength + (e - s) > this.arena.length) {
        const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLength + (e - s)));
        a.set(this.arena);
        this.arena = a;
      }
      this.arena.set(buf.subarray(s, e), this.arenaLength);
      this.arenaLength += e - s;
      this.keyLengths[id * nKeys + k] = e - s;
    }
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
