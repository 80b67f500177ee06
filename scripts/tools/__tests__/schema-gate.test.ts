// Self-test of the schema and bundle gate of `npm run validate`: a copy of the project with faults
// reintroduced must fail, each fault with a message naming its file, its element and the rule broken;
// the real tree must pass. Needs the compiled components (`npm run build`), as `npm run validate` does.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { typedMetadataFiles, validateProject } from '../validate-metadata.ts';
import type { Problem } from '../metadata-checks.ts';
import { motifProblem } from '../checks/tab-motifs.ts';
import { checkBundleConfigs, checkConvertedBundles } from '../checks/lwc-bundles.ts';
import { checkFileSchema, loadSchema, sequenceOf } from '../checks/metadata-schema.ts';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DEFAULT = 'force-app/main/default';

/** One fault: the file it goes into, how, and what the gate must say. */
interface Fault {
  name: string;
  file: string;
  edit: (text: string) => string;
  /** Problem file (project-relative) the message must name. */
  reportedFile?: string;
  /** Substrings the message must contain: the element and the rule. */
  expect: string[];
}

const replaceOnce =
  (from: string | RegExp, to: string) =>
  (text: string): string => {
    const next = text.replace(from, to);
    if (next === text) {
      throw new Error(`fixture out of date: ${String(from)} not found`);
    }
    return next;
  };

const FAULTS: Fault[] = [
  {
    name: 'issue fault 1: a service module without its js-meta.xml',
    file: `${DEFAULT}/lwc/completenessScoring/completenessScoring.js-meta.xml`,
    edit: () => '', // deleted below
    reportedFile: `${DEFAULT}/lwc/completenessScoring`,
    expect: ['completenessScoring.js-meta.xml', 'Cannot find Lightning Component Bundle completenessScoring']
  },
  {
    name: 'issue fault 2: a dashboard component type as a report chartType',
    file: `${DEFAULT}/reports/Adoption_Cockpit/Acceptance_Progress_by_Session.report-meta.xml`,
    edit: replaceOnce(/<chartType>\w+<\/chartType>/, '<chartType>BarStacked</chartType>'),
    expect: [
      '`chartType` value `BarStacked` is not a value of ChartType',
      '(Report.chart.chartType)',
      'allowed:'
    ]
  },
  {
    name: 'issue fault 3: a tab motif whose number and name disagree',
    file: `${DEFAULT}/tabs/Adoption_Cockpit_Home.tab-meta.xml`,
    edit: replaceOnce(/<motif>[^<]+<\/motif>/, '<motif>Custom41: Telescope</motif>'),
    expect: [
      '`motif` value `Custom41: Telescope`',
      'Custom41: Cash',
      '(CustomTab.motif)',
      'Custom39: Telescope'
    ]
  },
  {
    name: 'unknown element',
    file: `${DEFAULT}/objects/Key_User__c/fields/Team__c.field-meta.xml`,
    edit: replaceOnce('<length>80</length>', '<length>80</length>\n  <maxLength>80</maxLength>'),
    expect: ['`maxLength` is not an element of CustomField', '(CustomField.maxLength)']
  },
  {
    name: 'wrong order',
    file: `${DEFAULT}/objects/Key_User__c/listViews/All.listView-meta.xml`,
    edit: replaceOnce(/(<filterScope>Everything<\/filterScope>)\s*(<label>All<\/label>)/, '$2\n  $1'),
    expect: ['`filterScope` comes after `label`', 'WSDL sequence of ListView', '(ListView.filterScope)']
  },
  {
    name: 'bad enumeration value',
    file: `${DEFAULT}/objects/Key_User__c/fields/User_Key__c.field-meta.xml`,
    edit: replaceOnce('<type>Text</type>', '<type>String</type>'),
    expect: ['`type` value `String` is not a value of FieldType', '(CustomField.type)', 'allowed:']
  },
  {
    name: 'missing required element',
    file: `${DEFAULT}/objects/Acceptance_Session__c/listViews/All.listView-meta.xml`,
    edit: replaceOnce(/\s*<label>[^<]*<\/label>/, ''),
    expect: ['Required element `label` of ListView is missing', '(ListView.label)']
  },
  {
    name: 'bad boolean',
    file: `${DEFAULT}/objects/Key_User__c/fields/Trained_On__c.field-meta.xml`,
    edit: replaceOnce('<trackTrending>false</trackTrending>', '<trackTrending>no</trackTrending>'),
    expect: ['`trackTrending` value `no` is not a boolean', '(CustomField.trackTrending)']
  },
  {
    name: 'boolean not in canonical form (a 1 the personas check would not read)',
    file: `${DEFAULT}/permissionsets/Adoption_Cockpit_Rep.permissionset-meta.xml`,
    edit: replaceOnce('<allowRead>true</allowRead>', '<allowRead>1</allowRead>'),
    expect: [
      '`allowRead` value `1` is a boolean but not in its canonical form',
      '(PermissionSet.objectPermissions.allowRead)'
    ]
  },
  {
    name: 'bad number',
    file: `${DEFAULT}/objects/Key_User__c/fields/Team__c.field-meta.xml`,
    edit: replaceOnce('<length>80</length>', '<length>eighty</length>'),
    expect: ['`length` value `eighty` is not a number', '(CustomField.length)']
  },
  {
    name: 'a single value repeated as if it were a list',
    file: `${DEFAULT}/objects/Key_User__c/fields/Role__c.field-meta.xml`,
    edit: replaceOnce(/(<label>[^<]*<\/label>)/, '$1\n  $1'),
    expect: ['`label` appears more than once but CustomField.label is a single string', '(CustomField.label)']
  },
  {
    name: 'a custom metadata value that is not its xsi:type',
    file: `${DEFAULT}/customMetadata/Benefit_Rule.Calls_Logged_Once.md-meta.xml`,
    edit: replaceOnce(
      '<value xsi:type="xsd:boolean">true</value>',
      '<value xsi:type="xsd:boolean">yes</value>'
    ),
    expect: ['`value` value "yes" is not a valid xsd:boolean', '(CustomMetadata.values.value)']
  }
];

function copyProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-gate-'));
  for (const entry of ['sfdx-project.json', '.forceignore', 'force-app']) {
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

const describeMessage = (problems: Problem[]): string =>
  problems.map((p) => `${p.file}: [${p.check}] ${p.message}`).join('\n');

describe('schema and bundle gate (npm run validate)', () => {
  let copy: string;
  let problems: Problem[];

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, DEFAULT, 'lwc/completenessScoring/completenessScoring.js'))) {
      throw new Error(
        'Compiled components are missing: run `npm run build` first (validate checks the compiled output).'
      );
    }
    copy = copyProject();
    for (const fault of FAULTS) {
      const target = path.join(copy, fault.file);
      if (fault.name.startsWith('issue fault 1')) {
        rmSync(target);
      } else {
        writeFileSync(target, fault.edit(readFileSync(target, 'utf8')));
      }
    }
    ({ problems } = await validateProject(copy));
  }, 120_000);

  afterAll(() => {
    if (copy) {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('passes on the real tree', async () => {
    const result = await validateProject(ROOT);
    expect(describeMessage(result.problems)).toBe('');
  }, 120_000);

  it.each(FAULTS.map((f) => [f.name, f] as const))(
    'fails on %s, naming file, element and rule',
    (_, fault) => {
      const file = fault.reportedFile ?? fault.file;
      const found = problems.filter(
        (p) => p.file === file && fault.expect.every((part) => `${p.message} ${p.fix}`.includes(part))
      );
      if (found.length === 0) {
        throw new Error(
          `No problem for ${file} with ${JSON.stringify(fault.expect)}; got:\n${describeMessage(problems)}`
        );
      }
    }
  );

  it('reports nothing but the faults it was given', () => {
    const faultFiles = new Set(FAULTS.map((f) => f.reportedFile ?? f.file));
    expect(describeMessage(problems.filter((p) => !faultFiles.has(p.file)))).toBe('');
  });
});

describe('schema from @salesforce/types', () => {
  const schema = loadSchema();

  it('reads enumerations and complex types in WSDL order, base type first', () => {
    expect(schema.enums.get('ChartType')).toContain('HorizontalBarStacked');
    expect(schema.enums.get('ChartType')).not.toContain('BarStacked');
    const report = sequenceOf(schema, 'Report').map((f) => f.name);
    expect(report[0]).toBe('fullName'); // from Metadata, the base type
    expect(report.indexOf('chart')).toBeLessThan(report.indexOf('columns'));
    expect(sequenceOf(schema, 'ReportFolder').map((f) => f.name)).toContain('name'); // alias of Folder
  });

  it('checks the xsi:type values of custom metadata records (xsd types, nil)', () => {
    const file = (value: string): string =>
      `<?xml version="1.0"?><CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><values><field>A__c</field>${value}</values></CustomMetadata>`;
    const check = (value: string): Problem[] =>
      checkFileSchema({ path: 'x.md-meta.xml', type: 'CustomMetadata', text: file(value) }, schema);
    expect(check('<value xsi:type="xsd:double">3.5</value>')).toEqual([]);
    expect(check('<value xsi:nil="true"/>')).toEqual([]);
    expect(check('<value xsi:type="xsd:date">2026-13</value>')[0]?.message).toContain('not a valid xsd:date');
  });

  it('checks every metadata file of the tree: no type is skipped', () => {
    const files = typedMetadataFiles(ROOT);
    expect(new Set(files.map((f) => f.type)).size).toBeGreaterThan(15);
    const unchecked = files.filter((file) => {
      const text = file.text.replace(
        new RegExp(`</${file.type}>\\s*$`),
        `<notAnElement>x</notAnElement></${file.type}>`
      );
      return !checkFileSchema({ ...file, text }, schema).some(
        (p) =>
          p.message.includes(`\`notAnElement\` is not an element of`) &&
          p.message.includes(`(${file.type}.notAnElement)`)
      );
    });
    expect(unchecked.map((f) => `${f.path} (${f.type})`)).toEqual([]);
  });

  it('names the root element and the namespace', () => {
    const problems = checkFileSchema(
      {
        path: 't.tab-meta.xml',
        type: 'CustomTab',
        text: '<CustomTab><motif>Custom70: Handsaw</motif></CustomTab>'
      },
      schema
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('must declare xmlns="http://soap.sforce.com/2006/04/metadata"')
    ]);
  });
});

describe('tab motifs and bundle configuration', () => {
  it('knows the published tab styles', () => {
    expect(motifProblem('Custom70: Handsaw')).toBeUndefined();
    expect(motifProblem('Custom33: Desk')).toBeUndefined();
    expect(motifProblem('Custom68: Desk')?.fix).toBe('Use `Custom33: Desk` or `Custom68: Globe`.');
    expect(motifProblem('Custom101: Rocket')?.message).toContain('no tab style number 101');
    expect(motifProblem('Handsaw')?.message).toContain('is not a tab style');
  });

  it('flags a converted bundle without its configuration file', () => {
    expect(checkConvertedBundles(['lwc/a/a.js', 'lwc/a/a.js-meta.xml', 'lwc/b/b.js'])).toEqual([
      expect.objectContaining({ file: 'lwc/b', check: 'lwc-bundle' })
    ]);
  });

  it('checks targets, property types, @api names and form factors against the documented schema', () => {
    const meta = `<?xml version="1.0"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>65.0</apiVersion>
  <isExposed>true</isExposed>
  <targets><target>lightning__HomePage</target><target>lightning__Homepage</target></targets>
  <targetConfigs>
    <targetConfig targets="lightning__HomePage, lightning__AppPage">
      <property name="count" type="Number" />
      <property name="missing" type="String" />
      <property name="size" type="Integer" default="ten" />
      <supportedFormFactors><supportedFormFactor type="Small" /></supportedFormFactors>
    </targetConfig>
  </targetConfigs>
</LightningComponentBundle>`;
    const messages = checkBundleConfigs([
      { path: 'p/lwc/x/x.js-meta.xml', text: meta },
      { path: 'p/lwc/x/x.ts', text: 'export default class X { @api count = 1; @api size = 2; }' }
    ]).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('`target` value `lightning__Homepage` is not a documented target'),
        expect.stringContaining('targetConfig target `lightning__AppPage` is not listed in <targets>'),
        expect.stringContaining(
          'property `type` value `Number` is not a property type of lightning__HomePage'
        ),
        expect.stringContaining('property `missing` is not a public (@api) property of x'),
        expect.stringContaining('Integer property `default` value `ten` is not an integer'),
        expect.stringContaining(
          'supportedFormFactor `type` value `Small` is not a form factor of lightning__HomePage'
        )
      ])
    );
  });
});
