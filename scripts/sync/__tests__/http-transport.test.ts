// The sync's one-shot HTTP transport for jsforce (sources/http-transport.ts).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import type { Connection } from '@jsforce/jsforce-node';
import { decodeWhole, getStream, sendOnce } from '../sources/http-transport';

/** A failure must show in seconds, not at Jest's 30 s limit: the request and the wait both time out. */
const QUICK_MS = 5_000;

describe('sendOnce', () => {
  it('sends a body whose caller-given Content-Length counts characters, not bytes', async () => {
    // `npm run bench` found it: fetch refused jsforce's Content-Length ("invalid content-length header")
    // and every job creation failed until the retries ran out.
    const server = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end(String(bytes));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const body = JSON.stringify({ query: "SELECT Id FROM Opportunity WHERE Name = 'Équipe Île-de-France'" });
    try {
      const result = await new Promise<{ statusCode: number; body: string }>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no 'complete' nor 'error' within ${QUICK_MS} ms`));
        }, QUICK_MS + 1_000);
        const stream = sendOnce(
          {
            method: 'POST',
            url: `http://127.0.0.1:${port}/jobs/query`,
            headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
            body
          },
          { timeout: QUICK_MS }
        );
        stream.on('complete', (r: { statusCode: number; body: string }) => {
          clearTimeout(timer);
          resolve(r);
        });
        stream.on('error', (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
      expect(result.statusCode).toBe(200);
      expect(Number(result.body)).toBe(Buffer.byteLength(body));
    } finally {
      server.closeAllConnections(); // a request left hanging must not hold the close
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    }
  });
});

describe('getStream', () => {
  /** A loopback server answering each path its own way; the connection stand-in has its URL and a token. */
  async function serve(
    handler: (path: string, res: ServerResponse, encoding: string) => void
  ): Promise<{ connection: Connection; close: () => Promise<void> }> {
    const server = createServer((req, res) => {
      handler(req.url ?? '/', res, req.headers['accept-encoding'] ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const connection = {
      instanceUrl: `http://127.0.0.1:${port}`,
      accessToken: 'token'
    } as unknown as Connection;
    return {
      connection,
      close: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        });
      }
    };
  }
  const text = async (body: NodeJS.ReadableStream): Promise<string> => {
    let out = '';
    for await (const chunk of body) out += (chunk as Buffer).toString('utf8');
    return out;
  };
  const csv = '"Id"\n"001"\n'.repeat(200);

  it('asks for gzip, decodes it as it streams, and reads a plain answer as is', async () => {
    const seen: string[] = [];
    const { connection, close } = await serve((path, res, encoding) => {
      seen.push(encoding);
      if (path === '/gzip') {
        res.writeHead(200, { 'Content-Encoding': 'gzip' });
        res.end(gzipSync(csv));
      } else {
        res.writeHead(200);
        res.end(csv);
      }
    });
    try {
      const gz = await getStream(connection, '/gzip', {
        accept: 'text/csv',
        acceptGzip: true,
        timeoutMs: QUICK_MS
      });
      expect(gz.encoding).toBe('gzip');
      expect(await text(gz.body)).toBe(csv);
      const plain = await getStream(connection, '/plain', {
        accept: 'text/csv',
        acceptGzip: false,
        timeoutMs: QUICK_MS
      });
      expect(plain.encoding).toBe('identity');
      expect(await text(plain.body)).toBe(csv);
      expect(seen).toEqual(['gzip', 'identity']);
    } finally {
      await close();
    }
  });

  it('keeps a body as sent with decode: false, and decodeWhole decodes it later with the same checks', async () => {
    const whole = gzipSync(csv);
    const { connection, close } = await serve((_path, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip' });
      res.end(whole);
    });
    try {
      const kept = await getStream(connection, '/gzip', {
        accept: 'text/csv',
        acceptGzip: true,
        timeoutMs: QUICK_MS,
        decode: false
      });
      expect(kept.encoding).toBe('gzip');
      const chunks: Buffer[] = [];
      for await (const chunk of kept.body) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks)).toEqual(whole); // still compressed: what a page ahead costs in memory
      expect((await decodeWhole(Buffer.concat(chunks), 'gzip')).data.toString('utf8')).toBe(csv);
      expect((await decodeWhole(Buffer.from(csv), 'identity')).data.toString('utf8')).toBe(csv);
      // Into a buffer of an earlier call: reused when large enough, else a larger one (nothing lost).
      const big = Buffer.alloc(csv.length * 2);
      const reused = await decodeWhole(whole, 'gzip', big);
      expect(reused.buffer).toBe(big);
      expect(reused.data.toString('utf8')).toBe(csv);
      const small = await decodeWhole(whole, 'gzip', Buffer.alloc(4));
      expect(small.buffer?.length).toBeGreaterThanOrEqual(csv.length);
      expect(small.data.toString('utf8')).toBe(csv);
      // Cut before the trailer: the same Z_BUF_ERROR as a stream cut on the wire.
      await expect(decodeWhole(whole.subarray(0, whole.length - 6), 'gzip')).rejects.toMatchObject({
        code: 'Z_BUF_ERROR'
      });
      // A wrong CRC-32, or an ISIZE that lies (it sizes the output buffer): both Z_DATA_ERROR.
      const badCrc = Buffer.from(whole);
      badCrc[badCrc.length - 8] = (badCrc[badCrc.length - 8] ?? 0) ^ 0xff;
      await expect(decodeWhole(badCrc, 'gzip')).rejects.toMatchObject({ code: 'Z_DATA_ERROR' });
      const isizeOff = Buffer.from(whole);
      isizeOff.writeUInt32LE(7, isizeOff.length - 4);
      await expect(decodeWhole(isizeOff, 'gzip')).rejects.toMatchObject({ code: 'Z_DATA_ERROR' });
    } finally {
      await close();
    }
  });

  it('fails a gzip stream cut before its trailer (Z_BUF_ERROR), which Z_SYNC_FLUSH decoding would end quietly', async () => {
    const whole = gzipSync(csv);
    const { connection, close } = await serve((_path, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip' });
      res.end(whole.subarray(0, whole.length - 6));
    });
    try {
      const got = await getStream(connection, '/', {
        accept: 'text/csv',
        acceptGzip: true,
        timeoutMs: QUICK_MS
      });
      await expect(text(got.body)).rejects.toMatchObject({ code: 'Z_BUF_ERROR' });
      // What Node's fetch does (finishFlush Z_SYNC_FLUSH): the same bytes end without an error.
      expect(
        gunzipSync(whole.subarray(0, whole.length - 6), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).length
      ).toBe(Buffer.byteLength(csv));
    } finally {
      await close();
    }
  });

  it('names errors by Salesforce errorCode, or ERROR_HTTP_<status> without a JSON body', async () => {
    const { connection, close } = await serve((path, res) => {
      if (path === '/json') {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify([{ errorCode: 'INVALIDLOCATOR', message: 'Invalid locator: x' }]));
      } else {
        res.writeHead(503);
        res.end('Service Unavailable');
      }
    });
    try {
      const options = { accept: 'text/csv', acceptGzip: true, timeoutMs: QUICK_MS };
      await expect(getStream(connection, '/json', options)).rejects.toMatchObject({
        name: 'INVALIDLOCATOR',
        errorCode: 'INVALIDLOCATOR',
        message: 'Invalid locator: x'
      });
      await expect(getStream(connection, '/text', options)).rejects.toMatchObject({
        errorCode: 'ERROR_HTTP_503',
        status: 503
      });
    } finally {
      await close();
    }
  });
});
