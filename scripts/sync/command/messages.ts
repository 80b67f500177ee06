// The command's messages (summaries, examples, its errors and what to do) from messages/adoption.sync.md,
// through the sync's own reader (../messages.ts), which the launcher uses without @salesforce/core; the
// sf command reads the same file with @salesforce/core's Messages.

import { join } from 'node:path';
import { syncInputError, type SyncInputError } from '../errors';
import { MESSAGES_DIR, messageListOf, messageOf } from '../messages';

const BUNDLE = 'adoption.sync';

/** The bundle's file, relative to the project root (where `sf plugins link` finds `messages/`). */
export const MESSAGES_FILE = join(MESSAGES_DIR, `${BUNDLE}.md`);

/**
 * The message of `key`, tokens filled; a list is joined with line breaks.
 * @throws Error when the file has no such key (a programming error, caught by the tests).
 */
export function message(key: string, tokens: readonly unknown[] = []): string {
  return messageOf(BUNDLE, key, tokens);
}

/** The items of a list message (a text message is a list of one). */
export function messageList(key: string, tokens: readonly unknown[] = []): string[] {
  return messageListOf(BUNDLE, key, tokens);
}

/** The command's SyncInputError `error.<name>` (exit code 2), named `<name>Error` (errors.ts syncInputError). */
export function inputError(
  name: string,
  tokens: readonly unknown[] = [],
  actionTokens: readonly unknown[] = []
): SyncInputError {
  return syncInputError(BUNDLE, name, tokens, actionTokens);
}
