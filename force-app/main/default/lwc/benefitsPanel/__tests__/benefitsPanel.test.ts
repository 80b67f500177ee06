import { createElement } from 'lwc';
import BenefitsPanel from 'c/benefitsPanel';
import { gql, graphql } from 'lightning/graphql';
import { refreshApex } from '@salesforce/apex';
import getBenefits from '@salesforce/apex/BenefitsController.getBenefits';
import getSnapshotPeriod from '@salesforce/apex/BenefitsController.getSnapshotPeriod';
import getGoLiveDate from '@salesforce/apex/BenefitsController.getGoLiveDate';
import { $, errorPanel, expectAccessible, flushPromises, resetDom } from '../../../../../test/jest-utils';
import { emitBenefitsWires } from '../../../../../test/benefits-panel';

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
jest.mock(
  '@salesforce/apex/BenefitsController.getGoLiveDate',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
// A rep: without Adoption_Cockpit_Administer (benefitsPanelAdmin.test.ts has the admin).
jest.mock('@salesforce/customPermission/Adoption_Cockpit_Administer', () => ({ default: false }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
// the real wording, to see the date the component puts in it
jest.mock('@salesforce/label/c.benefitsPanel_WeekOf', () => ({ default: 'Week of {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.benefitsPanel_Hours', () => ({ default: '{0} h' }), { virtual: true });
jest.mock('@salesforce/label/c.benefitsPanel_Minutes', () => ({ default: '{0} min' }), { virtual: true });
jest.mock('@salesforce/label/c.benefitsPanel_HoursMinutes', () => ({ default: '{0} h {1} min' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.benefitsPanel_BreakdownLine', () => ({ default: '{0} × {1} min = {2}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.benefitsPanel_BreakdownTotal', () => ({ default: 'Total: {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.benefitsPanel_From', () => ({ default: 'From {0}' }), { virtual: true });
jest.mock(
  '@salesforce/label/c.benefitsPanel_GenericRule',
  () => ({ default: 'Another task Salesforce now does for you' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.benefitsPanel_MissingFrench',
  () => ({ default: '{0} rules without French: {1}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.benefitsPanel_MissingFrenchOne',
  () => ({ default: '{0} rule without French: {1}' }),
  {
    virtual: true
  }
);
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
const goLiveAdapter = getGoLiveDate as unknown as ApexAdapter;

/**
 * One snapshot node as GraphQL returns it, with `updated` records updated and nothing else: with the
 * fixture rules (2 min per update, 45 min per period with activity) it saved 45 + 2 × updated minutes.
 */
function node(periodStart: string, updated: number, id: number) {
  return {
    node: {
      Id: `a0A00000000000${id}AAA`,
      Period_Start__c: { value: periodStart },
      Records_Updated__c: { value: updated },
      Active__c: { value: updated > 0 }
    }
  };
}

/** Emits the period, the snapshots, the rules and the go-live. */
function emitAll(
  snapshots: unknown = mockSnapshots,
  benefits: unknown = mockBenefits,
  period = 'Week',
  goLive: string | null = '2026-10-26'
) {
  emitBenefitsWires({ snapshots, benefits, period, goLive });
}

function texts(element: HTMLElement, selector: string): string[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll(selector)).map((e) => e.textContent);
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
    dropped.uiapi.query.User_Adoption_Snapshot__c.edges[0].node.Records_Updated__c.value = 10;
    graphqlAdapter.emit(dropped);
    benefitsAdapter.emit(mockBenefits);
    goLiveAdapter.emit(null);
    await flushPromises();
    const trend = $(element, '[data-id="trend"] span');
    expect(trend?.textContent).toBe('c.benefitsPanel_TrendDown');
    expect(trend?.className).toBe('slds-text-color_weak');
    expect(element.shadowRoot?.querySelector('.slds-text-color_error')).toBeNull();
    await expectAccessible(element);
  });

  it('shows minutes saved this week and month, the trend and the benefits', async () => {
    const element = createComponent();
    emitAll();
    await flushPromises();
    expect($(element, 'h2')?.textContent).toBe('c.benefitsPanel_Title');
    // 45 + 2 × 60 = 165 minutes: written in hours
    expect($(element, '[data-id="this-week"]')?.textContent).toBe('2 h 45 min');
    // 165 + 125 + 105 in November
    expect($(element, '[data-id="this-month"]')?.textContent).toBe('6 h 35 min');
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
    emitAll(
      mockSnapshots,
      mockBenefits.map((benefit: Record<string, unknown>) => ({ ...benefit, replacesManualReport: true }))
    );
    await flushPromises();
    expect($(element, '[data-id="reports-replaced"]')?.textContent).toBe('c.benefitsPanel_ReportsReplaced');
  });

  it('says when no snapshot exists yet and still lists the benefits', async () => {
    const element = createComponent();
    emitAll(mockSnapshotsEmpty);
    await flushPromises();
    // the sentence that leads to the benefits listed below
    expect($(element, '[data-id="no-snapshot"]')?.textContent).toBe('c.benefitsPanel_NoSnapshot');
    expect($(element, '[data-id="figures"]')).toBeNull();
    expect((element.shadowRoot as ShadowRoot).querySelectorAll('[data-id="benefits"] li')).toHaveLength(2);
    await expectAccessible(element);
  });

  it('says when no benefit is configured (empty)', async () => {
    const element = createComponent();
    emitAll(mockSnapshotsEmpty, []);
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
    goLiveAdapter.emit(null);
    await flushPromises();
    const error = errorPanel(element).querySelector('[data-id="error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('c.benefitsPanel_ErrorTitle');
    expect(error?.textContent).toContain('User_Adoption_Snapshot__c is not supported');
    (errorPanel(element).querySelector('[data-id="retry"]') as HTMLElement).click();
    await flushPromises();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refreshApex).toHaveBeenCalledTimes(3);
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
    goLiveAdapter.emit(null);
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
    goLiveAdapter.emit(null);
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
    goLiveAdapter.emit(null);
    await flushPromises();
    expect(errorPanel(element).querySelector('[data-id="error"]')?.textContent).toContain(
      'The benefit rules cannot be read'
    );
  });

  it('opens "How is this calculated?" with the rep’s units × minutes per rule, summing to the headline', async () => {
    const element = createComponent();
    emitAll();
    await flushPromises();
    const toggle = $(element, '[data-id="how-calculated"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($(element, '[data-id="breakdown"]')).toBeNull();
    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // week of 16 November: 1 period with activity × 45 min, 60 updates × 2 min
    expect(texts(element, '[data-id="equation"]')).toEqual(['1 × 45 min = 45 min', '60 × 2 min = 2 h']);
    expect(texts(element, '[data-id="breakdown-line"] p:first-child')).toEqual([
      expect.stringContaining('No more Excel reporting'),
      'One shared account history'
    ]);
    // the total is the headline figure, from the same computation
    expect($(element, '[data-id="breakdown-total"]')?.textContent).toBe('Total: 2 h 45 min');
    expect($(element, '[data-id="this-week"]')?.textContent).toBe('2 h 45 min');
    // each benefit listed once (review 2, defect 12): the open breakdown names both rules, so the list under
    // "Your benefits" and its heading give way, and the badge moves with its benefit
    expect($(element, '[data-id="benefits"]')).toBeNull();
    expect(element.shadowRoot?.querySelector('h3')).toBeNull();
    expect($(element, '[data-id="breakdown-line"] lightning-badge')).not.toBeNull();
    await expectAccessible(element);
    toggle.click();
    await flushPromises();
    expect($(element, '[data-id="breakdown"]')).toBeNull();
    expect(texts(element, '[data-id="benefits"] li')).toHaveLength(2);
  });

  it('shows the minutes saved since the go-live of the rep’s wave', async () => {
    const element = createComponent();
    emitAll(mockSnapshots, mockBenefits, 'Week', '2026-10-26');
    await flushPromises();
    // 165 + 125 + 105 + 75 minutes since Monday 26 October
    expect($(element, '[data-id="cumulative"]')?.textContent).toBe('7 h 50 min');
    expect(texts(element, '[data-id="figures"] dt')).toContain('c.benefitsPanel_SinceGoLive');
    expect($(element, '[data-id="cumulative-from"]')?.textContent).toBe('From October 26, 2026');
  });

  it('says "since your first measure" when the go-live is unknown or older than the snapshots kept', async () => {
    const element = createComponent();
    emitAll(mockSnapshots, mockBenefits, 'Week', '2026-03-02');
    await flushPromises();
    expect(texts(element, '[data-id="figures"] dt')).toContain('c.benefitsPanel_SinceFirstMeasure');
    expect($(element, '[data-id="cumulative-from"]')?.textContent).toBe('From October 26, 2026');
  });

  it('never shows the missing-French warning to a rep', async () => {
    const element = createComponent();
    emitAll();
    await flushPromises();
    expect($(element, '[data-id="missing-french"]')).toBeNull();
    expect(element.shadowRoot?.textContent).not.toContain('without French');
  });

  it('lists a rule without any description by the generic text, not its MasterLabel, and counts it', async () => {
    const element = createComponent();
    emitAll(mockSnapshots, [
      ...mockBenefits,
      {
        name: 'Typed_Once',
        label: 'Typed once',
        activity: 'Record_Created',
        minutesPerUnit: 2,
        descriptionEn: null,
        descriptionFr: null
      }
    ]);
    await flushPromises();
    expect(texts(element, '[data-id="benefits"] li')).toContainEqual(
      expect.stringContaining('Another task Salesforce now does for you')
    );
    // MasterLabel is not translatable: a rep never reads it
    expect(element.shadowRoot?.textContent).not.toContain('Typed once');
    // + 4 records created × 2 min in the week of 16 November: 173 minutes
    expect($(element, '[data-id="this-week"]')?.textContent).toBe('2 h 53 min');
  });
});
