// Readiness gates and status of a roll-out wave (Rollout_Wave__c), shared by the waveBoard component and the
// sync (scripts/sync/engine/waves.ts), which writes the status into the wave snapshots (the status history).
// Pure TypeScript whose only import is its bundle's calendarDays (the one date rule, re-exported below for
// the components): the same files compile for LWC (ESNext) and for Node.
//
// The acceptance part of the go-live gate is NOT computed here: each caller passes the readiness that
// acceptanceReadiness.computeReadiness gives for each acceptance session of the wave (the console's own
// go/no-go rule), and this module only states which sessions block.
//
// Gates (issue 13, change-management practice: one process at a time, key users trained first):
// - goLive, due on the go-live date: every acceptance session Go; every team in scope has a key user who
//   attended a held key-user training of the wave; every training dated on or before go-live is held
//   (cancelled ones do not count; trainings after go-live, for later small groups, do not block).
// - day5, due at go-live + 5 days: active users / users in scope ≥ the wave's active target (default 95 %).
// - day28, due at go-live + 28 days: fill rate of the wave's rule fields ≥ the completeness target
//   (default 80 %) and at least one key user active in the period in every team in scope.
// A gate is met as soon as the current figures satisfy it (day5 and day28 only from go-live on).
// Status: Red when a gate that is due is not met; Amber when a gate that is due has no figure, or a gate not
// due yet does not hold on the current figures (before go-live: the go-live gate); Green otherwise.

import { dayNumber, isoDay } from './calendarDays';

export {
  MS_PER_DAY,
  isCalendarDay,
  dayNumber,
  isoDay,
  isoDay as isoOf,
  isCalendarDate,
  addDays,
  localDay
} from './calendarDays';

/** Default of Rollout_Wave__c.Active_Target__c: share of in-scope users active at D+5, in percent. */
export const DEFAULT_ACTIVE_TARGET = 95;
/** Default of Rollout_Wave__c.Completeness_Target__c: fill rate of the wave's rule fields at D+28, in percent. */
export const DEFAULT_COMPLETENESS_TARGET = 80;
/** Days after go-live when the active-users gate is due. */
export const DAY_5 = 5;
/** Days after go-live when the completeness and key-user gate is due. */
export const DAY_28 = 28;

export type GateId = 'goLive' | 'day5' | 'day28';
export type GateState = 'met' | 'notMet' | 'notDue' | 'notMeasured';
export type WaveStatus = 'Green' | 'Amber' | 'Red';
export type WavePhase = 'Preparation' | 'Hypercare' | 'Live';

/** A blocker of acceptanceReadiness.computeReadiness (structurally the same union). */
export type SessionBlocker =
  | { kind: 'noTestCases' }
  | { kind: 'passRateBelowThreshold'; passRate: number; threshold: number; missingPasses: number }
  | { kind: 'blockingFailure'; caseId: string; name: string; scenario: string; result: string };

/** An acceptance session of the wave with the readiness computeReadiness gave it. */
export interface SessionInput {
  id: string;
  name: string;
  readiness: { go: boolean; passRate: number; threshold: number; blockers: readonly SessionBlocker[] };
}

/** A Training_Session__c of the wave. */
export interface TrainingInput {
  id: string;
  name: string;
  /** Training_Date__c, yyyy-mm-dd, or null when not scheduled. */
  date: string | null;
  /** Status__c API value: Planned, Held, Cancelled. */
  status: string | null;
  /** Audience__c API value: Key_Users or Team_Group. */
  audience: string | null;
}

/** A Key_User__c of one of the wave's teams (others are ignored). */
export interface KeyUserInput {
  name: string;
  team: string | null;
  /** Attended a held Key_Users training of this wave. */
  trainedForWave: boolean;
}

/** What the sync measured for the wave in its latest period (a Wave_Snapshot__c, or the sync's own result). */
export interface WaveMeasure {
  /** Included users of the wave's teams. */
  users: number;
  /** Of them, active in the period. */
  activeUsers: number;
  /** Fill rate of the wave's rule fields, 0–100; null when no rule applied to any record. */
  completeness: number | null;
  /** Teams in scope none of whose key users was active in the period (the sync matches Key_User__c.User__c). */
  teamsWithoutActiveKeyUser: readonly string[];
}

export interface WaveInput {
  /** Go_Live_Date__c, yyyy-mm-dd. */
  goLiveDate: string | null;
  /** Hypercare_End_Date__c, yyyy-mm-dd. */
  hypercareEndDate: string | null;
  /** Active_Target__c in percent (blank → 95). */
  activeTarget?: number | string | null;
  /** Completeness_Target__c in percent (blank → 80). */
  completenessTarget?: number | string | null;
  /** Teams in scope (parseTeams of Teams__c). */
  teams: readonly string[];
  /** Completeness rules of the wave that exist (Rule_Names__c matched to Completeness_Rule__mdt). */
  ruleFieldCount: number;
  sessions: readonly SessionInput[];
  trainings: readonly TrainingInput[];
  keyUsers: readonly KeyUserInput[];
  /** null before the sync first measured the wave. */
  measure: WaveMeasure | null;
}

export type WaveBlocker =
  | { kind: 'noGoLiveDate' }
  | { kind: 'noTeams' }
  | { kind: 'noAcceptanceSession' }
  | { kind: 'acceptance'; sessionId: string; sessionName: string; blocker: SessionBlocker }
  | { kind: 'teamWithoutTrainedKeyUser'; team: string }
  | { kind: 'noKeyUserTraining' }
  | { kind: 'trainingNotHeld'; trainingId: string; name: string; date: string | null }
  | { kind: 'notMeasured' }
  | { kind: 'noUsersInScope' }
  | {
      kind: 'activeShareBelowTarget';
      share: number;
      target: number;
      activeUsers: number;
      users: number;
      /** Further active users needed to reach the target. */
      missingUsers: number;
    }
  | { kind: 'noRuleFields' }
  | { kind: 'completenessBelowTarget'; completeness: number; target: number }
  | { kind: 'teamWithoutActiveKeyUser'; team: string };

export interface Gate {
  id: GateId;
  state: GateState;
  /** yyyy-mm-dd, or null when the wave has no go-live date. */
  dueDate: string | null;
  /** true when today is on or after the due date. */
  due: boolean;
  /** What stops the gate from being met on the current figures (empty when met; empty for day5/day28 before go-live). */
  blockers: WaveBlocker[];
}

export interface WaveAssessment {
  phase: WavePhase;
  status: WaveStatus;
  /** Days since go-live (negative before it); null without a go-live date. */
  day: number | null;
  activeTarget: number;
  completenessTarget: number;
  gates: Gate[];
}

/**
 * Day number (days since 1970-01-01 UTC) of a yyyy-mm-dd date or an ISO date-time, by the one date rule
 * (calendarDays.dayNumber, the sync's too); NaN when blank, not a date, or a day the calendar has not
 * (2026-02-30).
 */
export function dayOf(date: string | null | undefined): number {
  return date ? dayNumber(date) : Number.NaN;
}

/**
 * Teams in scope from Teams__c: one per line or separated by semicolons, trimmed, blanks dropped, duplicates
 * (case-insensitive) dropped keeping the first spelling. Commas are kept: team names may contain them.
 */
export function parseTeams(value: string | null | undefined): string[] {
  const seen = new Set<string>();
  const teams: string[] = [];
  for (const part of (value ?? '').split(/[\n\r;]+/)) {
    const team = part.trim();
    if (team && !seen.has(team.toLowerCase())) {
      seen.add(team.toLowerCase());
      teams.push(team);
    }
  }
  return teams;
}

/** Completeness rule API names from Rule_Names__c: comma-, semicolon- or line-separated, trimmed. */
export function parseRuleNames(value: string | null | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(/[,;\n\r]+/)
        .map((name) => name.trim())
        .filter((name) => name.length > 0)
    )
  ];
}

/** true when two team names are the same team (case and surrounding spaces ignored). */
export function sameTeam(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

/**
 * Normalises a Percent target: Salesforce returns Percent fields as numbers of percent (95 for 95 %); blank,
 * negative or invalid means the default; capped at 100.
 */
export function normaliseTarget(value: number | string | null | undefined, fallback: number): number {
  const parsed = typeof value === 'string' ? (value.trim() === '' ? Number.NaN : Number(value)) : value;
  if (parsed === null || parsed === undefined || !Number.isFinite(parsed) || parsed < 0) return fallback;
  return Math.min(100, parsed);
}

/** Phase of the wave on a day: Preparation before go-live, Live after the hypercare end, Hypercare between. */
export function phaseOf(input: Pick<WaveInput, 'goLiveDate' | 'hypercareEndDate'>, today: string): WavePhase {
  const now = dayOf(today);
  const goLive = dayOf(input.goLiveDate);
  if (Number.isNaN(goLive) || now < goLive) return 'Preparation';
  const end = dayOf(input.hypercareEndDate);
  return !Number.isNaN(end) && now > end ? 'Live' : 'Hypercare';
}

function goLiveBlockers(input: WaveInput): WaveBlocker[] {
  const blockers: WaveBlocker[] = [];
  if (!input.goLiveDate || Number.isNaN(dayOf(input.goLiveDate))) blockers.push({ kind: 'noGoLiveDate' });
  if (input.teams.length === 0) blockers.push({ kind: 'noTeams' });
  if (input.sessions.length === 0) blockers.push({ kind: 'noAcceptanceSession' });
  for (const session of input.sessions) {
    if (session.readiness.go) continue;
    for (const blocker of session.readiness.blockers) {
      blockers.push({ kind: 'acceptance', sessionId: session.id, sessionName: session.name, blocker });
    }
  }
  const live = input.trainings.filter((t) => t.status !== 'Cancelled');
  if (!live.some((t) => t.audience === 'Key_Users')) blockers.push({ kind: 'noKeyUserTraining' });
  for (const team of input.teams) {
    if (!input.keyUsers.some((k) => k.trainedForWave && sameTeam(k.team, team))) {
      blockers.push({ kind: 'teamWithoutTrainedKeyUser', team });
    }
  }
  const goLive = dayOf(input.goLiveDate);
  for (const training of live) {
    if (training.status === 'Held') continue;
    const day = dayOf(training.date);
    // A training after go-live (a later small group) does not hold the go-live back.
    if (!Number.isNaN(day) && !Number.isNaN(goLive) && day > goLive) continue;
    blockers.push({
      kind: 'trainingNotHeld',
      trainingId: training.id,
      name: training.name,
      date: training.date
    });
  }
  return blockers;
}

function day5Blockers(input: WaveInput, target: number): WaveBlocker[] {
  const measure = input.measure;
  if (!measure) return [{ kind: 'notMeasured' }];
  if (measure.users <= 0) return [{ kind: 'noUsersInScope' }];
  if (measure.activeUsers * 100 >= target * measure.users) return [];
  return [
    {
      kind: 'activeShareBelowTarget',
      share: Math.floor((measure.activeUsers * 1000) / measure.users) / 10,
      target,
      activeUsers: measure.activeUsers,
      users: measure.users,
      missingUsers: Math.ceil((target * measure.users) / 100 - measure.activeUsers)
    }
  ];
}

function day28Blockers(input: WaveInput, target: number): WaveBlocker[] {
  const blockers: WaveBlocker[] = [];
  const measure = input.measure;
  if (input.ruleFieldCount === 0) blockers.push({ kind: 'noRuleFields' });
  else if (!measure || measure.completeness === null) blockers.push({ kind: 'notMeasured' });
  else if (measure.completeness < target) {
    blockers.push({ kind: 'completenessBelowTarget', completeness: measure.completeness, target });
  }
  if (measure) {
    for (const team of measure.teamsWithoutActiveKeyUser)
      blockers.push({ kind: 'teamWithoutActiveKeyUser', team });
  }
  return blockers;
}

/**
 * Assesses a wave on a day (yyyy-mm-dd, the user's or the sync's today): phase, the three gates with what
 * blocks each, and the status. Throws nothing: missing data becomes a blocker saying what is missing.
 */
export function assessWave(input: WaveInput, today: string): WaveAssessment {
  const now = dayOf(today);
  const goLive = dayOf(input.goLiveDate);
  const hasDate = !Number.isNaN(goLive);
  const activeTarget = normaliseTarget(input.activeTarget, DEFAULT_ACTIVE_TARGET);
  const completenessTarget = normaliseTarget(input.completenessTarget, DEFAULT_COMPLETENESS_TARGET);
  const afterGoLive = hasDate && now >= goLive;

  const gate = (id: GateId, offset: number, blockers: WaveBlocker[], evaluated: boolean): Gate => {
    const due = hasDate && now >= goLive + offset;
    const shown = evaluated ? blockers : [];
    let state: GateState;
    if (evaluated && blockers.length === 0) state = 'met';
    else if (!due) state = 'notDue';
    else if (blockers.some((b) => b.kind === 'notMeasured')) state = 'notMeasured';
    else state = 'notMet';
    return { id, state, dueDate: hasDate ? isoDay(goLive + offset) : null, due, blockers: shown };
  };
  const gates: Gate[] = [
    gate('goLive', 0, goLiveBlockers(input), true),
    gate('day5', DAY_5, day5Blockers(input, activeTarget), afterGoLive),
    gate('day28', DAY_28, day28Blockers(input, completenessTarget), afterGoLive)
  ];

  let status: WaveStatus = 'Green';
  if (gates.some((g) => g.due && g.state === 'notMet')) status = 'Red';
  else if (gates.some((g) => (g.due && g.state === 'notMeasured') || (!g.due && g.blockers.length > 0))) {
    status = 'Amber';
  }
  return {
    phase: phaseOf(input, today),
    status,
    day: hasDate ? now - goLive : null,
    activeTarget,
    completenessTarget,
    gates
  };
}
