// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const swcCommonJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }];

module.exports = {
  ...base,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    // React 19's react-dom/server resolves to the browser build, which needs MessageChannel (absent in jsdom).
    '^react-dom/server$': 'react-dom/server.node',
  },
  // d3-color >= 3.1.1 ships only .mjs, which the scaffold's transform does not match.
  transform: { ...base.transform, '^.+\\.mjs$': swcCommonJs },
  // ESM-only packages: d3-shape (our arcs) and, with @grafana/ui 13.2, @react-hookz/web and @ver0/deep-equal.
  transformIgnorePatterns: [
    nodeModulesToTransform([...grafanaESModules, 'd3-shape', 'd3-path', '@react-hookz/web', '@ver0/deep-equal']),
  ],
  testMatch: [
    ...base.testMatch,
    '<rootDir>/tools/**/*.test.ts',
    '<rootDir>/tests/unit/**/*.test.ts',
    '<rootDir>/tests/robustness/**/*.test.tsx',
  ],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
  // .tmp/react19 holds a copy of the project for the React 19 run (scripts/compat-react19.mjs).
  modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/compat/'],
};
