// Lightning Web Component bundles: every bundle has its configuration file, and the file follows the
// documented configuration schema.
//
// Source: "XML Configuration File Elements" (https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags)
// and its target pages (…/targets-lightning-app-page.html, targets-lightning-home-page.html,
// targets-lightning-record-page.html, targets-lightning-record-action.html) and "Configure Your Component
// for Different Form Factors" (…/use-config-form-factors.html):
// - "Each Lightning web component folder must include a configuration file named componentName.js-meta.xml"
//   (service modules too: without it the deploy fails with "Cannot find Lightning Component Bundle"
//   for every bundle that imports it, while source-deploy-retrieve converts the bundle without a word);
// - <targetConfig targets="…">: each target listed must also be in <targets>;
// - <property name type …>: name matches a public (@api) property of the component; type is one of the
//   types the target accepts; Integer min/max/default are integers, Boolean defaults true/false;
// - <supportedFormFactors><supportedFormFactor type="Large|Small"/>; Home pages support only Large;
// - lightning__RecordAction and lightning__GlobalAction take no properties.
// The top-level elements themselves (apiVersion, isExposed, targets…) are checked against the
// Metadata API type LightningComponentBundle by checks/metadata-schema.ts.
import { XMLParser } from 'fast-xml-parser';
import type { Problem, SourceFile } from '../metadata-checks.ts';

/** Targets documented on the configuration file reference page. */
export const LWC_TARGETS: ReadonlySet<string> = new Set([
  'analytics__Dashboard',
  'lightning__AgentforceInput',
  'lightning__AgentforceOutput',
  'lightning__AppPage',
  'lightning__Dashboard',
  'lightning__EnablementProgram',
  'lightning__FlowAction',
  'lightning__FlowScreen',
  'lightning__GlobalAction',
  'lightning__HomePage',
  'lightning__Inbox',
  'lightning__PropertyEditor',
  'lightning__RecordAction',
  'lightning__RecordPage',
  'lightning__Tab',
  'lightning__UrlAddressable',
  'lightning__UtilityBar',
  'lightning__VoiceExtension',
  'lightningCommunity__Default',
  'lightningCommunity__Page',
  'lightningCommunity__Page_Layout',
  'lightningCommunity__Theme_Layout',
  'lightningSnapin__ChatHeader',
  'lightningSnapin__ChatMessage',
  'lightningSnapin__Minimized',
  'lightningSnapin__PreChat',
  'lightningStatic__Email'
]);

/** Property types of the Lightning App Builder targets ("valid for all targets": Boolean, Integer, String; Color). */
const APP_BUILDER_TYPES = ['Boolean', 'Integer', 'String', 'Color'];

/** Property types by target, for the targets whose page lists them; other targets are not checked. */
export const PROPERTY_TYPES: Readonly<Record<string, readonly string[]>> = {
  lightning__AppPage: APP_BUILDER_TYPES,
  lightning__HomePage: APP_BUILDER_TYPES,
  lightning__RecordPage: APP_BUILDER_TYPES,
  lightning__UtilityBar: APP_BUILDER_TYPES,
  lightning__Inbox: APP_BUILDER_TYPES
};

/** Targets that take no <property> ("lightning__RecordAction doesn't support component properties"). */
const NO_PROPERTIES = new Set(['lightning__RecordAction', 'lightning__GlobalAction']);

/** Form factors by target; a target not listed here supports Large and Small. */
const FORM_FACTORS: Readonly<Record<string, readonly string[]>> = {
  lightning__HomePage: ['Large']
};

/** Children a <targetConfig> may hold. */
const TARGET_CONFIG_CHILDREN = new Set([
  'property',
  'objects',
  'supportedFormFactors',
  'actionType',
  'event',
  'propertyType',
  'sourceType',
  'dataset'
]);

const PROPERTY_ATTRIBUTES = new Set([
  'name',
  'type',
  'label',
  'description',
  'default',
  'required',
  'min',
  'max',
  'datasource',
  'placeholder',
  'role',
  'exposedTo',
  'editor'
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['target', 'targetConfig', 'property', 'supportedFormFactor', 'object'].includes(name)
});

type Node = Record<string, unknown>;
const asNode = (value: unknown): Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
const asNodes = (value: unknown): Node[] => (Array.isArray(value) ? value.map(asNode) : []);
/** An attribute's value (attributes are parsed as strings). */
const attr = (node: Node, name: string): string | undefined => {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value : undefined;
};

const BUNDLE = /^(.*\/lwc)\/([^/]+)\//;

/**
 * Every folder under an `lwc` folder is a bundle and needs `<name>/<name>.js-meta.xml`.
 * @param paths every file of the package directories (project-relative, forward slashes), .forceignore'd
 *   sources included (a bundle with only a .ts is a bundle too)
 */
export function checkBundleFiles(paths: string[]): Problem[] {
  const all = new Set(paths);
  const bundles = new Map<string, string>();
  for (const p of paths) {
    const m = BUNDLE.exec(p);
    if (m && !m[2]?.startsWith('.') && !m[2]?.startsWith('__')) {
      bundles.set(`${m[1]}/${m[2]}`, m[2] ?? '');
    }
  }
  const problems: Problem[] = [];
  for (const [folder, name] of [...bundles.entries()].sort()) {
    const meta = `${folder}/${name}.js-meta.xml`;
    if (!all.has(meta)) {
      problems.push({
        check: 'lwc-bundle',
        file: folder,
        message: `Bundle ${name} has no configuration file ${name}.js-meta.xml (LightningComponentBundle): every component folder, service modules included, needs one, or the deploy fails with "Cannot find Lightning Component Bundle ${name}" for every component that imports it`,
        fix: `Create ${meta} with <apiVersion> and <isExposed>false</isExposed> (a sibling bundle's file shows the form).`
      });
    }
  }
  return problems;
}

/**
 * The converted package (metadata format) must carry each bundle's configuration file: the converter
 * emits a bundle without it and reports success.
 * @param outputs paths of the converted package's files, relative to its root (`lwc/name/name.js`…)
 * @param sourceFolders bundle name → its source folder (project-relative), to name the file to fix
 */
export function checkConvertedBundles(
  outputs: string[],
  sourceFolders: ReadonlyMap<string, string> = new Map()
): Problem[] {
  const all = new Set(outputs);
  const names = new Set(
    outputs.map((o) => /^lwc\/([^/]+)\//.exec(o)?.[1]).filter((n): n is string => n !== undefined)
  );
  return [...names].sort().flatMap((name) =>
    all.has(`lwc/${name}/${name}.js-meta.xml`)
      ? []
      : [
          {
            check: 'lwc-bundle',
            file: sourceFolders.get(name) ?? `lwc/${name}`,
            message: `The converted package has bundle ${name} (lwc/${name}/) without ${name}.js-meta.xml: the deploy would fail with "Cannot find Lightning Component Bundle ${name}"`,
            fix: `Create ${sourceFolders.get(name) ?? `lwc/${name}`}/${name}.js-meta.xml.`
          }
        ]
  );
}

/** Public properties declared with @api in a component's TypeScript or JavaScript source. */
export function apiProperties(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/@api\s+(?:(?:get|set|accessor|readonly|declare)\s+)?(\w+)/g)) {
    names.add(m[1] ?? '');
  }
  return names;
}

/**
 * Checks the configuration files against the documented schema.
 * @param files source files: the .js-meta.xml files and the component sources (.ts) for @api names
 */
export function checkBundleConfigs(files: SourceFile[]): Problem[] {
  const problems: Problem[] = [];
  const sources = new Map(files.map((f) => [f.path, f.text]));
  for (const file of files) {
    const m = /^(.*\/lwc\/([^/]+))\/\2\.js-meta\.xml$/.exec(file.path);
    if (!m) {
      continue;
    }
    const [, folder = '', name = ''] = m;
    const push = (element: string, message: string, fix: string): void => {
      problems.push({ check: 'lwc-config', file: file.path, message: `${message} (${element})`, fix });
    };
    let doc: Node;
    try {
      doc = asNode(asNode(parser.parse(file.text)).LightningComponentBundle);
    } catch {
      continue; // not well formed: reported by the xml check
    }
    const targets = asNode(doc.targets).target;
    const declared = new Set((Array.isArray(targets) ? targets : []).map(String));
    for (const target of declared) {
      if (!LWC_TARGETS.has(target)) {
        push(
          'LightningComponentBundle.targets.target',
          `\`target\` value \`${target}\` is not a documented target`,
          `Use one of: ${[...LWC_TARGETS].join(', ')}.`
        );
      }
    }
    const source = sources.get(`${folder}/${name}.ts`) ?? sources.get(`${folder}/${name}.js`) ?? '';
    const publicProperties = apiProperties(source);
    for (const config of asNodes(asNode(doc.targetConfigs).targetConfig)) {
      const configTargets = (attr(config, 'targets') ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '');
      const where = `LightningComponentBundle.targetConfigs.targetConfig[targets=${configTargets.join(',')}]`;
      if (configTargets.length === 0) {
        push(
          where,
          '<targetConfig> has no `targets` attribute',
          'Add targets="…" naming targets of <targets>.'
        );
      }
      for (const target of configTargets.filter((t) => !declared.has(t))) {
        push(
          where,
          `targetConfig target \`${target}\` is not listed in <targets>`,
          `Add <target>${target}</target> to <targets> or remove it from the targetConfig.`
        );
      }
      for (const key of Object.keys(config).filter((k) => !k.startsWith('@') && k !== '#text')) {
        if (!TARGET_CONFIG_CHILDREN.has(key)) {
          push(
            `${where}.${key}`,
            `\`${key}\` is not an element of targetConfig`,
            `Use only ${[...TARGET_CONFIG_CHILDREN].join(', ')}.`
          );
        }
      }
      for (const property of asNodes(config.property)) {
        const propertyName = attr(property, 'name') ?? '';
        const type = attr(property, 'type');
        const at = `${where}.property[name=${propertyName}]`;
        for (const attribute of Object.keys(property).filter((k) => k.startsWith('@'))) {
          if (!PROPERTY_ATTRIBUTES.has(attribute.slice(1))) {
            push(
              at,
              `\`${attribute.slice(1)}\` is not an attribute of property`,
              `Use only ${[...PROPERTY_ATTRIBUTES].join(', ')}.`
            );
          }
        }
        if (propertyName === '') {
          push(at, 'property has no `name`', 'Add name="…", the @api property it sets.');
        } else if (source !== '' && !publicProperties.has(propertyName)) {
          push(
            at,
            `property \`${propertyName}\` is not a public (@api) property of ${name}`,
            `Declare \`@api ${propertyName}\` in ${name}.ts or fix the name.`
          );
        }
        for (const target of configTargets) {
          if (NO_PROPERTIES.has(target)) {
            push(at, `target ${target} takes no properties`, 'Move the property to another targetConfig.');
          }
          const allowed = PROPERTY_TYPES[target];
          if (allowed && (type === undefined || !allowed.includes(type))) {
            push(
              at,
              `property \`type\` value \`${type ?? '(none)'}\` is not a property type of ${target}; allowed: ${allowed.join(', ')}`,
              `Set type to one of ${allowed.join(', ')}.`
            );
          }
        }
        if (type === 'Integer') {
          for (const attribute of ['default', 'min', 'max']) {
            const value = attr(property, attribute);
            if (value !== undefined && !/^-?\d+$/.test(value)) {
              push(
                at,
                `Integer property \`${attribute}\` value \`${value}\` is not an integer`,
                `Write an integer.`
              );
            }
          }
        }
        const booleanDefault = attr(property, 'default');
        if (type === 'Boolean' && booleanDefault !== undefined && !/^(true|false)$/.test(booleanDefault)) {
          push(
            at,
            `Boolean property default \`${booleanDefault}\` is not true or false`,
            'Write true or false.'
          );
        }
      }
      for (const factor of asNodes(asNode(config.supportedFormFactors).supportedFormFactor)) {
        const type = attr(factor, 'type') ?? '';
        for (const target of configTargets) {
          const allowed = FORM_FACTORS[target] ?? ['Large', 'Small'];
          if (!allowed.includes(type)) {
            push(
              `${where}.supportedFormFactors.supportedFormFactor`,
              `supportedFormFactor \`type\` value \`${type}\` is not a form factor of ${target}; allowed: ${allowed.join(', ')}`,
              target === 'lightning__HomePage'
                ? 'Home pages support only the Large form factor: remove the other ones.'
                : 'Use Large (desktop) or Small (phone).'
            );
          }
        }
      }
    }
  }
  return problems;
}
