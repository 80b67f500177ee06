// The HTTP layer under the sync's jsforce connection: one attempt per request, every failure reported.
//
// jsforce's own request function (lib/request.js) retries idempotent verbs on 420/429/5xx and network
// errors (500 ms doubling, 5 times, plus 420 twice) inside whatever retries the caller adds: with the
// sync's retry layer on top, one failing result page made 37 requests over 137 s. And it pipes the
// response body with `Readable.fromWeb(res.body).pipe(output)`, so a connection dropped in the middle of
// a body raises an 'error' nobody listens to: an uncaught exception that kills the process with a raw
// stack trace. This transport keeps jsforce's contract (a stream that emits 'complete' with the whole
// response, or 'error'), sends each request once with Node's fetch, and turns any failure, mid-body
// included, into a rejected call that the sync's one retry layer (retry.ts) classifies and retries.
// Behind a proxy: Node's fetch honours HTTPS_PROXY/NO_PROXY when NODE_USE_ENV_PROXY=1 (Node 22.21+).

import { PassThrough, type Duplex } from 'node:stream';
import type { Connection } from '@jsforce/jsforce-node';
import { Transport } from '@jsforce/jsforce-node/lib/transport';
import type { HttpRequest, HttpRequestOptions } from '@jsforce/jsforce-node/lib/types';

/** A request that gets no response headers within this time fails (and is retried by retry.ts). */
export const REQUEST_TIMEOUT_MS = 10 * 60_000;

/**
 * Sends one HTTP request for jsforce: the returned stream emits 'complete' with { statusCode, headers,
 * body } once the whole body has arrived (Transport.httpRequest's contract), or 'error' for any failure
 * before that, including a body cut short. The body is also written to the stream for stream readers.
 */
export function sendOnce(req: HttpRequest, options: HttpRequestOptions = {}): Duplex {
  const body = req.body;
  if (body !== undefined && body !== null && typeof body !== 'string' && !Buffer.isBuffer(body)) {
    // Streams and forms (not used by the sync) keep jsforce's own path, with its retry off.
    return new Transport().getRequestStreamCreator()(req, { ...options, retry: { methods: [] } });
  }
  const stream = new PassThrough();
  // fetch computes Content-Length from the body itself and refuses a caller's value that disagrees with
  // it (undici: "invalid content-length header"); jsforce sets one, counted in characters on some paths.
  const headers = Object.fromEntries(
    Object.entries(req.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-length')
  );
  void (async () => {
    const response = await fetch(req.url, {
      method: req.method,
      headers,
      body: ['GET', 'HEAD'].includes(req.method) ? undefined : (body ?? undefined),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeout ?? REQUEST_TIMEOUT_MS)
    });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    stream.emit('response', { statusCode: response.status, headers: responseHeaders });
    const text = await response.text(); // rejects when the connection drops before the body's end
    stream.end(text);
    stream.emit('complete', { statusCode: response.status, headers: responseHeaders, body: text });
  })().catch((error: unknown) => {
    // As is: fetch's errors carry their cause (code ECONNRESET, UND_ERR_SOCKET…) for the retry layer.
    stream.emit('error', error);
  });
  return stream;
}

class SendOnceTransport extends Transport {
  override getRequestStreamCreator(): (req: HttpRequest, options: HttpRequestOptions) => Duplex {
    return sendOnce;
  }
}

/**
 * Makes every request of this connection go through sendOnce (no jsforce retry, body errors reported).
 * Call it before the first request: jsforce's HTTP helpers read `_transport` when they are created.
 */
export function useSendOnceTransport(connection: Connection): void {
  connection._transport = new SendOnceTransport();
}
