/**
 * One jest config for the whole workspace. Tests run from TypeScript sources
 * through @swc/jest (decorator metadata on, for type-graphql); the separate
 * `tsc -b` in `npm test` is the type check. Workspace packages are mapped to
 * their sources so a test never needs a build first.
 * @type {import('jest').Config}
 */
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] };
const moduleNameMapper = {
  '^@govgraph/sdk$': '<rootDir>/sdk/src/index.ts',
  '^@govgraph/sdk/testing$': '<rootDir>/sdk/src/testing/index.ts',
  '^@govgraph/connector-(rest|soap|sql|file)$': '<rootDir>/connectors/$1/src/index.ts',
  '^@govgraph/subgraph-(users|services|licences|cases|social-insurance)$': '<rootDir>/subgraphs/$1/src/index.ts',
  '^@govgraph/gateway$': '<rootDir>/gateway/src/index.ts',
  '^@govgraph/gateway/cli$': '<rootDir>/gateway/src/cli/index.ts',
  '^@govgraph/legacy$': '<rootDir>/examples/legacy/src/index.ts',
  '^@govgraph/example-platform$': '<rootDir>/examples/platform/src/index.ts',
  '^@govgraph/test$': '<rootDir>/test/src/index.ts',
  '^@govgraph/bench$': '<rootDir>/bench/src/index.ts',
};
const common = {
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

module.exports = {
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/src/plain-summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/src/**/__tests__/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/test/src/jest-integration-setup.js'],
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/examples/*/__integration-tests__/**/*.test.ts'],
    },
  ],
};
