// knip (npm test, gate "knip"): unused files, unused exports and types, and dependencies that package.json
// and the imports disagree on. Entry points knip cannot find itself are listed here, each with why.
import { readdirSync } from 'node:fs';
import type { KnipConfig } from 'knip';

const LWC = 'force-app/main/default/lwc';
const bundles = readdirSync(LWC, { withFileTypes: true }).filter((d) => d.isDirectory());

const config: KnipConfig = {
  entry: [
    // Each component bundle's module: the platform (and the browser gate) loads `c/<name>` by name. Its
    // other modules are reached by import: knip runs on a copy of the sources (scripts/tools/knip-sources.ts),
    // so a compiled .js beside them cannot hide them.
    ...bundles.map((b) => `${LWC}/${b.name}/${b.name}.ts`),
    // The sf command: oclif loads it from the compiled folder named by package.json "oclif.commands".
    'scripts/sync/commands/**/*.mts',
    // Child processes started by path: the bench's measured runs.
    'scripts/bench/bench-child.ts',
    'scripts/bench/live-api-calls.ts',
    'scripts/bench/duckdb-e2e.ts',
    // The simulator as its own process, started by path by the live bench (live-api-calls.ts).
    'test/salesforce-simulator/main.ts',
    // The browser gate loads its scenarios by folder listing, and bundles its platform stand-ins and
    // fixture components by path with rollup (test/browser/build.ts).
    'test/browser/scenarios/*.ts',
    'test/browser/platform/*.js',
    'test/browser/fixtures/lwc/**/*.js'
  ],
  project: [
    `${LWC}/**/*.ts`,
    'scripts/**/*.{ts,mts}',
    'test/**/*.{ts,js}',
    'force-app/test/**/*.{ts,js}',
    'types/**/*.ts'
  ],
  // `c/<name>` is the bundle's module, as in lwc/tsconfig.json.
  paths: Object.fromEntries(bundles.map((b) => [`c/${b.name}`, [`${LWC}/${b.name}/${b.name}.ts`]])),
  // A constant or type exported and used in its own module is part of that module's documented shape
  // (limits, defaults, result types); one exported and used nowhere is still reported.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Platform modules: resolved by Salesforce at run time, by jest's moduleNameMapper and the browser
    // gate's stand-ins here; they are not npm packages.
    /^@salesforce\/(apex|label|i18n|schema|user|client|resourceUrl|customPermission|userPermission)(\/|$)/,
    'lightning',
    // Loaded by path or by rollup in the browser gate (scripts/tools/browser-tests.ts, test/browser/build.ts):
    // SLDS stylesheet, axe-core's script, the LWC engine, synthetic shadow and the base components.
    '@salesforce-ux/design-system',
    'axe-core',
    '@lwc/engine-dom',
    '@lwc/synthetic-shadow',
    'lightning-base-components',
    // Named by @salesforce/sfdx-lwc-jest's jest configuration (jest.config.js spreads it) and installed
    // with it.
    '@lwc/jest-preset',
    '@lwc/jest-transformer',
    '@lwc/jest-serializer',
    'jest-environment-jsdom',
    // Types of the components (lwc/tsconfig.json "types" / the LWC type package).
    '@salesforce/lightning-types'
  ]
};

export default config;
