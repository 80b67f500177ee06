/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and fixed-size-array indexes bounded by construction in hot loops (noUncheckedIndexedAccess); checks would cost per cell. */
// Fill rate by owner over one CSV file: the core loop of the measurement (records and filled cells per
// owner), on the streaming byte-level reader. Used by the benchmark; the engine runs the same loop with
// record types, stages and rules on top.

import { readCsvFile } from '../csv/csv-reader';

export interface FillByOwner {
  columns: string[];
  rows: number;
  /** ownerId → [records, filled per column…]. */
  owners: Map<string, Int32Array>;
}

export async function fillRateByOwner(
  path: string,
  ownerColumn = 'OwnerId',
  encoding?: string
): Promise<FillByOwner> {
  const owners = new Map<string, Int32Array>();
  let columns: string[] = [];
  let rows = 0;
  for await (const batch of readCsvFile(path, { encoding })) {
    if (columns.length === 0) columns = [...batch.columns];
    const width = batch.columns.length;
    const ownerCol = batch.columns.indexOf(ownerColumn);
    let prevOwner = '';
    let prevCounts: Int32Array | undefined;
    for (let r = 0; r < batch.length; r++) {
      const owner = ownerCol >= 0 ? batch.value(r, ownerCol) : '';
      let counts: Int32Array;
      if (owner === prevOwner && prevCounts) counts = prevCounts;
      else {
        let c = owners.get(owner);
        if (!c) {
          c = new Int32Array(width + 1);
          owners.set(owner, c);
        }
        counts = c;
        prevOwner = owner;
        prevCounts = c;
      }
      counts[0]!++;
      for (let c = 0; c < width; c++) if (!batch.isEmpty(r, c)) counts[c + 1]!++;
    }
    rows += batch.length;
  }
  return { columns, rows, owners };
}
