// Browser tests: real headless Chromium (Debian package) driving harness/dist. Run after `npm run build:harness`.
process.env.TZ = 'UTC';

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true } } }],
  },
  testTimeout: 60000,
  maxWorkers: 1,
  modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/compat/'],
};
