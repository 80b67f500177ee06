import { renderBenefitsPanel } from '../../../../../test/benefits-panel';
import { $, flushPromises, resetDom } from '../../../../../test/jest-utils';

const mockSnapshots = require('./data/mySnapshots.json');
const mockSnapshotsEmpty = require('./data/mySnapshotsEmpty.json');
const mockBenefits = require('./data/benefits.json');

jest.mock('@salesforce/i18n/lang', () => ({ default: 'fr' }), { virtual: true });
jest.mock('@salesforce/i18n/locale', () => ({ default: 'fr-FR' }), { virtual: true });
jest.mock('@salesforce/label/c.benefitsPanel_Hours', () => ({ default: '{0} h' }), { virtual: true });
jest.mock('@salesforce/label/c.benefitsPanel_Minutes', () => ({ default: '{0} min' }), { virtual: true });
jest.mock(
  '@salesforce/label/c.benefitsPanel_GenericRule',
  () => ({ default: 'Une autre tâche que Salesforce fait désormais pour vous' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.benefitsPanel_HoursMinutes', () => ({ default: '{0} h {1}' }), {
  virtual: true
});
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

function render(snapshots: unknown, benefits: unknown = mockBenefits): HTMLElement {
  return renderBenefitsPanel({ snapshots, benefits });
}

describe('c-benefits-panel in French', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-23T15:00:00.000Z'), advanceTimers: true });
  });
  afterEach(() => {
    resetDom();
    jest.useRealTimers();
  });

  it('uses Description_FR__c, and a French generic text (not the MasterLabel, not English) where no French exists', async () => {
    const benefits = JSON.parse(JSON.stringify(mockBenefits));
    // the admin's label of the rule (MasterLabel, not translatable); its only description is in English
    benefits[1].label = 'Typed once';
    const element = render(mockSnapshotsEmpty, benefits);
    await flushPromises();
    const items = Array.from((element.shadowRoot as ShadowRoot).querySelectorAll('[data-id="benefits"] li'));
    expect(items[0]?.textContent).toContain('Fini le reporting Excel pour votre manager');
    expect(items[1]?.textContent).toContain('Une autre tâche que Salesforce fait désormais pour vous');
    expect(element.shadowRoot?.textContent).not.toContain('Typed once');
    expect(element.shadowRoot?.textContent).not.toContain('One shared account history');
  });

  it('writes hours and minutes under 10 h ("2 h 45", never "2,8 h") and thousands with a narrow no-break space', async () => {
    const big = JSON.parse(JSON.stringify(mockSnapshots));
    // 45 + 2 × 36 975 = 73 995 minutes in the week of 16 November: 1 233 h
    big.uiapi.query.User_Adoption_Snapshot__c.edges[0].node.Records_Updated__c.value = 36975;
    const element = render(big);
    await flushPromises();
    expect($(element, '[data-id="this-week"]')?.textContent).toBe('1\u202f233 h');
    // 165 minutes in the week of 9 November
    const small = render(mockSnapshots);
    await flushPromises();
    expect($(small, '[data-id="this-week"]')?.textContent).toBe('2 h 45');
    expect(small.shadowRoot?.textContent).not.toMatch(/\d min/);
  });
});
