// Completeness scoring, shared by the Lightning components (the rep's action list) and the sync.
// Pure TypeScript, no imports: the same file compiles for LWC (ESNext) and for Node (CommonJS).
//
// A completeness rule (Completeness_Rule__mdt) says that a field of an object matters, with a weight,
// for some record types and some stage/status values (blank = all), when active.
// A record's score = sum of the weights of its applicable rules whose field is filled
//                  / sum of the weights of its applicable rules, in [0, 1]; null when no rule applies.
//
// Filled: null, undefined and "" are empty; every other value is filled (0 is a number, so it is filled),
// except checkboxes: a checkbox is never null in Salesforce and false is its default, so a checkbox
// counts as filled only when it is true (true, "true" or "1").

/** One active or inactive Completeness_Rule__mdt record. */
export interface CompletenessRule {
  /** DeveloperName of the metadata record, for messages. */
  name?: string;
  /** Object API name (Object__c), e.g. "Opportunity". */
  object: string;
  /** Field API name (Field__c), e.g. "NextStep". */
  field: string;
  /** Weight__c; a rule with weight 0 never changes a score. */
  weight: number;
  /** Record type developer names (Record_Types__c); empty = every record type. */
  recordTypes: readonly string[];
  /** Stage or status values (Stages__c); empty = every stage. */
  stages: readonly string[];
  /** Active__c. */
  active: boolean;
}

/** What the scoring needs to know about a record besides its field values. */
export interface RecordContext {
  /** Object API name. */
  object: string;
  /** Record type developer name, or null/undefined when the object has none. */
  recordType?: string | null;
  /** StageName for opportunities, Status for leads/cases…; null/undefined when none. */
  stage?: string | null;
}

/** Field value as found in a record: a CSV/Bulk string, a UI API value, a number or a boolean. */
export type FieldValue = string | number | boolean | null | undefined;

/** Field types that need a special emptiness rule; every other type counts "" and null as empty. */
export type FieldKind = 'boolean' | 'other';

/** Splits a comma-separated metadata list ("A, B,,C") into trimmed non-empty values. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** True when the rule applies to a record of this object, record type and stage. */
export function ruleApplies(rule: CompletenessRule, context: RecordContext): boolean {
  if (!rule.active) return false;
  if (!sameText(rule.object, context.object)) return false;
  if (rule.recordTypes.length > 0) {
    const recordType = context.recordType;
    if (!recordType || !rule.recordTypes.some((r) => sameText(r, recordType))) return false;
  }
  if (rule.stages.length > 0) {
    const stage = context.stage;
    if (!stage || !rule.stages.some((s) => sameText(s, stage))) return false;
  }
  return true;
}

/** The rules that apply to a record. */
export function applicableRules(
  rules: readonly CompletenessRule[],
  context: RecordContext
): CompletenessRule[] {
  return rules.filter((rule) => ruleApplies(rule, context));
}

/** True when a value counts as filled (see the header comment for checkboxes). */
export function isFilled(value: FieldValue, kind: FieldKind = 'other'): boolean {
  if (value === null || value === undefined) return false;
  if (kind === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    const text = value.trim().toLowerCase();
    return text === 'true' || text === '1';
  }
  if (typeof value === 'string') return value.length > 0;
  return true;
}

/** Reads a field of a record: a plain object of field API name → value (case-sensitive first, then not). */
export type RecordValues = Readonly<Record<string, FieldValue>>;

function readField(record: RecordValues, field: string): FieldValue {
  if (field in record) return record[field];
  const lower = field.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === lower) return record[key];
  }
  return undefined;
}

/** Field kinds by field API name (lower case not required); fields not listed are 'other'. */
export type FieldKinds = Readonly<Record<string, FieldKind>>;

function kindOf(kinds: FieldKinds | undefined, field: string): FieldKind {
  if (!kinds) return 'other';
  return kinds[field] ?? kinds[field.toLowerCase()] ?? 'other';
}

/** Score of one record. */
export interface RecordScore {
  /** Filled weight / applicable weight in [0, 1]; null when no rule (or only zero weights) applies. */
  score: number | null;
  /** Sum of the weights of the applicable rules. */
  applicableWeight: number;
  /** Sum of the weights of the applicable rules whose field is filled. */
  filledWeight: number;
  /** The applicable rules whose field is empty, heaviest first. */
  missing: CompletenessRule[];
}

/** Scores a record against the rules. */
export function scoreRecord(
  record: RecordValues,
  context: RecordContext,
  rules: readonly CompletenessRule[],
  kinds?: FieldKinds
): RecordScore {
  let applicableWeight = 0;
  let filledWeight = 0;
  const missing: CompletenessRule[] = [];
  for (const rule of rules) {
    if (!ruleApplies(rule, context)) continue;
    const weight = Math.max(0, rule.weight);
    applicableWeight += weight;
    if (isFilled(readField(record, rule.field), kindOf(kinds, rule.field))) filledWeight += weight;
    else missing.push(rule);
  }
  missing.sort((a, b) => b.weight - a.weight || a.field.localeCompare(b.field));
  return {
    score: applicableWeight > 0 ? filledWeight / applicableWeight : null,
    applicableWeight,
    filledWeight,
    missing
  };
}

/** The score alone: filled weight / applicable weight, or null when no rule applies. */
export function completenessScore(
  record: RecordValues,
  context: RecordContext,
  rules: readonly CompletenessRule[],
  kinds?: FieldKinds
): number | null {
  return scoreRecord(record, context, rules, kinds).score;
}

/** The fields that matter for this record and are empty, heaviest first (the action list shows them). */
export function missingFields(
  record: RecordValues,
  context: RecordContext,
  rules: readonly CompletenessRule[],
  kinds?: FieldKinds
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const rule of scoreRecord(record, context, rules, kinds).missing) {
    const key = rule.field.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(rule.field);
    }
  }
  return out;
}

/** Index of the decile bucket (0..9) of a score in [0, 1]; 1.0 falls in the last bucket. */
export function decileOf(score: number): number {
  if (!(score > 0)) return 0;
  return Math.min(9, Math.floor(score * 10));
}
