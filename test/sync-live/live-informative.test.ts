// Issue 11 on a live org (the simulator): queue owners named from Group (Type = Queue), as Group.csv does
// offline, and a field's default value read from the describe for "filled, but not informative".

import { openOrgSource } from '../../scripts/sync/sources/org-source';
import type { OrgRecordSource } from '../../scripts/sync/sources/record-source';
import { describedDefault } from '../../scripts/sync/engine/informative';
import { makeId, startSimulator, type SalesforceSimulator } from '../salesforce-simulator';

describe('live: queues and defaults', () => {
  let sim: SalesforceSimulator;
  let source: OrgRecordSource;

  beforeAll(async () => {
    sim = await startSimulator({ opportunities: 10 });
    source = await openOrgSource({ instanceUrl: sim.url, accessToken: sim.accessToken });
  });

  afterAll(async () => {
    await source.close();
    await sim.close();
  });

  it('names queues from Group rows of Type Queue only, by 18-character Id', async () => {
    const queues = await source.readQueues?.();
    expect([...(queues ?? [])]).toEqual([[makeId('00G', 1), 'Renewals Queue']]);
  });

  it('reads a default value the way the describe gives it', () => {
    expect(describedDefault({ picklistValues: [{ value: 'Web', defaultValue: true }] })).toBe('Web');
    expect(
      describedDefault({
        picklistValues: [
          { value: 'Old', defaultValue: true, active: false },
          { value: 'Web', defaultValue: false }
        ]
      })
    ).toBeUndefined();
    expect(describedDefault({ defaultValueFormula: ' "To be \\"defined\\"" ' })).toBe('To be "defined"');
    expect(describedDefault({ defaultValueFormula: "'TBD'" })).toBe('TBD');
    expect(describedDefault({ defaultValueFormula: '10' })).toBe('10');
    expect(describedDefault({ defaultValueFormula: 'TODAY() + 30' })).toBeUndefined();
    expect(describedDefault({ defaultValueFormula: '$User.Id' })).toBeUndefined();
    expect(describedDefault({ defaultValueFormula: null, picklistValues: [] })).toBeUndefined();
  });
});
