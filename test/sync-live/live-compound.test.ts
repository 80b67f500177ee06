// Issue 11, case 7 on a live org (the simulator): a completeness rule on a compound field (BillingAddress, a
// geolocation Location__c) is measured through its components, which the query selects instead (Bulk API
// 2.0 refuses the compound itself); offline, the same rule is skipped with a warning saying why.

import { mkdtempSync, readdirSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from '../../scripts/sync/engine/measure';
import { ExportSource } from '../../scripts/sync/sources/export-source';
import { makeId, startSimulator, type SalesforceSimulator } from '../salesforce-simulator';
import { recordAt, recordCount, type SimField, type SimRecord } from '../salesforce-simulator/model';
import { runLive, TODAY, withEnv } from './helpers';

jest.setTimeout(60_000);
withEnv({ SYNC_PAGE_SIZE: '100', SYNC_POLL_MS: '20' });

const ADDRESS = ['BillingStreet', 'BillingCity', 'BillingPostalCode', 'BillingCountry'];
const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** Rule rows as Completeness_Rule__mdt holds them. */
function ruleRow(n: number, name: string, field: string): SimRecord {
  return {
    Id: makeId('m01', 900 + n),
    DeveloperName: name,
    MasterLabel: name,
    Label: name,
    QualifiedApiName: name,
    NamespacePrefix: null,
    Object__c: 'Account',
    Field__c: field,
    Weight__c: 1,
    Record_Types__c: null,
    Stages__c: null,
    Active__c: true
  };
}

describe('live: completeness rules on compound fields', () => {
  let sim: SalesforceSimulator;
  let accounts: SimRecord[];

  beforeAll(async () => {
    sim = await startSimulator({ accounts: 30, opportunities: 5, defaultMaxRecords: 100 });
    const account = sim.object('Account');
    // The describe as Salesforce gives it: components carry compoundFieldName; the compound is typed
    // "address" / "location". A geocode component and a custom geolocation are added here.
    const component = (name: string, compound: string, custom = false): SimField => ({
      name,
      type: 'double',
      compoundFieldName: compound,
      custom
    });
    account.fields.push(
      component('BillingLatitude', 'BillingAddress'),
      component('Location__Latitude__s', 'Location__c', true),
      component('Location__Longitude__s', 'Location__c', true),
      { name: 'Location__c', type: 'location', custom: true, createable: false, updateable: false }
    );
    const store = account.store;
    accounts = Array.from({ length: recordCount(store) }, (_, i) => ({
      ...recordAt(store, i),
      BillingLatitude: null,
      Location__Latitude__s: null,
      Location__Longitude__s: null
    }));
    const owner = accounts[0]?.OwnerId ?? null;
    const set = (i: number, values: SimRecord): void => {
      const none = Object.fromEntries(ADDRESS.map((c) => [c, null]));
      accounts[i] = { ...accounts[i], ...none, ...values, OwnerId: owner };
    };
    set(0, {
      BillingStreet: '1 rue A',
      BillingCity: 'Paris',
      BillingPostalCode: '75001',
      BillingCountry: 'France'
    });
    set(1, { BillingCity: 'Lyon' }); // some components: an address someone typed
    set(2, { BillingStreet: 'TBD' }); // filled, with a placeholder
    set(3, {}); // none
    set(4, { BillingLatitude: 48.85 }); // a geocode alone is no address
    set(5, { Location__Latitude__s: 45.76 }); // one coordinate: no place
    set(6, { Location__Latitude__s: 45.76, Location__Longitude__s: 4.84 });
    account.store = { kind: 'memory', records: accounts };
    const rules = sim.object('Completeness_Rule__mdt').store;
    if (rules.kind !== 'memory') throw new Error('rules are kept in memory');
    rules.records.push(
      ruleRow(1, 'Account_Billing', 'BillingAddress'),
      ruleRow(2, 'Account_Location', 'Location__c')
    );
  });

  afterAll(async () => {
    await sim.close();
  });

  it('measures BillingAddress as filled when any typed component is, a geolocation when both are', async () => {
    const run = await runLive(sim, ['--json', '--objects', 'Account', '--as-of', TODAY]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.exitCode).toBe(0);
    const account = run.result?.objects.find((o) => o.name === 'Account');
    // The truth, from the simulator's records.
    const addresses = accounts.filter((r) => ADDRESS.some((c) => !blank(r[c]))).length;
    const locations = accounts.filter(
      (r) => !blank(r.Location__Latitude__s) && !blank(r.Location__Longitude__s)
    ).length;
    expect(addresses).toBeGreaterThan(3);
    expect(account?.fields.find((f) => f.name === 'BillingAddress')?.filled).toBe(addresses);
    expect(account?.fields.find((f) => f.name === 'Location__c')?.filled).toBe(locations);
    expect(locations).toBe(1);
    // The rule counts the same records (no record type or stage restriction), less excluded owners' ones.
    const rule = account?.ruleFields.find((f) => f.field === 'BillingAddress');
    expect(rule?.filled).toBe(
      accounts.filter((r) => ADDRESS.some((c) => !blank(r[c])) && !excluded(run.result, r)).length
    );
    // Filled, but not informative, applies to the whole address: "TBD" as its only component.
    const informative = account?.notInformative?.find((f) => f.field === 'BillingAddress');
    expect(excluded(run.result, accounts[2] ?? {})).toBe(false);
    expect(informative?.placeholders).toBe(1);
    // The job selected the components, never the compound (the simulator refuses it with 400).
    expect(sim.callsByObject().Account?.bulkCreate).toBe(1);
  });

  it('offline, the same rule is skipped with a warning saying why, and the rest is measured', async () => {
    const root = mkdtempSync(join(tmpdir(), 'compound-'));
    const exportDir = join(root, 'export');
    cpSync(join(__dirname, '../../data/sample-export'), exportDir, { recursive: true });
    const rulesDir = join(root, 'rules');
    cpSync(join(__dirname, '../../force-app/main/default/customMetadata'), rulesDir, { recursive: true });
    const accountRules = readdirSync(rulesDir).filter((f) =>
      f.startsWith('Completeness_Rule.Account')
    ).length;
    writeFileSync(
      join(rulesDir, 'Completeness_Rule.Account_Billing.md-meta.xml'),
      ruleXml('Account_Billing', 'Account', 'BillingAddress')
    );
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Account'],
      asOf: '2026-11-20'
    });
    expect(result.warnings.join('\n')).toMatch(
      /Account_Billing is skipped offline: Account\.csv has no column BillingAddress\. A Data Export never contains formula, roll-up summary or compound \(address, geolocation\) fields; such a rule is measured on a live run/
    );
    const account = result.objects.find((o) => o.name === 'Account');
    expect(account?.records).toBeGreaterThan(0);
    expect(account?.ruleFields.map((f) => f.field)).not.toContain('BillingAddress');
    expect(account?.ruleFields).toHaveLength(accountRules);
  });
});

/** True when the record's owner is left out of the measurement (integration, automated, inactive user). */
function excluded(result: { users: { userId: string }[] } | undefined, record: SimRecord): boolean {
  return !result?.users.some((u) => u.userId === record.OwnerId);
}

function ruleXml(name: string, object: string, field: string): string {
  const value = (f: string, v: string, type = 'xsd:string'): string =>
    `<values><field>${f}</field><value xsi:type="${type}">${v}</value></values>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
<label>${name}</label><protected>false</protected>
${value('Object__c', object)}${value('Field__c', field)}${value('Weight__c', '1', 'xsd:double')}${value('Active__c', 'true', 'xsd:boolean')}
</CustomMetadata>
`;
}
