import { createElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import KeyUserBadge from 'c/keyUserBadge';

import activeRecord from './data/keyUserRecord.json';
import nominatedRecord from './data/keyUserRecordNominated.json';
import notFound from './data/getRecordError.json';
import { flushPromises, resetDom, shadow } from '../../../../../test/jest-utils';

// The sfdx-lwc-jest stub of getRecord is an LDS test wire adapter: emit() and error() drive it.
interface LdsTestAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}
const getRecordAdapter = getRecord as unknown as LdsTestAdapter;

const RECORD_ID = 'a01000000000001AAA';

function createBadge(): HTMLElement & { recordId?: string } {
  const element = createElement('c-key-user-badge', { is: KeyUserBadge }) as HTMLElement & {
    recordId?: string;
  };
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  return element;
}

describe('c-key-user-badge', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner while the record loads', async () => {
    const element = createBadge();
    await flushPromises();

    const spinner = shadow(element).querySelector('lightning-spinner');
    expect(spinner).not.toBeNull();
    expect((spinner as HTMLElement & { alternativeText: string }).alternativeText).toBe('c.common_Loading');
    expect(shadow(element).querySelector('.badges')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks getRecord for the role, status and admin rights of its record', async () => {
    createBadge();
    await flushPromises();

    const config = getRecordAdapter.getLastConfig();
    expect(config.recordId).toBe(RECORD_ID);
    expect((config.fields as Array<{ fieldApiName: string }>).map((f) => f.fieldApiName)).toEqual([
      'Role__c',
      'Lifecycle_Status__c',
      'Admin_Rights_Granted__c'
    ]);
  });

  it('shows role, status and admin rights as badges', async () => {
    const element = createBadge();
    getRecordAdapter.emit(activeRecord);
    await flushPromises();

    const root = shadow(element);
    expect(root.querySelector('lightning-spinner')).toBeNull();
    expect(root.querySelector('.role')?.textContent).toContain('Local Relay');
    const status = root.querySelector('[data-id="status"]');
    expect(status?.textContent).toContain('Active');
    expect(status?.className).toContain('slds-theme_success');
    expect(root.querySelector('[data-id="admin-rights"]')?.textContent).toBe('c.keyUserBadge_AdminRights');
    expect(root.querySelector('.badges')?.getAttribute('aria-label')).toBe('c.keyUserBadge_Title');
    // a visible, compact heading names the badges
    const title = root.querySelector('[data-id="title"]');
    expect(title?.tagName).toBe('H2');
    expect(title?.textContent).toBe('c.keyUserBadge_Title');
    await expect(element).toBeAccessible();
  });

  it('shows "not set" for an empty role, the raw status without a display value, and no admin badge', async () => {
    const element = createBadge();
    getRecordAdapter.emit(nominatedRecord);
    await flushPromises();

    const root = shadow(element);
    expect(root.querySelector('.role')?.textContent).toContain('c.keyUserBadge_NotSet');
    const status = root.querySelector('[data-id="status"]');
    expect(status?.textContent).toContain('Nominated');
    // the bordered light badge, readable on a grey page (the plain grey badge is not)
    expect(status?.className.trim()).toBe('slds-badge slds-badge_lightest');
    expect(root.querySelector('[data-id="admin-rights"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the reduced error when the record cannot be read', async () => {
    const element = createBadge();
    getRecordAdapter.error(notFound.body, notFound.status, notFound.statusText);
    await flushPromises();

    const root = shadow(element);
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('c.keyUserBadge_Error');
    expect(root.querySelector('.error-detail')?.textContent).toBe('The requested resource does not exist');
    expect(root.querySelector('.badges')).toBeNull();
    expect(root.querySelector('[data-id="title"]')?.textContent).toBe('c.keyUserBadge_Title');
    await expect(element).toBeAccessible();
  });

  it('falls back to the generic message when the error says nothing readable', async () => {
    const element = createBadge();
    getRecordAdapter.error({}, 500, ' ');
    await flushPromises();

    expect(shadow(element).querySelector('.error-detail')?.textContent).toBe('c.common_UnknownError');
    await expect(element).toBeAccessible();
  });

  it('replaces an error with the data when the record becomes readable', async () => {
    const element = createBadge();
    getRecordAdapter.error(notFound.body, notFound.status, notFound.statusText);
    await flushPromises();
    getRecordAdapter.emit(activeRecord);
    await flushPromises();

    const root = shadow(element);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('.role')?.textContent).toContain('Local Relay');
    await expect(element).toBeAccessible();
  });
});
