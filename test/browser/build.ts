// Rollup build of the browser gate: one bundle per component and language, made of
// @lwc/synthetic-shadow (first), the LWC engine, the component (tsc output .js in
// force-app/main/default/lwc) with its children and the lightning-base-components it uses, and the
// fixture modules of test/browser/platform in place of the platform's data modules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rollup, type Plugin, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import type { Language } from './labels.ts';

export const ROOT = path.resolve(__dirname, '../..');
export const LWC_DIR = path.join(ROOT, 'force-app/main/default/lwc');
export const FIXTURE_LWC_DIR = path.join(ROOT, 'test/browser/fixtures/lwc/c');
const PLATFORM_DIR = path.join(ROOT, 'test/browser/platform');

/** `c/<name>` modules: every folder with `<name>/<name>.js` in the project and the gate's fixtures. */
export function componentModules(): Map<string, string> {
  const modules = new Map<string, string>();
  for (const dir of [LWC_DIR, FIXTURE_LWC_DIR]) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name, `${entry.name}.js`);
      if (entry.isDirectory() && existsSync(file)) modules.set(entry.name, file);
    }
  }
  return modules;
}

/**
 * `lightning/*` components that need Lightning Data Service and are not in lightning-base-components
 * (lightning-record-edit-form, lightning-input-field): stand-ins in test/browser/fixtures/lwc/lightning.
 */
function standIns(): { name: string; path: string }[] {
  const dir = path.join(ROOT, 'test/browser/fixtures/lwc/lightning');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: `lightning/${entry.name}`,
      path: path.join(dir, entry.name, `${entry.name}.js`)
    }));
}

function apiVersion(): number {
  const project = JSON.parse(readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8')) as {
    sourceApiVersion?: string;
  };
  return Number.parseInt(project.sourceApiVersion ?? '65.0', 10);
}

/** The @salesforce/i18n values of the running user; others come from lightning-base-components. */
const I18N: Record<Language, Record<string, string | number>> = {
  en: {
    lang: 'en-US',
    locale: 'en-US',
    dir: 'ltr',
    timeZone: 'America/Los_Angeles',
    currency: 'USD',
    firstDayOfWeek: 1,
    'number.decimalSeparator': '.',
    'number.groupingSeparator': ','
  },
  fr: {
    lang: 'fr',
    locale: 'fr-FR',
    dir: 'ltr',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    firstDayOfWeek: 2,
    'number.decimalSeparator': ',',
    'number.groupingSeparator': '\u202f'
  }
};

const I18N_KEYS = new Set(Object.keys(I18N.en).map((key) => `@salesforce/i18n/${key}`));

const PLATFORM_FILES: Record<string, string> = {
  '@salesforce/apex': 'apex.js',
  'lightning/uiRecordApi': 'uiRecordApi.js',
  'lightning/graphql': 'graphql.js',
  'lightning/navigation': 'navigation.js',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.js',
  'lightning/platformShowToastEvent': 'events.js',
  'lightning/refresh': 'events.js'
};

/**
 * Base-component gates closed here: form-associated comboboxes call attachInternals(), which synthetic
 * shadow (as in Lightning Experience) does not support. Every other gate keeps the package's stub (open).
 */
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);

const VIRTUAL = '\0browser-gate:';
const ENTRY = 'browser-gate:entry/';
const LABEL = `${VIRTUAL}@salesforce/label/c.`;

function schemaValue(reference: string): string {
  const [objectApiName = '', ...field] = reference.split('.');
  return JSON.stringify(field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName });
}

/** Module edges seen while resolving, to tell which components a failing module belongs to. */
type Importers = Map<string, Set<string>>;

/**
 * Resolves the platform's modules to fixtures. Labels and i18n values are read at run time from the
 * page's scenario (its language), so one build serves English and French.
 */
function platformModules(importers: Importers, pages: Record<string, string[]>): Plugin {
  const platform = (file: string) => JSON.stringify(path.join(PLATFORM_DIR, file));
  const registry = platform('registry.js');
  const note = (id: string, importer: string | undefined) => {
    if (!importer) return;
    const set = importers.get(id) ?? new Set<string>();
    set.add(importer);
    importers.set(id, set);
  };
  return {
    name: 'browser-gate-platform',
    async resolveId(source, importer, options) {
      let id: string | null = null;
      if (source.startsWith(ENTRY)) return VIRTUAL + source;
      if (CLOSED_GATES.has(source)) return `${VIRTUAL}closed-gate`;
      if (PLATFORM_FILES[source]) id = path.join(PLATFORM_DIR, PLATFORM_FILES[source]);
      else if (
        /^@salesforce\/(label\/c\.|apex\/|schema\/|user\/|customPermission\/|userPermission\/|resourceUrl\/|contentAssetUrl\/|messageChannel\/)/.test(
          source
        ) ||
        I18N_KEYS.has(source)
      ) {
        id = VIRTUAL + source;
      } else {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved) {
          this.error({
            message: `cannot resolve "${source}" from ${importer ?? 'the entry'}: give it a fixture module in test/browser/platform (see test/browser/build.ts)`,
            id: importer
          });
        }
        note(resolved.id, importer);
        return resolved;
      }
      note(id, importer);
      return id;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const source = id.slice(VIRTUAL.length);
      if (source === 'closed-gate') return 'export default { isOpen: () => false };';
      if (source.startsWith(ENTRY) && pages[source.slice(ENTRY.length)]) {
        // A composed page: every component its flexipage places, mounted in its region in order.
        const components = [...new Set(pages[source.slice(ENTRY.length)] ?? [])];
        return [
          `import '@lwc/synthetic-shadow';`,
          `import { createElement } from 'lwc';`,
          `import { scenario } from ${registry};`,
          `import ${platform('events.js')};`,
          ...components.map((c, i) => `import C${i} from 'c/${c}';`),
          `const modules = { ${components.map((c, i) => `${JSON.stringify(c)}: C${i}`).join(', ')} };`,
          `try {`,
          `  for (const placement of scenario.mount || []) {`,
          `    const tag = 'c-' + placement.component.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());`,
          `    const host = createElement(tag, { is: modules[placement.component] });`,
          `    Object.assign(host, placement.props || {});`,
          `    document.getElementById(placement.slot).appendChild(host);`,
          `  }`,
          `  window.__browserGate.mounted = true;`,
          `} catch (error) {`,
          `  console.error('[browser-gate] the page did not mount', error);`,
          `}`
        ].join('\n');
      }
      if (source.startsWith(ENTRY)) {
        const component = source.slice(ENTRY.length);
        return [
          `import '@lwc/synthetic-shadow';`,
          `import { createElement } from 'lwc';`,
          `import { scenario } from ${registry};`,
          `import ${platform('events.js')};`,
          `import Component from 'c/${component}';`,
          `try {`,
          `  const host = createElement(scenario.tag, { is: Component });`,
          `  Object.assign(host, scenario.props || {});`,
          `  document.getElementById('root').appendChild(host);`,
          `  window.__browserGate.mounted = true;`,
          `} catch (error) {`,
          `  console.error('[browser-gate] the component did not mount', error);`,
          `}`
        ].join('\n');
      }
      const [, kind = '', rest = ''] = /^@salesforce\/([^/]+)\/(.*)$/.exec(source) ?? [];
      switch (kind) {
        case 'label':
          return `import { label } from ${registry};\nexport default label(${JSON.stringify(rest.slice('c.'.length))});`;
        case 'apex':
          return `import { apexMethod } from ${platform('apex.js')};\nexport default apexMethod(${JSON.stringify(rest)});`;
        case 'schema':
          return `export default ${schemaValue(rest)};`;
        case 'user':
          return [
            `import { scenario } from ${registry};`,
            rest === 'Id'
              ? `export default scenario.userId || '005000000000001AAA';`
              : `export default Boolean((scenario.user || {})[${JSON.stringify(rest)}]);`
          ].join('\n');
        case 'customPermission':
        case 'userPermission':
          return `import { scenario } from ${registry};\nexport default Boolean((scenario.permissions || {})[${JSON.stringify(rest)}]);`;
        case 'i18n': {
          const values = { en: I18N.en[rest], fr: I18N.fr[rest] };
          return `import { scenario } from ${registry};\nconst values = ${JSON.stringify(values)};\nexport default scenario.language === 'fr' ? values.fr : values.en;`;
        }
        case 'resourceUrl':
        case 'contentAssetUrl':
          return `export default ${JSON.stringify(`/static/${rest}`)};`;
        case 'messageChannel':
          return `export default ${JSON.stringify({ channel: rest })};`;
        default:
          return null;
      }
    }
  };
}

export interface BuiltComponent {
  /** The entry's file name inside the output folder, when the build succeeded. */
  file?: string;
  /** Custom labels the component imports (its own and its children's). */
  labels: string[];
  /** Why it could not be built. */
  error?: string;
}

/** Components whose entry reaches module `id` through the recorded imports. */
function entriesReaching(id: string, importers: Importers, entries: string[]): string[] {
  const seen = new Set<string>([id]);
  const queue = [id];
  while (queue.length) {
    const next = queue.shift() as string;
    for (const importer of importers.get(next) ?? []) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return entries.filter((component) => seen.has(VIRTUAL + ENTRY + component));
}

/**
 * Builds one entry per component into `outDir` (shared chunks for the engine and base components), and
 * one per composed page (`pages`: entry name → the components its flexipage places, mounted where the
 * page's scenario says, `scenario.mount`).
 * A component that does not build is reported with its error and left out, and the others still build.
 */
export async function buildComponents(
  components: string[],
  outDir: string,
  pages: Record<string, string[]> = {}
): Promise<Map<string, BuiltComponent>> {
  const results = new Map<string, BuiltComponent>();
  let remaining = [...new Set([...components, ...Object.keys(pages)])];
  const modules = [
    ...[...componentModules()].map(([name, filePath]) => ({ name: `c/${name}`, path: filePath })),
    ...standIns()
  ];
  while (remaining.length) {
    const importers: Importers = new Map();
    const labelsByEntry = new Map<string, string[]>();
    const input = Object.fromEntries(remaining.map((c) => [c, ENTRY + c]));
    try {
      const bundle = await rollup({
        input,
        onLog(level: string, log: RollupLog, handler) {
          // Circular imports and compiler warnings inside lightning-base-components are theirs.
          if (level === 'warn' && log.code === 'CIRCULAR_DEPENDENCY') return;
          if (log.id?.includes(`${path.sep}node_modules${path.sep}`)) return;
          handler(level as 'warn', log);
        },
        plugins: [
          platformModules(importers, pages),
          lwc({
            rootDir: ROOT,
            modules: [...modules, { npm: 'lightning-base-components' }],
            apiVersion: apiVersion() as never
          }),
          replace({
            preventAssignment: true,
            values: {
              'process.env.NODE_ENV': JSON.stringify('development'),
              'import.meta.env.SSR': 'false'
            }
          }),
          nodeResolve({ browser: true }),
          {
            name: 'browser-gate-labels',
            buildEnd() {
              for (const component of remaining) {
                const found = new Set<string>();
                const seen = new Set<string>();
                const queue = [VIRTUAL + ENTRY + component];
                while (queue.length) {
                  const id = queue.shift() as string;
                  if (seen.has(id)) continue;
                  seen.add(id);
                  if (id.startsWith(LABEL)) found.add(id.slice(LABEL.length));
                  const info = this.getModuleInfo(id);
                  if (info) queue.push(...info.importedIds, ...info.dynamicallyImportedIds);
                }
                labelsByEntry.set(component, [...found].sort());
              }
            }
          }
        ]
      });
      await bundle.write({
        dir: outDir,
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js'
      });
      await bundle.close();
      for (const component of remaining) {
        results.set(component, {
          file: `${component}.js`,
          labels: labelsByEntry.get(component) ?? []
        });
      }
      remaining = [];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const id = (error as { id?: string }).id;
      const culprits = id ? entriesReaching(id, importers, remaining) : [];
      const failed = culprits.length ? culprits : remaining;
      for (const component of failed) {
        results.set(component, {
          labels: [],
          error: id ? `${message} (in ${path.relative(ROOT, id)})` : message
        });
      }
      remaining = remaining.filter((c) => !failed.includes(c));
    }
  }
  return results;
}
