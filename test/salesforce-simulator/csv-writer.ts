// CSV as Bulk API 2.0 query results write it: header of API names, every value quoted (RFC 4180: "" inside
// quotes is one "), LF line endings (lineEnding LF is the job default), booleans true/false.
// Null: Bulk API 2.0 leaves the cell empty; `nullAs: 'quoted'` writes "" instead, as some tools do, so the
// reader is exercised on both.
import type { Value } from './model';

export type NullStyle = 'empty' | 'quoted';

export function csvCell(value: Value | undefined, nullAs: NullStyle): string {
  if (value === null || value === undefined) return nullAs === 'quoted' ? '""' : '';
  const text = typeof value === 'string' ? value : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly (Value | undefined)[], nullAs: NullStyle): string {
  return values.map((v) => csvCell(v, nullAs)).join(',') + '\n';
}
