// Year-one storage of the records the package writes, against the product's budget (PRODUCT.md: "design for
// at most 100 MB a year for 1,000 users"; Salesforce bills about 2 KB per record), computed from the shipped
// retention defaults: the Cockpit Setting `Default` record, the fallbacks Apex and the sync use when a field
// is blank (which must equal it), and the summary retention of NudgeSummaries. docs/ARCHITECTURE.md
// ("Storage budget") must state the total computed here. The fault tests put the old defaults back in a copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SETTINGS = 'force-app/main/default/customMetadata/Cockpit_Setting.Default.md-meta.xml';
const NUDGE_SETTINGS = 'force-app/main/default/classes/NudgeSettings.cls';
const NUDGE_SUMMARIES = 'force-app/main/default/classes/NudgeSummaries.cls';
const SYNC_RULES = 'scripts/sync/rules/metadata-rules.ts';
const ARCHITECTURE = 'docs/ARCHITECTURE.md';
const FILES = [SETTINGS, NUDGE_SETTINGS, NUDGE_SUMMARIES, SYNC_RULES, ARCHITECTURE];

/** The budget, in MB (1 MB = 1,000 KB, as docs/ARCHITECTURE.md counts: 40,300 records ≈ 81 MB). */
const BUDGET_MB = 100;
/** The model of docs/ARCHITECTURE.md "Storage budget": the org the budget is designed for, over one year. */
const MODEL = {
  kbPerRecord: 2,
  users: 1000,
  teams: 50,
  managers: 100,
  measuredObjects: 4,
  ruleFields: 25,
  weeks: 52,
  waves: 10,
  trainingsPerUser: 2,
  /** One help request and two votes per user a year. */
  helpRecordsPerUser: 3
} as const;

interface Defaults {
  userSnapshotRetentionWeeks: number;
  nudgeRetentionWeeks: number;
  summaryRetentionWeeks: number;
}

/** One kind of record: how many exist at the end of year one (at the peak: retention + the current week). */
interface Line {
  records: string;
  count: number;
}

/** Records at the end of year one; a kept-N-weeks object holds N + 1 weeks just after a new week begins. */
function yearOne(d: Defaults): { lines: Line[]; megabytes: number } {
  const kept = (weeks: number) => Math.min(weeks + 1, MODEL.weeks);
  const lines: Line[] = [
    { records: 'user snapshots', count: MODEL.users * kept(d.userSnapshotRetentionWeeks) },
    { records: 'team snapshots', count: MODEL.teams * MODEL.weeks },
    {
      records: 'completeness snapshots',
      count: (MODEL.measuredObjects * MODEL.teams + MODEL.ruleFields) * MODEL.weeks
    },
    { records: 'wave snapshots', count: MODEL.waves * MODEL.weeks },
    { records: 'training attendances', count: MODEL.users * MODEL.trainingsPerUser },
    { records: 'rep nudges', count: MODEL.users * kept(d.nudgeRetentionWeeks) },
    { records: 'manager digests', count: MODEL.managers * kept(d.nudgeRetentionWeeks) },
    { records: 'nudge summaries', count: MODEL.teams * kept(d.summaryRetentionWeeks) },
    { records: 'preferences', count: MODEL.users },
    { records: 'help requests and votes', count: MODEL.users * MODEL.helpRecordsPerUser }
  ];
  const records = lines.reduce((sum, line) => sum + line.count, 0);
  return { lines, megabytes: (records * MODEL.kbPerRecord) / 1000 };
}

function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

/** A number field of the Default record, or a violation when it is absent. */
function settingValue(xml: string, field: string): number | undefined {
  const match = new RegExp(`<field>${field}</field>\\s*<value[^>]*>([0-9.]+)</value>`).exec(xml);
  return match ? Number(match[1]) : undefined;
}

function constant(source: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(source);
  return match ? Number(match[1]) : undefined;
}

/**
 * Every way the shipped defaults break the budget: a default missing, a fallback that disagrees with the
 * Default record, a year one over 100 MB, or docs/ARCHITECTURE.md not stating the computed total.
 * @param root a project tree (the repository, or a copy with a fault)
 * @returns messages naming the file, the element and the rule
 */
function budgetViolations(root: string): string[] {
  const violations: string[] = [];
  const settings = read(root, SETTINGS);
  const userWeeks = settingValue(settings, 'User_Snapshot_Retention_Weeks__c');
  const nudgeWeeks = settingValue(settings, 'Nudge_Retention_Weeks__c');
  const summaryWeeks = constant(read(root, NUDGE_SUMMARIES), /RETENTION_WEEKS = (\d+);/);
  if (userWeeks === undefined || nudgeWeeks === undefined || summaryWeeks === undefined) {
    return [
      `${SETTINGS} / ${NUDGE_SUMMARIES}: User_Snapshot_Retention_Weeks__c, Nudge_Retention_Weeks__c and ` +
        'RETENTION_WEEKS must each have a default (rule: retention is what keeps the storage budget)'
    ];
  }
  const apexFallback = constant(read(root, NUDGE_SETTINGS), /DEFAULT_RETENTION_WEEKS = (\d+);/);
  if (apexFallback !== nudgeWeeks) {
    violations.push(
      `${NUDGE_SETTINGS}: DEFAULT_RETENTION_WEEKS is ${apexFallback}, the Default record's ` +
        `Nudge_Retention_Weeks__c is ${nudgeWeeks} (rule: a blank setting falls back to the shipped default)`
    );
  }
  const syncFallback = constant(read(root, SYNC_RULES), /userSnapshotRetentionWeeks: (\d+),/);
  if (syncFallback !== userWeeks) {
    violations.push(
      `${SYNC_RULES}: userSnapshotRetentionWeeks is ${syncFallback}, the Default record's ` +
        `User_Snapshot_Retention_Weeks__c is ${userWeeks} (rule: a blank setting falls back to the shipped default)`
    );
  }
  const { megabytes } = yearOne({
    userSnapshotRetentionWeeks: userWeeks,
    nudgeRetentionWeeks: nudgeWeeks,
    summaryRetentionWeeks: summaryWeeks
  });
  if (megabytes > BUDGET_MB) {
    violations.push(
      `${SETTINGS}: User_Snapshot_Retention_Weeks__c ${userWeeks}, Nudge_Retention_Weeks__c ${nudgeWeeks} ` +
        `(and ${NUDGE_SUMMARIES} RETENTION_WEEKS ${summaryWeeks}) give ${megabytes.toFixed(1)} MB in year one ` +
        `(rule: at most the ${BUDGET_MB} MB budget for 1,000 users)`
    );
  }
  const stated = `≈ ${megabytes.toFixed(1)} MB`;
  if (!read(root, ARCHITECTURE).includes(stated)) {
    violations.push(
      `${ARCHITECTURE}: "Storage budget" does not state the year-one total computed from the defaults, ` +
        `${stated} (rule: the documented budget is the shipped one)`
    );
  }
  return violations;
}

/** A copy of the files the check reads, with `edit` applied to one of them. */
function copyWith(file: string, edit: (text: string) => string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-budget-'));
  for (const name of FILES) {
    const target = path.join(root, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text = read(ROOT, name);
    fs.writeFileSync(target, name === file ? edit(text) : text);
  }
  return root;
}

describe('storage budget (year one, 1,000 users)', () => {
  it('keeps the shipped defaults within 100 MB and states the total in docs/ARCHITECTURE.md', () => {
    expect(budgetViolations(ROOT)).toEqual([]);
  });

  it('computes the model of docs/ARCHITECTURE.md: 20 / 4 / 13 weeks give 48,020 records, 96.0 MB', () => {
    const { lines, megabytes } = yearOne({
      userSnapshotRetentionWeeks: 20,
      nudgeRetentionWeeks: 4,
      summaryRetentionWeeks: 13
    });
    expect(lines.reduce((sum, line) => sum + line.count, 0)).toBe(48_020);
    expect(megabytes).toBeCloseTo(96.04, 2);
  });

  it('fails when the defaults go back to 26 and 13 weeks (the fault: ≈ 128 MB)', () => {
    const root = copyWith(SETTINGS, (xml) =>
      xml
        .replace(
          /(<field>User_Snapshot_Retention_Weeks__c<\/field>\s*<value[^>]*>)\d+/,
          (_m, head: string) => `${head}26`
        )
        .replace(
          /(<field>Nudge_Retention_Weeks__c<\/field>\s*<value[^>]*>)\d+/,
          (_m, head: string) => `${head}13`
        )
    );
    const violations = budgetViolations(root);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /Cockpit_Setting\.Default\.md-meta\.xml: User_Snapshot_Retention_Weeks__c 26, Nudge_Retention_Weeks__c 13 .*127\.8 MB in year one \(rule: at most the 100 MB budget/
        )
      ])
    );
  });

  it('fails when a fallback disagrees with the Default record', () => {
    const root = copyWith(NUDGE_SETTINGS, (apex) =>
      apex.replace(/DEFAULT_RETENTION_WEEKS = \d+;/, 'DEFAULT_RETENTION_WEEKS = 13;')
    );
    expect(budgetViolations(root)).toEqual([
      expect.stringMatching(
        /NudgeSettings\.cls: DEFAULT_RETENTION_WEEKS is 13, .*Nudge_Retention_Weeks__c is 4 \(rule: a blank setting falls back/
      )
    ]);
  });

  it('fails when docs/ARCHITECTURE.md states another total', () => {
    const root = copyWith(ARCHITECTURE, (md) => md.replaceAll('≈ 96.0 MB', '≈ 97 MB'));
    expect(budgetViolations(root)).toEqual([
      expect.stringMatching(/ARCHITECTURE\.md: "Storage budget" does not state .*≈ 96\.0 MB/)
    ]);
  });
});
