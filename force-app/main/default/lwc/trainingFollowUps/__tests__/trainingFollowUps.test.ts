import { createElement } from 'lwc';
import TrainingFollowUps from 'c/trainingFollowUps';
import getTrainingFollowUps from '@salesforce/apex/TrainingFollowUpController.getTrainingFollowUps';
import { refreshApex } from '@salesforce/apex';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { FIRST_ROWS } from '../trainingFollowUps';
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

const manyRows = require('./data/getTrainingFollowUps.json');
const noneDue = require('./data/getTrainingFollowUpsEmpty.json');
const notKeyUser = require('./data/getTrainingFollowUpsNotKeyUser.json');

jest.mock(
  '@salesforce/apex/TrainingFollowUpController.getTrainingFollowUps',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
// the real wording, to see the values the component puts in it
jest.mock(
  '@salesforce/label/c.trainingFollowUps_Summary',
  () => ({ default: 'Trained more than {1} weeks ago and not followed up since: {0}.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.trainingFollowUps_SummaryOne',
  () => ({ default: 'Trained more than {1} week ago and not followed up since: {0}.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.trainingFollowUps_EmptyOne',
  () => ({ default: 'Everyone trained more than {0} week ago has been followed up.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.trainingFollowUps_ShowAll',
  () => ({ default: 'Show {0} more ({1} of {2})' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.trainingFollowUps_OldestListed',
  () => ({ default: 'The {0} oldest of {1} are listed: record their follow-ups to see the next ones.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.trainingFollowUps_TrainedOn', () => ({ default: '{0}, trained on {1}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.trainingFollowUps_MarkFollowedUpFor',
  () => ({ default: 'Mark {0} followed up' }),
  { virtual: true }
);

const wire = getTrainingFollowUps as unknown as {
  emit(data: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
};
const objectInfo = getObjectInfo as unknown as { emit(data: unknown): void };
const mockUpdateRecord = updateRecord as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

/** getObjectInfo of Training_Attendance__c for a key user: may set Followed_Up_On__c. */
const KEY_USER_ACCESS = {
  apiName: 'Training_Attendance__c',
  updateable: true,
  fields: { Followed_Up_On__c: { updateable: true } }
};
/** For a sponsor: read only. */
const READ_ONLY_ACCESS = {
  apiName: 'Training_Attendance__c',
  updateable: false,
  fields: { Followed_Up_On__c: { updateable: false } }
};

function create(team = '', access: object = KEY_USER_ACCESS): HTMLElement {
  const element = createElement('c-training-follow-ups', { is: TrainingFollowUps });
  (element as unknown as { team: string }).team = team;
  document.body.appendChild(element);
  objectInfo.emit(access);
  return element;
}

describe('c-training-follow-ups', () => {
  freezeClockPerTest(new Date(2026, 10, 16, 10, 0, 0));

  it('shows a spinner while loading, and is accessible', async () => {
    const element = create();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect($(element, '.rows')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks for the team the key-user network selected', async () => {
    create('Sales West');
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ team: 'Sales West' });
  });

  it('shows the error with a retry', async () => {
    const element = create();
    wire.error({ message: 'No access to Training Attendance' });
    await flushPromises();
    const panel = errorPanel(element);
    expect(text(panel.querySelector('[data-id="messages"]'))).toBe('No access to Training Attendance');
    expect(text(panel.querySelector('[data-id="title"]'))).toBe('c.trainingFollowUps_ErrorTitle');
    expect($(element, 'lightning-spinner')).toBeNull();
    await expect(element).toBeAccessible();
    panel.querySelector<HTMLElement>('[data-id="retry"]')!.click();
    await flushPromises();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('says when nobody is due', async () => {
    const element = create('Sales West');
    wire.emit(noneDue);
    await flushPromises();
    expect(text($(element, '.empty'))).toBe('c.trainingFollowUps_Empty');
    expect($(element, '.not-key-user')).toBeNull();
    expect($(element, '.rows')).toBeNull();
    expect($(element, '.summary')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('tells a user who is no key user that they follow up nobody, not that everyone was followed up', async () => {
    const element = create('Sales West', READ_ONLY_ACCESS);
    wire.emit(notKeyUser);
    await flushPromises();
    expect(text($(element, '.not-key-user'))).toBe('c.trainingFollowUps_NotKeyUser');
    expect($(element, '.empty')).toBeNull();
    expect($(element, '.rows')).toBeNull();
    expect($(element, '.summary')).toBeNull();
    expect(rowAction($(element, 'c-follow-up-row'))).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says "1 week" in the singular, in the summary and when nobody is due', async () => {
    const element = create();
    wire.emit({ ...manyRows, followUpWeeks: 1 });
    await flushPromises();
    expect(text($(element, '.summary'))).toBe('Trained more than 1 week ago and not followed up since: 9.');
    wire.emit({ ...noneDue, followUpWeeks: 1 });
    await flushPromises();
    expect(text($(element, '.empty'))).toBe('Everyone trained more than 1 week ago has been followed up.');
  });

  it('lists the oldest first, a few at a time, with the total and the training of each', async () => {
    const element = create();
    wire.emit(manyRows);
    await flushPromises();
    expect(text($(element, '.summary'))).toBe('Trained more than 4 weeks ago and not followed up since: 9.');
    // the server listed 7 of the 9 due
    expect(text($(element, '.oldest-listed'))).toBe(
      'The 7 oldest of 9 are listed: record their follow-ups to see the next ones.'
    );
    let rows = $$(element, 'li.row');
    expect(rows).toHaveLength(FIRST_ROWS);
    // a long French name and team are shown whole (they wrap), with the wave after the training
    expect(text(shadow(rows[0]!.querySelector('c-follow-up-row')!).querySelector('.row-name'))).toBe(
      'Marie-Charlotte de La Rochefoucauld-Montmorency · Ventes Île-de-France et Hauts-de-France — grands comptes'
    );
    expect(text(rows[0]!.querySelector('.row-detail'))).toBe(
      'Formation pipeline des opportunités — groupe Lyon et Lille, trained on September 7, 2026 · Wave 2 — opportunity pipeline, Lyon and Lille'
    );
    expect(text(rows[1]!.querySelector('.row-detail'))).toBe(
      'Opportunity pipeline — team group, trained on September 8, 2026'
    );
    const showAll = $(element, 'button.show-all')!;
    // the counts agree: 5 shown, 2 more of the 7 listed, of the 9 due
    expect(text(showAll)).toBe('Show 2 more (7 of 9)');
    showAll.click();
    await flushPromises();
    rows = $$(element, 'li.row');
    expect(rows).toHaveLength(7);
    expect($(element, 'button.show-all')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('records the follow-up on the attendance, then reloads', async () => {
    mockUpdateRecord.mockResolvedValue({});
    const element = create();
    wire.emit(manyRows);
    await flushPromises();
    const button = rowAction($(element, 'c-follow-up-row[data-id="a0B0000000000001AAA"]'))!;
    expect(button.getAttribute('aria-label')).toBe('Mark Bruno Petit followed up');
    button.click();
    await flushPromises();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: 'a0B0000000000001AAA', Followed_Up_On__c: '2026-11-16' }
    });
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect($(element, '.action-error')).toBeNull();
  });

  it('shows why a follow-up was not saved', async () => {
    mockUpdateRecord.mockRejectedValue({ body: { message: 'insufficient access rights on object id' } });
    const element = create();
    wire.emit(manyRows);
    await flushPromises();
    rowAction($(element, 'c-follow-up-row'))!.click();
    await flushPromises();
    expect(text($(element, '.action-error'))).toBe('insufficient access rights on object id');
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('hides "Followed up" from users who may not edit the attendance (sponsors)', async () => {
    const element = create('', READ_ONLY_ACCESS);
    wire.emit(manyRows);
    await flushPromises();
    expect($$(element, 'li.row')).toHaveLength(FIRST_ROWS);
    expect(rowAction($(element, 'c-follow-up-row'))).toBeNull();
  });
});
