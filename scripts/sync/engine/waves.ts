// Roll-out waves, measured per wave after the main measurement (issue 13): the wave's users (the included
// users of its teams), the fill rate of its rule fields on its teams' records, its key users, its trainings
// and their measured effect; then the gates and the status by lwc/waveReadiness (the rule the waveBoard
// component shows) with each acceptance session's readiness by lwc/acceptanceReadiness (the console's own
// go/no-go rule). A stage of measureRun (engine/measure.ts), after the roll-ups and before the snapshots.
//
// Reads Rollout_Wave__c, Acceptance_Session__c, Acceptance_Test_Case__c, Training_Session__c,
// Training_Attendance__c, Key_User__c and User_Adoption_Snapshot__c (weekly history, for the training
// effect) from the source: the org (Bulk API 2.0) or the export's CSVs. Without Rollout_Wave__c there are no
// wave figures and a warning says what to add; each other missing object is a warning and leaves its part
// blank (so the gate says "not measured" rather than a wrong figure).

import { computeReadiness } from '../../../force-app/main/default/lwc/acceptanceReadiness/acceptanceReadiness.ts';
import {
  assessWave,
  dayOf,
  isoOf,
  parseRuleNames,
  parseTeams,
  sameTeam,
  type Gate,
  type WavePhase,
  type WaveStatus
} from '../../../force-app/main/default/lwc/waveReadiness/waveReadiness.ts';
import type { RecordSource, RuleSet } from '../sources/record-source';
import {
  idKey,
  nameKey,
  sameName
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type { CompletenessRule } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { warningOf, type SyncWarning } from '../messages';
import { DateReader } from './periods';
import type { SyncResult, UserResult } from './result';

/** Weeks after the training at which its effect is measured (issue 13: 2, 4 and 8), and the week before. */
export const EFFECT_OFFSETS = { before: -1, week2: 2, week4: 4, week8: 8 } as const;
export type EffectOffset = keyof typeof EFFECT_OFFSETS;

/** A group's figures in one week relative to the training. */
export interface EffectFigures {
  /** People with a weekly user snapshot that week. */
  users: number;
  /** Share active, 0–100 one decimal; null when nobody was measured. */
  active: number | null;
  /** Mean completeness, 0–100 one decimal; null when no snapshot had one. */
  completeness: number | null;
}

/** Training effect of a wave: attendees against in-scope users not trained yet, at the same calendar weeks. */
export interface TrainingEffect {
  /** Attendees of the wave's held trainings (first training counts). */
  attendees: number;
  offsets: Record<EffectOffset, { trained: EffectFigures; untrained: EffectFigures }>;
}

/** One wave as the JSON result gives it (`waves[]`): names are a contract, add fields, never rename. */
export interface WaveResult {
  waveId: string;
  name: string;
  process: string;
  teams: string[];
  goLiveDate: string | null;
  hypercareEndDate: string | null;
  phase: WavePhase;
  status: WaveStatus;
  /** Days since go-live on the run's as-of date (negative before it). */
  day: number | null;
  gates: Gate[];
  /** Included users of the wave's teams. */
  users: number;
  activeUsers: number;
  /** 0–100 one decimal, null when no user is in scope. */
  activeShare: number | null;
  /** Fill rate of the wave's rule fields on its teams' records, 0–100 one decimal; null when none applied. */
  completeness: number | null;
  /** Rule names of Rule_Names__c that match no active completeness rule. */
  unknownRules: string[];
  teamsTrainedKeyUser: number;
  teamsWithoutActiveKeyUser: string[];
  /** People who attended a held training of the wave. */
  trainedUsers: number;
  /** Attendees trained more than Follow_Up_Weeks__c weeks ago and not followed up. */
  followUpsDue: number;
  /** null when the source has no weekly user snapshot history. */
  trainingEffect: TrainingEffect | null;
}

type Row = Record<string, string>;

/**
 * Reads the wanted columns of an object that the source has (absent columns read as ""); null when the
 * object is absent. Values of its `dates` columns that are not ISO 8601 dates (a file Excel saved again)
 * are read as no date, as the wave rules do, and counted per column in warning.UnreadableWaveDates.
 */
async function readRows(
  source: RecordSource,
  object: string,
  wanted: readonly string[],
  dates?: { columns: readonly string[]; warn: (warning: SyncWarning) => void }
): Promise<Row[] | null> {
  const describe = await source.describe(object);
  if (!describe) return null;
  const present = new Map(describe.fields.map((f) => [f.name.toLowerCase(), f.name]));
  const fields = wanted.map((w) => present.get(w.toLowerCase())).filter((f): f is string => f !== undefined);
  const rows: Row[] = [];
  for await (const batch of source.streamRecords(object, fields)) {
    const index = wanted.map((w) => batch.columns.findIndex((c) => c.toLowerCase() === w.toLowerCase()));
    for (let r = 0; r < batch.length; r++) {
      const row: Row = {};
      wanted.forEach((w, i) => {
        const c = index[i] ?? -1;
        row[w] = c >= 0 ? batch.value(r, c) : '';
      });
      rows.push(row);
    }
  }
  if (dates) {
    const reader = new DateReader();
    for (const row of rows) for (const column of dates.columns) reader.day(row[column] ?? '', column);
    for (const u of reader.take())
      dates.warn(
        warningOf('sync.run', 'warning.UnreadableWaveDates', [object, u.column, u.count, u.example])
      );
  }
  return rows;
}

/** The source's objects, by lower-case name. */
async function objectsOf(source: RecordSource): Promise<Set<string>> {
  return new Set((await source.listObjects()).map((o) => o.toLowerCase()));
}

const isTrue = (value: string | undefined): boolean => value === 'true' || value === '1';
const round1 = (value: number): number => Math.round(value * 10) / 10;
const num = (value: string | undefined): number | null => {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** Monday (day number) of the week holding a day. */
function weekStart(day: number): number {
  // 1970-01-01 was a Thursday: day 0 → Monday is day -3.
  return day - ((((day + 3) % 7) + 7) % 7);
}

interface WeekFigure {
  active: boolean;
  completeness: number | null;
}

/** Running sums of a group's figures; `weight` counts a figure several times (one per attendee of a week). */
class Tally {
  private users = 0;
  private active = 0;
  private completeSum = 0;
  private completeCount = 0;

  add(figure: WeekFigure, weight = 1): void {
    this.users += weight;
    if (figure.active) this.active += weight;
    if (figure.completeness !== null) {
      this.completeSum += figure.completeness * weight;
      this.completeCount += weight;
    }
  }

  figures(people: number): EffectFigures {
    return {
      users: people,
      active: this.users === 0 ? null : round1((100 * this.active) / this.users),
      completeness: this.completeCount === 0 ? null : round1(this.completeSum / this.completeCount)
    };
  }
}

/**
 * Training effect: for each attendee, their weekly snapshot in the week before their (first) training's
 * week and 2, 4 and 8 weeks after it; against the in-scope users not trained by the end of that same week,
 * weighted by the attendees of that week (so the comparison follows the attendees' calendar). Pure.
 * @param trainedOn attendee user id (15 chars) → day number of their first held training
 * @param inScope user ids (15 chars) of the wave's included users
 * @param weeks user id (15 chars) → week start day number → figures (weekly snapshots only)
 * @returns per offset, the attendees' figures and the comparison group's; `users` = people measured
 */
export function trainingEffect(
  trainedOn: ReadonlyMap<string, number>,
  inScope: ReadonlySet<string>,
  weeks: ReadonlyMap<string, ReadonlyMap<number, WeekFigure>>
): TrainingEffect {
  const offsets = {} as TrainingEffect['offsets'];
  for (const [key, offset] of Object.entries(EFFECT_OFFSETS) as [EffectOffset, number][]) {
    const trained = new Tally();
    let trainedPeople = 0;
    // Cohorts: attendees by the week of their training.
    const cohorts = new Map<number, number>();
    for (const [user, day] of trainedOn) {
      const cohort = weekStart(day);
      cohorts.set(cohort, (cohorts.get(cohort) ?? 0) + 1);
      const figure = weeks.get(user)?.get(cohort + 7 * offset);
      if (figure) {
        trained.add(figure);
        trainedPeople++;
      }
    }
    const untrained = new Tally();
    const untrainedPeople = new Set<string>();
    for (const [cohort, attendees] of cohorts) {
      const week = cohort + 7 * offset;
      for (const user of inScope) {
        const userDay = trainedOn.get(user);
        // Not the cohort itself, nor anyone trained by the end of the compared week.
        if (userDay !== undefined && (weekStart(userDay) === cohort || userDay <= week + 6)) continue;
        const figure = weeks.get(user)?.get(week);
        if (figure) {
          untrained.add(figure, attendees);
          untrainedPeople.add(user);
        }
      }
    }
    offsets[key] = {
      trained: trained.figures(trainedPeople),
      untrained: untrained.figures(untrainedPeople.size)
    };
  }
  return { attendees: trainedOn.size, offsets };
}

/** The rows a wave measurement reads besides the result. */
interface WaveInputs {
  waveRows: Row[];
  sessions: Row[];
  cases: Row[];
  trainings: Row[];
  attendance: Row[];
  keyUsers: Row[];
}

/** What every wave is measured against: the result and the source's rows, indexed once. */
interface WaveContext {
  result: Readonly<SyncResult>;
  warn: (warning: SyncWarning) => void;
  inputs: WaveInputs;
  asOf: number;
  usersById: Map<string, UserResult>;
  casesBySession: Map<string, Row[]>;
  trainingById: Map<string, Row>;
  rulesByName: Map<string, CompletenessRule>;
  followUpDays: number;
}

/** One wave's figures and what its training effect needs. */
interface WaveMeasure {
  wave: WaveResult;
  trainedOn: Map<string, number>;
  inScope: Set<string>;
}

/**
 * Measures every roll-out wave of the source against the result of the main measurement (read, never
 * changed). Each warning goes to `warn`. Returns [] when the source has no Rollout_Wave__c.
 */
export async function measureWaves(
  source: RecordSource,
  result: Readonly<SyncResult>,
  warn: (warning: SyncWarning) => void,
  rules?: RuleSet
): Promise<WaveResult[]> {
  const objects = await objectsOf(source);
  const where = source.kind === 'export' ? 'the export' : 'the org';
  if (!objects.has('rollout_wave__c')) {
    warn(
      warningOf('sync.run', source.kind === 'export' ? 'warning.NoWavesInExport' : 'warning.NoWavesInOrg')
    );
    return [];
  }
  const ruleSet = rules ?? (await source.loadRules());
  const inputs = await readWaveInputs(source, objects, where, warn);
  if (!inputs) return [];
  const casesBySession = new Map<string, Row[]>();
  for (const c of inputs.cases) {
    const list = casesBySession.get(idKey(c.Session__c ?? '')) ?? [];
    list.push(c);
    casesBySession.set(idKey(c.Session__c ?? ''), list);
  }
  const context: WaveContext = {
    result,
    warn,
    inputs,
    asOf: dayOf(result.asOf),
    usersById: new Map(result.users.map((u) => [idKey(u.userId), u])),
    casesBySession,
    trainingById: new Map(inputs.trainings.map((t) => [idKey(t.Id ?? ''), t])),
    rulesByName: new Map(
      ruleSet.completeness.flatMap((r) => (r.active && r.name ? [[r.name, r] as const] : []))
    ),
    followUpDays: 7 * Math.max(0, ruleSet.settings.followUpWeeks)
  };
  const measured = inputs.waveRows.map((w) => measureWave(context, w));
  await addTrainingEffects(source, objects, where, warn, measured);
  return measured.map((m) => m.wave);
}

/** Reads the waves and what they are measured on; null when there is no wave. */
async function readWaveInputs(
  source: RecordSource,
  objects: Set<string>,
  where: string,
  warn: (warning: SyncWarning) => void
): Promise<WaveInputs | null> {
  const read = async (
    object: string,
    fields: readonly string[],
    part: string,
    dates: readonly string[] = []
  ): Promise<Row[]> => {
    const rows = objects.has(object.toLowerCase())
      ? await readRows(source, object, fields, { columns: dates, warn })
      : null;
    if (rows === null) warn(warningOf('sync.run', 'warning.WaveObjectMissing', [object, where, part]));
    return rows ?? [];
  };
  const waveRows = await readRows(
    source,
    'Rollout_Wave__c',
    [
      'Id',
      'Name',
      'Process__c',
      'Teams__c',
      'Go_Live_Date__c',
      'Hypercare_End_Date__c',
      'Active_Target__c',
      'Completeness_Target__c',
      'Rule_Names__c'
    ],
    { columns: ['Go_Live_Date__c', 'Hypercare_End_Date__c'], warn }
  );
  if (!waveRows || waveRows.length === 0) return null;
  const sessions = await read(
    'Acceptance_Session__c',
    ['Id', 'Name', 'Wave__c', 'Go_No_Go_Threshold__c'],
    'acceptance'
  );
  const cases = await read(
    'Acceptance_Test_Case__c',
    ['Id', 'Name', 'Session__c', 'Scenario__c', 'Result__c', 'Severity__c'],
    'acceptance'
  );
  const trainings = await read(
    'Training_Session__c',
    ['Id', 'Name', 'Wave__c', 'Audience__c', 'Training_Date__c', 'Status__c'],
    'training',
    ['Training_Date__c']
  );
  const attendance = await read(
    'Training_Attendance__c',
    ['Training__c', 'User__c', 'Attended__c', 'Followed_Up_On__c'],
    'training attendance'
  );
  const keyUsers = await read('Key_User__c', ['Name', 'User__c', 'Team__c'], 'key-user coverage');

  return { waveRows, sessions, cases, trainings, attendance, keyUsers };
}

/** One wave: its users, its rule fields on its teams' records, trainings, key users, gates and status. */
function measureWave(context: WaveContext, w: Row): WaveMeasure {
  const { result, warn, asOf, usersById, casesBySession, trainingById, rulesByName, followUpDays } = context;
  const { sessions, trainings, attendance, keyUsers } = context.inputs;
  const waveId = w.Id ?? '';
  const teams = parseTeams(w.Teams__c);
  const inTeams = (team: string | null | undefined): boolean => teams.some((t) => sameTeam(t, team));
  const scoped = result.users.filter((u) => inTeams(u.team));
  const activeUsers = scoped.filter((u) => u.active).length;

  // The wave's rule fields, on its teams' records.
  const ruleNames = parseRuleNames(w.Rule_Names__c);
  const waveRules = ruleNames.map((n) => rulesByName.get(n)).filter((r) => r !== undefined);
  const unknownRules = ruleNames.filter((n) => !rulesByName.has(n));
  if (unknownRules.length > 0) {
    warn(warningOf('sync.run', 'warning.WaveUnknownRules', [w.Name ?? '', unknownRules.join(', ')]));
  }
  let records = 0;
  let filled = 0;
  for (const o of result.objects) {
    const fields = new Set(waveRules.filter((r) => sameName(r.object, o.name)).map((r) => nameKey(r.field)));
    if (fields.size === 0) continue;
    for (const t of o.teams) {
      if (!inTeams(t.team)) continue;
      for (const f of t.ruleFields) {
        if (!fields.has(nameKey(f.field))) continue;
        records += f.records;
        filled += f.filled;
      }
    }
  }
  const completeness = records === 0 ? null : round1((100 * filled) / records);

  // Trainings and attendance.
  const waveTrainings = trainings.filter((t) => idKey(t.Wave__c ?? '') === idKey(waveId));
  const waveTrainingIds = new Set(waveTrainings.map((t) => idKey(t.Id ?? '')));
  const trainedOn = new Map<string, number>();
  const keyUserTrained = new Set<string>();
  let followUpsDue = 0;
  for (const a of attendance) {
    const training = trainingById.get(idKey(a.Training__c ?? ''));
    if (!training || !waveTrainingIds.has(idKey(training.Id ?? ''))) continue;
    if (!isTrue(a.Attended__c) || training.Status__c !== 'Held' || !a.User__c) continue;
    const user = idKey(a.User__c);
    const day = dayOf(training.Training_Date__c);
    if (!Number.isNaN(day)) {
      trainedOn.set(user, Math.min(trainedOn.get(user) ?? day, day));
      if (!a.Followed_Up_On__c && day + followUpDays < asOf) followUpsDue++;
    }
    if (training.Audience__c === 'Key_Users') keyUserTrained.add(user);
  }

  const waveKeyUsers = keyUsers.filter((k) => inTeams(k.Team__c));
  const teamsWithoutActiveKeyUser = teams.filter(
    (team) =>
      !waveKeyUsers.some(
        (k) => sameTeam(k.Team__c, team) && usersById.get(idKey(k.User__c ?? ''))?.active === true
      )
  );
  const assessment = assessWave(
    {
      goLiveDate: w.Go_Live_Date__c || null,
      hypercareEndDate: w.Hypercare_End_Date__c || null,
      activeTarget: num(w.Active_Target__c),
      completenessTarget: num(w.Completeness_Target__c),
      teams,
      ruleFieldCount: waveRules.length,
      sessions: sessions
        .filter((s) => idKey(s.Wave__c ?? '') === idKey(waveId))
        .map((s) => ({
          id: s.Id ?? '',
          name: s.Name ?? '',
          readiness: computeReadiness(
            (casesBySession.get(idKey(s.Id ?? '')) ?? []).map((c) => ({
              id: c.Id ?? '',
              name: c.Name ?? null,
              scenario: c.Scenario__c ?? null,
              result: c.Result__c ?? null,
              severity: c.Severity__c ?? null
            })),
            num(s.Go_No_Go_Threshold__c)
          )
        })),
      trainings: waveTrainings.map((t) => ({
        id: t.Id ?? '',
        name: t.Name ?? '',
        date: t.Training_Date__c || null,
        status: t.Status__c || null,
        audience: t.Audience__c || null
      })),
      keyUsers: waveKeyUsers.map((k) => ({
        name: k.Name ?? '',
        team: k.Team__c ?? null,
        trainedForWave: keyUserTrained.has(idKey(k.User__c ?? ''))
      })),
      measure: { users: scoped.length, activeUsers, completeness, teamsWithoutActiveKeyUser }
    },
    result.asOf
  );
  const wave: WaveResult = {
    waveId,
    name: w.Name ?? '',
    process: w.Process__c ?? '',
    teams,
    goLiveDate: w.Go_Live_Date__c || null,
    hypercareEndDate: w.Hypercare_End_Date__c || null,
    phase: assessment.phase,
    status: assessment.status,
    day: assessment.day,
    gates: assessment.gates,
    users: scoped.length,
    activeUsers,
    activeShare: scoped.length === 0 ? null : round1((100 * activeUsers) / scoped.length),
    completeness,
    unknownRules,
    teamsTrainedKeyUser: teams.filter((team) =>
      waveKeyUsers.some((k) => sameTeam(k.Team__c, team) && keyUserTrained.has(idKey(k.User__c ?? '')))
    ).length,
    teamsWithoutActiveKeyUser,
    trainedUsers: trainedOn.size,
    followUpsDue,
    trainingEffect: null
  };
  return { wave, trainedOn, inScope: new Set(scoped.map((u) => idKey(u.userId))) };
}

/** Training effect, from the weekly user snapshot history (one pass, kept only for the users involved). */
async function addTrainingEffects(
  source: RecordSource,
  objects: Set<string>,
  where: string,
  warn: (warning: SyncWarning) => void,
  effectInputs: WaveMeasure[]
): Promise<void> {
  const involved = new Set<string>();
  for (const e of effectInputs) {
    for (const u of e.inScope) involved.add(u);
    for (const u of e.trainedOn.keys()) involved.add(u);
  }
  if (effectInputs.some((e) => e.trainedOn.size > 0)) {
    if (!objects.has('user_adoption_snapshot__c')) {
      warn(warningOf('sync.run', 'warning.NoTrainingEffect', [where]));
    } else {
      const weeks = new Map<string, Map<number, WeekFigure>>();
      const rows = await readRows(
        source,
        'User_Adoption_Snapshot__c',
        ['User__c', 'Period_Type__c', 'Period_Start__c', 'Active__c', 'Completeness__c'],
        { columns: ['Period_Start__c'], warn }
      );
      for (const row of rows ?? []) {
        const user = idKey(row.User__c ?? '');
        if (row.Period_Type__c !== 'Week' || !involved.has(user)) continue;
        const day = dayOf(row.Period_Start__c);
        if (Number.isNaN(day)) continue;
        const map = weeks.get(user) ?? new Map<number, WeekFigure>();
        map.set(weekStart(day), { active: isTrue(row.Active__c), completeness: num(row.Completeness__c) });
        weeks.set(user, map);
      }
      for (const e of effectInputs) {
        if (e.trainedOn.size > 0) e.wave.trainingEffect = trainingEffect(e.trainedOn, e.inScope, weeks);
      }
    }
  }
}

/** yyyy-mm-dd of a week start, for messages and tests. */
export function weekOf(date: string): string {
  return isoOf(weekStart(dayOf(date)));
}
