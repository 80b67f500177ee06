// The browser gate's check that every wire a scenario's components use has a fixture
// (test/browser/wire-fixtures.ts): on every scenario as written, and on copies with one fixture removed.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Scenario } from './scenario.ts';
import { componentTree, missingWireFixtures, wireUses } from './wire-fixtures.ts';

const ROOT = path.resolve(__dirname, '../..');
const DIRS = [path.join(ROOT, 'force-app/main/default/lwc'), path.join(ROOT, 'test/browser/fixtures/lwc/c')];
const SCENARIOS = path.join(ROOT, 'test/browser/scenarios');
const OBJECT_INFO = 'lightning/uiObjectInfoApi.getObjectInfo';
const FOLLOW_UPS = '@salesforce/apex/TrainingFollowUpController.getTrainingFollowUps';

function allScenarios(): Scenario[] {
  return readdirSync(SCENARIOS)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest runs CommonJS here
      const { scenarios } = require(path.join(SCENARIOS, file)) as { scenarios: Scenario[] };
      return scenarios;
    });
}

function scenarioNamed(scenarios: Scenario[], name: string): Scenario {
  const found = scenarios.find((scenario) => scenario.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

/** The scenario's fixtures without `id`. */
function without(scenario: Scenario, id: string): Record<string, unknown> {
  expect(scenario.fixtures).toHaveProperty([id]);
  return Object.fromEntries(Object.entries(scenario.fixtures ?? {}).filter(([key]) => key !== id));
}

describe('wire fixtures of the browser scenarios', () => {
  let scenarios: Scenario[];
  beforeAll(() => {
    scenarios = allScenarios();
  });

  it('reads the wires of a component and its children, with the fixture ids the platform stand-ins use', () => {
    expect(wireUses('trainingFollowUps', DIRS, ROOT).map((use) => [use.id, use.member])).toEqual([
      [OBJECT_INFO, 'wiredAttendanceInfo'],
      [FOLLOW_UPS, 'wiredFollowUps']
    ]);
    expect(wireUses('dailyActionList', DIRS, ROOT).map((use) => use.id)).toEqual(
      expect.arrayContaining([
        'lightning/graphql.graphql',
        'lightning/navigation.CurrentPageReference',
        'lightning/uiObjectInfoApi.getObjectInfos'
      ])
    );
    expect(componentTree(['keyUserNetwork'], DIRS)).toEqual(
      expect.arrayContaining(['keyUserNetwork', 'trainingFollowUps', 'followUpRow', 'touchCheckbox'])
    );
  });

  it('finds none missing in any component scenario as written', () => {
    const components = scenarios.filter(
      (scenario) => scenario.page === undefined && scenario.html === undefined
    );
    expect(components.length).toBeGreaterThan(40);
    const missing = components
      // the gate's self-test of this very check leaves its fixture out on purpose
      .filter((scenario) => scenario.name !== 'browserGateProbe-missing-wire-fixture')
      .flatMap((scenario) =>
        missingWireFixtures([scenario.component], scenario.fixtures ?? {}, DIRS, ROOT).map(
          (failure) => `${scenario.name}: ${failure}`
        )
      );
    expect(missing).toEqual([]);
  });

  it("fails a scenario whose component's own wire lost its fixture, naming file, line, member and adapter", () => {
    const scenario = scenarioNamed(scenarios, 'trainingFollowUps-many');
    const failures = missingWireFixtures([scenario.component], without(scenario, OBJECT_INFO), DIRS, ROOT);
    expect(failures).toEqual([
      expect.stringMatching(
        /^no wire fixture: c-training-follow-ups \(force-app\/main\/default\/lwc\/trainingFollowUps\/trainingFollowUps\.ts:\d+, wiredAttendanceInfo\) wires lightning\/uiObjectInfoApi\.getObjectInfo; .*add fixtures\['lightning\/uiObjectInfoApi\.getObjectInfo'\]/
      )
    ]);
  });

  it("fails a scenario when a child component's wire lost its fixture", () => {
    const scenario = scenarioNamed(scenarios, 'keyUserNetwork-data');
    const failures = missingWireFixtures([scenario.component], without(scenario, FOLLOW_UPS), DIRS, ROOT);
    expect(failures).toEqual([
      expect.stringMatching(
        /^no wire fixture: c-training-follow-ups \(force-app\/main\/default\/lwc\/trainingFollowUps\/trainingFollowUps\.ts:\d+, wiredFollowUps\) wires @salesforce\/apex\/TrainingFollowUpController\.getTrainingFollowUps;/
      )
    ]);
  });

  it('fails a scenario that lost its CurrentPageReference, and accepts { pending: true } as an answer', () => {
    const scenario = scenarioNamed(scenarios, 'dailyActionList-empty');
    const reference = 'lightning/navigation.CurrentPageReference';
    expect(missingWireFixtures([scenario.component], without(scenario, reference), DIRS, ROOT)).toEqual([
      expect.stringMatching(
        /^no wire fixture: c-daily-action-list \(.*, wiredPageReference\) wires lightning\/navigation\.CurrentPageReference;/
      )
    ]);
    expect(
      missingWireFixtures(
        [scenario.component],
        { ...scenario.fixtures, [reference]: { pending: true } },
        DIRS,
        ROOT
      )
    ).toEqual([]);
  });

  describe('on components written for the test', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'wire-fixtures-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    function component(name: string, source: string, html = '<template></template>'): void {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, `${name}.ts`), source);
      writeFileSync(path.join(dir, name, `${name}.html`), html);
    }

    it('resolves renamed and default imports, skips a local adapter, and follows children of any template', () => {
      component(
        'parentThing',
        [
          "import { LightningElement, wire } from 'lwc';",
          "import { getRecord as readRecord } from 'lightning/uiRecordApi';",
          "import getItems from '@salesforce/apex/ItemController.getItems';",
          'class LocalAdapter {}',
          'export default class ParentThing extends LightningElement {',
          "  @wire(readRecord, { recordId: '$recordId', fields: [] }) record;",
          '  @wire(getItems) items;',
          '  @wire(LocalAdapter) local;',
          '}'
        ].join('\n'),
        '<template><c-child-thing></c-child-thing></template>'
      );
      writeFileSync(
        path.join(dir, 'parentThing', 'other.html'),
        '<template><c-other-child></c-other-child></template>'
      );
      component(
        'childThing',
        "import { wire } from 'lwc';\nimport { CurrentPageReference } from 'lightning/navigation';\nexport default class C { @wire(CurrentPageReference) ref; }"
      );
      component('otherChild', 'export default class O {}');
      expect(componentTree(['parentThing'], [dir]).sort()).toEqual([
        'childThing',
        'otherChild',
        'parentThing'
      ]);
      const failures = missingWireFixtures(
        ['parentThing'],
        { '@salesforce/apex/ItemController.getItems': { data: [] } },
        [dir],
        dir
      );
      expect(failures).toEqual([
        expect.stringMatching(
          /^no wire fixture: c-parent-thing \(parentThing\/parentThing\.ts:6, record\) wires lightning\/uiRecordApi\.getRecord;/
        ),
        expect.stringMatching(
          /^no wire fixture: c-child-thing \(childThing\/childThing\.ts:3, ref\) wires lightning\/navigation\.CurrentPageReference;/
        )
      ]);
    });
  });
});
