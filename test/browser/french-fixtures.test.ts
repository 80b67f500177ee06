import { readdirSync } from 'node:fs';
import path from 'node:path';
import { englishDisplayValues, frenchPicklistLabels } from './french-fixtures.ts';
import type { Scenario } from './scenario.ts';

describe('French scenarios show French picklist labels', () => {
  const french = frenchPicklistLabels();

  it('reads the French picklist labels of the project', () => {
    expect(french.get('Local Relay')).toBe('Relais local');
    expect(french.get('Active')).toBe('Actif');
  });

  it('names the English displayValue of a fixture and its French label (the gate rule can fail)', () => {
    const fixtures = {
      'lightning/uiRecordApi.getRecord': {
        data: { fields: { Role__c: { value: 'Local_Relay', displayValue: 'Local Relay' } } }
      }
    };
    expect(englishDisplayValues(fixtures, french)).toEqual([
      'lightning/uiRecordApi.getRecord.data.fields.Role__c.displayValue "Local Relay" is the English label (French: "Relais local")'
    ]);
    expect(
      englishDisplayValues(
        { data: { Role__c: { value: 'Local_Relay', displayValue: 'Relais local' } } },
        french
      )
    ).toEqual([]);
  });

  it('holds for every French scenario of the browser gate', () => {
    const dir = path.join(__dirname, 'scenarios');
    const found: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest runs CommonJS here
      const { scenarios } = require(path.join(dir, file)) as { scenarios: Scenario[] };
      for (const scenario of scenarios.filter((s) => s.language === 'fr')) {
        found.push(...englishDisplayValues(scenario.fixtures, french).map((m) => `${scenario.name}: ${m}`));
      }
    }
    expect(found).toEqual([]);
  });
});
