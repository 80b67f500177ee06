// Issue 11, live memory and speed: in parallel mode the next result page is inflated and checked whole while
// the current one is measured, into buffers reused from page to page. The pages held decoded never exceed
// the bound (OrgSource.decodedPageStats), the bound is reached when the consumer is slower than the link
// (decoding does run ahead), every page is released at the end or on an early stop, and the rows read are
// those of sequential locator paging of plain CSV, value for value, whatever the bound.
import { DECODED_PAGES, openOrgSource, type OrgSource } from '../../scripts/sync/sources/org-source';
import { startSimulator, type SalesforceSimulator } from '../salesforce-simulator';
import { withEnv } from './helpers';

jest.setTimeout(90_000);
withEnv({ SYNC_POLL_MS: '5', SYNC_RETRY_BASE_MS: '5' });

const FIELDS = ['Id', 'Name', 'Amount', 'StageName', 'Description'];

/** Every row read, as text, and the pages held decoded seen by the consumer at each batch. */
async function readAll(
  source: OrgSource,
  options: { pauseMs?: number; stopAfterRows?: number } = {}
): Promise<{ rows: string[]; heldSeen: number[] }> {
  const rows: string[] = [];
  const heldSeen: number[] = [];
  let pagesSeen = 0;
  for await (const batch of source.streamRecords('Opportunity', FIELDS, {
    progress: {
      page: () => {
        pagesSeen++;
      }
    }
  })) {
    heldSeen.push(source.decodedPageStats().held);
    for (let r = 0; r < batch.length; r++) rows.push(JSON.stringify(batch.row(r)));
    // A measurement slower than the link: the pages after this one are down and could all be decoded.
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    if (options.stopAfterRows !== undefined && rows.length >= options.stopAfterRows) break;
  }
  expect(pagesSeen).toBeGreaterThan(0);
  return { rows, heldSeen };
}

describe('live result pages decoded ahead, bounded', () => {
  let sim: SalesforceSimulator;
  beforeAll(async () => {
    // 1,234 records in pages of 100: 13 pages, more than PAGE_CONCURRENCY and DECODED_PAGES.
    sim = await startSimulator({ opportunities: 1234, defaultMaxRecords: 100 });
  });
  afterAll(async () => {
    await sim.close();
  });
  const open = (options: { pageConcurrency?: number; acceptGzip?: boolean; decodedPages?: number } = {}) =>
    openOrgSource({ instanceUrl: sim.url, accessToken: sim.accessToken, pollIntervalMs: 5, ...options });

  it('holds at most DECODED_PAGES pages decoded, reaches the bound, and reads what sequential paging reads', async () => {
    const sequential = await readAll(await open({ pageConcurrency: 1, acceptGzip: false }));
    expect(sequential.rows).toHaveLength(1234);

    const source = await open();
    const parallel = await readAll(source, { pauseMs: 20 });
    const stats = source.decodedPageStats();
    expect(stats.bound).toBe(DECODED_PAGES);
    expect(Math.max(...parallel.heldSeen)).toBeLessThanOrEqual(DECODED_PAGES);
    // The page measured and the next one decoded ahead: the bound is reached, never passed.
    expect(stats.peak).toBe(DECODED_PAGES);
    expect(stats.held).toBe(0);
    // Same rows in the same order: buffers reused from page 3 on never overwrite a page still being read.
    expect(parallel.rows).toEqual(sequential.rows);
  });

  it('keeps any bound it is given (1 and 3), with the same rows', async () => {
    const sequential = await readAll(await open({ pageConcurrency: 1, acceptGzip: false }));
    for (const bound of [1, 3]) {
      const source = await open({ decodedPages: bound });
      const read = await readAll(source, { pauseMs: 20 });
      expect(source.decodedPageStats()).toEqual({ held: 0, peak: bound, bound });
      expect(Math.max(...read.heldSeen)).toBeLessThanOrEqual(bound);
      expect(read.rows).toEqual(sequential.rows);
    }
  });

  it('releases every page held decoded when the reader stops early', async () => {
    const source = await open();
    const read = await readAll(source, { pauseMs: 20, stopAfterRows: 250 });
    expect(read.rows.length).toBeGreaterThanOrEqual(250);
    expect(read.rows.length).toBeLessThan(1234);
    expect(source.decodedPageStats().held).toBe(0);
    expect(source.decodedPageStats().peak).toBeLessThanOrEqual(DECODED_PAGES);
  });
});
