// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');
const swcCommonJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }];

module.exports = {
  ...base,
  // d3-color >= 3.1.1 ships only .mjs, which the scaffold's transform does not match.
  transform: { ...base.transform, '^.+\\.mjs$': swcCommonJs },
  testMatch: [...base.testMatch, '<rootDir>/tools/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.ts'],
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, 'd3-shape', 'd3-path'])],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
};
