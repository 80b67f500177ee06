// Errors of the sync and the one classification of Salesforce failures, shared by the reader
// (sources/org-source.ts) and the writer (sinks/snapshot-writer.ts).
//
// Exit codes (README "Exit codes"): 0 done; 1 some snapshot records were refused (listed); 2 bad input
// (SyncInputError: flags, login, export, rules); 3 Salesforce or the network kept failing after the
// retries (SyncServerError), or a Bulk API job ended Failed/Aborted. Anything unexpected is 3 too: it is
// not the user's input, and a scheduler should treat it as "try again later / report it".

import { messageListOf, messageOf } from './messages';

/** Exit codes of `npm run sync` (documented in README "Exit codes" and in the CLI help). */
export const EXIT = { ok: 0, refused: 1, badInput: 2, server: 3 } as const;

/** Bad input: what was wrong and what to do. Exit code 2. */
export class SyncInputError extends Error {
  constructor(
    /** What was wrong, e.g. 'Object "Foo" is not in the export folder data/x.' */
    message: string,
    /** What to do about it, e.g. 'Add Foo.csv or remove Foo from --objects.' */
    readonly hint: string
  ) {
    super(message);
    this.name = 'SyncInputError';
  }
}

/** Salesforce or the network failed and kept failing after the retries. Exit code 3. */
export class SyncServerError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'SyncServerError';
  }
}

/**
 * A SyncInputError (exit 2) from messages/<bundle>.md: `error.<name>` filled with `tokens` is what was
 * wrong, `error.<name>.actions` filled with `actionTokens` what to do. Named `<name>Error`, as sf names
 * the errors it makes from messages (the --json `name` and `code`). Every input error is made here: the
 * messages test refuses one constructed anywhere else, and any error whose text is written inline.
 * `actions`, when given, replace `error.<name>.actions`: texts the caller chose from the same bundle for
 * this case (csv/csv-actions.ts).
 */
export function syncInputError(
  bundle: string,
  name: string,
  tokens: readonly unknown[] = [],
  actionTokens: readonly unknown[] = [],
  actions?: readonly string[]
): SyncInputError {
  const error = new SyncInputError(
    messageOf(bundle, `error.${name}`, tokens),
    (actions ?? messageListOf(bundle, `error.${name}.actions`, actionTokens)).join('\n')
  );
  error.name = `${name}Error`;
  return error;
}

/** A SyncServerError (exit 3) from messages/<bundle>.md, as `syncInputError` (its cause kept). */
export function syncServerError(
  bundle: string,
  name: string,
  tokens: readonly unknown[] = [],
  actionTokens: readonly unknown[] = [],
  options?: { cause?: unknown }
): SyncServerError {
  const error = new SyncServerError(
    messageOf(bundle, `error.${name}`, tokens),
    messageListOf(bundle, `error.${name}.actions`, actionTokens).join('\n'),
    options
  );
  error.name = `${name}Error`;
  return error;
}

/**
 * What kind of failure a Salesforce call ended with:
 * - `session`: the access token expired or was revoked (INVALID_SESSION_ID, invalid_grant): log in again.
 * - `limits`: REQUEST_LIMIT_EXCEEDED (403) or HTTP 420/429: retry later, with backoff.
 * - `transient`: 5xx, SERVER_UNAVAILABLE/UNKNOWN_EXCEPTION, a network error or a body cut short: retry.
 * - `badRequest`: anything else Salesforce refused (INVALID_FIELD, MALFORMED_QUERY, 400/404…): do not retry.
 * - `final`: a failure the sync already handled (retries used up, a job that ended Failed): never retried again.
 * Sources: REST API Developer Guide, "Status Codes and Error Responses"; Bulk API 2.0 Developer Guide,
 * "Errors"; Node/undici network error codes.
 */
export type FailureKind = 'session' | 'limits' | 'transient' | 'badRequest' | 'final';

export interface Classified {
  kind: FailureKind;
  /** Short reason for the log, e.g. "HTTP 503", "REQUEST_LIMIT_EXCEEDED", "ECONNRESET". */
  reason: string;
}

interface ErrorLike {
  errorCode?: unknown;
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE'
]);
const SERVER_CODES = new Set(['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION', 'SERVICE_UNAVAILABLE']);
const TRANSIENT_MESSAGE = /^(fetch failed|other side closed|socket hang up|terminated|aborted)\b/i;
const SESSION_MESSAGE = /Session expired or invalid|expired access\/refresh token|INVALID_SESSION_ID/;

/** A response that arrived but cannot be trusted (a page shorter than its Sforce-NumberOfRecords): retry it. */
export class TransientResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransientResponseError';
  }
}

/** The error code Salesforce (or jsforce) gave: errorCode, else name ("ERROR_HTTP_503"), else "". */
export function errorCode(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  return typeof e.errorCode === 'string' ? e.errorCode : typeof e.name === 'string' ? e.name : '';
}

/** Classifies a failure of a call to Salesforce (follows `cause` chains a few levels deep). */
export function classifyFailure(error: unknown): Classified {
  if (error instanceof SyncServerError) return { kind: 'final', reason: error.message };
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as ErrorLike;
    const code = errorCode(e);
    const message = typeof e.message === 'string' ? e.message : '';
    if (code === 'INVALID_SESSION_ID' || code === 'invalid_grant' || SESSION_MESSAGE.test(message)) {
      return { kind: 'session', reason: code || 'INVALID_SESSION_ID' };
    }
    if (code === 'REQUEST_LIMIT_EXCEEDED') return { kind: 'limits', reason: code };
    // jsforce names errors without a JSON body ERROR_HTTP_<status>.
    const http = /^ERROR_HTTP_(\d{3})$/.exec(code);
    if (http?.[1] === '429' || http?.[1] === '420') return { kind: 'limits', reason: `HTTP ${http[1]}` };
    if (http && Number(http[1]) >= 500) return { kind: 'transient', reason: `HTTP ${http[1]}` };
    if (SERVER_CODES.has(code)) return { kind: 'transient', reason: code };
    if (code === 'TimeoutError') return { kind: 'transient', reason: 'no response before the timeout' };
    if (current instanceof TransientResponseError) return { kind: 'transient', reason: message };
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return { kind: 'transient', reason: e.code };
    if (TRANSIENT_MESSAGE.test(message)) return { kind: 'transient', reason: message };
    current = e.cause;
  }
  return { kind: 'badRequest', reason: errorCode(error) || 'ERROR' };
}

/**
 * Thrown by the retry layer when the attempts or the time budget are used up: the last error is its cause.
 * Exit code 3 like every SyncServerError.
 */
export class RetriesExhausted extends SyncServerError {
  constructor(
    readonly attempts: number,
    readonly elapsedMs: number,
    readonly reason: string,
    cause: unknown
  ) {
    super(
      messageOf('sync.org', 'error.RetriesExhausted', [reason, attempts, Math.round(elapsedMs / 1000)]),
      messageListOf('sync.org', 'error.RetriesExhausted.actions').join('\n'),
      { cause }
    );
    this.name = 'RetriesExhaustedError';
  }
}

/** "CODE: message" for the log and the write summary. */
export function describeFailure(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  const code = errorCode(error) || 'ERROR';
  return `${code}: ${typeof e.message === 'string' ? e.message : String(error)}`;
}
