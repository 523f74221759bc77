// The Scenes dashboard runs: headless Chromium driving harness/scenes/dist (the built plugin inside @grafana/scenes).
// Their files end in .spec.ts so that the main browser run (jest.browser.config.js, *.test.ts) leaves them out: they
// need the Scenes set and its host build (node scripts/run-tests.mjs --only scenes:install,scenes:build,scenes:browser).
const path = require('path');
const browser = require('../../../jest.browser.config');

module.exports = {
  ...browser,
  rootDir: path.resolve(__dirname, '../../..'),
  testMatch: ['<rootDir>/tests/browser/scenes/**/*.spec.ts'],
};
