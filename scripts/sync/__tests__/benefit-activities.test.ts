// The benefit activity registry (BENEFIT_ACTIVITIES in the scoring kernel) is the only place activities are
// interpreted: the Activity__c picklist must list exactly its keys, and minutes saved come from it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  BENEFIT_ACTIVITY_NAMES,
  minutesSaved
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type { BenefitActivity } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';

const PICKLIST = 'force-app/main/default/objects/Benefit_Rule__mdt/fields/Activity__c.field-meta.xml';

/**
 * Differences between the Activity__c picklist values and the registry's keys, one message each naming
 * the file, the value and the rule broken; empty when they agree.
 */
function picklistMismatches(xml: string, file: string, registry: readonly string[]): string[] {
  const doc = new XMLParser({ isArray: (name) => name === 'value' }).parse(xml) as {
    CustomField?: { valueSet?: { valueSetDefinition?: { value?: { fullName: string }[] } } };
  };
  const values = (doc.CustomField?.valueSet?.valueSetDefinition?.value ?? []).map((v) => v.fullName);
  const out: string[] = [];
  for (const v of values)
    if (!registry.includes(v))
      out.push(
        `${file}: picklist value ${v} has no entry in BENEFIT_ACTIVITIES (lwc/completenessScoring): add one saying how it counts units.`
      );
  for (const k of registry)
    if (!values.includes(k))
      out.push(
        `${file}: BENEFIT_ACTIVITIES entry ${k} is not a value of the Activity__c picklist: add the value (or remove the entry).`
      );
  return out;
}

describe('benefit activity registry', () => {
  const xml = readFileSync(join(__dirname, '../../..', PICKLIST), 'utf8');

  it('lists exactly the Activity__c picklist values', () => {
    expect(picklistMismatches(xml, PICKLIST, BENEFIT_ACTIVITY_NAMES)).toEqual([]);
  });

  it('reports a picklist value added without a registry entry, naming file, value and rule', () => {
    const copy = xml.replace(
      '<value>',
      '<value>\n        <fullName>Call_Logged</fullName>\n        <default>false</default>\n        <label>Call</label>\n      </value>\n      <value>'
    );
    expect(picklistMismatches(copy, PICKLIST, BENEFIT_ACTIVITY_NAMES)).toEqual([
      `${PICKLIST}: picklist value Call_Logged has no entry in BENEFIT_ACTIVITIES (lwc/completenessScoring): add one saying how it counts units.`
    ]);
    expect(picklistMismatches(xml, PICKLIST, [...BENEFIT_ACTIVITY_NAMES, 'Call_Logged'])).toEqual([
      `${PICKLIST}: BENEFIT_ACTIVITIES entry Call_Logged is not a value of the Activity__c picklist: add the value (or remove the entry).`
    ]);
  });

  it('counts units per activity; inactive rules count nothing', () => {
    const counts = { created: 2, updated: 3, tasks: 5, events: 7, activeDays: 4 };
    const one = (activity: BenefitActivity, active = true): number =>
      minutesSaved([{ activity, minutesPerUnit: 1.5, active }], counts);
    expect(Object.fromEntries(BENEFIT_ACTIVITY_NAMES.map((a) => [a, one(a)]))).toEqual({
      Task_Logged: 7.5,
      Event_Logged: 10.5,
      Record_Created: 3,
      Record_Updated: 4.5,
      Active_Day: 6,
      Report_Replaced: 1.5
    });
    expect(one('Task_Logged', false)).toBe(0);
    expect(
      minutesSaved([{ activity: 'Report_Replaced', minutesPerUnit: 10, active: true }], {
        created: 0,
        updated: 0,
        tasks: 0,
        events: 0,
        activeDays: 0
      })
    ).toBe(0);
  });
});
