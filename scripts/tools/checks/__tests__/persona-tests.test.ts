// Self-test of the persona-tests check: the project passes, and each fault reintroduced into a copy of its
// sources (in memory) fails with a message naming the test class, the persona set and the field or object.
import path from 'node:path';
import { readSources } from '../../validate-metadata';
import type { SourceFile } from '../../metadata-checks';
import { checkPersonaTests, methodPrefix, PERSONA_TEST_CLASS, readPersonaGrants } from '../persona-tests';
import { PERSONA_WRITES } from '../persona-writes';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const project = readSources(ROOT);

function withFault(
  file: string,
  from: string | RegExp,
  to: string | ((match: string) => string)
): SourceFile[] {
  return project.map((f) => {
    if (!f.path.endsWith(file)) return f;
    const text = typeof to === 'string' ? f.text.replace(from, to) : f.text.replace(from, to);
    if (text === f.text) throw new Error(`fault not applied to ${file}: ${String(from)}`);
    return { ...f, text };
  });
}

const messages = (files: SourceFile[]): string[] =>
  checkPersonaTests(files).map((p) => `${p.file}: ${p.message}`);

describe('persona-tests check', () => {
  it('passes on the project, whose test class tries every persona set, Sync included', () => {
    expect(messages(project)).toEqual([]);
    expect(readPersonaGrants(project).map((g) => g.set)).toEqual(
      expect.arrayContaining([...Object.keys(PERSONA_WRITES), 'Adoption_Cockpit_Sync'])
    );
    expect(methodPrefix('Adoption_Cockpit_Key_User')).toBe('keyUser');
    expect(methodPrefix('Adoption_Cockpit_Sync')).toBe('sync');
  });

  it('fails when a field a persona may edit is named by no test method of that persona', () => {
    // Rep's Nudge__c.Opened_On__c is set in repWritesEveryFieldItsSetAllows only (the key user's test
    // sets it too, but for the Key User set): dropping every mention there must name the rep.
    const files = withFault(
      'classes/PersonaWritesTest.cls',
      /static void repWritesEveryFieldItsSetAllows\(\) \{[\s\S]*?\n {2}\}\n/,
      (method) => method.replaceAll('Nudge__c.Opened_On__c', 'Nudge__c.Name')
    );
    expect(messages(files)).toEqual([
      `${PERSONA_TEST_CLASS}: Adoption_Cockpit_Rep may edit Nudge__c.Opened_On__c (force-app/main/default/permissionsets/Adoption_Cockpit_Rep.permissionset-meta.xml), but no rep… test method sets it (name the field as Nudge__c.Opened_On__c).`
    ]);
  });

  it('fails when a field is only named in a comment', () => {
    const files = withFault(
      'classes/PersonaWritesTest.cls',
      /Wave_Snapshot__c\.Teams_Missing_Key_User__c => TEAM,?/,
      '// Wave_Snapshot__c.Teams_Missing_Key_User__c'
    );
    expect(messages(files).join('\n')).toMatch(
      /Adoption_Cockpit_Sync may edit Wave_Snapshot__c\.Teams_Missing_Key_User__c .*no sync… test method sets it/
    );
  });

  it('fails when a permission set grants a new field and nothing tries it', () => {
    const files = withFault(
      'permissionsets/Adoption_Cockpit_Manager.permissionset-meta.xml',
      '<field>Help_Request__c.Details__c</field>\n    <readable>true</readable>',
      '<field>Help_Request__c.Details__c</field>\n    <readable>true</readable>\n  </fieldPermissions>\n  <fieldPermissions>\n    <editable>true</editable>\n    <field>Key_User__c.Team__c</field>\n    <readable>true</readable>'
    );
    expect(messages(files).join('\n')).toContain(
      'Adoption_Cockpit_Manager may edit Key_User__c.Team__c (force-app/main/default/permissionsets/Adoption_Cockpit_Manager.permissionset-meta.xml), but no manager… test method sets it'
    );
  });

  it('fails when a persona has no test method, or the class is missing', () => {
    const renamed = withFault(
      'classes/PersonaWritesTest.cls',
      /static void (sync\w+)\(/g,
      'static void other$1('
    );
    expect(messages(renamed).join('\n')).toContain(
      'No test method tries the writes of Adoption_Cockpit_Sync (force-app/main/default/permissionsets/Adoption_Cockpit_Sync.permissionset-meta.xml): none is named sync….'
    );
    const missing = project.filter((f) => !f.path.endsWith(PERSONA_TEST_CLASS));
    expect(messages(missing)[0]).toMatch(/The Apex persona tests are missing/);
  });
});

describe('intended writes built by spread', () => {
  it('gives each extending persona every write of the persona it extends', () => {
    const manager = PERSONA_WRITES.Adoption_Cockpit_Manager;
    const rep = PERSONA_WRITES.Adoption_Cockpit_Rep;
    const keyUser = PERSONA_WRITES.Adoption_Cockpit_Key_User;
    for (const [base, extended] of [
      [manager, rep],
      [rep, keyUser]
    ] as const) {
      for (const op of ['create', 'edit', 'delete', 'fields'] as const) {
        expect(extended?.[op]).toEqual(expect.arrayContaining([...(base?.[op] ?? [])]));
      }
    }
    for (const writes of Object.values(PERSONA_WRITES)) {
      for (const op of ['create', 'edit', 'delete', 'fields'] as const) {
        expect(new Set(writes[op]).size).toBe(writes[op].length);
      }
    }
  });
});
