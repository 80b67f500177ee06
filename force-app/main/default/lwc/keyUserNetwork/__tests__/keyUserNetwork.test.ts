import { createElement } from 'lwc';
import KeyUserNetwork from 'c/keyUserNetwork';
import getNetwork from '@salesforce/apex/KeyUserNetworkController.getNetwork';
import { refreshApex } from '@salesforce/apex';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { FOLLOW_UP_PAGE_SIZE, isDuplicateValue, TEAMS_SHOWN } from '../keyUserNetwork';
import { ADMIN_RIGHTS_BADGE, stageBadge } from 'c/keyUserStages';
import {
  $,
  $$,
  errorPanel,
  flushPromises,
  freezeClockPerTest,
  rowAction,
  shadow,
  text
} from '../../../../../test/jest-utils';

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
jest.mock('@salesforce/label/c.keyUserNetwork_UsersOne', () => ({ default: '{0} user' }), { virtual: true });
jest.mock('@salesforce/label/c.keyUserNetwork_UsersMany', () => ({ default: '{0} users' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.keyUserNetwork_ActiveOne', () => ({ default: '{0} active' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.keyUserNetwork_ActiveMany', () => ({ default: '{0} active' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.keyUserNetwork_MarkSelectedOne',
  () => ({ default: 'Record {0} follow-up today' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.keyUserNetwork_MarkSelectedMany',
  () => ({ default: 'Record {0} follow-ups today' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.keyUserNetwork_NotSavedFor', () => ({ default: 'Not saved for {0}: {1}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.keyUserNetwork_PageRange', () => ({ default: '{0}–{1} of {2}' }), {
  virtual: true
});
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

/** `count` key users trained long ago and never followed up: all due, oldest first. */
function dueKeyUsers(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    Id: `a02000000000${String(100 + i)}AAA`,
    Name: `Due ${i}`,
    Team__c: 'North',
    Lifecycle_Status__c: 'Trained',
    Trained_On__c: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`
  }));
}

/** The c-touch-checkbox of the first follow-up row. */
function rowTouchCheckbox(element: HTMLElement): HTMLElement {
  return $($(element, 'li.follow-up c-follow-up-row')!, 'c-touch-checkbox')!;
}

/** The lightning-input checkbox of the first follow-up row. */
function rowCheckbox(element: HTMLElement): HTMLElement {
  return $(rowTouchCheckbox(element), 'lightning-input')!;
}

function check(input: HTMLElement, checked: boolean) {
  (input as unknown as { checked: boolean }).checked = checked;
  input.dispatchEvent(new CustomEvent('change', { detail: { checked } }));
}

describe('c-key-user-network', () => {
  freezeClockPerTest(new Date(2026, 10, 16, 10, 0, 0));

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

  it('lists teams without a key user first, with size, active users, stage and admin-rights badges', async () => {
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ team: '' });
    const rows = $$(element, 'li.team');
    // South has no key user: first, whatever its name
    expect(rows.map((row) => row.dataset.team)).toEqual(['South', 'North', 'West']);
    const north = rows[1]!;
    expect(text(north.querySelector('.team-size'))).toBe('12 users · 9 active');
    const names = Array.from(north.querySelectorAll('.key-user-name')).map((node) => text(node));
    expect(names).toEqual(['Alice Martin', 'Bruno Petit']);
    // one palette for stages and admin rights (c/keyUserStages), the same as keyUserBadge's
    const alice = north.querySelector('.key-user[data-id="a02000000000001AAA"]')!;
    expect(text(alice.querySelector('[data-id="stage"]'))).toBe('c.keyUserNetwork_StageReferent');
    expect(alice.querySelector('[data-id="stage"]')!.className).toBe(stageBadge('Referent').className);
    expect(alice.querySelector('[data-id="admin-rights"]')!.className).toBe(ADMIN_RIGHTS_BADGE.className);
    expect(text(alice.querySelector('[data-id="admin-rights"]'))).toBe('c.keyUserBadge_AdminRights');
    expect(north.querySelectorAll('[data-id="admin-rights"]')).toHaveLength(1);
    // totals per stage across the teams shown
    expect(text($(element, '.stage-totals [data-stage="Referent"] .stage-count'))).toBe('1');
    expect(text($(element, '.stage-totals [data-stage="Trained"] .stage-count'))).toBe('1');
    expect(text($(element, '.stage-totals [data-stage="Nominated"] .stage-count'))).toBe('1');
    const south = rows[0]!;
    expect(south.className).toContain('uncovered');
    expect(text(south.querySelector('.team-size'))).toBe('8 users · 4 active');
    expect(text(south.querySelector('.no-key-user'))).toBe('c.keyUserNetwork_NoKeyUser');
    // a light badge with a warning icon, not the solid orange warning theme of the row
    const noKeyUser = south.querySelector<HTMLElement>('.no-key-user')!;
    expect(noKeyUser.classList.contains('slds-badge_lightest')).toBe(true);
    expect(noKeyUser.classList.contains('slds-theme_warning')).toBe(false);
    expect(
      (noKeyUser.querySelector('lightning-icon') as unknown as { iconName: string } | null)?.iconName
    ).toBe('utility:warning');
    expect(text($(element, '.coverage-summary'))).toBe('c.keyUserNetwork_CoverageSummary');
    // the highlighted rows, listed first, are the one place naming teams without a key user (no summary line)
    expect($(element, '.uncovered-summary')).toBeNull();
    // 3 teams: no "Show all teams"
    expect($(element, '.teams-toggle')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says a team of one in the singular, and a team known only from key users as not measured', async () => {
    const element = createNetwork();
    wire.emit({
      ...networkData,
      teams: [{ name: 'North', users: 1, activeUsers: 1 }],
      keyUsers: [...networkData.keyUsers]
    });
    await flushPromises();
    const byTeam = (name: string) => $(element, `li.team[data-team="${name}"] .team-size`);
    expect(text(byTeam('North'))).toBe('1 user · 1 active');
    expect(text(byTeam('West'))).toBe('c.keyUserNetwork_NotMeasured');
  });

  it('lists the first teams, uncovered first, and all of them on demand', async () => {
    const teams = Array.from({ length: 30 }, (_, i) => ({
      name: `Team ${String(i + 1).padStart(2, '0')}`,
      users: 10,
      activeUsers: 5
    }));
    const keyUsers = teams.slice(0, 20).map((team, i) => ({
      Id: `a020000000000${String(i).padStart(2, '0')}AAA`,
      Name: `Key user ${i}`,
      Team__c: team.name,
      Lifecycle_Status__c: 'Active'
    }));
    const element = createNetwork();
    wire.emit({ ...networkData, teams, keyUsers, candidates: [] });
    await flushPromises();
    let rows = $$(element, 'li.team');
    expect(rows).toHaveLength(TEAMS_SHOWN);
    // the 10 uncovered teams (21 to 30) come first
    expect(rows.slice(0, 10).every((row) => row.className.includes('uncovered'))).toBe(true);
    expect(rows[0]!.dataset.team).toBe('Team 21');
    const toggle = $(element, 'button.teams-toggle')!;
    expect(text(toggle)).toBe('c.keyUserNetwork_ShowAllTeams');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flushPromises();
    rows = $$(element, 'li.team');
    expect(rows).toHaveLength(30);
    expect(text($(element, 'button.teams-toggle'))).toBe('c.keyUserNetwork_ShowFewerTeams');
    expect($(element, 'button.teams-toggle')!.getAttribute('aria-expanded')).toBe('true');
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
    expect(rowAction($(element, '.candidate c-follow-up-row'))).toBeNull();
    expect(rowAction($(element, '.follow-up c-follow-up-row'))).toBeNull();
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
    expect(rowAction($(element, '.candidate c-follow-up-row'))).not.toBeNull();
    expect(rowAction($(element, '.follow-up c-follow-up-row'))).toBeNull();
  });

  it('records a follow-up in one click', async () => {
    const element = createNetwork();
    const onToast = jest.fn();
    element.addEventListener('lightning__showtoast', onToast);
    wire.emit(networkData);
    await flushPromises();
    rowAction($(element, '.follow-up c-follow-up-row'))!.click();
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

  it('pages the follow-ups and records a page of them at once', async () => {
    const element = createNetwork();
    wire.emit({ ...networkData, keyUsers: dueKeyUsers(23) });
    await flushPromises();
    expect(text($(element, '.follow-up-count'))).toBe('c.keyUserNetwork_FollowUpsCountMany');
    expect($$(element, 'li.follow-up')).toHaveLength(FOLLOW_UP_PAGE_SIZE);
    expect(text($(element, '.page-range'))).toBe('1–10 of 23');
    expect(($(element, 'button.previous-page') as HTMLButtonElement).disabled).toBe(true);
    const bulk = () => $(element, 'button.bulk-followed-up') as HTMLButtonElement;
    expect(bulk().disabled).toBe(true);

    check($(element, 'c-touch-checkbox.select-page')!, true);
    await flushPromises();
    expect(bulk().disabled).toBe(false);
    expect(text(bulk())).toBe('Record 10 follow-ups today');
    bulk().click();
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledTimes(10);
    expect(mockUpdateRecord.mock.calls.map((call) => call[0].fields.Last_Follow_Up__c)).toEqual(
      Array(10).fill('2026-11-16')
    );
    expect(text($(element, '[data-id="confirmation"]'))).toBe('c.keyUserNetwork_FollowedUpMany');
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);

    // the server now returns the 13 still due; the next page is the last
    wire.emit({ ...networkData, keyUsers: dueKeyUsers(23).slice(10) });
    await flushPromises();
    ($(element, 'button.next-page') as HTMLButtonElement).click();
    await flushPromises();
    expect(text($(element, '.page-range'))).toBe('11–13 of 13');
    expect(($(element, 'button.next-page') as HTMLButtonElement).disabled).toBe(true);
    // one ticked by hand: the button says so in the singular
    check(rowCheckbox(element), true);
    await flushPromises();
    expect(text(bulk())).toBe('Record 1 follow-up today');
    await expect(element).toBeAccessible();
  });

  it('keeps ticked, with their names, the follow-ups that could not be saved', async () => {
    mockUpdateRecord.mockResolvedValueOnce({}).mockRejectedValueOnce({ body: { message: 'Locked row' } });
    const element = createNetwork();
    wire.emit({ ...networkData, keyUsers: dueKeyUsers(2) });
    await flushPromises();
    check($(element, 'c-touch-checkbox.select-page')!, true);
    await flushPromises();
    $(element, 'button.bulk-followed-up')!.click();
    await flushPromises();
    expect(text($(element, '.action-error'))).toBe('Not saved for Due 1: Locked row');
    expect(text($(element, '[data-id="confirmation"]'))).toBe('c.keyUserNetwork_FollowedUp');
    const ticked = $$(element, 'li.follow-up c-follow-up-row').filter(
      (row) => (row as unknown as { selected: boolean }).selected
    );
    expect(ticked.map((row) => row.dataset.id)).toEqual(['a02000000000101AAA']);
  });

  it('shows a readable error when the follow-up cannot be saved', async () => {
    mockUpdateRecord.mockRejectedValueOnce({ body: { message: 'Insufficient access rights' } });
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    rowAction($(element, '.follow-up c-follow-up-row'))!.click();
    await flushPromises();
    expect(text($(element, '.action-error'))).toBe('Not saved for Bruno Petit: Insufficient access rights');
    expect($(element, '[data-id="confirmation"]')).toBeNull();
  });

  it('lists champion candidates with an accessible nominate button', async () => {
    const element = createNetwork();
    wire.emit(networkData);
    await flushPromises();
    const candidates = $$(element, '.candidate');
    expect(candidates).toHaveLength(2);
    expect(text(shadow(candidates[0]!.querySelector('c-follow-up-row')!).querySelector('.row-name'))).toBe(
      'Diane Leroy · South'
    );
    expect(text(candidates[0]!.querySelector('.candidate-score'))).toBe('86.5');
    expect(rowAction(candidates[0]!.querySelector('c-follow-up-row'))!.getAttribute('aria-label')).toBe(
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
    rowAction($(element, '.candidate[data-id="005000000000004AAA"] c-follow-up-row'))!.click();
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
    rowAction($(element, '.candidate c-follow-up-row'))!.click();
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
    rowAction($(element, '.candidate c-follow-up-row'))!.click();
    await flushPromises();
    expect(text($(element, '.action-error'))).toBe('You cannot create key users');
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('starts on the team of the design property and filters by team', async () => {
    const element = createNetwork('West');
    wire.emit(networkData);
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ team: 'West' });
    expect($$(element, 'li.team').map((row) => row.dataset.team)).toEqual(['West']);
    const filter = $(element, 'c-native-select.team-select') as HTMLElement & {
      value: string;
      options: Array<{ value: string }>;
    };
    expect(filter.value).toBe('West');
    expect(filter.options.map((option) => option.value)).toEqual(['', 'North', 'South', 'West']);

    filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'South' } }));
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ team: 'South' });
    wire.emit({ ...networkData, candidates: [networkData.candidates[0]] });
    await flushPromises();
    expect($$(element, 'li.team').map((row) => row.dataset.team)).toEqual(['South']);
    expect($$(element, '.follow-up')).toHaveLength(0);
    await expect(element).toBeAccessible();
  });

  it('ticks a follow-up, or the whole page, from a tap on the padding of its 44 px touch area', async () => {
    const element = createNetwork();
    wire.emit({ ...networkData, keyUsers: dueKeyUsers(3) });
    await flushPromises();
    const bulk = () => $(element, 'button.bulk-followed-up') as HTMLButtonElement;
    // the row's checkbox is a c-touch-checkbox: its area's padding ticks the row
    const area = $(rowTouchCheckbox(element), '.touch-target')!;
    area.click();
    await flushPromises();
    expect(text(bulk())).toBe('Record 1 follow-up today');
    area.click();
    await flushPromises();
    expect(bulk().disabled).toBe(true);
    // a tap on the checkbox itself is the checkbox's, not the area's: it is not counted twice
    (area.querySelector('lightning-input') as HTMLElement).click();
    await flushPromises();
    expect(bulk().disabled).toBe(true);
    // "Select this page" is a c-touch-checkbox: a tap on its area's padding ticks the whole page
    const pageArea = () => $($(element, 'c-touch-checkbox.select-page')!, '.touch-target')!;
    pageArea().click();
    await flushPromises();
    expect(text(bulk())).toBe('Record 3 follow-ups today');
    pageArea().click();
    await flushPromises();
    expect(bulk().disabled).toBe(true);
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
