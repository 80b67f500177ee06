// A loopback Salesforce API simulator for tests and the benchmark: node:http, no framework.
//
// It follows the documented REST contracts of API v65.0 closely enough that the real jsforce and
// @salesforce/core Connection code paths run against it unchanged:
// - Bearer token auth; a bad or expired token gives 401 [{"message":"Session expired or invalid",
//   "errorCode":"INVALID_SESSION_ID"}] (REST API Developer Guide, "Status Codes and Error Responses").
// - GET /services/data (versions), /services/data/vXX.X (resources), /sobjects (describeGlobal),
//   /sobjects/{T}/describe, /limits.
// - GET /query?q= and /query/{cursor} (queryMore through nextRecordsUrl; batch size 2000 by default,
//   Sforce-Query-Options: batchSize=200..2000).
// - Bulk API 2.0 query jobs (Bulk API 2.0 Developer Guide, "Query Jobs"): POST /jobs/query, GET /jobs/query/{id}
//   (UploadComplete → InProgress → JobComplete over polls), GET /jobs/query/{id}/results?locator=&maxRecords=
//   (CSV; Sforce-Locator is the next locator or the string "null"; Sforce-NumberOfRecords), DELETE /jobs/query/{id}.
//   Results must be fetched with the job's API version (409 otherwise). A compound field (type address or
//   location) in the select list is refused at creation: 400 [{"errorCode":"API_ERROR","message":"Selecting
//   compound data not supported in Bulk Query"}]. The Bulk API 2.0 guide gives no text for it; this is the
//   answer observed on real orgs (Airbyte's Salesforce connector matches that message on a 400 from
//   POST /jobs/query; an sf-based tool logs "[API_ERROR] Selecting compound data not supported in Bulk
//   Query"; Bulk API 1.0 said FUNCTIONALITY_NOT_ENABLED, jsforce issue #380). A base64 field makes the job
//   fail; aggregates and OFFSET are refused.
// - sObject Collections: PATCH /composite/sobjects/{T}/{ExtIdField} (upsert, at most 200 records, UpsertResult
//   per record with `created`, allOrNone), DELETE /composite/sobjects?ids=… (at most 200 ids).
// - OAuth: POST /services/oauth2/token (refresh_token grant), GET /services/oauth2/userinfo, so an
//   sf CLI-style stored login (@salesforce/core AuthInfo) can refresh its token here.
// - Node's HTTP parser refuses request heads over 16 KB with 431, like the real front end refuses a GET /query
//   with 900 field names in the URL (the sfdx-hardis failure): a SOQL string in a POST body has no such limit.
// - Bulk API 2.0 parallel results (Bulk API 2.0 Developer Guide, "Get Parallel Results for a Query Job"):
//   GET /jobs/query/{id}/resultPages, API 58.0 and later (404 NOT_FOUND below, like any unknown resource),
//   the job's own API version (409 otherwise), a complete job (400 otherwise); JSON
//   { resultPages: [{ resultUrl }] (at most 5), nextRecordsUrl, done }, each resultUrl a results URL with
//   a locator whose page holds defaultMaxRecords rows.
// - Compression ("Use Compression for Responses"): a result page requested with Accept-Encoding: gzip is
//   sent with Content-Encoding: gzip, otherwise plain. JSON answers stay plain (the guide: the REST
//   framework does not always compress, clients read both).
// - throttleMbps: result page bodies go through one shared token bucket of that many Mbit/s (a realistic
//   link: every concurrent download shares it), for the benchmark.
// Faults are injectable (REQUEST_LIMIT_EXCEEDED 403, 5xx, dropped connections, session expiry, per-record
// failures), and every API call is counted per object and per kind.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { Readable, Transform } from 'node:stream';
import { promisify } from 'node:util';
import { constants as zlibConstants, createGzip, gzip as gzipCallback } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { buildSeed, type Seed, type SeedOptions } from './seed';
import {
  fieldMap,
  makeId,
  recordAt,
  recordCount,
  type SimField,
  type SimObject,
  type SimRecord,
  type Value
} from './model';
import { conditionFields, evaluate, parseSoql, SoqlError, compare, type SoqlQuery } from './soql';
import { csvLine, type NullStyle } from './csv-writer';

export const API_VERSION = '65.0';
const SUPPORTED_VERSIONS = Array.from({ length: 65 - 31 + 1 }, (_, i) => `${31 + i}.0`);
const ORG_ID = makeId('00D', 1);
/** SOQL statements are limited to 100,000 characters (SOQL and SOSL Reference, "SOQL Limits"). */
const MAX_SOQL_LENGTH = 100_000;

export type CallKind =
  | 'versions'
  | 'resources'
  | 'describeGlobal'
  | 'describe'
  | 'limits'
  | 'query'
  | 'queryMore'
  | 'sobject'
  | 'bulkCreate'
  | 'bulkPoll'
  | 'bulkResults'
  | 'bulkResultPages'
  | 'bulkDelete'
  | 'upsert'
  | 'delete'
  | 'oauth'
  | 'other';

export interface CallRecord {
  method: string;
  path: string;
  kind: CallKind;
  object?: string;
  status: number;
}

/**
 * - DROP_CONNECTION: the socket is closed before any response.
 * - DROP_MID_BODY: status and headers are sent, then part of the body, then the socket is closed.
 * - truncateAt (result pages): the page ends cleanly at a row boundary after that many rows, while
 *   Sforce-NumberOfRecords still announces the whole page (a proxy or a server cutting a response short).
 * - jobState (polls): the query job ends Failed or Aborted with this errorMessage.
 * - GZIP_TRUNCATED (result pages asked in gzip): the compressed body stops before its end (no trailer),
 *   and the response ends cleanly, as a proxy cutting a body short at a chunk boundary would leave it.
 * - GZIP_CORRUPT (likewise): the whole compressed body is sent with its CRC-32 trailer altered.
 */
export type Fault =
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'INVALID_SESSION_ID'
  | 'DROP_CONNECTION'
  | 'DROP_MID_BODY'
  | { status: number; body?: unknown }
  | { truncateAt: number }
  | { jobState: 'Failed' | 'Aborted'; errorMessage?: string }
  | 'GZIP_TRUNCATED'
  | 'GZIP_CORRUPT';

export interface FaultRule {
  method?: string;
  kind?: CallKind;
  object?: string;
  /** Number of matching requests to fail; default 1. */
  times?: number;
  fault: Fault;
}

export interface RecordFailure {
  statusCode: string;
  message: string;
  fields?: string[];
}

export interface SimulatorOptions extends SeedOptions {
  /** Use this seed instead of building one from the SeedOptions. */
  seed?: Seed;
  /** Polls of GET /jobs/query/{id} before JobComplete (1st poll InProgress, then JobComplete): default 2. */
  pollsUntilComplete?: number;
  /** Rows per result page when the client gives no maxRecords (the real size limit is ~1 GB or so). */
  defaultMaxRecords?: number;
  /** Default REST query batch size (2000, like Salesforce). */
  queryBatchSize?: number;
  /** How null is written in Bulk CSV results: empty (Salesforce) or "" (quoted). */
  bulkNullAs?: NullStyle;
  /** Result page bodies share a link of this many Mbit/s (unthrottled when absent). */
  throttleMbps?: number;
  /**
   * Keep each result page of a generated object, as sent (plain or gzip), to send it again without
   * generating or compressing it anew: the benchmark times the client and the link, not this server.
   */
  cacheResultPages?: boolean;
  port?: number;
}

interface QueryJob {
  id: string;
  object: SimObject;
  query: SoqlQuery;
  columns: string[];
  apiVersion: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  polls: number;
  createdDate: string;
  errorMessage?: string;
  /** Indices of matching records (null: all of a generated store), fixed when the job completes. */
  matches?: number[] | null;
  snapshot?: SimRecord[];
}

interface Cursor {
  object: SimObject;
  rows: Record<string, unknown>[];
  batchSize: number;
}

export class SalesforceSimulator {
  readonly objects = new Map<string, SimObject>();
  readonly calls: CallRecord[] = [];
  readonly refreshToken = `5Aep861${randomBytes(12).toString('hex')}`;
  readonly adminUserId: string;
  private readonly validTokens = new Set<string>();
  private faults: Array<FaultRule & { remaining: number }> = [];
  private readonly recordFailures = new Map<string, RecordFailure>();
  private readonly deleteFailures = new Map<string, RecordFailure>();
  private readonly jobs = new Map<string, QueryJob>();
  private readonly cursors = new Map<string, Cursor>();
  private readonly byId = new Map<string, Map<string, SimRecord>>();
  private server?: Server;
  private sequence = 0;
  private baseUrl = '';
  private readonly link?: SharedLink;
  private activeResults = 0;
  private readonly pageCache = new Map<string, Buffer>();
  /** Most result page downloads ever under way at once (a client's concurrency, as the server sees it). */
  peakConcurrentResults = 0;
  /** Result pages sent with Content-Encoding: gzip, and plain. */
  readonly resultEncodings = { gzip: 0, identity: 0 };
  accessToken: string;

  constructor(readonly options: SimulatorOptions = {}) {
    const seed = options.seed ?? buildSeed(options);
    for (const object of seed.objects) this.objects.set(object.name.toLowerCase(), object);
    this.adminUserId = seed.users[0]?.Id ?? makeId('005', 1);
    this.accessToken = this.issueToken();
    if (options.throttleMbps !== undefined) this.link = new SharedLink(options.throttleMbps);
  }

  // --- lifecycle ------------------------------------------------------------------------------------------

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          sendJson(res, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(err) }]);
        } else {
          res.destroy();
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  get url(): string {
    return this.baseUrl;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }

  // --- test controls ----------------------------------------------------------------------------------------

  /** A new valid access token (what a login or a refresh would give). */
  issueToken(): string {
    const token = `${ORG_ID.slice(0, 15)}!AQ${randomBytes(24).toString('base64url')}`;
    this.validTokens.add(token);
    return token;
  }

  /** Every access token stops working: the next call gets 401 INVALID_SESSION_ID. */
  expireSessions(): void {
    this.validTokens.clear();
  }

  inject(rule: FaultRule): void {
    this.faults.push({ ...rule, remaining: rule.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Upserts of the record with this external-id value fail with this error until cleared. */
  failRecord(objectName: string, key: string, failure: RecordFailure): void {
    this.recordFailures.set(`${objectName.toLowerCase()}:${key}`, failure);
  }

  clearRecordFailures(): void {
    this.recordFailures.clear();
    this.deleteFailures.clear();
  }

  /** Deletes of the record with this Id fail with this error (DeleteResult per id) until cleared. */
  failDelete(id: string, failure: RecordFailure): void {
    this.deleteFailures.set(id, failure);
  }

  object(name: string): SimObject {
    const object = this.objects.get(name.toLowerCase());
    if (!object) throw new Error(`no object ${name}`);
    return object;
  }

  /** The records of an in-memory object (snapshot objects written by the sync). */
  records(objectName: string): SimRecord[] {
    const store = this.object(objectName).store;
    if (store.kind !== 'memory') throw new Error(`${objectName} is generated, not stored`);
    return store.records;
  }

  /** Calls per object, optionally of some kinds only. */
  callCount(filter: { object?: string; kind?: CallKind | CallKind[]; method?: string } = {}): number {
    const kinds =
      filter.kind === undefined ? undefined : Array.isArray(filter.kind) ? filter.kind : [filter.kind];
    return this.calls.filter(
      (c) =>
        (filter.object === undefined || c.object?.toLowerCase() === filter.object.toLowerCase()) &&
        (kinds === undefined || kinds.includes(c.kind)) &&
        (filter.method === undefined || c.method === filter.method)
    ).length;
  }

  /** { object: { kind: count } } for every call so far. */
  callsByObject(): Record<string, Partial<Record<CallKind, number>>> {
    const out: Record<string, Partial<Record<CallKind, number>>> = {};
    for (const call of this.calls) {
      const key = call.object ?? '(none)';
      const bucket = (out[key] ??= {});
      bucket[call.kind] = (bucket[call.kind] ?? 0) + 1;
    }
    return out;
  }

  resetCalls(): void {
    this.calls.length = 0;
  }

  // --- request handling -------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    const call: CallRecord = { method, path: url.pathname, kind: 'other', status: 0 };
    this.calls.push(call);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      call.status = status;
      sendJson(res, status, payload, headers);
    };

    // OAuth endpoints (no API version, token endpoint without Bearer).
    if (url.pathname === '/services/oauth2/token' && method === 'POST') {
      call.kind = 'oauth';
      const form = new URLSearchParams(body.toString('utf8'));
      if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === this.refreshToken) {
        const token = this.issueToken();
        this.accessToken = token;
        send(200, {
          access_token: token,
          instance_url: this.baseUrl,
          id: `${this.baseUrl}/id/${ORG_ID}/${this.adminUserId}`,
          token_type: 'Bearer',
          issued_at: String(Date.now()),
          signature: randomBytes(32).toString('base64')
        });
      } else {
        send(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
      }
      return;
    }

    const versionMatch = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(url.pathname);
    const rest = versionMatch ? (versionMatch[2] ?? '').replace(/\/$/, '') : '';
    call.kind = classify(method, url.pathname, rest);
    call.object = this.objectOfCall(call.kind, rest, url, body);

    const fault = this.takeFault(call);
    let pending: Fault | undefined;
    if (fault) {
      if (fault === 'DROP_CONNECTION') {
        call.status = -1;
        req.socket.destroy();
        return;
      }
      if (fault === 'REQUEST_LIMIT_EXCEEDED') {
        send(403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]);
        return;
      }
      if (fault === 'INVALID_SESSION_ID') {
        this.expireSessions();
      } else if (
        fault === 'DROP_MID_BODY' ||
        fault === 'GZIP_TRUNCATED' ||
        fault === 'GZIP_CORRUPT' ||
        'truncateAt' in fault ||
        'jobState' in fault
      ) {
        pending = fault; // applied by the route below
      } else {
        send(
          fault.status,
          fault.body ?? [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Service Unavailable' }]
        );
        return;
      }
    }

    if (!this.authorized(req)) {
      send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      return;
    }

    if (url.pathname === '/services/oauth2/userinfo') {
      call.kind = 'oauth';
      send(200, {
        user_id: this.adminUserId,
        organization_id: ORG_ID,
        preferred_username: this.userRecord(this.adminUserId)?.Username ?? 'admin@example.com',
        email: 'admin@example.com'
      });
      return;
    }
    if (url.pathname === '/services/data' || url.pathname === '/services/data/') {
      send(
        200,
        SUPPORTED_VERSIONS.map((version) => ({
          label: `v${version}`,
          url: `/services/data/v${version}`,
          version
        }))
      );
      return;
    }
    if (!versionMatch) {
      send(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    const version = versionMatch[1] ?? API_VERSION;
    if (!SUPPORTED_VERSIONS.includes(version)) {
      send(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    const result = await this.route(method, version, rest, url, body, req, res, call, pending);
    if (!result) return;
    if (pending === 'DROP_MID_BODY') {
      // Headers and half of the JSON body, then the connection drops.
      call.status = -1;
      const text = JSON.stringify(result.body ?? {});
      res.writeHead(result.status, { 'Content-Type': 'application/json;charset=UTF-8', ...result.headers });
      res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => res.destroy());
      return;
    }
    send(result.status, result.body, result.headers);
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const match = /^(Bearer|OAuth) (.+)$/.exec(header);
    return !!match && this.validTokens.has(match[2] ?? '');
  }

  private takeFault(call: CallRecord): Fault | undefined {
    const rule = this.faults.find(
      (r) =>
        r.remaining > 0 &&
        (r.method === undefined || r.method === call.method) &&
        (r.kind === undefined || r.kind === call.kind) &&
        (r.object === undefined || r.object.toLowerCase() === call.object?.toLowerCase())
    );
    if (!rule) return undefined;
    rule.remaining--;
    return rule.fault;
  }

  private objectOfCall(kind: CallKind, rest: string, url: URL, body: Buffer): string | undefined {
    const parts = rest.split('/').filter(Boolean);
    try {
      switch (kind) {
        case 'describe':
        case 'sobject':
        case 'upsert':
          return (
            this.objects.get((parts[kind === 'upsert' ? 2 : 1] ?? '').toLowerCase())?.name ??
            parts[kind === 'upsert' ? 2 : 1]
          );
        case 'query':
          return parseSoql(url.searchParams.get('q') ?? '').object;
        case 'queryMore':
          return this.cursors.get((parts[1] ?? '').replace(/-\d+$/, ''))?.object.name;
        case 'bulkCreate':
          return parseSoql((JSON.parse(body.toString('utf8')) as { query?: string }).query ?? '').object;
        case 'bulkPoll':
        case 'bulkResults':
        case 'bulkResultPages':
        case 'bulkDelete':
          return this.jobs.get(parts[2] ?? '')?.object.name;
        case 'delete': {
          const first = (url.searchParams.get('ids') ?? '').split(',')[0] ?? '';
          return this.objectByPrefix(first.slice(0, 3))?.name;
        }
        default:
          return undefined;
      }
    } catch {
      return undefined;
    }
  }

  private async route(
    method: string,
    version: string,
    rest: string,
    url: URL,
    body: Buffer,
    req: IncomingMessage,
    res: ServerResponse,
    call: CallRecord,
    fault?: Fault
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> } | undefined> {
    const parts = rest.split('/').filter(Boolean);
    const notFound = {
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
    };
    const base = `/services/data/v${version}`;

    if (parts.length === 0 && method === 'GET') {
      return {
        status: 200,
        body: {
          sobjects: `${base}/sobjects`,
          query: `${base}/query`,
          composite: `${base}/composite`,
          limits: `${base}/limits`,
          jobs: `${base}/jobs`
        }
      };
    }
    if (parts[0] === 'limits' && method === 'GET') {
      const used = this.calls.length;
      return {
        status: 200,
        body: { DailyApiRequests: { Max: 100_000, Remaining: Math.max(0, 100_000 - used) } }
      };
    }
    if (parts[0] === 'sobjects' && method === 'GET') {
      if (parts.length === 1) return { status: 200, body: this.describeGlobal(base) };
      const object = this.objects.get((parts[1] ?? '').toLowerCase());
      if (!object) return notFound;
      if (parts[2] === 'describe' && parts.length === 3)
        return { status: 200, body: this.describe(object, base) };
      if (parts.length === 3) {
        const record = this.findById(object, parts[2] ?? '');
        return record
          ? { status: 200, body: this.jsonRecord(object, record, Object.keys(record), base) }
          : notFound;
      }
      return notFound;
    }
    if (parts[0] === 'query' && method === 'GET') {
      if (parts.length === 1) return this.restQuery(url.searchParams.get('q') ?? '', req, base);
      return this.queryMore(parts[1] ?? '', base);
    }
    if (parts[0] === 'jobs' && parts[1] === 'query') {
      if (parts.length === 2 && method === 'POST') return this.createQueryJob(body, version);
      const job = this.jobs.get(parts[2] ?? '');
      if (!job) return notFound;
      if (parts.length === 3 && method === 'GET') {
        if (fault && typeof fault === 'object' && 'jobState' in fault) {
          job.state = fault.jobState;
          job.errorMessage = fault.errorMessage ?? `Job ${fault.jobState.toLowerCase()}`;
        }
        return { status: 200, body: this.pollJob(job) };
      }
      if (parts.length === 3 && method === 'DELETE') {
        this.jobs.delete(job.id);
        return { status: 204, body: undefined };
      }
      if (parts[3] === 'results' && method === 'GET') {
        this.activeResults++;
        this.peakConcurrentResults = Math.max(this.peakConcurrentResults, this.activeResults);
        try {
          await this.sendResults(job, version, url, req, res, call, fault);
        } finally {
          this.activeResults--;
        }
        return undefined;
      }
      if (parts[3] === 'resultPages' && parts.length === 4 && method === 'GET') {
        return this.resultPages(job, version, url);
      }
      return notFound;
    }
    if (parts[0] === 'composite' && parts[1] === 'sobjects') {
      if (method === 'PATCH' && parts.length === 4) return this.upsert(parts[2] ?? '', parts[3] ?? '', body);
      if (method === 'DELETE' && parts.length === 2) return this.deleteRecords(url);
    }
    return notFound;
  }

  // --- describe -------------------------------------------------------------------------------------------

  private describeGlobal(base: string): unknown {
    return {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: [...this.objects.values()].map((o) => ({
        name: o.name,
        label: o.label,
        labelPlural: o.labelPlural ?? `${o.label}s`,
        keyPrefix: o.keyPrefix,
        custom: o.custom,
        customSetting: false,
        queryable: o.queryable,
        retrieveable: o.queryable,
        searchable: o.queryable,
        createable: o.custom,
        updateable: o.custom,
        deletable: o.custom,
        layoutable: true,
        deprecatedAndHidden: false,
        urls: {
          sobject: `${base}/sobjects/${o.name}`,
          describe: `${base}/sobjects/${o.name}/describe`,
          rowTemplate: `${base}/sobjects/${o.name}/{ID}`
        }
      }))
    };
  }

  private describe(o: SimObject, base: string): unknown {
    return {
      name: o.name,
      label: o.label,
      labelPlural: o.labelPlural ?? `${o.label}s`,
      keyPrefix: o.keyPrefix,
      custom: o.custom,
      queryable: o.queryable,
      createable: o.custom,
      updateable: o.custom,
      deletable: o.custom,
      childRelationships: [],
      recordTypeInfos: (o.recordTypes ?? []).map((rt) => ({
        available: true,
        defaultRecordTypeMapping: rt.defaultRecordTypeMapping,
        developerName: rt.developerName,
        master: rt.master,
        name: rt.name,
        active: rt.active,
        recordTypeId: rt.recordTypeId,
        urls: { layout: `${base}/sobjects/${o.name}/describe/layouts/${rt.recordTypeId}` }
      })),
      fields: o.fields.map((field) => describeField(field)),
      urls: { sobject: `${base}/sobjects/${o.name}`, describe: `${base}/sobjects/${o.name}/describe` }
    };
  }

  // --- SOQL validation and evaluation ----------------------------------------------------------------------

  /** Resolves the query's object and columns against describe, as Salesforce does before running it. */
  private validate(soql: string): { object: SimObject; query: SoqlQuery; columns: string[] } {
    if (soql.length > MAX_SOQL_LENGTH) {
      throw new SoqlError(`Query is too long: ${soql.length} characters, the maximum is ${MAX_SOQL_LENGTH}.`);
    }
    const query = parseSoql(soql);
    const object = this.objects.get(query.object.toLowerCase());
    if (!object || !object.queryable) {
      throw new SoqlError(
        `\n${soql.slice(0, 80)}\n^\nERROR at Row:1:Column:${soql.toUpperCase().indexOf(' FROM ') + 7}\nsObject type '${query.object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`,
        'INVALID_TYPE'
      );
    }
    const columns = query.fields.map((name) => this.canonicalPath(object, name, soql));
    for (const name of conditionFields(query.where)) this.canonicalPath(object, name, soql);
    if (query.orderBy) query.orderBy.field = this.canonicalPath(object, query.orderBy.field, soql);
    return { object, query, columns };
  }

  /** 'stagename' → 'StageName'; 'owner.name' → 'Owner.Name'; unknown → INVALID_FIELD like Salesforce. */
  private canonicalPath(object: SimObject, path: string, soql: string): string {
    const segments = path.split('.');
    let current = object;
    const out: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] ?? '';
      const fields = fieldMap(current);
      if (i < segments.length - 1) {
        const relation = current.fields.find(
          (f) => f.relationshipName?.toLowerCase() === segment.toLowerCase() && f.referenceTo?.length
        );
        const target = relation
          ? this.objects.get((relation.referenceTo?.[0] ?? '').toLowerCase())
          : undefined;
        if (!relation || !target) throw invalidField(soql, path, object.name, segment);
        out.push(relation.relationshipName ?? segment);
        current = target;
      } else {
        const field = fields.get(segment.toLowerCase());
        if (!field) throw invalidField(soql, path, current.name, segment);
        out.push(field.name);
      }
    }
    return out.join('.');
  }

  private valueOf(object: SimObject, record: SimRecord, path: string): Value {
    const dot = path.indexOf('.');
    if (dot < 0) return record[path] ?? null;
    const relationName = path.slice(0, dot);
    const relation = object.fields.find((f) => f.relationshipName === relationName);
    const target = this.objects.get((relation?.referenceTo?.[0] ?? '').toLowerCase());
    const id = relation ? record[relation.name] : null;
    if (!target || typeof id !== 'string') return null;
    const parent = this.findById(target, id);
    return parent ? this.valueOf(target, parent, path.slice(dot + 1)) : null;
  }

  private findById(object: SimObject, id: string): SimRecord | undefined {
    const store = object.store;
    if (store.kind === 'generated') {
      const n = Number(id.slice(5, 15));
      if (!id.startsWith(object.keyPrefix) || !Number.isInteger(n) || n < 1 || n > store.count)
        return undefined;
      return store.row(n - 1);
    }
    let index = this.byId.get(object.name);
    if (!index) {
      index = new Map();
      this.byId.set(object.name, index);
    }
    if (index.size !== store.records.length) {
      index.clear();
      for (const r of store.records) index.set(String(r.Id), r);
    }
    return index.get(id) ?? index.get(id.slice(0, 15));
  }

  private userRecord(id: string): SimRecord | undefined {
    return this.findById(this.object('User'), id);
  }

  private objectByPrefix(prefix: string): SimObject | undefined {
    return [...this.objects.values()].find((o) => o.keyPrefix === prefix);
  }

  /** Indices of the records matching the query (null: every record of a generated store, in order). */
  private select(object: SimObject, query: SoqlQuery): number[] | null {
    const total = recordCount(object.store);
    if (
      !query.where &&
      !query.orderBy &&
      query.limit === undefined &&
      !query.offset &&
      object.store.kind === 'generated'
    ) {
      return null;
    }
    let indices: number[] = [];
    const canonical = new Map<string, string>();
    const path = (f: string): string => {
      let c = canonical.get(f);
      if (c === undefined) canonical.set(f, (c = this.canonicalPath(object, f, '')));
      return c;
    };
    for (let i = 0; i < total; i++) {
      const record = recordAt(object.store, i);
      if (!query.where || evaluate(query.where, (f) => this.valueOf(object, record, path(f)))) {
        indices.push(i);
      }
    }
    if (query.orderBy) {
      const { field, descending } = query.orderBy;
      indices.sort((a, b) => {
        const c = compare(
          this.valueOf(object, recordAt(object.store, a), field),
          this.valueOf(object, recordAt(object.store, b), field)
        );
        return descending ? -c : c;
      });
    }
    if (query.offset) indices = indices.slice(query.offset);
    if (query.limit !== undefined) indices = indices.slice(0, query.limit);
    return indices;
  }

  // --- REST query -------------------------------------------------------------------------------------------

  private restQuery(soql: string, req: IncomingMessage, base: string): { status: number; body: unknown } {
    let validated;
    try {
      validated = this.validate(soql);
    } catch (err) {
      return soqlErrorResponse(err);
    }
    const { object, query, columns } = validated;
    const indices = this.select(object, query);
    const count = indices === null ? recordCount(object.store) : indices.length;
    if (query.isCount) return { status: 200, body: { totalSize: count, done: true, records: [] } };
    const options = String(req.headers['sforce-query-options'] ?? '');
    const requested = Number(/batchSize=(\d+)/i.exec(options)?.[1] ?? this.options.queryBatchSize ?? 2000);
    const batchSize = Math.min(
      2000,
      Math.max(this.options.queryBatchSize !== undefined ? 1 : 200, requested)
    );
    const rows: Record<string, unknown>[] = [];
    for (let n = 0; n < count; n++) {
      const record = recordAt(object.store, indices === null ? n : (indices[n] ?? 0));
      rows.push(this.jsonRecord(object, record, columns, base));
    }
    const cursorId = makeId('01g', ++this.sequence).slice(0, 18);
    this.cursors.set(cursorId, { object, rows, batchSize });
    return { status: 200, body: this.page(cursorId, 0, base) };
  }

  private queryMore(locator: string, base: string): { status: number; body: unknown } {
    const match = /^(.+)-(\d+)$/.exec(locator);
    const cursor = match ? this.cursors.get(match[1] ?? '') : undefined;
    if (!match || !cursor) {
      return {
        status: 400,
        body: [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]
      };
    }
    return { status: 200, body: this.page(match[1] ?? '', Number(match[2]), base) };
  }

  private page(cursorId: string, offset: number, base: string): unknown {
    const cursor = this.cursors.get(cursorId);
    if (!cursor) return { totalSize: 0, done: true, records: [] };
    const end = Math.min(cursor.rows.length, offset + cursor.batchSize);
    const done = end >= cursor.rows.length;
    return {
      totalSize: cursor.rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `${base}/query/${cursorId}-${end}` }),
      records: cursor.rows.slice(offset, end)
    };
  }

  /** REST JSON shape: attributes, date-times as 2026-01-05T10:00:00.000+0000, parents as nested objects. */
  private jsonRecord(
    object: SimObject,
    record: SimRecord,
    columns: readonly string[],
    base: string
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {
      attributes: { type: object.name, url: `${base}/sobjects/${object.name}/${String(record.Id)}` }
    };
    const fields = fieldMap(object);
    for (const column of columns) {
      const dot = column.indexOf('.');
      if (dot < 0) {
        const field = fields.get(column.toLowerCase());
        const value = record[column] ?? null;
        out[column] =
          field?.type === 'datetime' && typeof value === 'string' ? value.replace(/Z$/, '+0000') : value;
        continue;
      }
      const relationName = column.slice(0, dot);
      const relation = object.fields.find((f) => f.relationshipName === relationName);
      const target = this.objects.get((relation?.referenceTo?.[0] ?? '').toLowerCase());
      const id = relation ? record[relation.name] : null;
      const parent = target && typeof id === 'string' ? this.findById(target, id) : undefined;
      if (!target || !parent) {
        if (!(relationName in out)) out[relationName] = null;
        continue;
      }
      const existing = out[relationName] as Record<string, unknown> | null | undefined;
      const nested = this.jsonRecord(target, parent, [column.slice(dot + 1)], base);
      out[relationName] = existing ? { ...existing, ...nested } : nested;
    }
    return out;
  }

  // --- Bulk API 2.0 query jobs --------------------------------------------------------------------------------

  private createQueryJob(body: Buffer, version: string): { status: number; body: unknown } {
    let request: {
      operation?: string;
      query?: string;
      contentType?: string;
      columnDelimiter?: string;
      lineEnding?: string;
    };
    try {
      request = JSON.parse(body.toString('utf8')) as typeof request;
    } catch {
      return {
        status: 400,
        body: [{ errorCode: 'JSON_PARSER_ERROR', message: 'The request body is not valid JSON.' }]
      };
    }
    if (request.operation !== 'query' && request.operation !== 'queryAll') {
      return {
        status: 400,
        body: [{ errorCode: 'INVALIDJOB', message: `Invalid operation: ${String(request.operation)}` }]
      };
    }
    if ((request.columnDelimiter ?? 'COMMA') !== 'COMMA' || (request.lineEnding ?? 'LF') !== 'LF') {
      return {
        status: 400,
        body: [{ errorCode: 'INVALIDJOB', message: 'This simulator writes COMMA and LF only.' }]
      };
    }
    let validated;
    try {
      validated = this.validate(request.query ?? '');
    } catch (err) {
      return soqlErrorResponse(err);
    }
    if (validated.query.unsupportedInBulk) {
      return {
        status: 400,
        body: [
          {
            errorCode: 'API_ERROR',
            message: `${validated.query.unsupportedInBulk} are not supported by Bulk API 2.0 query`
          }
        ]
      };
    }
    const fields = fieldMap(validated.object);
    const typeOf = (c: string): string | undefined => fields.get(c.toLowerCase())?.type;
    if (validated.columns.some((c) => typeOf(c) === 'address' || typeOf(c) === 'location')) {
      return {
        status: 400,
        body: [{ errorCode: 'API_ERROR', message: 'Selecting compound data not supported in Bulk Query' }]
      };
    }
    const id = makeId('750', ++this.sequence);
    const now = new Date().toISOString().replace('Z', '+0000');
    const binary = validated.columns.find((c) => typeOf(c) === 'base64');
    const job: QueryJob = {
      id,
      object: validated.object,
      query: validated.query,
      columns: validated.columns,
      apiVersion: version,
      state: 'UploadComplete',
      polls: 0,
      createdDate: now,
      ...(binary
        ? {
            errorMessage: `FUNCTIONALITY_NOT_ENABLED: Bulk API 2.0 query cannot select the base64 field ${binary}`
          }
        : {})
    };
    this.jobs.set(id, job);
    return { status: 200, body: this.jobInfo(job) };
  }

  private jobInfo(job: QueryJob): Record<string, unknown> {
    return {
      id: job.id,
      operation: 'query',
      object: job.object.name,
      createdById: this.adminUserId,
      createdDate: job.createdDate,
      systemModstamp: job.createdDate,
      state: job.state,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(job.apiVersion),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA'
    };
  }

  private pollJob(job: QueryJob): Record<string, unknown> {
    job.polls++;
    if (job.state === 'UploadComplete' || job.state === 'InProgress') {
      job.state = job.polls >= (this.options.pollsUntilComplete ?? 2) ? 'JobComplete' : 'InProgress';
      if (job.state === 'JobComplete' && job.errorMessage) job.state = 'Failed';
      if (job.state === 'JobComplete') {
        job.matches = this.select(job.object, job.query);
        // A job's results are a snapshot: stored objects may change while it is read.
        if (job.object.store.kind === 'memory') {
          const records = job.object.store.records;
          job.snapshot = (job.matches ?? records.map((_, i) => i)).map((i) => ({ ...records[i] }));
          job.matches = job.snapshot.map((_, i) => i);
        }
      }
    }
    const info = this.jobInfo(job);
    if (job.state === 'JobComplete') {
      const total = job.matches === null ? recordCount(job.object.store) : (job.matches?.length ?? 0);
      Object.assign(info, { numberRecordsProcessed: total, retries: 0, totalProcessingTime: 42 });
    }
    if (job.state === 'Failed' || job.state === 'Aborted')
      Object.assign(info, { errorMessage: job.errorMessage, numberRecordsProcessed: 0 });
    return info;
  }

  /** A result page kept plain, and gzip-compressed from it when first asked so (cacheResultPages). */
  private async cachedPage(key: string, csv: Readable, gzip: boolean): Promise<Buffer> {
    let plain = this.pageCache.get(key);
    if (!plain) {
      const parts: Buffer[] = [];
      for await (const part of csv) parts.push(part as Buffer);
      plain = Buffer.concat(parts);
      this.pageCache.set(key, plain);
    } else {
      csv.destroy();
    }
    if (!gzip) return plain;
    let compressed = this.pageCache.get(`${key}|gzip`);
    if (!compressed) {
      compressed = await gzipAsync(plain, { level: GZIP_LEVEL });
      this.pageCache.set(`${key}|gzip`, compressed);
    }
    return compressed;
  }

  /**
   * GET /jobs/query/{id}/resultPages: up to five resultUrl per answer, then nextRecordsUrl until done.
   * Each resultUrl carries the locator of a page of defaultMaxRecords rows (the page GET /results with that
   * locator and no maxRecords returns). `?page=` (the opaque continuation in nextRecordsUrl) is the first
   * page of the answer.
   */
  private resultPages(
    job: QueryJob,
    version: string,
    url: URL
  ): { status: number; body: unknown; headers?: Record<string, string> } {
    const error = (status: number, errorCode: string, message: string) => ({
      status,
      body: [{ errorCode, message }]
    });
    if (Number(version) < 58) {
      return error(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    if (version !== job.apiVersion) {
      return error(
        409,
        'API_VERSION_MISMATCH',
        `Use API version ${job.apiVersion} to get the results of job ${job.id}.`
      );
    }
    if (job.state !== 'JobComplete') {
      return error(400, 'API_ERROR', `Job ${job.id} is not complete (state ${job.state}).`);
    }
    const total = job.matches === null ? recordCount(job.object.store) : (job.matches?.length ?? 0);
    const size = this.options.defaultMaxRecords ?? 100_000;
    const pages = Math.max(1, Math.ceil(total / size));
    const first = Number(url.searchParams.get('page') ?? '0');
    if (!Number.isInteger(first) || first < 0 || first >= pages) {
      return error(400, 'INVALIDLOCATOR', `Invalid page: ${String(url.searchParams.get('page'))}`);
    }
    const last = Math.min(pages, first + RESULT_URLS_PER_ANSWER);
    const base = `/services/data/v${version}/jobs/query/${job.id}`;
    const resultPages = [];
    for (let page = first; page < last; page++) {
      resultPages.push({ resultUrl: `${base}/results?locator=${locatorOf(page * size)}` });
    }
    const done = last >= pages;
    return {
      status: 200,
      body: { resultPages, nextRecordsUrl: done ? null : `${base}/resultPages?page=${last}`, done }
    };
  }

  private async sendResults(
    job: QueryJob,
    version: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
    call: CallRecord,
    fault?: Fault
  ): Promise<void> {
    const fail = (status: number, errorCode: string, message: string): void => {
      call.status = status;
      sendJson(res, status, [{ errorCode, message }]);
    };
    if (version !== job.apiVersion) {
      fail(
        409,
        'API_VERSION_MISMATCH',
        `Use API version ${job.apiVersion} to get the results of job ${job.id}.`
      );
      return;
    }
    if (job.state !== 'JobComplete') {
      fail(400, 'API_ERROR', `Job ${job.id} is not complete (state ${job.state}).`);
      return;
    }
    const total = job.matches === null ? recordCount(job.object.store) : (job.matches?.length ?? 0);
    const locator = url.searchParams.get('locator');
    let offset = 0;
    if (locator) {
      const decoded = Buffer.from(locator, 'base64').toString('utf8');
      offset = Number(decoded);
      if (!/^\d+$/.test(decoded) || offset > total) {
        fail(400, 'INVALIDLOCATOR', `Invalid locator: ${locator}`);
        return;
      }
    }
    const maxRecordsParam = url.searchParams.get('maxRecords');
    const maxRecords =
      maxRecordsParam === null ? (this.options.defaultMaxRecords ?? 100_000) : Number(maxRecordsParam);
    if (!Number.isInteger(maxRecords) || maxRecords < 1) {
      fail(400, 'INVALIDMAXRECORDS', `maxRecords must be a positive integer, got ${String(maxRecordsParam)}`);
      return;
    }
    const end = Math.min(total, offset + maxRecords);
    const next = end < total ? locatorOf(end) : 'null';
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    this.resultEncodings[gzip ? 'gzip' : 'identity']++;
    call.status = 200;
    res.writeHead(200, {
      'Content-Type': 'text/csv',
      'Sforce-Locator': next,
      'Sforce-NumberOfRecords': String(end - offset),
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {})
    });
    const nullAs = this.options.bulkNullAs ?? 'empty';
    const object = job.object;
    const rows = end - offset;
    const cut =
      fault === 'DROP_MID_BODY'
        ? Math.floor(rows / 2)
        : fault && typeof fault === 'object' && 'truncateAt' in fault
          ? Math.min(rows, fault.truncateAt)
          : rows;
    const valueOf = (o: SimObject, r: SimRecord, c: string): Value => this.valueOf(o, r, c);
    const csv = (function* () {
      let chunk = csvLine(job.columns, 'quoted');
      for (let n = offset; n < offset + cut; n++) {
        const index = job.matches === null ? n : (job.matches?.[n] ?? 0);
        const record = job.snapshot ? (job.snapshot[index] ?? {}) : recordAt(object.store, index);
        chunk += csvLine(
          job.columns.map((c) => valueOf(object, record, c)),
          nullAs
        );
        if (chunk.length > 1 << 16) {
          yield Buffer.from(chunk);
          chunk = '';
        }
      }
      if (chunk) yield Buffer.from(chunk);
    })();
    let body: Readable = Readable.from(csv);
    if (this.options.cacheResultPages && job.matches === null && fault === undefined) {
      const page = await this.cachedPage(
        `${job.object.name}|${job.columns.join(',')}|${offset}|${end}`,
        body,
        gzip
      );
      // 64 KiB slices, as a generated page goes out.
      body = Readable.from(
        (function* () {
          for (let at = 0; at < page.length; at += 1 << 16) yield page.subarray(at, at + (1 << 16));
        })()
      );
    } else if (gzip) {
      body = body.pipe(createGzip({ level: GZIP_LEVEL }));
    }
    const gzipFault = gzip && (fault === 'GZIP_TRUNCATED' || fault === 'GZIP_CORRUPT') ? fault : undefined;
    if (gzipFault) {
      // Both faults need the whole compressed body: test pages are small.
      const whole: Buffer[] = [];
      for await (const part of body) whole.push(part as Buffer);
      const compressed = Buffer.concat(whole);
      if (gzipFault === 'GZIP_TRUNCATED') {
        body = Readable.from([compressed.subarray(0, Math.max(10, Math.floor(compressed.length * 0.6)))]);
      } else {
        compressed.writeUInt32LE(
          (compressed.readUInt32LE(compressed.length - 8) ^ 0xffffffff) >>> 0,
          compressed.length - 8
        );
        body = Readable.from([compressed]);
      }
    }
    if (this.link) body = body.pipe(this.link.throttle());
    // The last part is written without waiting for 'drain': with Content-Length the client may hold the
    // whole body before 'drain' fires, and a page it has received is no longer under way
    // (peakConcurrentResults counts what the client has in flight).
    let previous: Buffer | undefined;
    for await (const part of body) {
      if (res.destroyed) return;
      if (previous && !res.write(previous)) await drained(res);
      previous = part as Buffer;
    }
    if (previous && !res.destroyed) res.write(previous);
    if (fault === 'DROP_MID_BODY') {
      call.status = -1;
      res.destroy();
      return;
    }
    res.end();
  }

  // --- sObject Collections -----------------------------------------------------------------------------------

  private upsert(objectName: string, extIdName: string, body: Buffer): { status: number; body: unknown } {
    const object = this.objects.get(objectName.toLowerCase());
    if (!object)
      return {
        status: 404,
        body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
      };
    const fields = fieldMap(object);
    const extField = fields.get(extIdName.toLowerCase());
    if (!extField || !(extField.externalId || extField.type === 'id')) {
      return {
        status: 400,
        body: [
          {
            errorCode: 'INVALID_FIELD',
            message: `Field name provided, ${extIdName} is not an External ID or indexed field for ${object.name}`
          }
        ]
      };
    }
    let request: { allOrNone?: boolean; records?: Array<Record<string, unknown>> };
    try {
      request = JSON.parse(body.toString('utf8')) as typeof request;
    } catch {
      return {
        status: 400,
        body: [{ errorCode: 'JSON_PARSER_ERROR', message: 'The request body is not valid JSON.' }]
      };
    }
    const records = request.records ?? [];
    if (records.length > 200) {
      // sObject Collections take at most 200 records per request.
      return {
        status: 400,
        body: [
          {
            errorCode: 'EXCEEDED_ID_LIMIT',
            message: 'record limit reached. cannot submit more than 200 records into this call'
          }
        ]
      };
    }
    for (const record of records) {
      const type = (record.attributes as { type?: string } | undefined)?.type;
      if (!type || type.toLowerCase() !== object.name.toLowerCase()) {
        return {
          status: 400,
          body: [
            {
              errorCode: 'INVALID_TYPE',
              message: 'Must provide an sObject type in the attributes of each record'
            }
          ]
        };
      }
      for (const name of Object.keys(record)) {
        if (name !== 'attributes' && !fields.has(name.toLowerCase())) {
          return {
            status: 400,
            body: [
              {
                errorCode: 'INVALID_FIELD',
                message: `No such column '${name}' on sobject of type ${object.name}`
              }
            ]
          };
        }
      }
    }
    if (object.store.kind !== 'memory') {
      return {
        status: 400,
        body: [{ errorCode: 'INVALID_OPERATION', message: 'This simulator writes stored objects only.' }]
      };
    }
    const store = object.store.records;
    // External ids match case-insensitively unless the field is case-sensitive (a Text external id's
    // caseSensitive attribute, false by default), and one request may not name the same key twice: each
    // such record fails with DUPLICATE_VALUE "Duplicate external id specified" (Apex and API upsert docs).
    const fold = (key: unknown): string =>
      typeof key === 'string' ? (extField.caseSensitive ? key : key.toLowerCase()) : '';
    const seen = new Map<string, number>();
    for (const record of records) {
      const k = fold(record[extField.name]);
      if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const results = records.map((record) => {
      const key = record[extField.name];
      if (typeof key === 'string' && (seen.get(fold(key)) ?? 0) > 1) {
        return {
          success: false,
          errors: [
            {
              statusCode: 'DUPLICATE_VALUE',
              message: `Duplicate external id specified: ${key}`,
              fields: [extField.name]
            }
          ]
        };
      }
      return this.checkRecord(object, record, extField);
    });
    if (request.allOrNone && results.some((r) => r !== undefined)) {
      return {
        status: 200,
        body: results.map(
          (r) =>
            r ?? {
              success: false,
              errors: [
                {
                  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                  message:
                    'Record rolled back because not all records were valid and the request was using AllOrNone header',
                  fields: []
                }
              ]
            }
        )
      };
    }
    const now = new Date().toISOString();
    const out = records.map((record, i) => {
      const failure = results[i];
      if (failure) return failure;
      const key = record[extField.name] as string;
      const existing = store.find((r) => fold(r[extField.name]) === fold(key));
      const values: SimRecord = {};
      for (const [name, value] of Object.entries(record)) {
        if (name === 'attributes') continue;
        const field = fields.get(name.toLowerCase());
        if (field) values[field.name] = value as Value;
      }
      if (existing) {
        Object.assign(existing, values, {
          LastModifiedDate: now,
          SystemModstamp: now,
          LastModifiedById: this.adminUserId
        });
        return { id: existing.Id, success: true, errors: [], created: false };
      }
      const id = makeId(object.keyPrefix, ++this.sequence);
      const created: SimRecord = {};
      for (const field of object.fields) created[field.name] = field.type === 'boolean' ? false : null;
      Object.assign(created, values, {
        Id: id,
        IsDeleted: false,
        CreatedDate: now,
        CreatedById: this.adminUserId,
        LastModifiedDate: now,
        LastModifiedById: this.adminUserId,
        SystemModstamp: now
      });
      if (fields.has('ownerid') && !created.OwnerId) created.OwnerId = this.adminUserId;
      store.push(created);
      return { id, success: true, errors: [], created: true };
    });
    return { status: 200, body: out };
  }

  /** Per-record validation, as Salesforce reports it in an UpsertResult. */
  private checkRecord(object: SimObject, record: Record<string, unknown>, extField: SimField): unknown {
    const error = (statusCode: string, message: string, fields: string[]) => ({
      success: false,
      errors: [{ statusCode, message, fields }]
    });
    const key = record[extField.name];
    if (typeof key !== 'string' || key === '') {
      return error('MISSING_ARGUMENT', `${extField.name} not specified`, [extField.name]);
    }
    const injected = this.recordFailures.get(`${object.name.toLowerCase()}:${key}`);
    if (injected) return error(injected.statusCode, injected.message, injected.fields ?? []);
    const fields = fieldMap(object);
    for (const [name, value] of Object.entries(record)) {
      if (name === 'attributes') continue;
      const field = fields.get(name.toLowerCase());
      if (!field) continue;
      if (field.createable === false || field.updateable === false || field.calculated) {
        return error(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [field.name]
        );
      }
      if (
        typeof value === 'string' &&
        field.length &&
        value.length > field.length &&
        field.type !== 'reference'
      ) {
        return error(
          'STRING_TOO_LONG',
          `${field.label ?? field.name}: data value too large: ${value.slice(0, 40)} (max length=${field.length})`,
          [field.name]
        );
      }
      if (field.type === 'reference' && value !== null && value !== undefined) {
        const target = this.objects.get((field.referenceTo?.[0] ?? '').toLowerCase());
        const parent = target && typeof value === 'string' ? this.findById(target, value) : undefined;
        if (!parent) return error('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]);
        if (field.name === 'OwnerId' && parent.IsActive === false) {
          return error('INACTIVE_OWNER_OR_USER', 'operation performed with inactive user as owner', [
            field.name
          ]);
        }
      }
      if (
        ['double', 'currency', 'percent', 'int'].includes(field.type) &&
        value !== null &&
        typeof value !== 'number'
      ) {
        return error(
          'INVALID_TYPE_ON_FIELD_IN_RECORD',
          `${field.label ?? field.name}: value not of required type: ${JSON.stringify(value)}`,
          [field.name]
        );
      }
    }
    return undefined;
  }

  private deleteRecords(url: URL): { status: number; body: unknown } {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length > 200) {
      return {
        status: 400,
        body: [
          {
            errorCode: 'EXCEEDED_ID_LIMIT',
            message: 'record limit reached. cannot submit more than 200 records into this call'
          }
        ]
      };
    }
    return {
      status: 200,
      body: ids.map((id) => {
        const object = this.objectByPrefix(id.slice(0, 3));
        const store = object?.store;
        const index = store?.kind === 'memory' ? store.records.findIndex((r) => r.Id === id) : -1;
        const injected = this.deleteFailures.get(id);
        if (injected) {
          return {
            id,
            success: false,
            errors: [
              { statusCode: injected.statusCode, message: injected.message, fields: injected.fields ?? [] }
            ]
          };
        }
        if (!object || store?.kind !== 'memory' || index < 0) {
          return {
            id,
            success: false,
            errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]
          };
        }
        store.records.splice(index, 1);
        return { id, success: true, errors: [] };
      })
    };
  }
}

function describeField(field: SimField): Record<string, unknown> {
  const numeric = ['double', 'currency', 'percent', 'int'].includes(field.type);
  return {
    name: field.name,
    label: field.label ?? field.name,
    type: field.type,
    length: field.length ?? 0,
    byteLength: (field.length ?? 0) * 3,
    precision: numeric ? 18 : 0,
    scale: numeric && field.type !== 'int' ? 2 : 0,
    digits: field.type === 'int' ? 9 : 0,
    nillable: field.nillable ?? true,
    calculated: field.calculated ?? false,
    custom: field.custom ?? false,
    createable: field.createable ?? true,
    updateable: field.updateable ?? true,
    filterable: field.type !== 'textarea',
    groupable: !['textarea', 'double', 'currency', 'percent', 'datetime'].includes(field.type),
    sortable: field.type !== 'textarea',
    aggregatable: field.type !== 'textarea',
    autoNumber: false,
    caseSensitive: field.caseSensitive ?? false,
    defaultedOnCreate: field.type === 'boolean',
    deprecatedAndHidden: field.deprecatedAndHidden ?? false,
    externalId: field.externalId ?? false,
    unique: field.unique ?? false,
    idLookup: field.type === 'id' || (field.externalId ?? false),
    nameField: field.name === 'Name',
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.relationshipName ?? null,
    compoundFieldName: field.compoundFieldName ?? null,
    soapType: soapType(field.type),
    picklistValues: [],
    defaultValue: null
  };
}

function soapType(type: string): string {
  switch (type) {
    case 'id':
    case 'reference':
      return 'tns:ID';
    case 'boolean':
      return 'xsd:boolean';
    case 'double':
    case 'currency':
    case 'percent':
      return 'xsd:double';
    case 'int':
      return 'xsd:int';
    case 'date':
      return 'xsd:date';
    case 'datetime':
      return 'xsd:dateTime';
    case 'address':
      return 'urn:address';
    case 'location':
      return 'urn:location';
    case 'base64':
      return 'xsd:base64Binary';
    default:
      return 'xsd:string';
  }
}

function classify(method: string, pathname: string, rest: string): CallKind {
  if (pathname === '/services/data' || pathname === '/services/data/') return 'versions';
  if (pathname.startsWith('/services/oauth2/')) return 'oauth';
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) return 'resources';
  if (parts[0] === 'limits') return 'limits';
  if (parts[0] === 'sobjects') {
    if (parts.length === 1) return 'describeGlobal';
    if (parts[2] === 'describe') return 'describe';
    return 'sobject';
  }
  if (parts[0] === 'query') return parts.length === 1 ? 'query' : 'queryMore';
  if (parts[0] === 'jobs' && parts[1] === 'query') {
    if (parts.length === 2) return 'bulkCreate';
    if (parts[3] === 'results') return 'bulkResults';
    if (parts[3] === 'resultPages') return 'bulkResultPages';
    return method === 'DELETE' ? 'bulkDelete' : 'bulkPoll';
  }
  if (parts[0] === 'composite' && parts[1] === 'sobjects') return method === 'DELETE' ? 'delete' : 'upsert';
  return 'other';
}

function invalidField(soql: string, path: string, objectName: string, segment: string): SoqlError {
  const column = soql.indexOf(path) + 1;
  return new SoqlError(
    `\n${soql.length > 200 ? '…' : soql}\n^\nERROR at Row:1:Column:${column}\nNo such column '${segment}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    'INVALID_FIELD'
  );
}

function soqlErrorResponse(err: unknown): { status: number; body: unknown } {
  if (err instanceof SoqlError)
    return { status: 400, body: [{ errorCode: err.errorCode, message: err.message }] };
  throw err;
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {}
): void {
  if (status === 204 || payload === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Resolves when a response can take more (drain) or is gone (close); leaves no listener behind. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

const gzipAsync = promisify(gzipCallback);

/** resultUrl per answer of resultPages ("Returns up to five URIs in one response"). */
const RESULT_URLS_PER_ANSWER = 5;
/** zlib's own default: Salesforce does not say which level it uses. */
const GZIP_LEVEL = zlibConstants.Z_DEFAULT_COMPRESSION;

/** A locator: opaque to clients, here the base64 of the row offset without padding. */
function locatorOf(offset: number): string {
  return Buffer.from(String(offset)).toString('base64').replace(/=+$/, '');
}

/** True when an Accept-Encoding header accepts gzip (a q=0 refuses it). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === 'x-gzip') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * One link shared by every response body: a byte reaches the socket no sooner than the link could carry
 * it after every byte queued before it (first come, first served), at `mbps` megabits per second.
 */
class SharedLink {
  private readonly bytesPerMs: number;
  private freeAt = 0;
  constructor(mbps: number) {
    if (!(mbps > 0)) throw new Error(`throttleMbps must be a positive number, got ${mbps}`);
    this.bytesPerMs = (mbps * 1e6) / 8 / 1000;
  }
  /** Resolves when `bytes` more have crossed the link. */
  private take(bytes: number): Promise<void> {
    const now = performance.now();
    this.freeAt = Math.max(now, this.freeAt) + bytes / this.bytesPerMs;
    const wait = this.freeAt - now;
    return wait < 1 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
  }
  throttle(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.take(chunk.length).then(() => {
          callback(null, chunk);
        }, callback);
      }
    });
  }
}

/** Starts a simulator on an ephemeral loopback port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SalesforceSimulator> {
  const simulator = new SalesforceSimulator(options);
  await simulator.start();
  return simulator;
}
