import { createElement } from 'lwc';
import KeyUserNetwork from 'c/keyUserNetwork';
import getNetwork from '@salesforce/apex/KeyUserNetworkController.getNetwork';
import { refreshApex } from '@salesforce/apex';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { isDuplicateValue } from '../keyUserNetwork';
import { $, $$, errorPanel, flushPromises, resetDom, text } from '../../../../../test/jest-utils';

const networkData = require('./data/getNetwork.json');

jest.mock(
  '@salesforce/apex/KeyUserNetworkController.getNetwork',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
// the real wording, to see the dates the component puts in it
jest.mock(
  '@salesforce/label/c.keyUserNetwork_NeverFollowedUp',
  () => ({ default: 'Trained on {0}, not followed up since.' }),
  { virtual: true }
);

const wire = getNetwork as unknown as {
  emit(data: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
};
const mockCreateRecord = createRecord as jest.Mock;
const mockUpdateRecord = updateRecord as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

const objectInfo = getObjectInfo as unknown as { emit(data: unknown): void };
const KEY_USER_FIELDS = [
  'User__c',
  'User_Key__c',
  'Team__c',
  'Lifecycle_Status__c',
  'Nominated_On__c',
  'Last_Follow_Up__c'
];
/** getObjectInfo of Key_User__c for an admin: may create key users and record follow-ups. */
const ADMIN_ACCESS = {
  apiName: 'Key_User__c',
  createable: true,
  updateable: true,
  fields: Object.fromEntries(KEY_USER_FIELDS.map((f) => [f, { createable: true, updateable: true }]))
};
/** For a key user: read only. */
const READ_ONLY_ACCESS = {
  apiName: 'Key_User__c',
  createable: false,
  updateable: false,
  fields: Object.fromEntries(KEY_USER_FIELDS.map((f) => [f, { createable: false, updateable: false }]))
};

function createNetwork(team?: string, access: object = ADMIN_ACCESS): HTMLElement {
  const element = createElement('c-key-user-network', { is: KeyUserNetwork });
  if (team !== undefined) {
    (element as unknown as { team: string }).team = team;
  }
  document.body.appendChild(element);
  objectInfo.emit(access);
  return element;
}

describe('c-key-user-network', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'setImmediate', 'nextTick'] });
    jest.setSystemTime(new Date(2026, 10, 16, 10, 0, 0));
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner while loading, and is accessible', async () => {
    const element = createNetwork();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error with a retry', async () => {
    const element = createNetwork();
    wire.error({ message: 'No access to Key User' });
    await flushPromises();
    const panel = errorPanel(element);
    expect(panel.querySelector('[data-id="error"]')?.getAttribute('role')).toBe('alert');
    expect(text(panel.querySelector('[data-id="messages"]'))).toBe('No access to Key User');
    expect(text(panel.querySelector('[data-id="title"]'))).toBe('c.keyUserNetwork_ErrorTitle');
    await expect(element).toBeAccessible();
    panel.querySelector<HTMLElement>('[data-id="retry"]')!.click();
    await flushPromises();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('shows an empty state before any key user or measured team', async () => {
    const element = createNetwork();
    wire.emit({ keyUsers: [], teams: [], candidates: [], followUpWeeks: 4, championCandidates: 5 });
    await flushPromises();
    expect(text($(element, '.empty'))).toBe('c.keyUserNetwork_Empty');
    expect($(element, 'table.coverage')).toBeNull();
    expect(text($(element, '.follow-ups-empty'))).toBe('c.keyUserNetwork_FollowUpsEmpty');
    expect(text($(element, '.candidates-empty'))).toBe('c.keyUserNetwork_CandidatesEmpty');
    await expect(element).toBeAccessible();
  });

  it('shows key users by team and stage, flags teams without one, and marks admin rights', async () => {
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ team: '' });
    const rows = $$(element, 'tbody tr');
    expect(rows.map((row) => row.dataset.team)).toEqual(['North', 'South', 'West']);
    const north = rows[0]!;
    expect(text(north.querySelector('td[data-stage="Referent"]'))).toBe('1');
    expect(text(north.querySelector('td[data-stage="Trained"]'))).toBe('1');
    expect(text(north.querySelector('td[data-stage="Nominated"]'))).toBe('0');
    const names = Array.from(north.querySelectorAll('.key-user-name')).map((node) => text(node));
    expect(names).toEqual(['Alice Martin', 'Bruno Petit']);
    expect(north.querySelectorAll('.admin-rights')).toHaveLength(1);
    expect(text(north.querySelector('.key-user[data-id="a02000000000001AAA"] .key-user-stage'))).toBe(
      'c.keyUserNetwork_StageReferent'
    );
    // the stage badge keeps its distance from the name
    const badges = Array.from(north.querySelectorAll<HTMLElement>('.key-user-badge'));
    expect(badges).toHaveLength(2);
    for (const badge of badges) {
      expect(badge.classList.contains('slds-m-left_x-small')).toBe(true);
      expect(badge.previousElementSibling?.classList.contains('key-user-name')).toBe(true);
    }
    const south = rows[1]!;
    expect(south.className).toContain('uncovered');
    expect(text(south.querySelector('.no-key-user'))).toBe('c.keyUserNetwork_NoKeyUser');
    // a light badge with a warning icon, not the solid orange warning theme of the row
    const noKeyUser = south.querySelector<HTMLElement>('.no-key-user')!;
    expect(noKeyUser.classList.contains('slds-badge_lightest')).toBe(true);
    expect(noKeyUser.classList.contains('slds-theme_warning')).toBe(false);
    expect(
      (noKeyUser.querySelector('lightning-icon') as unknown as { iconName: string } | null)?.iconName
    ).toBe('utility:warning');
    expect(text($(element, '.coverage-summary'))).toBe('c.keyUserNetwork_CoverageSummary');
    expect(text($(element, '.uncovered-summary'))).toBe('c.keyUserNetwork_Uncovered');
    await expect(element).toBeAccessible();
  });

  it('lists the follow-ups due', async () => {
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    const followUps = $$(element, '.follow-up');
    expect(followUps.map((item) => item.dataset.id)).toEqual(['a02000000000002AAA']);
    // the training date in the user's locale (en-US under jest), not in ISO
    expect(text(followUps[0]!.querySelector('.follow-up-reason'))).toBe(
      'Trained on January 5, 2026, not followed up since.'
    );
  });

  it('shows neither Nominate nor Followed up to a user who cannot create or edit key users', async () => {
    const element = createNetwork(undefined, READ_ONLY_ACCESS);
    wire.emit(networkData);
    await flushPromises();
    expect($$(element, 'li.candidate').length).toBeGreaterThan(0);
    expect($$(element, 'li.follow-up').length).toBeGreaterThan(0);
    expect($(element, 'button.nominate')).toBeNull();
    expect($(element, 'button.followed-up')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows Nominate but not Followed up to a sponsor (create, no edit)', async () => {
    const sponsor = {
      ...READ_ONLY_ACCESS,
      createable: true,
      fields: { ...ADMIN_ACCESS.fields, Last_Follow_Up__c: { createable: true, updateable: false } }
    };
    const element = createNetwork(undefined, sponsor);
    wire.emit(networkData);
    await flushPromises();
    expect($(element, 'button.nominate')).not.toBeNull();
    expect($(element, 'button.followed-up')).toBeNull();
  });

  it('records a follow-up in one click', async () => {
    const element = createNetwork();
    const onToast = jest.fn();
    element.addEventListener('lightning__showtoast', onToast);
    wire.emit(networkData);
    await flushPromises();
    $(element, 'button.followed-up')!.click();
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: 'a02000000000002AAA', Last_Follow_Up__c: '2026-11-16' }
    });
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect(text($(element, '.announcement'))).toBe('c.keyUserNetwork_FollowedUp');
    // seen too, not only announced: inline text and a success toast
    expect(text($(element, '[data-id="confirmation"]'))).toBe('c.keyUserNetwork_FollowedUp');
    expect(onToast).toHaveBeenCalledTimes(1);
    expect(onToast.mock.calls[0][0].detail).toEqual({
      title: 'c.keyUserNetwork_FollowedUp',
      variant: 'success'
    });
    await expect(element).toBeAccessible();
  });

  it('shows a readable error when the follow-up cannot be saved', async () => {
    mockUpdateRecord.mockRejectedValueOnce({ body: { message: 'Insufficient access rights' } });
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    $(element, 'button.followed-up')!.click();
    await flushPromises();
    expect(text($(element, '.action-error'))).toBe('Insufficient access rights');
    expect($(element, '[data-id="confirmation"]')).toBeNull();
  });

  it('lists champion candidates with an accessible nominate button', async () => {
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    const candidates = $$(element, '.candidate');
    expect(candidates).toHaveLength(2);
    expect(text(candidates[0]!.querySelector('.candidate-name'))).toBe('Diane Leroy · South');
    expect(text(candidates[0]!.querySelector('.candidate-score'))).toBe('86.5');
    expect(candidates[0]!.querySelector('button.nominate')!.getAttribute('aria-label')).toBe(
      'c.keyUserNetwork_NominateFor'
    );
  });

  it('nominates a candidate in one click, keyed by user id', async () => {
    mockCreateRecord.mockResolvedValueOnce({ id: 'a02000000000009AAA' });
    const element = createNetwork();
    const onToast = jest.fn();
    element.addEventListener('lightning__showtoast', onToast);
    wire.emit(networkData);
    await flushPromises();
    $(element, '.candidate[data-id="005000000000004AAA"] button.nominate')!.click();
    await flushPromises();
    expect(mockCreateRecord).toHaveBeenCalledWith({
      apiName: 'Key_User__c',
      fields: {
        Name: 'Diane Leroy',
        User__c: '005000000000004AAA',
        User_Key__c: '005000000000004AAA',
        Team__c: 'South',
        Lifecycle_Status__c: 'Nominated',
        Nominated_On__c: '2026-11-16'
      }
    });
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect(text($(element, '.announcement'))).toBe('c.keyUserNetwork_Nominated');
    expect(text($(element, '[data-id="confirmation"]'))).toBe('c.keyUserNetwork_Nominated');
    expect(onToast).toHaveBeenCalledTimes(1);
    expect(onToast.mock.calls[0][0].detail).toEqual({
      title: 'c.keyUserNetwork_Nominated',
      variant: 'success'
    });
    expect($(element, '.action-error')).toBeNull();
  });

  it('says plainly when the user is already a key user (DUPLICATE_VALUE)', async () => {
    mockCreateRecord.mockRejectedValueOnce({
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [
            {
              errorCode: 'DUPLICATE_VALUE',
              message:
                'duplicate value found: User_Key__c duplicates value on record with id: a02000000000001AAA'
            }
          ],
          fieldErrors: {}
        }
      }
    });
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    $(element, 'button.nominate')!.click();
    await flushPromises();
    expect(text($(element, '.action-error'))).toBe('c.keyUserNetwork_AlreadyKeyUser');
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('shows other nomination errors readably', async () => {
    mockCreateRecord.mockRejectedValueOnce({ body: { message: 'You cannot create key users' } });
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    $(element, 'button.nominate')!.click();
    await flushPromises();
    expect(text($(element, '.action-error'))).toBe('You cannot create key users');
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('starts on the team of the design property and filters by team', async () => {
    const element = createNetwork('West');
    wire.emit(networkData);
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ team: 'West' });
    expect($$(element, 'tbody tr').map((row) => row.dataset.team)).toEqual(['West']);
    const filter = $(element, 'lightning-combobox.team-filter') as unknown as {
      value: string;
      options: Array<{ value: string }>;
    };
    expect(filter.value).toBe('West');
    expect(filter.options.map((option) => option.value)).toEqual(['', 'North', 'South', 'West']);

    ($(element, 'lightning-combobox.team-filter') as HTMLElement).dispatchEvent(
      new CustomEvent('change', { detail: { value: 'South' } })
    );
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ team: 'South' });
    wire.emit({ ...networkData, candidates: [networkData.candidates[0]] });
    await flushPromises();
    expect($$(element, 'tbody tr').map((row) => row.dataset.team)).toEqual(['South']);
    expect($$(element, '.follow-up')).toHaveLength(0);
    await expect(element).toBeAccessible();
  });

  it('detects DUPLICATE_VALUE anywhere in an error', () => {
    expect(isDuplicateValue({ body: [{ errorCode: 'DUPLICATE_VALUE' }] })).toBe(true);
    expect(isDuplicateValue({ body: { message: 'other' } })).toBe(false);
    expect(isDuplicateValue(undefined)).toBe(false);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(isDuplicateValue(circular)).toBe(false);
  });
});
