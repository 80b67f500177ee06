// Seed data for the simulated org: users and roles, standard sales objects generated on demand from their index
// (so a million Opportunities cost no memory), a 900-field custom object, the package's custom metadata types and
// its snapshot objects (kept in memory, since the sync writes them).
import {
  makeId,
  type SimField,
  type SimObject,
  type SimRecord,
  type FieldType,
  type SimRecordType
} from './model';
import { projectObjectFields, projectObjectLabel } from './project-objects';

export interface SeedOptions {
  /** Reference "now" for generated dates; default: the current time. */
  now?: Date;
  accounts?: number;
  contacts?: number;
  leads?: number;
  opportunities?: number;
  tasks?: number;
  events?: number;
  /** Records of Wide_Object__c, the 900-field object. */
  wideRecords?: number;
  /** Total fields of Wide_Object__c (standard ones included). */
  wideFields?: number;
}

const DAY = 86_400_000;

/** A pure pseudo-random number in [0, 1) for (index, salt): rows can be regenerated in any order. */
export function rand(index: number, salt: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

function pick<T>(items: readonly T[], r: number): T {
  const item = items[Math.floor(r * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

const f = (name: string, type: FieldType, extra: Partial<SimField> = {}): SimField => ({
  name,
  type,
  label: name.replace(/__c$/, '').replace(/_/g, ' '),
  nillable: type !== 'boolean' && type !== 'id',
  createable: type !== 'id',
  updateable: type !== 'id',
  custom: name.endsWith('__c'),
  ...extra
});
const ref = (name: string, to: string, relationshipName: string, extra: Partial<SimField> = {}): SimField =>
  f(name, 'reference', { referenceTo: [to], relationshipName, length: 18, ...extra });

function systemFields(owned: boolean): SimField[] {
  const fields: SimField[] = [
    f('Id', 'id', { length: 18, nillable: false }),
    f('IsDeleted', 'boolean', { createable: false, updateable: false }),
    f('CreatedDate', 'datetime', { createable: false, updateable: false, nillable: false }),
    ref('CreatedById', 'User', 'CreatedBy', { createable: false, updateable: false }),
    f('LastModifiedDate', 'datetime', { createable: false, updateable: false, nillable: false }),
    ref('LastModifiedById', 'User', 'LastModifiedBy', { createable: false, updateable: false }),
    f('SystemModstamp', 'datetime', { createable: false, updateable: false, nillable: false })
  ];
  if (owned) fields.push(ref('OwnerId', 'User', 'Owner', { nillable: false }));
  return fields;
}

export interface SeededUser extends SimRecord {
  Id: string;
  UserType: string;
  IsActive: boolean;
}

export interface Seed {
  objects: SimObject[];
  users: SeededUser[];
  /** The ids of active standard users who own records. */
  repIds: string[];
}

export const WIDE_OBJECT = 'Wide_Object__c';

export function buildSeed(options: SeedOptions = {}): Seed {
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const isoAt = (ms: number): string => new Date(ms).toISOString();
  const dateAt = (ms: number): string => isoAt(ms).slice(0, 10);
  const counts = {
    accounts: options.accounts ?? 40,
    contacts: options.contacts ?? 80,
    leads: options.leads ?? 50,
    opportunities: options.opportunities ?? 120,
    tasks: options.tasks ?? 200,
    events: options.events ?? 60,
    wideRecords: options.wideRecords ?? 30
  };

  // --- Profiles, roles, users -----------------------------------------------------------------------------
  // User licenses by LicenseDefinitionKey (an API key, never translated); profiles point to them, and
  // the API-only integration profile has PermissionsApiUserOnly, as in an org.
  const licenses = (
    [
      ['SFDC', 'Salesforce'],
      ['PID_Salesforce_Integration', 'Salesforce Integration']
    ] as const
  ).map(([LicenseDefinitionKey, Name], i): SimRecord => ({
    Id: makeId('100', i + 1),
    LicenseDefinitionKey,
    Name
  }));
  const profiles = (
    [
      ['System Administrator', 0, false],
      ['Standard User', 0, false],
      ['Salesforce API Only System Integrations', 1, true]
    ] as const
  ).map(([Name, license, apiOnly], i): SimRecord => ({
    Id: makeId('00e', i + 1),
    Name,
    UserLicenseId: licenses[license]?.Id ?? null,
    PermissionsApiUserOnly: apiOnly
  }));
  const roles = ['Sales North', 'Sales South', 'Sales West', 'Sales Management'].map(
    (Name, i): SimRecord => ({ Id: makeId('00E', i + 1), Name, DeveloperName: Name.replace(/ /g, '_') })
  );
  const userSpecs: Array<[string, string, string, number, number | null, boolean]> = [
    // name, userType, department, profile index, role index, active
    ['Ada Admin', 'Standard', 'IT', 0, 3, true],
    ['Bea North', 'Standard', 'Sales', 1, 0, true],
    ['Cyril North', 'Standard', 'Sales', 1, 0, true],
    ['Dina South', 'Standard', 'Sales', 1, 1, true],
    ['Émile South', 'Standard', 'Sales', 1, 1, true],
    ['Fanny West', 'Standard', 'Sales', 1, 2, true],
    ['Gaston West', 'Standard', 'Sales', 1, 2, true],
    ['Hélène Manager', 'Standard', 'Sales', 1, 3, true],
    ['Ivan Former', 'Standard', 'Sales', 1, 0, false],
    ['Integration User', 'Standard', 'IT', 2, null, true],
    ['Automated Process', 'AutomatedProcess', '', 0, null, true],
    ['Cloud Integration', 'CloudIntegrationUser', '', 2, null, true]
  ];
  const users: SeededUser[] = userSpecs.map(([name, userType, department, profile, role, active], i) => {
    const [first, ...rest] = name.split(' ');
    const id = makeId('005', i + 1);
    const login = (rand(i, 1) * 10 * DAY) | 0;
    return {
      Id: id,
      Username: `${name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z ]/g, '')
        .replace(/ /g, '.')}@example.com.sim`,
      Name: name,
      FirstName: first ?? null,
      LastName: rest.join(' ') || name,
      Email: `user${i + 1}@example.com`,
      IsActive: active,
      UserType: userType,
      ProfileId: profiles[profile]?.Id ?? null,
      UserRoleId: role === null ? null : (roles[role]?.Id ?? null),
      Department: department || null,
      LastLoginDate: userType === 'Standard' ? isoAt(nowMs - login) : null,
      CreatedDate: isoAt(nowMs - 400 * DAY),
      CreatedById: makeId('005', 1),
      LastModifiedDate: isoAt(nowMs - 30 * DAY),
      LastModifiedById: makeId('005', 1),
      SystemModstamp: isoAt(nowMs - 30 * DAY),
      IsDeleted: false
    };
  });
  const repIds = users
    .filter((u) => u.UserType === 'Standard' && u.IsActive && u.Department === 'Sales')
    .map((u) => u.Id);
  const ownerFor = (i: number, salt: number): string => pick(repIds, rand(i, salt));
  const createdAt = (i: number, salt: number): number => nowMs - Math.floor(rand(i, salt) * 365 * DAY);

  const objects: SimObject[] = [];
  const memory = (records: SimRecord[]) => ({ kind: 'memory' as const, records });

  objects.push({
    name: 'UserLicense',
    label: 'User License',
    keyPrefix: '100',
    custom: false,
    queryable: true,
    fields: [
      ...systemFields(false),
      f('Name', 'string', { length: 255 }),
      f('LicenseDefinitionKey', 'string', { length: 255 })
    ],
    store: memory(licenses)
  });
  objects.push({
    name: 'Profile',
    label: 'Profile',
    keyPrefix: '00e',
    custom: false,
    queryable: true,
    fields: [
      ...systemFields(false),
      f('Name', 'string', { length: 255 }),
      ref('UserLicenseId', 'UserLicense', 'UserLicense'),
      f('PermissionsApiUserOnly', 'boolean')
    ],
    store: memory(profiles)
  });
  objects.push({
    name: 'UserRole',
    label: 'Role',
    keyPrefix: '00E',
    custom: false,
    queryable: true,
    fields: [
      ...systemFields(false),
      f('Name', 'string', { length: 80 }),
      f('DeveloperName', 'string', { length: 80 })
    ],
    store: memory(roles)
  });
  // Queues (Group rows of Type Queue) and a public group: the sync names queue owners from them.
  objects.push({
    name: 'Group',
    label: 'Group',
    keyPrefix: '00G',
    custom: false,
    queryable: true,
    fields: [
      ...systemFields(false),
      f('Name', 'string', { length: 40 }),
      f('DeveloperName', 'string', { length: 80 }),
      f('Type', 'picklist', { length: 40 })
    ],
    store: memory([
      { Id: makeId('00G', 1), Name: 'Renewals Queue', DeveloperName: 'Renewals_Queue', Type: 'Queue' },
      { Id: makeId('00G', 2), Name: 'All Sales', DeveloperName: 'All_Sales', Type: 'Regular' }
    ])
  });
  objects.push({
    name: 'User',
    label: 'User',
    keyPrefix: '005',
    custom: false,
    queryable: true,
    fields: [
      ...systemFields(false),
      f('Username', 'string', { length: 80 }),
      f('Name', 'string', { length: 121 }),
      f('FirstName', 'string', { length: 40 }),
      f('LastName', 'string', { length: 80 }),
      f('Email', 'email', { length: 128 }),
      f('IsActive', 'boolean'),
      f('UserType', 'picklist', { length: 40 }),
      ref('ProfileId', 'Profile', 'Profile'),
      ref('UserRoleId', 'UserRole', 'UserRole'),
      f('Department', 'string', { length: 80 }),
      f('LastLoginDate', 'datetime')
    ],
    store: memory(users)
  });

  // --- Record types -----------------------------------------------------------------------------------------
  const recordTypeRows: SimRecord[] = [];
  const recordTypesFor = (sobjectType: string, names: string[]): SimRecordType[] =>
    names.map((developerName, i) => {
      const id = makeId('012', recordTypeRows.length + 1);
      recordTypeRows.push({
        Id: id,
        Name: developerName.replace(/_/g, ' '),
        DeveloperName: developerName,
        SobjectType: sobjectType,
        IsActive: true
      });
      return {
        recordTypeId: id,
        developerName,
        name: developerName.replace(/_/g, ' '),
        active: true,
        defaultRecordTypeMapping: i === 0,
        master: false
      };
    });
  const masterRecordType: SimRecordType = {
    recordTypeId: '012000000000000AAA',
    developerName: 'Master',
    name: 'Master',
    active: true,
    defaultRecordTypeMapping: false,
    master: true
  };
  const opportunityRecordTypes = recordTypesFor('Opportunity', ['New_Business', 'Renewal']);
  const accountRecordTypes = recordTypesFor('Account', ['Customer', 'Partner']);
  objects.push({
    name: 'RecordType',
    label: 'Record Type',
    keyPrefix: '012',
    custom: false,
    queryable: true,
    fields: [
      ...systemFields(false),
      f('Name', 'string', { length: 80 }),
      f('DeveloperName', 'string', { length: 80 }),
      f('SobjectType', 'picklist', { length: 40 }),
      f('IsActive', 'boolean')
    ],
    store: memory(recordTypeRows)
  });

  const standardRow = (prefix: string, i: number, salt: number): SimRecord => {
    const created = createdAt(i, salt);
    const modified = Math.min(nowMs, created + Math.floor(rand(i, salt + 1) * 60 * DAY));
    const owner = ownerFor(i, salt + 2);
    return {
      Id: makeId(prefix, i + 1),
      IsDeleted: false,
      CreatedDate: isoAt(created),
      CreatedById: owner,
      LastModifiedDate: isoAt(modified),
      LastModifiedById: rand(i, salt + 3) < 0.85 ? owner : ownerFor(i, salt + 4),
      SystemModstamp: isoAt(modified),
      OwnerId: owner
    };
  };
  const maybe = <T>(i: number, salt: number, fillRate: number, value: T): T | null =>
    rand(i, salt) < fillRate ? value : null;
  const tricky = [
    'Said "yes", then asked for a discount',
    'Two lines:\nfirst, then second',
    'Plain note',
    'Prix: 1 200 €; délai ok'
  ];

  // --- Account, Contact, Lead, Opportunity, Task, Event ----------------------------------------------------
  objects.push({
    name: 'Account',
    label: 'Account',
    keyPrefix: '001',
    custom: false,
    queryable: true,
    recordTypes: [...accountRecordTypes, masterRecordType],
    fields: [
      ...systemFields(true),
      f('Name', 'string', { length: 255, nillable: false }),
      ref('RecordTypeId', 'RecordType', 'RecordType'),
      f('Type', 'picklist', { length: 255 }),
      f('Industry', 'picklist', { length: 255 }),
      f('Phone', 'phone', { length: 40 }),
      f('Website', 'url', { length: 255 }),
      f('AnnualRevenue', 'currency'),
      f('NumberOfEmployees', 'int'),
      f('Description', 'textarea', { length: 32000 }),
      f('BillingStreet', 'textarea', { length: 255, compoundFieldName: 'BillingAddress' }),
      f('BillingCity', 'string', { length: 40, compoundFieldName: 'BillingAddress' }),
      f('BillingPostalCode', 'string', { length: 20, compoundFieldName: 'BillingAddress' }),
      f('BillingCountry', 'string', { length: 80, compoundFieldName: 'BillingAddress' }),
      f('BillingAddress', 'address', { createable: false, updateable: false }),
      f('Jigsaw', 'string', { length: 20, deprecatedAndHidden: true }),
      f('Logo__c', 'base64', { custom: true })
    ],
    store: {
      kind: 'generated',
      count: counts.accounts,
      row: (i) => ({
        ...standardRow('001', i, 10),
        Name: `Compte ${i + 1}, SA`,
        RecordTypeId: pick(accountRecordTypes, rand(i, 11)).recordTypeId,
        Type: maybe(i, 12, 0.9, pick(['Customer', 'Prospect', 'Partner'], rand(i, 13))),
        Industry: maybe(i, 14, 0.7, pick(['Banking', 'Retail', 'Energy', 'Manufacturing'], rand(i, 15))),
        Phone: maybe(i, 16, 0.6, `+33 1 ${String(i).padStart(8, '0')}`),
        Website: maybe(i, 17, 0.5, `https://compte${i + 1}.example.com`),
        AnnualRevenue: maybe(i, 18, 0.4, Math.round(rand(i, 19) * 5e7)),
        NumberOfEmployees: maybe(i, 20, 0.5, Math.round(rand(i, 21) * 5000)),
        Description: maybe(i, 22, 0.3, pick(tricky, rand(i, 23))),
        BillingStreet: maybe(i, 24, 0.8, `${i + 1} rue de la Paix`),
        BillingCity: maybe(i, 24, 0.8, 'Paris'),
        BillingPostalCode: maybe(i, 24, 0.8, '75002'),
        BillingCountry: maybe(i, 24, 0.8, 'France'),
        BillingAddress: null,
        Jigsaw: null,
        Logo__c: null
      })
    }
  });
  objects.push({
    name: 'Contact',
    label: 'Contact',
    keyPrefix: '003',
    custom: false,
    queryable: true,
    fields: [
      ...systemFields(true),
      f('FirstName', 'string', { length: 40 }),
      f('LastName', 'string', { length: 80, nillable: false }),
      f('Name', 'string', { length: 121, createable: false, updateable: false }),
      ref('AccountId', 'Account', 'Account'),
      f('Email', 'email', { length: 80 }),
      f('Phone', 'phone', { length: 40 }),
      f('Title', 'string', { length: 128 })
    ],
    store: {
      kind: 'generated',
      count: counts.contacts,
      row: (i) => ({
        ...standardRow('003', i, 30),
        FirstName: maybe(i, 31, 0.95, pick(['Anne', 'Louis', 'Chloé', 'Marc'], rand(i, 32))),
        LastName: `Durand${i + 1}`,
        Name: `Durand${i + 1}`,
        AccountId: makeId('001', (i % Math.max(1, counts.accounts)) + 1),
        Email: maybe(i, 33, 0.75, `contact${i + 1}@example.com`),
        Phone: maybe(i, 34, 0.5, `+33 6 ${String(i).padStart(8, '0')}`),
        Title: maybe(i, 35, 0.4, 'Directeur achats')
      })
    }
  });
  objects.push({
    name: 'Lead',
    label: 'Lead',
    keyPrefix: '00Q',
    custom: false,
    queryable: true,
    fields: [
      ...systemFields(true),
      f('LastName', 'string', { length: 80, nillable: false }),
      f('Company', 'string', { length: 255, nillable: false }),
      f('Status', 'picklist', { length: 255, nillable: false }),
      f('Email', 'email', { length: 80 }),
      f('Phone', 'phone', { length: 40 }),
      f('LeadSource', 'picklist', { length: 255 })
    ],
    store: {
      kind: 'generated',
      count: counts.leads,
      row: (i) => ({
        ...standardRow('00Q', i, 40),
        LastName: `Martin${i + 1}`,
        Company: `Prospect ${i + 1}`,
        Status: pick(['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted'], rand(i, 41)),
        Email: maybe(i, 42, 0.6, `lead${i + 1}@example.com`),
        Phone: maybe(i, 43, 0.5, `+33 7 ${String(i).padStart(8, '0')}`),
        LeadSource: maybe(i, 44, 0.7, pick(['Web', 'Salon', 'Partner'], rand(i, 45)))
      })
    }
  });
  const stages = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
  objects.push({
    name: 'Opportunity',
    label: 'Opportunity',
    keyPrefix: '006',
    custom: false,
    queryable: true,
    recordTypes: [...opportunityRecordTypes, masterRecordType],
    fields: [
      ...systemFields(true),
      f('Name', 'string', { length: 120, nillable: false }),
      ref('RecordTypeId', 'RecordType', 'RecordType'),
      ref('AccountId', 'Account', 'Account'),
      f('StageName', 'picklist', { length: 255, nillable: false }),
      f('Amount', 'currency'),
      f('Probability', 'percent'),
      f('CloseDate', 'date', { nillable: false }),
      f('NextStep', 'string', { length: 255 }),
      f('LeadSource', 'picklist', { length: 255 }),
      f('Type', 'picklist', { length: 255 }),
      f('Description', 'textarea', { length: 32000 }),
      f('ForecastCategoryName', 'picklist', { length: 255 }),
      f('IsClosed', 'boolean', { calculated: true, createable: false, updateable: false }),
      f('IsWon', 'boolean', { calculated: true, createable: false, updateable: false }),
      f('Competitor__c', 'string', { length: 80, custom: true }),
      f('Decision_Maker__c', 'string', { length: 80, custom: true }),
      f('Budget_Confirmed__c', 'boolean', { custom: true }),
      f('Legacy_Code__c', 'string', { length: 20, custom: true, deprecatedAndHidden: true })
    ],
    store: {
      kind: 'generated',
      count: counts.opportunities,
      row: (i) => {
        const stage = pick(stages, rand(i, 51));
        const closed = stage.startsWith('Closed');
        return {
          ...standardRow('006', i, 50),
          Name: `Affaire ${i + 1}`,
          RecordTypeId: pick(opportunityRecordTypes, rand(i, 52)).recordTypeId,
          AccountId: maybe(i, 53, 0.95, makeId('001', (i % Math.max(1, counts.accounts)) + 1)),
          StageName: stage,
          Amount: maybe(i, 54, 0.8, Math.round(rand(i, 55) * 200_000)),
          Probability: closed ? (stage === 'Closed Won' ? 100 : 0) : 10 + stages.indexOf(stage) * 20,
          CloseDate: dateAt(nowMs + Math.floor((rand(i, 56) - 0.6) * 180 * DAY)),
          NextStep: maybe(i, 57, closed ? 0.1 : 0.55, 'Relancer le client'),
          LeadSource: maybe(i, 58, 0.6, pick(['Web', 'Salon', 'Partner'], rand(i, 59))),
          Type: maybe(i, 60, 0.7, pick(['New Business', 'Existing Business'], rand(i, 61))),
          Description: maybe(i, 62, 0.35, pick(tricky, rand(i, 63))),
          ForecastCategoryName: closed ? (stage === 'Closed Won' ? 'Closed' : 'Omitted') : 'Pipeline',
          IsClosed: closed,
          IsWon: stage === 'Closed Won',
          Competitor__c: maybe(i, 64, 0.3, pick(['Globex', 'Initech'], rand(i, 65))),
          Decision_Maker__c: maybe(i, 66, 0.45, `Décideur ${i + 1}`),
          Budget_Confirmed__c: rand(i, 67) < 0.4,
          Legacy_Code__c: null
        };
      }
    }
  });
  const activityFields = (date: 'ActivityDate' | 'ActivityDateTime'): SimField[] => [
    ...systemFields(true),
    f('Subject', 'string', { length: 255 }),
    ref('WhatId', 'Opportunity', 'What'),
    ref('WhoId', 'Contact', 'Who'),
    date === 'ActivityDate' ? f('ActivityDate', 'date') : f('ActivityDateTime', 'datetime'),
    ...(date === 'ActivityDate' ? [f('Status', 'picklist', { length: 40 })] : [])
  ];
  objects.push({
    name: 'Task',
    label: 'Task',
    keyPrefix: '00T',
    custom: false,
    queryable: true,
    fields: activityFields('ActivityDate'),
    store: {
      kind: 'generated',
      count: counts.tasks,
      row: (i) => {
        const base = standardRow('00T', i, 70);
        return {
          ...base,
          Subject: pick(['Call', 'Email', 'Send quote'], rand(i, 71)),
          WhatId: maybe(i, 72, 0.7, makeId('006', (i % Math.max(1, counts.opportunities)) + 1)),
          WhoId: maybe(i, 73, 0.5, makeId('003', (i % Math.max(1, counts.contacts)) + 1)),
          ActivityDate: String(base.CreatedDate).slice(0, 10),
          Status: rand(i, 74) < 0.7 ? 'Completed' : 'Not Started'
        };
      }
    }
  });
  objects.push({
    name: 'Event',
    label: 'Event',
    keyPrefix: '00U',
    custom: false,
    queryable: true,
    fields: activityFields('ActivityDateTime'),
    store: {
      kind: 'generated',
      count: counts.events,
      row: (i) => {
        const base = standardRow('00U', i, 80);
        return {
          ...base,
          Subject: pick(['Meeting', 'Demo', 'Lunch'], rand(i, 81)),
          WhatId: maybe(i, 82, 0.6, makeId('006', (i % Math.max(1, counts.opportunities)) + 1)),
          WhoId: maybe(i, 83, 0.6, makeId('003', (i % Math.max(1, counts.contacts)) + 1)),
          ActivityDateTime: base.CreatedDate ?? null
        };
      }
    }
  });

  // --- A 900-field custom object (sfdx-hardis fails at 842 with HTTP 431) ----------------------------------
  const wideSystem = [...systemFields(true), f('Name', 'string', { length: 80 })];
  const wideTotal = options.wideFields ?? 900;
  const wideCustom: SimField[] = [];
  for (let n = 1; wideSystem.length + wideCustom.length < wideTotal; n++) {
    const type: FieldType =
      n % 10 === 0 ? 'double' : n % 10 === 1 ? 'boolean' : n % 10 === 2 ? 'date' : 'string';
    wideCustom.push(
      f(`Wide_Field_${String(n).padStart(3, '0')}__c`, type, type === 'string' ? { length: 255 } : {})
    );
  }
  objects.push({
    name: WIDE_OBJECT,
    label: 'Wide Object',
    keyPrefix: 'a09',
    custom: true,
    queryable: true,
    fields: [...wideSystem, ...wideCustom],
    store: {
      kind: 'generated',
      count: counts.wideRecords,
      row: (i) => {
        const row: SimRecord = { ...standardRow('a09', i, 90), Name: `W-${i + 1}` };
        wideCustom.forEach((field, n) => {
          const fill = (n % 7) / 7 + 0.1; // fill rates between 10 % and 96 %
          const filled = rand(i, 1000 + n) < fill;
          row[field.name] =
            field.type === 'boolean'
              ? filled
              : !filled
                ? null
                : field.type === 'double'
                  ? Math.round(rand(i, 2000 + n) * 1000) / 10
                  : field.type === 'date'
                    ? dateAt(nowMs - n * DAY)
                    : `v${n}-${i}`;
        });
        return row;
      }
    }
  });

  // --- Custom metadata types (queried with SOQL, like the real __mdt) ---------------------------------------
  const mdtFields = (extra: SimField[]): SimField[] => [
    f('Id', 'id', { length: 18, nillable: false }),
    f('DeveloperName', 'string', { length: 40 }),
    f('MasterLabel', 'string', { length: 40 }),
    f('Label', 'string', { length: 40 }),
    f('QualifiedApiName', 'string', { length: 70 }),
    f('NamespacePrefix', 'string', { length: 15 }),
    ...extra
  ];
  const mdtRows = (
    prefix: string,
    rows: Array<Record<string, string | number | boolean | null>>
  ): SimRecord[] =>
    rows.map((row, i) => ({
      Id: makeId(prefix, i + 1),
      MasterLabel: String(row.DeveloperName).replace(/_/g, ' '),
      Label: String(row.DeveloperName).replace(/_/g, ' '),
      QualifiedApiName: String(row.DeveloperName),
      NamespacePrefix: null,
      ...row
    }));
  objects.push({
    name: 'Completeness_Rule__mdt',
    label: projectObjectLabel('Completeness_Rule__mdt'),
    keyPrefix: 'm01',
    custom: true,
    queryable: true,
    fields: mdtFields(projectObjectFields('Completeness_Rule__mdt')),
    store: memory(
      mdtRows('m01', [
        {
          DeveloperName: 'Opportunity_Amount',
          Object__c: 'Opportunity',
          Field__c: 'Amount',
          Weight__c: 3,
          Record_Types__c: null,
          Stages__c: null,
          Active__c: true
        },
        {
          DeveloperName: 'Opportunity_NextStep',
          Object__c: 'Opportunity',
          Field__c: 'NextStep',
          Weight__c: 2,
          Record_Types__c: null,
          Stages__c: 'Prospecting,Qualification,Proposal,Negotiation',
          Active__c: true
        },
        {
          DeveloperName: 'Opportunity_Competitor',
          Object__c: 'Opportunity',
          Field__c: 'Competitor__c',
          Weight__c: 1,
          Record_Types__c: 'New_Business',
          Stages__c: 'Proposal,Negotiation',
          Active__c: true
        },
        {
          DeveloperName: 'Account_Industry',
          Object__c: 'Account',
          Field__c: 'Industry',
          Weight__c: 2,
          Record_Types__c: null,
          Stages__c: null,
          Active__c: true
        },
        {
          DeveloperName: 'Account_Phone',
          Object__c: 'Account',
          Field__c: 'Phone',
          Weight__c: 1,
          Record_Types__c: null,
          Stages__c: null,
          Active__c: true
        },
        {
          DeveloperName: 'Contact_Email',
          Object__c: 'Contact',
          Field__c: 'Email',
          Weight__c: 2,
          Record_Types__c: null,
          Stages__c: null,
          Active__c: true
        },
        {
          DeveloperName: 'Lead_Email',
          Object__c: 'Lead',
          Field__c: 'Email',
          Weight__c: 1,
          Record_Types__c: null,
          Stages__c: 'Working - Contacted',
          Active__c: true
        },
        {
          DeveloperName: 'Lead_Phone_Inactive',
          Object__c: 'Lead',
          Field__c: 'Phone',
          Weight__c: 1,
          Record_Types__c: null,
          Stages__c: null,
          Active__c: false
        }
      ])
    )
  });
  objects.push({
    name: 'Benefit_Rule__mdt',
    label: projectObjectLabel('Benefit_Rule__mdt'),
    keyPrefix: 'm02',
    custom: true,
    queryable: true,
    fields: mdtFields(projectObjectFields('Benefit_Rule__mdt')),
    store: memory(
      mdtRows('m02', [
        {
          DeveloperName: 'Task_Logged',
          Activity__c: 'Task_Logged',
          Minutes_Per_Unit__c: 2,
          Description_EN__c: 'Calls logged once, visible to the team',
          Description_FR__c: "Appels saisis une fois, visibles par l'équipe",
          Replaces_Manual_Report__c: false,
          Sort_Order__c: 1,
          Active__c: true
        },
        {
          DeveloperName: 'Record_Updated',
          Activity__c: 'Record_Updated',
          Minutes_Per_Unit__c: 1.5,
          Description_EN__c: 'No more Excel pipeline updates',
          Description_FR__c: 'Plus de mise à jour du pipeline sous Excel',
          Replaces_Manual_Report__c: true,
          Sort_Order__c: 2,
          Active__c: true
        },
        {
          DeveloperName: 'Weekly_Report',
          Activity__c: 'Report_Replaced',
          Minutes_Per_Unit__c: 45,
          Description_EN__c: 'Weekly report to the manager built for you',
          Description_FR__c: 'Reporting hebdomadaire au manager automatique',
          Replaces_Manual_Report__c: true,
          Sort_Order__c: 3,
          Active__c: true
        }
      ])
    )
  });
  objects.push({
    name: 'Cockpit_Setting__mdt',
    label: projectObjectLabel('Cockpit_Setting__mdt'),
    keyPrefix: 'm03',
    custom: true,
    queryable: true,
    fields: mdtFields(projectObjectFields('Cockpit_Setting__mdt')),
    store: memory(
      mdtRows('m03', [
        {
          DeveloperName: 'Default',
          Quiet_Opportunity_Days__c: 14,
          Untouched_Lead_Hours__c: 24,
          Excluded_User_Types__c: 'AutomatedProcess,CloudIntegrationUser,CsnOnly,Guest',
          Excluded_Profiles__c: null,
          Excluded_User_Licenses__c: null,
          Exclude_API_Only_Users__c: true,
          Readiness_Threshold__c: 90,
          Team_Field__c: 'UserRole.Name',
          Snapshot_Period__c: 'Week',
          User_Snapshot_Retention_Weeks__c: 20,
          Follow_Up_Weeks__c: 4,
          Champion_Candidates__c: 5
        }
      ])
    )
  });

  // --- Snapshot objects written by the sync (docs/ARCHITECTURE.md) ------------------------------------------
  // Their custom fields are the package's own (project-objects.ts reads them from force-app).
  for (const [name, keyPrefix] of [
    ['User_Adoption_Snapshot__c', 'a05'],
    ['Team_Adoption_Snapshot__c', 'a06'],
    ['Completeness_Snapshot__c', 'a07']
  ] as const) {
    objects.push({
      name,
      label: projectObjectLabel(name),
      keyPrefix,
      custom: true,
      queryable: true,
      fields: [...systemFields(true), f('Name', 'string', { length: 80 }), ...projectObjectFields(name)],
      store: memory([])
    });
  }

  // An object the API lists but does not let anyone query (describeGlobal queryable=false).
  objects.push({
    name: 'AuraDefinitionInfo',
    label: 'Aura Definition Info',
    keyPrefix: '0Ad',
    custom: false,
    queryable: false,
    fields: [f('Id', 'id', { length: 18, nillable: false })],
    store: memory([])
  });

  return { objects, users, repIds };
}
