// Schema gate: every metadata file checked against the Metadata API's own types.
//
// The types come from `@salesforce/types` (lib/metadata.d.ts), which is generated from the Metadata
// API WSDL: one `export type` per complexType (properties in the WSDL's sequence order, the base type
// first as `Base & { … }`), one string-literal union per enumeration. This module reads that file with
// the TypeScript compiler API, so the schema is never copied by hand, and checks each source file's
// elements: unknown elements, order, enumeration values, required elements, booleans and numbers,
// single values versus lists.
//
// How the generated types map to the WSDL (checked against the WSDL's own shapes, e.g. Report, CustomTab):
//   `name: T`      minOccurs=1 maxOccurs=1 (required, single)
//   `name?: T`     minOccurs=0 maxOccurs=1 (optional, single)
//   `name: T[]`    minOccurs=0 maxOccurs=unbounded (a list: any number, contiguous in the sequence)
//   string/number/boolean/any: xsd:string; xsd:int|double|long; xsd:boolean; xsd:anyType.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { XMLParser } from 'fast-xml-parser';
import type { Problem } from '../metadata-checks.ts';

/** What a property's values may be. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'any' | 'enum' | 'complex';

/** One element of a complex type's sequence. */
export interface SchemaField {
  name: string;
  /** The type name as written in metadata.d.ts (`string`, `ChartType`, `ReportChart`…). */
  typeName: string;
  /** A list (`T[]`): any number of occurrences. */
  array: boolean;
  /** Non-optional single value: must be present. */
  required: boolean;
}

/** A complex type: its own fields and its base types (as in `Base & { … }`). */
export interface ComplexType {
  name: string;
  bases: string[];
  fields: SchemaField[];
}

/** The Metadata API schema: complex types, enumerations and primitive aliases by name. */
export interface MetadataSchema {
  complex: Map<string, ComplexType>;
  enums: Map<string, string[]>;
  /** Aliases of a primitive or of another type (`ID = string`, `ReportFolder = Folder`). */
  aliases: Map<string, string>;
}

/** Path of the generated Metadata API types (resolved from this project's node_modules). */
export function metadataTypesPath(): string {
  // The package exports ./metadata (lib/metadata.js); its declarations sit beside it.
  return require.resolve('@salesforce/types/metadata').replace(/\.js$/, '.d.ts');
}

function typeNodeName(node: ts.TypeNode, source: ts.SourceFile): { typeName: string; array: boolean } {
  if (ts.isArrayTypeNode(node)) {
    return { typeName: node.elementType.getText(source), array: true };
  }
  return { typeName: node.getText(source), array: false };
}

/**
 * Reads metadata.d.ts with the TypeScript compiler API.
 * @param dtsPath path of `@salesforce/types/lib/metadata.d.ts` (default: the installed one)
 * @returns the schema; throws when the file cannot be read
 */
export function loadSchema(dtsPath: string = metadataTypesPath()): MetadataSchema {
  const cached = schemaCache.get(dtsPath);
  if (cached) {
    return cached;
  }
  const source = ts.createSourceFile(dtsPath, readFileSync(dtsPath, 'utf8'), ts.ScriptTarget.Latest, true);
  const schema: MetadataSchema = { complex: new Map(), enums: new Map(), aliases: new Map() };
  const fieldsOf = (literal: ts.TypeLiteralNode): SchemaField[] =>
    literal.members.filter(ts.isPropertySignature).map((member) => {
      const { typeName, array } = member.type
        ? typeNodeName(member.type, source)
        : { typeName: 'any', array: false };
      return {
        name: member.name.getText(source),
        typeName,
        array,
        required: !member.questionToken && !array
      };
    });
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) {
      continue;
    }
    const name = statement.name.text;
    const type = statement.type;
    if (ts.isUnionTypeNode(type) && type.types.every((t) => ts.isLiteralTypeNode(t))) {
      schema.enums.set(
        name,
        type.types.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text)
      );
    } else if (ts.isTypeLiteralNode(type)) {
      schema.complex.set(name, { name, bases: [], fields: fieldsOf(type) });
    } else if (ts.isIntersectionTypeNode(type)) {
      const bases = type.types.filter(ts.isTypeReferenceNode).map((t) => t.typeName.getText(source));
      const fields = type.types.filter(ts.isTypeLiteralNode).flatMap(fieldsOf);
      schema.complex.set(name, { name, bases, fields });
    } else {
      schema.aliases.set(name, type.getText(source));
    }
  }
  schemaCache.set(dtsPath, schema);
  return schema;
}

/** Schemas already read, by path (reading metadata.d.ts takes about a second). */
const schemaCache = new Map<string, MetadataSchema>();

/** Resolves aliases (`ReportFolder` → `Folder`, `ID` → `string`). */
function resolveName(schema: MetadataSchema, typeName: string): string {
  let name = typeName;
  for (let i = 0; i < 10; i += 1) {
    const next = schema.aliases.get(name);
    if (next === undefined) {
      break;
    }
    name = next;
  }
  return name;
}

/** The kind of values a type name allows. */
export function kindOf(schema: MetadataSchema, typeName: string): ValueKind {
  const name = resolveName(schema, typeName);
  if (name === 'string' || name === 'number' || name === 'boolean' || name === 'any') {
    return name;
  }
  if (schema.enums.has(name)) {
    return 'enum';
  }
  if (schema.complex.has(name)) {
    return 'complex';
  }
  // A type the generator did not emit is treated as text; none occurs in @salesforce/types 1.9.0.
  return 'string';
}

/** Every field of a complex type in sequence order: base types' fields first (XSD extension). */
export function sequenceOf(schema: MetadataSchema, typeName: string): SchemaField[] {
  const type = schema.complex.get(resolveName(schema, typeName));
  if (!type) {
    return [];
  }
  return [...type.bases.flatMap((base) => sequenceOf(schema, base)), ...type.fields];
}

/** Whether `sub` is `base` or derives from it (for xsi:type). */
function derivesFrom(schema: MetadataSchema, sub: string, base: string): boolean {
  const name = resolveName(schema, sub);
  if (name === resolveName(schema, base)) {
    return true;
  }
  return (schema.complex.get(name)?.bases ?? []).some((b) => derivesFrom(schema, b, base));
}

// ---------------------------------------------------------------------------------------------------
// Source-format rules: where a source file (sf project format) legitimately differs from the API type.
// Each entry names the rule; nothing else is relaxed.

/**
 * Elements whose content is not checked against the WSDL type, with the reason.
 * LightningComponentBundle.targetConfigs is `string` in the WSDL (the API carries the XML fragment as
 * text), while the .js-meta.xml holds it as nested XML: it is checked by checks/lwc-bundles.ts against
 * the documented configuration file schema instead.
 */
const OPAQUE_ELEMENTS: ReadonlyMap<string, string> = new Map([
  ['LightningComponentBundle.targetConfigs', 'checked by the LWC configuration file rules']
]);

/**
 * Types whose element order is not enforced. The .js-meta.xml configuration file is read by the LWC
 * platform's own parser, not by the SOAP deserializer; its documented examples put `targets` before
 * `targetConfigs` and `masterLabel` before `description`, contrary to the WSDL's sequence
 * (https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags). Elements,
 * values and multiplicity are still checked.
 */
const ORDER_FREE_TYPES: ReadonlySet<string> = new Set(['LightningComponentBundle']);

// XML Schema Part 2: boolean's lexical space is true, false, 1, 0; xsd:int/double are decimal numbers.
const BOOLEAN = /^(true|false|1|0)$/;
/** The form the Metadata API writes on retrieve, and the only one the project's checks read. */
const CANONICAL_BOOLEAN = /^(true|false)$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const XSD_CHECKS: Readonly<Record<string, RegExp>> = {
  'xsd:boolean': BOOLEAN,
  'xsd:int': /^[+-]?\d+$/,
  'xsd:long': /^[+-]?\d+$/,
  'xsd:double': NUMBER,
  'xsd:decimal': /^[+-]?(\d+(\.\d*)?|\.\d+)$/,
  'xsd:date': /^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/,
  'xsd:dateTime': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
  'xsd:string': /[\s\S]*/,
  'xsd:anyType': /[\s\S]*/
};

/** The namespace every metadata file's root element declares. */
export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

// ---------------------------------------------------------------------------------------------------

type OrderedNode = Record<string, unknown>;

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true
});

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

function toElements(nodes: unknown): Element[] {
  if (!Array.isArray(nodes)) {
    return [];
  }
  const elements: Element[] = [];
  for (const node of nodes as OrderedNode[]) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?') || name === '#comment') {
      continue;
    }
    const content = node[name];
    const textParts = Array.isArray(content)
      ? (content as OrderedNode[]).filter((c) => '#text' in c).map((c) => String(c['#text']))
      : [];
    elements.push({
      name,
      attributes: (node[':@'] as Record<string, string> | undefined) ?? {},
      children: toElements(content),
      text: textParts.join('')
    });
  }
  return elements;
}

/** A metadata source file and the type it holds (from source-deploy-retrieve's registry). */
export interface TypedSourceFile {
  path: string;
  text: string;
  /** Metadata API type name: CustomObject, CustomField, ListView, CustomFieldTranslation… */
  type: string;
}

const CHECK = 'schema';

function shortList(values: string[], max = 30): string {
  return values.length <= max
    ? values.join(', ')
    : `${values.slice(0, max).join(', ')}, … (${values.length})`;
}

/** Edit distance, to suggest the element meant by a typo. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] ?? 0;
      row[j] = Math.min(
        current + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1)
      );
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Checks one file against its type.
 * @param file the source file and its Metadata API type name
 * @param schema the schema from {@link loadSchema}
 * @returns problems naming the file, the element path (`Report.chart.chartType`) and the rule broken
 */
export function checkFileSchema(file: TypedSourceFile, schema: MetadataSchema): Problem[] {
  const problems: Problem[] = [];
  const push: Push = (element, message, fix, detail) => {
    problems.push({
      check: CHECK,
      file: file.path,
      message: `${message} (${element})${detail ? `; ${detail}` : ''}`,
      fix
    });
  };
  let roots: Element[];
  try {
    roots = toElements(orderedParser.parse(file.text));
  } catch {
    return []; // not well formed: reported by the xml check
  }
  const root = roots[0];
  if (!root) {
    return [];
  }
  if (!schema.complex.has(resolveName(schema, file.type))) {
    push(
      file.type,
      `Metadata type ${file.type} is not in the Metadata API types`,
      'Report this to the gate maintainers: the registry and @salesforce/types disagree.'
    );
    return problems;
  }
  if (root.name !== file.type) {
    push(
      root.name,
      `Root element <${root.name}> does not match the file's metadata type ${file.type}`,
      `Rename the root element to <${file.type}> (the file suffix decides the type).`
    );
    return problems;
  }
  if (root.attributes.xmlns !== METADATA_NAMESPACE) {
    push(
      root.name,
      `Root element <${root.name}> must declare xmlns="${METADATA_NAMESPACE}"`,
      `Add xmlns="${METADATA_NAMESPACE}" to <${root.name}>.`
    );
  }
  checkComplex(root, file.type, file.type, schema, push);
  return problems;
}

/** Reports a problem: element path, what is wrong, what to do, and details printed after the path. */
type Push = (element: string, message: string, fix: string, detail?: string) => void;

function checkComplex(
  element: Element,
  typeName: string,
  elementPath: string,
  schema: MetadataSchema,
  push: Push
): void {
  const typeLabel = resolveName(schema, typeName);
  const sequence = sequenceOf(schema, typeName);
  const byName = new Map(sequence.map((field, index) => [field.name, { field, index }]));
  if (element.text.trim() !== '') {
    push(
      elementPath,
      `\`${element.name}\` has text "${element.text.trim().slice(0, 40)}" but ${typeLabel} is a complex type with elements`,
      `Put the value in one of ${typeLabel}'s elements: ${shortList(sequence.map((f) => f.name))}.`
    );
  }
  const counts = new Map<string, number>();
  let previous: { name: string; index: number } | undefined;
  for (const child of element.children) {
    const entry = byName.get(child.name);
    const childPath = `${elementPath}.${child.name}`;
    if (!entry) {
      const near = sequence
        .map((f) => ({ name: f.name, d: distance(f.name, child.name) }))
        .filter((c) => c.d <= 2)
        .sort((a, b) => a.d - b.d)[0];
      push(
        childPath,
        `\`${child.name}\` is not an element of ${typeLabel}${near ? ` (did you mean \`${near.name}\`?)` : ''}`,
        `Remove or rename it; the elements of ${typeLabel} are: ${shortList(
          sequence.map((f) => f.name),
          60
        )}.`
      );
      continue;
    }
    const { field, index } = entry;
    const count = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, count);
    if (!field.array && count === 2) {
      push(
        childPath,
        `\`${child.name}\` appears more than once but ${typeLabel}.${field.name} is a single ${field.typeName}, not a list`,
        `Keep one <${child.name}>.`
      );
    }
    if (!ORDER_FREE_TYPES.has(typeLabel) && previous !== undefined && index < previous.index) {
      push(
        childPath,
        `\`${child.name}\` comes after \`${previous.name}\`, but the WSDL sequence of ${typeLabel} puts ${child.name} first`,
        `Reorder the elements of <${element.name}> as the sequence says: ${shortList(
          sequence.map((f) => f.name),
          60
        )}.`
      );
    }
    if (previous === undefined || index >= previous.index) {
      previous = { name: child.name, index };
    }
    const opaque = OPAQUE_ELEMENTS.get(`${typeLabel}.${field.name}`);
    if (opaque === undefined) {
      checkValue(child, field, childPath, schema, push);
    }
  }
  for (const field of sequence) {
    if (field.required && !counts.has(field.name)) {
      push(
        `${elementPath}.${field.name}`,
        `Required element \`${field.name}\` of ${typeLabel} is missing`,
        `Add <${field.name}> (a ${field.typeName}) to <${element.name}>.`
      );
    }
  }
}

function checkValue(
  element: Element,
  field: SchemaField,
  elementPath: string,
  schema: MetadataSchema,
  push: Push
): void {
  let typeName = field.typeName;
  const xsiType = element.attributes['xsi:type'];
  if (element.attributes['xsi:nil'] === 'true') {
    return;
  }
  if (xsiType !== undefined) {
    // Polymorphic values name their type: xsd:* for `any` (e.g. CustomMetadataValue.value in a custom
    // metadata record), or a subtype of the declared complex type.
    if (xsiType.startsWith('xsd:')) {
      const pattern = XSD_CHECKS[xsiType];
      if (!pattern) {
        push(
          elementPath,
          `xsi:type ${xsiType} is not an XML Schema type this gate knows`,
          `Use one of ${Object.keys(XSD_CHECKS).join(', ')}.`
        );
      } else if (kindOf(schema, typeName) !== 'any' && kindOf(schema, typeName) !== 'string') {
        push(
          elementPath,
          `\`${element.name}\` is a ${typeName}; xsi:type ${xsiType} does not apply`,
          'Remove the xsi:type attribute.'
        );
      } else if (!pattern.test(element.text) || element.children.length > 0) {
        push(
          elementPath,
          `\`${element.name}\` value "${element.text}" is not a valid ${xsiType}`,
          `Write a ${xsiType} value or change xsi:type.`
        );
      }
      return;
    }
    if (!schema.complex.has(xsiType) || !derivesFrom(schema, xsiType, typeName)) {
      push(
        elementPath,
        `xsi:type ${xsiType} is not ${typeName} nor a type derived from it`,
        `Use ${typeName} or one of its subtypes.`
      );
      return;
    }
    typeName = xsiType;
  }
  const kind = kindOf(schema, typeName);
  const value = element.text;
  if (kind === 'complex') {
    checkComplex(element, typeName, elementPath, schema, push);
    return;
  }
  if (element.children.length > 0) {
    push(
      elementPath,
      `\`${element.name}\` has child elements (${element.children.map((c) => c.name).join(', ')}) but ${field.typeName} is a simple value`,
      `Write the value as text inside <${element.name}>.`
    );
    return;
  }
  if (kind === 'boolean' && !BOOLEAN.test(value)) {
    push(elementPath, `\`${element.name}\` value \`${value}\` is not a boolean`, 'Write true or false.');
  } else if (kind === 'boolean' && !CANONICAL_BOOLEAN.test(value)) {
    // 1/0 deploy, but every check of this project (personas, View All, exposure) reads true/false, as the
    // Metadata API writes them on retrieve: a `1` would pass those checks unseen.
    push(
      elementPath,
      `\`${element.name}\` value \`${value}\` is a boolean but not in its canonical form (true/false, as the Metadata API retrieves it)`,
      'Write true or false: the project checks read permissions and flags in that form.'
    );
  } else if (kind === 'number' && !NUMBER.test(value)) {
    push(
      elementPath,
      `\`${element.name}\` value \`${value}\` is not a number`,
      'Write a decimal number such as 10 or 2.5.'
    );
  } else if (kind === 'enum') {
    const enumName = resolveName(schema, typeName);
    const allowed = schema.enums.get(enumName) ?? [];
    if (!allowed.includes(value)) {
      const near = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
      push(
        elementPath,
        `\`${element.name}\` value \`${value}\` is not a value of ${enumName}${near ? ` (did you mean \`${near}\`?)` : ''}`,
        `Use one of the values of ${enumName} (Metadata API enumeration).`,
        `allowed: ${shortList(allowed, 60)}`
      );
    }
  }
}

/**
 * Checks every file against its type.
 * @param files metadata source files with their types
 * @param schema the schema from {@link loadSchema}
 */
export function checkSchema(files: TypedSourceFile[], schema: MetadataSchema): Problem[] {
  return files.flatMap((file) => checkFileSchema(file, schema));
}
