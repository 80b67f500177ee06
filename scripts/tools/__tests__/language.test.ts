/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known results. */
// Self-test of the Language gate: it passes on this tree, and each fault reintroduced into a copy of a
// real file makes it fail with a message naming the file, the line or element, and the rule.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LANGUAGE_RULES, checkLanguage, languageProblems } from '../checks/language.ts';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLASSES = 'force-app/main/default/classes';

describe('Language gate', () => {
  let copy: string;

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'language-gate-'));
    cpSync(path.join(ROOT, 'force-app'), path.join(copy, 'force-app'), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}node_modules`)
    });
    cpSync(path.join(ROOT, 'scripts', 'sync'), path.join(copy, 'scripts', 'sync'), { recursive: true });
  });

  afterAll(() => {
    rmSync(copy, { recursive: true, force: true });
  });

  /** Replaces `from` (which must occur) in a file of the copy, runs the gate, restores the file. */
  function withFault(file: string, from: string | RegExp, to: string): ReturnType<typeof checkLanguage> {
    const full = path.join(copy, file);
    const original = readFileSync(full, 'utf8');
    const changed = original.replace(from, to);
    expect(changed).not.toBe(original);
    writeFileSync(full, changed);
    try {
      return checkLanguage(copy);
    } finally {
      writeFileSync(full, original);
    }
  }

  it('passes on the project tree', () => {
    expect(checkLanguage(ROOT)).toEqual([]);
  });

  it("fails on an Apex test selecting Profile WHERE Name = 'Standard User'", () => {
    const file = `${CLASSES}/KeyUserNetworkControllerTest.cls`;
    const problems = withFault(
      file,
      'TestDataFactory.standardUserProfileId()',
      "[SELECT Id FROM Profile WHERE Name = 'Standard User' LIMIT 1].Id"
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ check: 'language', file });
    expect(problems[0]!.message).toMatch(/^line \d+: Name \(SOQL FROM profile\) compared to a literal/);
    expect(problems[0]!.message).toContain(`[${LANGUAGE_RULES.profileName}]`);
    expect(problems[0]!.fix).toContain('LicenseDefinitionKey');
  });

  it("fails on a RecordType.Name == '...' comparison in Apex, at its line", () => {
    const file = `${CLASSES}/DailyActionController.cls`;
    const problems = withFault(
      file,
      '    if (String.isBlank(rule.Object__c) || String.isBlank(rule.Field__c)) {',
      "    Opportunity sample = new Opportunity();\n    if (sample.RecordType.Name == 'Renewal') {\n      return false;\n    }\n    if (String.isBlank(rule.Object__c) || String.isBlank(rule.Field__c)) {"
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(file);
    const line = readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('String.isBlank(rule.Object__c)'));
    expect(problems[0]!.message).toBe(
      `line ${line + 2}: sample.RecordType.Name compared to a literal [${LANGUAGE_RULES.recordTypeLabel}]`
    );
  });

  it('fails on a picklist label compared to a literal in a component (displayValue)', () => {
    const file = 'force-app/main/default/lwc/dailyActionList/actionSources.ts';
    const problems = withFault(
      file,
      '  for (const task of edges(query.Task)) {\n',
      "  for (const task of edges(query.Task)) {\n    if (task.Status?.displayValue === 'Terminée') continue;\n"
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(file);
    expect(problems[0]!.message).toMatch(
      /^line \d+: task\.Status\.displayValue compared to a literal \[language\/picklist-label\]$/
    );
  });

  it('fails on a picklist label in Apex (getLabel) and on TaskStatus.MasterLabel in SOQL', () => {
    const apex = (body: string) => [
      { path: 'classes/X.cls', text: `public with sharing class X {\n${body}\n}` }
    ];
    expect(
      languageProblems(
        apex("  Boolean b(Schema.PicklistEntry e) {\n    return e.getLabel() == 'Closed Won';\n  }")
      ).map((p) => p.message)
    ).toEqual(['line 3: e.getLabel() compared to a literal [language/picklist-label]']);
    expect(
      languageProblems(
        apex("  Boolean b(Schema.PicklistEntry e) {\n    return 'Closed Won'.equals(e.getLabel());\n  }")
      )
    ).toHaveLength(1);
    expect(
      languageProblems(apex("  Object o = [SELECT Id FROM TaskStatus WHERE MasterLabel = 'Completed'];")).map(
        (p) => p.message
      )
    ).toEqual(['line 2: MasterLabel (SOQL FROM taskstatus) compared to a literal [language/picklist-label]']);
  });

  it('accepts API values: picklist values, DeveloperName, license keys, TaskStatus.IsClosed', () => {
    const text = [
      'public with sharing class Y {',
      "  Object a = [SELECT Id FROM Acceptance_Test_Case__c WHERE Result__c = 'Not_Run'];",
      "  Object b = [SELECT Id FROM RecordType WHERE DeveloperName = 'Renewal'];",
      "  Object c = [SELECT Id FROM Profile WHERE UserLicense.LicenseDefinitionKey = 'SFDC' AND UserType = 'Standard'];",
      '  Object d = [SELECT ApiName FROM TaskStatus WHERE IsClosed = TRUE];',
      "  Boolean e(Schema.PicklistEntry p) { return p.getValue() == 'Closed_Won'; }",
      '}'
    ].join('\n');
    expect(languageProblems([{ path: 'classes/Y.cls', text }])).toEqual([]);
    expect(
      languageProblems([
        { path: 'lwc/a/a.ts', text: "export const ok = (s: { value: string }) => s.value === 'Completed';" }
      ])
    ).toEqual([]);
  });

  it('fails on a profile name in the sync (TypeScript) and on a GraphQL filter by record type name', () => {
    expect(
      languageProblems([
        {
          path: 'scripts/sync/x.ts',
          text: "export const f = (u: { profileName: string }) =>\n  u.profileName === 'System Administrator';"
        }
      ]).map((p) => p.message)
    ).toEqual(['line 2: u.profileName compared to a literal [language/profile-name]']);
    expect(
      languageProblems([
        {
          path: 'lwc/b/b.ts',
          text: 'const q = `Opportunity(where: { RecordType: { Name: { eq: "Renewal" } } })`;'
        }
      ]).map((p) => p.message)
    ).toEqual(['line 1: GraphQL filter on RecordType.Name [language/record-type-label]']);
  });

  it('fails on a report filter, a formula and a validation rule comparing labels, and on profile names in the default setting', () => {
    const report = withFault(
      'force-app/main/default/reports/Adoption_Cockpit/Fields_Most_Often_Missing.report-meta.xml',
      '  <filter>\n',
      '  <filter>\n    <criteriaItems>\n      <column>Completeness_Snapshot__c$RecordType</column>\n      <columnToColumn>false</columnToColumn>\n      <isUnlocked>true</isUnlocked>\n      <operator>equals</operator>\n      <value>Renouvellement</value>\n    </criteriaItems>\n'
    );
    expect(report.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^<criteriaItems> Completeness_Snapshot__c\$RecordType line \d+: report filter .* compares a label \[language\/record-type-label\]$/
      )
    ]);
    const formula = languageProblems([
      {
        path: 'objects/X__c/validationRules/Only_Admins.validationRule-meta.xml',
        text: '<ValidationRule>\n  <errorConditionFormula>$Profile.Name &lt;&gt; "System Administrator" &amp;&amp; ISCHANGED(Name)</errorConditionFormula>\n</ValidationRule>'
      },
      {
        path: 'objects/X__c/fields/Is_Renewal__c.field-meta.xml',
        text: '<CustomField>\n  <formula>RecordType.Name = "Renewal"</formula>\n</CustomField>'
      }
    ]);
    // the formula is read unescaped: &lt;&gt; is <>
    expect(formula.map((p) => [p.file, p.message])).toEqual([
      [
        'objects/X__c/validationRules/Only_Admins.validationRule-meta.xml',
        '<errorConditionFormula> line 2: $Profile.Name <> " compares a label [language/profile-name]'
      ],
      [
        'objects/X__c/fields/Is_Renewal__c.field-meta.xml',
        '<formula> line 2: RecordType.Name = " compares a label [language/record-type-label]'
      ]
    ]);
    const setting = withFault(
      'force-app/main/default/customMetadata/Cockpit_Setting.Default.md-meta.xml',
      /<field>Excluded_Profiles__c<\/field>\n\s*<value xsi:nil="true" \/>/,
      '<field>Excluded_Profiles__c</field>\n    <value xsi:type="xsd:string">Minimum Access - API Only Integrations</value>'
    );
    expect(setting).toHaveLength(1);
    expect(setting[0]!.message).toMatch(
      /^<values> Excluded_Profiles__c line \d+: .*\[language\/profile-name\]$/
    );
  });
});
