/**
 * Jest environment for the seeder's tests: plain Node (the Elasticsearch client and its mock need Node's globals,
 * such as setImmediate, that jsdom does not have), plus the one browser global the shared jest-setup.js touches.
 * Use with the docblock `@jest-environment ./tools/seed/testing/nodeEnvironment.js`.
 */
const { TestEnvironment } = require('jest-environment-node');

class SeedNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.HTMLCanvasElement = class HTMLCanvasElement {};
  }
}

module.exports = SeedNodeEnvironment;
