// ESLint flat configuration, split by glob:
// - Lightning Web Components (TypeScript): Salesforce's recommended LWC rules (recommendedTs).
// - Component tests: the same, plus jest globals.
// - Node programs and their tests (scripts/, test/): typescript-eslint strict, type-aware.
import { createRequire } from 'node:module';
import eslintJs from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');

// force-app/test/*.ts: helpers shared by the component tests, linted like them.
const LWC_TS = ['force-app/**/lwc/**/*.ts', 'force-app/test/**/*.ts'];
const LWC_TESTS = ['force-app/**/lwc/**/__tests__/**/*.ts', 'force-app/test/**/*.ts'];
const NODE_TS = ['scripts/**/*.ts', 'scripts/**/*.mts', 'test/**/*.ts'];

/** Limits a shared config (written without `files`) to the given globs. */
const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      // The compiled sync (npm run build:sync).
      'lib/**',
      'reports/**',
      'data/sample-export/**',
      '.bench/**',
      '.sf/**',
      '.sfdx/**',
      // Compiled output of the component .ts sources.
      'force-app/main/default/lwc/**/*.js',
      // The browser gate's own test components and stand-ins (LWC JavaScript with decorators).
      'test/browser/fixtures/**'
    ]
  },

  // Plain JavaScript configuration files at the root and the jest setup (CommonJS, Node).
  {
    files: ['*.js', '*.cjs', 'force-app/test/**/*.js'],
    ...eslintJs.configs.recommended,
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest } }
  },
  {
    files: ['*.mjs'],
    ...eslintJs.configs.recommended,
    languageOptions: { sourceType: 'module', globals: { ...globals.node } }
  },

  // Lightning Web Components in TypeScript.
  ...scoped(lwcConfig.configs.recommendedTs, LWC_TS),
  {
    files: LWC_TS,
    // The Babel parser of recommendedTs does not see type-only uses: imported types look unused and
    // interface members named like window globals (name, status) look like restricted globals.
    // The typescript-eslint parser produces the same ESTree for the LWC rules and knows types.
    languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // TypeScript itself (npm run build) reports undefined names; the rule does not know TS types.
      'no-undef': 'off',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': 'error',
      // Platform modules (lightning/*, @salesforce/*, c/*) resolve only on the platform and in jest.
      'import/no-unresolved': 'off'
    }
  },
  {
    // Type-aware, as the Node code: a promise nobody awaits or catches, and a condition that is always
    // true or false by its types, are errors. The components' tsconfig and the tests' (npm run build
    // type-checks both) give the types.
    files: LWC_TS,
    languageOptions: {
      parserOptions: {
        project: [
          'force-app/main/default/lwc/tsconfig.json',
          'force-app/main/default/lwc/tsconfig.test.json'
        ],
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      // `void promise;` marks a promise deliberately not awaited (no-floating-promises' ignoreVoid), as
      // typescript-eslint documents; void elsewhere stays an error.
      'no-void': ['error', { allowAsStatement: true }]
    }
  },
  {
    files: LWC_TESTS,
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    // Some tests still carry a disable comment for the rules turned off below: not an error.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      // Tests drive wire adapters directly (getRecord.emit, graphql.emit) and flush promises with
      // setTimeout, as lwc-recipes does; neither runs in the org.
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
      '@lwc/lwc/no-async-operation': 'off'
    }
  },

  // Node programs and their tests: strict and type-aware.
  ...scoped(tseslint.configs.strictTypeChecked, NODE_TS),
  {
    files: NODE_TS,
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }]
    }
  },
  {
    files: ['scripts/**/__tests__/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } }
  }
);
