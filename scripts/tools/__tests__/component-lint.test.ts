// Components get the type-aware lint of the Node code (eslint.config.mjs, LWC block): a promise nobody
// awaits or catches and a condition its types make constant are errors. The faults go into a component
// of a copy of the project's lint setup (its eslint.config.mjs and the components' tsconfig files, with
// node_modules and types/ linked), and the project's ESLint must report each by rule and line.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LWC = 'force-app/main/default/lwc';

// Type-aware linting builds a TypeScript program: seconds, more on a loaded machine.
jest.setTimeout(240_000);

interface LintMessage {
  ruleId: string | null;
  line: number;
}

/** Lints `source` as lwc/faulty/faulty.ts of a copy of the lint setup; the messages. */
function lintComponent(source: string): LintMessage[] {
  const copy = mkdtempSync(path.join(tmpdir(), 'component-lint-'));
  mkdirSync(path.join(copy, LWC, 'faulty'), { recursive: true });
  copyFileSync(path.join(ROOT, 'eslint.config.mjs'), path.join(copy, 'eslint.config.mjs'));
  for (const file of ['tsconfig.json', 'tsconfig.test.json']) {
    copyFileSync(path.join(ROOT, LWC, file), path.join(copy, LWC, file));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  symlinkSync(path.join(ROOT, 'types'), path.join(copy, 'types'));
  const file = path.join(copy, LWC, 'faulty', 'faulty.ts');
  writeFileSync(file, source);
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'eslint'), ['--format', 'json', file], {
    cwd: copy,
    encoding: 'utf8',
    maxBuffer: 1 << 26
  });
  const [result] = JSON.parse(run.stdout || '[]') as { messages: LintMessage[] }[];
  if (!result) throw new Error(`ESLint gave no result: ${run.stderr}`);
  return result.messages;
}

const CLEAN = [
  'export async function load(fetcher: () => Promise<number>): Promise<number> {',
  '  return (await fetcher()) + 1;',
  '}',
  'export function label(value: string | undefined): string {',
  "  return value ?? 'none';",
  '}',
  ''
].join('\n');

describe('type-aware lint of the components', () => {
  it('passes on a clean component', () => {
    expect(lintComponent(CLEAN).map((m) => m.ruleId)).toEqual([]);
  });

  it('reports a floating promise and a condition that is always true, by rule and line', () => {
    const faulty = [
      CLEAN,
      'export function refresh(fetcher: () => Promise<number>): void {',
      '  fetcher(); // line 9: a floating promise',
      '}',
      'export function title(value: string): string {',
      "  return value ?? 'none'; // line 12: value is never nullish",
      '}',
      ''
    ].join('\n');
    const found = lintComponent(faulty).map((m) => ({ rule: m.ruleId, line: m.line }));
    expect(found).toEqual(
      expect.arrayContaining([
        { rule: '@typescript-eslint/no-floating-promises', line: 9 },
        { rule: '@typescript-eslint/no-unnecessary-condition', line: 12 }
      ])
    );
  });
});
