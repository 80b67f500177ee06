import { renderBenefitsPanel } from '../../../../../test/benefits-panel';
import { $, expectAccessible, flushPromises, resetDom } from '../../../../../test/jest-utils';

const mockSnapshots = require('./data/mySnapshots.json');
const mockBenefits = require('./data/benefits.json');

// An admin: holds Adoption_Cockpit_Administer (the Adoption_Cockpit_Admin permission set grants it).
jest.mock('@salesforce/customPermission/Adoption_Cockpit_Administer', () => ({ default: true }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.benefitsPanel_MissingFrench',
  () => ({ default: '{0} rules without French: {1}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.benefitsPanel_MissingFrenchOne',
  () => ({ default: '{0} rule without French: {1}' }),
  { virtual: true }
);
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

function render(benefits: unknown): HTMLElement {
  return renderBenefitsPanel({ snapshots: mockSnapshots, benefits });
}

describe('c-benefits-panel for an admin', () => {
  afterEach(() => {
    resetDom();
  });

  it('warns of the rule without a French description, by its label', async () => {
    const element = render(mockBenefits);
    await flushPromises();
    const warning = $(element, '[data-id="missing-french"]');
    expect(warning?.getAttribute('role')).toBe('status');
    expect(warning?.textContent).toBe('1 rule without French: One shared process');
    await expectAccessible(element);
  });

  it('names every rule without French, with the plural', async () => {
    const element = render(
      mockBenefits.map((rule: Record<string, unknown>) => ({ ...rule, descriptionFr: '' }))
    );
    await flushPromises();
    expect($(element, '[data-id="missing-french"]')?.textContent).toBe(
      '2 rules without French: No Excel reporting, One shared process'
    );
  });

  it('shows no warning when every rule has its French description', async () => {
    const element = render(
      mockBenefits.map((rule: Record<string, unknown>) => ({ ...rule, descriptionFr: 'Description' }))
    );
    await flushPromises();
    expect($(element, '[data-id="missing-french"]')).toBeNull();
  });
});
