// The simulator's own contract tests: raw HTTP for status codes, headers and bodies, and jsforce's
// Connection for the client side of the same contracts.
import { get } from 'node:http';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { Connection } from '@jsforce/jsforce-node';
import { readCsv } from '../../scripts/sync/csv/csv-reader';
import { startSimulator, WIDE_OBJECT, type SalesforceSimulator } from './index';

const V = '/services/data/v65.0';

interface ApiError {
  errorCode: string;
  message: string;
}
interface Named {
  name: string;
}
interface Describe {
  fields: (Named & { deprecatedAndHidden: boolean })[];
  recordTypeInfos: { developerName: string }[];
}
interface JobInfo {
  id: string;
  state: string;
  errorMessage?: string;
}

describe('Salesforce API simulator', () => {
  let sim: SalesforceSimulator;
  const call = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${sim.url}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${sim.accessToken}`,
        'Content-Type': 'application/json',
        ...(init.headers as Record<string, string> | undefined)
      }
    });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's shape
  const json = async <T = ApiError[]>(
    path: string,
    init: RequestInit = {}
  ): Promise<{ status: number; body: T }> => {
    const res = await call(path, init);
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  };

  beforeEach(async () => {
    sim = await startSimulator({ opportunities: 25, wideRecords: 7 });
  });
  afterEach(async () => {
    await sim.close();
  });

  it('refuses a wrong token with 401 INVALID_SESSION_ID', async () => {
    const res = await fetch(`${sim.url}${V}/sobjects`, { headers: { Authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
    ]);
  });

  it('lists versions, objects and describes a 900-field object with record types', async () => {
    const versions = await json<{ version: string }[]>('/services/data');
    expect(versions.body.at(-1)).toEqual({ label: 'v65.0', url: '/services/data/v65.0', version: '65.0' });
    const global = await json<{ sobjects: Named[] }>(`${V}/sobjects`);
    expect(global.body.sobjects.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['Opportunity', WIDE_OBJECT])
    );
    const wide = await json<Describe>(`${V}/sobjects/${WIDE_OBJECT}/describe`);
    expect(wide.body.fields).toHaveLength(900);
    const opp = await json<Describe>(`${V}/sobjects/Opportunity/describe`);
    expect(opp.body.recordTypeInfos.map((r: { developerName: string }) => r.developerName)).toEqual([
      'New_Business',
      'Renewal',
      'Master'
    ]);
    expect(
      opp.body.fields.find((f: { name: string }) => f.name === 'Legacy_Code__c')?.deprecatedAndHidden
    ).toBe(true);
    expect((await json(`${V}/sobjects/Nope__c/describe`)).status).toBe(404);
  });

  it('pages REST queries through nextRecordsUrl (jsforce queryMore)', async () => {
    const conn = new Connection({ instanceUrl: sim.url, accessToken: sim.accessToken, version: '65.0' });
    const first = await conn.request<{
      totalSize: number;
      done: boolean;
      nextRecordsUrl?: string;
      records: unknown[];
    }>({
      method: 'GET',
      url: `${V}/query?q=${encodeURIComponent('SELECT Id, Name, UserRole.Name FROM User')}`,
      headers: { 'Sforce-Query-Options': 'batchSize=200' }
    });
    expect(first.totalSize).toBe(12);
    const small = await startSimulator({ queryBatchSize: 5 });
    try {
      const c2 = new Connection({ instanceUrl: small.url, accessToken: small.accessToken, version: '65.0' });
      const result = await c2.query('SELECT Id, Name, UserRole.Name FROM User WHERE IsActive = true', {
        autoFetch: true,
        maxFetch: 100
      });
      expect(result.records).toHaveLength(11);
      expect(small.callCount({ kind: 'queryMore' })).toBe(2);
      const bea = result.records.find((r) => r.Name === 'Bea North') as { UserRole: { Name: string } };
      expect(bea.UserRole.Name).toBe('Sales North');
    } finally {
      await small.close();
    }
  });

  it('rejects a GET query with 900 field names in the URL with 431, like the real front end', async () => {
    const wide = await json<Describe>(`${V}/sobjects/${WIDE_OBJECT}/describe`);
    const soql = `SELECT ${wide.body.fields.map((f: { name: string }) => f.name).join(', ')} FROM ${WIDE_OBJECT}`;
    const res = await call(`${V}/query?q=${encodeURIComponent(soql)}`);
    expect(res.status).toBe(431);
  });

  it('runs a Bulk API 2.0 query job: states over polls, CSV pages with locators', async () => {
    const created = await json<JobInfo & ApiError[]>(`${V}/jobs/query`, {
      method: 'POST',
      body: JSON.stringify({
        operation: 'query',
        query: 'SELECT Id, Name, Amount, Description FROM Opportunity'
      })
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      operation: 'query',
      object: 'Opportunity',
      state: 'UploadComplete',
      contentType: 'CSV'
    });
    const id = created.body.id;
    expect(id).toMatch(/^750/);
    expect((await call(`${V}/jobs/query/${id}/results`)).status).toBe(400);
    expect((await json<JobInfo>(`${V}/jobs/query/${id}`)).body.state).toBe('InProgress');
    expect((await json<JobInfo>(`${V}/jobs/query/${id}`)).body).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 25
    });

    const pages: string[] = [];
    let locator: string | null = null;
    let rows = 0;
    do {
      const res: Response = await call(
        `${V}/jobs/query/${id}/results?maxRecords=10${locator ? `&locator=${locator}` : ''}`,
        {
          headers: { Accept: 'text/csv' }
        }
      );
      expect(res.headers.get('content-type')).toBe('text/csv');
      const text = await res.text();
      pages.push(text);
      expect(Number(res.headers.get('sforce-numberofrecords'))).toBe(
        text.split('\n').length - 2 - (text.match(/Two lines:\n/g)?.length ?? 0)
      );
      for await (const batch of readCsv(Readable.from([Buffer.from(text)]))) rows += batch.length;
      const next = res.headers.get('sforce-locator');
      locator = next === 'null' ? null : next;
    } while (locator);
    expect(pages).toHaveLength(3);
    expect(rows).toBe(25);
    expect(pages[0]?.split('\n')[0]).toBe('"Id","Name","Amount","Description"');
    // Null is an empty unquoted cell.
    expect(pages.join('')).toMatch(/^"006[^"]+","Affaire \d+",,/m);
  });

  it('refuses an unknown field with 400 INVALID_FIELD and a job selecting compound data (components only)', async () => {
    const bad = await json<JobInfo & ApiError[]>(`${V}/jobs/query`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id, Nope__c FROM Opportunity' })
    });
    expect(bad.status).toBe(400);
    expect(bad.body[0]?.errorCode).toBe('INVALID_FIELD');
    expect(bad.body[0]?.message).toContain("No such column 'Nope__c' on entity 'Opportunity'");
    const compound = await json<JobInfo & ApiError[]>(`${V}/jobs/query`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id, BillingAddress FROM Account' })
    });
    expect(compound.status).toBe(400);
    expect(compound.body[0]).toEqual({
      errorCode: 'API_ERROR',
      message: 'Selecting compound data not supported in Bulk Query'
    });
    // The components are selectable; the describe ties them to the compound, typed "address".
    const components = await json<JobInfo & ApiError[]>(`${V}/jobs/query`, {
      method: 'POST',
      body: JSON.stringify({
        operation: 'query',
        query: 'SELECT Id, BillingStreet, BillingCity FROM Account'
      })
    });
    expect(components.status).toBe(200);
    const describe = await json<{
      fields: { name: string; type: string; compoundFieldName: string | null }[];
    }>(`${V}/sobjects/Account/describe`);
    const byName = new Map(describe.body.fields.map((f) => [f.name, f]));
    expect(byName.get('BillingAddress')).toMatchObject({ type: 'address', compoundFieldName: null });
    expect(byName.get('BillingCity')).toMatchObject({ type: 'string', compoundFieldName: 'BillingAddress' });
    // A base64 field still makes the job fail.
    const binary = await json<JobInfo>(`${V}/jobs/query`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id, Logo__c FROM Account' })
    });
    await json<JobInfo>(`${V}/jobs/query/${binary.body.id}`);
    const final = await json<JobInfo>(`${V}/jobs/query/${binary.body.id}`);
    expect(final.body.state).toBe('Failed');
    const count = await json<JobInfo & ApiError[]>(`${V}/jobs/query`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT COUNT() FROM Account' })
    });
    expect(count.status).toBe(400);
  });

  it('upserts by external ID with created flags, per-record errors, allOrNone and the 200 limit', async () => {
    const conn = new Connection({ instanceUrl: sim.url, accessToken: sim.accessToken, version: '65.0' });
    const rows = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({
        Snapshot_Key__c: `K-${from + i}`,
        Name: `K-${from + i}`,
        Team__c: 'North'
      }));
    const first = await conn
      .sobject('Team_Adoption_Snapshot__c')
      .upsert(rows(3), 'Snapshot_Key__c', { allOrNone: false });
    expect(first.map((r) => (r as { created: boolean }).created)).toEqual([true, true, true]);
    sim.failRecord('Team_Adoption_Snapshot__c', 'K-1', {
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Team is locked',
      fields: ['Team__c']
    });
    const second = await conn
      .sobject('Team_Adoption_Snapshot__c')
      .upsert(rows(4), 'Snapshot_Key__c', { allOrNone: false });
    expect(second.map((r) => r.success)).toEqual([true, false, true, true]);
    expect((second[0] as { created: boolean }).created).toBe(false);
    expect((second[3] as { created: boolean }).created).toBe(true);
    expect(second[1]?.errors).toEqual([
      { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Team is locked', fields: ['Team__c'] }
    ]);
    expect(sim.records('Team_Adoption_Snapshot__c')).toHaveLength(4);

    const rolledBack = await conn
      .sobject('Team_Adoption_Snapshot__c')
      .upsert(rows(2, 100).concat(rows(1, 1)), 'Snapshot_Key__c', { allOrNone: true });
    expect(rolledBack.every((r) => !r.success)).toBe(true);
    expect(sim.records('Team_Adoption_Snapshot__c')).toHaveLength(4);

    const tooMany = await call(`${V}/composite/sobjects/Team_Adoption_Snapshot__c/Snapshot_Key__c`, {
      method: 'PATCH',
      body: JSON.stringify({
        allOrNone: false,
        records: rows(201).map((r) => ({ attributes: { type: 'Team_Adoption_Snapshot__c' }, ...r }))
      })
    });
    expect(tooMany.status).toBe(400);
    const recursive = await conn
      .sobject('Team_Adoption_Snapshot__c')
      .upsert(rows(450, 1000), 'Snapshot_Key__c', { allOrNone: false, allowRecursive: true });
    expect(recursive.filter((r) => r.success)).toHaveLength(450);

    const badField = await call(`${V}/composite/sobjects/Team_Adoption_Snapshot__c/Snapshot_Key__c`, {
      method: 'PATCH',
      body: JSON.stringify({
        records: [{ attributes: { type: 'Team_Adoption_Snapshot__c' }, Snapshot_Key__c: 'x', Nope__c: 1 }]
      })
    });
    expect(badField.status).toBe(400);
    expect(((await badField.json()) as { errorCode: string }[])[0]?.errorCode).toBe('INVALID_FIELD');

    const ids = sim
      .records('Team_Adoption_Snapshot__c')
      .slice(0, 2)
      .map((r) => String(r.Id));
    const deleted = await json<{ success: boolean }[]>(
      `${V}/composite/sobjects?ids=${ids.join(',')},a06Dn0000099999AAA`,
      {
        method: 'DELETE'
      }
    );
    expect(deleted.body.map((r: { success: boolean }) => r.success)).toEqual([true, true, false]);
  });

  it('injects REQUEST_LIMIT_EXCEEDED, 503 and session expiry, and counts calls per object', async () => {
    sim.inject({ kind: 'describe', fault: 'REQUEST_LIMIT_EXCEEDED' });
    const limited = await json(`${V}/sobjects/Account/describe`);
    expect(limited).toEqual({
      status: 403,
      body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]
    });
    sim.inject({ kind: 'describe', object: 'Lead', fault: { status: 503 } });
    expect((await json(`${V}/sobjects/Account/describe`)).status).toBe(200);
    expect((await json(`${V}/sobjects/Lead/describe`)).status).toBe(503);
    expect((await json(`${V}/sobjects/Lead/describe`)).status).toBe(200);
    expect(sim.callCount({ object: 'Lead', kind: 'describe' })).toBe(2);
    expect(sim.callsByObject().Account).toEqual({ describe: 2 });
    sim.expireSessions();
    expect((await json(`${V}/sobjects`)).status).toBe(401);
  });

  it('refreshes a token with the refresh_token grant', async () => {
    sim.expireSessions();
    const res = await fetch(`${sim.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: sim.refreshToken,
        client_id: 'PlatformCLI'
      })
    });
    const token = (await res.json()) as { access_token: string; instance_url: string };
    expect(token.instance_url).toBe(sim.url);
    const ok = await fetch(`${sim.url}${V}/sobjects`, {
      headers: { Authorization: `Bearer ${token.access_token}` }
    });
    expect(ok.status).toBe(200);
  });
});

describe('Salesforce API simulator: parallel results and compression', () => {
  let sim: SalesforceSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ opportunities: 23, defaultMaxRecords: 2 });
  });
  afterEach(async () => {
    await sim.close();
  });

  /** A raw GET (fetch would decode gzip by itself): status, headers, the undecoded body bytes. */
  const raw = (
    path: string,
    headers: Record<string, string> = {}
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      get(
        `${sim.url}${path}`,
        { headers: { Authorization: `Bearer ${sim.accessToken}`, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
          });
          res.on('error', reject);
        }
      ).on('error', reject);
    });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's shape
  const jsonOf = <T>(body: Buffer): T => JSON.parse(body.toString('utf8')) as T;

  /** A completed query job created with API version `version`. */
  async function completedJob(version = '65.0'): Promise<string> {
    const created = await fetch(`${sim.url}/services/data/v${version}/jobs/query`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sim.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id, Name FROM Opportunity' })
    });
    const { id } = (await created.json()) as { id: string };
    for (let i = 0; i < 2; i++) await raw(`/services/data/v${version}/jobs/query/${id}`);
    return id;
  }

  interface ResultPages {
    resultPages: { resultUrl: string }[];
    nextRecordsUrl: string | null;
    done: boolean;
  }

  it('lists result URLs five at a time with nextRecordsUrl until done, each a page of the results', async () => {
    const id = await completedJob();
    const urls: string[] = [];
    let next: string | null = `${V}/jobs/query/${id}/resultPages`;
    let answers = 0;
    while (next) {
      const res = await raw(next, { Accept: 'application/json' });
      expect(res.status).toBe(200);
      const body = jsonOf<ResultPages>(res.body);
      answers++;
      expect(body.resultPages.length).toBeLessThanOrEqual(5);
      urls.push(...body.resultPages.map((p) => p.resultUrl));
      expect(body.done).toBe(body.nextRecordsUrl === null);
      next = body.nextRecordsUrl;
    }
    // 23 records in pages of 2: 12 pages, listed in 3 answers.
    expect(answers).toBe(3);
    expect(urls).toHaveLength(12);
    expect(urls[0]).toMatch(new RegExp(`^${V}/jobs/query/${id}/results\\?locator=\\w+$`));
    let rows = 0;
    for (const url of urls) {
      const page = await raw(url, { Accept: 'text/csv' });
      const count = Number(page.headers['sforce-numberofrecords']);
      expect(page.body.toString('utf8').trimEnd().split('\n')).toHaveLength(count + 1);
      rows += count;
    }
    expect(rows).toBe(23);
  });

  it('refuses resultPages below API 58.0 (404), with another version than the job’s (409), before completion (400)', async () => {
    const old = await completedJob('57.0');
    const below = await raw(`/services/data/v57.0/jobs/query/${old}/resultPages`);
    expect(below.status).toBe(404);
    expect(jsonOf<{ errorCode: string }[]>(below.body)[0]?.errorCode).toBe('NOT_FOUND');
    const id = await completedJob('65.0');
    const other = await raw(`/services/data/v60.0/jobs/query/${id}/resultPages`);
    expect(other.status).toBe(409);
    const created = await fetch(`${sim.url}${V}/jobs/query`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sim.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id FROM Opportunity' })
    });
    const pending = ((await created.json()) as { id: string }).id;
    expect((await raw(`${V}/jobs/query/${pending}/resultPages`)).status).toBe(400);
  });

  it('serves a result page gzip-compressed when asked (Accept-Encoding: gzip), plain otherwise', async () => {
    const id = await completedJob();
    const url = `${V}/jobs/query/${id}/results?maxRecords=50`;
    const plain = await raw(url, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const none = await raw(url);
    expect(none.headers['content-encoding']).toBeUndefined();
    const refused = await raw(url, { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const gzip = await raw(url, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect(sim.resultEncodings).toEqual({ gzip: 1, identity: 3 });
  });

  it('injects a truncated gzip stream and a corrupt one (wrong CRC-32)', async () => {
    const id = await completedJob();
    const url = `${V}/jobs/query/${id}/results?maxRecords=50`;
    const whole = await raw(url, { 'Accept-Encoding': 'gzip' });
    sim.inject({ kind: 'bulkResults', fault: 'GZIP_TRUNCATED' });
    const truncated = await raw(url, { 'Accept-Encoding': 'gzip' });
    expect(truncated.status).toBe(200);
    expect(truncated.body.length).toBeLessThan(whole.body.length);
    expect(() => gunzipSync(truncated.body)).toThrow(/unexpected end of file/);
    sim.inject({ kind: 'bulkResults', fault: 'GZIP_CORRUPT' });
    const corrupt = await raw(url, { 'Accept-Encoding': 'gzip' });
    expect(corrupt.body.length).toBe(whole.body.length);
    expect(() => gunzipSync(corrupt.body)).toThrow(/incorrect data check/);
  });

  it('throttles result bodies to a shared link of throttleMbps', async () => {
    await sim.close();
    sim = await startSimulator({ opportunities: 3000, throttleMbps: 2 });
    const id = await completedJob();
    const started = performance.now();
    const [a, b] = await Promise.all([
      raw(`${V}/jobs/query/${id}/results?maxRecords=1500`, { 'Accept-Encoding': 'identity' }),
      raw(`${V}/jobs/query/${id}/results?maxRecords=1500&locator=${Buffer.from('1500').toString('base64')}`, {
        'Accept-Encoding': 'identity'
      })
    ]);
    const seconds = (performance.now() - started) / 1000;
    const megabits = ((a.body.length + b.body.length) * 8) / 1e6;
    // Both downloads share the link: together no faster than 2 Mbit/s.
    expect(megabits).toBeGreaterThan(0.2);
    expect(seconds).toBeGreaterThanOrEqual((megabits / 2) * 0.95);
  });
});
