// Pure checks behind `npm run validate`: each takes the project's source files (path + text) and
// returns problems (file, what is wrong, what to do). No file system, no Salesforce library here,
// so every check is unit-tested with small fixtures (scripts/tools/__tests__/metadata-checks.test.ts).
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A source file: path relative to the project root (forward slashes) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** One thing wrong: where, what, and what to do about it. */
export interface Problem {
  check: string;
  file: string;
  message: string;
  fix: string;
}

/** A Lightning Web Component bundle as declared by its .js-meta.xml. */
export interface LwcBundle {
  exposed: boolean;
  targets: Set<string>;
}

/** What the project defines, for reference checks. */
export interface ProjectModel {
  /** Object API name → fields defined as files (objects/<Object>/fields/<Field>.field-meta.xml). */
  objects: Map<string, Set<string>>;
  /** `<Parent>.<Relationship>__r` → child object, from lookup and master-detail field files. */
  relationships: Map<string, string>;
  classes: Set<string>;
  lwc: Map<string, LwcBundle>;
  aura: Set<string>;
  labels: Set<string>;
  frLabels: Set<string>;
  /** Report full names: `<Folder>/<Name>`. */
  reports: Set<string>;
  flexipages: Set<string>;
  tabs: Set<string>;
}

// Standard fields accepted without a field file. Every object has COMMON_FIELDS; the standard objects
// listed in STANDARD_FIELDS have those too. A custom field (…__c) always needs its file.
const COMMON_FIELDS = [
  'Id',
  'Name',
  'OwnerId',
  'Owner',
  'CreatedById',
  'CreatedBy',
  'CreatedDate',
  'LastModifiedById',
  'LastModifiedBy',
  'LastModifiedDate',
  'SystemModstamp',
  'IsDeleted',
  'RecordTypeId',
  'RecordType',
  'LastActivityDate',
  'LastViewedDate',
  'LastReferencedDate',
  'CurrencyIsoCode',
  'DeveloperName',
  'MasterLabel',
  'Label',
  'QualifiedApiName',
  'NamespacePrefix',
  'Language'
];

/** Standard fields of the standard objects the cockpit reads; add one here when a real one is missing. */
export const STANDARD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Account: [
    'AccountNumber',
    'AccountSource',
    'AnnualRevenue',
    'BillingAddress',
    'BillingCity',
    'BillingCountry',
    'BillingPostalCode',
    'BillingState',
    'BillingStreet',
    'Description',
    'Industry',
    'NumberOfEmployees',
    'ParentId',
    'Phone',
    'Rating',
    'ShippingAddress',
    'ShippingCity',
    'ShippingCountry',
    'Type',
    'Website'
  ],
  Contact: [
    'AccountId',
    'Birthdate',
    'Department',
    'Description',
    'Email',
    'FirstName',
    'LastName',
    'LeadSource',
    'MailingAddress',
    'MailingCity',
    'MailingCountry',
    'MobilePhone',
    'Phone',
    'ReportsToId',
    'Salutation',
    'Title'
  ],
  Lead: [
    'Company',
    'ConvertedDate',
    'Description',
    'Email',
    'FirstName',
    'Industry',
    'IsConverted',
    'LastName',
    'LeadSource',
    'MobilePhone',
    'NumberOfEmployees',
    'Phone',
    'Rating',
    'Status',
    'Title',
    'Website'
  ],
  Opportunity: [
    'AccountId',
    'Amount',
    'CampaignId',
    'CloseDate',
    'Description',
    'ExpectedRevenue',
    'ForecastCategoryName',
    'IsClosed',
    'IsWon',
    'LeadSource',
    'NextStep',
    'Probability',
    'StageName',
    'Type'
  ],
  Task: [
    'ActivityDate',
    'CompletedDateTime',
    'Description',
    'IsClosed',
    'Priority',
    'Status',
    'Subject',
    'TaskSubtype',
    'Type',
    'WhatId',
    'WhoId'
  ],
  Event: [
    'ActivityDate',
    'ActivityDateTime',
    'Description',
    'DurationInMinutes',
    'EndDateTime',
    'EventSubtype',
    'IsAllDayEvent',
    'Location',
    'StartDateTime',
    'Subject',
    'Type',
    'WhatId',
    'WhoId'
  ],
  User: [
    'Alias',
    'Department',
    'Email',
    'FirstName',
    'FullPhotoUrl',
    'IsActive',
    'LanguageLocaleKey',
    'LastLoginDate',
    'LastName',
    'ManagerId',
    'ProfileId',
    'SmallPhotoUrl',
    'Title',
    'UserRoleId',
    'UserType',
    'Username'
  ]
};

/** Lightning page types → the LWC target a component needs to be placed on them. */
const FLEXIPAGE_TARGETS: Readonly<Record<string, string>> = {
  RecordPage: 'lightning__RecordPage',
  AppPage: 'lightning__AppPage',
  HomePage: 'lightning__HomePage',
  UtilityBar: 'lightning__UtilityBar'
};

/** Top-level elements of a permission set, in the order the Metadata API writes them. */
export const PERMISSION_SET_ELEMENTS = [
  'applicationVisibilities',
  'classAccesses',
  'customMetadataTypeAccesses',
  'customPermissions',
  'customSettingAccesses',
  'description',
  'externalDataSourceAccesses',
  'fieldPermissions',
  'flowAccesses',
  'hasActivationRequired',
  'label',
  'license',
  'objectPermissions',
  'pageAccesses',
  'recordTypeVisibilities',
  'tabSettings',
  'userPermissions'
];

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
const orderedParser = new XMLParser({ ignoreAttributes: true, preserveOrder: true, parseTagValue: false });

type XmlNode = unknown;

/** Parses XML into plain objects (tag values stay strings); undefined when it is not well formed. */
export function parseXml(text: string): Record<string, XmlNode> | undefined {
  if (XMLValidator.validate(text) !== true) {
    return undefined;
  }
  return parser.parse(text) as Record<string, XmlNode>;
}

function asArray(node: XmlNode): XmlNode[] {
  if (node === undefined || node === null) {
    return [];
  }
  return Array.isArray(node) ? node : [node];
}

function child(node: XmlNode, tag: string): XmlNode {
  return node !== null && typeof node === 'object' && !Array.isArray(node)
    ? (node as Record<string, XmlNode>)[tag]
    : undefined;
}

function text(node: XmlNode): string | undefined {
  if (typeof node === 'string') {
    return node;
  }
  if (typeof node === 'number' || typeof node === 'boolean') {
    return String(node);
  }
  return undefined;
}

/** Every text value of elements named `tag`, anywhere below `node`. */
export function collect(node: XmlNode, tag: string): string[] {
  const found: string[] = [];
  const visit = (value: XmlNode): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, XmlNode>)) {
        if (key === tag) {
          for (const item of asArray(inner)) {
            const t = text(item);
            if (t !== undefined && t !== '') {
              found.push(t);
            }
          }
        }
        visit(inner);
      }
    }
  };
  visit(node);
  return found;
}

/** The root element of a parsed document. */
function root(doc: Record<string, XmlNode> | undefined): XmlNode {
  if (!doc) {
    return undefined;
  }
  const key = Object.keys(doc).find((k) => k !== '?xml');
  return key === undefined ? undefined : doc[key];
}

const isCustomObject = (name: string): boolean => /__(c|mdt|e|x|b)$/.test(name);
const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const match = (p: string, re: RegExp): RegExpMatchArray | null => re.exec(p);

const RE = {
  objectFile: /\/objects\/([^/]+)\/\1\.object-meta\.xml$/,
  objectDir: /\/objects\/([^/]+)\//,
  field: /\/objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/,
  listView: /\/objects\/([^/]+)\/listViews\/[^/]+\.listView-meta\.xml$/,
  compactLayout: /\/objects\/([^/]+)\/compactLayouts\/[^/]+\.compactLayout-meta\.xml$/,
  layout: /\/layouts\/([^/-]+)-[^/]+\.layout-meta\.xml$/,
  permissionSet: /\/permissionsets\/[^/]+\.permissionset-meta\.xml$/,
  reportType: /\/reportTypes\/[^/]+\.reportType-meta\.xml$/,
  report: /\/reports\/(.+)\.report-meta\.xml$/,
  dashboard: /\/dashboards\/.+\.dashboard-meta\.xml$/,
  flexipage: /\/flexipages\/([^/]+)\.flexipage-meta\.xml$/,
  application: /\/applications\/[^/]+\.app-meta\.xml$/,
  tab: /\/tabs\/([^/]+)\.tab-meta\.xml$/,
  lwcMeta: /\/lwc\/([^/]+)\/\1\.js-meta\.xml$/,
  lwcSource: /\/lwc\/[^/]+\/(?!__tests__)[^/]+\.(ts|html)$/,
  aura: /\/aura\/([^/]+)\//,
  apexSource: /\/(classes|triggers)\/([^/]+)\.(cls|trigger)$/,
  labels: /\/labels\/[^/]+\.labels-meta\.xml$/,
  frTranslation: /\/translations\/fr\.translation-meta\.xml$/
};

/**
 * Every XML file must be well formed (the converter repairs or drops broken files without a word).
 */
export function checkWellFormed(files: SourceFile[]): Problem[] {
  return files
    .filter((f) => f.path.endsWith('.xml'))
    .flatMap((f) => {
      const result = XMLValidator.validate(f.text);
      if (result === true) {
        return [];
      }
      const { msg, line, col } = result.err;
      return [
        {
          check: 'xml',
          file: f.path,
          message: `XML is not well formed at line ${line}, column ${col}: ${msg}`,
          fix: 'Fix the XML (an unclosed or mismatched element, a stray character) and run `npm run format`.'
        }
      ];
    });
}

/** Builds the model of what the project defines. */
export function buildModel(files: SourceFile[]): ProjectModel {
  const model: ProjectModel = {
    objects: new Map(),
    relationships: new Map(),
    classes: new Set(),
    lwc: new Map(),
    aura: new Set(),
    labels: new Set(),
    frLabels: new Set(),
    reports: new Set(),
    flexipages: new Set(),
    tabs: new Set()
  };
  const objectFields = (name: string): Set<string> => {
    let fields = model.objects.get(name);
    if (!fields) {
      fields = new Set();
      model.objects.set(name, fields);
    }
    return fields;
  };
  for (const f of files) {
    const p = f.path;
    let m: RegExpMatchArray | null;
    if ((m = match(p, RE.objectDir))) {
      objectFields(m[1] ?? '');
    }
    if ((m = match(p, RE.field))) {
      const [, object = '', field = ''] = m;
      objectFields(object).add(field);
      const doc = root(parseXml(f.text));
      const referenceTo = text(child(doc, 'referenceTo'));
      const relationshipName = text(child(doc, 'relationshipName'));
      if (referenceTo && relationshipName) {
        model.relationships.set(`${referenceTo}.${relationshipName}__r`, object);
      }
    } else if ((m = match(p, RE.apexSource))) {
      if (m[1] === 'classes') {
        model.classes.add(m[2] ?? '');
      }
    } else if ((m = match(p, RE.lwcMeta))) {
      const doc = root(parseXml(f.text));
      model.lwc.set(m[1] ?? '', {
        exposed: text(child(doc, 'isExposed')) === 'true',
        targets: new Set(collect(child(doc, 'targets'), 'target'))
      });
    } else if ((m = match(p, RE.aura))) {
      model.aura.add(m[1] ?? '');
    } else if (RE.labels.test(p)) {
      for (const label of asArray(child(root(parseXml(f.text)), 'labels'))) {
        const name = text(child(label, 'fullName'));
        if (name) {
          model.labels.add(name);
        }
      }
    } else if (RE.frTranslation.test(p)) {
      for (const label of asArray(child(root(parseXml(f.text)), 'customLabels'))) {
        const name = text(child(label, 'name'));
        if (name && text(child(label, 'label'))) {
          model.frLabels.add(name);
        }
      }
    } else if ((m = match(p, RE.report))) {
      model.reports.add(m[1] ?? '');
    } else if ((m = match(p, RE.flexipage))) {
      model.flexipages.add(m[1] ?? '');
    } else if ((m = match(p, RE.tab))) {
      model.tabs.add(m[1] ?? '');
    }
  }
  return model;
}

/**
 * Checks that `object.field` exists: a field file, or a standard field this script knows.
 * @returns a problem, or undefined when the field exists
 */
export function checkField(
  model: ProjectModel,
  object: string,
  field: string,
  file: string,
  context: string
): Problem | undefined {
  const check = 'field-reference';
  if (isCustomObject(object) && !model.objects.has(object)) {
    return {
      check,
      file,
      message: `${context} references ${object}.${field}, but object ${object} is not in the project.`,
      fix: `Create force-app/main/default/objects/${object}/${object}.object-meta.xml or fix the object name.`
    };
  }
  if (model.objects.get(object)?.has(field)) {
    return undefined;
  }
  if (field.endsWith('__c')) {
    return {
      check,
      file,
      message: `${context} references field ${object}.${field}, which has no file.`,
      fix: `Create objects/${object}/fields/${field}.field-meta.xml or fix the field name (API names are in docs/ARCHITECTURE.md).`
    };
  }
  const known = STANDARD_FIELDS[object];
  if (COMMON_FIELDS.includes(field) || known === undefined || known.includes(field)) {
    return undefined;
  }
  return {
    check,
    file,
    message: `${context} references ${object}.${field}, which is neither a field file nor a known standard field.`,
    fix: `Fix the field name, or if it is a real standard field add it to STANDARD_FIELDS.${object} in scripts/tools/metadata-checks.ts.`
  };
}

/** Resolves a report table (`Parent__c` or `Parent__c.Children__r[.…]`) to its object. */
export function resolveTable(model: ProjectModel, table: string): string | undefined {
  const [first, ...relationships] = table.split('.');
  let object = first;
  for (const relationship of relationships) {
    if (object === undefined) {
      return undefined;
    }
    object = model.relationships.get(`${object}.${relationship}`);
  }
  return object;
}

/**
 * Splits a report or dashboard column (`Obj__c.Field__c`, `Obj__c$Field__c`, `Obj__c.Rel__r$Field__c`,
 * with an optional aggregate prefix such as `s!`) into table and field; undefined for the built-in
 * column names of standard report types (ACCOUNT.NAME, RowCount …), which have no file.
 */
export function splitColumn(column: string): { table: string; field: string } | undefined {
  const token = column.replace(/^[a-z]+!/, '');
  const dollar = token.lastIndexOf('$');
  const cut = dollar >= 0 ? dollar : token.lastIndexOf('.');
  if (cut <= 0) {
    return undefined;
  }
  const table = token.slice(0, cut);
  const field = token.slice(cut + 1);
  const first = table.split('.')[0] ?? '';
  if (!isCustomObject(first) && !(first in STANDARD_FIELDS)) {
    return undefined;
  }
  if (!/^[A-Za-z]\w*$/.test(field)) {
    return undefined;
  }
  return { table, field };
}

function checkColumn(model: ProjectModel, column: string, file: string, context: string): Problem[] {
  const parts = splitColumn(column);
  if (!parts) {
    return [];
  }
  const object = resolveTable(model, parts.table);
  if (object === undefined) {
    return parts.table.endsWith('__r')
      ? [
          {
            check: 'field-reference',
            file,
            message: `${context} uses relationship ${parts.table}, which no lookup or master-detail field defines.`,
            fix: 'Fix the relationship name (a field file has <referenceTo> and <relationshipName>) or the column.'
          }
        ]
      : [];
  }
  const problem = checkField(model, object, parts.field, file, context);
  return problem ? [problem] : [];
}

/** Permission sets: fields, classes and objects they grant exist; top-level elements in schema order. */
export function checkPermissionSets(files: SourceFile[], model: ProjectModel): Problem[] {
  const problems: Problem[] = [];
  for (const f of files.filter((file) => RE.permissionSet.test(file.path))) {
    const doc = root(parseXml(f.text));
    if (doc === undefined) {
      continue;
    }
    for (const fp of asArray(child(doc, 'fieldPermissions'))) {
      const ref = text(child(fp, 'field')) ?? '';
      const [object = '', field = ''] = ref.split('.');
      const p = checkField(model, object, field, f.path, 'Permission set field permission');
      if (p) {
        problems.push(p);
      }
    }
    for (const op of asArray(child(doc, 'objectPermissions'))) {
      const object = text(child(op, 'object')) ?? '';
      if (isCustomObject(object) && !model.objects.has(object)) {
        problems.push({
          check: 'object-reference',
          file: f.path,
          message: `Permission set grants access to object ${object}, which is not in the project.`,
          fix: `Create objects/${object}/ or remove the objectPermissions entry.`
        });
      }
    }
    for (const cls of collect(child(doc, 'classAccesses'), 'apexClass')) {
      if (!model.classes.has(cls)) {
        problems.push({
          check: 'class-reference',
          file: f.path,
          message: `Permission set grants access to Apex class ${cls}, which is not in force-app/main/default/classes.`,
          fix: `Create classes/${cls}.cls (with its -meta.xml) or remove the classAccesses entry.`
        });
      }
    }
    const order = permissionSetOrderProblem(f.text);
    if (order) {
      problems.push({ check: 'permission-set-order', file: f.path, ...order });
    }
  }
  return problems;
}

/** Top-level elements must follow the schema (alphabetical) order and be grouped. */
export function permissionSetOrderProblem(xml: string): { message: string; fix: string } | undefined {
  let ordered: unknown;
  try {
    ordered = orderedParser.parse(xml);
  } catch {
    return undefined;
  }
  const top = asArray(ordered).find(
    (n) => n !== null && typeof n === 'object' && 'PermissionSet' in (n as Record<string, unknown>)
  ) as Record<string, unknown> | undefined;
  const names = asArray(top?.PermissionSet)
    .flatMap((n) => (n !== null && typeof n === 'object' ? Object.keys(n) : []))
    .filter((k) => k !== '#text' && k !== ':@');
  for (let i = 1; i < names.length; i += 1) {
    const previous = names[i - 1] ?? '';
    const current = names[i] ?? '';
    if (previous.toLowerCase() > current.toLowerCase()) {
      return {
        message: `Top-level element <${current}> comes after <${previous}>; the schema order is alphabetical (${PERMISSION_SET_ELEMENTS.join(', ')}).`,
        fix: 'Move the element so that elements are grouped and sorted by name, as a retrieve writes them.'
      };
    }
  }
  return undefined;
}

/** Layouts, list views and compact layouts: every field they show exists. */
export function checkObjectViews(files: SourceFile[], model: ProjectModel): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    let m: RegExpMatchArray | null;
    let object: string | undefined;
    let fields: string[] = [];
    let context = '';
    if ((m = match(f.path, RE.layout))) {
      object = m[1];
      const doc = root(parseXml(f.text));
      fields = collect(child(doc, 'layoutSections'), 'field');
      context = 'Layout';
    } else if ((m = match(f.path, RE.listView))) {
      object = m[1];
      const doc = root(parseXml(f.text));
      // Standard columns of a list view are upper-case tokens (NAME, CREATED_DATE…): only real API names count.
      fields = [...collect(doc, 'columns'), ...collect(child(doc, 'filters'), 'field')].filter(
        (c) => !/^[A-Z0-9_.]+$/.test(c)
      );
      context = 'List view';
    } else if ((m = match(f.path, RE.compactLayout))) {
      object = m[1];
      fields = collect(root(parseXml(f.text)), 'fields');
      context = 'Compact layout';
    }
    if (object === undefined) {
      continue;
    }
    for (const field of fields) {
      const [obj, name] = field.includes('.') ? field.split('.') : [object, field];
      const p = checkField(model, obj ?? object, name ?? field, f.path, context);
      if (p) {
        problems.push(p);
      }
    }
  }
  return problems;
}

/** Report types, reports and dashboards: objects, columns and reports they use exist. */
export function checkAnalytics(files: SourceFile[], model: ProjectModel): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    if (RE.reportType.test(f.path)) {
      const doc = root(parseXml(f.text));
      const base = text(child(doc, 'baseObject')) ?? '';
      if (isCustomObject(base) && !model.objects.has(base)) {
        problems.push({
          check: 'object-reference',
          file: f.path,
          message: `Report type base object ${base} is not in the project.`,
          fix: `Create objects/${base}/ or fix <baseObject>.`
        });
      }
      for (const section of asArray(child(doc, 'sections'))) {
        for (const column of asArray(child(section, 'columns'))) {
          const table = text(child(column, 'table')) ?? '';
          const field = text(child(column, 'field')) ?? '';
          // A column's field may walk a lookup (Owner.Name, User__c.Name): the first hop is the field.
          const first = field.split('.')[0] ?? field;
          const hop = field.includes('.') && first.endsWith('__r') ? first.replace(/__r$/, '__c') : first;
          problems.push(...checkColumn(model, `${table}$${hop}`, f.path, 'Report type column'));
        }
      }
    } else if (RE.report.test(f.path)) {
      const doc = root(parseXml(f.text));
      const columns = [
        ...collect(child(doc, 'columns'), 'field'),
        ...collect(child(doc, 'groupingsDown'), 'field'),
        ...collect(child(doc, 'groupingsAcross'), 'field'),
        ...collect(child(doc, 'filter'), 'column')
      ];
      for (const column of columns) {
        problems.push(...checkColumn(model, column, f.path, 'Report column'));
      }
    } else if (RE.dashboard.test(f.path)) {
      const doc = root(parseXml(f.text));
      for (const report of collect(doc, 'report')) {
        if (!model.reports.has(report)) {
          problems.push({
            check: 'report-reference',
            file: f.path,
            message: `Dashboard component uses report ${report}, which is not in force-app/main/default/reports.`,
            fix: `Create reports/${report}.report-meta.xml or fix the <report> value (<Folder>/<ReportName>).`
          });
        }
      }
      for (const column of [...collect(doc, 'groupingColumn'), ...collect(doc, 'column')]) {
        problems.push(...checkColumn(model, column, f.path, 'Dashboard column'));
      }
    }
  }
  return problems;
}

function checkComponentName(
  model: ProjectModel,
  rawName: string,
  target: string | undefined,
  file: string,
  context: string
): Problem | undefined {
  // Base components have a namespace (force:, flexipage:, runtime_…:); ours have c: or none.
  if (rawName.includes(':') && !rawName.startsWith('c:')) {
    return undefined;
  }
  const name = rawName.replace(/^c:/, '');
  if (model.aura.has(name)) {
    return undefined;
  }
  const bundle = model.lwc.get(name);
  if (!bundle) {
    return {
      check: 'lwc-reference',
      file,
      message: `${context} uses component ${name}, which is not in force-app/main/default/lwc.`,
      fix: `Create lwc/${name}/ or fix the component name.`
    };
  }
  if (!bundle.exposed) {
    return {
      check: 'lwc-reference',
      file,
      message: `${context} uses component ${name}, which is not exposed.`,
      fix: `Set <isExposed>true</isExposed> in lwc/${name}/${name}.js-meta.xml.`
    };
  }
  if (target && !bundle.targets.has(target)) {
    return {
      check: 'lwc-reference',
      file,
      message: `${context} places component ${name} where it needs target ${target}, which its .js-meta.xml does not list.`,
      fix: `Add <target>${target}</target> to lwc/${name}/${name}.js-meta.xml.`
    };
  }
  return undefined;
}

/** Lightning pages, apps and tabs: components, pages, tabs and fields they use exist. */
export function checkPagesAndApps(files: SourceFile[], model: ProjectModel): Problem[] {
  const problems: Problem[] = [];
  const push = (p: Problem | undefined): void => {
    if (p) {
      problems.push(p);
    }
  };
  for (const f of files) {
    if (RE.flexipage.test(f.path)) {
      const doc = root(parseXml(f.text));
      const type = text(child(doc, 'type')) ?? '';
      const target = FLEXIPAGE_TARGETS[type];
      for (const name of collect(doc, 'componentName')) {
        push(checkComponentName(model, name, target, f.path, 'Lightning page'));
      }
      const object = text(child(doc, 'sobjectType'));
      for (const item of collect(doc, 'fieldItem')) {
        const field = item.replace(/^Record\./, '');
        if (object && !field.includes('.')) {
          push(checkField(model, object, field, f.path, 'Lightning page field'));
        }
      }
    } else if (RE.application.test(f.path)) {
      const doc = root(parseXml(f.text));
      const pages = [
        text(child(doc, 'utilityBar')),
        ...collect(child(doc, 'actionOverrides'), 'content'),
        ...collect(child(doc, 'profileActionOverrides'), 'content')
      ].filter((p): p is string => p !== undefined);
      for (const page of pages) {
        if (!model.flexipages.has(page)) {
          problems.push({
            check: 'page-reference',
            file: f.path,
            message: `App uses Lightning page ${page}, which is not in force-app/main/default/flexipages.`,
            fix: `Create flexipages/${page}.flexipage-meta.xml or fix the reference.`
          });
        }
      }
      for (const tab of collect(doc, 'tabs')) {
        if (!tab.startsWith('standard-') && !model.tabs.has(tab)) {
          problems.push({
            check: 'tab-reference',
            file: f.path,
            message: `App lists tab ${tab}, which is not in force-app/main/default/tabs.`,
            fix: `Create tabs/${tab}.tab-meta.xml or remove it from <tabs>.`
          });
        }
      }
    } else if (RE.tab.test(f.path)) {
      const doc = root(parseXml(f.text));
      const lwc = text(child(doc, 'lwcComponent'));
      if (lwc) {
        push(checkComponentName(model, lwc, 'lightning__Tab', f.path, 'Tab'));
      }
      const page = text(child(doc, 'flexiPage'));
      if (page && !model.flexipages.has(page)) {
        problems.push({
          check: 'page-reference',
          file: f.path,
          message: `Tab opens Lightning page ${page}, which is not in force-app/main/default/flexipages.`,
          fix: `Create flexipages/${page}.flexipage-meta.xml or fix <flexiPage>.`
        });
      }
      const name = match(f.path, RE.tab)?.[1] ?? '';
      if (text(child(doc, 'customObject')) === 'true' && !model.objects.has(name)) {
        problems.push({
          check: 'object-reference',
          file: f.path,
          message: `Object tab ${name} has no object ${name} in the project.`,
          fix: `Create objects/${name}/ or rename the tab after its object.`
        });
      }
    }
  }
  return problems;
}

/** Label names used by a component source (.ts, .html) or by Apex. */
export function labelReferences(file: SourceFile): string[] {
  const names = new Set<string>();
  if (RE.lwcSource.test(file.path)) {
    for (const m of file.text.matchAll(/@salesforce\/label\/c\.(\w+)/g)) {
      names.add(m[1] ?? '');
    }
  } else if (RE.apexSource.test(file.path)) {
    // Label.X and System.Label.X, not Label.get(…) nor a field named …Label.
    for (const m of file.text.matchAll(/(?<![\w.])(?:System\.)?Label\.(\w+)/g)) {
      if (m[1] !== 'get') {
        names.add(m[1] ?? '');
      }
    }
  }
  names.delete('');
  return [...names];
}

/** Every label used exists in CustomLabels, and every label has a French translation. */
export function checkLabels(files: SourceFile[], model: ProjectModel): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    for (const name of labelReferences(f)) {
      if (!model.labels.has(name)) {
        problems.push({
          check: 'label',
          file: f.path,
          message: `Uses custom label ${name}, which is not in labels/CustomLabels.labels-meta.xml.`,
          fix: `Add <labels><fullName>${name}</fullName>…</labels> (English) and its French translation.`
        });
      }
    }
  }
  const labelsFile = files.find((f) => RE.labels.test(f.path))?.path ?? 'labels/CustomLabels.labels-meta.xml';
  const frFile =
    files.find((f) => RE.frTranslation.test(f.path))?.path ??
    'force-app/main/default/translations/fr.translation-meta.xml';
  for (const name of [...model.labels].sort()) {
    if (!model.frLabels.has(name)) {
      problems.push({
        check: 'label-translation',
        file: frFile,
        message: `Custom label ${name} (${labelsFile}) has no French translation.`,
        fix: `Add <customLabels><label>…</label><name>${name}</name></customLabels> to ${frFile}.`
      });
    }
  }
  for (const name of [...model.frLabels].sort()) {
    if (!model.labels.has(name)) {
      problems.push({
        check: 'label-translation',
        file: frFile,
        message: `French translation for ${name}, which is not a custom label (the deploy would fail).`,
        fix: `Add ${name} to ${labelsFile} or remove the translation.`
      });
    }
  }
  return problems;
}

/** Every Apex class and trigger has its -meta.xml, and every -meta.xml its source. */
export function checkApexMeta(paths: string[]): Problem[] {
  const all = new Set(paths);
  const problems: Problem[] = [];
  for (const p of paths) {
    if (/\/(classes|triggers)\/[^/]+\.(cls|trigger)$/.test(p) && !all.has(`${p}-meta.xml`)) {
      problems.push({
        check: 'apex-meta',
        file: p,
        message: `${baseName(p)} has no ${baseName(p)}-meta.xml: it would be left out of the deployment without a word.`,
        fix: `Create ${p}-meta.xml with <apiVersion> and <status>Active</status> (copy a sibling's).`
      });
    }
    const meta = /^(.*\/(classes|triggers)\/[^/]+\.(cls|trigger))-meta\.xml$/.exec(p);
    if (meta && !all.has(meta[1] ?? '')) {
      problems.push({
        check: 'apex-meta',
        file: p,
        message: `${baseName(p)} has no source file ${baseName(meta[1] ?? '')}.`,
        fix: 'Add the source or delete the orphan -meta.xml.'
      });
    }
  }
  return problems;
}

/** Runs every pure check. */
export function runChecks(files: SourceFile[]): Problem[] {
  const model = buildModel(files);
  return [
    ...checkWellFormed(files),
    ...checkApexMeta(files.map((f) => f.path)),
    ...checkPermissionSets(files, model),
    ...checkObjectViews(files, model),
    ...checkAnalytics(files, model),
    ...checkPagesAndApps(files, model),
    ...checkLabels(files, model)
  ];
}
