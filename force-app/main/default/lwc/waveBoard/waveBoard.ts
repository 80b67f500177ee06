import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getBoard from '@salesforce/apex/RolloutWaveController.getBoard';
import getTraining from '@salesforce/apex/RolloutWaveController.getTraining';
import inviteAudience from '@salesforce/apex/RolloutWaveController.inviteAudience';
import recordAttendance from '@salesforce/apex/RolloutWaveController.recordAttendance';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { formatDate, formatLabel, formatNumber, formatPlural } from 'c/labelUtils';
import { reduceErrors, reloading, wireState, type WireState } from 'c/ldsUtils';
import { computeReadiness } from 'c/acceptanceReadiness';
import {
  assessWave,
  localDay,
  parseRuleNames,
  parseTeams,
  type GateId,
  type GateState,
  type WaveBlocker,
  type WavePhase,
  type WaveStatus
} from 'c/waveReadiness';
import LOCALE from '@salesforce/i18n/locale';
import LOADING from '@salesforce/label/c.common_Loading';
import UNKNOWN_ERROR from '@salesforce/label/c.common_UnknownError';
import TITLE from '@salesforce/label/c.waveBoard_Title';
import ERRORTITLE from '@salesforce/label/c.waveBoard_ErrorTitle';
import EMPTY from '@salesforce/label/c.waveBoard_Empty';
import PROCESS from '@salesforce/label/c.waveBoard_Process';
import TEAMS from '@salesforce/label/c.waveBoard_Teams';
import GOLIVEON from '@salesforce/label/c.waveBoard_GoLiveOn';
import HYPERCAREUNTIL from '@salesforce/label/c.waveBoard_HypercareUntil';
import PHASEPREPARATION from '@salesforce/label/c.waveBoard_PhasePreparation';
import PHASEHYPERCARE from '@salesforce/label/c.waveBoard_PhaseHypercare';
import PHASELIVE from '@salesforce/label/c.waveBoard_PhaseLive';
import STATUSGREEN from '@salesforce/label/c.waveBoard_StatusGreen';
import STATUSAMBER from '@salesforce/label/c.waveBoard_StatusAmber';
import STATUSRED from '@salesforce/label/c.waveBoard_StatusRed';
import GATEGOLIVE from '@salesforce/label/c.waveBoard_GateGoLive';
import GATEDAY5 from '@salesforce/label/c.waveBoard_GateDay5';
import GATEDAY28 from '@salesforce/label/c.waveBoard_GateDay28';
import STATEMET from '@salesforce/label/c.waveBoard_StateMet';
import STATENOTMET from '@salesforce/label/c.waveBoard_StateNotMet';
import STATENOTDUE from '@salesforce/label/c.waveBoard_StateNotDue';
import STATENOTMEASURED from '@salesforce/label/c.waveBoard_StateNotMeasured';
import BLOCKERNOGOLIVEDATE from '@salesforce/label/c.waveBoard_BlockerNoGoLiveDate';
import BLOCKERNOTEAMS from '@salesforce/label/c.waveBoard_BlockerNoTeams';
import BLOCKERNOSESSION from '@salesforce/label/c.waveBoard_BlockerNoSession';
import BLOCKERNOTESTCASES from '@salesforce/label/c.waveBoard_BlockerNoTestCases';
import BLOCKERPASSRATE from '@salesforce/label/c.waveBoard_BlockerPassRate';
import BLOCKERBLOCKINGFAILURE from '@salesforce/label/c.waveBoard_BlockerBlockingFailure';
import BLOCKERTEAMNOTTRAINED from '@salesforce/label/c.waveBoard_BlockerTeamNotTrained';
import BLOCKERNOKEYUSERTRAINING from '@salesforce/label/c.waveBoard_BlockerNoKeyUserTraining';
import BLOCKERTRAININGNOTHELD from '@salesforce/label/c.waveBoard_BlockerTrainingNotHeld';
import BLOCKERNOTMEASURED from '@salesforce/label/c.waveBoard_BlockerNotMeasured';
import BLOCKERNOUSERS from '@salesforce/label/c.waveBoard_BlockerNoUsers';
import BLOCKERACTIVESHARE from '@salesforce/label/c.waveBoard_BlockerActiveShare';
import BLOCKERNORULES from '@salesforce/label/c.waveBoard_BlockerNoRules';
import BLOCKERCOMPLETENESS from '@salesforce/label/c.waveBoard_BlockerCompleteness';
import BLOCKERTEAMNOACTIVEKEYUSER from '@salesforce/label/c.waveBoard_BlockerTeamNoActiveKeyUser';
import TRAININGS from '@salesforce/label/c.waveBoard_Trainings';
import NOTRAININGS from '@salesforce/label/c.waveBoard_NoTrainings';
import TRAININGATTENDED from '@salesforce/label/c.waveBoard_TrainingAttended';
import TRAININGATTENDED_ONE from '@salesforce/label/c.waveBoard_TrainingAttendedOne';
import TRAININGPLANNED from '@salesforce/label/c.waveBoard_TrainingPlanned';
import TRAININGHELD from '@salesforce/label/c.waveBoard_TrainingHeld';
import TRAININGCANCELLED from '@salesforce/label/c.waveBoard_TrainingCancelled';
import RECORDATTENDANCE from '@salesforce/label/c.waveBoard_RecordAttendance';
import RECORDATTENDANCEFOR from '@salesforce/label/c.waveBoard_RecordAttendanceFor';
import INVITE from '@salesforce/label/c.waveBoard_Invite';
import INVITED from '@salesforce/label/c.waveBoard_Invited';
import NOATTENDEES from '@salesforce/label/c.waveBoard_NoAttendees';
import ALLPRESENT from '@salesforce/label/c.waveBoard_AllPresent';
import SAVEATTENDANCE from '@salesforce/label/c.waveBoard_SaveAttendance';
import ATTENDANCESAVED from '@salesforce/label/c.waveBoard_AttendanceSaved';
import CLOSE from '@salesforce/label/c.waveBoard_Close';
import HISTORY from '@salesforce/label/c.waveBoard_History';
import HISTORYENTRY from '@salesforce/label/c.waveBoard_HistoryEntry';
import EFFECT from '@salesforce/label/c.waveBoard_Effect';
import FOLLOWUPSDUE from '@salesforce/label/c.waveBoard_FollowUpsDue';
import MESSAGES from '@salesforce/label/c.waveBoard_Messages';

interface CaseRow {
  Id: string;
  Name?: string | null;
  Scenario__c?: string | null;
  Result__c?: string | null;
  Severity__c?: string | null;
}
interface SessionData {
  id: string;
  name: string;
  threshold?: number | null;
  cases: CaseRow[];
}
interface TrainingRow {
  Id: string;
  Name: string;
  Audience__c?: string | null;
  Team__c?: string | null;
  Training_Date__c?: string | null;
  Status__c?: string | null;
  Trainer__r?: { Name?: string } | null;
  Invited_Count__c?: number | null;
  Attended_Count__c?: number | null;
}
interface SnapshotRow {
  Id: string;
  Period_Start__c: string;
  Status__c?: string | null;
  Users__c?: number | null;
  Active_Users__c?: number | null;
  Completeness__c?: number | null;
  Teams_Missing_Key_User__c?: string | null;
  Follow_Ups_Due__c?: number | null;
  Trained_Active_4W__c?: number | null;
  Untrained_Active_4W__c?: number | null;
}
interface WaveData {
  wave: {
    Id: string;
    Name: string;
    Process__c?: string | null;
    Teams__c?: string | null;
    Go_Live_Date__c?: string | null;
    Hypercare_End_Date__c?: string | null;
    Active_Target__c?: number | null;
    Completeness_Target__c?: number | null;
    Rule_Names__c?: string | null;
  };
  sessions: SessionData[];
  trainings: TrainingRow[];
  history: SnapshotRow[];
  messages?: number | null;
}
interface Board {
  waves: WaveData[];
  keyUsers: { name: string; team?: string | null; trainedWaveIds: string[] }[];
  rules: { name: string; objectName?: string; fieldName?: string }[];
}
interface AttendeeRow {
  Id: string;
  User__r?: { Name?: string } | null;
  Team__c?: string | null;
  Attended__c?: boolean | null;
}

const PHASES: Record<WavePhase, string> = {
  Preparation: PHASEPREPARATION,
  Hypercare: PHASEHYPERCARE,
  Live: PHASELIVE
};
const STATUSES: Record<WaveStatus, { label: string; css: string }> = {
  Green: { label: STATUSGREEN, css: 'status status_green' },
  Amber: { label: STATUSAMBER, css: 'status status_amber' },
  Red: { label: STATUSRED, css: 'status status_red' }
};
const GATES: Record<GateId, string> = { goLive: GATEGOLIVE, day5: GATEDAY5, day28: GATEDAY28 };
const TRAINING_STATUS: Record<string, string> = {
  Planned: TRAININGPLANNED,
  Held: TRAININGHELD,
  Cancelled: TRAININGCANCELLED
};

/** A figure in the user's locale, one decimal at most ("71.5" in en-US, "71,5" in fr-FR). */
function fmt(value: number): string {
  try {
    return new Intl.NumberFormat(LOCALE || 'en-US', { maximumFractionDigits: 1 }).format(value);
  } catch {
    return String(value);
  }
}

/** One plain sentence per blocker: what stops the gate, named. */
export function blockerText(blocker: WaveBlocker): string {
  switch (blocker.kind) {
    case 'noGoLiveDate':
      return BLOCKERNOGOLIVEDATE;
    case 'noTeams':
      return BLOCKERNOTEAMS;
    case 'noAcceptanceSession':
      return BLOCKERNOSESSION;
    case 'acceptance': {
      const inner = blocker.blocker;
      if (inner.kind === 'noTestCases') return formatLabel(BLOCKERNOTESTCASES, blocker.sessionName);
      if (inner.kind === 'passRateBelowThreshold') {
        return formatLabel(BLOCKERPASSRATE, blocker.sessionName, fmt(inner.passRate), fmt(inner.threshold));
      }
      return formatLabel(BLOCKERBLOCKINGFAILURE, blocker.sessionName, inner.name, inner.scenario);
    }
    case 'teamWithoutTrainedKeyUser':
      return formatLabel(BLOCKERTEAMNOTTRAINED, blocker.team);
    case 'noKeyUserTraining':
      return BLOCKERNOKEYUSERTRAINING;
    case 'trainingNotHeld':
      return formatLabel(BLOCKERTRAININGNOTHELD, blocker.name);
    case 'notMeasured':
      return BLOCKERNOTMEASURED;
    case 'noUsersInScope':
      return BLOCKERNOUSERS;
    case 'activeShareBelowTarget':
      return formatLabel(
        BLOCKERACTIVESHARE,
        blocker.share,
        blocker.activeUsers,
        blocker.users,
        blocker.target
      );
    case 'noRuleFields':
      return BLOCKERNORULES;
    case 'completenessBelowTarget':
      return formatLabel(BLOCKERCOMPLETENESS, fmt(blocker.completeness), fmt(blocker.target));
    case 'teamWithoutActiveKeyUser':
      return formatLabel(BLOCKERTEAMNOACTIVEKEYUSER, blocker.team);
    default:
      return '';
  }
}

function stateText(state: GateState, dueDate: string | null): string {
  switch (state) {
    case 'met':
      return STATEMET;
    case 'notMet':
      return STATENOTMET;
    case 'notMeasured':
      return STATENOTMEASURED;
    default:
      return dueDate ? formatLabel(STATENOTDUE, formatDate(dueDate)) : STATENOTMET;
  }
}

/**
 * Roll-out waves side by side for the adoption lead and the sponsors: each wave's phase and status, its
 * three readiness gates with what blocks each (lwc/waveReadiness, acceptance by lwc/acceptanceReadiness),
 * its trainings, the status history written by the sync, and for trainers a quick attendance record
 * (invite the audience, tick who came, save: the training is then held). Layout follows the component's
 * width: side by side on the cockpit page, stacked in a sidebar or on a phone.
 */
export default class WaveBoard extends LightningElement {
  labels = {
    TITLE,
    ERRORTITLE,
    EMPTY,
    LOADING,
    TRAININGS,
    NOTRAININGS,
    HISTORY,
    INVITE,
    ALLPRESENT,
    SAVEATTENDANCE,
    CLOSE,
    NOATTENDEES
  };

  wiredBoard?: { data?: Board; error?: unknown };
  /** Loading, error or data of getBoard (c/ldsUtils wireState). */
  state: WireState<Board> = reloading();
  canRecordAttendance = false;
  canInvite = false;

  openTrainingId?: string;
  attendees: AttendeeRow[] = [];
  present = new Set<string>();
  busy = false;
  actionError = '';
  confirmation = '';

  @wire(getBoard)
  wiredGetBoard(result: { data?: Board; error?: unknown }) {
    this.wiredBoard = result;
    this.state = wireState(result, this.state);
  }

  private get board(): Board | undefined {
    return this.state.data;
  }

  /** Attendance buttons only for people the platform lets record it (Key User and Admin permission sets). */
  @wire(getObjectInfo, { objectApiName: 'Training_Attendance__c' })
  wiredAttendanceInfo({
    data
  }: {
    data?: { createable?: boolean; updateable?: boolean; fields?: Record<string, { updateable?: boolean }> };
  }) {
    this.canRecordAttendance = Boolean(data?.updateable && data.fields?.Attended__c?.updateable);
    this.canInvite = Boolean(data?.createable);
  }

  get isEmpty(): boolean {
    return this.state.hasData && (this.board?.waves ?? []).length === 0;
  }

  get waves() {
    const board = this.board;
    if (!board) return [];
    // today in the user's time zone: the gates are due on calendar days
    const day = localDay();
    const ruleNames = new Set(board.rules.map((r) => r.name));
    return board.waves.map((data) => {
      const wave = data.wave;
      const teams = parseTeams(wave.Teams__c);
      const latest = data.history[0];
      const assessment = assessWave(
        {
          goLiveDate: wave.Go_Live_Date__c ?? null,
          hypercareEndDate: wave.Hypercare_End_Date__c ?? null,
          activeTarget: wave.Active_Target__c,
          completenessTarget: wave.Completeness_Target__c,
          teams,
          ruleFieldCount: parseRuleNames(wave.Rule_Names__c).filter((name) => ruleNames.has(name)).length,
          sessions: data.sessions.map((session) => ({
            id: session.id,
            name: session.name,
            readiness: computeReadiness(
              session.cases.map((c) => ({
                id: c.Id,
                name: c.Name,
                scenario: c.Scenario__c,
                result: c.Result__c,
                severity: c.Severity__c
              })),
              session.threshold
            )
          })),
          trainings: data.trainings.map((t) => ({
            id: t.Id,
            name: t.Name,
            date: t.Training_Date__c ?? null,
            status: t.Status__c ?? null,
            audience: t.Audience__c ?? null
          })),
          keyUsers: board.keyUsers.map((k) => ({
            name: k.name,
            team: k.team ?? null,
            trainedForWave: k.trainedWaveIds.includes(wave.Id)
          })),
          measure: latest
            ? {
                users: latest.Users__c ?? 0,
                activeUsers: latest.Active_Users__c ?? 0,
                completeness: latest.Completeness__c ?? null,
                teamsWithoutActiveKeyUser: parseTeams(latest.Teams_Missing_Key_User__c)
              }
            : null
        },
        day
      );
      const status = STATUSES[assessment.status];
      return {
        id: wave.Id,
        name: wave.Name,
        process: formatLabel(PROCESS, wave.Process__c ?? ''),
        teams: formatLabel(TEAMS, teams.join(', ')),
        phase: PHASES[assessment.phase],
        dates: [
          wave.Go_Live_Date__c ? formatLabel(GOLIVEON, formatDate(wave.Go_Live_Date__c)) : '',
          wave.Hypercare_End_Date__c
            ? formatLabel(HYPERCAREUNTIL, formatDate(wave.Hypercare_End_Date__c))
            : ''
        ]
          .filter(Boolean)
          .join(' · '),
        statusLabel: status.label,
        statusClass: status.css,
        gates: assessment.gates.map((gate) => ({
          key: `${wave.Id}-${gate.id}`,
          name: GATES[gate.id],
          state: stateText(gate.state, gate.dueDate),
          stateClass: `gate-state gate-state_${gate.state}`,
          blockers: gate.blockers.map((b, i) => ({ key: `${gate.id}-${i}`, text: blockerText(b) }))
        })),
        trainings: data.trainings.map((t) => ({
          id: t.Id,
          name: t.Name,
          detail: [
            t.Training_Date__c ? formatDate(t.Training_Date__c) : '',
            TRAINING_STATUS[t.Status__c ?? 'Planned'] ?? '',
            // the noun agrees with the people present ("0 présent sur 0", "2 présents sur 3")
            formatPlural(t.Attended_Count__c ?? 0, { one: TRAININGATTENDED_ONE, other: TRAININGATTENDED }, [
              formatNumber(t.Attended_Count__c ?? 0, 0),
              formatNumber(t.Invited_Count__c ?? 0, 0)
            ])
          ]
            .filter(Boolean)
            .join(' · '),
          recordLabel: formatLabel(RECORDATTENDANCEFOR, t.Name),
          canRecord: this.canRecordAttendance && t.Status__c !== 'Cancelled',
          open: this.openTrainingId === t.Id
        })),
        hasTrainings: data.trainings.length > 0,
        history: data.history
          .filter((h) => h.Status__c && h.Status__c in STATUSES)
          .map((h) => ({
            key: h.Id,
            text: formatLabel(
              HISTORYENTRY,
              formatDate(h.Period_Start__c),
              STATUSES[h.Status__c as WaveStatus].label
            ),
            css: STATUSES[h.Status__c as WaveStatus].css
          })),
        hasHistory: data.history.length > 0,
        effect:
          latest && latest.Trained_Active_4W__c != null && latest.Untrained_Active_4W__c != null
            ? formatLabel(EFFECT, fmt(latest.Trained_Active_4W__c), fmt(latest.Untrained_Active_4W__c))
            : '',
        followUps: latest?.Follow_Ups_Due__c ? formatLabel(FOLLOWUPSDUE, latest.Follow_Ups_Due__c) : '',
        messages: data.messages ? formatLabel(MESSAGES, data.messages) : ''
      };
    });
  }

  get attendeeRows() {
    return this.attendees.map((a) => ({
      id: a.Id,
      name: a.User__r?.Name ?? '',
      team: a.Team__c ?? '',
      checked: this.present.has(a.Id)
    }));
  }

  get hasAttendees(): boolean {
    return this.attendees.length > 0;
  }

  get openTrainingTitle(): string {
    const training = this.board?.waves.flatMap((w) => w.trainings).find((t) => t.Id === this.openTrainingId);
    return training ? formatLabel(RECORDATTENDANCEFOR, training.Name) : RECORDATTENDANCE;
  }

  private waveOfTraining(trainingId: string): WaveData | undefined {
    return this.board?.waves.find((w) => w.trainings.some((t) => t.Id === trainingId));
  }

  async handleOpenAttendance(event: Event) {
    const trainingId = (event.currentTarget as HTMLElement).dataset.id;
    if (!trainingId) return;
    this.openTrainingId = trainingId;
    this.actionError = '';
    this.confirmation = '';
    await this.loadAttendance();
  }

  handleCloseAttendance() {
    this.openTrainingId = undefined;
    this.attendees = [];
  }

  private async loadAttendance() {
    try {
      const data = (await getTraining({ trainingId: this.openTrainingId })) as { attendees: AttendeeRow[] };
      this.attendees = data.attendees;
      this.present = new Set(this.attendees.filter((a) => a.Attended__c).map((a) => a.Id));
    } catch (error) {
      this.actionError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
    }
  }

  async handleInvite() {
    const trainingId = this.openTrainingId;
    if (!trainingId || this.busy) return;
    this.busy = true;
    this.actionError = '';
    try {
      await inviteAudience({ trainingId, teams: parseTeams(this.waveOfTraining(trainingId)?.wave.Teams__c) });
      this.confirmation = INVITED;
      await this.loadAttendance();
    } catch (error) {
      this.actionError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
    } finally {
      this.busy = false;
    }
  }

  handleTogglePresent(event: CustomEvent<{ checked: boolean }>) {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (!id) return;
    const next = new Set(this.present);
    if (event.detail.checked) next.add(id);
    else next.delete(id);
    this.present = next;
  }

  handleAllPresent() {
    this.present = new Set(this.attendees.map((a) => a.Id));
  }

  async handleSaveAttendance() {
    const trainingId = this.openTrainingId;
    if (!trainingId || this.busy) return;
    this.busy = true;
    this.actionError = '';
    try {
      await recordAttendance({ trainingId, attendedIds: [...this.present] });
      const name = this.board?.waves.flatMap((w) => w.trainings).find((t) => t.Id === trainingId)?.Name ?? '';
      this.confirmation = formatLabel(ATTENDANCESAVED, name);
      await refreshApex(this.wiredBoard);
    } catch (error) {
      this.actionError = reduceErrors(error as never).join(' ') || UNKNOWN_ERROR;
    } finally {
      this.busy = false;
    }
  }

  handleRetry() {
    this.state = reloading();
    return refreshApex(this.wiredBoard);
  }
}
