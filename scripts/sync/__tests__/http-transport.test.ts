// The sync's one-shot HTTP transport for jsforce (sources/http-transport.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendOnce } from '../sources/http-transport';

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
        const stream = sendOnce({
          method: 'POST',
          url: `http://127.0.0.1:${port}/jobs/query`,
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
          body
        });
        stream.on('complete', resolve);
        stream.on('error', reject);
      });
      expect(result.statusCode).toBe(200);
      expect(Number(result.body)).toBe(Buffer.byteLength(body));
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    }
  });
});
