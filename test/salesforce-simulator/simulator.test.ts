// The simulator's own contract tests: raw HTTP for status codes, headers and bodies, and jsforce's
// Connection for the client side of the same contracts.
import { Readable } from 'node:stream';
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

  it('refuses an unknown field with 400 INVALID_FIELD and fails a job selecting compound data', async () => {
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
    const id = compound.body.id;
    await json<JobInfo>(`${V}/jobs/query/${id}`);
    const final = await json<JobInfo>(`${V}/jobs/query/${id}`);
    expect(final.body.state).toBe('Failed');
    expect(final.body.errorMessage).toContain('Selecting compound data not supported in Bulk Query');
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
