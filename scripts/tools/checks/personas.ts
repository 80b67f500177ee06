// The Personas gate of `npm run validate`: from the metadata alone, for each persona permission set and
// each place its users reach (the app's tabs and pages, its Home and record page overrides, the utility
// bar, the components placed there and their child components), every write a component makes
// (createRecord / updateRecord, LDS forms) and every DML of an Apex method it calls (Apex runs in user
// mode here) is allowed by that set's object and field permissions, unless the component hides the
// action from users who cannot do it (it wires getObjectInfo, or getObjectInfos, for that object and reads createable /
// updateable). Also: every field a completeness rule names, and every field the sync reads, is readable
// by the Sync set; no set lists a field that is not permissionable (a deploy error); each persona's
// writable objects and fields are exactly the product's intended write set (persona-writes.ts).
// `npm run validate -- --personas` prints the matrix.
import ts from 'typescript';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { XMLParser } from 'fast-xml-parser';
import type { Problem, SourceFile } from '../metadata-checks.ts';
import {
  ACTIVITY_OBJECTS,
  isAlwaysAccessibleStandardField,
  permissionField,
  SYNC_FIXED_READS
} from './platform-fields.ts';
import { PERSONA_WRITES } from './persona-writes.ts';

/** The integration user's permission set: measured, not a persona of the UI. */
export const SYNC_PERMISSION_SET = 'Adoption_Cockpit_Sync';

type Operation = 'create' | 'edit' | 'delete';

interface ObjectAccess {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
}

interface PermissionSetModel {
  name: string;
  file: string;
  objects: Map<string, ObjectAccess>;
  fields: Map<string, { read: boolean; edit: boolean }>;
  classes: Set<string>;
  tabs: Set<string>;
  apps: Set<string>;
}

interface CustomFieldModel {
  required: boolean;
  masterDetail: boolean;
  readOnly: boolean;
}

/** One write a component can make, directly (LDS) or through an Apex method. */
export interface Write {
  operation: Operation;
  /** Object API name, or undefined for a standard CRM record of a dynamic type (profile-governed). */
  object: string | undefined;
  fields: string[];
  /** `lds createRecord`, `lds updateRecord`, `apex Class.method`, `lightning-record-edit-form`. */
  via: string;
}

interface ComponentModel {
  name: string;
  file: string;
  children: string[];
  writes: Write[];
  /** Objects whose getObjectInfo the component wires, with the properties it reads. */
  gates: Map<string, Set<'createable' | 'updateable'>>;
}

/** A cell of the matrix: persona × place × component × write. */
export interface MatrixRow {
  persona: string;
  place: string;
  component: string;
  write: Write;
  verdict: 'allowed' | 'hidden' | 'profile' | 'refused';
  missing: string[];
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const isCustom = (name: string): boolean => /__c$/.test(name);
const kebabToCamel = (tag: string): string => tag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

function parse(file: SourceFile): Record<string, unknown> {
  const doc = xml.parse(file.text) as Record<string, unknown>;
  const key = Object.keys(doc).find((k) => k !== '?xml');
  return (key ? doc[key] : {}) as Record<string, unknown>;
}

function readPermissionSets(files: SourceFile[]): Map<string, PermissionSetModel> {
  const sets = new Map<string, PermissionSetModel>();
  for (const f of files) {
    const m = /\/permissionsets\/([^/]+)\.permissionset-meta\.xml$/.exec(f.path);
    if (!m?.[1]) continue;
    const doc = parse(f);
    const set: PermissionSetModel = {
      name: m[1],
      file: f.path,
      objects: new Map(),
      fields: new Map(),
      classes: new Set(),
      tabs: new Set(),
      apps: new Set()
    };
    for (const op of arr(doc.objectPermissions as Record<string, unknown>[])) {
      set.objects.set(str(op.object), {
        create: op.allowCreate === 'true',
        read: op.allowRead === 'true',
        edit: op.allowEdit === 'true',
        delete: op.allowDelete === 'true'
      });
    }
    for (const fp of arr(doc.fieldPermissions as Record<string, unknown>[])) {
      set.fields.set(str(fp.field), { read: fp.readable === 'true', edit: fp.editable === 'true' });
    }
    for (const ca of arr(doc.classAccesses as Record<string, unknown>[])) {
      if (ca.enabled === 'true') set.classes.add(str(ca.apexClass));
    }
    for (const t of arr(doc.tabSettings as Record<string, unknown>[])) {
      if (t.visibility === 'Visible' || t.visibility === 'Available') set.tabs.add(str(t.tab));
    }
    for (const a of arr(doc.applicationVisibilities as Record<string, unknown>[])) {
      if (a.visible === 'true') set.apps.add(str(a.application));
    }
    sets.set(set.name, set);
  }
  return sets;
}

function readCustomFields(files: SourceFile[]): Map<string, CustomFieldModel> {
  const fields = new Map<string, CustomFieldModel>();
  for (const f of files) {
    const m = /\/objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/.exec(f.path);
    if (!m) continue;
    const doc = parse(f);
    const type = str(doc.type);
    fields.set(`${m[1]}.${m[2]}`, {
      required: doc.required === 'true',
      masterDetail: type === 'MasterDetail',
      readOnly: doc.formula !== undefined || type === 'Summary' || type === 'AutoNumber'
    });
  }
  return fields;
}

/** Whether a field is outside field-level security (always accessible with the object). */
function alwaysAccessible(object: string, field: string, custom: Map<string, CustomFieldModel>): boolean {
  if (isCustom(field)) {
    const c = custom.get(`${object}.${field}`);
    return Boolean(c && (c.required || c.masterDetail));
  }
  return isAlwaysAccessibleStandardField(object, permissionField(object, field));
}

// ---------------------------------------------------------------------------------------------------
// Components (TypeScript sources) and Apex methods

function stringLiteral(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined;
}

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) {
    return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
  }
  return undefined;
}

function objectLiteralKeys(node: ts.ObjectLiteralExpression): { keys: string[]; spreads: string[] } {
  const keys: string[] = [];
  const spreads: string[] = [];
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) {
      if (ts.isIdentifier(p.expression)) spreads.push(p.expression.text);
    } else {
      const n = propertyName(p);
      if (n) keys.push(n);
    }
  }
  return { keys, spreads };
}

function property(node: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p) === name) return p.initializer;
  }
  return undefined;
}

/** Reads the writes, Apex calls, getObjectInfo(s) gates and schema imports of one component source. */
function readComponentSource(
  text: string,
  fileName: string
): { writes: Write[]; apex: string[]; gates: Map<string, Set<'createable' | 'updateable'>> } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const apexImports = new Map<string, string>(); // local name → Class.method
  const schemaImports = new Map<string, string>(); // local name → Object or Object.Field
  for (const s of source.statements) {
    if (!ts.isImportDeclaration(s) || !s.importClause?.name) continue;
    const from = stringLiteral(s.moduleSpecifier) ?? '';
    const local = s.importClause.name.text;
    if (from.startsWith('@salesforce/apex/')) apexImports.set(local, from.slice('@salesforce/apex/'.length));
    if (from.startsWith('@salesforce/schema/'))
      schemaImports.set(local, from.slice('@salesforce/schema/'.length));
  }
  const resolveName = (e: ts.Expression | undefined): string | undefined => {
    if (!e) return undefined;
    const literal = stringLiteral(e);
    if (literal) return literal;
    if (ts.isIdentifier(e)) return schemaImports.get(e.text);
    return undefined;
  };
  // Module-level `const NAMES = ['A__c', B]`: getObjectInfos takes its objectApiNames from one.
  const constArrays = new Map<string, ts.ArrayLiteralExpression>();
  for (const s of source.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && ts.isArrayLiteralExpression(d.initializer))
        constArrays.set(d.name.text, d.initializer);
    }
  }
  const resolveNames = (e: ts.Expression | undefined): string[] => {
    const array =
      e && ts.isArrayLiteralExpression(e) ? e : e && ts.isIdentifier(e) ? constArrays.get(e.text) : undefined;
    return array ? array.elements.map((x) => resolveName(x)).filter((x): x is string => x !== undefined) : [];
  };

  const writes: Write[] = [];
  const gates = new Map<string, Set<'createable' | 'updateable'>>();
  const reads = {
    createable: /\bcreateable\b|\bcanCreate\(/.test(text),
    updateable: /\bupdateable\b|\bcanUpdate\(/.test(text)
  };
  // Methods that pass a parameter into an LDS write as a spread, to resolve their callers' fields.
  const spreadingMethods = new Map<string, { index: number; write: Write }>();
  const pendingCalls: { method: string; args: readonly ts.Expression[] }[] = [];

  const visit = (node: ts.Node, method: ts.MethodDeclaration | undefined): void => {
    if (ts.isMethodDeclaration(node)) method = node;
    if (ts.isDecorator(node) && ts.isCallExpression(node.expression)) {
      const [adapter, config] = node.expression.arguments;
      if (
        adapter &&
        ts.isIdentifier(adapter) &&
        (adapter.text === 'getObjectInfo' || adapter.text === 'getObjectInfos') &&
        config &&
        ts.isObjectLiteralExpression(config)
      ) {
        const objects =
          adapter.text === 'getObjectInfo'
            ? [resolveName(property(config, 'objectApiName'))]
            : resolveNames(property(config, 'objectApiNames'));
        for (const object of objects) {
          if (!object) continue;
          const set = gates.get(object) ?? new Set();
          if (reads.createable) set.add('createable');
          if (reads.updateable) set.add('updateable');
          gates.set(object, set);
        }
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : undefined;
      const arg = node.arguments[0];
      if ((name === 'createRecord' || name === 'updateRecord') && arg && ts.isObjectLiteralExpression(arg)) {
        const fieldsNode = property(arg, 'fields');
        const { keys, spreads } =
          fieldsNode && ts.isObjectLiteralExpression(fieldsNode)
            ? objectLiteralKeys(fieldsNode)
            : { keys: [], spreads: [] };
        const write: Write = {
          operation: name === 'createRecord' ? 'create' : 'edit',
          object: resolveName(property(arg, 'apiName')),
          fields: keys.filter((k) => k !== 'Id'),
          via: `lds ${name}`
        };
        writes.push(write);
        if (method && spreads.length > 0) {
          const index = method.parameters.findIndex(
            (p) => ts.isIdentifier(p.name) && spreads.includes(p.name.text)
          );
          if (index >= 0 && ts.isIdentifier(method.name))
            spreadingMethods.set(method.name.text, { index, write });
        }
      } else if (name && apexImports.has(name)) {
        writes.push({
          operation: 'create',
          object: undefined,
          fields: [],
          via: `apex ${apexImports.get(name)}`
        });
      } else if (
        ts.isPropertyAccessExpression(callee) &&
        callee.expression.kind === ts.SyntaxKind.ThisKeyword &&
        ts.isIdentifier(callee.name)
      ) {
        pendingCalls.push({ method: callee.name.text, args: node.arguments });
      }
    }
    ts.forEachChild(node, (child) => {
      visit(child, method);
    });
  };
  visit(source, undefined);
  for (const call of pendingCalls) {
    const spreading = spreadingMethods.get(call.method);
    const arg = spreading ? call.args[spreading.index] : undefined;
    if (spreading && arg && ts.isObjectLiteralExpression(arg)) {
      for (const k of objectLiteralKeys(arg).keys) {
        if (k !== 'Id' && !spreading.write.fields.includes(k)) spreading.write.fields.push(k);
      }
    }
  }
  const apex = writes.filter((w) => w.via.startsWith('apex ')).map((w) => w.via.slice(5));
  return { writes: writes.filter((w) => !w.via.startsWith('apex ')), apex, gates };
}

interface ApexDml {
  operation: Operation;
  object: string;
  fields: string[];
}

/** Syntax errors are reported by the analyze gate, not here. */
class SilentErrors extends ApexErrorListener {
  apexSyntaxError(): void {
    // ignored
  }
}

type ParseNode = { children?: ParseNode[]; getText(): string; constructor: { name: string } };

function nodesOf(node: ParseNode, kind: string, found: ParseNode[] = []): ParseNode[] {
  if (node.constructor.name === kind) found.push(node);
  for (const c of node.children ?? []) nodesOf(c, kind, found);
  return found;
}

/** Apex class → method → DML (object, fields set, operation), following calls inside the class. */
export function readApexDml(text: string, sobjects: Set<string>): Map<string, ApexDml[]> {
  // Syntax errors are the analyze gate's: here a class that does not parse just yields fewer DML.
  const { parser } = ApexParserFactory.createLexerAndParser(text, new SilentErrors());
  const unit = parser.compilationUnit() as unknown as ParseNode;
  const direct = new Map<string, ApexDml[]>();
  const calls = new Map<string, Set<string>>();
  const methodNames = new Set<string>();
  for (const m of nodesOf(unit, 'MethodDeclarationContext')) {
    const nameNode = (m.children ?? []).find((c) => c.constructor.name === 'IdContext');
    const name = nameNode?.getText() ?? '';
    methodNames.add(name);
    // Local variable types and the fields set on each SObject type in this method.
    const typeOf = new Map<string, string>();
    for (const d of nodesOf(m, 'LocalVariableDeclarationContext')) {
      const typeText = (d.children ?? [])[0]?.getText() ?? '';
      const object = /^(?:List<)?(\w+?)>?$/.exec(typeText)?.[1] ?? '';
      for (const v of nodesOf(d, 'VariableDeclaratorContext')) {
        const id = (v.children ?? [])[0]?.getText() ?? '';
        if (sobjects.has(object)) typeOf.set(id.toLowerCase(), object);
      }
    }
    for (const p of nodesOf(m, 'FormalParameterContext')) {
      const kids = (p.children ?? []).filter((c) => c.constructor.name !== 'ModifierContext');
      const object = /^(?:List<)?(\w+?)>?$/.exec(kids[0]?.getText() ?? '')?.[1] ?? '';
      if (sobjects.has(object)) typeOf.set((kids[1]?.getText() ?? '').toLowerCase(), object);
    }
    const fieldsSet = new Map<string, Set<string>>();
    for (const c of nodesOf(m, 'CreatorContext')) {
      const object = (c.children ?? [])[0]?.getText() ?? '';
      if (!sobjects.has(object)) continue;
      const set = fieldsSet.get(object) ?? new Set<string>();
      for (const a of nodesOf(c, 'AssignExpressionContext')) {
        const target = (a.children ?? [])[0]?.getText() ?? '';
        if (/^\w+$/.test(target)) set.add(target);
      }
      fieldsSet.set(object, set);
    }
    for (const a of nodesOf(m, 'AssignExpressionContext')) {
      const target = /^(\w+)\.(\w+)$/.exec((a.children ?? [])[0]?.getText() ?? '');
      const object = target ? typeOf.get((target[1] ?? '').toLowerCase()) : undefined;
      if (target && object)
        fieldsSet.set(object, new Set([...(fieldsSet.get(object) ?? []), target[2] ?? '']));
    }
    const dml: ApexDml[] = [];
    const add = (operation: Operation, expression: string): void => {
      const variable = /^(\w+)/.exec(expression)?.[1]?.toLowerCase() ?? '';
      const object = typeOf.get(variable);
      if (object) dml.push({ operation, object, fields: [...(fieldsSet.get(object) ?? [])] });
    };
    for (const [kind, op] of [
      ['InsertStatementContext', 'create'],
      ['UpdateStatementContext', 'edit'],
      ['DeleteStatementContext', 'delete']
    ] as const) {
      for (const s of nodesOf(m, kind)) {
        const expr = (s.children ?? []).find((c) => c.constructor.name.endsWith('ExpressionContext'));
        add(op, expr?.getText() ?? '');
      }
    }
    for (const s of nodesOf(m, 'UpsertStatementContext')) {
      const expr = (s.children ?? []).find((c) => c.constructor.name.endsWith('ExpressionContext'));
      add('create', expr?.getText() ?? '');
      add('edit', expr?.getText() ?? '');
    }
    for (const d of nodesOf(m, 'DotExpressionContext')) {
      const call = /^Database\.(insert|update|upsert|delete)\((\w+)/i.exec(d.getText());
      if (!call) continue;
      const verb = (call[1] ?? '').toLowerCase();
      if (verb === 'upsert') {
        add('create', call[2] ?? '');
        add('edit', call[2] ?? '');
      } else add(verb === 'insert' ? 'create' : verb === 'update' ? 'edit' : 'delete', call[2] ?? '');
    }
    direct.set(name, [...(direct.get(name) ?? []), ...dml]);
    const called = new Set<string>();
    for (const c of nodesOf(m, 'MethodCallContext')) {
      const callee = /^(\w+)\(/.exec(c.getText())?.[1];
      if (callee) called.add(callee);
    }
    calls.set(name, called);
  }
  const result = new Map<string, ApexDml[]>();
  for (const name of methodNames) {
    const seen = new Set<string>();
    const stack = [name];
    const all: ApexDml[] = [];
    while (stack.length > 0) {
      const next = stack.pop() ?? '';
      if (seen.has(next)) continue;
      seen.add(next);
      all.push(...(direct.get(next) ?? []));
      for (const c of calls.get(next) ?? []) if (methodNames.has(c)) stack.push(c);
    }
    result.set(name, all);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// The model and the matrix

/** Everything the check needs, read from the project's source files. */
export interface PersonasModel {
  sets: Map<string, PermissionSetModel>;
  customFields: Map<string, CustomFieldModel>;
  components: Map<string, ComponentModel>;
  /** Places per persona: label → top-level component names. */
  places: Map<string, { place: string; file: string; components: string[] }[]>;
  rules: { object: string; field: string; file: string }[];
}

export function buildPersonasModel(files: SourceFile[]): PersonasModel {
  const sets = readPermissionSets(files);
  const customFields = readCustomFields(files);
  const sobjects = new Set<string>([
    ...[...customFields.keys()].map((k) => k.split('.')[0] ?? ''),
    'Account',
    'Contact',
    'Lead',
    'Opportunity',
    'Task',
    'Event'
  ]);
  // Only the classes components call are parsed (the parser takes a while per class).
  const apexText = new Map<string, string>();
  for (const f of files) {
    const m = /\/classes\/(\w+)\.cls$/.exec(f.path);
    if (m?.[1]) apexText.set(m[1], f.text);
  }
  const parsed = new Map<string, Map<string, ApexDml[]>>();
  const apex = {
    get(cls: string): Map<string, ApexDml[]> | undefined {
      const text = apexText.get(cls);
      if (text !== undefined && !parsed.has(cls)) parsed.set(cls, readApexDml(text, sobjects));
      return parsed.get(cls);
    }
  };

  const components = new Map<string, ComponentModel>();
  for (const f of files) {
    const m = /\/lwc\/(\w+)\/(\w+)\.ts$/.exec(f.path);
    if (!m?.[1] || f.path.includes('__tests__') || f.path.endsWith('.d.ts')) continue;
    const name = m[1];
    const c: ComponentModel = components.get(name) ?? {
      name,
      file: f.path,
      children: [],
      writes: [],
      gates: new Map()
    };
    const read = readComponentSource(f.text, f.path);
    c.writes.push(...read.writes);
    for (const call of read.apex) {
      const [cls = '', method = ''] = call.split('.');
      const dml = apex.get(cls)?.get(method) ?? [];
      for (const d of dml)
        c.writes.push({ operation: d.operation, object: d.object, fields: d.fields, via: `apex ${call}` });
      c.writes.push({ operation: 'create', object: `apex:${cls}`, fields: [], via: `apex ${call}` });
    }
    for (const [object, props] of read.gates)
      c.gates.set(object, new Set([...(c.gates.get(object) ?? []), ...props]));
    if (m[2] === name) c.file = f.path;
    components.set(name, c);
  }
  for (const f of files) {
    const m = /\/lwc\/(\w+)\/\w+\.html$/.exec(f.path);
    const c = m?.[1] ? components.get(m[1]) : undefined;
    if (!c) continue;
    for (const tag of f.text.matchAll(/<c-([a-z0-9-]+)/g)) c.children.push(kebabToCamel(tag[1] ?? ''));
    if (/<lightning-record-edit-form/.test(f.text)) {
      c.writes.push({ operation: 'edit', object: undefined, fields: [], via: 'lightning-record-edit-form' });
    }
  }

  // Pages and the app.
  const pages = new Map<string, { type: string; sobject: string; components: string[]; file: string }>();
  for (const f of files) {
    const m = /\/flexipages\/(\w+)\.flexipage-meta\.xml$/.exec(f.path);
    if (!m?.[1]) continue;
    const doc = parse(f);
    const names = [...f.text.matchAll(/<componentName>(?:c:|c__)?([A-Za-z0-9_]+)<\/componentName>/g)].map(
      (x) => x[1] ?? ''
    );
    pages.set(m[1], { type: str(doc.type), sobject: str(doc.sobjectType), components: names, file: f.path });
  }
  const tabPages = new Map<string, string>();
  for (const f of files) {
    const m = /\/tabs\/(\w+)\.tab-meta\.xml$/.exec(f.path);
    const page = m?.[1] ? str(parse(f).flexiPage) : '';
    if (m?.[1] && page) tabPages.set(m[1], page);
  }
  const places = new Map<string, { place: string; file: string; components: string[] }[]>();
  for (const f of files) {
    const m = /\/applications\/(\w+)\.app-meta\.xml$/.exec(f.path);
    if (!m?.[1]) continue;
    const app = parse(f);
    for (const set of sets.values()) {
      if (!set.apps.has(m[1])) continue;
      const reach: { place: string; file: string; components: string[] }[] = [];
      const addPage = (label: string, pageName: string): void => {
        const page = pages.get(pageName);
        if (page) reach.push({ place: `${label} ${pageName}`, file: page.file, components: page.components });
      };
      addPage('utility bar', str(app.utilityBar));
      for (const o of arr(app.actionOverrides as Record<string, unknown>[])) {
        const target = str(o.pageOrSobjectType);
        if (target === 'standard-home' || set.objects.get(target)?.read)
          addPage(`${str(o.actionName)} of ${target}:`, str(o.content));
      }
      for (const tab of arr(app.tabs as string[])) {
        const page = tabPages.get(str(tab));
        if (page && set.tabs.has(str(tab))) addPage('tab', page);
      }
      places.set(set.name, [...(places.get(set.name) ?? []), ...reach]);
    }
  }

  const rules: { object: string; field: string; file: string }[] = [];
  for (const f of files) {
    if (!/\/customMetadata\/Completeness_Rule\.[^/]+\.md-meta\.xml$/.test(f.path)) continue;
    const values = new Map<string, string>();
    for (const v of f.text.matchAll(/<field>(\w+)<\/field>\s*<value[^>]*>([^<]*)<\/value>/g))
      values.set(v[1] ?? '', v[2] ?? '');
    if (values.get('Active__c') !== 'false') {
      rules.push({
        object: values.get('Object__c') ?? '',
        field: values.get('Field__c') ?? '',
        file: f.path
      });
    }
  }
  return { sets, customFields, components, places, rules };
}

function gated(chain: ComponentModel[], write: Write): boolean {
  const need = write.operation === 'create' ? 'createable' : 'updateable';
  return chain.some((c) => write.object !== undefined && c.gates.get(write.object)?.has(need));
}

/** What a permission set lacks for one write (empty: allowed). */
function missingFor(set: PermissionSetModel, write: Write, custom: Map<string, CustomFieldModel>): string[] {
  const object = write.object ?? '';
  if (object.startsWith('apex:')) {
    const cls = object.slice(5);
    return set.classes.has(cls) ? [] : [`Apex class access ${cls}`];
  }
  const access = set.objects.get(object);
  const missing: string[] = [];
  const flag = write.operation === 'create' ? 'create' : write.operation === 'edit' ? 'edit' : 'delete';
  if (!access?.[flag])
    missing.push(`${object} ${flag === 'create' ? 'Create' : flag === 'edit' ? 'Edit' : 'Delete'}`);
  if (write.operation === 'delete') return missing;
  for (const field of write.fields) {
    if (alwaysAccessible(object, field, custom)) continue;
    if (!set.fields.get(`${object}.${permissionField(object, field)}`)?.edit)
      missing.push(`${object}.${field} Edit`);
  }
  return missing;
}

/** The matrix: every persona × place × component (with its children) × write. */
export function personaMatrix(model: PersonasModel): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const [persona, reach] of model.places) {
    const set = model.sets.get(persona);
    if (!set) continue;
    for (const { place, components } of reach) {
      const visit = (name: string, chain: ComponentModel[]): void => {
        const c = model.components.get(name);
        if (!c || chain.includes(c)) return;
        const path = [...chain, c];
        for (const write of c.writes) {
          const standard =
            write.object === undefined || (!isCustom(write.object) && !write.object.startsWith('apex:'));
          const missing = standard ? [] : missingFor(set, write, model.customFields);
          const verdict: MatrixRow['verdict'] = standard
            ? 'profile'
            : missing.length === 0
              ? 'allowed'
              : gated(path, write)
                ? 'hidden'
                : 'refused';
          rows.push({
            persona,
            place,
            component: path.map((p) => p.name).join(' > '),
            write,
            verdict,
            missing
          });
        }
        for (const child of c.children) visit(child, path);
      };
      for (const name of components) visit(name, []);
    }
  }
  return rows;
}

/** Infers the object of an updateRecord without apiName from the custom fields it sets. */
function inferObjects(model: PersonasModel): void {
  for (const c of model.components.values()) {
    for (const w of c.writes) {
      if (w.object !== undefined || !w.via.startsWith('lds')) continue;
      const custom = w.fields.filter(isCustom);
      const owners = new Set(
        [...model.customFields.keys()]
          .filter((k) => custom.includes(k.split('.')[1] ?? ''))
          .map((k) => k.split('.')[0])
      );
      if (owners.size === 1) w.object = [...owners][0];
    }
  }
}

/**
 * Runs the personas gate.
 * @param files the project's source files (force-app), as read by validate-metadata.ts
 * @returns problems naming the persona, the page/component, the object.field and the missing permission
 */
export function checkPersonas(files: SourceFile[]): Problem[] {
  const model = buildPersonasModel(files);
  inferObjects(model);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const row of personaMatrix(model)) {
    if (row.verdict !== 'refused') continue;
    const key = `${row.persona}|${row.component}|${row.write.via}|${row.missing.join()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = model.components.get(row.component.split(' > ').pop() ?? '')?.file ?? '';
    problems.push({
      check: 'personas',
      file,
      message: `Persona ${row.persona} reaches ${row.component} on ${row.place}, whose ${row.write.via} (${row.write.operation} ${row.write.object ?? ''}${row.write.fields.length ? `: ${row.write.fields.join(', ')}` : ''}) needs ${row.missing.join(', ')}, which ${row.persona} lacks.`,
      fix: `Hide or disable the action from users who cannot do it (wire getObjectInfo for ${row.write.object ?? 'the object'} and read ${row.write.operation === 'create' ? 'createable' : 'updateable'}), or grant it in ${row.persona} if the product intends it (persona-writes.ts).`
    });
  }
  problems.push(...checkSyncReads(model), ...checkPermissionable(model), ...checkIntent(model));
  return problems;
}

/** Every field a completeness rule names, and every field the sync reads, is readable by the Sync set. */
function checkSyncReads(model: PersonasModel): Problem[] {
  const sync = model.sets.get(SYNC_PERMISSION_SET);
  if (!sync) return [];
  const problems: Problem[] = [];
  const reads = [
    ...model.rules.map((r) => ({ ...r, why: `the completeness rule ${r.file.split('/').pop() ?? ''}` })),
    ...Object.entries(SYNC_FIXED_READS).flatMap(([object, fields]) =>
      fields.map((field) => ({
        object,
        field,
        file: sync.file,
        why: 'the sync (scripts/sync/engine/measure.ts)'
      }))
    )
  ];
  for (const r of reads) {
    if (ACTIVITY_OBJECTS.includes(r.object) && isAlwaysAccessibleStandardField(r.object, r.field)) continue;
    if (!sync.objects.get(r.object)?.read && !ACTIVITY_OBJECTS.includes(r.object)) {
      problems.push({
        check: 'personas',
        file: sync.file,
        message: `${SYNC_PERMISSION_SET} cannot read ${r.object}, which ${r.why} reads (${r.object}.${r.field}).`,
        fix: `Add objectPermissions ${r.object} with allowRead true.`
      });
      continue;
    }
    if (alwaysAccessible(r.object, r.field, model.customFields)) continue;
    const listed = `${r.object}.${permissionField(r.object, r.field)}`;
    if (!sync.fields.get(listed)?.read) {
      problems.push({
        check: 'personas',
        file: sync.file,
        message: `${SYNC_PERMISSION_SET} has no read access to ${r.object}.${r.field}, which ${r.why} reads: with the "Minimum Access - API Only Integrations" profile the field is invisible and the live sync stops.`,
        fix: `Add fieldPermissions ${listed} (readable true, editable false) to ${SYNC_PERMISSION_SET}.`
      });
    }
  }
  return problems;
}

/** No set lists a field outside field-level security, nor makes a read-only field editable (deploy errors). */
function checkPermissionable(model: PersonasModel): Problem[] {
  const problems: Problem[] = [];
  for (const set of model.sets.values()) {
    for (const [ref, access] of set.fields) {
      const [object = '', field = ''] = ref.split('.');
      const custom = model.customFields.get(ref);
      if (
        alwaysAccessible(object, field, model.customFields) ||
        (!isCustom(field) && permissionField(object, field) !== field)
      ) {
        problems.push({
          check: 'personas',
          file: set.file,
          message: `fieldPermissions ${ref}: the field is not permissionable (required, master-detail, system field or address component); the deploy refuses it.`,
          fix: `Remove the entry: the field is always accessible with the object${permissionField(object, field) !== field ? `; list ${object}.${permissionField(object, field)} instead` : ''}.`
        });
      } else if (access.edit && custom?.readOnly) {
        problems.push({
          check: 'personas',
          file: set.file,
          message: `fieldPermissions ${ref}: editable true on a formula, roll-up or auto-number field; the deploy refuses it.`,
          fix: 'Set editable to false.'
        });
      }
    }
  }
  return problems;
}

/** Each persona set grants exactly the product's intended writes (persona-writes.ts), both ways. */
function checkIntent(model: PersonasModel): Problem[] {
  const problems: Problem[] = [];
  for (const [name, intent] of Object.entries(PERSONA_WRITES)) {
    const set = model.sets.get(name);
    if (!set) {
      problems.push({
        check: 'personas',
        file: 'scripts/tools/checks/persona-writes.ts',
        message: `The intended writes name the permission set ${name}, which is not in the project.`,
        fix: 'Rename the entry in persona-writes.ts or add the permission set.'
      });
      continue;
    }
    for (const op of ['create', 'edit', 'delete'] as const) {
      const granted = new Set([...set.objects].filter(([, a]) => a[op]).map(([o]) => o));
      for (const object of granted) {
        if (!intent[op].includes(object)) {
          problems.push(
            intentProblem(set, `${op} ${object}`, 'grants', 'the product does not let this persona do it')
          );
        }
      }
      for (const object of intent[op]) {
        if (!granted.has(object))
          problems.push(intentProblem(set, `${op} ${object}`, 'lacks', 'the product needs it'));
      }
    }
    const editable = new Set([...set.fields].filter(([, a]) => a.edit).map(([f]) => f));
    for (const field of editable) {
      if (!intent.fields.includes(field)) {
        problems.push(
          intentProblem(set, `edit ${field}`, 'grants', 'the product does not let this persona write it')
        );
      }
    }
    for (const field of intent.fields) {
      if (!editable.has(field))
        problems.push(intentProblem(set, `edit ${field}`, 'lacks', 'the product needs it'));
    }
  }
  return problems;
}

function intentProblem(
  set: PermissionSetModel,
  what: string,
  verb: 'grants' | 'lacks',
  why: string
): Problem {
  return {
    check: 'personas',
    file: set.file,
    message: `Persona ${set.name} ${verb} ${what}: ${why} (scripts/tools/checks/persona-writes.ts).`,
    fix:
      verb === 'grants'
        ? `Remove the permission from ${set.name}, or add it to PERSONA_WRITES if the product intends it (and to the README's persona table).`
        : `Grant it in ${set.name}, or remove it from PERSONA_WRITES.`
  };
}

/** The matrix as text: one line per persona × place × component × write, with its verdict. */
export function formatPersonaMatrix(files: SourceFile[]): string {
  const model = buildPersonasModel(files);
  inferObjects(model);
  const lines: string[] = [];
  let persona = '';
  for (const row of personaMatrix(model)) {
    if (row.persona !== persona) {
      persona = row.persona;
      lines.push('', persona);
    }
    const what = `${row.write.operation} ${row.write.object ?? '(record of the page)'}${row.write.fields.length ? ` [${row.write.fields.join(', ')}]` : ''}`;
    const verdict =
      row.verdict === 'allowed'
        ? 'allowed'
        : row.verdict === 'hidden'
          ? `hidden from this persona (lacks ${row.missing.join(', ')})`
          : row.verdict === 'profile'
            ? 'standard object: profile and sharing decide'
            : `REFUSED (lacks ${row.missing.join(', ')})`;
    lines.push(`  ${row.place} | ${row.component} | ${row.write.via} | ${what} | ${verdict}`);
  }
  return lines.join('\n');
}
