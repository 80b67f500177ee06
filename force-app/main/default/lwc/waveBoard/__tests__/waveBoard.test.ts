import { createElement } from 'lwc';
import WaveBoard from 'c/waveBoard';
import getBoard from '@salesforce/apex/RolloutWaveController.getBoard';
import getTraining from '@salesforce/apex/RolloutWaveController.getTraining';
import inviteAudience from '@salesforce/apex/RolloutWaveController.inviteAudience';
import recordAttendance from '@salesforce/apex/RolloutWaveController.recordAttendance';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { blockerText } from '../waveBoard';
import {
  $,
  $$,
  errorPanel,
  expectAccessible,
  flushPromises,
  freezeClockPerTest,
  text
} from '../../../../../test/jest-utils';

const board = require('./data/getBoard.json');
const training = require('./data/getTraining.json');

jest.mock(
  '@salesforce/apex/RolloutWaveController.getBoard',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/RolloutWaveController.getTraining', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/RolloutWaveController.inviteAudience', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/RolloutWaveController.recordAttendance', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
// the real wording, to see the figures the component puts in it
jest.mock(
  '@salesforce/label/c.waveBoard_BlockerCompleteness',
  () => ({ default: 'Completeness {0}%, target {1}%.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.waveBoard_RecordAttendanceFor',
  () => ({ default: 'Record attendance: {0}' }),
  {
    virtual: true
  }
);

const wire = getBoard as unknown as { emit(data: unknown): void; error(body?: unknown): void };
const objectInfo = getObjectInfo as unknown as { emit(data: unknown): void };
const mockGetTraining = getTraining as unknown as jest.Mock;
const mockInvite = inviteAudience as unknown as jest.Mock;
const mockRecord = recordAttendance as unknown as jest.Mock;
const mockRefresh = refreshApex as unknown as jest.Mock;

const CAN_RECORD = { createable: true, updateable: true, fields: { Attended__c: { updateable: true } } };

function create(): HTMLElement {
  const element = createElement('c-wave-board', { is: WaveBoard });
  document.body.appendChild(element);
  return element;
}

function wave(element: HTMLElement, id: string): HTMLElement {
  const found = $(element, `li.wave[data-id="${id}"]`);
  if (!found) throw new Error(`no wave ${id}`);
  return found;
}

describe('c-wave-board', () => {
  freezeClockPerTest(new Date(2026, 10, 20, 10, 0, 0));

  it('shows a spinner while loading, and is accessible', async () => {
    const element = create();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    await expectAccessible(element);
  });

  it('shows the error with a retry', async () => {
    const element = create();
    wire.error({ message: 'Roll-out waves are not readable' });
    await flushPromises();
    const panel = errorPanel(element);
    expect(text(panel.querySelector('[data-id="messages"]'))).toBe('Roll-out waves are not readable');
    expect(text(panel.querySelector('[data-id="title"]'))).toBe('c.waveBoard_ErrorTitle');
    panel.querySelector<HTMLElement>('[data-id="retry"]')!.click();
    await flushPromises();
    expect(mockRefresh).toHaveBeenCalledTimes(1);
    await expectAccessible(element);
  });

  it('says how to start when there is no wave', async () => {
    const element = create();
    wire.emit({ waves: [], keyUsers: [], rules: [] });
    await flushPromises();
    expect(text($(element, '.empty'))).toBe('c.waveBoard_Empty');
    expect($$(element, 'li.wave')).toHaveLength(0);
    await expectAccessible(element);
  });

  it('shows the waves side by side with their status and what blocks each gate', async () => {
    const element = create();
    wire.emit(board);
    await flushPromises();
    expect($$(element, 'li.wave')).toHaveLength(2);

    const live = wave(element, 'a0W000000000001AAA');
    expect(text(live.querySelector('.status'))).toBe('c.waveBoard_StatusGreen');
    expect(text(live.querySelector('.phase'))).toBe('c.waveBoard_PhaseLive');
    expect(live.querySelectorAll('.blocker')).toHaveLength(0);

    const hypercare = wave(element, 'a0W000000000002AAA');
    expect(text(hypercare.querySelector('.status'))).toBe('c.waveBoard_StatusAmber');
    expect(text(hypercare.querySelector('.phase'))).toBe('c.waveBoard_PhaseHypercare');
    const gates = Array.from(hypercare.querySelectorAll('.gate'));
    expect(gates.map((g) => text(g.querySelector('.gate-state')))).toEqual([
      'c.waveBoard_StateMet',
      'c.waveBoard_StateMet',
      'c.waveBoard_StateNotDue'
    ]);
    expect(text(gates[2]!.querySelector('.blocker'))).toBe('Completeness 71.5%, target 80%.');
    // the status history written by the sync, newest first
    expect(Array.from(hypercare.querySelectorAll('.history .status')).map((s) => s.className)).toEqual([
      'status status_amber',
      'status status_green'
    ]);
    await expectAccessible(element);
  });

  it('turns a wave red when a blocking failure reopens after go-live, naming the case', async () => {
    const element = create();
    const changed = JSON.parse(JSON.stringify(board));
    changed.waves[1].sessions[0].cases.push({
      Id: 'c12',
      Name: 'TC-0012',
      Scenario__c: 'Clôturer',
      Result__c: 'Failed',
      Severity__c: 'Blocking'
    });
    wire.emit(changed);
    await flushPromises();
    const live = wave(element, 'a0W000000000001AAA');
    expect(text(live.querySelector('.status'))).toBe('c.waveBoard_StatusRed');
    expect(Array.from(live.querySelectorAll('.blocker')).map((b) => text(b))).toEqual([
      'c.waveBoard_BlockerPassRate',
      'c.waveBoard_BlockerBlockingFailure'
    ]);
  });

  it('hides the attendance record from people who cannot record it', async () => {
    const element = create();
    wire.emit(board);
    objectInfo.emit({ createable: false, updateable: false, fields: { Attended__c: { updateable: false } } });
    await flushPromises();
    expect($$(element, '.record-attendance')).toHaveLength(0);
  });

  it('lets a trainer invite, tick who came and save in a few clicks', async () => {
    mockGetTraining.mockResolvedValue(training);
    mockInvite.mockResolvedValue(0);
    mockRecord.mockResolvedValue(undefined);
    const element = create();
    wire.emit(board);
    objectInfo.emit(CAN_RECORD);
    await flushPromises();
    const buttons = $$(element, '.record-attendance');
    expect(buttons).toHaveLength(3);
    const group = buttons.find((b) => b.dataset.id === 'a0T000000000022AAA')!;
    // a native button (its wrapped name left-aligned): the name is its text
    expect(text(group)).toBe('Record attendance: Groupe Nouvelle-Aquitaine — commerciaux terrain');
    group.click();
    await flushPromises();
    expect(mockGetTraining).toHaveBeenCalledWith({ trainingId: 'a0T000000000022AAA' });
    const boxes = $$(element, '.attendee lightning-input') as unknown as {
      label: string;
      checked: boolean;
    }[];
    expect(boxes.map((b) => [b.label, b.checked])).toEqual([
      ['Émilie Fontaine', false],
      ['François Lambert', true]
    ]);
    await expectAccessible(element);

    const actions = $$(element, '.attendance lightning-button');
    actions.find((b) => (b as unknown as { label: string }).label === 'c.waveBoard_Invite')!.click();
    await flushPromises();
    expect(mockInvite).toHaveBeenCalledWith({
      trainingId: 'a0T000000000022AAA',
      teams: ["Ventes Provence-Alpes-Côte d'Azur", 'Ventes Nouvelle-Aquitaine']
    });

    const first = $(element, '.attendee lightning-input')!;
    first.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flushPromises();
    actions.find((b) => (b as unknown as { label: string }).label === 'c.waveBoard_SaveAttendance')!.click();
    await flushPromises();
    expect(mockRecord).toHaveBeenCalledWith({
      trainingId: 'a0T000000000022AAA',
      attendedIds: ['a0A000000000002AAA', 'a0A000000000001AAA']
    });
    expect(mockRefresh).toHaveBeenCalled();
    expect(text($(element, '.confirmation'))).toBe('c.waveBoard_AttendanceSaved');
  });

  it('shows the reason when saving attendance fails', async () => {
    mockGetTraining.mockResolvedValue(training);
    mockRecord.mockRejectedValue({ body: { message: 'insufficient access rights on object id' } });
    const element = create();
    wire.emit(board);
    objectInfo.emit(CAN_RECORD);
    await flushPromises();
    $$(element, '.record-attendance')[0]!.click();
    await flushPromises();
    $$(element, '.attendance lightning-button')
      .find((b) => (b as unknown as { label: string }).label === 'c.waveBoard_SaveAttendance')!
      .click();
    await flushPromises();
    expect(text($(element, '.action-error'))).toBe('insufficient access rights on object id');
  });

  it('states every kind of blocker in a sentence', () => {
    const kinds = [
      { kind: 'noGoLiveDate' },
      { kind: 'noTeams' },
      { kind: 'noAcceptanceSession' },
      { kind: 'acceptance', sessionId: 's', sessionName: 'S', blocker: { kind: 'noTestCases' } },
      { kind: 'teamWithoutTrainedKeyUser', team: 'Lyon' },
      { kind: 'noKeyUserTraining' },
      { kind: 'trainingNotHeld', trainingId: 't', name: 'T', date: null },
      { kind: 'notMeasured' },
      { kind: 'noUsersInScope' },
      { kind: 'activeShareBelowTarget', share: 90, target: 95, activeUsers: 9, users: 10, missingUsers: 1 },
      { kind: 'noRuleFields' },
      { kind: 'completenessBelowTarget', completeness: 50, target: 80 },
      { kind: 'teamWithoutActiveKeyUser', team: 'Lille' }
    ] as Parameters<typeof blockerText>[0][];
    const texts = kinds.map(blockerText);
    expect(texts.every((t) => t.length > 0)).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
