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
      moduleFileExtensions: ['ts', 'js', 'json']
    }
  ]
};
