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

/** Fills `%s` specifiers in order, as @salesforce/core does (util.format, only where a specifier exists). */
function fill(texts: readonly string[], tokens: readonly unknown[]): string[] {
  let next = 0;
  return texts.map((text) => {
    const count = (text.match(/%[sdifjoO]/g) ?? []).length;
    if (count === 0) return text;
    const used = tokens.slice(next, next + count);
    next += count;
    return format(text, ...used);
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

/** A text made by messageOf, read back: its stable code (`bundle:key`) and its tokens, in order. */
export interface MessageCode {
  bundle: string;
  key: string;
  tokens: string[];
}

/**
 * Reads `text` back into the message of `bundles` whose key starts with `prefix` (e.g. `warning.`) and
 * whose template (`%s` tokens as wildcards) matches it whole; undefined when none does. The sync's
 * warnings travel as English text (console, JSON, result.json); this gives them a stable code and
 * parameters again wherever they are shown in another language (the HTML report). The first key in
 * file order wins; the messages test checks that every warning template reads back to itself.
 */
export function messageCodeOf(
  text: string,
  bundles: readonly string[],
  prefix: string
): MessageCode | undefined {
  for (const name of bundles) {
    for (const [key, value] of bundle(name)) {
      if (!key.startsWith(prefix) || typeof value !== 'string') continue;
      const pattern = value
        .split(/%[sdifjoO]/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('([\\s\\S]+?)');
      const match = new RegExp(`^${pattern}$`).exec(text);
      if (match) return { bundle: name, key, tokens: match.slice(1) };
    }
  }
  return undefined;
}

/** The keys of `bundleName` that start with `prefix` (e.g. every `warning.` key), in file order. */
export function messageKeysOf(bundleName: string, prefix: string): string[] {
  return [...bundle(bundleName).keys()].filter((key) => key.startsWith(prefix));
}
