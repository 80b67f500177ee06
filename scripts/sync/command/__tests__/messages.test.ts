// The sync's texts live in messages/*.md: adoption.sync (the command) and one bundle per area (sync.export,
// sync.org, sync.rules, sync.run). Each file is read by two readers that must agree on every key:
// @salesforce/core's Messages (the sf command) and scripts/sync/messages.ts (the launcher and the engine,
// which must not load @salesforce/core). Every flag has its summary; every error the code raises has its
// text and actions; no error raised and no warning given in scripts/sync carries its text inline.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Messages } from '@salesforce/core';
import { MESSAGES_DIR, messageListOf, messageOf, parseMessages } from '../../messages';
import { FLAGS } from '../flags';
import { inputError } from '../messages';

const ROOT = join(__dirname, '..', '..', '..', '..');
const DIR = join(ROOT, MESSAGES_DIR);
const bundles = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));
const keysOf = (bundle: string): string[] => {
  const file = join(DIR, `${bundle}.md`);
  return [...parseMessages(readFileSync(file, 'utf8'), file).keys()];
};

/** Every .ts/.mts file under scripts/sync outside the tests, with its text. */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sources(path);
    return /\.m?ts$/.test(entry.name)
      ? [{ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

/**
 * Errors whose text is written inline: `new <Something>Error(` or `<Something>Error(` without `new` (an
 * Error called as a function) with a string or template literal as its message, a string thrown as it is
 * (`throw 'text'`), or a SyncInputError / SyncServerError made anywhere but errors.ts's factories (whose
 * text comes from messages/). Returns "file:line: the code" for each.
 */
function inlineErrors(file: string, text: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number): number => text.slice(0, index).split('\n').length;
  const factory = file.endsWith(join('sync', 'errors.ts'));
  for (const m of text.matchAll(
    /(?<![\w.])(?:new\s+)?((?:[A-Z]\w*)?Error)\(\s*(['"`])?|\bthrow\s+(['"`])/g
  )) {
    const direct = m[1] === 'SyncInputError' || m[1] === 'SyncServerError';
    const literal = m[2] !== undefined || m[3] !== undefined;
    // A type position (`extends Error`, `: Error`) has no call; `instanceof X` neither.
    if ((direct && !factory && m[0].startsWith('new')) || literal) {
      found.push(`${file}:${lineOf(m.index)}: ${text.slice(m.index).split('\n')[0] ?? ''}`);
    }
  }
  return found;
}

/**
 * Warnings whose text is written inline: a string or template literal handed to `warn(`, `warn?.(`,
 * `warnings.push(` or put in `warnings = [`. A warning says what could not be measured and what to do,
 * as an error does: its text is in messages/ too. Returns "file:line: the code" for each.
 */
function inlineWarnings(file: string, text: string): string[] {
  const lineOf = (index: number): number => text.slice(0, index).split('\n').length;
  return [...text.matchAll(/(?:\bwarn(?:\?\.)?\(|\bwarnings\.push\(|\bwarnings = \[)\s*['"`]/g)].map(
    (m) => `${file}:${lineOf(m.index)}: ${text.slice(m.index).split('\n')[0] ?? ''}`
  );
}

/**
 * Errors that cannot come from a messages file, each with why: the reader of the messages files itself,
 * and the project root, where the messages files are found.
 */
const ALLOWED_INLINE = [
  /^scripts\/sync\/messages\.ts:\d+: new Error\(`Invalid markdown message file/,
  /^scripts\/sync\/messages\.ts:\d+: new Error\(`Missing message/,
  // warningOf refusing a key the report has no text for: a programming error, like a missing message.
  /^scripts\/sync\/messages\.ts:\d+: new Error\(`\$\{bundle\}:\$\{code\} is not a warning the report can say/,
  /^scripts\/sync\/paths\.ts:\d+: new Error\(`No sfdx-project\.json/
];

for (const bundle of bundles) Messages.importMessageFile('adoption-cockpit-test', join(DIR, `${bundle}.md`));

describe('the messages files', () => {
  it('hold the command and every area of the sync', () => {
    expect(bundles.sort()).toEqual(['adoption.sync', 'sync.export', 'sync.org', 'sync.rules', 'sync.run']);
  });

  it.each(bundles)(
    '%s reads the same with both readers, key by key (tokens filled the same way)',
    (bundle) => {
      const sf = Messages.loadMessages('adoption-cockpit-test', bundle);
      const keys = keysOf(bundle);
      expect(keys.length).toBeGreaterThan(5);
      for (const key of keys) {
        expect(messageListOf(bundle, key, ['A', 'B', 'C', 'D'])).toEqual(
          sf.getMessages(key, ['A', 'B', 'C', 'D'])
        );
        expect(messageOf(bundle, key, ['A', 'B'])).toBe(sf.getMessage(key, ['A', 'B']));
      }
    }
  );

  it('have a summary for every flag of FLAGS', () => {
    const keys = keysOf('adoption.sync');
    for (const name of Object.keys(FLAGS)) expect(keys).toContain(`flags.${name}.summary`);
  });

  it('have the text and the actions of every error the code raises, and every text it reads', () => {
    const raised = new Set<string>();
    const texts = new Set<string>();
    for (const { text } of sources(join(ROOT, 'scripts', 'sync'))) {
      for (const m of text.matchAll(/\binputError\(\s*'(\w+)'/g)) raised.add(`adoption.sync:${m[1] ?? ''}`);
      for (const m of text.matchAll(/\bsync(?:Input|Server)Error\(\s*'([\w.]+)',\s*'(\w+)'/g)) {
        raised.add(`${m[1] ?? ''}:${m[2] ?? ''}`);
      }
      for (const m of text.matchAll(/\bmessageOf\(\s*'([\w.]+)',\s*'([\w.]+)'/g))
        texts.add(`${m[1] ?? ''}:${m[2] ?? ''}`);
    }
    expect(raised.size).toBeGreaterThan(60);
    for (const id of raised) {
      const [bundle = '', name = ''] = id.split(':');
      expect([id, keysOf(bundle)]).toEqual([
        id,
        expect.arrayContaining([`error.${name}`, `error.${name}.actions`])
      ]);
    }
    for (const id of texts) {
      const [bundle = '', key = ''] = id.split(':');
      expect([id, keysOf(bundle)]).toEqual([id, expect.arrayContaining([key])]);
    }
    const error = inputError('BadDate', ['x']);
    expect(error.name).toBe('BadDateError');
    expect(error.hint).not.toBe('');
  });

  it('leave no error text inline in scripts/sync', () => {
    const found = sources(join(ROOT, 'scripts', 'sync'))
      .flatMap(({ file, text }) => inlineErrors(file, text))
      .filter((hit) => !ALLOWED_INLINE.some((allowed) => allowed.test(hit)));
    expect(found).toEqual([]);
  });

  it('leave no warning text inline in scripts/sync', () => {
    const found = sources(join(ROOT, 'scripts', 'sync')).flatMap(({ file, text }) =>
      inlineWarnings(file, text)
    );
    expect(found).toEqual([]);
  });

  it('the inline check finds a warning written inline, naming the file and line', () => {
    const fixture = [
      "warn(warningOf('sync.run', 'warning.QueuesUnnamed', [object]));",
      'ctx.warn?.(`${object}: records owned by queues`);',
      'this.warnings.push(',
      "  'Profile.csv is missing.'",
      ');',
      'set.warnings = [`No rule in ${dir}`];'
    ].join('\n');
    expect(inlineWarnings('scripts/sync/engine/fixture.ts', fixture)).toEqual([
      'scripts/sync/engine/fixture.ts:2: warn?.(`${object}: records owned by queues`);',
      'scripts/sync/engine/fixture.ts:3: warnings.push(',
      'scripts/sync/engine/fixture.ts:6: warnings = [`No rule in ${dir}`];'
    ]);
  });

  it('the inline check finds an error written inline, naming the file and line', () => {
    const fixture = [
      "import { SyncInputError, syncInputError } from '../errors';",
      "throw syncInputError('sync.export', 'ExportNotFound', [path]);",
      "throw new SyncInputError('The export is missing.', 'Pass a folder.');",
      'throw new CsvFormatError(`a bad record in ${file}`, name, 1);',
      'throw new SyncServerError(message, hint);',
      "throw new CsvFormatError(messageOf('sync.export', 'csv.Empty'), name, 1);",
      "throw new Error('No project here: run it from the project.');",
      'throw Error(`Missing ${what}`);',
      "throw 'plain text';",
      "if (e instanceof TypeError) throw syncInputError('sync.run', 'Unexpected', [e.message]);"
    ].join('\n');
    expect(inlineErrors('scripts/sync/sources/fixture.ts', fixture)).toEqual([
      "scripts/sync/sources/fixture.ts:3: new SyncInputError('The export is missing.', 'Pass a folder.');",
      'scripts/sync/sources/fixture.ts:4: new CsvFormatError(`a bad record in ${file}`, name, 1);',
      'scripts/sync/sources/fixture.ts:5: new SyncServerError(message, hint);',
      "scripts/sync/sources/fixture.ts:7: new Error('No project here: run it from the project.');",
      'scripts/sync/sources/fixture.ts:8: Error(`Missing ${what}`);',
      "scripts/sync/sources/fixture.ts:9: throw 'plain text';"
    ]);
  });

  it('refuse a key without text, naming the file and the key (as @salesforce/core does)', () => {
    expect(() => parseMessages('# summary\n\n# error.Empty\n\n', 'broken.md')).toThrow(
      /broken\.md: "# summary" has no text/
    );
  });
});
