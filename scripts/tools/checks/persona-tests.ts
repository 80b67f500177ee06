// Part of the Personas gate of `npm run validate`: the Apex persona tests (classes/PersonaWritesTest.cls,
// run in the scratch-org job) stay in step with the permission sets. For each persona permission set,
// read from its metadata, every object it may create or edit and every field it may edit must be named by
// that persona's test methods: the methods whose name starts with the persona (rep…, keyUser…, sync…, from
// the set's name after `Adoption_Cockpit_`), with the helpers they call in the class. A field is named as
// its SObjectField token `Object__c.Field__c` (comments do not count). So a write granted to a persona
// cannot reach the org without a test that tries it as that persona (issue 9, item 4).
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { XMLParser } from 'fast-xml-parser';
import type { Problem, SourceFile } from '../metadata-checks.ts';

/** The Apex test class that tries every persona's writes. */
export const PERSONA_TEST_CLASS = 'force-app/main/default/classes/PersonaWritesTest.cls';
const SET_PREFIX = 'Adoption_Cockpit_';

type ParseNode = { children?: ParseNode[]; getText(): string; constructor: { name: string } };

class SilentErrors extends ApexErrorListener {
  apexSyntaxError(): void {
    // A class that does not parse is the analyze gate's finding; here it just names fewer writes.
  }
}

function nodesOf(node: ParseNode, kind: string, found: ParseNode[] = []): ParseNode[] {
  if (node.constructor.name === kind) found.push(node);
  for (const c of node.children ?? []) nodesOf(c, kind, found);
  return found;
}

/** What a permission set lets its holder write, from its metadata. */
export interface PersonaGrants {
  set: string;
  file: string;
  /** Objects with allowCreate or allowEdit. */
  objects: string[];
  /** `Object.Field` with editable true. */
  fields: string[];
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Reads the writes each persona permission set grants.
 * @param files the project's sources
 * @returns one entry per `Adoption_Cockpit_*` permission set, in file order
 */
export function readPersonaGrants(files: SourceFile[]): PersonaGrants[] {
  const grants: PersonaGrants[] = [];
  for (const f of files) {
    const m = /\/permissionsets\/([^/]+)\.permissionset-meta\.xml$/.exec(f.path);
    if (!m?.[1]?.startsWith(SET_PREFIX)) continue;
    const doc = (xml.parse(f.text) as { PermissionSet?: Record<string, unknown> }).PermissionSet ?? {};
    const objects = arr(doc.objectPermissions as Record<string, string>[])
      .filter((o) => o.allowCreate === 'true' || o.allowEdit === 'true')
      .map((o) => o.object ?? '');
    const fields = arr(doc.fieldPermissions as Record<string, string>[])
      .filter((p) => p.editable === 'true')
      .map((p) => p.field ?? '');
    grants.push({ set: m[1], file: f.path, objects, fields });
  }
  return grants;
}

/**
 * The prefix of a persona's test methods: the set's name after `Adoption_Cockpit_`, in lower camel case.
 * @param set permission set API name, e.g. Adoption_Cockpit_Key_User
 * @returns e.g. keyUser
 */
export function methodPrefix(set: string): string {
  const words = set.slice(SET_PREFIX.length).split('_').filter(Boolean);
  return words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

/**
 * The text (tokens, without comments) of each method of a class, and the class's methods it calls.
 * @param text the Apex class source
 * @returns method name → text and callees
 */
export function readMethods(text: string): Map<string, { text: string; calls: Set<string> }> {
  const { parser } = ApexParserFactory.createLexerAndParser(text, new SilentErrors());
  const unit = parser.compilationUnit() as unknown as ParseNode;
  const methods = new Map<string, { text: string; calls: Set<string> }>();
  for (const m of nodesOf(unit, 'MethodDeclarationContext')) {
    const name = (m.children ?? []).find((c) => c.constructor.name === 'IdContext')?.getText() ?? '';
    methods.set(name, { text: m.getText(), calls: new Set() });
  }
  for (const method of methods.values()) {
    for (const [, callee] of method.text.matchAll(/(?<![\w.])(\w+)\(/g)) {
      if (callee && methods.has(callee)) method.calls.add(callee);
    }
  }
  return methods;
}

/** The text of the methods starting with a prefix and of every class method they call, transitively. */
function personaText(methods: Map<string, { text: string; calls: Set<string> }>, prefix: string): string {
  const seen = new Set<string>();
  const queue = [...methods.keys()].filter((n) => n.startsWith(prefix));
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...(methods.get(name)?.calls ?? []));
  }
  return [...seen].map((n) => methods.get(n)?.text ?? '').join('\n');
}

const names = (text: string, token: string): boolean =>
  new RegExp(`(?<![\\w.])${token.replace(/\./g, '\\.')}(?![\\w])`, 'i').test(text);

/**
 * Runs the check.
 * @param files the project's sources (force-app), as read by validate-metadata.ts
 * @returns problems naming the test class, the persona, the object or field, and the rule
 */
export function checkPersonaTests(files: SourceFile[]): Problem[] {
  const grants = readPersonaGrants(files);
  if (grants.length === 0) return [];
  const testClass = files.find((f) => f.path.endsWith(PERSONA_TEST_CLASS));
  if (!testClass) {
    return [
      {
        check: 'persona-tests',
        file: PERSONA_TEST_CLASS,
        message: `The Apex persona tests are missing: nothing tries the writes of ${grants.map((g) => g.set).join(', ')} as each persona.`,
        fix: 'Add PersonaWritesTest.cls with one or more test methods per persona (named rep…, keyUser…, sponsor…, manager…, admin…, sync…).'
      }
    ];
  }
  const methods = readMethods(testClass.text);
  const problems: Problem[] = [];
  for (const g of grants) {
    const prefix = methodPrefix(g.set);
    if (![...methods.keys()].some((n) => n.startsWith(prefix))) {
      problems.push({
        check: 'persona-tests',
        file: testClass.path,
        message: `No test method tries the writes of ${g.set} (${g.file}): none is named ${prefix}….`,
        fix: `Add a test method named ${prefix}… that runs as a user holding only ${g.set} and tries its writes.`
      });
      continue;
    }
    const text = personaText(methods, prefix);
    for (const object of g.objects) {
      if (!names(text, object)) {
        problems.push({
          check: 'persona-tests',
          file: testClass.path,
          message: `${g.set} may create or edit ${object} (${g.file}), but no ${prefix}… test method writes ${object} as that persona.`,
          fix: `Try the write in a ${prefix}… test method (System.runAs a user holding only ${g.set}), or remove the permission.`
        });
      }
    }
    for (const field of g.fields) {
      if (!names(text, field)) {
        problems.push({
          check: 'persona-tests',
          file: testClass.path,
          message: `${g.set} may edit ${field} (${g.file}), but no ${prefix}… test method sets it (name the field as ${field}).`,
          fix: `Set ${field} in a ${prefix}… test method's write, and assert what the org's rules allow or refuse, or remove the field permission.`
        });
      }
    }
  }
  return problems;
}
