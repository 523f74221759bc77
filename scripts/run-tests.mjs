#!/usr/bin/env node
/**
 * Runs every check and test suite in order and ends with one line: "N passed, N failed".
 * Jest suites count their tests; lint, type-check and builds count as one check each.
 * Usage: node scripts/run-tests.mjs [--only step,step]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });

const jestResults = (name) => path.join(tmp, `jest-${name.replaceAll(':', '-')}.json`);
const react19 = path.join(tmp, 'react19');

/** Scenes set install, host type-check and build, then the Scenes dashboard specs, in the project at `cwd`. */
function scenesSteps(prefix, grafana, cwd, needs = []) {
  return [
    { name: `${prefix}:install`, needs, run: ['node', 'scripts/compat-scenes.mjs', 'prepare', grafana] },
    {
      name: `${prefix}:typecheck`,
      needs: [`${prefix}:install`],
      cwd,
      run: ['npx', 'tsc', '--noEmit', '-p', 'harness/scenes/tsconfig.json'],
    },
    {
      name: `${prefix}:build`,
      needs: [`${prefix}:install`],
      cwd,
      run: ['npx', 'webpack', '-c', 'harness/scenes/webpack.config.ts'],
    },
    {
      name: `${prefix}:browser`,
      jest: true,
      needs: ['build', `${prefix}:build`],
      cwd,
      env: { PLUGIN_DIST_DIR: path.join(root, 'dist') },
      run: [
        'npx',
        'jest',
        '-c',
        'tests/browser/scenes/jest.config.js',
        '--ci',
        '--json',
        `--outputFile=${jestResults(`${prefix}:browser`)}`,
      ],
    },
  ];
}

const steps = [
  { name: 'lint', run: ['npx', 'eslint', '.'] },
  { name: 'format', run: ['npx', 'prettier', '--check', '.'] },
  { name: 'typecheck', run: ['npx', 'tsc', '--noEmit'] },
  {
    name: 'unit',
    jest: true,
    run: ['npx', 'jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${jestResults('unit')}`],
  },
  { name: 'build', run: ['npm', 'run', 'build'] },
  { name: 'build:harness', run: ['npm', 'run', 'build:harness'] },
  {
    name: 'browser',
    jest: true,
    needs: ['build', 'build:harness'],
    run: ['npx', 'jest', '-c', 'jest.browser.config.js', '--ci', '--json', `--outputFile=${jestResults('browser')}`],
  },
  // Grafana's dashboards are @grafana/scenes: the production build in a Scenes dashboard (harness/scenes/README.md).
  ...scenesSteps('scenes', '12.4', root),
  // Grafana 13.2+ runs plugins on React 19: the same suites again on @grafana/* 13.2 + React 19.
  { name: 'react19:deps-in-sync', run: ['node', 'scripts/compat-react19.mjs', 'check'] },
  { name: 'react19:install', run: ['node', 'scripts/compat-react19.mjs', 'prepare'] },
  { name: 'react19:typecheck', needs: ['react19:install'], cwd: react19, run: ['npx', 'tsc', '--noEmit'] },
  {
    name: 'react19:unit',
    jest: true,
    needs: ['react19:install'],
    cwd: react19,
    // The plugin's own suites; the stack and seeder checks do not depend on React and run once above.
    run: [
      'npx',
      'jest',
      '--ci',
      '--maxWorkers=2',
      '--json',
      `--outputFile=${jestResults('react19:unit')}`,
      'src',
      'tests/robustness',
    ],
  },
  { name: 'react19:build:harness', needs: ['react19:install'], cwd: react19, run: ['npm', 'run', 'build:harness'] },
  {
    name: 'react19:browser',
    jest: true,
    needs: ['build', 'react19:build:harness'],
    cwd: react19,
    // The production build is the same file on Grafana 12 and 13: load the main dist/ with React 19 around it.
    env: { PLUGIN_DIST_DIR: path.join(root, 'dist') },
    run: [
      'npx',
      'jest',
      '-c',
      'jest.browser.config.js',
      '--ci',
      '--json',
      `--outputFile=${jestResults('react19:browser')}`,
    ],
  },
  ...scenesSteps('react19:scenes', '13.2', react19, ['react19:install']),
];

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : null;

let passed = 0;
let failed = 0;
const failedSteps = new Set();
const lines = [];

for (const step of steps) {
  if (only && !only.has(step.name)) {
    continue;
  }
  const blockedBy = (step.needs ?? []).filter((need) => failedSteps.has(need));
  if (blockedBy.length > 0) {
    failed += 1;
    failedSteps.add(step.name);
    lines.push(`${step.name}: not run, ${blockedBy.join(', ')} failed`);
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.run.join(' ')}${step.cwd ? ` (in ${path.relative(root, step.cwd)})` : ''}`);
  if (step.jest) {
    fs.rmSync(jestResults(step.name), { force: true });
  }
  const result = spawnSync(step.run[0], step.run.slice(1), {
    cwd: step.cwd ?? root,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = result.status === 0;
  if (step.jest && fs.existsSync(jestResults(step.name))) {
    const report = JSON.parse(fs.readFileSync(jestResults(step.name), 'utf8'));
    // A suite that fails to load has no test results but is a failure all the same.
    const brokenSuites = report.testResults.filter(
      (suite) => suite.status === 'failed' && suite.assertionResults.length === 0
    ).length;
    passed += report.numPassedTests;
    failed += report.numFailedTests + brokenSuites;
    lines.push(`${step.name}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenSuites} failed`);
    if (!ok) {
      failedSteps.add(step.name);
      if (report.numFailedTests + brokenSuites === 0) {
        failed += 1;
        lines.push(`${step.name}: jest exited with ${result.status}`);
      }
    }
  } else if (ok) {
    passed += 1;
    lines.push(`${step.name}: ok`);
  } else {
    failed += 1;
    failedSteps.add(step.name);
    lines.push(`${step.name}: FAILED (exit ${result.status})`);
  }
}

console.log('\n=== summary');
for (const line of lines) {
  console.log(line);
}
const summary = `${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(tmp, 'summary.txt'), summary + '\n');
console.log(summary);
process.exit(failed > 0 ? 1 : 0);
