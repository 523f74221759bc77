#!/usr/bin/env node
/**
 * @grafana/scenes for the Scenes dashboard host (harness/scenes/), once per Grafana line:
 *
 *   12.4  compat/scenes12/  over the root dependency set (@grafana/* 12.4, React 18)
 *   13.2  compat/scenes13/  over the compat/react19 set in .tmp/react19 (@grafana/* 13.2, React 19)
 *
 * Scenes cannot join either set with npm: its peer react-router-dom ^6.28 collides with @grafana/ui's
 * react-router-dom 5 + react-router-dom-v5-compat (ERESOLVE). So each folder is a small set of its own (Scenes and the
 * react-router-dom 6 it asks for, `legacy-peer-deps`: no peers installed) installed into `<project>/.tmp/scenes`,
 * where Node's and webpack's lookup continue upwards into the project's node_modules: Scenes gets the project's own
 * @grafana/*, React and rxjs, one copy of each, as in Grafana. The root install is not touched.
 *
 *   node scripts/compat-scenes.mjs lock 12.4|13.2     regenerate compat/scenes1x/package-lock.json
 *   node scripts/compat-scenes.mjs prepare 12.4|13.2  `npm ci` the set into <project>/.tmp/scenes and check it
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const SETS = {
  12.4: { compat: 'compat/scenes12', project: root },
  13.2: { compat: 'compat/scenes13', project: path.join(root, '.tmp/react19') },
};
// Shared by the host, the plugin and Scenes: a second copy inside the Scenes set would split React's hooks,
// @grafana/data's registries or @grafana/runtime's singletons (config, plugin import utils, runRequest).
const SINGLETONS = [
  'react',
  'react-dom',
  'rxjs',
  '@grafana/data',
  '@grafana/e2e-selectors',
  '@grafana/i18n',
  '@grafana/runtime',
  '@grafana/schema',
  '@grafana/ui',
];

const [command, line] = process.argv.slice(2);
const set = SETS[line];
if (!set || !['lock', 'prepare'].includes(command)) {
  console.error('usage: compat-scenes.mjs lock|prepare 12.4|13.2');
  process.exit(2);
}
const compatDir = path.join(root, set.compat);

/** Every package folder below node_modules (nested ones too), as "name" → [folders]. */
function packagesBelow(modulesDir, found = new Map()) {
  if (!fs.existsSync(modulesDir)) {
    return found;
  }
  for (const entry of fs.readdirSync(modulesDir)) {
    if (entry.startsWith('.')) {
      continue;
    }
    const scoped = entry.startsWith('@');
    const names = scoped ? fs.readdirSync(path.join(modulesDir, entry)).map((name) => `${entry}/${name}`) : [entry];
    for (const name of names) {
      const folder = path.join(modulesDir, name);
      found.set(name, [...(found.get(name) ?? []), folder]);
      packagesBelow(path.join(folder, 'node_modules'), found);
    }
  }
  return found;
}

function versionIn(project, name) {
  const file = path.join(project, 'node_modules', name, 'package.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : undefined;
}

if (command === 'lock') {
  execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], {
    cwd: compatDir,
    stdio: 'inherit',
  });
} else {
  if (!fs.existsSync(path.join(set.project, 'node_modules'))) {
    console.error(
      `${path.relative(root, set.project) || '.'}/node_modules is missing: install that dependency set first`
    );
    process.exit(1);
  }
  const workDir = path.join(set.project, '.tmp/scenes');
  fs.mkdirSync(workDir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
    fs.copyFileSync(path.join(compatDir, file), path.join(workDir, file));
  }
  const lockStamp = path.join(workDir, 'node_modules/.compat-lock');
  const lock = fs.readFileSync(path.join(compatDir, 'package-lock.json'), 'utf8');
  if (!fs.existsSync(lockStamp) || fs.readFileSync(lockStamp, 'utf8') !== lock) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: workDir, stdio: 'inherit' });
    fs.writeFileSync(lockStamp, lock);
  }
  const installed = packagesBelow(path.join(workDir, 'node_modules'));
  const duplicated = SINGLETONS.filter((name) => installed.has(name));
  if (duplicated.length > 0) {
    console.error(
      `the Scenes set brings its own ${duplicated.join(', ')}: it must use the project's (${set.compat}/package.json)`
    );
    process.exit(1);
  }
  const missing = SINGLETONS.filter((name) => versionIn(set.project, name) === undefined);
  if (missing.length > 0) {
    console.error(`the project's node_modules lacks ${missing.join(', ')}, which Scenes needs as peers`);
    process.exit(1);
  }
  const scenes = JSON.parse(fs.readFileSync(path.join(workDir, 'node_modules/@grafana/scenes/package.json'), 'utf8'));
  console.log(
    `prepared ${path.relative(root, workDir)}: @grafana/scenes ${scenes.version} over @grafana/ui ${versionIn(set.project, '@grafana/ui')} and React ${versionIn(set.project, 'react')}`
  );
}
