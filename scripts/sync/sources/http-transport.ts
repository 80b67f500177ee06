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
// Result pages are streamed instead (getStream below): node:http(s), gzip decoded as it arrives.
// Behind a proxy: Node's fetch honours HTTPS_PROXY/NO_PROXY when NODE_USE_ENV_PROXY=1 (Node 22.21+).

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PassThrough, pipeline, type Duplex, type Readable, type Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
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

/** A streamed response: status, lower-cased headers, and the body already decoded (gunzipped when gzip). */
export interface StreamedResponse {
  status: number;
  headers: Record<string, string | undefined>;
  /** 'gzip' when the server compressed the body (Content-Encoding: gzip), else 'identity'. */
  encoding: 'gzip' | 'identity';
  /**
   * The body as it arrives: decoded (gunzipped) unless `decode: false` was asked (then as sent, see
   * `encoding`, for decodeWhole() later). A cut connection, a truncated or corrupt gzip stream make it emit
   * 'error'.
   */
  body: Readable;
}

/**
 * zlib output chunk of decodeWhole: 256 KiB, one pass on libuv's thread pool per turn of the event loop
 * (the measurement gives one per batch of the same size), where zlib's default 16 KiB would need sixteen.
 * Each chunk is copied out and dropped at once, so it is collected young; a page-sized chunk would outlive
 * several minor collections and pile up as old garbage until V8's next full one.
 */
export const INFLATE_CHUNK = 256 * 1024;
/** Most decodeWhole allocates from the gzip trailer's word alone (a damaged trailer cannot ask for more). */
const MAX_PREALLOCATED = 64 << 20;

/** A body decoded whole: `data` (a view), and for gzip the buffer it lies in, to pass back to decodeWhole. */
export interface DecodedBody {
  data: Buffer;
  buffer?: Buffer;
}

/**
 * A body received whole as it was sent (`getStream(…, { decode: false })`), decoded whole.
 * Gzip is inflated by node:zlib, which runs on libuv's thread pool, so the main thread goes on measuring
 * meanwhile, into `into` when it is large enough (a buffer returned by an earlier call, no longer read),
 * else into a new buffer sized from the gzip trailer's ISIZE, plus 1/32 so that a next page a little larger
 * fits too (RFC 1952 §2.3.1: the uncompressed length
 * modulo 2^32, the member's last four bytes). Reusing buffers keeps long-lived page-sized garbage from piling
 * up until V8's next full collection. A stream cut before its trailer rejects with Z_BUF_ERROR ("unexpected
 * end of file"), a wrong CRC-32 or length with Z_DATA_ERROR, as getStream's decoding would. Identity bodies
 * are returned as they are.
 */
export function decodeWhole(
  body: Buffer,
  encoding: 'gzip' | 'identity',
  into?: Buffer
): Promise<DecodedBody> {
  if (encoding === 'identity') return Promise.resolve({ data: body });
  const isize = body.length >= 18 ? body.readUInt32LE(body.length - 4) : 0;
  let buffer =
    into && into.length >= isize
      ? into
      : Buffer.allocUnsafe(Math.min(MAX_PREALLOCATED, isize + (isize >> 5) + 1));
  let length = 0;
  return new Promise((resolve, reject) => {
    const decoder = createGunzip({ chunkSize: INFLATE_CHUNK });
    decoder.on('data', (chunk: Buffer) => {
      if (length + chunk.length > buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, length + chunk.length));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      chunk.copy(buffer, length);
      length += chunk.length;
    });
    decoder.once('error', reject);
    decoder.once('end', () => {
      resolve({ data: buffer.subarray(0, length), buffer });
    });
    decoder.end(body);
  });
}

/** An HTTP error with Salesforce's errorCode (from the JSON body) or jsforce's ERROR_HTTP_<status> name. */
export class HttpResponseError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string
  ) {
    super(message);
    this.name = errorCode;
  }
}

/**
 * GETs a URL of the connection's org and streams the body, gzip-decoded as it arrives (node:zlib, default
 * finishFlush: a gzip stream that stops before its trailer fails with "unexpected end of file", a wrong
 * CRC-32 with "incorrect data check"; Node's fetch decodes with Z_SYNC_FLUSH and would end such a stream
 * without an error, which is why this uses node:http(s) and decodes itself).
 *
 * - `acceptGzip`: sends `Accept-Encoding: gzip` (Bulk API 2.0 Developer Guide, "Use Compression for
 *   Responses": the response then carries `Content-Encoding: gzip`; the server may still answer plain, which
 *   is read as is). Without it `Accept-Encoding: identity` asks for a plain body.
 * - Authentication: `Authorization: Bearer <connection.accessToken>`. A 401 refreshes the token once through
 *   jsforce's refresh delegate when the connection has one (a stored sf CLI login), then resends.
 * - A status ≥ 400 rejects with HttpResponseError: errorCode and message from Salesforce's JSON error body
 *   `[{"errorCode","message"}]` (REST API Developer Guide, "Status Codes and Error Responses"), else
 *   ERROR_HTTP_<status> as jsforce names it, so errors.ts classifies both ways alike.
 * - Only http: on loopback and https are sent (checkInstanceUrl vets the instance URL before).
 */
export async function getStream(
  connection: Connection,
  url: string,
  options: {
    accept: string;
    acceptGzip: boolean;
    timeoutMs?: number;
    signal?: AbortSignal;
    /** false: the body as sent, still gzip-compressed when `encoding` says so (default true). */
    decode?: boolean;
  }
): Promise<StreamedResponse> {
  const attempt = async (): Promise<StreamedResponse | 'unauthorized'> => {
    const target = new URL(url, connection.instanceUrl);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = send(target, {
        method: 'GET',
        headers: {
          Authorization: `Bearer ${connection.accessToken ?? ''}`,
          Accept: options.accept,
          'Accept-Encoding': options.acceptGzip ? 'gzip' : 'identity'
        },
        signal: AbortSignal.any([
          AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
          ...(options.signal ? [options.signal] : [])
        ])
      });
      req.once('response', resolve);
      req.once('error', reject);
      req.end();
    });
    const status = response.statusCode ?? 0;
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const gzip = /^\s*gzip\s*$/i.test(headers['content-encoding'] ?? '');
    if (status === 401) {
      response.resume();
      return 'unauthorized';
    }
    // An error body is always read decoded (its JSON says why).
    if (status >= 400) throw await httpError(status, gzip ? decoded(response, createGunzip()) : response);
    const body: Readable = gzip && options.decode !== false ? decoded(response, createGunzip()) : response;
    return { status, headers, encoding: gzip ? 'gzip' : 'identity', body };
  };
  const first = await attempt();
  if (first !== 'unauthorized') return first;
  const refresher = (
    connection as unknown as { _refreshDelegate?: { refresh(since: number): Promise<void> } }
  )._refreshDelegate;
  if (refresher) {
    await refresher.refresh(Date.now());
    const second = await attempt();
    if (second !== 'unauthorized') return second;
  }
  throw new HttpResponseError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
}

/** Pipes a response through a decoder; an error on either side (a cut connection, bad gzip) ends in the decoder. */
function decoded(response: Readable, decoder: Transform): Readable {
  pipeline(response, decoder, () => undefined);
  return decoder;
}

async function httpError(status: number, body: Readable): Promise<HttpResponseError> {
  let text = '';
  try {
    for await (const chunk of body) text += (chunk as Buffer).toString('utf8');
  } catch {
    // the error body itself broke: the status alone says enough
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    const first = (Array.isArray(parsed) ? (parsed[0] as unknown) : parsed) as {
      errorCode?: unknown;
      message?: unknown;
    } | null;
    if (first && typeof first.errorCode === 'string') {
      return new HttpResponseError(
        status,
        first.errorCode,
        typeof first.message === 'string' ? first.message : text
      );
    }
  } catch {
    // not JSON
  }
  return new HttpResponseError(status, `ERROR_HTTP_${status}`, text.slice(0, 500) || `HTTP ${status}`);
}
