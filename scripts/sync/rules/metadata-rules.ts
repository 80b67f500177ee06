// Reads completeness rules, benefit rules and the cockpit settings from the project's custom metadata
// record files (force-app/main/default/customMetadata/<Type>.<Record>.md-meta.xml). The same shapes come
// from the org's custom metadata in the live path. A malformed file is a SyncInputError naming the file
// and what to fix.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  BENEFIT_ACTIVITY_NAMES,
  isBenefitActivity,
  splitList
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type { CompletenessRule } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { syncInputError } from '../errors';
import { warningOf } from '../messages';
import type { BenefitRule, CockpitSettings, RuleSet } from '../sources/record-source';

export const DEFAULT_METADATA_DIR = 'force-app/main/default/customMetadata';

export const DEFAULT_SETTINGS: CockpitSettings = {
  quietOpportunityDays: 14,
  untouchedLeadHours: 24,
  excludedUserTypes: ['AutomatedProcess', 'CloudIntegrationUser', 'CsnOnly', 'Guest'],
  // By what a user is, not by profile name (standard profile names are translated at run time).
  excludedUserLicenses: [],
  excludeApiOnlyUsers: true,
  excludedProfiles: [],
  readinessThreshold: 90,
  teamField: 'UserRole.Name',
  snapshotPeriod: 'Week',
  // 20 weeks keeps the year inside the 100 MB storage budget (docs/ARCHITECTURE.md, test/metadata/storage-budget.test.ts).
  userSnapshotRetentionWeeks: 20,
  followUpWeeks: 4,
  championCandidates: 5
};

/** Field values of one metadata record: field API name → text, or null for xsi:nil / absent value. */
export type MetadataValues = Map<string, string | null>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'values'
});

/** Parses one .md-meta.xml record file's text into its values (throws SyncInputError when malformed). */
export function parseMetadataRecord(text: string, file: string): { label: string; values: MetadataValues } {
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch (error) {
    throw syncInputError('sync.rules', 'BadXml', [file, (error as Error).message]);
  }
  const root = (doc as Record<string, unknown>).CustomMetadata as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object') {
    throw syncInputError('sync.rules', 'NoRoot', [file]);
  }
  const values: MetadataValues = new Map();
  const list = (root.values ?? []) as unknown[];
  for (const entry of list) {
    const e = entry as Record<string, unknown>;
    const field = typeof e.field === 'string' ? e.field : undefined;
    if (!field) {
      throw syncInputError('sync.rules', 'ValuesWithoutField', [file]);
    }
    const value = e.value;
    if (value === undefined || value === '') values.set(field, null);
    else if (typeof value === 'string') values.set(field, value);
    else if (typeof value === 'object' && value !== null) {
      const v = value as Record<string, unknown>;
      if (v['@xsi:nil'] === 'true') values.set(field, null);
      else values.set(field, typeof v['#text'] === 'string' ? v['#text'] : null);
    } else values.set(field, typeof value === 'number' || typeof value === 'boolean' ? String(value) : null);
  }
  const label = typeof root.label === 'string' ? root.label : '';
  return { label, values };
}

export class RecordReader {
  constructor(
    readonly file: string,
    readonly values: MetadataValues
  ) {}

  text(field: string, required: boolean): string {
    const v = this.values.get(field);
    if (v === undefined || v === null || v.trim() === '') {
      if (required) {
        throw syncInputError('sync.rules', 'TextMissing', [this.file, field], [field]);
      }
      return '';
    }
    return v.trim();
  }

  number(field: string, fallback: number | null): number {
    const v = this.values.get(field);
    if (v === undefined || v === null || v.trim() === '') {
      if (fallback === null) {
        throw syncInputError('sync.rules', 'NumberMissing', [this.file, field], [field]);
      }
      return fallback;
    }
    const n = Number(v);
    if (!Number.isFinite(n)) throw syncInputError('sync.rules', 'NotANumber', [this.file, field, v], [field]);
    return n;
  }

  bool(field: string, fallback: boolean): boolean {
    const v = this.values.get(field);
    if (v === undefined || v === null || v.trim() === '') return fallback;
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
    throw syncInputError('sync.rules', 'NotABoolean', [this.file, field, v], [field]);
  }
}

function recordName(fileName: string): { type: string; name: string } | null {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\.md-meta\.xml$/.exec(fileName);
  return m?.[1] && m[2] ? { type: m[1], name: m[2] } : null;
}

export function completenessRuleFrom(reader: RecordReader, name: string): CompletenessRule {
  const weight = reader.number('Weight__c', null);
  if (weight < 0) {
    throw syncInputError('sync.rules', 'NegativeWeight', [reader.file, weight]);
  }
  const field = reader.text('Field__c', true);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) {
    throw syncInputError('sync.rules', 'BadFieldName', [reader.file, field]);
  }
  return {
    name,
    object: reader.text('Object__c', true),
    field,
    weight,
    recordTypes: splitList(reader.values.get('Record_Types__c')),
    stages: splitList(reader.values.get('Stages__c')),
    active: reader.bool('Active__c', true)
  };
}

export function benefitRuleFrom(reader: RecordReader, name: string): BenefitRule {
  const activity = reader.text('Activity__c', true);
  if (!isBenefitActivity(activity)) {
    throw syncInputError(
      'sync.rules',
      'UnknownActivity',
      [reader.file, activity],
      [BENEFIT_ACTIVITY_NAMES.join(', ')]
    );
  }
  return {
    name,
    activity,
    minutesPerUnit: reader.number('Minutes_Per_Unit__c', null),
    descriptionEn: reader.text('Description_EN__c', false),
    descriptionFr: reader.text('Description_FR__c', false),
    replacesManualReport: reader.bool('Replaces_Manual_Report__c', false),
    sortOrder: reader.number('Sort_Order__c', 0),
    active: reader.bool('Active__c', true)
  };
}

/** A checkbox of a record file: `true`/`false` (xsd:boolean), the default when absent or nil. */
function checkbox(value: string | null | undefined, fallback: boolean): boolean {
  if (value === undefined || value === null || value.trim() === '') return fallback;
  return value.trim().toLowerCase() === 'true';
}

export function settingsFrom(reader: RecordReader): CockpitSettings {
  const d = DEFAULT_SETTINGS;
  const list = (field: string, fallback: string[]): string[] => {
    const v = reader.values.get(field);
    return v === undefined || v === null ? fallback : splitList(v);
  };
  const period = reader.text('Snapshot_Period__c', false) || d.snapshotPeriod;
  if (period !== 'Day' && period !== 'Week' && period !== 'Month') {
    throw syncInputError('sync.rules', 'BadPeriod', [reader.file, period]);
  }
  return {
    quietOpportunityDays: reader.number('Quiet_Opportunity_Days__c', d.quietOpportunityDays),
    untouchedLeadHours: reader.number('Untouched_Lead_Hours__c', d.untouchedLeadHours),
    excludedUserTypes: list('Excluded_User_Types__c', d.excludedUserTypes),
    excludedUserLicenses: list('Excluded_User_Licenses__c', d.excludedUserLicenses),
    excludeApiOnlyUsers: checkbox(reader.values.get('Exclude_API_Only_Users__c'), d.excludeApiOnlyUsers),
    excludedProfiles: list('Excluded_Profiles__c', d.excludedProfiles),
    readinessThreshold: reader.number('Readiness_Threshold__c', d.readinessThreshold),
    teamField: reader.text('Team_Field__c', false) || d.teamField,
    snapshotPeriod: period,
    userSnapshotRetentionWeeks: reader.number(
      'User_Snapshot_Retention_Weeks__c',
      d.userSnapshotRetentionWeeks
    ),
    followUpWeeks: reader.number('Follow_Up_Weeks__c', d.followUpWeeks),
    championCandidates: reader.number('Champion_Candidates__c', d.championCandidates),
    placeholdersAsEmpty: checkbox(reader.values.get('Score_Placeholders_As_Empty__c'), false)
  };
}

/** Builds a rule set from records already parsed (file name → values); shared with tests. */
export function ruleSetFromRecords(
  records: readonly { file: string; type: string; name: string; values: MetadataValues }[],
  origin: string
): RuleSet {
  const completeness: CompletenessRule[] = [];
  const benefits: BenefitRule[] = [];
  let settings: CockpitSettings = { ...DEFAULT_SETTINGS };
  for (const r of records) {
    const reader = new RecordReader(r.file, r.values);
    if (r.type === 'Completeness_Rule') completeness.push(completenessRuleFrom(reader, r.name));
    else if (r.type === 'Benefit_Rule') benefits.push(benefitRuleFrom(reader, r.name));
    else if (r.type === 'Cockpit_Setting' && r.name === 'Default') settings = settingsFrom(reader);
  }
  benefits.sort((a, b) => a.sortOrder - b.sortOrder);
  return { completeness, benefits, settings, origin };
}

/**
 * Loads every Completeness_Rule, Benefit_Rule and Cockpit_Setting record file from a folder. A missing
 * folder gives no rules and the default settings (the measurement still runs: fill rates need no rule).
 */
export function loadRulesFromFolder(dir: string = DEFAULT_METADATA_DIR): RuleSet {
  if (!existsSync(dir))
    return { completeness: [], benefits: [], settings: { ...DEFAULT_SETTINGS }, origin: dir };
  const records: { file: string; type: string; name: string; values: MetadataValues }[] = [];
  for (const fileName of readdirSync(dir).sort()) {
    if (!fileName.endsWith('.md-meta.xml')) continue;
    const parsed = recordName(fileName);
    const file = join(dir, fileName);
    if (!parsed) {
      throw syncInputError('sync.rules', 'BadFileName', [file]);
    }
    if (!['Completeness_Rule', 'Benefit_Rule', 'Cockpit_Setting'].includes(parsed.type)) continue;
    const { values } = parseMetadataRecord(readFileSync(file, 'utf8'), file);
    records.push({ file, ...parsed, values });
  }
  const set = ruleSetFromRecords(records, dir);
  if (records.length === 0) {
    // A mistyped --rules (e.g. force-app/main/default) would run with no rule at all: said loudly.
    const nested = ['customMetadata', 'main/default/customMetadata', 'force-app/main/default/customMetadata']
      .map((sub) => join(dir, sub))
      .find((sub) => existsSync(sub));
    set.warnings = [
      nested
        ? warningOf('sync.rules', 'warning.NoRulesDidYouMean', [dir, nested])
        : warningOf('sync.rules', 'warning.NoRules', [dir])
    ];
  }
  return set;
}
