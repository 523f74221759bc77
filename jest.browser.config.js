// Browser tests: real headless Chromium (Debian package) driving harness/dist. Run after `npm run build:harness`.
// The test files themselves run in Node; they load the core (and @grafana/data) to know what the page must show.
process.env.TZ = 'UTC';

const unit = require('./jest.config');

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  transform: unit.transform,
  transformIgnorePatterns: unit.transformIgnorePatterns,
  moduleNameMapper: unit.moduleNameMapper,
  modulePaths: unit.modulePaths,
  modulePathIgnorePatterns: unit.modulePathIgnorePatterns,
  testTimeout: 60000,
  maxWorkers: 1,
};
