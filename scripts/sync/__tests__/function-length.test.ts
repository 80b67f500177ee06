// Keeps the sync's functions short (issue 10: no function in scripts/sync longer than about 150 lines),
// the one exception being the CSV byte reader's hot loop, which stays one function for speed.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../../..');
const MAX_LINES = 150;
/** file (relative to the project) → function allowed to be longer: the CSV byte reader's hot loop. */
const ALLOWED: Record<string, string> = { 'scripts/sync/csv/csv-reader.ts': 'parse' };

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__tests__') sourceFiles(path, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * Functions (declarations, methods, accessors, arrow functions, function expressions) longer than
 * `max` lines, as messages naming the file, line, function and rule.
 */
function longFunctions(file: string, text: string, max: number, allowed: string | undefined): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const lines = source.getLineAndCharacterOfPosition(node.end).line + 2 - first;
      const name =
        'name' in node && node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous function)';
      if (lines > max && name !== allowed)
        out.push(
          `${file}:${first}: function ${name} has ${lines} lines; the sync's functions stay within ${max} lines: split it into steps.`
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('function length in scripts/sync', () => {
  it(`has no function longer than ${MAX_LINES} lines outside the CSV reader's hot loop`, () => {
    const files = sourceFiles(join(ROOT, 'scripts/sync'));
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((path) => {
      const file = relative(ROOT, path).split('\\').join('/');
      return longFunctions(file, readFileSync(path, 'utf8'), MAX_LINES, ALLOWED[file]);
    });
    expect(problems).toEqual([]);
  });

  it('reports a long function, naming file, line, function and rule; the allowed one only where allowed', () => {
    const body = Array.from({ length: 150 }, (_, i) => `  total += ${i};`).join('\n');
    const text = `const x = 1;\nexport function measure(): number {\n  let total = 0;\n${body}\n  return total;\n}\n`;
    expect(longFunctions('scripts/sync/engine/measure.ts', text, MAX_LINES, undefined)).toEqual([
      "scripts/sync/engine/measure.ts:2: function measure has 154 lines; the sync's functions stay within 150 lines: split it into steps."
    ]);
    expect(longFunctions('scripts/sync/csv/csv-reader.ts', text, MAX_LINES, 'measure')).toEqual([]);
    const arrow = `const f = (): void => {\n${body}\n};\n`;
    expect(longFunctions('a.ts', arrow, MAX_LINES, undefined)).toEqual([
      "a.ts:1: function (anonymous function) has 152 lines; the sync's functions stay within 150 lines: split it into steps."
    ]);
  });
});
