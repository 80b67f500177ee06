/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and fixed-size-array indexes bounded by construction in hot loops (noUncheckedIndexedAccess); checks would cost per cell. */
// Writes the benchmark's Opportunity CSV: rows × 20 columns, quoted like a Data Export, ~15% empty cells.

import { createWriteStream, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import { prng, sfId } from '../demo/generate-sample-export';

export const BENCH_COLUMNS = [
  'Id',
  'OwnerId',
  'StageName',
  'RecordTypeId',
  'Name',
  'AccountId',
  'Amount',
  'CloseDate',
  'NextStep',
  'LeadSource',
  'Type',
  'Description',
  'Probability',
  'ForecastCategoryName',
  'CampaignId',
  'IsClosed',
  'IsWon',
  'CreatedDate',
  'LastModifiedDate',
  'Region__c'
];

/** The 300 owners of the benchmark's opportunities. */
export const BENCH_OWNERS = 300;
export const BENCH_TEAMS = ['Enterprise', 'Mid-Market', 'SMB North', 'SMB South', 'Renewals', 'Partners'];

/**
 * A Data Export folder around the benchmark CSV, for the full engine: Opportunity.csv (a link to the
 * CSV), and User.csv, UserRole.csv, Profile.csv for its owners (standard, active users in six teams).
 */
export function writeBenchExport(dir: string, csvPath: string): string {
  mkdirSync(dir, { recursive: true });
  const opp = join(dir, 'Opportunity.csv');
  if (!existsSync(opp)) symlinkSync(join('..', basename(csvPath)), opp);
  const users = ['"Id","Name","IsActive","UserType","ProfileId","UserRoleId","LastLoginDate"'];
  for (let i = 0; i < BENCH_OWNERS; i++) {
    users.push(
      `"${sfId('005', i + 1)}","Rep ${i + 1}","true","Standard","${sfId('00e', 1)}","${sfId('00E', 1 + (i % BENCH_TEAMS.length))}","2026-06-29T08:00:00.000Z"`
    );
  }
  writeFileSync(join(dir, 'User.csv'), users.join('\n') + '\n');
  writeFileSync(
    join(dir, 'UserRole.csv'),
    ['"Id","Name"', ...BENCH_TEAMS.map((t, i) => `"${sfId('00E', i + 1)}","${t}"`)].join('\n') + '\n'
  );
  writeFileSync(join(dir, 'Profile.csv'), `"Id","Name"\n"${sfId('00e', 1)}","Standard User"\n`);
  return dir;
}

export async function writeBenchCsv(path: string, rows: number, seed = 7): Promise<void> {
  const rand = prng(seed);
  const owners = Array.from({ length: 300 }, (_, i) => sfId('005', i + 1));
  const stages = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost'
  ];
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const q = (v: string): string => (v === '' ? '""' : `"${v.replace(/"/g, '""')}"`);
  const maybe = (p: number, v: string): string => (rand() < p ? v : '');
  let buf: string[] = [BENCH_COLUMNS.map(q).join(',')];
  for (let i = 0; i < rows; i++) {
    const stage = stages[Math.floor(rand() * stages.length)]!;
    const closed = stage.startsWith('Closed');
    buf.push(
      [
        sfId('006', i + 1),
        owners[Math.floor(rand() * owners.length)]!,
        stage,
        rand() < 0.7 ? '0125g0000000001AAA' : '0125g0000000002AAA',
        `Deal ${i} — équipement`,
        maybe(0.97, sfId('001', Math.floor(rand() * 50000))),
        maybe(0.85, String(Math.floor(rand() * 500000))),
        '2026-06-30',
        maybe(0.55, 'Call the "CFO", then send quote'),
        maybe(0.7, 'Web'),
        maybe(0.8, 'New Customer'),
        maybe(0.4, rand() < 0.1 ? 'Two lines,\nwith a comma' : 'Budget validated'),
        String(Math.floor(rand() * 100)),
        maybe(0.9, 'Pipeline'),
        maybe(0.3, sfId('701', Math.floor(rand() * 100))),
        closed ? 'true' : 'false',
        stage === 'Closed Won' ? 'true' : 'false',
        '2026-01-15T09:30:00.000Z',
        '2026-03-01T17:05:00.000Z',
        maybe(0.6, 'EMEA')
      ]
        .map(q)
        .join(',')
    );
    if (buf.length >= 5000) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      buf = [];
    }
  }
  out.write(buf.join('\n') + (buf.length ? '\n' : ''));
  out.end();
  await once(out, 'finish');
}
