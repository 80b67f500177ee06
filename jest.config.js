// One Jest configuration, two projects: Lightning Web Components (sfdx-lwc-jest, jsdom)
// and the Node programs in scripts/ and test/ (ts-jest, node).
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  // Generous per-test limit: component tests that pass in 1 s alone took over 5 s on a loaded 2-core machine.
  testTimeout: 30000,
  coverageProvider: 'v8',
  collectCoverageFrom: [
    'force-app/main/default/lwc/**/*.ts',
    'scripts/**/*.ts',
    '!**/__tests__/**',
    '!**/*.d.ts'
  ],
  projects: [
    {
      ...lwcJestConfig,
      displayName: 'lwc',
      testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
      setupFilesAfterEnv: [
        ...(lwcJestConfig.setupFilesAfterEnv || []),
        '<rootDir>/force-app/test/jest-setup.js'
      ]
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/scripts/**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/setup/node-realm.ts'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/tsconfig.json' }]
      },
      moduleFileExtensions: ['ts', 'js', 'json'],
      // A component module (c/name) a Node program reaches through a pure module (actionRanking's calendar
      // rule, c/waveReadiness): its TypeScript source, as tsconfig.json's paths give it to tsc and tsx.
      moduleNameMapper: { '^c/(\\w+)$': '<rootDir>/force-app/main/default/lwc/$1/$1.ts' }
    }
  ]
};
