/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array and fixed-size-array indexes bounded by construction in hot loops (noUncheckedIndexedAccess); checks would cost per cell. */
// The measurement engine: one streaming pass per object over a RecordSource. Memory is flat in the
// number of records: aggregates are per owner, per record type × stage, per user and per rule field.

import {
  compilePlan,
  decileOf,
  fieldKindOf,
  isActive,
  isComplete,
  minutesSaved,
  scoreBits
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type { Applicability } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { SyncInputError } from '../errors';
import { FillCounter, MAX_PATTERN_FIELDS } from './fill-rate';
import type { RawCells, RowBatch } from '../csv/csv-reader';
import type {
  ObjectDescribe,
  ReadProgress,
  RecordSource,
  RuleSet,
  UserRecord
} from '../sources/record-source';
import type { PeriodType } from '../snapshots/types';
import { dayNumber, isoDay, periodEndDay, periodStartDay, trendPeriods, workingDays } from './periods';
import type {
  CompletenessSummary,
  ExcludedUser,
  FieldCount,
  GroupResult,
  ObjectResult,
  RuleFieldResult,
  SyncResult,
  TeamActivityResult,
  UserResult
} from './result';
import { SCHEMA_VERSION, byEngagement } from './result';

export const DEFAULT_OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity'];
/** Objects read for activity (tasks and events logged) whether measured or not. */
const ACTIVITY_OBJECTS = ['Task', 'Event'];
const STAGE_FIELDS = ['StageName', 'Status'];
export const NO_TEAM = '(no team)';
const NONE = '(none)';

export interface MeasureOptions {
  /** --objects: every one must exist in the source (else SyncInputError). Default: DEFAULT_OBJECTS + rule objects. */
  objects?: readonly string[];
  /** User field giving the team; default: the Cockpit setting (UserRole.Name). */
  teamField?: string;
  /** Default: the Cockpit setting (Week). */
  periodType?: PeriodType;
  /** yyyy-mm-dd; default today (UTC). */
  asOf?: string;
  includeIntegrationUsers?: boolean;
  includeInactiveUsers?: boolean;
  /** Periods in the activity trend (default 12). */
  trendCount?: number;
  progress?: MeasureProgress;
  /** Rules already loaded (else source.loadRules()). */
  rules?: RuleSet;
  /**
   * Score every record in a per-record loop even when few rule fields let the groups score them by
   * pattern (same figures; for tests comparing both paths).
   */
  scoreEachRecord?: boolean;
}

export interface MeasureProgress extends ReadProgress {
  objectStart(object: string): void;
  objectEnd(object: string, records: number): void;
  warn(message: string): void;
}

interface Distribution {
  scored: number;
  scoreSum: number;
  complete: number;
  deciles: Int32Array;
}

function newDistribution(): Distribution {
  return { scored: 0, scoreSum: 0, complete: 0, deciles: new Int32Array(10) };
}

function addDistribution(into: Distribution, from: Distribution): void {
  into.scored += from.scored;
  into.scoreSum += from.scoreSum;
  into.complete += from.complete;
  for (let i = 0; i < 10; i++) into.deciles[i]! += from.deciles[i]!;
}

function summary(d: Distribution): CompletenessSummary {
  return {
    scored: d.scored,
    average: d.scored > 0 ? round(d.scoreSum / d.scored, 4) : null,
    complete: d.complete,
    deciles: [...d.deciles]
  };
}

/** Counts of one group of records: records, filled per measured field, score distribution. */
interface Group {
  records: number;
  filled: Int32Array;
  dist: Distribution;
}

function newGroup(fields: number): Group {
  return { records: 0, filled: new Int32Array(fields), dist: newDistribution() };
}

function addGroup(into: Group, from: Group): void {
  into.records += from.records;
  for (let i = 0; i < from.filled.length; i++) into.filled[i]! += from.filled[i]!;
  addDistribution(into.dist, from.dist);
}

interface UserStats {
  created: number;
  updated: number;
  tasks: number;
  events: number;
  owned: number;
  /** Bit i = day (periodStart + i) had activity. */
  days: number;
  dist: Distribution;
  trendCreated: Int32Array;
  trendTasks: Int32Array;
  trendEvents: Int32Array;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Which users are excluded, and why. */
export function excludedUsers(
  users: readonly UserRecord[],
  settings: RuleSet['settings'],
  includeIntegrationUsers: boolean,
  includeInactiveUsers: boolean
): ExcludedUser[] {
  const types = new Set(settings.excludedUserTypes.map((t) => t.toLowerCase()));
  const profiles = new Set(settings.excludedProfiles.map((p) => p.toLowerCase()));
  const out: ExcludedUser[] = [];
  for (const u of users) {
    if (!includeIntegrationUsers && types.has(u.userType.toLowerCase())) {
      out.push({ userId: u.id, name: u.name, reason: 'user type', detail: u.userType });
    } else if (!includeIntegrationUsers && profiles.has(u.profileName.toLowerCase())) {
      out.push({ userId: u.id, name: u.name, reason: 'profile', detail: u.profileName });
    } else if (!includeInactiveUsers && !u.isActive) {
      out.push({ userId: u.id, name: u.name, reason: 'inactive', detail: 'IsActive = false' });
    }
  }
  return out;
}

function findColumn(columns: readonly string[], name: string): number {
  const lower = name.toLowerCase();
  return columns.findIndex((c) => c.toLowerCase() === lower);
}

/** Measures every selected object and user activity. */
export async function measure(source: RecordSource, options: MeasureOptions = {}): Promise<SyncResult> {
  const started = Date.now();
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.progress?.warn(message);
  };
  const rules = options.rules ?? (await source.loadRules());
  const settings = rules.settings;
  const periodType = options.periodType ?? settings.snapshotPeriod;
  const teamField = options.teamField ?? settings.teamField;
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const asOfDay = dayNumber(asOf);
  if (Number.isNaN(asOfDay)) {
    throw new SyncInputError(`--as-of "${asOf}" is not a date.`, 'Use yyyy-mm-dd, e.g. --as-of 2026-11-20.');
  }
  const periodStart = periodStartDay(asOfDay, periodType);
  const periodEnd = periodEndDay(periodStart, periodType);
  const trendCount = options.trendCount ?? 12;
  const trendStarts = trendPeriods(asOfDay, periodType, trendCount);
  const trendFirst = trendStarts[0]!;
  const trendIndex = (day: number): number => {
    if (!(day >= trendFirst) || day >= periodEnd) return -1;
    if (periodType === 'Day') return day - trendFirst;
    if (periodType === 'Week') return Math.floor((day - trendFirst) / 7);
    let i = trendStarts.length - 1;
    while (i > 0 && trendStarts[i]! > day) i--;
    return i;
  };

  // Objects.
  const available = await source.listObjects();
  const availableLower = new Map(available.map((o) => [o.toLowerCase(), o]));
  let objects: string[];
  if (options.objects && options.objects.length > 0) {
    objects = [];
    for (const requested of options.objects) {
      const found = availableLower.get(requested.toLowerCase());
      if (!found) {
        throw new SyncInputError(
          `Object ${requested} (from --objects) is not in the ${source.description}.`,
          source.kind === 'export'
            ? `Add ${requested}.csv to the export, check the spelling (API name, e.g. Opportunity), or remove it from --objects.`
            : `Check the API name (e.g. Opportunity, Custom__c) and that the sync user can read it, or remove it from --objects.`
        );
      }
      if (!objects.includes(found)) objects.push(found);
    }
  } else {
    const wanted = [...DEFAULT_OBJECTS];
    for (const rule of rules.completeness) {
      if (rule.active && !wanted.some((o) => o.toLowerCase() === rule.object.toLowerCase()))
        wanted.push(rule.object);
    }
    objects = [];
    for (const name of wanted) {
      const found = availableLower.get(name.toLowerCase());
      if (found) objects.push(found);
      else warn(`${name} is not in the ${source.description}: skipped.`);
    }
  }

  // Users.
  const users = await source.readUsers(teamField);
  const userById = new Map(users.map((u) => [u.id, u]));
  const excluded = excludedUsers(
    users,
    settings,
    options.includeIntegrationUsers ?? false,
    options.includeInactiveUsers ?? false
  );
  const excludedIds = new Set(excluded.map((e) => e.userId));
  const included = users.filter((u) => !excludedIds.has(u.id));
  const stats = new Map<string, UserStats>();
  for (const u of included) {
    stats.set(u.id, {
      created: 0,
      updated: 0,
      tasks: 0,
      events: 0,
      owned: 0,
      days: 0,
      dist: newDistribution(),
      trendCreated: new Int32Array(trendCount),
      trendTasks: new Int32Array(trendCount),
      trendEvents: new Int32Array(trendCount)
    });
  }
  const teamOf = (ownerId: string): string => {
    const user = userById.get(ownerId);
    if (!user) return ownerId.startsWith('00G') ? '(queue)' : NO_TEAM;
    return user.team || NO_TEAM;
  };

  // Rule fields must exist on their objects.
  const describes = new Map<string, ObjectDescribe>();
  for (const object of objects) {
    const d = await source.describe(object);
    if (!d)
      throw new SyncInputError(
        `Object ${object} cannot be described by the ${source.description}.`,
        'Check the object name and access.'
      );
    describes.set(object, d);
    const names = new Set(d.fields.map((f) => f.name.toLowerCase()));
    for (const rule of rules.completeness) {
      if (rule.object.toLowerCase() !== object.toLowerCase() || names.has(rule.field.toLowerCase())) continue;
      throw new SyncInputError(
        `The completeness rule ${rule.name ?? ''} (${rules.origin}) names the field ${rule.object}.${rule.field}, which ${source.kind === 'export' ? `${object}.csv has no column for` : 'the org does not have (or the sync user cannot read)'}.`,
        `Fix Field__c in ${rule.name ? `Completeness_Rule.${rule.name}.md-meta.xml` : 'the rule'} (an API name such as NextStep or Budget__c), or deactivate the rule.`
      );
    }
  }

  const objectResults: ObjectResult[] = [];
  for (const object of objects) {
    options.progress?.objectStart(object);
    const r = await measureObject(object, describes.get(object)!);
    options.progress?.objectEnd(object, r.records);
    objectResults.push(r);
  }
  for (const object of ACTIVITY_OBJECTS) {
    if (objects.some((o) => o.toLowerCase() === object.toLowerCase())) continue;
    const found = availableLower.get(object.toLowerCase());
    if (!found) continue;
    options.progress?.objectStart(found);
    const n = await activityOnly(found);
    options.progress?.objectEnd(found, n);
  }
  const keyUsers = await idsFrom('Key_User__c', 'User__c');
  const sponsors = await idsFrom('Sponsor_Message__c', 'Sponsor__c');

  // Users: engagement, minutes saved, champions.
  const workDays = workingDays(periodStart, periodEnd);
  const points = (s: UserStats): number => 3 * s.created + s.updated + 2 * s.tasks + 2 * s.events;
  const positive = [...stats.values()]
    .map(points)
    .filter((p) => p > 0)
    .sort((a, b) => a - b);
  const reference = Math.max(1, positive.length > 0 ? positive[Math.floor(0.9 * (positive.length - 1))]! : 1);
  const userResults: UserResult[] = [];
  for (const u of included) {
    const s = stats.get(u.id)!;
    const activeDays = popcount(s.days);
    const completeness = s.dist.scored > 0 ? s.dist.scoreSum / s.dist.scored : null;
    const loginDay = u.lastLoginDate ? dayNumber(u.lastLoginDate) : Number.NaN;
    let loginPart = 0;
    if (!Number.isNaN(loginDay)) {
      if (loginDay >= periodStart) loginPart = 1;
      else loginPart = Math.max(0, 1 - (periodStart - loginDay) / 30);
    }
    const engagement =
      100 *
      (0.4 * Math.min(1, points(s) / reference) +
        0.2 * Math.min(1, activeDays / workDays) +
        0.2 * loginPart +
        0.2 * (completeness ?? 0));
    const counts = { created: s.created, updated: s.updated, tasks: s.tasks, events: s.events, activeDays };
    const active = isActive(counts);
    const minutes = minutesSaved(rules.benefits, counts);
    userResults.push({
      userId: u.id,
      name: u.name,
      team: u.team || NO_TEAM,
      recordsCreated: s.created,
      recordsUpdated: s.updated,
      tasksLogged: s.tasks,
      eventsLogged: s.events,
      recordsOwned: s.owned,
      activeDays,
      lastLogin: u.lastLoginDate,
      active,
      engagementScore: round(engagement, 1),
      completeness: completeness === null ? null : round(completeness, 4),
      minutesSaved: Math.round(minutes),
      isKeyUser: keyUsers.has(u.id),
      isSponsor: sponsors.has(u.id),
      championCandidate: false
    });
  }
  const champions = userResults
    .filter((u) => !u.isKeyUser && u.engagementScore >= 60)
    .sort(byEngagement)
    .slice(0, Math.max(0, settings.championCandidates));
  for (const c of champions) c.championCandidate = true;
  userResults.sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name));

  const teamMap = new Map<string, TeamActivityResult & { engagementSum: number }>();
  for (const u of userResults) {
    const t = teamMap.get(u.team) ?? {
      team: u.team,
      users: 0,
      activeUsers: 0,
      keyUsers: 0,
      averageEngagement: 0,
      minutesSaved: 0,
      recordsCreated: 0,
      recordsUpdated: 0,
      engagementSum: 0
    };
    t.users++;
    if (u.active) t.activeUsers++;
    if (u.isKeyUser) t.keyUsers++;
    t.engagementSum += u.engagementScore;
    t.minutesSaved += u.minutesSaved;
    t.recordsCreated += u.recordsCreated;
    t.recordsUpdated += u.recordsUpdated;
    teamMap.set(u.team, t);
  }
  const teams: TeamActivityResult[] = [...teamMap.values()]
    .map(({ engagementSum, ...t }) => ({
      ...t,
      averageEngagement: round(engagementSum / Math.max(1, t.users), 1)
    }))
    .sort((a, b) => a.team.localeCompare(b.team));

  const trendTeams = new Map<
    string,
    { team: string; created: number[]; tasks: number[]; events: number[] }
  >();
  for (const u of included) {
    const team = u.team || NO_TEAM;
    const s = stats.get(u.id)!;
    const t = trendTeams.get(team) ?? {
      team,
      created: new Array<number>(trendCount).fill(0),
      tasks: new Array<number>(trendCount).fill(0),
      events: new Array<number>(trendCount).fill(0)
    };
    for (let i = 0; i < trendCount; i++) {
      t.created[i]! += s.trendCreated[i]!;
      t.tasks[i]! += s.trendTasks[i]!;
      t.events[i]! += s.trendEvents[i]!;
    }
    trendTeams.set(team, t);
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    asOf,
    source: { kind: source.kind, description: source.description },
    period: { type: periodType, start: isoDay(periodStart), end: isoDay(periodEnd - 1) },
    teamField,
    objects: objectResults,
    users: userResults,
    teams,
    championCandidates: champions.map((c) => c.userId),
    excludedUsers: excluded,
    activityTrend: {
      periodStarts: trendStarts.map(isoDay),
      teams: [...trendTeams.values()].sort((a, b) => a.team.localeCompare(b.team))
    },
    snapshots: { user: 0, team: 0, completeness: 0 },
    warnings,
    elapsedMs: Date.now() - started
  };

  async function idsFrom(object: string, field: string): Promise<Set<string>> {
    const ids = new Set<string>();
    const found = availableLower.get(object.toLowerCase());
    if (!found) return ids;
    const d = await source.describe(found);
    if (!d || !d.fields.some((f) => f.name.toLowerCase() === field.toLowerCase())) return ids;
    for await (const batch of source.streamRecords(found, [field])) {
      const c = findColumn(batch.columns, field);
      if (c < 0) continue;
      for (let r = 0; r < batch.length; r++) if (!batch.isEmpty(r, c)) ids.add(batch.value(r, c));
    }
    return ids;
  }

  function countActivity(
    kind: 'record' | 'task' | 'event',
    batch: RowBatch,
    r: number,
    createdBy: number,
    createdDate: number,
    modifiedBy: number,
    modifiedDate: number,
    raw: RawCells | null = null
  ): void {
    if (createdBy >= 0 && createdDate >= 0) {
      const s = stats.get(batch.value(r, createdBy));
      if (s) {
        const day = dayAt(batch, raw, r, createdDate);
        const t = trendIndex(day);
        if (t >= 0) {
          if (kind === 'task') s.trendTasks[t]!++;
          else if (kind === 'event') s.trendEvents[t]!++;
          else s.trendCreated[t]!++;
        }
        if (day >= periodStart && day < periodEnd) {
          if (kind === 'task') s.tasks++;
          else if (kind === 'event') s.events++;
          else s.created++;
          s.days |= 1 << (day - periodStart);
        }
      }
    }
    if (kind === 'record' && modifiedBy >= 0 && modifiedDate >= 0) {
      const s = stats.get(batch.value(r, modifiedBy));
      if (s) {
        const day = dayAt(batch, raw, r, modifiedDate);
        if (
          day >= periodStart &&
          day < periodEnd &&
          (createdDate < 0 || !sameCell(batch, raw, r, modifiedDate, createdDate))
        ) {
          s.updated++;
          s.days |= 1 << (day - periodStart);
        }
      }
    }
  }

  function activityKind(object: string): 'record' | 'task' | 'event' {
    const lower = object.toLowerCase();
    return lower === 'task' ? 'task' : lower === 'event' ? 'event' : 'record';
  }

  async function activityOnly(object: string): Promise<number> {
    const kind = activityKind(object);
    const d = await source.describe(object);
    if (!d) return 0;
    const wanted = ['CreatedById', 'CreatedDate'].filter((f) => d.fields.some((x) => x.name === f));
    if (wanted.length < 2) return 0;
    let n = 0;
    for await (const batch of source.streamRecords(object, wanted, { progress: options.progress })) {
      const cb = findColumn(batch.columns, 'CreatedById');
      const cd = findColumn(batch.columns, 'CreatedDate');
      const raw = batch.raw ? batch.raw() : null;
      for (let r = 0; r < batch.length; r++) countActivity(kind, batch, r, cb, cd, -1, -1, raw);
      n += batch.length;
    }
    return n;
  }

  async function measureObject(object: string, d: ObjectDescribe): Promise<ObjectResult> {
    const kind = activityKind(object);
    const fields = d.fields;
    const fieldNames = fields.map((f) => f.name);
    const width = fields.length;
    const kinds = fields.map((f) => fieldKindOf(String(f.type)));
    const stageField = STAGE_FIELDS.find((s) => fields.some((f) => f.name === s)) ?? null;
    const fieldIndex = (name: string): number =>
      fieldNames.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    // The scoring kernel's plan: rule fields in bit order (FillCounter tracks them), applicability per
    // record type × stage, weights.
    const plan = compilePlan(
      rules.completeness,
      object,
      fields.map((f, i) => ({ name: f.name, kind: kinds[i]! }))
    );
    const ruleFieldNames = plan.fields.map((f) => f.name);
    const ruleFieldColumns = Int32Array.from(ruleFieldNames, fieldIndex);
    const rtNames = new Map(d.recordTypes.map((rt) => [rt.id, rt.developerName]));
    for (const rt of d.recordTypes)
      if (rt.id.length === 18) rtNames.set(rt.id.slice(0, 15), rt.developerName);

    interface Combo {
      recordType: string;
      stage: string;
      rules: Applicability;
    }
    const combos = new Map<string, Combo>();
    const comboFor = (rtId: string, stage: string): Combo => {
      const key = rtId + '\u0001' + stage;
      let c = combos.get(key);
      if (!c) {
        const recordType = rtId === '' ? NONE : (rtNames.get(rtId) ?? rtId);
        const stageName = stage === '' ? NONE : stage;
        c = {
          recordType,
          stage: stageName,
          rules: plan.applicable(
            recordType === NONE ? null : recordType,
            stageName === NONE ? null : stageName
          )
        };
        combos.set(key, c);
      }
      return c;
    };

    // The hot loop (fill-rate.ts): records and filled fields per owner × record type × stage, the loop the
    // benchmark measures. Owners, teams, record types and stages are roll-ups of these groups; what is per
    // record (the completeness score, activity dates) is layered on top, row by row.
    const counter = new FillCounter(
      fieldNames,
      ['OwnerId', 'RecordTypeId', ...(stageField ? [stageField] : [])],
      kinds,
      [...ruleFieldColumns],
      options.scoreEachRecord ? 0 : MAX_PATTERN_FIELDS
    );
    const groupCombo: Combo[] = [];
    const groupExcluded: boolean[] = [];
    const groupDist: Distribution[] = [];
    // Scores from each group's records per filled pattern of the rule fields (few rule fields), else per row.
    const byPattern = counter.hasPatterns;

    let lastColumns: readonly string[] | null = null;
    let cbCol = -1;
    let cdCol = -1;
    let mbCol = -1;
    let mdCol = -1;
    for await (const batch of source.streamRecords(object, fieldNames, { progress: options.progress })) {
      counter.add(batch);
      const fillGroups = counter.groups;
      for (let g = groupCombo.length; g < fillGroups.length; g++) {
        const keys = fillGroups[g]!.keys;
        groupExcluded.push(excludedIds.has(keys[0]!));
        groupCombo.push(comboFor(keys[1]!, keys[2] ?? ''));
        groupDist.push(newDistribution());
      }
      if (batch.columns !== lastColumns) {
        lastColumns = batch.columns;
        cbCol = findColumn(batch.columns, 'CreatedById');
        cdCol = findColumn(batch.columns, 'CreatedDate');
        mbCol = findColumn(batch.columns, 'LastModifiedById');
        mdCol = findColumn(batch.columns, 'LastModifiedDate');
      }
      const activity = (cbCol >= 0 && cdCol >= 0) || (mbCol >= 0 && mdCol >= 0);
      const raw = batch.raw ? batch.raw() : null;
      // Per record on top of the counts: activity dates, and scores when the groups cannot give them.
      if (!activity && byPattern) continue;
      const rowGroup = counter.rowGroup;
      const rowBits = counter.rowBits;
      const words = counter.wordCount;
      const rows = batch.length;
      for (let r = 0; r < rows; r++) {
        if (activity) countActivity(kind, batch, r, cbCol, cdCol, mbCol, mdCol, raw);
        if (byPattern) continue;
        const g = rowGroup[r]!;
        if (groupExcluded[g] === true) continue;
        const score = scoreBits(groupCombo[g]!.rules, rowBits, r * words);
        if (score !== null) addScore(groupDist[g]!, score, 1);
      }
    }

    // Roll up the groups per owner, record type × stage and team; rule fields per team from the groups
    // their rules apply to (a rule's applicability depends only on the record type and stage).
    let excludedRecords = 0;
    const owners = new Map<string, Group>();
    const byCombo = new Map<Combo, Group>();
    const byTeam = new Map<string, Group>();
    const ruleCounts = (): { records: Int32Array; filled: Int32Array } => ({
      records: new Int32Array(ruleFieldNames.length),
      filled: new Int32Array(ruleFieldNames.length)
    });
    const ruleTotal = ruleCounts();
    const ruleByTeam = new Map<string, { records: Int32Array; filled: Int32Array }>();
    const into = <K>(m: Map<K, Group>, key: K): Group => {
      let g = m.get(key);
      if (!g) {
        g = newGroup(width);
        m.set(key, g);
      }
      return g;
    };
    counter.groups.forEach((fg, g) => {
      const counts = fg.counts;
      if (groupExcluded[g] === true) {
        excludedRecords += counts[0]!;
        return;
      }
      const ownerId = fg.keys[0]!;
      const combo = groupCombo[g]!;
      const team = teamOf(ownerId);
      const dist = groupDist[g]!;
      if (fg.patterns && combo.rules.total > 0) scorePatterns(fg.patterns, combo.rules, dist);
      for (const target of [into(owners, ownerId), into(byCombo, combo), into(byTeam, team)]) {
        target.records += counts[0]!;
        const filled = target.filled;
        for (let i = 0; i < width; i++) filled[i]! += counts[i + 1]!;
        addDistribution(target.dist, dist);
      }
      const ar = combo.rules;
      if (ar.total > 0) {
        let t = ruleByTeam.get(team);
        if (!t) {
          t = ruleCounts();
          ruleByTeam.set(team, t);
        }
        for (let k = 0; k < ar.fieldIndexes.length; k++) {
          const i = ar.fieldIndexes[k]!;
          const filled = counts[ruleFieldColumns[i]! + 1]!;
          ruleTotal.records[i]! += counts[0]!;
          ruleTotal.filled[i]! += filled;
          t.records[i]! += counts[0]!;
          t.filled[i]! += filled;
        }
      }
    });

    const total = newGroup(width);
    const byRecordType = new Map<string, Group>();
    const byStage = new Map<string, Group>();
    for (const [c, cg] of byCombo) {
      addGroup(total, cg);
      addGroup(into(byRecordType, c.recordType), cg);
      if (stageField) addGroup(into(byStage, c.stage), cg);
    }
    for (const [ownerId, g] of owners) {
      const s = stats.get(ownerId);
      if (s) {
        s.owned += g.records;
        addDistribution(s.dist, g.dist);
      }
    }
    const counts = (g: Group): FieldCount[] => fieldNames.map((name, i) => ({ name, filled: g.filled[i]! }));
    const group = (g: Group): GroupResult => ({
      records: g.records,
      fields: counts(g),
      completeness: summary(g.dist)
    });
    const ruleFieldResults = (
      r: { records: Int32Array; filled: Int32Array } | undefined
    ): RuleFieldResult[] =>
      ruleFieldNames.map((field, i) => ({ field, records: r?.records[i] ?? 0, filled: r?.filled[i] ?? 0 }));
    const byName = <T>(m: Map<string, Group>, make: (key: string, g: Group) => T): T[] =>
      [...m.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, g]) => make(k, g));
    return {
      name: object,
      records: total.records,
      excludedRecords,
      stageField,
      fields: fields.map((f, i) => ({
        name: f.name,
        type: String(f.type),
        filled: total.filled[i]!,
        fillRate: total.records > 0 ? round(total.filled[i]! / total.records, 4) : 0
      })),
      owners: byName(owners, (ownerId, g) => ({
        ownerId,
        ownerName: userById.get(ownerId)?.name ?? ownerId,
        team: teamOf(ownerId),
        ...group(g)
      })),
      teams: byName(byTeam, (team, g) => ({
        team,
        ...group(g),
        ruleFields: ruleFieldResults(ruleByTeam.get(team))
      })),
      recordTypes: byName(byRecordType, (recordType, g) => ({ recordType, ...group(g) })),
      stages: byName(byStage, (stage, g) => ({ stage, ...group(g) })),
      completeness: summary(total.dist),
      ruleFields: ruleFieldResults(ruleTotal)
    };
  }
}

/** Adds `n` records scoring `score` to a distribution. */
function addScore(dist: Distribution, score: number, n: number): void {
  dist.scored += n;
  dist.scoreSum += score * n;
  if (isComplete(score)) dist.complete += n;
  dist.deciles[decileOf(score)]! += n;
}

/**
 * Adds to `dist` the scores of records counted per pattern of filled rule fields (pattern p: the filled
 * bits of the plan's rule fields, at most MAX_PATTERN_FIELDS of them: one word).
 */
function scorePatterns(patterns: Int32Array, rules: Applicability, dist: Distribution): void {
  const bits = new Int32Array(1);
  for (let p = 0; p < patterns.length; p++) {
    const n = patterns[p]!;
    if (n === 0) continue;
    bits[0] = p;
    const score = scoreBits(rules, bits);
    if (score !== null) addScore(dist, score, n);
  }
}

/** Two digits… as a number, or -1 when a byte is not a digit. */
function digitsAt(buf: Buffer, at: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = buf[at + k]! - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * dayNumber() of a cell, read from its bytes when it is yyyy-mm-dd or a UTC date-time (…Z), as exports and
 * Bulk API results write them: no decoding. Anything else goes through dayNumber.
 */
function dayAt(batch: RowBatch, raw: RawCells | null, r: number, col: number): number {
  if (raw) {
    const i = r * raw.width + col;
    const s = raw.starts[i]!;
    const e = raw.ends[i]!;
    const buf = raw.buf;
    if (
      s >= 0 &&
      (e - s === 10 || (e - s > 10 && buf[e - 1] === 0x5a)) &&
      buf[s + 4] === 0x2d &&
      buf[s + 7] === 0x2d
    ) {
      const y = digitsAt(buf, s, 4);
      const m = digitsAt(buf, s + 5, 2);
      const d = digitsAt(buf, s + 8, 2);
      if (y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
        return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  }
  return dayNumber(batch.value(r, col));
}

/** Whether two cells of a row hold the same text (bytes compared when available). */
function sameCell(batch: RowBatch, raw: RawCells | null, r: number, a: number, b: number): boolean {
  if (!raw) return batch.value(r, a) === batch.value(r, b);
  const ia = r * raw.width + a;
  const ib = r * raw.width + b;
  const sa = raw.starts[ia]!;
  const sb = raw.starts[ib]!;
  if (sa < 0 || sb < 0) return batch.value(r, a) === batch.value(r, b);
  const n = raw.ends[ia]! - sa;
  if (raw.ends[ib]! - sb !== n) return false;
  return raw.buf.compare(raw.buf, sb, sb + n, sa, sa + n) === 0;
}

function popcount(n: number): number {
  let c = 0;
  let v = n >>> 0;
  while (v) {
    v &= v - 1;
    c++;
  }
  return c;
}
