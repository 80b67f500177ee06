// Rendering c-benefits-panel for its jest tests (benefitsPanel*.test.ts). The jest.mock factories of its
// Apex wires stay in each test file (jest hoists them per file); the modules imported here are those mocks.
import { createElement } from 'lwc';
import BenefitsPanel from 'c/benefitsPanel';
import { graphql } from 'lightning/graphql';
import getBenefits from '@salesforce/apex/BenefitsController.getBenefits';
import getSnapshotPeriod from '@salesforce/apex/BenefitsController.getSnapshotPeriod';
import getGoLiveDate from '@salesforce/apex/BenefitsController.getGoLiveDate';

/** A jest stub wire adapter (createApexTestWireAdapter, lightning/graphql's stub) that emits a value. */
type Emitter = { emit(value: unknown): void };

/** What the panel's four wires emit. */
export interface BenefitsWires {
  /** lightning/graphql's answer for the rep's snapshots (uiapi.query.User_Adoption_Snapshot__c). */
  snapshots: unknown;
  /** BenefitsController.getBenefits: the benefit rules. */
  benefits: unknown;
  /** BenefitsController.getSnapshotPeriod: 'Week' or 'Month'. */
  period?: string;
  /** BenefitsController.getGoLiveDate: an ISO date, or null when no wave lists the rep's team. */
  goLive?: string | null;
}

/** Emits the period, the snapshots, the rules and the go-live, in the order the panel receives them. */
export function emitBenefitsWires({
  snapshots,
  benefits,
  period = 'Week',
  goLive = null
}: BenefitsWires): void {
  (getSnapshotPeriod as unknown as Emitter).emit(period);
  (graphql as unknown as Emitter).emit(snapshots);
  (getBenefits as unknown as Emitter).emit(benefits);
  (getGoLiveDate as unknown as Emitter).emit(goLive);
}

/** Appends a c-benefits-panel to the document and emits its wires (emitBenefitsWires). */
export function renderBenefitsPanel(wires: BenefitsWires): HTMLElement {
  const element = createElement('c-benefits-panel', { is: BenefitsPanel }) as unknown as HTMLElement;
  document.body.appendChild(element);
  emitBenefitsWires(wires);
  return element;
}
