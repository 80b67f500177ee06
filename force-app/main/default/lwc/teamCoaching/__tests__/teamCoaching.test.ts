import { createElement } from 'lwc';
import TeamCoaching from 'c/teamCoaching';
import getTeamView from '@salesforce/apex/TeamViewController.getTeamView';
import { refreshApex } from '@salesforce/apex';
import { direction } from '../teamCoaching';
import { $, $$, errorPanel, flushPromises, resetDom, text } from '../../../../../test/jest-utils';

const viewData = require('./data/getTeamView.json');

jest.mock(
  '@salesforce/apex/TeamViewController.getTeamView',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/label/c.teamCoaching_Trend', () => ({ default: 'Last periods: {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.teamCoaching_ActionsOne', () => ({ default: '{0} action' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.teamCoaching_ActionsMany', () => ({ default: '{0} actions' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.teamCoaching_OtherTeamsMany',
  () => ({ default: 'Other teams (average of {0} teams)' }),
  { virtual: true }
);

const wire = getTeamView as unknown as { emit(data: unknown): void; error(body?: unknown): void };

function create(): HTMLElement {
  const element = createElement('c-team-coaching', { is: TeamCoaching });
  document.body.appendChild(element);
  return element;
}

describe('c-team-coaching', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner while loading', async () => {
    const element = create();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect($(element, '[data-id="members"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows each direct report with figures, trend and what to fix first', async () => {
    const element = create();
    wire.emit(viewData);
    await flushPromises();
    const members = $$(element, '.member');
    expect(members.map((m) => text(m.querySelector('.member-name')))).toEqual([
      'Marie-Hélène Dupont-Lefebvre',
      'Jean-Baptiste Moreau',
      'Nouvelle recrue'
    ]);
    const first = text(members[0] ?? null);
    expect(first).toContain('72 %');
    expect(first).toContain('Last periods: 58 → 64 → 72');
    expect(first).toContain('1 action');
    expect(first).not.toContain('1 actions');
    expect(first).toContain('3 opportunities need Next Step');
    expect(text(members[1] ?? null)).toContain('c.teamCoaching_NothingToFix');
    expect(text(members[2] ?? null)).toContain('c.teamCoaching_NotMeasured');
    const icons = members[0]?.querySelectorAll('lightning-icon') ?? [];
    expect((icons[0] as unknown as { alternativeText: string }).alternativeText).toBe('c.teamCoaching_Up');
    expect((icons[1] as unknown as { alternativeText: string }).alternativeText).toBe('c.teamCoaching_Down');
    expect(text($(element, '[data-id="coaching"]'))).toBe('c.teamCoaching_Coaching');
    await expect(element).toBeAccessible();
  });

  it('compares the team with the other teams as a whole, never named people of other teams', async () => {
    const element = create();
    wire.emit(viewData);
    await flushPromises();
    const rows = $$(element, '[data-id="comparison"] tbody tr').map((row) => text(row));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Ventes Auvergne-Rhône-Alpes');
    expect(rows[1]).toContain('Other teams (average of 23 teams)');
    expect(rows[1]).toContain('67 %');
    expect($(element, '[data-id="no-others"]')).toBeNull();
  });

  it('says so when no other team is measured', async () => {
    const element = create();
    wire.emit({ ...viewData, otherTeams: { teams: 0 } });
    await flushPromises();
    expect($$(element, '[data-id="comparison"] tbody tr')).toHaveLength(1);
    expect(text($(element, '[data-id="no-others"]'))).toBe('c.teamCoaching_NoOtherTeams');
    await expect(element).toBeAccessible();
  });

  it('explains what to do when nobody reports to the manager', async () => {
    const element = create();
    wire.emit({ members: [], teamName: null });
    await flushPromises();
    expect(text($(element, '[data-id="empty"]'))).toBe('c.teamCoaching_Empty');
    expect($(element, '[data-id="comparison"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error with a retry that reloads', async () => {
    const element = create();
    wire.error({ message: 'Too many SOQL queries' });
    await flushPromises();
    const panel = errorPanel(element);
    expect(text(panel.querySelector('[data-id="messages"]'))).toContain('Too many SOQL queries');
    (panel.querySelector('[data-id="retry"]') as HTMLElement).click();
    await flushPromises();
    expect(refreshApex).toHaveBeenCalled();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    wire.emit(viewData);
    await flushPromises();
    expect($$(element, '.member')).toHaveLength(3);
  });

  it('reads a trend from the two latest known values', () => {
    expect(direction([50, 60])).toBe('up');
    expect(direction([60, 50])).toBe('down');
    expect(direction([60, 60.5])).toBe('steady');
    expect(direction([70, null, 40])).toBe('down');
    expect(direction([40])).toBe('steady');
  });
});
