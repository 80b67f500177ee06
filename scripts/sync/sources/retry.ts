// The sync's only retry layer (jsforce's own retry is switched off for the sync's connection:
// sources/http-transport.ts), bounded in attempts and in total time. Exponential backoff with jitter.
// Only for calls that are safe to repeat: an upsert by external ID, a query job creation, a GET, a delete
// by Id. What is retried is decided by the one classification in ../errors.ts (limits and transient).

import { classifyFailure, RetriesExhausted } from '../errors';

export interface RetryOptions {
  /** Attempts after the first one (default 5). */
  retries?: number;
  /**
   * First delay in ms (default 1000, or env SYNC_RETRY_BASE_MS for tests); each next one doubles, capped
   * by maxDelayMs (default 30 s).
   */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * No retry starts when its wait would end later than this many ms after the first attempt
   * (default 120 s): one failing call never holds a run for longer, whatever the attempts left.
   */
  maxElapsedMs?: number;
  /** Called before each wait, for the log. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /** For tests: the wait itself. */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: a number in [0, 1). */
  random?: () => number;
  /** For tests: the clock (ms). */
  now?: () => number;
}

/** Defaults of withRetry (README "Scheduling the sync" quotes them). */
export const RETRY_DEFAULTS = { retries: 5, baseDelayMs: 1000, maxDelayMs: 30_000, maxElapsedMs: 120_000 };

/** Why an error is worth retrying, or undefined when it is not (bad request, session, validation). */
export function transientReason(error: unknown): string | undefined {
  const { kind, reason } = classifyFailure(error);
  return kind === 'limits' || kind === 'transient' ? reason : undefined;
}

/**
 * Runs fn, retrying transient failures. Throws the error itself when it is not retryable, and
 * RetriesExhausted (cause = the last error) when the attempts or the time budget are used up.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? RETRY_DEFAULTS.retries;
  const envBase = Number(process.env.SYNC_RETRY_BASE_MS);
  const base =
    options.baseDelayMs ?? (Number.isInteger(envBase) && envBase > 0 ? envBase : RETRY_DEFAULTS.baseDelayMs);
  const max = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const budget = options.maxElapsedMs ?? RETRY_DEFAULTS.maxElapsedMs;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const reason = transientReason(error);
      if (reason === undefined) throw error;
      // "Full jitter" between half and all of the exponential delay: retries of parallel runs spread out.
      const ceiling = Math.min(max, base * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling / 2 + (random() * ceiling) / 2);
      const elapsed = now() - started;
      if (attempt > retries || elapsed + delayMs > budget) {
        throw new RetriesExhausted(attempt, elapsed, reason, error);
      }
      options.onRetry?.({ attempt, delayMs, reason });
      await sleep(delayMs);
    }
  }
}
