// What to do about a CSV error in a file of an export ("Try this"): the action that fits the error (its
// csv.* message: a quote, a field count, a cut or oversized record) and --encoding only when a wrong
// encoding could have made it. The parser finds quotes, commas and line breaks by their ASCII bytes, the
// same in every encoding it reads as it is (csv/encodings.ts): there, --encoding cannot cause or fix such
// an error. It can when the bytes were transcoded on --encoding's word alone (UTF-16, ISO-2022-JP: a
// wrong encoding changes which bytes are quotes), or when a file read as it is holds ISO-2022's escape
// byte (Japanese "JIS" text reuses the bytes of " and , inside its escape sequences).

import { syncInputError } from '../errors';
import type { SyncInputError } from '../errors';
import { messageListOf, messageOf } from '../messages';
import type { CsvFormatError } from './csv-reader';
import type { EncodingPlan } from './encodings';

/** ESC, which starts ISO-2022's escape sequences and never appears in the text of a CSV otherwise. */
const ESC = 0x1b;

/** The action of each kind of CSV error (csv.* key → its action's key). */
const KIND_ACTIONS: Record<string, string> = {
  'csv.Unclosed': 'csvAction.Unclosed',
  'csv.AfterQuote': 'csvAction.Quotes',
  'csv.QuoteInUnquoted': 'csvAction.Quotes',
  'csv.TooManyFields': 'csvAction.TooManyFields',
  'csv.RecordTooLong': 'csvAction.RecordTooLong',
  'csv.Empty': 'csvAction.Empty'
};

/**
 * Why a wrong encoding could explain a CSV error in a file, or null when it cannot: 'told' (transcoded
 * on --encoding's word, no byte order mark or NUL pattern proving it), 'jis' (read as it is, but its
 * first bytes hold ISO-2022's escape byte). Never when the file's bytes proved its encoding.
 * @param plan how the file's bytes reached the parser (ExportSource.planOf)
 * @param head the file's first bytes (encoding-evidence.ts headBytes)
 */
export function encodingCause(plan: EncodingPlan, head: Uint8Array): 'told' | 'jis' | null {
  if (plan.proven === true) return null;
  if (plan.transcode) return 'told';
  return head.includes(ESC) ? 'jis' : null;
}

/**
 * The SyncInputError (CsvFormatError, exit 2) of a CSV error in a file of an export: its message, then
 * what to do for its kind, then --encoding when encodingCause says a wrong encoding is plausible.
 */
export function csvFormatError(error: CsvFormatError, plan: EncodingPlan, head: Uint8Array): SyncInputError {
  const kindKey = error.code ? KIND_ACTIONS[error.code] : undefined;
  const actions = kindKey
    ? [messageOf('sync.export', kindKey)]
    : messageListOf('sync.export', 'error.CsvFormat.actions');
  const cause = encodingCause(plan, head);
  if (cause === 'told') actions.push(messageOf('sync.export', 'csvAction.EncodingTold', [plan.encoding]));
  if (cause === 'jis') actions.push(messageOf('sync.export', 'csvAction.EncodingJis', [plan.encoding]));
  return syncInputError('sync.export', 'CsvFormat', [error.message], [], actions);
}
