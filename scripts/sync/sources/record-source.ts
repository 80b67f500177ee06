// The contract between the measurement engine and where records come from: a Salesforce Data Export
// (export-source.ts) or a live org through Bulk API 2.0 (org-source.ts). Keep it stable: both sources and
// the engine code against it.

// jsforce's Connection: what both logins give (@salesforce/core's Connection for --target-org subclasses it;
// --instance-url/--access-token opens one directly, without writing a login to ~/.sfdx).
import type { DigestSpec } from '../engine/row-digest';
import type { Connection } from '@jsforce/jsforce-node';
import type { SyncWarning } from '../messages';
import type { ExportDay } from '../rules/export-day';
import type {
  BenefitActivity,
  CompletenessRule
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type { RowBatch } from '../csv/csv-reader';

export type { RowBatch } from '../csv/csv-reader';
// Benefit_Rule__mdt.Activity__c: the scoring kernel's BENEFIT_ACTIVITIES registry is the only list.
export type {
  BenefitActivity,
  CompletenessRule
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';

/**
 * A field's type as Salesforce's describe names it (DescribeFieldResult.type): "id", "reference", "string",
 * "textarea", "picklist", "multipicklist", "boolean", "int", "double", "currency", "percent", "date",
 * "datetime", "email", "phone", "url", "address", "location", "base64", "encryptedstring"…
 */
export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'boolean'
  | 'int'
  | 'long'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'email'
  | 'phone'
  | 'url'
  | 'address'
  | 'location'
  | 'base64'
  | 'encryptedstring'
  | 'anyType'
  | (string & {});

export interface FieldDescribe {
  /** API name, e.g. "StageName", "Budget__c". */
  name: string;
  label?: string;
  type: FieldType;
  /**
   * The value a new record gets when nobody types one (engine/informative.ts describedDefault(): the
   * picklist's default value, or a literal default formula); absent when none or unknown (every export).
   */
  defaultValue?: string;
  /**
   * A compound field (type "address" or "location", live only): the API names of its components, which
   * the source selects instead and from which it fills a column named after the compound
   * (sources/compound-fields.ts compoundRule(): an address is filled when any typed component is, a
   * geolocation when both latitude and longitude are).
   */
  components?: string[];
}

export interface RecordTypeInfo {
  /** 18-character (or 15) record type Id, as it appears in RecordTypeId. */
  id: string;
  developerName: string;
}

export interface ObjectDescribe {
  /** API name, e.g. "Opportunity". */
  name: string;
  label?: string;
  /**
   * The fields the source can deliver and the measurement counts: queryable, not deprecated, not compound
   * (address/location components are listed on their own). Objects with 800+ fields must work.
   */
  fields: FieldDescribe[];
  /**
   * Compound fields (addresses, geolocations) with their components, not in `fields`: no Bulk query or
   * Data Export gives them, but a completeness rule may name one; the plan then adds it to `fields` and the
   * live source measures it through its components. Absent or empty in an export (it cannot tell).
   */
  compounds?: FieldDescribe[];
  /** Record types of the object (empty when none, or when the source cannot tell). */
  recordTypes: RecordTypeInfo[];
  /** Files the object is read from (an export with a re-downloaded zip has 2); absent = 1. */
  parts?: number;
  /**
   * Whether its files may hold a record twice (the same Id in two of them), so the measurement must count
   * each Id once. Absent: whenever there are several parts. An export source that has compared its files'
   * Ids says false for parts that share none (a Data Export split in part zips), sparing each row the check.
   */
  sharedIds?: boolean;
}

/** Called by a source as it reads, for the progress bar. */
export interface ReadProgress {
  /** A page (Bulk API result page, or input chunk of a file) was read. */
  page(object: string, info: { page: number; records: number; bytes?: number }): void;
}

export interface StreamOptions {
  progress?: ReadProgress;
  /**
   * What the measurement digests per row (engine/row-digest.ts): a source that parses on worker threads
   * (the parallel CSV reader) may compute it there. Optional to honour: the measurement digests what
   * arrives without it.
   */
  digest?: DigestSpec;
}

/** A user, as the measurement needs it (users are few: an array is fine). */
export interface UserRecord {
  id: string;
  name: string;
  username?: string;
  isActive: boolean;
  /** User.UserType: Standard, AutomatedProcess, CloudIntegrationUser, CsnOnly, Guest, PowerPartner… */
  userType: string;
  /** Profile.Name, or "" when unknown (translated for standard profiles: never compared to a literal). */
  profileName: string;
  /** Profile.UserLicense.LicenseDefinitionKey (SFDC, AUL, PID_CHATTER…), or "" / absent when unknown. */
  licenseKey?: string;
  /** Profile.PermissionsApiUserOnly, or null / absent when unknown. */
  apiOnly?: boolean | null;
  /** UserRole.Name, or "" when none. */
  roleName: string;
  /** Value of the team field asked for (default UserRole.Name), or "" when blank. */
  team: string;
  /** User.LastLoginDate as ISO 8601, or null. */
  lastLoginDate: string | null;
  managerId?: string | null;
  /** User.CreatedDate as the source gives it (ISO 8601), when it has it: who exists in a period. */
  createdDate?: string | null;
}

/** Benefit_Rule__mdt. */
export interface BenefitRule {
  name?: string;
  activity: BenefitActivity;
  minutesPerUnit: number;
  descriptionEn: string;
  descriptionFr: string;
  replacesManualReport: boolean;
  sortOrder: number;
  active: boolean;
}

/** Cockpit_Setting__mdt, record Default (defaults per docs/ARCHITECTURE.md when absent). */
export interface CockpitSettings {
  quietOpportunityDays: number;
  untouchedLeadHours: number;
  excludedUserTypes: string[];
  /** Excluded_User_Licenses__c: UserLicense.LicenseDefinitionKey values. */
  excludedUserLicenses: string[];
  /** Exclude_API_Only_Users__c: leave out users whose profile is API only. */
  excludeApiOnlyUsers: boolean;
  /** Excluded_Profiles__c (deprecated: custom profile names only; standard ones are translated). */
  excludedProfiles: string[];
  readinessThreshold: number;
  teamField: string;
  snapshotPeriod: 'Day' | 'Week' | 'Month';
  userSnapshotRetentionWeeks: number;
  followUpWeeks: number;
  championCandidates: number;
  /**
   * Score_Placeholders_As_Empty__c: a placeholder (TBD, n/a, -…; the scoring kernel's PLACEHOLDERS) counts
   * as empty in completeness scores and the heat map. Absent = false.
   */
  placeholdersAsEmpty?: boolean;
}

export interface RuleSet {
  completeness: CompletenessRule[];
  benefits: BenefitRule[];
  settings: CockpitSettings;
  /** Where the rules came from, for messages ("force-app/main/default/customMetadata", "org"). */
  origin: string;
  /** What the rules cannot give (an empty rules folder), for warnings[]. */
  warnings?: SyncWarning[];
}

export interface RecordSource {
  readonly kind: 'export' | 'org';
  /** For messages: 'export folder data/sample-export', 'org admin@acme.com'. */
  readonly description: string;
  /**
   * What the source found it cannot give (an optional file missing, a column it lacks…): the engine
   * moves these into the result's warnings[] (console and report too) as the stages run.
   */
  readonly warnings?: SyncWarning[];

  /** Object API names available in the source (for --objects validation and default selection). */
  listObjects(): Promise<string[]>;

  /** Describe an object, or undefined when the source does not have it. */
  describe(objectName: string): Promise<ObjectDescribe | undefined>;

  /**
   * Streams the records of an object, selecting `fields` (API names from describe; may include
   * relationship paths only when the source supports them; a compound field of `describe().compounds`
   * on a live org, delivered as a column computed from its components). Each batch's `columns` are the CSV header:
   * match them to field names case-insensitively. Memory must not grow with the number of records.
   * Throws SyncInputError for a field the object lacks.
   */
  streamRecords(
    objectName: string,
    fields: readonly string[],
    options?: StreamOptions
  ): AsyncIterable<RowBatch>;

  /** Every user (active or not) with the team field resolved (e.g. "UserRole.Name", "Department"). */
  readUsers(teamField: string): Promise<UserRecord[]>;

  /** Queue names by Id (Group rows of Type Queue), when the source has them: record owners that are queues. */
  readQueues?(): Promise<Map<string, string>>;

  /**
   * A snapshot source (a Data Export): the day it was taken (yyyy-mm-dd, UTC) and the evidence for it, or
   * undefined when it cannot tell. A live org has none: it is read as of now.
   */
  takenAt?(): Promise<ExportDay | undefined>;

  /** Completeness rules, benefit rules and settings (export: project files; org: custom metadata). */
  loadRules(): Promise<RuleSet>;

  close(): Promise<void>;
}

/** A live org source: the sink writes snapshots through its connection. */
export interface OrgRecordSource extends RecordSource {
  readonly kind: 'org';
  readonly connection: Connection;
  /** API calls made so far (describe, job create/poll/results, REST), for the benchmark and the report. */
  apiCalls(): number;
}

/** Options of openOrgSource (scripts/sync/sources/org-source.ts). */
export interface OrgSourceOptions {
  /** sf CLI alias or username (stored login). */
  targetOrg?: string;
  /** With accessToken, instead of targetOrg. Falls back to env SF_INSTANCE_URL / SF_ACCESS_TOKEN in the CLI. */
  instanceUrl?: string;
  accessToken?: string;
  /** API version, e.g. "62.0"; default: the connection's. */
  apiVersion?: string;
  /** Bulk API 2.0 maxRecords per result page (default left to the source). */
  pageSize?: number;
  /** Logs to stderr (never stdout: stdout is for --json). */
  log?: (message: string) => void;
}
