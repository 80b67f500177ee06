import { createElement } from 'lwc';
import BenefitsPanel from 'c/benefitsPanel';
import { gql, graphql } from 'lightning/graphql';
import { refreshApex } from '@salesforce/apex';
import getBenefits from '@salesforce/apex/BenefitsController.getBenefits';
import getSnapshotPeriod from '@salesforce/apex/BenefitsController.getSnapshotPeriod';
import { benefitFigures, formatDuration } from '../benefitsMath';
import { $, errorPanel, expectAccessible, flushPromises, resetDom } from '../../../../../test/jest-utils';

const mockSnapshots = require('./data/mySnapshots.json');
const mockSnapshotsEmpty = require('./data/mySnapshotsEmpty.json');
const mockBenefits = require('./data/benefits.json');

jest.mock(
  '@salesforce/apex/BenefitsController.getBenefits',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/BenefitsController.getSnapshotPeriod',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
// the real wording, to see the date the component puts in it
jest.mock('@salesforce/label/c.benefitsPanel_WeekOf', () => ({ default: 'Week of {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.benefitsPanel_MonthOf', () => ({ default: 'Month of {0}' }), {
  virtual: true
});

interface GraphqlAdapter {
  getLastConfig(): { variables?: Record<string, unknown> } | undefined;
  emit(value: unknown, filter?: unknown, refresh?: () => Promise<unknown>): void;
  emitErrors(errors: unknown[], filter?: unknown, refresh?: () => Promise<unknown>): void;
}
interface ApexAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}
const graphqlAdapter = graphql as unknown as GraphqlAdapter;
const benefitsAdapter = getBenefits as unknown as ApexAdapter;
const periodAdapter = getSnapshotPeriod as unknown as ApexAdapter;

/** One snapshot node as GraphQL returns it. */
function node(periodStart: string, minutesSaved: number, id: number) {
  return {
    node: {
      Id: `a0A00000000000${id}AAA`,
      Period_Start__c: { value: periodStart },
      Minutes_Saved__c: { value: minutesSaved }
    }
  };
}
function snapshotsData(edges: unknown[]) {
  return { uiapi: { query: { User_Adoption_Snapshot__c: { edges } } } };
}

const NOW = new Date('2026-11-23T15:00:00.000Z');

function createComponent(): HTMLElement {
  const element = createElement('c-benefits-panel', { is: BenefitsPanel }) as unknown as HTMLElement;
  document.body.appendChild(element);
  return element;
}

describe('benefitFigures', () => {
  it('takes the latest week, the week before and the weeks of the month', () => {
    const figures = benefitFigures(
      [
        { periodStart: '2026-11-09', minutesSaved: 120 },
        { periodStart: '2026-11-16', minutesSaved: 150 },
        { periodStart: '2026-11-02', minutesSaved: 90 },
        { periodStart: '2026-10-26', minutesSaved: 60 }
      ],
      '2026-11-23',
      'Week'
    );
    expect(figures).toEqual({
      unit: 'week',
      latest: 150,
      latestStart: '2026-11-16',
      previous: 120,
      thisMonth: 360,
      trend: 30,
      trendPercent: 25
    });
  });

  it('writes durations in hours from an hour on, with the locale separators', () => {
    const labels = { hours: '{0} h', minutes: '{0} min' };
    expect(formatDuration(3830, labels, 'en-US')).toBe('64 h');
    expect(formatDuration(45, labels, 'en-US')).toBe('45 min');
    expect(formatDuration(150, labels, 'en-US')).toBe('2.5 h');
    expect(formatDuration(150, labels, 'fr-FR')).toBe('2,5 h');
    expect(formatDuration(383000, labels, 'fr-FR').replace(/\u202f/g, ' ')).toBe('6 383 h');
    expect(formatDuration(-5, labels, 'en-US')).toBe('0 min');
  });

  it('has no trend without the previous week, and nothing when the latest week is old', () => {
    expect(benefitFigures([{ periodStart: '2026-11-16', minutesSaved: 10 }], '2026-11-23')?.trend).toBeNull();
    expect(benefitFigures([{ periodStart: '2026-10-01', minutesSaved: 10 }], '2026-11-23')).toBeNull();
    expect(benefitFigures([], '2026-11-23')).toBeNull();
  });

  it('gives no percentage against a week at zero', () => {
    const figures = benefitFigures(
      [
        { periodStart: '2026-11-16', minutesSaved: 40 },
        { periodStart: '2026-11-09', minutesSaved: 0 }
      ],
      '2026-11-23'
    );
    expect(figures?.trend).toBe(40);
    expect(figures?.trendPercent).toBeNull();
  });

  it('sums daily snapshots by week (Monday to Sunday) and by month', () => {
    const figures = benefitFigures(
      [
        // Monday 23 and Tuesday 24 November: the current week so far
        { periodStart: '2026-11-23', minutesSaved: 20 },
        { periodStart: '2026-11-24', minutesSaved: 15 },
        // the week of Monday 16 November
        { periodStart: '2026-11-16', minutesSaved: 10 },
        { periodStart: '2026-11-22', minutesSaved: 5 },
        // October: not this month
        { periodStart: '2026-10-31', minutesSaved: 99 }
      ],
      '2026-11-24',
      'Day'
    );
    expect(figures).toEqual({
      unit: 'week',
      latest: 35,
      latestStart: '2026-11-23',
      previous: 15,
      thisMonth: 50,
      trend: 20,
      trendPercent: 133
    });
  });

  it('compares monthly snapshots month with month', () => {
    const figures = benefitFigures(
      [
        { periodStart: '2026-10-01', minutesSaved: 400 },
        { periodStart: '2026-11-01', minutesSaved: 300 },
        { periodStart: '2026-09-01', minutesSaved: 100 }
      ],
      '2026-11-23',
      'Month'
    );
    expect(figures).toEqual({
      unit: 'month',
      latest: 300,
      latestStart: '2026-11-01',
      previous: 400,
      thisMonth: 300,
      trend: -100,
      trendPercent: -25
    });
    // last month's snapshot is still recent while this month's is not measured yet
    expect(
      benefitFigures([{ periodStart: '2026-10-01', minutesSaved: 5 }], '2026-11-23', 'Month')?.latest
    ).toBe(5);
    expect(
      benefitFigures([{ periodStart: '2026-08-01', minutesSaved: 5 }], '2026-11-23', 'Month')
    ).toBeNull();
  });
});

describe('c-benefits-panel', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, advanceTimers: true });
  });

  afterEach(() => {
    resetDom();
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  it('shows a spinner while loading', async () => {
    const element = createComponent();
    await flushPromises();
    const spinner = $(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner.alternativeText).toBe('c.common_Loading');
    await expectAccessible(element);
  });

  it('shows a drop neutrally, not as a failure', async () => {
    const element = createComponent();
    periodAdapter.emit('Week');
    const dropped = JSON.parse(JSON.stringify(mockSnapshots));
    dropped.uiapi.query.User_Adoption_Snapshot__c.edges[0].node.Minutes_Saved__c.value = 10;
    graphqlAdapter.emit(dropped);
    benefitsAdapter.emit(mockBenefits);
    await flushPromises();
    const trend = $(element, '[data-id="trend"] span');
    expect(trend?.textContent).toBe('c.benefitsPanel_TrendDown');
    expect(trend?.className).toBe('slds-text-color_weak');
    expect(element.shadowRoot?.querySelector('.slds-text-color_error')).toBeNull();
    await expectAccessible(element);
  });

  it('shows minutes saved this week and month, the trend and the benefits', async () => {
    const element = createComponent();
    periodAdapter.emit('Week');
    graphqlAdapter.emit(mockSnapshots);
    benefitsAdapter.emit(mockBenefits);
    await flushPromises();
    expect($(element, 'h2')?.textContent).toBe('c.benefitsPanel_Title');
    // 150 minutes: written in hours
    expect($(element, '[data-id="this-week"]')?.textContent).toBe('c.benefitsPanel_Hours');
    expect($(element, '[data-id="this-month"]')).not.toBeNull();
    expect($(element, '[data-id="trend"]')?.textContent).toContain('c.benefitsPanel_TrendUp');
    expect(
      ($(element, '[data-id="trend"] lightning-icon') as HTMLElement & { iconName: string }).iconName
    ).toBe('utility:arrowup');
    // one benefit replaces a manual report: the singular label
    expect($(element, '[data-id="reports-replaced"]')?.textContent).toBe(
      'c.benefitsPanel_ReportsReplacedOne'
    );
    // the week in the user's locale (en-US under jest), not in ISO
    expect($(element, '[data-id="week-of"]')?.textContent).toBe('Week of November 16, 2026');
    const benefits = Array.from(
      (element.shadowRoot as ShadowRoot).querySelectorAll('[data-id="benefits"] li')
    );
    expect(benefits).toHaveLength(2);
    expect(benefits[0]?.textContent).toContain('No more Excel reporting to your manager');
    expect(benefits[1]?.textContent).toContain('One shared account history');
    expect($(element, 'lightning-badge')).not.toBeNull();
    await expectAccessible(element);
  });

  it('uses the plural label when several benefits replace a manual report', async () => {
    const element = createComponent();
    periodAdapter.emit('Week');
    graphqlAdapter.emit(mockSnapshots);
    benefitsAdapter.emit(
      mockBenefits.map((benefit: Record<string, unknown>) => ({ ...benefit, replacesManualReport: true }))
    );
    await flushPromises();
    expect($(element, '[data-id="reports-replaced"]')?.textContent).toBe('c.benefitsPanel_ReportsReplaced');
  });

  it('says when no snapshot exists yet and still lists the benefits', async () => {
    const element = createComponent();
    periodAdapter.emit('Week');
    graphqlAdapter.emit(mockSnapshotsEmpty);
    benefitsAdapter.emit(mockBenefits);
    await flushPromises();
    // the sentence that leads to the benefits listed below
    expect($(element, '[data-id="no-snapshot"]')?.textContent).toBe('c.benefitsPanel_NoSnapshot');
    expect($(element, '[data-id="figures"]')).toBeNull();
    expect((element.shadowRoot as ShadowRoot).querySelectorAll('[data-id="benefits"] li')).toHaveLength(2);
    await expectAccessible(element);
  });

  it('says when no benefit is configured (empty)', async () => {
    const element = createComponent();
    periodAdapter.emit('Week');
    graphqlAdapter.emit(mockSnapshotsEmpty);
    benefitsAdapter.emit([]);
    await flushPromises();
    expect($(element, '[data-id="no-benefits"]')?.textContent).toBe('c.benefitsPanel_NoBenefits');
    // no benefit follows: the sentence stands alone, without "here is what the CRM does for you:"
    expect($(element, '[data-id="no-snapshot"]')?.textContent).toBe('c.benefitsPanel_NoSnapshotNoBenefits');
    expect($(element, '[data-id="reports-replaced"]')).toBeNull();
    await expectAccessible(element);
  });

  it('shows errors readably and retries both sources', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const element = createComponent();
    periodAdapter.emit('Week');
    graphqlAdapter.emitErrors(
      [{ message: 'User_Adoption_Snapshot__c is not supported' }],
      undefined,
      refresh
    );
    benefitsAdapter.emit(mockBenefits);
    await flushPromises();
    const error = errorPanel(element).querySelector('[data-id="error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('c.benefitsPanel_ErrorTitle');
    expect(error?.textContent).toContain('User_Adoption_Snapshot__c is not supported');
    (errorPanel(element).querySelector('[data-id="retry"]') as HTMLElement).click();
    await flushPromises();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refreshApex).toHaveBeenCalledTimes(2);
    await expectAccessible(element);
  });

  it('reads the snapshots of the configured period: weekly by default', async () => {
    createComponent();
    await flushPromises();
    // the query waits for the setting
    expect(graphqlAdapter.getLastConfig()?.variables).toBeUndefined();
    periodAdapter.emit('Week');
    await flushPromises();
    expect(graphqlAdapter.getLastConfig()?.variables).toEqual(
      expect.objectContaining({ periodType: 'Week', userId: expect.any(String) })
    );
  });

  it('follows a daily setting: queries daily snapshots and sums them by week', async () => {
    const element = createComponent();
    periodAdapter.emit('Day');
    await flushPromises();
    expect(graphqlAdapter.getLastConfig()?.variables).toEqual(expect.objectContaining({ periodType: 'Day' }));
    graphqlAdapter.emit(
      snapshotsData([node('2026-11-23', 20, 1), node('2026-11-20', 30, 2), node('2026-11-16', 10, 3)])
    );
    benefitsAdapter.emit(mockBenefits);
    await flushPromises();
    expect($(element, '[data-id="figures"]')).not.toBeNull();
    expect($(element, '[data-id="week-of"]')?.textContent).toBe('Week of November 23, 2026');
    expect($(element, '[data-id="this-month"]')).not.toBeNull();
    expect($(element, '[data-id="trend"]')?.textContent).toContain('c.benefitsPanel_TrendDown');
    await expectAccessible(element);
  });

  it('follows a monthly setting: shows the month and compares with last month', async () => {
    const element = createComponent();
    periodAdapter.emit('Month');
    await flushPromises();
    expect(graphqlAdapter.getLastConfig()?.variables).toEqual(
      expect.objectContaining({ periodType: 'Month' })
    );
    graphqlAdapter.emit(snapshotsData([node('2026-11-01', 300, 1), node('2026-10-01', 200, 2)]));
    benefitsAdapter.emit(mockBenefits);
    await flushPromises();
    expect($(element, '[data-id="figures"] dt')?.textContent).toBe('c.benefitsPanel_ThisMonth');
    expect($(element, '[data-id="week-of"]')?.textContent).toBe('Month of November 1, 2026');
    // the month is the headline figure: no second "this month" column
    expect($(element, '[data-id="this-month"]')).toBeNull();
    expect($(element, '[data-id="trend"]')?.textContent).toContain('c.benefitsPanel_TrendUpMonth');
    await expectAccessible(element);
  });

  it('shows an error when the setting cannot be read', async () => {
    const element = createComponent();
    periodAdapter.error({ message: 'The cockpit settings cannot be read' });
    benefitsAdapter.emit(mockBenefits);
    await flushPromises();
    expect(errorPanel(element).querySelector('[data-id="error"]')?.textContent).toContain(
      'The cockpit settings cannot be read'
    );
  });

  it('queries every snapshot field but Id with @optional', async () => {
    createComponent();
    periodAdapter.emit('Day');
    await flushPromises();
    const text = (gql as unknown as jest.Mock).mock.calls
      .map((call) => (call[0] as TemplateStringsArray).join(''))
      .join('\n');
    const structural = new Set(['uiapi', 'query', 'edges', 'node']);
    const selections = [...text.matchAll(/(\w+)(\s+@optional)?\s*\{/g)].filter((m) => !structural.has(m[1]!));
    expect(selections.length).toBeGreaterThan(1);
    expect(selections.filter((m) => !m[2]).map((m) => m[1])).toEqual([]);
    expect(text).not.toContain('"Week"');
  });

  it('shows an Apex error', async () => {
    const element = createComponent();
    periodAdapter.emit('Week');
    graphqlAdapter.emit(mockSnapshots);
    benefitsAdapter.error({ message: 'The benefit rules cannot be read' });
    await flushPromises();
    expect(errorPanel(element).querySelector('[data-id="error"]')?.textContent).toContain(
      'The benefit rules cannot be read'
    );
  });
});
