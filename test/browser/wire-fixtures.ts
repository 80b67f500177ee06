// Which wire adapters a scenario's components use, read from their sources, and which of them the
// scenario gives no fixture: such a wire never answers in the gate (the component stays loading, or a
// child silently renders nothing), so the state the scenario claims to show is not the one drawn.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One `@wire(adapter, …)` of a component: the fixture id it reads and where it is written. */
export interface WireUse {
  /** The fixture id, as test/browser/platform registers it: `lightning/uiObjectInfoApi.getObjectInfo`, `@salesforce/apex/Cls.method`. */
  id: string;
  /** The component's folder name (`trainingFollowUps`). */
  component: string;
  /** Its source file, relative to the project root. */
  file: string;
  /** 1-based line of the decorator. */
  line: number;
  /** The decorated property or method. */
  member: string;
}

/** The component folder holding `name`: the first of `dirs` that has it. */
function componentDir(name: string, dirs: readonly string[]): string | undefined {
  return dirs.map((dir) => path.join(dir, name)).find((dir) => existsSync(dir));
}

/** The component's class source: `<name>.ts` (project components), else `<name>.js` (the gate's fixtures). */
function componentSource(name: string, dirs: readonly string[]): string | undefined {
  const dir = componentDir(name, dirs);
  if (!dir) return undefined;
  return ['ts', 'js'].map((ext) => path.join(dir, `${name}.${ext}`)).find((file) => existsSync(file));
}

/**
 * `c-*` children in a component's templates (every .html of its folder), as folder names
 * (c-action-item → actionItem), in the order first written.
 */
export function childComponents(name: string, dirs: readonly string[]): string[] {
  const dir = componentDir(name, dirs);
  if (!dir) return [];
  const tags = readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .flatMap((file) => readFileSync(path.join(dir, file), 'utf8').match(/<c-[a-z0-9-]+/g) ?? []);
  const names = tags.map((tag) => tag.slice(3).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
  return [...new Set(names)];
}

/** The components and, transitively, every child their templates name, each once. */
export function componentTree(roots: readonly string[], dirs: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...childComponents(next, dirs));
  }
  return [...seen];
}

/**
 * The wire adapters one component's class uses: each `@wire(x, …)` whose `x` is imported, as the fixture
 * id the gate's platform modules read (a default import is its module, `@salesforce/apex/Cls.method`; a
 * named one is `module.name`, `lightning/navigation.CurrentPageReference`). An adapter defined in the
 * component itself is not a platform module and has no fixture: it is left out.
 * @param root the project root, for the file names reported
 */
export function wireUses(name: string, dirs: readonly string[], root: string): WireUse[] {
  const file = componentSource(name, dirs);
  if (!file) return [];
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause?.name) imports.set(clause.name.text, from);
    if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) {
        imports.set(element.name.text, `${from}.${(element.propertyName ?? element.name).text}`);
      }
    }
  }
  const uses: WireUse[] = [];
  const visit = (node: ts.Node): void => {
    const decorators = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
    for (const decorator of decorators) {
      const call = decorator.expression;
      if (
        !ts.isCallExpression(call) ||
        !ts.isIdentifier(call.expression) ||
        call.expression.text !== 'wire'
      ) {
        continue;
      }
      const adapter = call.arguments[0];
      const id = adapter && ts.isIdentifier(adapter) ? imports.get(adapter.text) : undefined;
      if (id === undefined) continue;
      const member = (node as ts.NamedDeclaration).name;
      uses.push({
        id,
        component: name,
        file: path.relative(root, file),
        line: source.getLineAndCharacterOfPosition(decorator.getStart(source)).line + 1,
        member: member && ts.isIdentifier(member) ? member.text : '?'
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

/** A component's tag in markup (trainingFollowUps → c-training-follow-ups). */
function tagOf(component: string): string {
  return `c-${component.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The wires of `components` (and their children) that `fixtures` has no entry for, one failure each,
 * naming the file, line, member and adapter, and what to add. A fixture `{ pending: true }` counts: it is
 * a wire the scenario leaves unanswered on purpose (its loading state).
 * @param components the scenario's component, or every component a composed page places
 * @param fixtures the scenario's fixtures, by module export id
 */
export function missingWireFixtures(
  components: readonly string[],
  fixtures: Readonly<Record<string, unknown>>,
  dirs: readonly string[],
  root: string
): string[] {
  const failures: string[] = [];
  for (const component of componentTree(components, dirs)) {
    for (const use of wireUses(component, dirs, root)) {
      if (Object.prototype.hasOwnProperty.call(fixtures, use.id)) continue;
      failures.push(
        `no wire fixture: ${tagOf(use.component)} (${use.file}:${use.line}, ${use.member}) wires ${use.id}; ` +
          `every wire a scenario's components use needs one: add fixtures['${use.id}'] ({ data } or { error }), ` +
          `or { pending: true } for a wire left loading on purpose`
      );
    }
  }
  return failures;
}
