// Offline checks of the data-model metadata: least privilege in the permission sets, field permissions that
// point to real fields, descriptions and help text everywhere, and a French translation for every label.
// Each checker returns a list of violations; the first tests prove that the checkers catch bad metadata.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const SRC = path.resolve(__dirname, '../../force-app/main/default');
const PERMISSION_SETS = [
  'Adoption_Cockpit_Rep',
  'Adoption_Cockpit_Key_User',
  'Adoption_Cockpit_Sponsor',
  'Adoption_Cockpit_Admin',
  'Adoption_Cockpit_Sync',
  'Adoption_Cockpit_Manager'
];
const REP_SETS = ['Adoption_Cockpit_Rep', 'Adoption_Cockpit_Key_User'];
/** The only object-level View All the architecture allows: sponsors, admins and the sync on user snapshots. */
const VIEW_ALL_ALLOWED = new Set([
  'Adoption_Cockpit_Sponsor:User_Adoption_Snapshot__c',
  'Adoption_Cockpit_Admin:User_Adoption_Snapshot__c',
  'Adoption_Cockpit_Sync:User_Adoption_Snapshot__c',
  // Nudges are owned by their recipient; the nudge job runs as an admin. Sponsors never read them (a
  // digest's text is about a manager's team): they read the per-team Nudge_Summary__c counts.
  'Adoption_Cockpit_Admin:Nudge__c',
  'Adoption_Cockpit_Admin:Nudge_Summary__c',
  // Sponsor messages are Private (drafts are their author's): the admin moderates every message, and the
  // sync reads every message's sponsor and start to find who published one (never its body).
  'Adoption_Cockpit_Admin:Sponsor_Message__c',
  'Adoption_Cockpit_Sync:Sponsor_Message__c'
]);
/** The only object-level Modify All: the sync transfers user snapshots to their user and prunes old ones. */
const MODIFY_ALL_ALLOWED = new Set([
  'Adoption_Cockpit_Sync:User_Adoption_Snapshot__c',
  // The nudge job runs as an admin: it gives each nudge to its recipient and deletes expired ones, and
  // updates or deletes team summaries another admin's run created.
  'Adoption_Cockpit_Admin:Nudge__c',
  'Adoption_Cockpit_Admin:Nudge_Summary__c',
  // The admin withdraws, links or deletes any message; SponsorMessageRules keeps the words the sponsor's.
  'Adoption_Cockpit_Admin:Sponsor_Message__c'
]);
const FORBIDDEN_USER_PERMISSIONS = new Set(['ViewAllData', 'ModifyAllData']);
const REPEATED = new Set([
  'applicationVisibilities',
  'classAccesses',
  'customMetadataTypeAccesses',
  'fieldPermissions',
  'objectPermissions',
  'tabSettings',
  'userPermissions',
  'caseValues',
  'picklistValues',
  'value'
]);

type Xml = Record<string, unknown>;
interface ObjectPermission {
  object: string;
  allowCreate: string;
  allowRead: string;
  allowEdit: string;
  allowDelete: string;
  modifyAllRecords?: string;
  viewAllRecords?: string;
}
interface PermissionSet {
  description?: string;
  fieldPermissions?: { field: string; editable: string; readable: string }[];
  objectPermissions?: ObjectPermission[];
  userPermissions?: { name: string; enabled: string }[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name)
});
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true });

function parse(xml: string): Xml {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml) as Xml;
}
function readXml(file: string): Xml {
  return parse(fs.readFileSync(file, 'utf8'));
}
function root(doc: Xml, name: string): Xml {
  const value = doc[name];
  if (!value || typeof value !== 'object') throw new Error(`root element ${name} missing`);
  return value as Xml;
}
function permissionSetFile(name: string): string {
  return path.join(SRC, 'permissionsets', `${name}.permissionset-meta.xml`);
}
function loadPermissionSet(name: string): PermissionSet {
  return root(readXml(permissionSetFile(name)), 'PermissionSet');
}
const isTrue = (value: string | undefined): boolean => value === 'true';
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Least-privilege violations of one permission set. */
export function permissionViolations(name: string, ps: PermissionSet): string[] {
  const out: string[] = [];
  for (const up of ps.userPermissions ?? []) {
    if (FORBIDDEN_USER_PERMISSIONS.has(up.name) && isTrue(up.enabled)) out.push(`${name} grants ${up.name}`);
  }
  for (const op of ps.objectPermissions ?? []) {
    // Platform dependencies: a deploy fails when Delete lacks Edit, or Create, Edit or View All lack Read.
    if (isTrue(op.allowDelete) && !isTrue(op.allowEdit))
      out.push(`${name}: Delete without Edit on ${op.object}`);
    const needsRead = isTrue(op.allowCreate) || isTrue(op.allowEdit) || isTrue(op.viewAllRecords);
    if (needsRead && !isTrue(op.allowRead)) out.push(`${name}: access without Read on ${op.object}`);
    if (isTrue(op.modifyAllRecords) && !MODIFY_ALL_ALLOWED.has(`${name}:${op.object}`)) {
      out.push(`${name} grants Modify All on ${op.object}`);
    }
    if (isTrue(op.viewAllRecords) && !VIEW_ALL_ALLOWED.has(`${name}:${op.object}`)) {
      out.push(`${name} grants View All on ${op.object}`);
    }
    if (isTrue(op.viewAllRecords) && !/View All/i.test(ps.description ?? '')) {
      out.push(`${name} grants View All on ${op.object} without saying so in its description`);
    }
  }
  if (REP_SETS.includes(name)) {
    const perm = (object: string) => (ps.objectPermissions ?? []).find((op) => op.object === object);
    const message = perm('Sponsor_Message__c');
    if (!message || !isTrue(message.allowRead)) out.push(`${name} cannot read Sponsor_Message__c`);
    if (
      message &&
      (isTrue(message.allowEdit) || isTrue(message.allowDelete) || isTrue(message.allowCreate))
    ) {
      out.push(`${name} can create, edit or delete Sponsor_Message__c`);
    }
    const ack = perm('Message_Acknowledgement__c');
    if (!ack || !isTrue(ack.allowCreate) || !isTrue(ack.allowRead)) {
      out.push(`${name} cannot create and read Message_Acknowledgement__c`);
    }
    if (ack && (isTrue(ack.allowEdit) || isTrue(ack.allowDelete))) {
      out.push(`${name} can edit or delete Message_Acknowledgement__c`);
    }
  }
  return out;
}

/** Field permissions that point to no field file, or to a field that cannot carry field permissions. */
export function fieldPermissionViolations(name: string, ps: PermissionSet, srcDir: string): string[] {
  const out: string[] = [];
  for (const fp of ps.fieldPermissions ?? []) {
    const [object, field] = fp.field.split('.');
    // Standard fields have no field file: whether they are permissionable is the personas gate's check
    // (scripts/tools/checks/platform-fields.ts).
    if (!(object ?? '').includes('__')) continue;
    const file = path.join(srcDir, 'objects', object ?? '', 'fields', `${field ?? ''}.field-meta.xml`);
    if (!fs.existsSync(file)) {
      out.push(`${name}: ${fp.field} has no field file`);
      continue;
    }
    const def = root(readXml(file), 'CustomField');
    if (def.required === 'true' || def.type === 'MasterDetail') {
      out.push(`${name}: ${fp.field} is required or master-detail (not allowed in field permissions)`);
    }
    if (isTrue(fp.editable) && (def.type === 'Summary' || def.formula !== undefined)) {
      out.push(`${name}: ${fp.field} is calculated but marked editable`);
    }
  }
  return out;
}

/** Top-level element names out of alphabetical (XSD) order. */
export function orderViolations(xml: string, rootName: string): string[] {
  const doc = orderedParser.parse(xml) as Record<string, unknown[]>[];
  const rootNode = doc.find((node) => rootName in node);
  if (!rootNode) return [`no ${rootName} root`];
  const names = (rootNode[rootName] ?? []).map((child) => Object.keys(child as object)[0] ?? '');
  const out: string[] = [];
  for (let i = 1; i < names.length; i++) {
    if ((names[i - 1] ?? '') > (names[i] ?? '')) out.push(`${names[i - 1]} before ${names[i]}`);
  }
  return out;
}

function customObjects(): string[] {
  return fs
    .readdirSync(path.join(SRC, 'objects'))
    .filter((name) => name.endsWith('__c') || name.endsWith('__mdt'))
    .sort();
}
function fieldFiles(object: string, srcDir: string = SRC): string[] {
  const dir = path.join(srcDir, 'objects', object, 'fields');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.field-meta.xml')) : [];
}

/** Objects and fields without a description, fields without help text. */
export function documentationViolations(srcDir: string, object: string): string[] {
  const out: string[] = [];
  const obj = root(
    readXml(path.join(srcDir, 'objects', object, `${object}.object-meta.xml`)),
    'CustomObject'
  );
  if (!obj.description) out.push(`${object} has no description`);
  for (const file of fieldFiles(object, srcDir)) {
    const field = root(readXml(path.join(srcDir, 'objects', object, 'fields', file)), 'CustomField');
    const name = `${object}.${String(field.fullName)}`;
    if (!field.description) out.push(`${name} has no description`);
    if (!field.inlineHelpText) out.push(`${name} has no inline help text`);
    if (text(field.label).length > 40) out.push(`${name} label is longer than 40 characters`);
    if (text(field.description).length > 1000) out.push(`${name} description is longer than 1000`);
    if (text(field.inlineHelpText).length > 510) out.push(`${name} help text is longer than 510`);
  }
  return out;
}

/** Labels, help texts and picklist values without a French translation. */
export function frenchViolations(srcDir: string, object: string): string[] {
  const out: string[] = [];
  const dir = path.join(srcDir, 'objectTranslations', `${object}-fr`);
  const objFile = path.join(dir, `${object}-fr.objectTranslation-meta.xml`);
  if (!fs.existsSync(objFile)) return [`${object} has no French object translation`];
  const tr = root(readXml(objFile), 'CustomObjectTranslation');
  const cases = (tr.caseValues ?? []) as { plural: string; value: string }[];
  if (!cases.some((c) => c.plural === 'false' && c.value)) out.push(`${object} has no French label`);
  if (!cases.some((c) => c.plural === 'true' && c.value)) out.push(`${object} has no French plural label`);
  const obj = root(
    readXml(path.join(srcDir, 'objects', object, `${object}.object-meta.xml`)),
    'CustomObject'
  );
  if (obj.nameField && !tr.nameFieldLabel) out.push(`${object} has no French name field label`);
  for (const file of fieldFiles(object, srcDir)) {
    const field = root(readXml(path.join(srcDir, 'objects', object, 'fields', file)), 'CustomField');
    const name = String(field.fullName);
    const trFile = path.join(dir, `${name}.fieldTranslation-meta.xml`);
    if (!fs.existsSync(trFile)) {
      out.push(`${object}.${name} has no French translation`);
      continue;
    }
    const ftr = root(readXml(trFile), 'CustomFieldTranslation');
    if (ftr.name !== name) out.push(`${object}.${name}: translation names ${String(ftr.name)}`);
    if (!ftr.label) out.push(`${object}.${name} has no French label`);
    if (text(ftr.label).length > 40) out.push(`${object}.${name} French label is longer than 40`);
    if (text(ftr.help).length > 510) out.push(`${object}.${name} French help text is longer than 510`);
    if (field.inlineHelpText && !ftr.help) out.push(`${object}.${name} has no French help text`);
    if (field.relationshipLabel && !ftr.relationshipLabel) {
      out.push(`${object}.${name} has no French relationship label`);
    }
    const values = (((field.valueSet as Xml | undefined)?.valueSetDefinition as Xml | undefined)?.value ??
      []) as { label: string }[];
    const translated = new Set(
      ((ftr.picklistValues ?? []) as { masterLabel: string; translation: string }[])
        .filter((v) => v.translation)
        .map((v) => v.masterLabel)
    );
    for (const v of values) {
      if (!translated.has(v.label))
        out.push(`${object}.${name} picklist value "${v.label}" has no French translation`);
    }
  }
  return out;
}

describe('the checkers catch bad metadata', () => {
  const bad: PermissionSet = {
    description: 'A rep set that goes too far',
    userPermissions: [{ name: 'ModifyAllData', enabled: 'true' }],
    objectPermissions: [
      {
        object: 'Sponsor_Message__c',
        allowCreate: 'false',
        allowRead: 'true',
        allowEdit: 'true',
        allowDelete: 'false',
        modifyAllRecords: 'false',
        viewAllRecords: 'false'
      },
      {
        object: 'Message_Acknowledgement__c',
        allowCreate: 'true',
        allowRead: 'true',
        allowEdit: 'false',
        allowDelete: 'true',
        modifyAllRecords: 'true',
        viewAllRecords: 'true'
      }
    ],
    fieldPermissions: [
      { field: 'Acceptance_Test_Case__c.Scenario__c', editable: 'true', readable: 'true' },
      { field: 'Sponsor_Message__c.No_Such_Field__c', editable: 'false', readable: 'true' },
      { field: 'Acceptance_Session__c.Pass_Rate__c', editable: 'true', readable: 'true' }
    ]
  };

  it('flags forbidden user permissions, Modify All, View All and rep write access', () => {
    const found = permissionViolations('Adoption_Cockpit_Rep', bad);
    expect(found).toEqual(
      expect.arrayContaining([
        'Adoption_Cockpit_Rep grants ModifyAllData',
        'Adoption_Cockpit_Rep grants Modify All on Message_Acknowledgement__c',
        'Adoption_Cockpit_Rep grants View All on Message_Acknowledgement__c',
        'Adoption_Cockpit_Rep can create, edit or delete Sponsor_Message__c',
        'Adoption_Cockpit_Rep can edit or delete Message_Acknowledgement__c',
        'Adoption_Cockpit_Rep: Delete without Edit on Message_Acknowledgement__c'
      ])
    );
  });

  it('flags field permissions on missing, required or calculated fields', () => {
    expect(fieldPermissionViolations('Bad', bad, SRC)).toEqual([
      'Bad: Acceptance_Test_Case__c.Scenario__c is required or master-detail (not allowed in field permissions)',
      'Bad: Sponsor_Message__c.No_Such_Field__c has no field file',
      'Bad: Acceptance_Session__c.Pass_Rate__c is calculated but marked editable'
    ]);
  });

  it('flags top-level elements out of order', () => {
    const xml = '<PermissionSet><label>x</label><description>y</description></PermissionSet>';
    expect(orderViolations(xml, 'PermissionSet')).toEqual(['label before description']);
  });

  it('flags a missing French translation', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-check-'));
    const objDir = path.join(tmp, 'objects', 'Thing__c');
    fs.mkdirSync(path.join(objDir, 'fields'), { recursive: true });
    fs.writeFileSync(
      path.join(objDir, 'Thing__c.object-meta.xml'),
      '<CustomObject><description>d</description></CustomObject>'
    );
    fs.writeFileSync(
      path.join(objDir, 'fields', 'Size__c.field-meta.xml'),
      '<CustomField><fullName>Size__c</fullName><label>Size</label></CustomField>'
    );
    expect(frenchViolations(tmp, 'Thing__c')).toEqual(['Thing__c has no French object translation']);
    expect(documentationViolations(tmp, 'Thing__c')).toEqual([
      'Thing__c.Size__c has no description',
      'Thing__c.Size__c has no inline help text'
    ]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

describe('permission sets', () => {
  it.each(PERMISSION_SETS)(
    '%s exists, is well-formed and has its top-level elements in XSD order',
    (name) => {
      const xml = fs.readFileSync(permissionSetFile(name), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(orderViolations(xml, 'PermissionSet')).toEqual([]);
    }
  );

  it.each(PERMISSION_SETS)('%s follows least privilege', (name) => {
    expect(permissionViolations(name, loadPermissionSet(name))).toEqual([]);
  });

  it.each(PERMISSION_SETS)('%s grants field permissions only on existing, grantable fields', (name) => {
    const ps = loadPermissionSet(name);
    expect((ps.fieldPermissions ?? []).length).toBeGreaterThan(0);
    expect(fieldPermissionViolations(name, ps, SRC)).toEqual([]);
  });

  it('grants View All Records exactly where the architecture says', () => {
    const granted = PERMISSION_SETS.flatMap((name) =>
      (loadPermissionSet(name).objectPermissions ?? [])
        .filter((op) => isTrue(op.viewAllRecords))
        .map((op) => `${name}:${op.object}`)
    );
    expect(granted.sort()).toEqual([...VIEW_ALL_ALLOWED].sort());
  });

  it('gives sponsors no access to Nudge__c, only the per-team Nudge_Summary__c counts (issue 14 privacy)', () => {
    // A digest's text (Nudge__c.Message__c) is about a manager's team: sponsors see aggregates only.
    const sponsor = loadPermissionSet('Adoption_Cockpit_Sponsor');
    const nudgeObject = (sponsor.objectPermissions ?? []).filter((op) => op.object === 'Nudge__c');
    const nudgeFields = (sponsor.fieldPermissions ?? []).filter((fp) => fp.field.startsWith('Nudge__c.'));
    expect({ objects: nudgeObject, fields: nudgeFields }).toEqual({ objects: [], fields: [] });
    const summary = (sponsor.objectPermissions ?? []).find((op) => op.object === 'Nudge_Summary__c');
    expect(summary && isTrue(summary.allowRead) && !isTrue(summary.viewAllRecords)).toBe(true);
  });

  it('lets only key users edit test cases among the rep-facing sets', () => {
    const canEdit = (name: string) =>
      (loadPermissionSet(name).objectPermissions ?? []).some(
        (op) => op.object === 'Acceptance_Test_Case__c' && isTrue(op.allowEdit)
      );
    expect(canEdit('Adoption_Cockpit_Key_User')).toBe(true);
    expect(canEdit('Adoption_Cockpit_Rep')).toBe(false);
    expect(canEdit('Adoption_Cockpit_Sponsor')).toBe(false);
  });
});

describe('data model documentation and French translations', () => {
  const objects = customObjects();

  it('ships the objects and custom metadata types of the architecture', () => {
    expect(objects).toEqual(
      expect.arrayContaining([
        'Key_User__c',
        'Acceptance_Session__c',
        'Acceptance_Test_Case__c',
        'Sponsor_Message__c',
        'Message_Acknowledgement__c',
        'User_Adoption_Snapshot__c',
        'Team_Adoption_Snapshot__c',
        'Completeness_Snapshot__c',
        'Completeness_Rule__mdt',
        'Benefit_Rule__mdt',
        'Cockpit_Setting__mdt'
      ])
    );
  });

  it.each(customObjects())('%s and its fields have a description and help text', (object) => {
    expect(fieldFiles(object).length).toBeGreaterThan(0);
    expect(documentationViolations(SRC, object)).toEqual([]);
  });

  it.each(customObjects())('%s has a French label for the object and every field', (object) => {
    expect(frenchViolations(SRC, object)).toEqual([]);
  });

  it('translates the Lightning app into French', () => {
    const tr = root(readXml(path.join(SRC, 'translations', 'fr.translation-meta.xml')), 'Translations');
    const apps = ([] as { name: string; label: string }[]).concat(
      (tr.customApplications ?? []) as { name: string; label: string }[]
    );
    expect(apps.find((a) => a.name === 'Adoption_Cockpit')?.label).toBeTruthy();
  });
});
