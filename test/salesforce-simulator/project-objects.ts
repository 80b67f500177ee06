// The package's custom objects and custom metadata types as the simulator describes them, read from the
// project's own metadata (force-app/main/default/objects/<Object>/fields/*.field-meta.xml): one schema, no
// second copy to drift. Standard fields (Id, Name, system fields) are the seed's.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { FieldType, SimField } from './model';

const OBJECTS_DIR = join(__dirname, '../../force-app/main/default/objects');

const parser = new XMLParser({ parseTagValue: false, trimValues: true });

/** Metadata API field type (CustomField.type) → describe type. */
const DESCRIBE_TYPES: Record<string, FieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  Checkbox: 'boolean',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Lookup: 'reference',
  MasterDetail: 'reference',
  Summary: 'double'
};

interface CustomFieldXml {
  fullName?: string;
  label?: string;
  type?: string;
  length?: string;
  externalId?: string;
  unique?: string;
  caseSensitive?: string;
  required?: string;
  formula?: string;
  referenceTo?: string;
}

/** The object's label (CustomObject.label). */
export function projectObjectLabel(object: string): string {
  const file = join(OBJECTS_DIR, object, `${object}.object-meta.xml`);
  const doc = parser.parse(readFileSync(file, 'utf8')) as { CustomObject?: { label?: string } };
  const label = doc.CustomObject?.label;
  if (!label) throw new Error(`${file}: no <label>.`);
  return label;
}

/** The object's custom fields (sorted by API name), described as the platform would. */
export function projectObjectFields(object: string): SimField[] {
  const dir = join(OBJECTS_DIR, object, 'fields');
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: is ${object} an object of the package?`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.field-meta.xml'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const x =
        (parser.parse(readFileSync(file, 'utf8')) as { CustomField?: CustomFieldXml }).CustomField ?? {};
      const type = x.type ? DESCRIBE_TYPES[x.type] : undefined;
      if (!x.fullName || !x.type || !type)
        throw new Error(`${file}: field type ${x.type ?? '(none)'} is not simulated.`);
      const computed = x.formula !== undefined || x.type === 'Summary';
      const reference = type === 'reference';
      return {
        name: x.fullName,
        type,
        label: x.label ?? x.fullName,
        length: x.type === 'Picklist' ? 255 : reference ? 18 : x.length ? Number(x.length) : undefined,
        nillable: type !== 'boolean' && x.required !== 'true' && x.type !== 'MasterDetail',
        createable: !computed,
        updateable: !computed,
        custom: true,
        ...(computed ? { calculated: true } : {}),
        ...(x.externalId === 'true' ? { externalId: true } : {}),
        ...(x.unique === 'true' ? { unique: true } : {}),
        ...(x.caseSensitive === 'true' ? { caseSensitive: true } : {}),
        ...(reference
          ? { referenceTo: [x.referenceTo ?? ''], relationshipName: x.fullName.replace(/__c$/, '__r') }
          : {})
      } satisfies SimField;
    });
}
