// The simulated org's schema and data. Values are kept the way the APIs render them:
// strings, numbers, booleans, null; dates as 'YYYY-MM-DD', date-times as ISO 8601 UTC ('...T..:..:..000Z').

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'date'
  | 'datetime'
  | 'reference'
  | 'address'
  | 'location'
  | 'base64';

export type Value = string | number | boolean | null;
export type SimRecord = Record<string, Value>;

export interface SimField {
  name: string;
  type: FieldType;
  label?: string;
  length?: number;
  referenceTo?: string[];
  relationshipName?: string | null;
  externalId?: boolean;
  unique?: boolean;
  /** A unique Text field's caseSensitive attribute (default false: "ABC" and "abc" are the same key). */
  caseSensitive?: boolean;
  nillable?: boolean;
  calculated?: boolean;
  deprecatedAndHidden?: boolean;
  custom?: boolean;
  createable?: boolean;
  updateable?: boolean;
  /** For compound fields' components (BillingStreet → BillingAddress). */
  compoundFieldName?: string | null;
}

export interface SimRecordType {
  recordTypeId: string;
  developerName: string;
  name: string;
  active: boolean;
  defaultRecordTypeMapping: boolean;
  master: boolean;
}

/** Records kept in memory (small objects, written objects) or generated on demand (large benchmark objects). */
export type RecordStore =
  | { kind: 'memory'; records: SimRecord[] }
  | { kind: 'generated'; count: number; row: (index: number) => SimRecord };

export interface SimObject {
  name: string;
  label: string;
  labelPlural?: string;
  keyPrefix: string;
  custom: boolean;
  queryable: boolean;
  fields: SimField[];
  recordTypes?: SimRecordType[];
  store: RecordStore;
}

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Salesforce's 18-character id: the 15-character id plus a 3-character case checksum. */
export function toId18(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let flags = 0;
    for (let bit = 0; bit < 5; bit++) {
      const c = id15.charAt(block * 5 + bit);
      if (c >= 'A' && c <= 'Z') flags |= 1 << bit;
    }
    suffix += CHECKSUM_ALPHABET.charAt(flags);
  }
  return id15 + suffix;
}

/** Deterministic ids: key prefix + instance-ish 'Dn' + a zero-padded sequence. */
export function makeId(keyPrefix: string, sequence: number): string {
  return toId18(`${keyPrefix}Dn${String(sequence).padStart(10, '0')}`);
}

export function fieldMap(object: SimObject): Map<string, SimField> {
  const map = new Map<string, SimField>();
  for (const field of object.fields) map.set(field.name.toLowerCase(), field);
  return map;
}

export function recordCount(store: RecordStore): number {
  return store.kind === 'memory' ? store.records.length : store.count;
}

export function recordAt(store: RecordStore, index: number): SimRecord {
  if (store.kind === 'memory') {
    const record = store.records[index];
    if (!record) throw new Error(`no record at ${index}`);
    return record;
  }
  return store.row(index);
}
