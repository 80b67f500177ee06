// The typed result of a sync run: printed as a table, or as JSON with --json (these names are a contract
// for scripts and CI pipelines: add fields, never rename or remove them), and rendered by the HTML report.

import { codeOf, type SyncWarning, type WarningCode } from '../messages';
import type { PeriodType, SnapshotWriteResult } from '../snapshots/types';
import type { WaveResult } from './waves';

export const SCHEMA_VERSION = 1;

export interface FieldCount {
  name: string;
  filled: number;
  /**
   * Records the field applies to, when fewer than the group's: those whose file had the field's column
   * (an object exported as several files, one without it). Absent when every record's file had it.
   */
  records?: number;
}

/** Records a field's count is out of: its own `records` when given, else its group's. */
export function fieldRecords(f: FieldCount, groupRecords: number): number {
  return f.records ?? groupRecords;
}

export interface FieldResult extends FieldCount {
  type: string;
  /** filled / records (the field's own records when given, else the object's), 0–1 (0 when none). */
  fillRate: number;
}

/** Completeness score distribution of a group of records (scores in 0–1). */
export interface CompletenessSummary {
  /** Records with at least one applicable rule. */
  scored: number;
  /** Mean score of the scored records, 0–1; null when none. */
  average: number | null;
  /** Records scoring 1 (every applicable field filled). */
  complete: number;
  /** Counts per decile: [0,0.1), [0.1,0.2) … [0.9,1]. */
  deciles: number[];
}

export interface GroupResult {
  records: number;
  fields: FieldCount[];
  completeness: CompletenessSummary;
}

export interface OwnerResult extends GroupResult {
  ownerId: string;
  ownerName: string;
  team: string;
}

export interface TeamResult extends GroupResult {
  team: string;
  /**
   * Per rule field of the object: the team's records that field's rules apply to (by record type and
   * stage) and how many of them have it filled. The heat map's cells.
   */
  ruleFields: RuleFieldResult[];
}

export interface RecordTypeResult extends GroupResult {
  /** Developer name, the Id when unknown, "(none)" when blank. */
  recordType: string;
}

export interface StageResult extends GroupResult {
  stage: string;
}

export interface RuleFieldResult {
  field: string;
  /**
   * Records at least one rule on this field applies to, among those whose file had the field's column
   * (a record of a file without it is not counted: the field does not apply to it).
   */
  records: number;
  filled: number;
}

/**
 * Filled, but not informative (README, "Filled but not informative"), for one rule field: among its filled
 * values (records its rules apply to, excluded owners left out), those that are its default value, a
 * placeholder, or an owner's dominating value. The kinds do not overlap (default, then placeholder).
 */
export interface NotInformativeCounts {
  /** Filled values. */
  filled: number;
  /** Of them, the field's default value (live runs only: a Data Export has no describe). */
  defaultValues: number;
  /** Of them, a placeholder (the scoring kernel's PLACEHOLDERS: TBD, n/a, -, x, ., ?, à définir…). */
  placeholders: number;
  /**
   * Of them, an owner's dominating value: ≥ 60 % of the owner's ≥ 10 filled values while < 5 % of the org's
   * (engine/informative.ts DOMINANT_*). A lower bound (bounded memory; see TOP_K there).
   */
  dominant: number;
}

export interface NotInformativeOwner extends NotInformativeCounts {
  ownerId: string;
  ownerName: string;
  team: string;
  /** The owner's dominating value, with its shares (0–1) of the owner's and of the org's filled values. */
  dominantValue: { value: string; ownerShare: number; orgShare: number } | null;
}

export interface NotInformativeField extends NotInformativeCounts {
  field: string;
  /** The field's default value as the run knows it; null when none or unknown (every export run). */
  defaultValue: string | null;
  /** Owners with at least one value that says nothing, by owner Id. */
  owners: NotInformativeOwner[];
}

export interface ObjectResult {
  name: string;
  records: number;
  /** Records skipped because their owner is an excluded (integration, automated, inactive) user. */
  excludedRecords: number;
  /** Rows left out as deleted (IsDeleted = true: "Export All" files, the recycle bin). */
  deletedRecords?: number;
  /** Rows whose Id was already read from another file of the object (a re-downloaded export). */
  duplicateRecords?: number;
  /** The object's stage/status field, if any (StageName, Status). */
  stageField: string | null;
  fields: FieldResult[];
  owners: OwnerResult[];
  teams: TeamResult[];
  recordTypes: RecordTypeResult[];
  stages: StageResult[];
  completeness: CompletenessSummary;
  ruleFields: RuleFieldResult[];
  /** Per rule field: filled values that say nothing (NotInformativeField). */
  notInformative?: NotInformativeField[];
}

export interface UserResult {
  userId: string;
  name: string;
  team: string;
  recordsCreated: number;
  recordsUpdated: number;
  tasksLogged: number;
  eventsLogged: number;
  recordsOwned: number;
  activeDays: number;
  lastLogin: string | null;
  active: boolean;
  /** 0–100 (formula in README, "The sync"). */
  engagementScore: number;
  /** Mean completeness of the user's records, 0–1; null when no rule applies to any. */
  completeness: number | null;
  minutesSaved: number;
  isKeyUser: boolean;
  isSponsor: boolean;
  championCandidate: boolean;
}

export interface TeamActivityResult {
  team: string;
  users: number;
  activeUsers: number;
  keyUsers: number;
  averageEngagement: number;
  minutesSaved: number;
  recordsCreated: number;
  recordsUpdated: number;
}

export interface ExcludedUser {
  userId: string;
  name: string;
  /** Why (scripts/sync/rules/exclusions.ts); 'profile' only from the deprecated Excluded_Profiles__c. */
  reason: 'inactive' | 'user type' | 'user license' | 'API only' | 'profile';
  detail: string;
}

/** Activity per team over the last periods (oldest first), from record and activity dates. */
export interface ActivityTrend {
  periodStarts: string[];
  teams: { team: string; created: number[]; tasks: number[]; events: number[] }[];
}

export interface SyncResult {
  schemaVersion: number;
  generatedAt: string;
  asOf: string;
  source: { kind: 'export' | 'org'; description: string };
  period: { type: PeriodType; start: string; end: string };
  teamField: string;
  objects: ObjectResult[];
  users: UserResult[];
  teams: TeamActivityResult[];
  championCandidates: string[];
  excludedUsers: ExcludedUser[];
  activityTrend: ActivityTrend;
  snapshots: { user: number; team: number; completeness: number };
  /** What could not be measured, in English: the console's and the --json envelope's text. */
  warnings: string[];
  /** The code and tokens of each of `warnings`, in the same order (the report says them in its language). */
  warningCodes: WarningCode[];
  /** Roll-out waves measured (engine/waves.ts); absent when the source has no Rollout_Wave__c. */
  waves?: WaveResult[];
  /** Present after --write. */
  write?: SnapshotWriteResult;
  /** Cockpit_Setting__mdt.Score_Placeholders_As_Empty__c of the run: placeholders scored as empty. */
  placeholdersAsEmpty?: boolean;
  /** Elapsed time of the measurement, milliseconds. */
  elapsedMs: number;
}

/** `result` with `warning` added last: its English text to warnings[], its code and tokens to warningCodes[]. */
export function withWarning(result: SyncResult, warning: SyncWarning): SyncResult {
  return {
    ...result,
    warnings: [...result.warnings, warning.text],
    warningCodes: [...result.warningCodes, codeOf(warning)]
  };
}

/** Champion order: engagement score, highest first; ties by name. */
export function byEngagement(a: UserResult, b: UserResult): number {
  return b.engagementScore - a.engagementScore || a.name.localeCompare(b.name);
}

/** The champion candidates of a run, in champion order (whatever the order of `users`). */
export function championCandidatesOf(result: Pick<SyncResult, 'users'>): UserResult[] {
  return result.users.filter((u) => u.championCandidate).sort(byEngagement);
}
