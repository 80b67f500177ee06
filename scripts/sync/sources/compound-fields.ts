// Compound fields (addresses, geolocations) on the live path: measured through their components.
//
// A compound field (BillingAddress, MailingAddress, a geolocation Location__c) is valid in the org, but no
// Bulk query can select one: Bulk API 2.0 refuses the job with "Selecting compound data not supported in
// Bulk Query" (observed answer, see the simulator's server.ts; the Bulk API guide's "Use Bulk Query" says Bulk
// API cannot access or query compound address or geolocation fields, as quoted in jsforce issue #380), and
// no Data Export contains one (Object Reference, "Compound Field Considerations and Limitations": use the
// individual components to export values). The describe lists the compound (type "address" or
// "location") and gives each component the compound's name in compoundFieldName (DescribeSObjectResult's
// Field; jsforce-node's DescribeSObjectResult type; UI API's Field documents the same property as "the
// top-level compound field"). So the query selects the components, and the source adds a column named
// after the compound, filled as compoundRule() says.

import type { RowBatch } from '../csv/csv-reader';
import type { FieldDescribe } from './record-source';

/** Compound field types of the describe (Object Reference, "Address Compound Fields", "Geolocation Compound Field"). */
export const COMPOUND_TYPES = new Set(['address', 'location']);

/**
 * Components of an address the platform fills from the others (geocode clean rules write Latitude,
 * Longitude and GeocodeAccuracy from the street, city…: Object Reference, "Address Compound Fields"): alone
 * they say nothing a person typed, so they do not make an address filled.
 */
const GEOCODE_SUFFIXES = ['latitude', 'longitude', 'geocodeaccuracy'];

/** A describe field as the REST describe gives it (the part read here). */
export interface DescribedField {
  name: string;
  label?: string;
  type: string;
  deprecatedAndHidden?: boolean;
  compoundFieldName?: string | null;
}

/**
 * The compound fields of a describe with their components (FieldDescribe.components), in describe order;
 * a compound without a readable component (hidden from the sync user by field-level security) is left out.
 */
export function compoundFieldsOf(fields: readonly DescribedField[]): FieldDescribe[] {
  const out: FieldDescribe[] = [];
  for (const f of fields) {
    if (!COMPOUND_TYPES.has(f.type) || f.deprecatedAndHidden) continue;
    const components = fields
      .filter(
        (c) =>
          !c.deprecatedAndHidden &&
          !COMPOUND_TYPES.has(c.type) &&
          c.compoundFieldName?.toLowerCase() === f.name.toLowerCase()
      )
      .map((c) => c.name);
    if (components.length > 0) out.push({ name: f.name, label: f.label, type: f.type, components });
  }
  return out;
}

/**
 * The components that make a compound filled, and how many of them must be:
 * - an address is filled when ANY component a person enters is (street, city, state, postal code,
 *   country, their codes): "12 rue X" without a city is an address someone typed. Latitude, longitude and
 *   geocode accuracy are left out (the platform derives them from the address).
 * - a geolocation is filled only when BOTH latitude and longitude are: one coordinate is no place on a map,
 *   so a user would not call it filled (the components are "used with" each other: Object Reference,
 *   "Address Compound Fields", Latitude/Longitude).
 */
export function compoundRule(compound: FieldDescribe): { components: string[]; all: boolean } {
  const components = compound.components ?? [];
  if (compound.type === 'location') return { components, all: true };
  const typed = components.filter((c) => {
    const bare = c.toLowerCase().replace(/__s$/, '');
    return !GEOCODE_SUFFIXES.some((s) => bare.endsWith(s));
  });
  return { components: typed.length > 0 ? typed : components, all: false };
}

/** A compound column: its name and the batch columns of the components that make it filled. */
export interface CompoundColumn {
  name: string;
  columns: number[];
  all: boolean;
}

/**
 * The compound columns of a result page's header (component names matched case-insensitively); a component
 * missing from the header counts as empty.
 */
export function compoundColumns(
  header: readonly string[],
  compounds: readonly FieldDescribe[]
): CompoundColumn[] {
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
  return compounds.map((compound) => {
    const rule = compoundRule(compound);
    return {
      name: compound.name,
      columns: rule.components.map((c) => index.get(c.toLowerCase()) ?? -1),
      all: rule.all
    };
  });
}

/**
 * A batch with one virtual column per compound after the page's own columns. Its value is the filled
 * components joined with ", " in describe order ("12 rue X, Paris, France"), "" when the compound is not
 * filled: so the fill rate counts it as above, and "filled but not informative" applies to the whole
 * address (a placeholder typed as the only component, one address on all of an owner's records).
 * It has no raw() cells: the engine reads it through value(), like any batch built from decoded values.
 */
export class CompoundRowBatch implements RowBatch {
  readonly columns: readonly string[];
  private readonly width: number;

  constructor(
    private readonly inner: RowBatch,
    private readonly compounds: readonly CompoundColumn[],
    columns?: readonly string[]
  ) {
    this.width = inner.columns.length;
    this.columns = columns ?? [...inner.columns, ...compounds.map((c) => c.name)];
  }

  get length(): number {
    return this.inner.length;
  }

  isEmpty(row: number, column: number): boolean {
    return column < this.width ? this.inner.isEmpty(row, column) : this.value(row, column) === '';
  }

  value(row: number, column: number): string {
    if (column < this.width) return this.inner.value(row, column);
    const compound = this.compounds[column - this.width];
    if (!compound) return '';
    const parts: string[] = [];
    for (const c of compound.columns) {
      const v = c >= 0 ? this.inner.value(row, c).trim() : '';
      if (v !== '') parts.push(v);
      else if (compound.all) return '';
    }
    return parts.join(', ');
  }

  equalsAscii(row: number, column: number, ascii: string): boolean {
    return this.value(row, column).toLowerCase() === ascii.toLowerCase();
  }

  row(row: number): string[] {
    return this.columns.map((_, c) => this.value(row, c));
  }
}

/**
 * Adds the compound columns to every batch of a result page stream; the header of all batches of one
 * page is shared, so the extended header is too (the engine re-reads columns only when they change).
 */
export async function* withCompoundColumns(
  batches: AsyncIterable<RowBatch> | Iterable<RowBatch>,
  compounds: readonly FieldDescribe[]
): AsyncGenerator<RowBatch> {
  let header: readonly string[] | null = null;
  let columns: CompoundColumn[] = [];
  let extended: readonly string[] = [];
  for await (const batch of batches) {
    if (batch.columns !== header) {
      header = batch.columns;
      columns = compoundColumns(header, compounds);
      extended = [...header, ...columns.map((c) => c.name)];
    }
    yield new CompoundRowBatch(batch, columns, extended);
  }
}
