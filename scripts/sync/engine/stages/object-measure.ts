/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and group-array indexes bounded by construction in the per-row loop (noUncheckedIndexedAccess). */
// Stage, per-object measurement: one streaming pass over an object. FillCounter (the hot loop) counts
// records and filled fields per owner × record type × stage and each row's filled rule-field bits; the
// scoring kernel's plan scores records from those bits (per row, or per group from the filled-pattern
// counts when few rule fields); activity is counted row by row on top. The groups then roll up per owner,
// team, record type and stage, and per team and rule field (the heat map).

import {
  compilePlan,
  fieldKindOf,
  idKey,
  nameKey,
  sameName,
  scoreBits
} from '../../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type {
  Applicability,
  ScoringOptions,
  ScoringPlan
} from '../../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type {
  CompletenessRule,
  ObjectDescribe,
  ReadProgress,
  RecordSource
} from '../../sources/record-source';
import {
  addDistribution,
  addGroup,
  addPatternScores,
  addScore,
  newDistribution,
  newGroup,
  round,
  summary,
  withoutFields
} from '../distribution';
import type { Distribution, Group } from '../distribution';
import { FillCounter, MAX_PATTERN_FIELDS } from '../fill-rate';
import { InformativeCounter } from '../informative';
import { firstFew, warningOf, type SyncWarning } from '../../messages';
import { ROW_COPY, ROW_NOT_RECORD, RowRules } from '../row-rules';
import type { FieldCount, GroupResult, NotInformativeField, ObjectResult, RuleFieldResult } from '../result';
import { ActivityLedger, activityColumns, activityKind } from './activity';
import type { ActivityColumns } from './activity';
import { teamOf } from './users';
import type { Population } from './users';

/**
 * Fields the platform fills on every record, left out of the field lists (fill rates would be 100 % or
 * say nothing about people's work): audit and system fields of the Object Reference's "System Fields",
 * and the standard fields Salesforce computes. Still read for activity (CreatedById…) and row rules.
 */
export const SYSTEM_FIELDS = new Set(
  [
    'SystemModstamp',
    'PhotoUrl',
    'CleanStatus',
    'IsDeleted',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'LastViewedDate',
    'LastReferencedDate',
    'LastActivityDate',
    'MasterRecordId',
    'JigsawCompanyId',
    'JigsawContactId',
    'Jigsaw',
    'ConnectionReceivedId',
    'ConnectionSentId',
    'LastCURequestDate',
    'LastCUUpdateDate',
    'LastStageChangeDate',
    'LastAmountChangedHistoryId',
    'LastCloseDateChangedHistoryId',
    'HasOpenActivity',
    'HasOverdueTask',
    'IsArchived',
    // Not the object's own measurable fields (review 1.7): the record's Id and owner (always filled: the
    // owner is what the figures are grouped by), the currency the org stamps on every record, and the
    // fields Salesforce sets from the stage or status (Object Reference, Opportunity: IsClosed, IsWon,
    // ForecastCategory, ForecastCategoryName; ExpectedRevenue is computed from Amount and Probability).
    'Id',
    'OwnerId',
    'CurrencyIsoCode',
    'IsClosed',
    'IsWon',
    'ForecastCategory',
    'ForecastCategoryName',
    'ExpectedRevenue'
  ].map(nameKey)
);

/** Stage/status fields, first found wins. */
const STAGE_FIELDS = ['StageName', 'Status'];
/** Record type or stage of records that have none. */
const NONE = '(none)';

/** What the measurement of one object needs from the run. */
export interface ObjectContext {
  source: RecordSource;
  rules: readonly CompletenessRule[];
  population: Population;
  ledger: ActivityLedger;
  progress?: ReadProgress;
  /** Score every record in the per-row loop even when the groups' patterns could (tests). */
  scoreEachRecord?: boolean;
  /** What could not be measured, or was left out (warnings[], console, report). */
  warn?: (warning: SyncWarning) => void;
  /** How records are scored (the Cockpit settings' Score_Placeholders_As_Empty__c). */
  scoring?: ScoringOptions;
}

/** A record type × stage and the rules applicable to it. */
interface Combo {
  recordType: string;
  stage: string;
  rules: Applicability;
}

/** The object's fields, scoring plan and the FillCounter groups' record type × stage. */
interface ObjectShape {
  fieldNames: string[];
  stageField: string | null;
  plan: ScoringPlan;
  /** Field index (in fieldNames) of each plan rule field. */
  ruleFieldColumns: Int32Array;
  comboFor(recordTypeId: string, stage: string): Combo;
}

function objectShape(
  object: string,
  d: ObjectDescribe,
  rules: readonly CompletenessRule[],
  scoring: ScoringOptions = {}
): ObjectShape {
  const fields = d.fields;
  const fieldNames = fields.map((f) => f.name);
  // Spelled as the source spells it (Data Loader writes STAGENAME): every name comparison is case-insensitive.
  const stageField =
    STAGE_FIELDS.map((s) => fields.find((f) => sameName(f.name, s))?.name).find(Boolean) ?? null;
  const plan = compilePlan(
    rules,
    object,
    fields.map((f) => ({ name: f.name, kind: fieldKindOf(String(f.type)), defaultValue: f.defaultValue })),
    scoring
  );
  const ruleFieldColumns = Int32Array.from(plan.fields, (pf) =>
    fieldNames.findIndex((n) => sameName(n, pf.name))
  );
  const rtNames = new Map(d.recordTypes.map((rt) => [idKey(rt.id), rt.developerName]));
  const combos = new Map<string, Combo>();
  const comboFor = (rtId: string, stage: string): Combo => {
    // A picklist's API value never starts or ends with a space: "Prospecting " is Prospecting.
    const key = rtId + '\u0001' + stage;
    let c = combos.get(key);
    if (!c && stage !== stage.trim()) c = comboFor(rtId, stage.trim());
    if (!c) {
      const recordType = rtId === '' ? null : (rtNames.get(idKey(rtId)) ?? rtId);
      const stageName = stage === '' ? null : stage;
      c = {
        recordType: recordType ?? NONE,
        stage: stageName ?? NONE,
        rules: plan.applicable(recordType, stageName)
      };
      combos.set(key, c);
    }
    return c;
  };
  return { fieldNames, stageField, plan, ruleFieldColumns, comboFor };
}

/** FillCounter's groups with their record type × stage, exclusion and score distribution. */
interface Counted {
  counter: FillCounter;
  /** Filled, but not informative, per owner × rule field. */
  informative: InformativeCounter;
  rules: RowRules;
  groupCombo: Combo[];
  groupExcluded: boolean[];
  groupDist: Distribution[];
}

/**
 * The streaming pass: the hot loop (fill-rate.ts) counts per owner × record type × stage, the loop the
 * benchmark measures; per record on top, activity dates and, when the groups cannot give them, scores.
 */
async function countObject(
  ctx: ObjectContext,
  object: string,
  d: ObjectDescribe,
  shape: ObjectShape
): Promise<Counted> {
  const kind = activityKind(object);
  const counter = new FillCounter(
    shape.fieldNames,
    ['OwnerId', 'RecordTypeId', ...(shape.stageField ? [shape.stageField] : [])],
    d.fields.map((f) => fieldKindOf(String(f.type))),
    [...shape.ruleFieldColumns],
    ctx.scoreEachRecord ? 0 : MAX_PATTERN_FIELDS,
    shape.plan.options,
    shape.plan.fields
  );
  // Several files of one object (a re-downloaded export beside the first): Ids read twice count once.
  const rules = new RowRules(d.sharedIds ?? (d.parts ?? 1) > 1, d.name);
  counter.rowRules = rules;
  const informative = new InformativeCounter(shape.plan.fields);
  const counted: Counted = { counter, informative, rules, groupCombo: [], groupExcluded: [], groupDist: [] };
  const { groupCombo, groupExcluded, groupDist } = counted;
  // Per group: its owner's index in `informative` (-1: excluded) and whether each rule field applies.
  const groupOwner: number[] = [];
  const groupApplies: Uint8Array[] = [];
  const appliesOf = new Map<Combo, Uint8Array>();
  const byPattern = counter.hasPatterns;
  let lastColumns: readonly string[] | null = null;
  let columns: ActivityColumns = activityColumns([]);
  // A batch lacking rule fields' columns (one of the object's files without them): those fields' rules do
  // not apply to its records (per combo, memoised while the batch's columns stay the same).
  let absentTracked: Int32Array | null = null;
  const applicableHere = new Map<Applicability, Applicability>();
  const stream = ctx.source.streamRecords(object, shape.fieldNames, {
    progress: ctx.progress,
    digest: counter.spec
  });
  for await (const batch of stream) {
    counter.add(batch);
    const fillGroups = counter.groups;
    for (let g = groupCombo.length; g < fillGroups.length; g++) {
      const keys = fillGroups[g]!.keys;
      groupExcluded.push(ctx.population.excludedIds.has(idKey(keys[0]!)));
      const combo = shape.comboFor(keys[1]!, keys[2] ?? '');
      groupCombo.push(combo);
      groupDist.push(newDistribution());
      groupOwner.push(groupExcluded[g] === true ? -1 : informative.owner(idKey(keys[0]!)));
      let applies = appliesOf.get(combo);
      if (!applies) {
        applies = new Uint8Array(shape.plan.fields.length);
        for (const i of combo.rules.fieldIndexes) applies[i] = 1;
        appliesOf.set(combo, applies);
      }
      groupApplies.push(applies);
    }
    if (shape.plan.fields.length > 0)
      informative.add(batch, counter.lastDigest, counter.rowGroup, groupOwner, groupApplies);
    if (batch.columns !== lastColumns) {
      lastColumns = batch.columns;
      columns = activityColumns(batch.columns);
    }
    const activity = ActivityLedger.reads(columns);
    if (!activity && byPattern) continue;
    if (counter.absentTracked !== absentTracked) {
      absentTracked = counter.absentTracked;
      applicableHere.clear();
    }
    const absent = absentTracked.length > 0 ? new Set(absentTracked) : null;
    const rulesOf = (a: Applicability): Applicability => {
      if (!absent) return a;
      let here = applicableHere.get(a);
      if (!here) {
        here = withoutFields(a, absent);
        applicableHere.set(a, here);
      }
      return here;
    };
    const raw = batch.raw ? batch.raw() : null;
    const rowGroup = counter.rowGroup;
    const rowFlags = counter.rowFlags;
    const rowBits = counter.rowBits;
    const words = counter.wordCount;
    const rows = batch.length;
    for (let r = 0; r < rows; r++) {
      if (activity && (rowFlags[r]! & (ROW_NOT_RECORD | ROW_COPY)) === 0)
        ctx.ledger.count(kind, batch, r, columns, raw);
      if (byPattern) continue;
      const g = rowGroup[r]!;
      if (g < 0 || groupExcluded[g] === true) continue;
      const score = scoreBits(rulesOf(groupCombo[g]!.rules), rowBits, r * words);
      if (score !== null) addScore(groupDist[g]!, score, 1);
    }
  }
  return counted;
}

/** Records the rules of each rule field apply to, and those filled. */
interface RuleCounts {
  records: Int32Array;
  filled: Int32Array;
}

/** Groups rolled up per owner, record type × stage and team, and rule fields per team. */
interface RolledUp {
  excludedRecords: number;
  owners: Map<string, Group>;
  byCombo: Map<Combo, Group>;
  byTeam: Map<string, Group>;
  ruleTotal: RuleCounts;
  ruleByTeam: Map<string, RuleCounts>;
}

function into<K>(m: Map<K, Group>, key: K, width: number): Group {
  let g = m.get(key);
  if (!g) {
    g = newGroup(width);
    m.set(key, g);
  }
  return g;
}

/**
 * Rolls the groups up per owner, record type × stage and team; rule fields per team from the groups their
 * rules apply to (a rule's applicability depends only on the record type and stage).
 */
function rollUp(ctx: ObjectContext, shape: ObjectShape, counted: Counted): RolledUp {
  const width = shape.fieldNames.length;
  const nRuleFields = shape.plan.fields.length;
  const ruleCounts = (): RuleCounts => ({
    records: new Int32Array(nRuleFields),
    filled: new Int32Array(nRuleFields)
  });
  const out: RolledUp = {
    excludedRecords: 0,
    owners: new Map(),
    byCombo: new Map(),
    byTeam: new Map(),
    ruleTotal: ruleCounts(),
    ruleByTeam: new Map()
  };
  counted.counter.groups.forEach((fg, g) => {
    const counts = fg.counts;
    if (counted.groupExcluded[g] === true) {
      out.excludedRecords += counts[0]!;
      return;
    }
    // Groups are keyed by the owner cell's bytes: a 15- and an 18-character Id of one owner meet here.
    const ownerId = idKey(fg.keys[0]!);
    const combo = counted.groupCombo[g]!;
    const team = teamOf(ctx.population, ownerId);
    const dist = counted.groupDist[g]!;
    if (fg.patterns && combo.rules.total > 0) {
      addPatternScores(fg.patterns, combo.rules, dist);
      // Records of files lacking some rule fields' columns: scored by the rules on the others.
      for (const [mask, patterns] of fg.absentPatterns ?? []) {
        const absent = new Set(combo.rules.fieldIndexes.filter((k) => (mask & (1 << k)) !== 0));
        addPatternScores(patterns, withoutFields(combo.rules, absent), dist);
      }
    }
    for (const target of [
      into(out.owners, ownerId, width),
      into(out.byCombo, combo, width),
      into(out.byTeam, team, width)
    ]) {
      target.records += counts[0]!;
      const filled = target.filled;
      for (let i = 0; i < width; i++) filled[i]! += counts[i + 1]!;
      if (fg.absent) for (let i = 0; i < width; i++) target.absent[i]! += fg.absent[i]!;
      addDistribution(target.dist, dist);
    }
    const ar = combo.rules;
    if (ar.total > 0) {
      let t = out.ruleByTeam.get(team);
      if (!t) {
        t = ruleCounts();
        out.ruleByTeam.set(team, t);
      }
      for (let k = 0; k < ar.fieldIndexes.length; k++) {
        const i = ar.fieldIndexes[k]!;
        const col = shape.ruleFieldColumns[i]!;
        const filled = counts[col + 1]!;
        // Records of a file without the field's column: the field does not apply to them.
        const records = counts[0]! - (col >= 0 && fg.absent ? fg.absent[col]! : 0);
        out.ruleTotal.records[i]! += records;
        out.ruleTotal.filled[i]! += filled;
        t.records[i]! += records;
        t.filled[i]! += filled;
      }
    }
  });
  if (shape.plan.options.placeholdersAsEmpty) {
    // Scored as empty: the heat map's "filled" leaves the placeholders out, as the scores do.
    for (const ownerId of out.owners.keys()) {
      const t = out.ruleByTeam.get(teamOf(ctx.population, ownerId));
      for (let k = 0; k < nRuleFields; k++) {
        const n = counted.informative.placeholders(ownerId, k);
        if (n === 0) continue;
        out.ruleTotal.filled[k]! -= n;
        if (t) t.filled[k]! -= n;
      }
    }
  }
  return out;
}

/** Filled, but not informative, per rule field: totals and the owners concerned, named. */
function notInformative(ctx: ObjectContext, counted: Counted): NotInformativeField[] {
  return counted.informative.tally().map((t) => ({
    field: t.field,
    defaultValue: t.defaultText,
    filled: t.filled,
    defaultValues: t.defaultValue,
    placeholders: t.placeholder,
    dominant: t.dominant,
    owners: t.owners.map((o) => ({
      ownerId: o.ownerId,
      ownerName:
        ctx.population.byId.get(o.ownerId)?.name ?? ctx.population.queues.get(o.ownerId) ?? o.ownerId,
      team: teamOf(ctx.population, o.ownerId),
      filled: o.counts.filled,
      defaultValues: o.counts.defaultValue,
      placeholders: o.counts.placeholder,
      dominant: o.counts.dominant,
      dominantValue: o.dominantValue
    }))
  }));
}

/** The object's result from its roll-ups; credits each included owner with records owned and scores. */
function objectResult(
  ctx: ObjectContext,
  object: string,
  d: ObjectDescribe,
  shape: ObjectShape,
  counted: Counted,
  r: RolledUp
): ObjectResult {
  const width = shape.fieldNames.length;
  const total = newGroup(width);
  const byRecordType = new Map<string, Group>();
  const byStage = new Map<string, Group>();
  for (const [c, cg] of r.byCombo) {
    addGroup(total, cg);
    addGroup(into(byRecordType, c.recordType, width), cg);
    if (shape.stageField) addGroup(into(byStage, c.stage, width), cg);
  }
  for (const [ownerId, g] of r.owners) {
    const s = ctx.ledger.stats.get(ownerId);
    if (s) {
      s.owned += g.records;
      addDistribution(s.dist, g.dist);
    }
  }
  // A blank header (Excel's trailing ",,") and a relationship column (Owner.Name) are no field of the object.
  const listed = shape.fieldNames.map((name) => !SYSTEM_FIELDS.has(nameKey(name)) && /^[^.\s]+$/.test(name));
  // A field some records' file lacks is out of its own records (FieldCount.records), not the group's.
  const counts = (g: Group): FieldCount[] =>
    shape.fieldNames
      .map((name, i) => ({ name, filled: g.filled[i]!, ...applicableTo(g, i) }))
      .filter((_, i) => listed[i]);
  const group = (g: Group): GroupResult => ({
    records: g.records,
    fields: counts(g),
    completeness: summary(g.dist)
  });
  const ruleFieldResults = (c: RuleCounts | undefined): RuleFieldResult[] =>
    shape.plan.fields.map((f, i) => ({
      field: f.name,
      records: c?.records[i] ?? 0,
      filled: c?.filled[i] ?? 0
    }));
  const byName = <T>(m: Map<string, Group>, make: (key: string, g: Group) => T): T[] =>
    [...m.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, g]) => make(k, g));
  return {
    name: object,
    records: total.records,
    excludedRecords: r.excludedRecords,
    deletedRecords: counted.rules.counts.deleted,
    duplicateRecords: counted.rules.counts.duplicates,
    stageField: shape.stageField,
    fields: d.fields
      .map((f, i) => {
        const records = total.records - total.absent[i]!;
        return {
          name: f.name,
          type: String(f.type),
          filled: total.filled[i]!,
          ...applicableTo(total, i),
          fillRate: records > 0 ? round(total.filled[i]! / records, 4) : 0
        };
      })
      .filter((_, i) => listed[i]),
    owners: byName(r.owners, (ownerId, g) => ({
      ownerId,
      ownerName: ctx.population.byId.get(ownerId)?.name ?? ctx.population.queues.get(ownerId) ?? ownerId,
      team: teamOf(ctx.population, ownerId),
      ...group(g)
    })),
    teams: byName(r.byTeam, (team, g) => ({
      team,
      ...group(g),
      ruleFields: ruleFieldResults(r.ruleByTeam.get(team))
    })),
    recordTypes: byName(byRecordType, (recordType, g) => ({ recordType, ...group(g) })),
    stages: byName(byStage, (stage, g) => ({ stage, ...group(g) })),
    completeness: summary(total.dist),
    ruleFields: ruleFieldResults(r.ruleTotal),
    notInformative: notInformative(ctx, counted)
  };
}

/** `{ records }` of field i when some of the group's records lacked its column (FieldCount.records). */
function applicableTo(g: Group, i: number): { records?: number } {
  const absent = g.absent[i]!;
  return absent > 0 ? { records: g.records - absent } : {};
}

/** Measures one object in one streaming pass (memory flat in the number of records). */
export async function measureObject(
  ctx: ObjectContext,
  object: string,
  d: ObjectDescribe
): Promise<ObjectResult> {
  const shape = objectShape(object, d, ctx.rules, ctx.scoring);
  warnNeededColumns(ctx, object, d, true);
  const counted = await countObject(ctx, object, d, shape);
  warnRowRules(ctx, object, d, counted.rules);
  warnUnknownOwners(ctx, object, counted);
  if (ctx.source.kind === 'export') warnUnseenStages(ctx, object, shape, counted);
  const queueOwned = counted.counter.groups.some((g) => g.keys[0]!.startsWith('00G'));
  if (queueOwned && ctx.population.queues.size === 0)
    ctx.warn?.(warningOf('sync.run', 'warning.QueuesUnnamed', [object]));
  return objectResult(ctx, object, d, shape, counted, rollUp(ctx, shape, counted));
}

/**
 * Says loudly which columns the measure depends on an object lacks, and what is then not measured: OwnerId
 * (records measured, owned by no one), CreatedById/CreatedDate (creations, tasks, events),
 * LastModifiedById/LastModifiedDate (updates of records), and StageName/Status when a rule is limited to
 * stages. `measured`: the object's records are measured (false: read for activity only).
 */
export function warnNeededColumns(
  ctx: Pick<ObjectContext, 'warn' | 'rules'>,
  object: string,
  d: ObjectDescribe,
  measured: boolean
): void {
  if (d.fields.length === 0) return; // an empty file: said once by the source
  const lacks = (names: readonly string[]): string[] =>
    names.filter((n) => !d.fields.some((f) => sameName(f.name, n)));
  const kind = activityKind(object);
  if (measured && lacks(['OwnerId']).length > 0)
    ctx.warn?.(warningOf('sync.run', 'warning.NoOwnerColumn', [object, object]));
  const created = lacks(['CreatedById', 'CreatedDate']);
  if (created.length > 0)
    ctx.warn?.(warningOf('sync.run', 'warning.NoCreatedColumns', [object, created.join(', '), object]));
  const modified = kind === 'record' && measured ? lacks(['LastModifiedById', 'LastModifiedDate']) : [];
  if (modified.length > 0)
    ctx.warn?.(warningOf('sync.run', 'warning.NoModifiedColumns', [object, modified.join(', '), object]));
  const staged = ctx.rules.filter((r) => r.active && sameName(r.object, object) && r.stages.length > 0);
  if (measured && staged.length > 0 && lacks(STAGE_FIELDS).length === STAGE_FIELDS.length)
    ctx.warn?.(warningOf('sync.run', 'warning.NoStageColumn', [object, staged.length, object]));
}

/**
 * Counts the records owned by an Id that is neither a user of the population nor a queue (an owner missing
 * from User.csv, or an owner cell that is no Id): they land in "(no team)", said with a count. Owners are
 * counted and named by idKey, the 18-character form (15/18 characters, any letter case: one owner), as
 * --json's owners[].ownerId and the snapshots name them: one Id reads the same everywhere, and its first
 * 15 characters find it in a file that writes the 15-character form.
 */
function warnUnknownOwners(ctx: ObjectContext, object: string, counted: Counted): void {
  const { byId, queues } = ctx.population;
  const owners = new Set<string>();
  let records = 0;
  counted.counter.groups.forEach((g) => {
    const ownerId = idKey(g.keys[0]!);
    if (ownerId === '' || byId.has(ownerId) || queues.has(ownerId) || ownerId.startsWith('00G')) return;
    owners.add(ownerId);
    records += g.counts[0]!;
  });
  if (records > 0)
    ctx.warn?.(
      warningOf('sync.run', 'warning.UnknownOwners', [
        object,
        records,
        owners.size,
        firstFew([...owners.values()], 3)
      ])
    );
}

/**
 * Offline, a completeness rule whose Stages__c names a stage no record of the export has, when that looks
 * like a typo (such as "Qualifcation"): none of the rule's stages is in the data, or the stage is within two
 * letters of a stage the data has or of a default stage (DEFAULT_STAGES). A valid stage that no record
 * happens to be at this week is not said (it would alarm a sponsor for nothing). Stage cells are compared trimmed, in any
 * letter case, as the measurement reads them. Only when the file has the stage field. Live, the org's
 * picklist is the authority, not the data.
 */
function warnUnseenStages(ctx: ObjectContext, object: string, shape: ObjectShape, counted: Counted): void {
  if (!shape.stageField) return;
  const key = (stage: string): string => stage.trim().toLowerCase();
  const seen = new Set(counted.counter.groups.map((g) => key(g.keys[2] ?? '')));
  const rules = ctx.rules.filter((rule) => rule.active && sameName(rule.object, object));
  const known = new Set([...seen, ...DEFAULT_STAGES.map(key)]);
  for (const rule of rules) {
    const stages = rule.stages.map(key);
    const noneSeen = stages.length > 0 && stages.every((stage) => !seen.has(stage));
    const unseen = rule.stages.filter((stage) => {
      const k = key(stage);
      if (seen.has(k)) return false;
      return noneSeen || [...known].some((other) => other !== k && editDistance(other, k) <= 2);
    });
    if (unseen.length > 0)
      ctx.warn?.(
        warningOf('sync.run', 'warning.StageNotInData', [
          object,
          rule.name ?? `${rule.object}.${rule.field}`,
          shape.stageField,
          unseen.join(', '),
          shape.stageField,
          // Not in the console's text: the report names the rule by this field's label.
          rule.field
        ])
      );
  }
}

/**
 * The stage and status values a new org has (Salesforce Help, "Opportunity Stage", "Lead Status" and "Case
 * Status" default picklist values): a rule's stage two letters from one of them is likely a typo of it.
 */
const DEFAULT_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
  'New',
  'Working',
  'Escalated',
  'Closed'
];

/** Levenshtein distance between two short texts (stage names): insertions, deletions, substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Says what the row rules left out (engine/row-rules.ts). */
export function warnRowRules(
  ctx: Pick<ObjectContext, 'warn'>,
  object: string,
  d: ObjectDescribe,
  rules: RowRules
): void {
  const { deleted, duplicates } = rules.counts;
  if (deleted > 0) ctx.warn?.(warningOf('sync.run', 'warning.DeletedLeftOut', [object, deleted]));
  if (duplicates > 0)
    ctx.warn?.(warningOf('sync.run', 'warning.FoundTwice', [object, duplicates, d.parts ?? 2]));
  if (rules.counts.unsureSeries > 0)
    ctx.warn?.(warningOf('sync.run', 'warning.SeriesUnsure', [object, rules.counts.unsureSeries, object]));
  const { blank, headers, unreadableDeleted, unreadableSample } = rules.counts;
  if (blank > 0) ctx.warn?.(warningOf('sync.run', 'warning.BlankRows', [object, blank]));
  if (headers > 0) ctx.warn?.(warningOf('sync.run', 'warning.HeaderRows', [object, headers]));
  if (unreadableDeleted > 0)
    ctx.warn?.(
      warningOf('sync.run', 'warning.UnreadableDeleted', [
        object,
        unreadableDeleted,
        unreadableSample.join(', ')
      ])
    );
}
