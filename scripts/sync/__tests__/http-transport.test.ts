// The sync's one-shot HTTP transport for jsforce (sources/http-transport.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendOnce } from '../sources/http-transport';

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
