import { createElement } from 'lwc';
import HelpRequest from 'c/helpRequest';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import getPanel from '@salesforce/apex/HelpRequestController.getPanel';
import getPreference from '@salesforce/apex/NudgeController.getPreference';
import submit from '@salesforce/apex/HelpRequestController.submit';
import vote from '@salesforce/apex/HelpRequestController.vote';
import savePreference from '@salesforce/apex/NudgeController.savePreference';
import { dayOptions } from '../helpRequest';
import { $, $$, errorPanel, flushPromises, resetDom, text } from '../../../../../test/jest-utils';

const panelData = require('./data/getPanel.json');
const preferenceData = require('./data/getPreference.json');
const objectInfos = require('./data/objectInfos.json');

jest.mock(
  '@salesforce/apex/HelpRequestController.getPanel',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/NudgeController.getPreference',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/HelpRequestController.submit', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/HelpRequestController.vote', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/NudgeController.savePreference', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/label/c.helpRequest_Answer', () => ({ default: 'Answer: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.helpRequest_Sent', () => ({ default: 'Sent to {0}.' }), { virtual: true });
jest.mock('@salesforce/label/c.helpRequest_VotesOne', () => ({ default: '{0} vote' }), { virtual: true });
jest.mock('@salesforce/label/c.helpRequest_VotesMany', () => ({ default: '{0} votes' }), { virtual: true });

type Wire = { emit(data: unknown): void; error(body?: unknown): void };
const panelWire = getPanel as unknown as Wire;
const preferenceWire = getPreference as unknown as Wire;
const infoWire = getObjectInfos as unknown as Wire;
const submitMock = submit as unknown as jest.Mock;
const voteMock = vote as unknown as jest.Mock;
const saveMock = savePreference as unknown as jest.Mock;

function create(): HTMLElement {
  const element = createElement('c-help-request', { is: HelpRequest });
  document.body.appendChild(element);
  return element;
}

async function loaded(infos: unknown = objectInfos): Promise<HTMLElement> {
  const element = create();
  infoWire.emit(infos);
  panelWire.emit(panelData);
  preferenceWire.emit(preferenceData);
  await flushPromises();
  return element;
}

function change(element: HTMLElement | null, detail: unknown): void {
  element?.dispatchEvent(new CustomEvent('change', { detail }));
}

describe('c-help-request', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner while the panel loads', async () => {
    const element = create();
    await flushPromises();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the form, my requests with answers, what to answer and the top ideas', async () => {
    const element = await loaded();
    expect($(element, '[data-id="form"]')).not.toBeNull();
    const mine = $$(element, '.request').map((r) => text(r));
    expect(mine[0]).toContain('Comment enregistrer un appel');
    expect(mine[0]).toContain('Use the Log a Call action');
    const link = $(element, '[data-id="to-answer"] a');
    expect(link?.getAttribute('href')).toBe('/lightning/r/Help_Request__c/a0H000000000003AAA/view');
    const ideas = $$(element, '.idea');
    expect(text(ideas[0] ?? null)).toContain('12 votes');
    expect(text(ideas[1] ?? null)).toContain('1 vote');
    const buttons = $$(element, '.idea button') as unknown as HTMLButtonElement[];
    expect(buttons[0]?.disabled).toBe(false);
    expect(buttons[1]?.disabled).toBe(true);
    expect(text(buttons[1] ?? null)).toBe('c.helpRequest_Voted');
    expect(buttons[0]?.getAttribute('aria-label')).toBe('c.helpRequest_VoteFor');
    await expect(element).toBeAccessible();
  });

  it('sends a request in two fields and says who will answer', async () => {
    submitMock.mockResolvedValue({ id: 'a0H000000000009AAA', routedToName: 'Camille Martin' });
    const element = await loaded();
    change($(element, 'lightning-radio-group'), { value: 'Idea' });
    change($(element, '[data-id="subject"]'), { value: '  Pre-fill the city  ' });
    change($(element, '[data-id="details"]'), { value: 'From the postcode' });
    $(element, '[data-id="send"]')?.click();
    await flushPromises();
    expect(submitMock).toHaveBeenCalledWith({
      type: 'Idea',
      subject: 'Pre-fill the city',
      details: 'From the postcode'
    });
    expect(text($(element, '[data-id="confirmation"]'))).toBe('Sent to Camille Martin.');
    await expect(element).toBeAccessible();
  });

  it('refuses an empty subject before calling the server, and shows server errors', async () => {
    const element = await loaded();
    $(element, '[data-id="send"]')?.click();
    await flushPromises();
    expect(submitMock).not.toHaveBeenCalled();
    expect(text($(element, '[data-id="form-error"]'))).toBe('c.helpRequest_SubjectRequired');
    submitMock.mockRejectedValue({
      body: { message: 'Enter a subject of 1 to 80 characters, then send again.' }
    });
    change($(element, '[data-id="subject"]'), { value: 'x' });
    $(element, '[data-id="send"]')?.click();
    await flushPromises();
    expect(text($(element, '[data-id="form-error"]'))).toContain('1 to 80 characters');
  });

  it('says the request went to the backlog when the team has no key user', async () => {
    submitMock.mockResolvedValue({ id: 'a0H000000000009AAA', routedToName: null });
    const element = await loaded();
    change($(element, '[data-id="subject"]'), { value: 'Help' });
    $(element, '[data-id="send"]')?.click();
    await flushPromises();
    expect(text($(element, '[data-id="confirmation"]'))).toBe('c.helpRequest_SentBacklog');
  });

  it('votes for an idea, and shows why a vote is refused', async () => {
    voteMock
      .mockResolvedValueOnce(13)
      .mockRejectedValueOnce({ body: { message: 'You already voted for this idea.' } });
    const element = await loaded();
    const button = $$(element, '.idea button')[0];
    button?.click();
    await flushPromises();
    expect(voteMock).toHaveBeenCalledWith({ requestId: 'a0H000000000004AAA' });
    button?.click();
    await flushPromises();
    expect(text($(element, '[data-id="vote-error"]'))).toBe('You already voted for this idea.');
  });

  it('hides the form and the vote from users who cannot create them', async () => {
    const element = await loaded({
      results: objectInfos.results.map((r: { result: object }) => ({
        ...r,
        result: { ...r.result, createable: false, updateable: false }
      }))
    });
    expect($(element, '[data-id="form"]')).toBeNull();
    expect(text($(element, '[data-id="cannot-ask"]'))).toBe('c.helpRequest_CannotCreate');
    const buttons = $$(element, '.idea button') as unknown as HTMLButtonElement[];
    expect(buttons.every((b) => b.disabled)).toBe(true);
    expect($(element, '[data-id="preferences"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('saves the weekly reminder choice and working days', async () => {
    saveMock.mockResolvedValue(preferenceData);
    const element = await loaded();
    const days = $(element, '[data-id="days"]') as unknown as { value: string[] };
    expect(days.value).toEqual(['Monday', 'Tuesday', 'Thursday', 'Friday']);
    change($(element, '[data-id="nudges-toggle"]'), { checked: false });
    change($(element, '[data-id="days"]'), { value: ['Monday', 'Friday'] });
    $(element, '[data-id="save-preferences"]')?.click();
    await flushPromises();
    expect(saveMock).toHaveBeenCalledWith({
      nudgesOptOut: true,
      digestOptOut: false,
      workingDays: ['Monday', 'Friday']
    });
    expect(text($(element, '[data-id="preference-message"]'))).toBe('c.helpRequest_Saved');
    change($(element, '[data-id="days"]'), { value: [] });
    $(element, '[data-id="save-preferences"]')?.click();
    await flushPromises();
    expect(saveMock).toHaveBeenCalledTimes(1);
    expect(text($(element, '[data-id="preference-error"]'))).toBe('c.helpRequest_WorkingDaysRequired');
  });

  it('hides the reminder when nudges are off for the org', async () => {
    const element = create();
    infoWire.emit(objectInfos);
    panelWire.emit({ mine: [], toAnswer: [], topIdeas: [] });
    preferenceWire.emit({ ...preferenceData, nudgesEnabled: false });
    await flushPromises();
    expect($(element, '[data-id="preferences"]')).toBeNull();
    expect(text($(element, '[data-id="no-requests"]'))).toBe('c.helpRequest_NoRequests');
    expect(text($(element, '[data-id="no-ideas"]'))).toBe('c.helpRequest_NoIdeas');
    await expect(element).toBeAccessible();
  });

  it('shows a load error with retry', async () => {
    const element = create();
    infoWire.emit(objectInfos);
    panelWire.error({ message: 'Insufficient access' });
    await flushPromises();
    expect(text(errorPanel(element).querySelector('[data-id="messages"]'))).toContain('Insufficient access');
    await expect(element).toBeAccessible();
  });

  it('names the days in the user language, Monday first', () => {
    expect(dayOptions('fr-FR').map((d) => d.label)[0]).toBe('lundi');
    expect(dayOptions('en-US')[6]).toEqual({ label: 'Sunday', value: 'Sunday' });
  });
});
