import { existsSync, statSync } from 'node:fs';
import { load } from 'js-yaml';

import { checkPluginJson, CheckContext, PluginJson, VERSION_PLACEHOLDER } from './pluginJsonRules';
import { ComposeFile, readJson, readText, repoPath } from './stackFiles';

// semver has no type declarations installed; the one call used here.
const { satisfies }: { satisfies(version: string, range: string): boolean } = require('semver');

const plugin = readJson<PluginJson>('src/plugin.json');
const inRepoSrc: CheckContext = {
  fileInSrc: (path) => existsSync(repoPath('src', path)) && statSync(repoPath('src', path)).isFile(),
};

/** plugin.json with one change made by `edit` on a deep copy. */
function changed(edit: (copy: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(plugin));
  edit(copy);
  return copy;
}

describe('src/plugin.json', () => {
  it('passes our checks of the fields Grafana documents', () => {
    expect(checkPluginJson(plugin, inRepoSrc)).toEqual([]);
  });

  it.each<[string, (copy: Record<string, any>) => void, string]>([
    ['no name', (p) => delete p.name, 'name: missing'],
    ['an unknown type', (p) => (p.type = 'dashboard-widget'), 'type: "dashboard-widget" is not one of'],
    [
      'another type',
      (p) => Object.assign(p, { type: 'app', id: 'voiceops-sipcodes-app' }),
      'these checks are for a panel',
    ],
    ['an id with spaces', (p) => (p.id = 'Not A Valid Id'), 'is not <org>-<name>-<type>'],
    ['an id without a name part', (p) => (p.id = 'voiceops-panel'), 'is not <org>-<name>-<type>'],
    ['an id of another type', (p) => (p.id = 'voiceops-sipcodes-app'), 'must end with its type, -panel'],
    ['a misspelt key', (p) => (p.dependecies = {}), 'plugin.json: unknown key "dependecies"'],
    ['a data source key', (p) => (p.backend = true), 'plugin.json: unknown key "backend"'],
    ['no author', (p) => delete p.info.author, 'info.author.name: missing'],
    ['an author url that is no URL', (p) => (p.info.author.url = 'voiceops'), 'info.author.url'],
    ['no keywords', (p) => (p.info.keywords = []), 'info.keywords'],
    ['no logos', (p) => delete p.info.logos, 'info.logos: missing'],
    [
      'a logo that does not exist',
      (p) => (p.info.logos.small = 'img/missing.svg'),
      'src/img/missing.svg does not exist',
    ],
    ['a logo that is no SVG', (p) => (p.info.logos.large = 'img/screenshots/panel-dark.png'), 'must be an SVG image'],
    ['a logo outside src/', (p) => (p.info.logos.small = '../img/logo.svg'), 'stay inside it'],
    ['a missing screenshot', (p) => (p.info.screenshots[0].path = 'img/gone.png'), 'src/img/gone.png does not exist'],
    ['a version that is no semver', (p) => (p.info.version = '1.0'), 'info.version'],
    ['an updated that is no date', (p) => (p.info.updated = 'yesterday'), 'info.updated'],
    ['no dependencies', (p) => delete p.dependencies, 'dependencies: missing'],
    ['no grafanaDependency', (p) => delete p.dependencies.grafanaDependency, 'grafanaDependency: missing'],
    ['a grafanaDependency that is no range', (p) => (p.dependencies.grafanaDependency = 'twelve'), 'not a semver'],
    ['a grafanaDependency of any version', (p) => (p.dependencies.grafanaDependency = '*'), 'no lower bound'],
    [
      'the deprecated grafanaVersion',
      (p) => (p.dependencies.grafanaVersion = '12.x.x'),
      'unknown key "grafanaVersion"',
    ],
    ['a plugin dependency without id', (p) => (p.dependencies.plugins = [{ type: 'panel' }]), 'plugins[0]'],
  ])('reports %s', (_, edit, problem) => {
    expect(checkPluginJson(changed(edit), inRepoSrc)).toEqual([expect.stringContaining(problem)]);
  });

  it('is the panel the stack loads, versioned by the build', () => {
    expect(plugin).toMatchObject({ id: 'voiceops-sipcodes-panel', type: 'panel' });
    expect(plugin.id).toBe(readJson<{ name: string }>('package.json').name);
    // Filled in by webpack from package.json at build time.
    expect(plugin.info.version).toBe(VERSION_PLACEHOLDER);
  });

  it('asks for the Grafana versions the README promises and the test runs use', () => {
    const range = plugin.dependencies.grafanaDependency;
    expect(range).toBe('>=12.3.0');
    expect(readText('README.md')).toContain(`\`grafanaDependency: ${range}\``);
    const compose = load(readText('docker-compose.yml')) as ComposeFile;
    const stackGrafana = compose.services.grafana.image!.split(':')[1];
    const versions = {
      stack: stackGrafana,
      grafanaData: readJson<{ dependencies: Record<string, string> }>('package.json').dependencies['@grafana/data'],
      react19: readJson<{ dependencies: Record<string, string> }>('compat/react19/package.json').dependencies[
        '@grafana/data'
      ],
    };
    for (const [what, version] of Object.entries(versions)) {
      expect([what, version, satisfies(version, range)]).toEqual([what, version, true]);
    }
    expect(satisfies('12.2.0', range)).toBe(false);
  });
});
