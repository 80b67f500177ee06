// The sync's messages (summaries, examples, errors and what to do) from messages/adoption.sync.md.
//
// The sf command reads the same file with @salesforce/core's Messages; this reader follows the same
// markdown format (`# key`, then the text; a section made only of `- ` items is a list) so that an export
// run need not load @salesforce/core (about 0.9 s here). `messages.test.ts` checks both readers agree on
// every key of the file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { SyncInputError } from '../errors';
import { PROJECT_ROOT } from '../paths';

/** The bundle's file, relative to the project root (where `sf plugins link` finds `messages/`). */
export const MESSAGES_FILE = join('messages', 'adoption.sync.md');

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

let loaded: Map<string, string | string[]> | undefined;

function bundle(): Map<string, string | string[]> {
  if (!loaded) {
    const file = join(PROJECT_ROOT, MESSAGES_FILE);
    loaded = parseMessages(readFileSync(file, 'utf8'), file);
  }
  return loaded;
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
 * The message of `key`, tokens filled; a list is joined with line breaks.
 * @throws Error when the file has no such key (a programming error, caught by the tests).
 */
export function message(key: string, tokens: readonly unknown[] = []): string {
  return messageList(key, tokens).join('\n');
}

/** The items of a list message (a text message is a list of one). */
export function messageList(key: string, tokens: readonly unknown[] = []): string[] {
  const value = bundle().get(key);
  if (value === undefined) throw new Error(`Missing message adoption.sync:${key}.`);
  return fill(typeof value === 'string' ? [value] : value, tokens);
}

/**
 * A SyncInputError (exit code 2) from `error.<name>` and `error.<name>.actions`, named `<name>Error` as
 * sf names errors made from messages.
 */
export function inputError(
  name: string,
  tokens: readonly unknown[] = [],
  actionTokens: readonly unknown[] = []
): SyncInputError {
  const error = new SyncInputError(
    message(`error.${name}`, tokens),
    messageList(`error.${name}.actions`, actionTokens).join('\n')
  );
  error.name = `${name}Error`;
  return error;
}
