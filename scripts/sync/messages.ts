// The sync's texts, every error with its "what to do", read from messages/<bundle>.md: adoption.sync (the
// command: summaries, flags, its errors) and one bundle per area of the sync (sync.export: the Data Export
// reader, zip and CSV; sync.org: the live source and the snapshot writer; sync.rules: the custom metadata
// records; sync.run: the measurement and the report).
//
// This reader follows @salesforce/core's markdown format (`# key`, then the text; a section made only of
// `- ` items is a list; `%s` tokens filled in order) so that an export run need not load @salesforce/core
// (about 0.9 s here); the sf command reads adoption.sync with @salesforce/core's Messages. The messages
// test checks both readers agree on every key of every file, and that no error raised in scripts/sync
// carries its text inline.
//
// One addition to that format: a plural block `{one form|other form}` after a count token (`%s {record
// is|records are}`) takes the form agreeing with that count (plural, below); @salesforce/core reads only the
// command's summaries and examples, which hold none (plurals.test.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { PROJECT_ROOT } from './paths';

/** The folder of the message files, relative to the project root (where `sf plugins link` finds it). */
export const MESSAGES_DIR = 'messages';

/**
 * Parses an sf messages markdown file: `# key` lines start sections; a section whose non-empty lines
 * are all list items (`- `, `* ` or two-space continuation) is a list, else one trimmed text.
 * @throws Error naming the file when a key has no text (as @salesforce/core does).
 */
export function parseMessages(text: string, file: string): Map<string, string | string[]> {
  const map = new Map<string, string | string[]>();
  for (const section of text.split(/^#\s*/m).filter((s) => s.trim() !== '')) {
    const [first = '', ...lines] = section.split('\n');
    const rest = lines.join('\n').trim();
    if (first.trim() === '' || rest === '') {
      throw new Error(`Invalid markdown message file: ${file}: "# ${first.trim()}" has no text.`);
    }
    const nonEmpty = lines.filter((l) => l.trim() !== '');
    if (nonEmpty.every((l) => /^[*-]\s+|^ {2}/.test(l))) {
      const items = rest
        .split(/^[*-]\s+/m)
        .filter((i) => i.trim() !== '')
        .map((i) =>
          i
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => l.trim())
            .join('\n')
        );
      map.set(first.trim(), items);
    } else {
      map.set(first.trim(), rest);
    }
  }
  return map;
}

const loaded = new Map<string, Map<string, string | string[]>>();

/** A bundle's keys and texts, read once (only when a message is needed: an error, the help). */
function bundle(name: string): Map<string, string | string[]> {
  let map = loaded.get(name);
  if (!map) {
    const file = join(PROJECT_ROOT, MESSAGES_DIR, `${name}.md`);
    map = parseMessages(readFileSync(file, 'utf8'), file);
    loaded.set(name, map);
  }
  return map;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The form of a noun phrase agreeing with `count` in `locale` ('en', 'fr', 'en-GB', 'fr-FR'…): `one` where
 * the language's CLDR plural rules (Intl.PluralRules, Unicode CLDR "Language Plural Rules") say "one" —
 * English: 1 only; French: 0 and 1 (and 1.5) — else `other` (French's "many", 1 000 000 and up, is written
 * like the plural). Every count beside a noun in the sync's texts goes through this function.
 */
export function plural(locale: string, count: number, one: string, other: string): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? one : other;
}

/**
 * A plural block of a text: `{one form|other form}`, e.g. `%s {date|dates} could not be read`, `%s {user
 * was|users were}`. Each block agrees with the count placed before it (the nearest count token to its left).
 */
export const PLURAL_BLOCK = /\{([^{}|]*)\|([^{}|]*)\}/g;

/** `chunk` with each plural block replaced by its form for `count` (left as written when `count` is undefined). */
export function agreeBlocks(chunk: string, locale: string, count: number | undefined): string {
  return count === undefined
    ? chunk
    : chunk.replace(PLURAL_BLOCK, (_, one: string, other: string) => plural(locale, count, one, other));
}

/**
 * `text` with its plural blocks agreed: the text is cut at each match of `token` (a placeholder such as
 * `%s` or `{0}`), and the blocks of each piece agree with the nearest count to their left: `countAt(match,
 * ordinal)` gives the count a placeholder holds (a number), or undefined for any other value. Placeholders
 * are left in place for the caller to fill.
 */
export function agreeTokens(
  text: string,
  locale: string,
  token: RegExp,
  countAt: (match: RegExpMatchArray, ordinal: number) => number | undefined
): string {
  let out = '';
  let last = 0;
  let ordinal = 0;
  let count: number | undefined;
  for (const match of text.matchAll(new RegExp(token.source, 'g'))) {
    const index = match.index;
    out += agreeBlocks(text.slice(last, index), locale, count) + match[0];
    last = index + match[0].length;
    count = countAt(match, ordinal++) ?? count;
  }
  return out + agreeBlocks(text.slice(last), locale, count);
}

/** A token that is a count: a finite number (counts stay numbers from where a message is made). */
const countOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Fills `%s` specifiers in order, as @salesforce/core does (util.format, only where a specifier exists),
 * after agreeing the text's plural blocks with its count tokens (English: the console's language).
 */
function fill(texts: readonly string[], tokens: readonly unknown[]): string[] {
  let next = 0;
  return texts.map((text) => {
    const count = (text.match(/%[sdifjoO]/g) ?? []).length;
    if (count === 0) return text;
    const used = tokens.slice(next, next + count);
    next += count;
    return format(
      agreeTokens(text, 'en', /%[sdifjoO]/, (_, i) => countOf(used[i])),
      ...used
    );
  });
}

/**
 * The items of a list message of `bundleName` (a text message is a list of one), tokens filled.
 * @throws Error when the bundle has no such key (a programming error, caught by the messages test)
 */
export function messageListOf(bundleName: string, key: string, tokens: readonly unknown[] = []): string[] {
  const value = bundle(bundleName).get(key);
  if (value === undefined) throw new Error(`Missing message ${bundleName}:${key}.`);
  return fill(typeof value === 'string' ? [value] : value, tokens);
}

/** The message `key` of `bundleName`, tokens filled; a list is joined with line breaks. */
export function messageOf(bundleName: string, key: string, tokens: readonly unknown[] = []): string {
  return messageListOf(bundleName, key, tokens).join('\n');
}

/**
 * The bundles whose `warning.` keys can reach SyncResult.warnings (hence the sponsor's report, which has a
 * text of its own for each: report/warnings.ts WARNING_TEXTS).
 */
export const WARNING_BUNDLES = [
  'sync.export',
  'sync.org',
  'sync.rules',
  'sync.run',
  'adoption.sync'
] as const;

export type WarningBundle = (typeof WARNING_BUNDLES)[number];

/** A warning token as given to messageOf: an API name, a file name, a yyyy-mm-dd day, a count. */
export type WarningToken = string | number;

/**
 * A warning's stable code and parameters, as made where the warning is raised: `code` is the message key
 * (`warning.<Name>`) of `bundle`, `tokens` its `%s` values in order (counts stay numbers). This is what
 * SyncResult.warningCodes holds, and what the report says again in its own language.
 */
export interface WarningCode {
  bundle: WarningBundle;
  code: string;
  tokens: WarningToken[];
}

/** A warning as raised: its code and tokens, and `text`, the English message the console and JSON print. */
export interface SyncWarning extends WarningCode {
  text: string;
}

/**
 * Whether `key` names a warning the report can say: a `warning.` key, not the `.actions` list that follows
 * a warning on the console only (what to do).
 */
export function isWarningKey(key: string): boolean {
  return key.startsWith('warning.') && !key.endsWith('.actions');
}

/**
 * The warning `code` of `bundle`, tokens filled (text as messageOf makes it).
 * @throws Error when `code` is not a warning key of one of WARNING_BUNDLES (only those have a report text),
 *   or the bundle has no such key: programming errors, caught by the tests
 */
export function warningOf(
  bundle: WarningBundle,
  code: `warning.${string}`,
  tokens: readonly WarningToken[] = []
): SyncWarning {
  if (!WARNING_BUNDLES.includes(bundle) || !isWarningKey(code)) {
    throw new Error(`${bundle}:${code} is not a warning the report can say (messages.ts isWarningKey).`);
  }
  return { bundle, code, tokens: [...tokens], text: messageOf(bundle, code, tokens) };
}

/**
 * A token naming a few of many: the first `count` of `items` joined by ", ", then ", …" when there are
 * more (the count itself is a token of its own).
 */
export function firstFew(items: readonly string[], count: number): string {
  return items.slice(0, count).join(', ') + (items.length > count ? ', …' : '');
}

/** The code part of `warning` (what SyncResult.warningCodes holds), without its English text. */
export function codeOf({ bundle, code, tokens }: WarningCode): WarningCode {
  return { bundle, code, tokens };
}

/** The keys of `bundleName` that start with `prefix` (e.g. every `warning.` key), in file order. */
export function messageKeysOf(bundleName: string, prefix: string): string[] {
  return [...bundle(bundleName).keys()].filter((key) => key.startsWith(prefix));
}
