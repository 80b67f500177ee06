import {
  buildModel,
  checkAnalytics,
  checkApexMeta,
  checkField,
  checkLabels,
  checkObjectViews,
  checkPagesAndApps,
  checkPermissionSets,
  checkWellFormed,
  collect,
  labelReferences,
  parseXml,
  permissionSetOrderProblem,
  resolveTable,
  runChecks,
  splitColumn
} from '../metadata-checks.ts';
import type { SourceFile } from '../metadata-checks.ts';

const D = 'force-app/main/default';
const xml = (rootTag: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${rootTag} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${rootTag}>`;

const field = (object: string, name: string, extra = ''): SourceFile => ({
  path: `${D}/objects/${object}/fields/${name}.field-meta.xml`,
  text: xml('CustomField', `<fullName>${name}</fullName><label>${name}</label>${extra}`)
});
const objectFile = (name: string): SourceFile => ({
  path: `${D}/objects/${name}/${name}.object-meta.xml`,
  text: xml('CustomObject', '<label>x</label>')
});
const lwcMeta = (name: string, exposed: boolean, targets: string[]): SourceFile => ({
  path: `${D}/lwc/${name}/${name}.js-meta.xml`,
  text: xml(
    'LightningComponentBundle',
    `<isExposed>${String(exposed)}</isExposed><targets>${targets.map((t) => `<target>${t}</target>`).join('')}</targets>`
  )
});
const labels = (names: string[]): SourceFile => ({
  path: `${D}/labels/CustomLabels.labels-meta.xml`,
  text: xml(
    'CustomLabels',
    names.map((n) => `<labels><fullName>${n}</fullName><value>${n}</value></labels>`).join('')
  )
});
const fr = (names: string[]): SourceFile => ({
  path: `${D}/translations/fr.translation-meta.xml`,
  text: xml(
    'Translations',
    names.map((n) => `<customLabels><label>fr ${n}</label><name>${n}</name></customLabels>`).join('')
  )
});

/** A small valid project: one object with fields and a lookup, one class, one component, labels. */
const base: SourceFile[] = [
  objectFile('Key_User__c'),
  field('Key_User__c', 'Role__c'),
  objectFile('Acceptance_Session__c'),
  objectFile('Acceptance_Test_Case__c'),
  field(
    'Acceptance_Test_Case__c',
    'Session__c',
    '<referenceTo>Acceptance_Session__c</referenceTo><relationshipName>Test_Cases</relationshipName>'
  ),
  field('Acceptance_Test_Case__c', 'Result__c'),
  field('Account', 'Segment__c'),
  { path: `${D}/classes/KeyUserController.cls`, text: 'public with sharing class KeyUserController {}' },
  { path: `${D}/classes/KeyUserController.cls-meta.xml`, text: xml('ApexClass', '<status>Active</status>') },
  lwcMeta('keyUserBadge', true, ['lightning__RecordPage']),
  lwcMeta('hiddenThing', false, []),
  labels(['common_Retry']),
  fr(['common_Retry'])
];
const model = buildModel(base);

describe('XML helpers', () => {
  it('parses well-formed XML and refuses broken XML', () => {
    expect(parseXml(xml('A', '<b>1</b>'))).toBeDefined();
    expect(parseXml('<A><b></A>')).toBeUndefined();
  });

  it('collects every value of a tag, at any depth', () => {
    expect(collect(parseXml('<a><b>1</b><c><b>2</b><b>3</b></c></a>'), 'b')).toEqual(['1', '2', '3']);
  });
});

describe('checkWellFormed', () => {
  it('passes well-formed files and ignores non-XML files', () => {
    expect(checkWellFormed(base)).toEqual([]);
  });

  it('reports a broken file with its line', () => {
    const problems = checkWellFormed([
      { path: `${D}/objects/X__c/fields/A__c.field-meta.xml`, text: '<a>\n<b></a>' }
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/line 2/);
    expect(problems[0]?.file).toContain('A__c.field-meta.xml');
  });
});

describe('buildModel', () => {
  it('knows objects, fields, relationships, classes, components and labels', () => {
    expect(model.objects.get('Key_User__c')).toEqual(new Set(['Role__c']));
    expect(model.objects.has('Account')).toBe(true);
    expect(model.relationships.get('Acceptance_Session__c.Test_Cases__r')).toBe('Acceptance_Test_Case__c');
    expect(model.classes).toEqual(new Set(['KeyUserController']));
    expect(model.lwc.get('keyUserBadge')).toEqual({
      exposed: true,
      targets: new Set(['lightning__RecordPage'])
    });
    expect(model.labels).toEqual(new Set(['common_Retry']));
    expect(model.frLabels).toEqual(new Set(['common_Retry']));
  });
});

describe('checkField', () => {
  it('accepts field files, common fields and listed standard fields', () => {
    expect(checkField(model, 'Key_User__c', 'Role__c', 'f', 'x')).toBeUndefined();
    expect(checkField(model, 'Key_User__c', 'Name', 'f', 'x')).toBeUndefined();
    expect(checkField(model, 'Account', 'Industry', 'f', 'x')).toBeUndefined();
    expect(checkField(model, 'Account', 'Segment__c', 'f', 'x')).toBeUndefined();
    expect(checkField(model, 'Campaign', 'Status', 'f', 'x')).toBeUndefined();
  });

  it('reports a missing custom field, a missing custom object and an unknown standard field', () => {
    expect(checkField(model, 'Key_User__c', 'Rolle__c', 'f', 'Layout')?.message).toMatch(
      /Key_User__c\.Rolle__c/
    );
    expect(checkField(model, 'Ghost__c', 'A__c', 'f', 'Layout')?.message).toMatch(/object Ghost__c/);
    expect(checkField(model, 'Account', 'Indsutry', 'f', 'Layout')?.fix).toMatch(/STANDARD_FIELDS\.Account/);
  });
});

describe('checkPermissionSets', () => {
  const permset = (body: string): SourceFile => ({
    path: `${D}/permissionsets/Test.permissionset-meta.xml`,
    text: xml('PermissionSet', body)
  });

  it('passes a correct permission set', () => {
    const ok = permset(
      '<classAccesses><apexClass>KeyUserController</apexClass><enabled>true</enabled></classAccesses>' +
        '<fieldPermissions><editable>true</editable><field>Key_User__c.Role__c</field><readable>true</readable></fieldPermissions>' +
        '<label>Test</label>' +
        '<objectPermissions><object>Key_User__c</object></objectPermissions>'
    );
    expect(checkPermissionSets([ok], model)).toEqual([]);
  });

  it('reports a missing field, class and object', () => {
    const bad = permset(
      '<classAccesses><apexClass>GhostController</apexClass></classAccesses>' +
        '<fieldPermissions><field>Key_User__c.Ghost__c</field></fieldPermissions>' +
        '<label>Test</label>' +
        '<objectPermissions><object>Ghost__c</object></objectPermissions>'
    );
    const checks = checkPermissionSets([bad], model).map((p) => p.check);
    expect(checks).toEqual(['field-reference', 'object-reference', 'class-reference']);
  });

  it('reports elements out of schema order', () => {
    const problem = permissionSetOrderProblem(
      xml('PermissionSet', '<label>Test</label><fieldPermissions><field>A.B</field></fieldPermissions>')
    );
    expect(problem?.message).toMatch(/<fieldPermissions> comes after <label>/);
    expect(
      permissionSetOrderProblem(
        xml('PermissionSet', '<fieldPermissions/><label>T</label><fieldPermissions/>')
      )?.message
    ).toMatch(/<fieldPermissions> comes after <label>/);
    expect(
      permissionSetOrderProblem(xml('PermissionSet', '<description>d</description><label>T</label>'))
    ).toBe(undefined);
  });
});

describe('checkObjectViews', () => {
  it('checks layout, list view and compact layout fields', () => {
    const files: SourceFile[] = [
      {
        path: `${D}/layouts/Key_User__c-Key User Layout.layout-meta.xml`,
        text: xml(
          'Layout',
          '<layoutSections><layoutColumns><layoutItems><field>Role__c</field></layoutItems><layoutItems><field>Ghost__c</field></layoutItems></layoutColumns></layoutSections>'
        )
      },
      {
        path: `${D}/objects/Key_User__c/listViews/All.listView-meta.xml`,
        text: xml(
          'ListView',
          '<columns>NAME</columns><columns>Role__c</columns><columns>Missing__c</columns>'
        )
      },
      {
        path: `${D}/objects/Key_User__c/compactLayouts/Compact.compactLayout-meta.xml`,
        text: xml('CompactLayout', '<fields>Name</fields><fields>Lost__c</fields>')
      }
    ];
    const messages = checkObjectViews(files, model).map((p) => p.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/Layout references field Key_User__c\.Ghost__c/);
    expect(messages[1]).toMatch(/List view references field Key_User__c\.Missing__c/);
    expect(messages[2]).toMatch(/Compact layout references field Key_User__c\.Lost__c/);
  });
});

describe('report columns', () => {
  it('splits columns and resolves relationship tables', () => {
    expect(splitColumn('Key_User__c.Role__c')).toEqual({ table: 'Key_User__c', field: 'Role__c' });
    expect(splitColumn('Acceptance_Session__c.Test_Cases__r$Result__c')).toEqual({
      table: 'Acceptance_Session__c.Test_Cases__r',
      field: 'Result__c'
    });
    expect(splitColumn('s!Key_User__c.Role__c')).toEqual({ table: 'Key_User__c', field: 'Role__c' });
    expect(splitColumn('ACCOUNT.NAME')).toBeUndefined();
    expect(splitColumn('RowCount')).toBeUndefined();
    expect(resolveTable(model, 'Acceptance_Session__c.Test_Cases__r')).toBe('Acceptance_Test_Case__c');
    expect(resolveTable(model, 'Acceptance_Session__c.Nothing__r')).toBeUndefined();
  });

  it('reports missing report type, report and dashboard references', () => {
    const files: SourceFile[] = [
      {
        path: `${D}/reportTypes/Sessions.reportType-meta.xml`,
        text: xml(
          'ReportType',
          '<baseObject>Acceptance_Session__c</baseObject><sections><columns><field>Result__c</field><table>Acceptance_Session__c.Test_Cases__r</table></columns>' +
            '<columns><field>Verdict__c</field><table>Acceptance_Session__c.Test_Cases__r</table></columns>' +
            '<columns><field>Result__c</field><table>Acceptance_Session__c.Wrong__r</table></columns></sections>'
        )
      },
      {
        path: `${D}/reports/Cockpit/Roles.report-meta.xml`,
        text: xml(
          'Report',
          '<columns><field>Key_User__c.Role__c</field></columns><columns><field>Key_User__c.Gone__c</field></columns><columns><field>CUST_NAME</field></columns>'
        )
      },
      {
        path: `${D}/dashboards/Cockpit/Main.dashboard-meta.xml`,
        text: xml(
          'Dashboard',
          '<leftSection><components><report>Cockpit/Roles</report></components><components><report>Cockpit/Nope</report></components></leftSection>'
        )
      },
      {
        path: `${D}/reportTypes/Ghosts.reportType-meta.xml`,
        text: xml('ReportType', '<baseObject>Ghost__c</baseObject>')
      }
    ];
    const analyticsModel = buildModel([...base, ...files]);
    const messages = checkAnalytics(files, analyticsModel).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/Report type column references field Acceptance_Test_Case__c\.Verdict__c/),
      expect.stringMatching(/relationship Acceptance_Session__c\.Wrong__r/),
      expect.stringMatching(/Report column references field Key_User__c\.Gone__c/),
      expect.stringMatching(/report Cockpit\/Nope/),
      expect.stringMatching(/base object Ghost__c/)
    ]);
  });
});

describe('checkPagesAndApps', () => {
  it('checks components, targets, fields, pages and tabs', () => {
    const files: SourceFile[] = [
      {
        path: `${D}/flexipages/Key_User_Record_Page.flexipage-meta.xml`,
        text: xml(
          'FlexiPage',
          '<flexiPageRegions><itemInstances><componentInstance><componentName>c:keyUserBadge</componentName></componentInstance></itemInstances>' +
            '<itemInstances><componentInstance><componentName>force:highlightsPanel</componentName></componentInstance></itemInstances>' +
            '<itemInstances><componentInstance><componentName>missingOne</componentName></componentInstance></itemInstances>' +
            '<itemInstances><componentInstance><componentName>hiddenThing</componentName></componentInstance></itemInstances>' +
            '<itemInstances><fieldInstance><fieldItem>Record.Role__c</fieldItem></fieldInstance></itemInstances>' +
            '<itemInstances><fieldInstance><fieldItem>Record.Nope__c</fieldItem></fieldInstance></itemInstances></flexiPageRegions>' +
            '<sobjectType>Key_User__c</sobjectType><type>RecordPage</type>'
        )
      },
      {
        path: `${D}/flexipages/Cockpit_Home.flexipage-meta.xml`,
        text: xml(
          'FlexiPage',
          '<flexiPageRegions><itemInstances><componentInstance><componentName>keyUserBadge</componentName></componentInstance></itemInstances></flexiPageRegions><type>HomePage</type>'
        )
      },
      {
        path: `${D}/applications/Adoption_Cockpit.app-meta.xml`,
        text: xml(
          'CustomApplication',
          '<tabs>standard-Account</tabs><tabs>Key_User__c</tabs><tabs>Ghost__c</tabs><utilityBar>No_Such_Bar</utilityBar>'
        )
      },
      {
        path: `${D}/tabs/Key_User__c.tab-meta.xml`,
        text: xml('CustomTab', '<customObject>true</customObject>')
      },
      {
        path: `${D}/tabs/Badge_Tab.tab-meta.xml`,
        text: xml('CustomTab', '<lwcComponent>keyUserBadge</lwcComponent>')
      }
    ];
    const pageModel = buildModel([...base, ...files]);
    const messages = checkPagesAndApps(files, pageModel).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/component missingOne, which is not in/),
      expect.stringMatching(/component hiddenThing, which is not exposed/),
      expect.stringMatching(/Key_User__c\.Nope__c/),
      expect.stringMatching(/keyUserBadge where it needs target lightning__HomePage/),
      expect.stringMatching(/Lightning page No_Such_Bar/),
      expect.stringMatching(/tab Ghost__c/),
      expect.stringMatching(/keyUserBadge where it needs target lightning__Tab/)
    ]);
  });
});

describe('labels', () => {
  it('finds label references in components and Apex', () => {
    expect(
      labelReferences({
        path: `${D}/lwc/a/a.ts`,
        text: "import X from '@salesforce/label/c.a_Title';\nimport Y from '@salesforce/label/c.common_Retry';"
      })
    ).toEqual(['a_Title', 'common_Retry']);
    expect(
      labelReferences({
        path: `${D}/classes/A.cls`,
        text: "String a = Label.a_One; String b = System.Label.a_Two; String c = System.Label.get('', 'x'); Schema.DescribeFieldResult d; d.MasterLabel.x;"
      })
    ).toEqual(['a_One', 'a_Two']);
    expect(
      labelReferences({ path: `${D}/lwc/a/__tests__/a.test.ts`, text: '@salesforce/label/c.zz' })
    ).toEqual([]);
  });

  it('reports a missing label, a missing French translation and an orphan translation', () => {
    const files: SourceFile[] = [
      { path: `${D}/lwc/a/a.ts`, text: "import X from '@salesforce/label/c.a_Missing';" },
      labels(['common_Retry', 'a_Title']),
      fr(['common_Retry', 'a_Orphan'])
    ];
    const problems = checkLabels(files, buildModel(files));
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/a_Missing, which is not in/),
      expect.stringMatching(/a_Title .*has no French translation/),
      expect.stringMatching(/a_Orphan, which is not a custom label/)
    ]);
  });
});

describe('checkApexMeta', () => {
  it('reports a class without -meta.xml and a -meta.xml without its class', () => {
    const problems = checkApexMeta([
      `${D}/classes/A.cls`,
      `${D}/classes/A.cls-meta.xml`,
      `${D}/classes/B.cls`,
      `${D}/triggers/C.trigger-meta.xml`
    ]);
    expect(problems.map((p) => p.file)).toEqual([`${D}/classes/B.cls`, `${D}/triggers/C.trigger-meta.xml`]);
  });
});

describe('runChecks', () => {
  it('finds nothing wrong in the valid fixture project', () => {
    expect(runChecks(base)).toEqual([]);
  });
});
