import { RetriesExhausted, SyncServerError, classifyFailure } from '../errors';
import { withRetry } from '../sources/retry';

const http503 = Object.assign(new Error('Service Unavailable'), { errorCode: 'ERROR_HTTP_503' });

describe('the retry layer', () => {
  it('is bounded in total time: no wait that would end past maxElapsedMs', async () => {
    let clock = 0;
    let calls = 0;
    const run = withRetry(
      () => {
        calls++;
        return Promise.reject(http503);
      },
      {
        retries: 50,
        baseDelayMs: 1000,
        maxDelayMs: 60_000,
        maxElapsedMs: 20_000,
        random: () => 0.999,
        now: () => clock,
        sleep: (ms) => {
          clock += ms;
          return Promise.resolve();
        }
      }
    );
    const error: unknown = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhausted);
    expect((error as RetriesExhausted).cause).toBe(http503);
    // Waits of ~1, 2, 4, 8 s (15 s); the next (16 s) would pass 20 s.
    expect(calls).toBe(5);
    expect(clock).toBeLessThanOrEqual(20_000);
  });

  it('does not retry a bad request, a session error or an exhausted call', async () => {
    for (const error of [
      Object.assign(new Error('No such column'), { errorCode: 'INVALID_FIELD' }),
      Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' }),
      new RetriesExhausted(6, 1000, 'HTTP 503', http503)
    ]) {
      let calls = 0;
      await expect(
        withRetry(
          () => {
            calls++;
            return Promise.reject(error);
          },
          { sleep: () => Promise.resolve() }
        )
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });

  it('classifies failures once for the reader and the writer', () => {
    expect(classifyFailure(http503).kind).toBe('transient');
    expect(classifyFailure({ errorCode: 'REQUEST_LIMIT_EXCEEDED' }).kind).toBe('limits');
    expect(classifyFailure({ name: 'ERROR_HTTP_429' }).kind).toBe('limits');
    expect(classifyFailure({ message: 'terminated', cause: { code: 'UND_ERR_SOCKET' } }).kind).toBe(
      'transient'
    );
    expect(classifyFailure({ errorCode: 'invalid_grant' }).kind).toBe('session');
    expect(classifyFailure({ errorCode: 'MALFORMED_QUERY' }).kind).toBe('badRequest');
    expect(classifyFailure(new SyncServerError('job Failed', 'rerun')).kind).toBe('final');
  });
});
