// Wave_Snapshot__c rows from the waves of a sync result (engine/waves.ts): one per wave per period, the
// wave's status history for the steering committee (docs/ARCHITECTURE.md, storage budget).

import type { SyncResult } from '../engine/result';
import type { EffectOffset, WaveResult } from '../engine/waves';
import type { GateState } from '../../../force-app/main/default/lwc/waveReadiness/waveReadiness.ts';
import { waveSnapshotKey } from './keys';
import type { GateValue, TrainingEffectField, WaveSnapshot } from './types';

const GATE_VALUES: Record<GateState, GateValue> = {
  met: 'Met',
  notMet: 'Not_Met',
  notDue: 'Not_Due',
  notMeasured: 'Not_Measured'
};

type Suffix = 'Before' | '2W' | '4W' | '8W';
const OFFSET_SUFFIX: Record<EffectOffset, Suffix> = {
  before: 'Before',
  week2: '2W',
  week4: '4W',
  week8: '8W'
};

function gateValue(wave: WaveResult, id: 'goLive' | 'day5' | 'day28'): GateValue {
  const gate = wave.gates.find((g) => g.id === id);
  return gate ? GATE_VALUES[gate.state] : 'Not_Measured';
}

/** The wave snapshot rows of a result (none when it measured no wave). */
export function buildWaveSnapshots(result: SyncResult): WaveSnapshot[] {
  const periodType = result.period.type;
  const periodStart = result.period.start;
  return (result.waves ?? []).map((wave) => {
    const key = waveSnapshotKey(wave.waveId, periodType, periodStart);
    const effect = {} as Record<TrainingEffectField, number | null>;
    for (const [offset, suffix] of Object.entries(OFFSET_SUFFIX) as [EffectOffset, Suffix][]) {
      const figures = wave.trainingEffect?.offsets[offset];
      effect[`Trained_Active_${suffix}__c`] = figures?.trained.active ?? null;
      effect[`Trained_Complete_${suffix}__c`] = figures?.trained.completeness ?? null;
      effect[`Untrained_Active_${suffix}__c`] = figures?.untrained.active ?? null;
      effect[`Untrained_Complete_${suffix}__c`] = figures?.untrained.completeness ?? null;
    }
    const row: WaveSnapshot = {
      Snapshot_Key__c: key,
      Name: key,
      Wave__c: wave.waveId,
      Period_Type__c: periodType,
      Period_Start__c: periodStart,
      Status__c: wave.status,
      Phase__c: wave.phase,
      Go_Live_Gate__c: gateValue(wave, 'goLive'),
      Day_5_Gate__c: gateValue(wave, 'day5'),
      Day_28_Gate__c: gateValue(wave, 'day28'),
      Users__c: wave.users,
      Active_Users__c: wave.activeUsers,
      Active_Share__c: wave.activeShare,
      Completeness__c: wave.completeness,
      Teams__c: wave.teams.length,
      Teams_Trained_Key_User__c: wave.teamsTrainedKeyUser,
      Teams_Active_Key_User__c: wave.teams.length - wave.teamsWithoutActiveKeyUser.length,
      // Long Text Area(4000): the list is cut there rather than refused.
      Teams_Missing_Key_User__c:
        wave.teamsWithoutActiveKeyUser.length === 0
          ? null
          : wave.teamsWithoutActiveKeyUser.join('\n').slice(0, 4000),
      Trained_Users__c: wave.trainedUsers,
      Follow_Ups_Due__c: wave.followUpsDue,
      ...effect
    };
    return row;
  });
}
