/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and fixed-size-array indexes bounded by construction in hot loops (noUncheckedIndexedAccess); checks would cost per cell. */
// Generates a realistic Salesforce Data Export (CSV, quoted like the real one) for the demo: a company of
// 40 reps in 5 teams with their managers, key users, a sponsor, integration/automated users and two
// people who left, and a year of accounts, contacts, leads, opportunities (every stage, two record types),
// tasks and events, with believable gaps: every rep has a diligence of their own.
// Deterministic: the same seed gives byte-identical files.
//
//   npx tsx scripts/demo/generate-sample-export.ts [--out data/sample-export] [--seed 42]

import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { idKey } from '../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';

/**
 * The last day of the sample's data (the day the sample "export" was taken: its users' latest logins). The
 * demo measures the last complete week before it (the export's default period, engine/stages/plan.ts).
 */
const SAMPLE_AS_OF = '2026-11-20';
export const DEFAULT_SAMPLE_DIR = 'data/sample-export';
const DAY = 86_400_000;

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** An 18-character Salesforce-like Id: key prefix + pod + counter, and the letter-case checksum (idKey). */
export function sfId(prefix: string, n: number): string {
  let s = '';
  let v = n;
  for (let i = 0; i < 10; i++) {
    s = ALPHABET[v % 62]! + s;
    v = Math.floor(v / 62);
  }
  return idKey(`${prefix}5g${s}`);
}

function quote(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '""';
  return `"${String(value).replace(/"/g, '""')}"`;
}

/** Owner and audit columns of every exported business object, in export order. */
const AUDIT_COLUMNS = ['OwnerId', 'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate'];

class CsvFile {
  private readonly stream: Writable;
  private buffer: string[] = [];
  constructor(
    path: string,
    private readonly columns: readonly string[]
  ) {
    this.stream = createWriteStream(path);
    this.buffer.push(columns.map(quote).join(',') + '\n');
  }
  async row(values: Record<string, string | number | boolean | null | undefined>): Promise<void> {
    this.buffer.push(this.columns.map((c) => quote(values[c])).join(',') + '\n');
    if (this.buffer.length >= 2000) await this.flush();
  }
  private async flush(): Promise<void> {
    const text = this.buffer.join('');
    this.buffer = [];
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

const FIRST = [
  'Camille',
  'Léa',
  'Hugo',
  'Louis',
  'Chloé',
  'Manon',
  'Lucas',
  'Inès',
  'Jules',
  'Emma',
  'Nathan',
  'Sarah',
  'Théo',
  'Zoé',
  'Arthur',
  'Jade',
  'Raphaël',
  'Alice',
  'Gabriel',
  'Lina',
  'Paul',
  'Anaïs',
  'Tom',
  'Clara',
  'Maxime',
  'Julie',
  'Antoine',
  'Pauline',
  'Victor',
  'Élise'
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand'
];
const TEAMS = ['Paris Sales', 'Lyon Sales', 'Lille Sales', 'Inside Sales', 'Key Accounts'];
const CITIES: Record<string, string[]> = {
  'Paris Sales': ['Paris', 'Boulogne-Billancourt', 'Versailles', 'Nanterre'],
  'Lyon Sales': ['Lyon', 'Grenoble', 'Saint-Étienne', 'Annecy'],
  'Lille Sales': ['Lille', 'Roubaix', 'Amiens', 'Arras'],
  'Inside Sales': ['Toulouse', 'Bordeaux', 'Nantes', 'Rennes'],
  'Key Accounts': ['Paris', 'Marseille', 'Nice', 'Strasbourg']
};
const INDUSTRIES = [
  'Manufacturing',
  'Retail',
  'Healthcare',
  'Banking',
  'Energy',
  'Transportation',
  'Technology',
  'Food & Beverage'
];
const ACCOUNT_TYPES = ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller'];
const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Trade Show', 'Word of mouth', 'Email'];
const STAGES: { name: string; probability: number; closed: boolean; won: boolean }[] = [
  { name: 'Prospecting', probability: 10, closed: false, won: false },
  { name: 'Qualification', probability: 10, closed: false, won: false },
  { name: 'Needs Analysis', probability: 20, closed: false, won: false },
  { name: 'Value Proposition', probability: 50, closed: false, won: false },
  { name: 'Id. Decision Makers', probability: 60, closed: false, won: false },
  { name: 'Perception Analysis', probability: 70, closed: false, won: false },
  { name: 'Proposal/Price Quote', probability: 75, closed: false, won: false },
  { name: 'Negotiation/Review', probability: 90, closed: false, won: false },
  { name: 'Closed Won', probability: 100, closed: true, won: true },
  { name: 'Closed Lost', probability: 0, closed: true, won: false }
];
const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted'
];
const TASK_SUBJECTS = [
  'Call',
  'Send quote',
  'Follow-up email',
  'Prepare proposal',
  'Send letter',
  'Check contract'
];
const EVENT_SUBJECTS = ['Meeting', 'Demo', 'Lunch with client', 'Site visit', 'Quarterly review'];

interface Person {
  id: string;
  first: string;
  last: string;
  team: string;
  roleId: string;
  profileId: string;
  userType: string;
  isActive: boolean;
  /** 0..1: how completely they fill fields in. */
  diligence: number;
  /** Relative activity (1 = typical). */
  activity: number;
  kind: 'rep' | 'manager' | 'sponsor' | 'admin' | 'integration';
  lastLogin: number | null;
  managerId: string | null;
}

export interface GenerateOptions {
  outDir?: string;
  seed?: number;
  /** Multiplies record volumes (tests use a small scale). */
  scale?: number;
}

/** Writes the sample export; returns the files written and their row counts. */
export async function generateSampleExport(options: GenerateOptions = {}): Promise<Record<string, number>> {
  const outDir = options.outDir ?? DEFAULT_SAMPLE_DIR;
  const rand = prng(options.seed ?? 42);
  const scale = options.scale ?? 1;
  mkdirSync(outDir, { recursive: true });
  const counts: Record<string, number> = {};
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const chance = (p: number): boolean => rand() < p;
  const endDay = Math.floor(Date.parse(`${SAMPLE_AS_OF}T00:00:00Z`) / DAY);
  const startDay = endDay - 364;
  const iso = (day: number, minutes: number): string => new Date(day * DAY + minutes * 60_000).toISOString();
  const dateOnly = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
  const workMinutes = (): number => 7 * 60 + Math.floor(rand() * 11 * 60); // 07:00–18:00 UTC
  const weekday = (day: number): boolean => {
    const d = new Date(day * DAY).getUTCDay();
    return d !== 0 && d !== 6;
  };

  // Profiles, roles.
  // PermissionsApiUserOnly: the integration profiles are API only, which is how the sync excludes
  // their users (standard profile names are translated, so names are never compared).
  const profiles = [
    { Id: sfId('00e', 1), Name: 'Standard User', PermissionsApiUserOnly: 'false' },
    { Id: sfId('00e', 2), Name: 'System Administrator', PermissionsApiUserOnly: 'false' },
    { Id: sfId('00e', 3), Name: 'Salesforce API Only System Integrations', PermissionsApiUserOnly: 'true' },
    { Id: sfId('00e', 4), Name: 'Analytics Cloud Integration User', PermissionsApiUserOnly: 'true' },
    { Id: sfId('00e', 5), Name: 'Minimum Access - Salesforce', PermissionsApiUserOnly: 'false' }
  ];
  const roles = [
    { Id: sfId('00E', 1), Name: 'Sales Director', DeveloperName: 'Sales_Director', ParentRoleId: '' },
    ...TEAMS.map((team, i) => ({
      Id: sfId('00E', i + 2),
      Name: team,
      DeveloperName: team.replace(/\W+/g, '_'),
      ParentRoleId: sfId('00E', 1)
    }))
  ];
  const roleOf = (team: string): string => roles.find((r) => r.Name === team)!.Id;

  // People.
  const people: Person[] = [];
  let userN = 1;
  const usedNames = new Set<string>();
  const person = (kind: Person['kind'], team: string, extra: Partial<Person> = {}): Person => {
    let first = pick(FIRST);
    let last = pick(LAST);
    while (usedNames.has(`${first} ${last}`)) {
      first = pick(FIRST);
      last = pick(LAST);
    }
    usedNames.add(`${first} ${last}`);
    const p: Person = {
      id: sfId('005', userN++),
      first,
      last,
      team,
      roleId: team ? roleOf(team) : '',
      profileId: profiles[0]!.Id,
      userType: 'Standard',
      isActive: true,
      diligence: 0.85,
      activity: 1,
      kind,
      lastLogin: endDay - Math.floor(rand() * 3),
      managerId: null,
      ...extra
    };
    people.push(p);
    return p;
  };
  const sponsor = person('sponsor', '', { roleId: roles[0]!.Id, diligence: 0.9, activity: 0.2 });
  person('admin', '', { profileId: profiles[1]!.Id, diligence: 0.95, activity: 0.1 });
  const reps: Person[] = [];
  for (const team of TEAMS) {
    const manager = person('manager', team, { managerId: sponsor.id, diligence: 0.8, activity: 0.4 });
    for (let i = 0; i < 8; i++) {
      // A spread of habits: a few champions, most average, a few who barely fill anything in.
      const r = rand();
      const diligence = r < 0.15 ? 0.25 + rand() * 0.2 : r < 0.8 ? 0.6 + rand() * 0.25 : 0.9 + rand() * 0.09;
      const activity = r < 0.15 ? 0.3 + rand() * 0.3 : r < 0.8 ? 0.8 + rand() * 0.4 : 1.3 + rand() * 0.5;
      const lastLogin = r < 0.15 ? endDay - 3 - Math.floor(rand() * 25) : endDay - Math.floor(rand() * 2);
      reps.push(person('rep', team, { managerId: manager.id, diligence, activity, lastLogin }));
    }
  }
  // Two reps who left (inactive): they still own records.
  const leavers = [reps[3]!, reps[21]!];
  for (const l of leavers) {
    l.isActive = false;
    l.lastLogin = endDay - 120 - Math.floor(rand() * 60);
  }
  const integration = person('integration', '', {
    profileId: profiles[2]!.Id,
    first: 'Integration',
    last: 'ERP Sync',
    lastLogin: endDay
  });
  person('integration', '', {
    userType: 'AutomatedProcess',
    first: 'Automated',
    last: 'Process',
    lastLogin: null
  });
  const marketing = person('integration', '', {
    userType: 'CloudIntegrationUser',
    profileId: profiles[3]!.Id,
    first: 'Marketing',
    last: 'Cloud Connector',
    lastLogin: endDay
  });
  const activeReps = reps.filter((r) => r.isActive);

  const users = new CsvFile(join(outDir, 'User.csv'), [
    'Id',
    'Username',
    'FirstName',
    'LastName',
    'Name',
    'Email',
    'IsActive',
    'UserType',
    'ProfileId',
    'UserRoleId',
    'ManagerId',
    'Department',
    'Title',
    'LastLoginDate',
    'CreatedDate'
  ]);
  for (const p of people) {
    const email = `${p.first}.${p.last}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    await users.row({
      Id: p.id,
      Username: `${email}@acme-demo.example`,
      FirstName: p.first,
      LastName: p.last,
      Name: `${p.first} ${p.last}`,
      Email: `${email}@acme-demo.example`,
      IsActive: p.isActive,
      UserType: p.userType,
      ProfileId: p.profileId,
      UserRoleId: p.roleId,
      ManagerId: p.managerId,
      Department: p.team ? p.team.replace(' Sales', '') : p.kind === 'integration' ? 'IT' : 'Management',
      Title:
        p.kind === 'rep'
          ? 'Account Executive'
          : p.kind === 'manager'
            ? 'Sales Manager'
            : p.kind === 'sponsor'
              ? 'VP Sales'
              : '',
      LastLoginDate: p.lastLogin === null ? '' : iso(p.lastLogin, workMinutes()),
      CreatedDate: iso(startDay - 400, 540)
    });
  }
  await users.close();
  counts.User = people.length;

  const write = async (name: string, columns: string[], rows: Record<string, string>[]): Promise<void> => {
    const f = new CsvFile(join(outDir, `${name}.csv`), columns);
    for (const r of rows) await f.row(r);
    await f.close();
    counts[name] = rows.length;
  };
  await write('Profile', ['Id', 'Name', 'PermissionsApiUserOnly'], profiles);
  await write('UserRole', ['Id', 'Name', 'DeveloperName', 'ParentRoleId'], roles);
  const recordTypes = [
    { Id: sfId('012', 1), Name: 'New Business', DeveloperName: 'New_Business', SobjectType: 'Opportunity' },
    { Id: sfId('012', 2), Name: 'Renewal', DeveloperName: 'Renewal', SobjectType: 'Opportunity' }
  ];
  await write('RecordType', ['Id', 'Name', 'DeveloperName', 'SobjectType'], recordTypes);
  // The queue that owns unassigned leads (below): Group.csv names it in the report.
  await write(
    'Group',
    ['Id', 'Name', 'DeveloperName', 'Type'],
    [{ Id: sfId('00G', 1), Name: 'Marketing leads', DeveloperName: 'Marketing_Leads', Type: 'Queue' }]
  );

  // Key users: two per team, the most diligent active reps; one referent.
  const keyUsers: Record<string, string>[] = [];
  for (const team of TEAMS) {
    const best = activeReps
      .filter((r) => r.team === team)
      .sort((a, b) => b.diligence - a.diligence)
      .slice(0, 2);
    for (const [i, k] of best.entries()) {
      keyUsers.push({
        Id: sfId('a01', keyUsers.length + 1),
        Name: `${k.first} ${k.last}`,
        User__c: k.id,
        User_Key__c: k.id,
        Team__c: team,
        Role__c: i === 0 ? 'Ambassador' : 'Local_Relay',
        Lifecycle_Status__c: i === 0 ? 'Active' : 'Trained',
        Nominated_On__c: dateOnly(startDay + 10),
        Trained_On__c: dateOnly(startDay + 30)
      });
    }
  }
  await write(
    'Key_User__c',
    [
      'Id',
      'Name',
      'User__c',
      'User_Key__c',
      'Team__c',
      'Role__c',
      'Lifecycle_Status__c',
      'Nominated_On__c',
      'Trained_On__c'
    ],
    keyUsers
  );
  await write(
    'Sponsor_Message__c',
    ['Id', 'Name', 'Sponsor__c', 'Audience_Type__c', 'Publish_From__c'],
    [
      {
        Id: sfId('a02', 1),
        Name: 'Why we fill in Next Step',
        Sponsor__c: sponsor.id,
        Audience_Type__c: 'Everyone',
        Publish_From__c: iso(endDay - 20, 480)
      },
      {
        Id: sfId('a02', 2),
        Name: 'One pipeline, no more Excel',
        Sponsor__c: sponsor.id,
        Audience_Type__c: 'Everyone',
        Publish_From__c: iso(endDay - 60, 480)
      }
    ]
  );

  // Record helpers: created on a working day of the year, modified later (or not).
  const createdDay = (): number => {
    // Usage grows after go-live: more records in recent months.
    const t = Math.sqrt(rand());
    let d = startDay + Math.floor(t * 365);
    while (!weekday(d)) d--;
    return Math.max(startDay, d);
  };
  /** Owner and audit values of a record created and last modified by its owner at `created`. */
  const ownedBy = (owner: Person, created: string): Record<string, string> => ({
    OwnerId: owner.id,
    CreatedById: owner.id,
    CreatedDate: created,
    LastModifiedById: owner.id,
    LastModifiedDate: created,
    IsDeleted: 'false'
  });
  const system = (owner: Person, day: number): Record<string, string> => {
    const created = iso(day, workMinutes());
    const modifiedDay = chance(0.55) ? Math.min(endDay, day + Math.floor(rand() * (endDay - day + 1))) : day;
    const modifier = owner.isActive || modifiedDay < endDay - 150 ? owner : pick(activeReps);
    if (modifiedDay === day) {
      return ownedBy(owner, created);
    }
    return {
      ...ownedBy(owner, created),
      LastModifiedById: modifier.id,
      LastModifiedDate: iso(modifiedDay, workMinutes())
    };
  };
  const fill = (p: Person, base: number, value: string): string =>
    chance(Math.min(1, base * p.diligence)) ? value : '';
  const phone = (): string =>
    `+33 ${1 + Math.floor(rand() * 5)} ${String(Math.floor(rand() * 1e8))
      .padStart(8, '0')
      .replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  const ownerPool = [...reps, ...reps, ...people.filter((p) => p.kind === 'manager')];

  // Accounts.
  const accountColumns = [
    'Id',
    'Name',
    'Type',
    'Industry',
    'Phone',
    'Website',
    'BillingStreet',
    'BillingCity',
    'BillingPostalCode',
    'BillingCountry',
    'NumberOfEmployees',
    'AnnualRevenue',
    'Description',
    ...AUDIT_COLUMNS,
    'IsDeleted'
  ];
  const accounts: { id: string; owner: Person; name: string; day: number }[] = [];
  const accountFile = new CsvFile(join(outDir, 'Account.csv'), accountColumns);
  const accountCount = Math.round(1600 * scale);
  for (let i = 0; i < accountCount; i++) {
    const owner = i % 25 === 0 ? integration : pick(ownerPool);
    const day = createdDay();
    const id = sfId('001', i + 1);
    const name = `${pick(LAST)} ${pick(['SA', 'SAS', 'Industries', 'Groupe', 'Services', 'Distribution', '& Fils'])} ${i + 1}`;
    accounts.push({ id, owner, name, day });
    const d = owner.kind === 'integration' ? 0.95 : owner.diligence;
    const o = { ...owner, diligence: d };
    await accountFile.row({
      Id: id,
      Name: name,
      Type: fill(o, 1.05, pick(ACCOUNT_TYPES)),
      Industry: fill(o, 0.95, pick(INDUSTRIES)),
      Phone: fill(o, 1.0, phone()),
      Website: fill(
        o,
        0.8,
        `https://www.${name
          .split(' ')[0]!
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')}${i}.example`
      ),
      BillingStreet: fill(
        o,
        0.7,
        `${1 + Math.floor(rand() * 120)} rue ${pick(['de la République', 'Victor Hugo', 'Nationale', 'du Commerce', 'des Lilas'])}`
      ),
      BillingCity: fill(o, 1.05, pick(CITIES[owner.team] ?? CITIES['Paris Sales']!)),
      BillingPostalCode: fill(o, 0.7, String(10000 + Math.floor(rand() * 85000))),
      BillingCountry: fill(o, 1.1, 'France'),
      NumberOfEmployees: fill(o, 0.5, String(5 + Math.floor(rand() * 5000))),
      AnnualRevenue: fill(o, 0.4, String(100000 * (1 + Math.floor(rand() * 500)))),
      Description: fill(
        o,
        0.3,
        chance(0.3)
          ? `Key account.\nMet at "${pick(['Salon', 'Forum', 'VivaTech'])}" 2025`
          : 'Regional account'
      ),
      ...system(owner, day)
    });
  }
  await accountFile.close();
  counts.Account = accountCount;

  // Contacts.
  const contactFile = new CsvFile(join(outDir, 'Contact.csv'), [
    'Id',
    'AccountId',
    'FirstName',
    'LastName',
    'Title',
    'Email',
    'Phone',
    'MobilePhone',
    'Department',
    'LeadSource',
    'HasOptedOutOfEmail',
    'DoNotCall',
    ...AUDIT_COLUMNS,
    'IsDeleted'
  ]);
  let contactN = 0;
  const contacts: string[] = [];
  for (const a of accounts) {
    const n = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < n; k++) {
      const id = sfId('003', ++contactN);
      contacts.push(id);
      const owner = a.owner;
      const first = pick(FIRST);
      const last = pick(LAST);
      const o = owner.kind === 'integration' ? { ...owner, diligence: 0.95 } : owner;
      const day = Math.min(endDay, a.day + Math.floor(rand() * 60));
      await contactFile.row({
        Id: id,
        AccountId: a.id,
        FirstName: first,
        LastName: last,
        Title: fill(
          o,
          0.9,
          pick(['CEO', 'CFO', 'Directeur achats', 'Head of IT', 'Office Manager', 'Responsable logistique'])
        ),
        Email: fill(
          o,
          1.05,
          `${first}.${last}${contactN}@client.example`
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()
        ),
        Phone: fill(o, 0.85, phone()),
        MobilePhone: fill(o, 0.5, phone()),
        Department: fill(o, 0.4, pick(['Achats', 'Finance', 'IT', 'Direction'])),
        LeadSource: fill(o, 0.6, pick(LEAD_SOURCES)),
        HasOptedOutOfEmail: chance(0.05),
        DoNotCall: chance(0.03),
        ...system(owner, day)
      });
    }
  }
  await contactFile.close();
  counts.Contact = contactN;

  // Leads: some from marketing (owned by a queue until assigned), some by reps.
  const queueId = sfId('00G', 1);
  const leadFile = new CsvFile(join(outDir, 'Lead.csv'), [
    'Id',
    'FirstName',
    'LastName',
    'Company',
    'Title',
    'Email',
    'Phone',
    'Status',
    'LeadSource',
    'Industry',
    'Rating',
    'IsConverted',
    ...AUDIT_COLUMNS,
    'IsDeleted'
  ]);
  const leadCount = Math.round(2400 * scale);
  for (let i = 0; i < leadCount; i++) {
    const fromMarketing = chance(0.3);
    const owner = fromMarketing && chance(0.2) ? null : pick(activeReps);
    const day = createdDay();
    const status = day > endDay - 10 ? pick(LEAD_STATUSES.slice(0, 2)) : pick(LEAD_STATUSES);
    const o = owner ?? { ...marketing, diligence: 0.9 };
    const sys = system(owner ?? marketing, day);
    if (fromMarketing) sys.CreatedById = marketing.id;
    if (!owner) sys.OwnerId = queueId;
    await leadFile.row({
      Id: sfId('00Q', i + 1),
      FirstName: pick(FIRST),
      LastName: pick(LAST),
      Company:
        fill(o, 1.1, `${pick(LAST)} ${pick(['SARL', 'SA', 'Conseil', 'Tech'])}`) ||
        (fromMarketing ? '' : '[not provided]'),
      Title: fill(o, 0.6, pick(['Gérant', 'Directeur', 'Acheteur', 'Assistant'])),
      Email: fill(o, fromMarketing ? 1.1 : 0.9, `lead${i}@prospect.example`),
      Phone: fill(o, 0.8, phone()),
      Status: status,
      LeadSource: fromMarketing ? 'Web' : fill(o, 0.8, pick(LEAD_SOURCES)),
      Industry: fill(o, 0.7, pick(INDUSTRIES)),
      Rating: fill(o, 0.5, pick(['Hot', 'Warm', 'Cold'])),
      IsConverted: status === 'Closed - Converted',
      ...sys
    });
  }
  await leadFile.close();
  counts.Lead = leadCount;

  // Opportunities: every stage; closed ones older.
  const oppFile = new CsvFile(join(outDir, 'Opportunity.csv'), [
    'Id',
    'Name',
    'AccountId',
    'RecordTypeId',
    'StageName',
    'Amount',
    'Probability',
    'CloseDate',
    'NextStep',
    'LeadSource',
    'Type',
    'Description',
    'ForecastCategoryName',
    'IsClosed',
    'IsWon',
    ...AUDIT_COLUMNS,
    'IsDeleted'
  ]);
  const oppCount = Math.round(1300 * scale);
  const repAccounts = accounts.filter((a) => a.owner.kind !== 'integration');
  for (let i = 0; i < oppCount; i++) {
    const a = pick(repAccounts);
    const owner = a.owner;
    const day = Math.max(a.day, createdDay());
    const age = endDay - day;
    const stage =
      age > 120
        ? STAGES[8 + Math.floor(rand() * 2)]!
        : age > 45 && chance(0.5)
          ? STAGES[8 + Math.floor(rand() * 2)]!
          : pick(STAGES);
    const renewal = chance(0.25);
    const closeDay = stage.closed
      ? Math.min(endDay, day + 20 + Math.floor(rand() * 90))
      : endDay - 20 + Math.floor(rand() * 120);
    const late = stage.closed ? 1 : 0.9;
    await oppFile.row({
      Id: sfId('006', i + 1),
      Name: `${a.name} — ${renewal ? 'Renouvellement' : pick(['Équipement', 'Licences', 'Maintenance', 'Extension'])}`,
      AccountId: a.id,
      RecordTypeId: renewal ? recordTypes[1]!.Id : recordTypes[0]!.Id,
      StageName: stage.name,
      Amount: fill(owner, 1.05, String(1000 * (5 + Math.floor(rand() * 200)))),
      Probability: stage.probability,
      CloseDate: dateOnly(closeDay),
      NextStep: stage.closed
        ? fill(owner, 0.4, 'Kick-off')
        : fill(
            owner,
            0.85 * late,
            pick(['Send proposal', 'Call CFO', 'Demo on site', 'Negotiate discount', 'Sign contract'])
          ),
      LeadSource: fill(owner, 0.8, pick(LEAD_SOURCES)),
      Type: renewal
        ? 'Existing Customer - Renewal'
        : fill(owner, 0.9, pick(['New Customer', 'Existing Customer - Upgrade'])),
      Description: fill(
        owner,
        0.75,
        `Besoin: ${pick(['remplacer', 'étendre', 'moderniser'])} le parc, budget "validé" ${chance(0.5) ? 'Q1' : 'Q2'}`
      ),
      ForecastCategoryName: stage.won
        ? 'Closed'
        : stage.closed
          ? 'Omitted'
          : pick(['Pipeline', 'Best Case', 'Commit']),
      IsClosed: stage.closed,
      IsWon: stage.won,
      ...system(owner, day)
    });
  }
  await oppFile.close();
  counts.Opportunity = oppCount;

  // Tasks and events: per active rep and working day, by activity level.
  const taskFile = new CsvFile(join(outDir, 'Task.csv'), [
    'Id',
    'Subject',
    'Status',
    'Priority',
    'ActivityDate',
    'WhatId',
    'WhoId',
    'Type',
    ...AUDIT_COLUMNS,
    'IsClosed',
    'IsDeleted'
  ]);
  const eventFile = new CsvFile(join(outDir, 'Event.csv'), [
    'Id',
    'Subject',
    'ActivityDate',
    'StartDateTime',
    'EndDateTime',
    'Location',
    'WhatId',
    'WhoId',
    ...AUDIT_COLUMNS,
    'IsDeleted'
  ]);
  let taskN = 0;
  let eventN = 0;
  const workers = people.filter((p) => p.kind === 'rep' || p.kind === 'manager');
  for (let day = startDay; day <= endDay; day++) {
    if (!weekday(day)) continue;
    const ramp = 0.4 + 0.6 * ((day - startDay) / 365); // adoption grows over the year
    for (const p of workers) {
      if (!p.isActive && day > endDay - 150) continue;
      const tasks = Math.floor(rand() * 4 * p.activity * ramp * scale + rand());
      for (let k = 0; k < tasks; k++) {
        const created = iso(day, workMinutes());
        const done = day < endDay - 2 || chance(0.4);
        await taskFile.row({
          Id: sfId('00T', ++taskN),
          Subject: pick(TASK_SUBJECTS),
          Status: done ? 'Completed' : 'Not Started',
          Priority: chance(0.2) ? 'High' : 'Normal',
          ActivityDate: dateOnly(day + Math.floor(rand() * 5)),
          WhatId: chance(0.7) ? pick(accounts).id : '',
          WhoId: chance(0.5) ? pick(contacts) : '',
          Type: pick(['Call', 'Email', 'Other']),
          ...ownedBy(p, created),
          IsClosed: done
        });
      }
      if (chance(0.5 * p.activity * ramp * scale)) {
        const start = day * DAY + (8 + Math.floor(rand() * 9)) * 3_600_000;
        const created = iso(day - 1 - Math.floor(rand() * 5), workMinutes());
        await eventFile.row({
          Id: sfId('00U', ++eventN),
          Subject: pick(EVENT_SUBJECTS),
          ActivityDate: dateOnly(day),
          StartDateTime: new Date(start).toISOString(),
          EndDateTime: new Date(start + 3_600_000).toISOString(),
          Location: chance(p.diligence) ? pick(Object.values(CITIES).flat()) : '',
          WhatId: chance(0.6) ? pick(accounts).id : '',
          WhoId: chance(0.6) ? pick(contacts) : '',
          ...ownedBy(p, created)
        });
      }
    }
  }
  await taskFile.close();
  await eventFile.close();
  counts.Task = taskN;
  counts.Event = eventN;
  return counts;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const outDir = arg('--out') ?? DEFAULT_SAMPLE_DIR;
  generateSampleExport({ outDir, seed: Number(arg('--seed') ?? 42) }).then(
    (counts) => {
      process.stdout.write(
        `Sample Data Export written to ${outDir}: ${Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}\n`
      );
    },
    (error: unknown) => {
      process.stderr.write(`error: ${String(error)}\n`);
      process.exitCode = 1;
    }
  );
}
