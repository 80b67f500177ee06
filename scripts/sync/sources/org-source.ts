// The live source: a Salesforce org through jsforce (sf CLI login via @salesforce/core, or a session).
//
// API calls per object do not grow with its number of fields, only with its result pages:
//   1 describe + 1 Bulk API 2.0 query job (the SOQL travels in a POST body, so 900 field names are fine:
//   a GET /query with them in the URL fails with HTTP 431, the sfdx-hardis failure) + a few polls
//   + 1 GET per result page (maxRecords: 50,000 records, fewer for very wide objects so that a page, which
//   jsforce holds as text while the CSV reader goes through it, stays around 30 MB).
// Results are paged here, not by jsforce's bulk2.query (it crashes when results span more than one
// Sforce-Locator page: jsforce issues #1546 and #1693). Each page goes through the shared CSV reader.
// Users come from a REST query (queryMore paging); rules from the org's custom metadata (__mdt SOQL).

import { Readable } from 'node:stream';
import { Connection as JsforceConnection } from '@jsforce/jsforce-node';
import { HttpApi } from '@jsforce/jsforce-node/lib/http-api';
import type { HttpRequest, HttpResponse, Schema } from '@jsforce/jsforce-node/lib/types';
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
import { useSendOnceTransport } from './http-transport';
import { ruleSetFromRecords, type MetadataValues } from '../rules/metadata-rules';
import { describedDefault } from '../engine/informative';
import { idKey } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { withRetry, type RetryOptions } from './retry';
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

/** Tuning of the live path (tests and the benchmark shorten the waits). */
export interface OrgSourceTuning {
  /** First wait before polling a query job (ms; default env SYNC_POLL_MS or 250); grows ×1.5 up to pollMaxMs. */
  pollIntervalMs?: number;
  pollMaxMs?: number;
  /** Give up on a job after this long (ms, default 30 minutes). */
  pollTimeoutMs?: number;
  /** Retries of calls that failed with 5xx, REQUEST_LIMIT_EXCEEDED or a network error. */
  retry?: RetryOptions;
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

/** jsforce's HTTP layer for a CSV response: the body stays text, and JSON error bodies still become errorCodes. */
class CsvApi extends HttpApi<Schema> {
  override parseError(body: unknown): unknown {
    if (typeof body === 'string') {
      try {
        const parsed = JSON.parse(body) as unknown;
        return Array.isArray(parsed) ? (parsed[0] as unknown) : parsed;
      } catch {
        // not JSON: jsforce's default below
      }
    }
    return super.parseError(body);
  }
}

export class OrgSource implements OrgRecordSource {
  readonly kind = 'org' as const;
  private calls = 0;
  private global?: Promise<DescribeGlobal>;
  private readonly describes = new Map<string, Promise<ObjectDescribe | undefined>>();
  private rules?: Promise<RuleSet>;
  private readonly pageSize: number | undefined;
  private readonly pollIntervalMs: number;
  private readonly log: (message: string) => void;

  constructor(
    readonly connection: JsforceConnection,
    readonly description: string,
    private readonly options: OrgSourceOptions & OrgSourceTuning
  ) {
    this.pageSize = options.pageSize ?? positiveInt(process.env.SYNC_PAGE_SIZE);
    this.pollIntervalMs = options.pollIntervalMs ?? positiveInt(process.env.SYNC_POLL_MS) ?? 250;
    this.log = options.log ?? (() => undefined);
  }

  apiCalls(): number {
    return this.calls;
  }

  private get base(): string {
    return `/services/data/v${this.connection.version}`;
  }

  /** One API call with retries of transient failures, and a clear message for an expired session. */
  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(
        () => {
          this.calls++;
          return fn();
        },
        {
          ...this.options.retry,
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
    return {
      name: result.name,
      label: result.label,
      fields,
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
    const known = new Map(described.fields.map((f) => [f.name.toLowerCase(), f.name]));
    const selected = fields.map((name) => {
      if (name.includes('.')) return name; // relationship path: Salesforce validates it
      const found = known.get(name.toLowerCase());
      if (!found) {
        throw syncInputError('sync.org', 'NoField', [name, described.name, this.description]);
      }
      return found;
    });
    const soql = `SELECT ${selected.join(', ')} FROM ${described.name}`;
    const job = await this.createJob(described.name, soql);
    await this.waitForJob(described.name, job);

    const maxRecords =
      this.pageSize ??
      Math.max(1000, Math.min(DEFAULT_PAGE_SIZE, Math.floor(PAGE_CELL_BUDGET / selected.length)));
    let locator: string | null = null;
    let page = 0;
    do {
      page++;
      const params = new URLSearchParams({ maxRecords: String(maxRecords) });
      if (locator) params.set('locator', locator);
      const url = `${this.base}/jobs/query/${job.id}/results?${params.toString()}`;
      // A page is checked whole before any of its rows reach the measurement, so a page fetched again
      // (same locator) is never counted twice.
      const read = await this.call(`results of ${described.name}, page ${page}`, () =>
        this.readPage(url, `${described.name} result page ${page}`)
      );
      locator = read.locator;
      options.progress?.page(described.name, { page, records: read.records, bytes: read.bytes });
      yield* read.batches;
    } while (locator);
  }

  /**
   * GETs one result page and parses it. A page whose rows do not add up to its Sforce-NumberOfRecords
   * header, or that does not end at a record boundary (Bulk API 2.0 ends every record with the job's
   * line ending, LF here), was cut short on the way: TransientResponseError, so the retry layer fetches
   * the same locator again (Bulk API 2.0 Developer Guide, "Get Results for a Query Job").
   */
  private async readPage(
    url: string,
    sourceName: string
  ): Promise<{ batches: RowBatch[]; records: number; bytes: number; locator: string | null }> {
    const { body, headers } = await this.getText(url);
    const next = headers['sforce-locator'];
    const expected = Number(headers['sforce-numberofrecords'] ?? NaN);
    const batches: RowBatch[] = [];
    let records = 0;
    try {
      for await (const batch of readCsv(chunks(body), { sourceName })) {
        batches.push(batch);
        records += batch.length;
      }
    } catch (error) {
      if (error instanceof CsvFormatError)
        throw new TransientResponseError(messageOf('sync.org', 'page.Damaged', [sourceName, error.message]));
      throw error;
    }
    if (records > 0 && !body.endsWith('\n')) {
      throw new TransientResponseError(messageOf('sync.org', 'page.CutShort', [sourceName]));
    }
    if (Number.isFinite(expected) && records !== expected) {
      throw new TransientResponseError(messageOf('sync.org', 'page.Count', [sourceName, records, expected]));
    }
    return { batches, records, bytes: body.length, locator: next && next !== 'null' ? next : null };
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

  /** GET a CSV page as text, with its headers, through jsforce's authenticated HTTP layer. */
  private async getText(url: string): Promise<{ body: string; headers: Record<string, string | undefined> }> {
    const api = new CsvApi(this.connection, { responseType: 'text/plain' });
    let headers: Record<string, string | undefined> = {};
    api.on('response', (response: HttpResponse) => {
      headers = response.headers;
    });
    const absolute = url.startsWith('/') ? `${this.connection.instanceUrl}${url}` : url;
    const body = await api.request<string>({
      method: 'GET',
      url: absolute,
      headers: { Accept: 'text/csv' }
    });
    return { body, headers };
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
      'LastLoginDate'
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
      id: text(row.Id),
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
      lastLoginDate: typeof row.LastLoginDate === 'string' ? toIso(row.LastLoginDate) : null
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

/** Slices a page into 1 MiB chunks so the CSV reader yields batches of a bounded size. */
function chunks(body: string): Readable {
  const buffer = Buffer.from(body, 'utf8');
  const size = 1 << 20;
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < buffer.length; offset += size)
        yield buffer.subarray(offset, offset + size);
    })()
  );
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
