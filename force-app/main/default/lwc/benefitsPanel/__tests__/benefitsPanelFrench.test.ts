import { createElement } from 'lwc';
import BenefitsPanel from 'c/benefitsPanel';
import { graphql } from 'lightning/graphql';
import getBenefits from '@salesforce/apex/BenefitsController.getBenefits';
import { flushPromises, resetDom } from '../../../../../test/jest-utils';

const mockSnapshotsEmpty = require('./data/mySnapshotsEmpty.json');
const mockBenefits = require('./data/benefits.json');

jest.mock('@salesforce/i18n/lang', () => ({ default: 'fr' }), { virtual: true });
jest.mock(
  '@salesforce/apex/BenefitsController.getBenefits',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

describe('c-benefits-panel in French', () => {
  afterEach(() => {
    resetDom();
  });

  it('uses Description_FR__c, and English where no French exists', async () => {
    const element = createElement('c-benefits-panel', { is: BenefitsPanel }) as unknown as HTMLElement;
    document.body.appendChild(element);
    (graphql as unknown as { emit(v: unknown): void }).emit(mockSnapshotsEmpty);
    (getBenefits as unknown as { emit(v: unknown): void }).emit(mockBenefits);
    await flushPromises();
    const items = Array.from((element.shadowRoot as ShadowRoot).querySelectorAll('[data-id="benefits"] li'));
    expect(items[0]?.textContent).toContain('Fini le reporting Excel pour votre manager');
    expect(items[1]?.textContent).toContain('One shared account history');
  });
});
