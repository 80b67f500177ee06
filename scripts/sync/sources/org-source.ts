// The live source: a Salesforce org through jsforce (sf CLI login via @salesforce/core, or a session).
//
// API calls per object do not grow with its number of fields, only with its result pages:
//   1 describe + 1 Bulk API 2.0 query job (the SOQL travels in a POST body, so 900 field names are fine:
//   a GET /query with them in the URL fails with HTTP 431, the sfdx-hardis failure) + a few polls
//   + from API 58.0, 1 GET …/resultPages per five result pages listed, then 1 GET per page, PAGE_CONCURRENCY
//   at a time (Bulk API 2.0 Developer Guide, "Get Parallel Results for a Query Job"); below 58.0, or when
//   resultPages answers 404/405, 1 GET per page by Sforce-Locator (maxRecords: 50,000 records, fewer for
//   very wide objects so that a page, held until it is checked whole, stays around 30 MB).
// Every page is asked for with Accept-Encoding: gzip, read by node:http(s) (http-transport.ts getStream;
// jsforce's HTTP layer would hold it as text): by locator, streamed into the shared CSV reader, decoded as
// it arrives; from resultPages, held as sent, then decoded whole ahead of its turn, DECODED_PAGES at most
// (readPagesInParallel). Results are paged
// here, not by jsforce's bulk2.query (it crashes when results span more than one Sforce-Locator page:
// jsforce issues #1546 and #1693).
// Users come from a REST query (queryMore paging); rules from the org's custom metadata (__mdt SOQL).

import { Connection as JsforceConnection } from '@jsforce/jsforce-node';
import type { HttpRequest } from '@jsforce/jsforce-node/lib/types';
import { Org } from '@salesforce/core';
import { readCsv, type RowBatch } from '../csv/csv-reader';
import {
  classifyFailure,
  errorCode,
  SyncServerError,
  syncInputError,
  syncServerError,
  TransientResponseError
} from '../errors';
import { CsvFormatError } from '../csv/csv-reader';
import { messageOf } from '../messages';
import {
  decodeWhole,
  getStream,
  INFLATE_CHUNK,
  useSendOnceTransport,
  type DecodedBody
} from './http-transport';
import { ruleSetFromRecords, type MetadataValues } from '../rules/metadata-rules';
import { describedDefault } from '../engine/informative';
import { idKey } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { withRetry, type RetryOptions } from './retry';
import { compoundFieldsOf, withCompoundColumns } from './compound-fields';
import type {
  FieldDescribe,
  ObjectDescribe,
  OrgRecordSource,
  OrgSourceOptions,
  RuleSet,
  StreamOptions,
  UserRecord
} from './record-source';

/** The API version used when the login does not say (a session passed as instance URL and token). */
export const DEFAULT_API_VERSION = '65.0';
/** Records per Bulk API 2.0 result page (maxRecords); env SYNC_PAGE_SIZE overrides it. */
export const DEFAULT_PAGE_SIZE = 50_000;
/** Cells (records × columns) per result page when no page size is given: bounds the memory of a page. */
export const PAGE_CELL_BUDGET = 2_000_000;
/** GET /jobs/query/{id}/resultPages exists from API 58.0 (Bulk API 2.0 Developer Guide, "Get Parallel Results for a Query Job"). */
export const RESULT_PAGES_MIN_VERSION = 58;
/**
 * Result pages downloaded at once (env SYNC_PAGE_CONCURRENCY overrides it; 1 = sequential locator paging).
 * Four: one answer of resultPages lists up to five URLs, so four downloads run while the next answer is
 * fetched; more would not fill a shared link any better (the measurement parses on one thread). Pages wait
 * as downloaded (gzip bytes, about 7× smaller than the CSV); at most DECODED_PAGES of them are held decoded.
 * Salesforce also caps an org's concurrent requests of 20 s or longer (25 in production orgs and sandboxes,
 * 5 in Developer Edition and trial orgs, REQUEST_LIMIT_EXCEEDED beyond: Salesforce Developer Limits and
 * Allocations Quick Reference, "API Request Limits and Allocations"): four stays under both, with room for
 * the org's other integrations.
 */
export const PAGE_CONCURRENCY = 4;

/**
 * Result pages held decoded at once in parallel mode: the page being measured and the next, inflated on
 * libuv's thread pool and checked whole while the current one is measured (readPagesInParallel). Two keep
 * decompression off the measuring thread's path; more would only hold more memory (a decoded page is about
 * 7× its gzip bytes), since one page is measured at a time.
 */
export const DECODED_PAGES = 2;

/** Pages held decoded in parallel mode (OrgSource.decodedPageStats): now, the most at once, and the bound. */
export interface DecodedPageStats {
  held: number;
  peak: number;
  bound: number;
}

/** Tuning of the live path (tests and the benchmark shorten the waits). */
export interface OrgSourceTuning {
  /** First wait before polling a query job (ms; default env SYNC_POLL_MS or 250); grows ×1.5 up to pollMaxMs. */
  pollIntervalMs?: number;
  pollMaxMs?: number;
  /** Give up on a job after this long (ms, default 30 minutes). */
  pollTimeoutMs?: number;
  /** Retries of calls that failed with 5xx, REQUEST_LIMIT_EXCEEDED or a network error. */
  retry?: RetryOptions;
  /** Result pages downloaded at once (default PAGE_CONCURRENCY; 1 = sequential locator paging). */
  pageConcurrency?: number;
  /** Ask for gzip-compressed result pages (default true; env SYNC_ACCEPT_GZIP=0 turns it off). */
  acceptGzip?: boolean;
  /** Result pages held decoded at once in parallel mode (default DECODED_PAGES, at least 1). */
  decodedPages?: number;
}

/** Bulk API 2.0 cannot select compound (address, location) or base64 fields; their components are listed. */
const NOT_BULK_QUERYABLE = new Set(['address', 'location', 'base64']);

interface DescribeGlobal {
  sobjects: { name: string; queryable: boolean }[];
}
interface DescribeResult {
  name: string;
  label: string;
  queryable?: boolean;
  fields: {
    name: string;
    label: string;
    type: string;
    deprecatedAndHidden?: boolean;
    compoundFieldName?: string | null;
    defaultValueFormula?: string | null;
    picklistValues?: { value: string; defaultValue?: boolean; active?: boolean }[] | null;
  }[];
  recordTypeInfos?: { recordTypeId: string; developerName: string; master?: boolean }[];
}
interface QueryResult<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}
interface JobInfo {
  id: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
  numberRecordsProcessed?: number;
}
type Json = Record<string, unknown>;

/** One answer of GET …/jobs/query/{id}/resultPages (Bulk API 2.0 Developer Guide, "Get Parallel Results for a Query Job"). */
interface ResultPagesAnswer {
  resultPages?: { resultUrl: string }[];
  nextRecordsUrl?: string | null;
  /** The guide's element table spells it so; its example uses nextRecordsUrl. */
  nextRecordUrl?: string | null;
  done?: boolean;
}

/** A result page read and checked whole. */
interface PageRead {
  page: number;
  /**
   * Its rows: parsed already (locator paging), or parsed as they are measured from bytes already checked
   * whole (resultPages: see readPagesInParallel).
   */
  batches: RowBatch[] | AsyncIterable<RowBatch>;
  records: number;
  /** Decoded (uncompressed) bytes. */
  bytes: number;
  /** Sforce-Locator of the next page (locator paging), null at the last. */
  locator: string | null;
}

/** A result page downloaded whole but not decoded yet: its bytes as sent (gzip: about 7× smaller than the CSV). */
interface FetchedPage {
  headers: Record<string, string | undefined>;
  encoding: 'gzip' | 'identity';
  body: Buffer;
}

/** A result page decoded whole and checked (checkDecoded), not parsed yet; `buffer` goes back to the pool. */
interface DecodedPage {
  csv: Buffer;
  buffer?: Buffer;
  records: number;
}

/** https only, except on the loopback interface (tests, a local proxy): a token must never travel in clear. */
export function checkInstanceUrl(url: URL, flag: string): void {
  const loopback = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return;
  throw syncInputError('sync.org', 'NotHttps', [flag, url.origin]);
}

/** Opens a connection from a stored sf CLI login or a session; a missing login is a SyncInputError (exit 2). */
async function connect(
  options: OrgSourceOptions
): Promise<{ connection: JsforceConnection; description: string }> {
  if (options.targetOrg) {
    let org: Org;
    try {
      org = await Org.create({ aliasOrUsername: options.targetOrg });
    } catch (error) {
      throw syncInputError(
        'adoption.sync',
        'LoginNotFound',
        [options.targetOrg, (error as Error).message],
        [options.targetOrg]
      );
    }
    // @salesforce/core's Connection subclasses jsforce's and refreshes the token when it can.
    const connection = org.getConnection(options.apiVersion) as unknown as JsforceConnection;
    checkInstanceUrl(new URL(connection.instanceUrl), `The instance URL of the login ${options.targetOrg}`);
    useSendOnceTransport(connection);
    return { connection, description: `org ${org.getUsername() ?? options.targetOrg}` };
  }
  if (options.instanceUrl && options.accessToken) {
    let url: URL;
    try {
      url = new URL(options.instanceUrl);
    } catch {
      throw syncInputError('sync.org', 'BadInstanceUrl', [options.instanceUrl]);
    }
    checkInstanceUrl(url, '--instance-url');
    const connection = new JsforceConnection({
      instanceUrl: url.origin,
      accessToken: options.accessToken,
      version: options.apiVersion ?? DEFAULT_API_VERSION
    });
    useSendOnceTransport(connection);
    return { connection, description: `org ${url.host}` };
  }
  throw syncInputError('sync.org', 'NoLogin');
}

export class OrgSource implements OrgRecordSource {
  readonly kind = 'org' as const;
  private calls = 0;
  private global?: Promise<DescribeGlobal>;
  private readonly describes = new Map<string, Promise<ObjectDescribe | undefined>>();
  private rules?: Promise<RuleSet>;
  private readonly pageSize: number | undefined;
  private readonly pollIntervalMs: number;
  private readonly pageConcurrency: number;
  private readonly acceptGzip: boolean;
  private readonly decoded: DecodedPageStats;
  private readonly log: (message: string) => void;

  constructor(
    readonly connection: JsforceConnection,
    readonly description: string,
    private readonly options: OrgSourceOptions & OrgSourceTuning
  ) {
    this.pageSize = options.pageSize ?? positiveInt(process.env.SYNC_PAGE_SIZE);
    this.pollIntervalMs = options.pollIntervalMs ?? positiveInt(process.env.SYNC_POLL_MS) ?? 250;
    this.pageConcurrency =
      options.pageConcurrency ?? positiveInt(process.env.SYNC_PAGE_CONCURRENCY) ?? PAGE_CONCURRENCY;
    this.acceptGzip = options.acceptGzip ?? process.env.SYNC_ACCEPT_GZIP !== '0';
    this.decoded = {
      held: 0,
      peak: 0,
      bound: Math.max(1, options.decodedPages ?? DECODED_PAGES)
    };
    this.log = options.log ?? (() => undefined);
  }

  apiCalls(): number {
    return this.calls;
  }

  /** Result pages held decoded in parallel mode: now, the most at once so far, and the bound (a copy). */
  decodedPageStats(): DecodedPageStats {
    return { ...this.decoded };
  }

  private get base(): string {
    return `/services/data/v${this.connection.version}`;
  }

  /** One API call with retries of transient failures, and a clear message for an expired session. */
  private async call<T>(what: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await withRetry(
        () => {
          // Another page failed for good: this one stops too, without a further attempt.
          signal?.throwIfAborted();
          this.calls++;
          return fn();
        },
        {
          ...this.options.retry,
          ...(signal && !this.options.retry?.sleep
            ? { sleep: (ms: number) => abortableSleep(ms, signal) }
            : {}),
          onRetry: ({ attempt, delayMs, reason }) => {
            this.log(`${what}: ${reason}, retry ${attempt} in ${delayMs} ms`);
          }
        }
      );
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === 'session') {
        const alias = this.options.targetOrg;
        throw alias
          ? syncInputError('sync.org', 'SessionExpired', [this.description, what], [alias, alias])
          : syncInputError('sync.org', 'SessionTokenExpired', [this.description, what]);
      }
      if (error instanceof SyncServerError) {
        throw syncServerError('sync.org', 'CallFailed', [what, error.message], [error.hint], {
          cause: error
        });
      }
      throw error;
    }
  }

  private request<T>(what: string, request: HttpRequest): Promise<T> {
    return this.call(what, () => this.connection.request<T>(request));
  }

  async listObjects(): Promise<string[]> {
    this.global ??= this.request<DescribeGlobal>('describeGlobal', {
      method: 'GET',
      url: `${this.base}/sobjects`
    });
    const global = await this.global;
    return global.sobjects.filter((o) => o.queryable).map((o) => o.name);
  }

  describe(objectName: string): Promise<ObjectDescribe | undefined> {
    const key = objectName.toLowerCase();
    let pending = this.describes.get(key);
    if (!pending) {
      pending = this.describeOnce(objectName);
      this.describes.set(key, pending);
    }
    return pending;
  }

  private async describeOnce(objectName: string): Promise<ObjectDescribe | undefined> {
    let result: DescribeResult;
    try {
      result = await this.request<DescribeResult>(`describe ${objectName}`, {
        method: 'GET',
        url: `${this.base}/sobjects/${encodeURIComponent(objectName)}/describe`
      });
    } catch (error) {
      if (['NOT_FOUND', 'INVALID_TYPE'].includes(errorCode(error))) return undefined;
      throw error;
    }
    const fields: FieldDescribe[] = result.fields
      .filter((f) => !f.deprecatedAndHidden && !NOT_BULK_QUERYABLE.has(f.type))
      .map((f) => {
        const defaultValue = describedDefault(f);
        return {
          name: f.name,
          label: f.label,
          type: f.type,
          ...(defaultValue === undefined ? {} : { defaultValue })
        };
      });
    const compounds = compoundFieldsOf(result.fields);
    return {
      name: result.name,
      label: result.label,
      fields,
      ...(compounds.length > 0 ? { compounds } : {}),
      recordTypes: (result.recordTypeInfos ?? [])
        .filter((rt) => !rt.master)
        .map((rt) => ({ id: rt.recordTypeId, developerName: rt.developerName }))
    };
  }

  async *streamRecords(
    objectName: string,
    fields: readonly string[],
    options: StreamOptions = {}
  ): AsyncIterable<RowBatch> {
    const described = await this.describe(objectName);
    if (!described) {
      throw syncInputError('sync.org', 'NoObject', [objectName, this.description]);
    }
    const { selected, compounds } = this.selectFields(described, fields);
    const soql = `SELECT ${selected.join(', ')} FROM ${described.name}`;
    const job = await this.createJob(described.name, soql);
    await this.waitForJob(described.name, job);

    const maxRecords =
      this.pageSize ??
      Math.max(1000, Math.min(DEFAULT_PAGE_SIZE, Math.floor(PAGE_CELL_BUDGET / selected.length)));
    const stop = new AbortController();
    try {
      const listed =
        this.pageConcurrency > 1 ? await this.firstResultPages(described.name, job.id) : undefined;
      const urls = listed ? this.listedPageUrls(described.name, listed, stop.signal) : undefined;
      const pages = urls
        ? this.readPagesInParallel(described.name, urls, stop.signal)
        : this.readPagesByLocator(described.name, job.id, maxRecords, stop.signal);
      for await (const read of pages) {
        options.progress?.page(described.name, { page: read.page, records: read.records, bytes: read.bytes });
        if (compounds.length > 0) yield* withCompoundColumns(read.batches, compounds);
        else yield* read.batches;
      }
    } finally {
      // A failure or an early return: downloads still under way stop, their retries too.
      stop.abort();
    }
  }

  /**
   * The SOQL select list for `fields`: API names as the describe spells them, relationship paths as given
   * (Salesforce validates them), and for a compound field of the describe its components instead (once
   * each), the compound coming back as a column computed from them (compound-fields.ts).
   * Throws SyncInputError (NoField) for a field the object lacks.
   */
  private selectFields(
    described: ObjectDescribe,
    fields: readonly string[]
  ): { selected: string[]; compounds: FieldDescribe[] } {
    const known = new Map(described.fields.map((f) => [f.name.toLowerCase(), f]));
    for (const c of described.compounds ?? []) known.set(c.name.toLowerCase(), c);
    const selected: string[] = [];
    const seen = new Set<string>();
    const compounds: FieldDescribe[] = [];
    const add = (name: string): void => {
      if (seen.has(name.toLowerCase())) return;
      seen.add(name.toLowerCase());
      selected.push(name);
    };
    for (const name of fields) {
      if (name.includes('.')) {
        add(name);
        continue;
      }
      const found = known.get(name.toLowerCase());
      if (!found) throw syncInputError('sync.org', 'NoField', [name, described.name, this.description]);
      if (found.components) {
        if (!compounds.includes(found)) compounds.push(found);
        found.components.forEach(add);
      } else add(found.name);
    }
    return { selected, compounds };
  }

  /**
   * Sequential locator paging (what jsforce's bulk2 and `sf data export bulk` do; the path below API 58.0 or
   * where resultPages answers 404/405): GET …/results?maxRecords=…[&locator=…] until the Sforce-Locator
   * header is the string "null" (Bulk API 2.0 Developer Guide, "Get Results for a Query Job", API 47.0+).
   */
  private async *readPagesByLocator(
    objectName: string,
    jobId: string,
    maxRecords: number,
    signal: AbortSignal
  ): AsyncGenerator<PageRead> {
    let locator: string | null = null;
    let page = 0;
    do {
      page++;
      const params = new URLSearchParams({ maxRecords: String(maxRecords) });
      if (locator) params.set('locator', locator);
      const url = `${this.base}/jobs/query/${jobId}/results?${params.toString()}`;
      const n = page;
      const read: PageRead = await this.call(
        `results of ${objectName}, page ${n}`,
        () => this.readPage(url, `${objectName} result page ${n}`, n, signal),
        signal
      );
      locator = read.locator;
      yield read;
    } while (locator);
  }

  /**
   * The first answer of GET …/jobs/query/{id}/resultPages (Bulk API 2.0 Developer Guide, "Get Parallel
   * Results for a Query Job": API 58.0 and later, JSON, up to five resultUrl per answer, the job's own API
   * version or 409), or undefined when sequential locator paging applies: below API 58.0 (the resource
   * does not exist), or when the endpoint answers 404 NOT_FOUND or 405 (an org or proxy without it).
   */
  private async firstResultPages(objectName: string, jobId: string): Promise<ResultPagesAnswer | undefined> {
    if (Number(this.connection.version) < RESULT_PAGES_MIN_VERSION) return undefined;
    try {
      return await this.request<ResultPagesAnswer>(`result pages of ${objectName}`, {
        method: 'GET',
        url: `${this.base}/jobs/query/${jobId}/resultPages`
      });
    } catch (error) {
      const code = errorCode(error);
      if (['NOT_FOUND', 'METHOD_NOT_ALLOWED', 'ERROR_HTTP_404', 'ERROR_HTTP_405'].includes(code)) {
        this.log(
          `resultPages of ${objectName} answered ${code}: reading the result pages one by one (locators).`
        );
        return undefined;
      }
      throw error;
    }
  }

  /** Every resultUrl of a job, following nextRecordsUrl until done (one API call per answer of ≤ 5 URLs). */
  private async *listedPageUrls(
    objectName: string,
    first: ResultPagesAnswer,
    signal: AbortSignal
  ): AsyncGenerator<string> {
    let answer = first;
    for (;;) {
      for (const entry of answer.resultPages ?? []) yield this.sameOrgUrl(entry.resultUrl, objectName);
      // The guide's table names the field nextRecordUrl, its example and text nextRecordsUrl: either is read.
      const next = answer.nextRecordsUrl ?? answer.nextRecordUrl;
      if (answer.done !== false || !next || signal.aborted) return;
      answer = await this.call(
        `result pages of ${objectName} (more)`,
        () =>
          this.connection.request<ResultPagesAnswer>({
            method: 'GET',
            url: this.sameOrgUrl(next, objectName)
          }),
        signal
      );
    }
  }

  /**
   * Downloads listed result pages PAGE_CONCURRENCY at a time and hands them on in page order. A page waits
   * as downloaded (its bytes as sent, gzip-compressed by default: fetchPage). The first DECODED_PAGES pages
   * not yet measured are decoded ahead: inflated whole on libuv's thread pool (decodeWhole) and checked whole
   * (gzip trailer and CRC, last record, row count: checkDecoded) while the page before is measured, so that
   * decompression overlaps measuring and a page fetched again is never counted twice. A page is parsed from
   * its decoded bytes as it is measured (INFLATE_CHUNK at a time) and released when the next page is asked for.
   * Memory: PAGE_CONCURRENCY pages as sent plus at most DECODED_PAGES decoded (decodedPageStats), in
   * buffers reused from page to page: a batch's bytes stay valid until the next page is asked for, as every
   * reader of streamRecords uses them (it measures a batch before it asks for the next).
   * The order makes runs reproducible page for page (the measurement itself counts per record).
   * One retry layer: a page's download started ahead is its first attempt; when it, its decoding or its
   * check fails, the same call fetches the URL again under the same retry rules.
   */
  private async *readPagesInParallel(
    objectName: string,
    urls: AsyncGenerator<string>,
    signal: AbortSignal
  ): AsyncGenerator<PageRead> {
    interface Listed {
      n: number;
      url: string;
      /** Settles when the download started ahead has (whatever its outcome). */
      downloaded: Promise<void>;
      /** The download started ahead, until handed to decodeInTurn (its bytes are not kept longer). */
      fetched?: Promise<FetchedPage>;
      decoded?: Promise<DecodedPage>;
    }
    const window: Listed[] = [];
    let listed = 0;
    let exhausted = false;
    const fill = async (): Promise<void> => {
      while (!exhausted && window.length < this.pageConcurrency) {
        const next = await urls.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const fetched = this.fetchPage(next.value, signal);
        // Awaited in turn by decodeInTurn; a later page's failure is not unhandled.
        const downloaded = fetched.then(
          () => undefined,
          () => undefined
        );
        window.push({ n: ++listed, url: next.value, downloaded, fetched });
      }
      decodeAhead();
    };
    // Pages of the window in order start decoding while fewer than the bound are held decoded.
    // Buffers of pages measured, decoded into again: at most DECODED_PAGES exist (one per page held).
    const spare: Buffer[] = [];
    const decodeAhead = (): void => {
      for (const entry of window) {
        if (this.decoded.held >= this.decoded.bound) return;
        if (entry.decoded) continue;
        this.decoded.held++;
        this.decoded.peak = Math.max(this.decoded.peak, this.decoded.held);
        entry.decoded = this.decodeInTurn(objectName, entry.n, entry.url, entry.fetched, spare.pop(), signal);
        delete entry.fetched;
        entry.decoded.catch(() => undefined); // awaited in turn below
      }
    };
    let current = 0; // 1 while the head page, out of the window, is held decoded
    try {
      await fill();
      for (let head = window[0]; head; head = window[0]) {
        // Once this page is down (or failed), the next download starts while it is decoded and measured.
        await head.downloaded;
        window.shift();
        // decodeAhead starts pages in window order and the bound is at least 1: the head is decoding.
        const decoded = head.decoded as Promise<DecodedPage>;
        current = 1;
        await fill();
        const { csv, buffer, records } = await decoded;
        const sourceName = `${objectName} result page ${head.n}`;
        yield {
          page: head.n,
          batches: turnEach(readCsv(slices(csv), { sourceName })),
          records,
          bytes: csv.length,
          locator: null
        };
        // Measured (the next page is asked for, so no batch of this one is read any more): its buffer is
        // decoded into again, and the next page waiting as sent starts decoding.
        current = 0;
        if (buffer) spare.push(buffer);
        this.decoded.held--;
        decodeAhead();
      }
    } finally {
      // Stopped early: pages decoded or decoding are released too (their downloads stop by the signal).
      this.decoded.held -= current + window.filter((entry) => entry.decoded !== undefined).length;
    }
  }

  /** A page's turn in the retry layer: its download started ahead (first attempt), else fetched again; decoded and checked whole. */
  private decodeInTurn(
    objectName: string,
    n: number,
    url: string,
    ahead: Promise<FetchedPage> | undefined,
    into: Buffer | undefined,
    signal: AbortSignal
  ): Promise<DecodedPage> {
    const sourceName = `${objectName} result page ${n}`;
    return this.call(
      `results of ${objectName}, page ${n}`,
      async () => {
        // The download started ahead is the first attempt; a retry fetches the URL again.
        const pending = ahead ?? this.fetchPage(url, signal);
        ahead = undefined;
        const page = await pending;
        let decoded: DecodedBody;
        try {
          decoded = await decodeWhole(page.body, page.encoding, into);
        } catch (error) {
          throw pageError(error, sourceName);
        }
        const { data: csv, buffer } = decoded;
        return { csv, buffer, records: checkDecoded(csv, page.headers, sourceName) };
      },
      signal
    );
  }

  /** GETs a result page whole, as sent (gzip-compressed unless SYNC_ACCEPT_GZIP=0): decoded when due. */
  private async fetchPage(url: string, signal: AbortSignal): Promise<FetchedPage> {
    const response = await getStream(this.connection, url, {
      accept: 'text/csv',
      acceptGzip: this.acceptGzip,
      signal,
      decode: false
    });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) chunks.push(chunk as Buffer);
    // One buffer of the page's exact size: the socket's many small reads, copied once, are released at once.
    return { headers: response.headers, encoding: response.encoding, body: Buffer.concat(chunks) };
  }

  /**
   * GETs one result page (Accept: text/csv, Accept-Encoding: gzip unless SYNC_ACCEPT_GZIP=0) and streams it,
   * decoded as it arrives, into the shared CSV reader (sequential locator paging), checked as checkedPage says.
   */
  private async readPage(
    url: string,
    sourceName: string,
    page: number,
    signal: AbortSignal
  ): Promise<PageRead> {
    const response = await getStream(this.connection, url, {
      accept: 'text/csv',
      acceptGzip: this.acceptGzip,
      signal
    });
    return this.checkedPage(response.headers, response.body, sourceName, page, () => response.body.destroy());
  }

  /**
   * Parses a result page's decoded body and checks it whole. A page whose rows do not add up to its
   * Sforce-NumberOfRecords header, that does not end at a record boundary (Bulk API 2.0 ends every record
   * with the job's line ending, LF here), whose gzip stream ends before its trailer or fails its CRC, or
   * whose connection drops, was cut short or damaged on the way: TransientResponseError (or the network
   * error), so the retry layer fetches the same URL again (Bulk API 2.0 Developer Guide, "Get Results for
   * a Query Job": Sforce-NumberOfRecords, Sforce-Locator; "Use Compression for Responses").
   */
  private async checkedPage(
    headers: Record<string, string | undefined>,
    body: AsyncIterable<Buffer>,
    sourceName: string,
    page: number,
    destroy: () => void
  ): Promise<PageRead> {
    const next = headers['sforce-locator'];
    const expected = Number(headers['sforce-numberofrecords'] ?? NaN);
    const batches: RowBatch[] = [];
    let records = 0;
    let bytes = 0;
    let last = -1;
    const counted = async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of chunks) {
        bytes += chunk.length;
        if (chunk.length > 0) last = chunk[chunk.length - 1] ?? -1;
        yield chunk;
      }
    };
    try {
      for await (const batch of readCsv(counted(body), { sourceName })) {
        batches.push(batch);
        records += batch.length;
      }
    } catch (error) {
      destroy();
      throw pageError(error, sourceName);
    }
    if (records > 0 && last !== 0x0a) {
      throw new TransientResponseError(messageOf('sync.org', 'page.CutShort', [sourceName]));
    }
    if (Number.isFinite(expected) && records !== expected) {
      throw new TransientResponseError(messageOf('sync.org', 'page.Count', [sourceName, records, expected]));
    }
    return { page, batches, records, bytes, locator: next && next !== 'null' ? next : null };
  }

  /** A URL Salesforce listed, as a path of this org: a token is never sent to another host. */
  private sameOrgUrl(url: string, objectName: string): string {
    const base = new URL(this.connection.instanceUrl);
    const target = new URL(url, base);
    if (target.origin !== base.origin || !target.pathname.startsWith('/services/data/')) {
      throw syncServerError('sync.org', 'ForeignResultUrl', [
        objectName,
        `${target.origin}${target.pathname}`
      ]);
    }
    return `${target.pathname}${target.search}`;
  }

  private async createJob(objectName: string, soql: string): Promise<JobInfo> {
    try {
      // Creating a query job twice is harmless, so a failed POST is retried like a GET.
      return await this.request<JobInfo>(`query job for ${objectName}`, {
        method: 'POST',
        url: `${this.base}/jobs/query`,
        body: JSON.stringify({
          operation: 'query',
          query: soql,
          contentType: 'CSV',
          columnDelimiter: 'COMMA',
          lineEnding: 'LF'
        }),
        headers: { 'Content-Type': 'application/json' }
      });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'INVALID_FIELD' || code === 'INVALID_TYPE' || code === 'MALFORMED_QUERY') {
        throw syncInputError('sync.org', 'QueryRefused', [
          objectName,
          code,
          firstLine((error as Error).message)
        ]);
      }
      throw error;
    }
  }

  private async waitForJob(objectName: string, job: JobInfo): Promise<JobInfo> {
    let delay = this.pollIntervalMs;
    const max = this.options.pollMaxMs ?? 10_000;
    const deadline = Date.now() + (this.options.pollTimeoutMs ?? 30 * 60_000);
    let info = job;
    while (info.state !== 'JobComplete') {
      if (info.state === 'Failed' || info.state === 'Aborted') {
        const tokens = [job.id, objectName, info.errorMessage ?? 'no message'];
        throw info.state === 'Aborted'
          ? syncServerError('sync.org', 'JobAborted', tokens)
          : syncServerError('sync.org', 'JobFailed', tokens);
      }
      if (Date.now() > deadline) {
        throw syncServerError('sync.org', 'JobTimeout', [job.id, objectName, info.state]);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(max, Math.round(delay * 1.5));
      info = await this.request<JobInfo>(`state of the ${objectName} query job`, {
        method: 'GET',
        url: `${this.base}/jobs/query/${job.id}`
      });
    }
    return info;
  }

  /** REST query with queryMore paging (users and custom metadata: small). */
  private async queryAll<T extends Json>(what: string, soql: string): Promise<T[]> {
    const records: T[] = [];
    let result = await this.request<QueryResult<T>>(what, {
      method: 'GET',
      url: `${this.base}/query?q=${encodeURIComponent(soql)}`
    });
    records.push(...result.records);
    while (!result.done && result.nextRecordsUrl) {
      const next = result.nextRecordsUrl;
      result = await this.request<QueryResult<T>>(`${what} (more)`, { method: 'GET', url: next });
      records.push(...result.records);
    }
    return records;
  }

  /**
   * Queue names by idKey (Group rows of Type Queue), as Group.csv gives them offline; empty, with a log
   * line, when the sync user cannot query Group.
   */
  async readQueues(): Promise<Map<string, string>> {
    const queues = new Map<string, string>();
    let rows: Json[];
    try {
      rows = await this.queryAll<Json>('queues', "SELECT Id, Name FROM Group WHERE Type = 'Queue'");
    } catch (error) {
      if (!['INVALID_TYPE', 'INVALID_FIELD', 'INSUFFICIENT_ACCESS'].includes(errorCode(error))) throw error;
      this.log(`Group is not readable in the ${this.description}: queue owners are shown by Id.`);
      return queues;
    }
    for (const row of rows) queues.set(idKey(text(row.Id)), text(row.Name));
    return queues;
  }

  async readUsers(teamField: string): Promise<UserRecord[]> {
    if (!/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(teamField)) {
      throw syncInputError('sync.org', 'BadTeamField', [teamField]);
    }
    const base = [
      'Id',
      'Name',
      'Username',
      'IsActive',
      'UserType',
      'Profile.Name',
      'Profile.UserLicense.LicenseDefinitionKey',
      'Profile.PermissionsApiUserOnly',
      'UserRole.Name',
      'LastLoginDate',
      // Who exists in a period (engine/stages/users.ts populationOfPeriod), as offline from User.csv.
      'CreatedDate'
    ];
    const select = base.some((f) => f.toLowerCase() === teamField.toLowerCase())
      ? base
      : [...base, teamField];
    let rows: Json[];
    try {
      rows = await this.queryAll<Json>('users', `SELECT ${select.join(', ')} FROM User`);
    } catch (error) {
      if (errorCode(error) === 'INVALID_FIELD') {
        throw syncInputError('sync.org', 'NoTeamField', [teamField, this.description]);
      }
      throw error;
    }
    return rows.map((row) => ({
      // The kernel's one Id normalisation, as offline and for every other Id read here.
      id: idKey(text(row.Id)),
      name: text(row.Name),
      username: text(row.Username),
      isActive: row.IsActive === true,
      userType: text(row.UserType),
      profileName: text(path(row, 'Profile.Name')),
      licenseKey: text(path(row, 'Profile.UserLicense.LicenseDefinitionKey')),
      apiOnly:
        typeof path(row, 'Profile.PermissionsApiUserOnly') === 'boolean'
          ? (path(row, 'Profile.PermissionsApiUserOnly') as boolean)
          : null,
      roleName: text(path(row, 'UserRole.Name')),
      team: text(path(row, teamField)),
      lastLoginDate: typeof row.LastLoginDate === 'string' ? toIso(row.LastLoginDate) : null,
      createdDate: typeof row.CreatedDate === 'string' ? toIso(row.CreatedDate) : null
    }));
  }

  loadRules(): Promise<RuleSet> {
    this.rules ??= this.loadRulesOnce();
    return this.rules;
  }

  private async loadRulesOnce(): Promise<RuleSet> {
    const types: { type: string; sobject: string; fields: string[] }[] = [
      {
        type: 'Completeness_Rule',
        sobject: 'Completeness_Rule__mdt',
        fields: ['Object__c', 'Field__c', 'Weight__c', 'Record_Types__c', 'Stages__c', 'Active__c']
      },
      {
        type: 'Benefit_Rule',
        sobject: 'Benefit_Rule__mdt',
        fields: [
          'Activity__c',
          'Minutes_Per_Unit__c',
          'Description_EN__c',
          'Description_FR__c',
          'Replaces_Manual_Report__c',
          'Sort_Order__c',
          'Active__c'
        ]
      },
      {
        type: 'Cockpit_Setting',
        sobject: 'Cockpit_Setting__mdt',
        fields: [
          'Quiet_Opportunity_Days__c',
          'Untouched_Lead_Hours__c',
          'Excluded_User_Types__c',
          'Excluded_User_Licenses__c',
          'Exclude_API_Only_Users__c',
          'Excluded_Profiles__c',
          'Readiness_Threshold__c',
          'Team_Field__c',
          'Snapshot_Period__c',
          'User_Snapshot_Retention_Weeks__c',
          'Follow_Up_Weeks__c',
          'Champion_Candidates__c',
          'Score_Placeholders_As_Empty__c'
        ]
      }
    ];
    const records: { file: string; type: string; name: string; values: MetadataValues }[] = [];
    for (const t of types) {
      let rows: Json[];
      try {
        rows = await this.queryAll<Json>(
          `${t.sobject} records`,
          `SELECT DeveloperName, ${t.fields.join(', ')} FROM ${t.sobject}`
        );
      } catch (error) {
        if (errorCode(error) === 'INVALID_TYPE') {
          this.log(
            `${t.sobject} is not in the ${this.description} (package not deployed?): its defaults apply.`
          );
          continue;
        }
        if (errorCode(error) === 'INVALID_FIELD') {
          throw syncInputError('sync.org', 'MetadataTypeOutdated', [
            t.sobject,
            this.description,
            firstLine((error as Error).message)
          ]);
        }
        throw error;
      }
      for (const row of rows) {
        const values: MetadataValues = new Map();
        for (const field of t.fields) {
          const v = row[field];
          values.set(
            field,
            v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v)
          );
        }
        const name = text(row.DeveloperName);
        records.push({ file: `${t.sobject} ${name} (${this.description})`, type: t.type, name, values });
      }
    }
    return ruleSetFromRecords(records, this.description);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Opens the live source. Exit code 2 (SyncInputError) for a missing login; the session is checked by the first call. */
export async function openOrgSource(options: OrgSourceOptions & OrgSourceTuning): Promise<OrgSource> {
  const { connection, description } = await connect(options);
  return new OrgSource(connection, description, options);
}

/**
 * Checks a decoded result page whole before any of its rows is measured, without parsing it: counts its
 * records (line feeds outside double quotes, the header's excepted: Bulk API 2.0 writes RFC 4180 CSV with
 * the job's LF line ending). A page that does not end at a record boundary or whose records do not add up
 * to Sforce-NumberOfRecords throws TransientResponseError, for the retry layer. Returns the record count.
 */
function checkDecoded(csv: Buffer, headers: Record<string, string | undefined>, sourceName: string): number {
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < csv.length; i++) {
    const b = csv[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a && !quoted) lines++;
  }
  const records = Math.max(0, lines - 1);
  if (csv.length > 0 && csv[csv.length - 1] !== 0x0a) {
    throw new TransientResponseError(messageOf('sync.org', 'page.CutShort', [sourceName]));
  }
  const expected = Number(headers['sforce-numberofrecords'] ?? NaN);
  if (Number.isFinite(expected) && records !== expected) {
    throw new TransientResponseError(messageOf('sync.org', 'page.Count', [sourceName, records, expected]));
  }
  return records;
}

/** A decoded page as the CSV reader takes it: views of INFLATE_CHUNK bytes, no copy, one batch each. */
function* slices(csv: Buffer): Generator<Buffer> {
  for (let at = 0; at < csv.length; at += INFLATE_CHUNK) yield csv.subarray(at, at + INFLATE_CHUNK);
}

/**
 * Batches as they come, with a turn of the event loop before each: the measurement runs on microtasks
 * alone, so without it the next pages' sockets and zlib passes would wait until the page is measured.
 */
async function* turnEach(batches: AsyncIterable<RowBatch>): AsyncGenerator<RowBatch> {
  for await (const batch of batches) {
    await new Promise((resolve) => setImmediate(resolve));
    yield batch;
  }
}

/** A failure while parsing a result page, as the retry layer must see it: damaged or cut pages are transient. */
function pageError(error: unknown, sourceName: string): unknown {
  if (error instanceof CsvFormatError)
    return new TransientResponseError(messageOf('sync.org', 'page.Damaged', [sourceName, error.message]));
  const zlibCode = (error as { code?: unknown }).code;
  if (zlibCode === 'Z_BUF_ERROR')
    return new TransientResponseError(messageOf('sync.org', 'page.GzipTruncated', [sourceName]));
  if (typeof zlibCode === 'string' && zlibCode.startsWith('Z_'))
    return new TransientResponseError(
      messageOf('sync.org', 'page.GzipCorrupt', [sourceName, (error as Error).message])
    );
  return error;
}

/** A wait that ends early (resolved) when the signal aborts, so no timer keeps the process alive. */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

function path(row: Json, fieldPath: string): unknown {
  let current: unknown = row;
  for (const segment of fieldPath.split('.')) {
    if (!current || typeof current !== 'object') return null;
    const entry = Object.entries(current as Json).find(([k]) => k.toLowerCase() === segment.toLowerCase());
    current = entry?.[1];
  }
  return current;
}

function text(value: unknown): string {
  return value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);
}

/** REST date-times are 2026-01-05T10:00:00.000+0000; ISO 8601 wants a colon or Z. */
function toIso(value: string): string {
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function firstLine(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    lines.find((l) => /No such column|not supported|unexpected|expecting/i.test(l)) ?? lines[0] ?? message
  );
}
