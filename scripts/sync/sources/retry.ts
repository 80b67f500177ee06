// Retry with exponential backoff and jitter for calls to Salesforce that jsforce does not retry itself
// (POST and PATCH, and REQUEST_LIMIT_EXCEEDED on any verb: jsforce throws a 403 at once; see TOOLCHAIN.md).
// Only for calls that are safe to repeat: an upsert by external ID, a query job creation, a GET.

export interface RetryOptions {
  /** Attempts after the first one (default 5). */
  retries?: number;
  /** First delay in ms (default 1000); each next one doubles, capped by maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each wait, for the log. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /** For tests: the wait itself. */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: a number in [0, 1). */
  random?: () => number;
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
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
]);

/** Why an error is worth retrying, or undefined when it is not (bad request, session, validation). */
export function transientReason(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const e = current as ErrorLike;
    const code = typeof e.errorCode === 'string' ? e.errorCode : typeof e.name === 'string' ? e.name : '';
    if (code === 'REQUEST_LIMIT_EXCEEDED') return 'REQUEST_LIMIT_EXCEEDED';
    // jsforce names errors without a JSON body ERROR_HTTP_<status>.
    const http = /^ERROR_HTTP_(\d{3})$/.exec(code);
    if (http && (Number(http[1]) >= 500 || http[1] === '429' || http[1] === '420')) return `HTTP ${http[1]}`;
    if (['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION', 'SERVICE_UNAVAILABLE'].includes(code)) return code;
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
    if (
      typeof e.message === 'string' &&
      /^(fetch failed|other side closed|socket hang up)/i.test(e.message)
    ) {
      return e.message;
    }
    current = e.cause;
  }
  return undefined;
}

export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 5;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const reason = transientReason(error);
      if (reason === undefined || attempt > retries) throw error;
      // "Full jitter" between half and all of the exponential delay: retries of parallel runs spread out.
      const ceiling = Math.min(max, base * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling / 2 + (random() * ceiling) / 2);
      options.onRetry?.({ attempt, delayMs, reason });
      await sleep(delayMs);
    }
  }
}
