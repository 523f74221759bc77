import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * src/plugin.json repeats, in its catalog links, the one repository URL package.json holds; this keeps the two
 * agreeing. (plugin.json stays literal so it validates against Grafana's schema as it is.)
 */
const root = path.resolve(__dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

interface PluginLink {
  name: string;
  url: string;
}

/** https://github.com/org/repo from the forms npm accepts: git+https://…, a trailing .git or slash. */
function repositoryWebUrl(repository: unknown): string {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') {
    throw new Error('package.json has no repository.url');
  }
  return url
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/** The links the plugin catalog shows, derived from the repository URL. */
function catalogLinks(repositoryUrl: string): PluginLink[] {
  return [
    { name: 'Repository', url: repositoryUrl },
    { name: 'Issues', url: `${repositoryUrl}/issues` },
    { name: 'License', url: `${repositoryUrl}/blob/main/LICENSE` },
  ];
}

describe('plugin.json and package.json', () => {
  const pkg = readJson('package.json');
  const plugin = readJson('src/plugin.json');

  it('name the repository once, in package.json, as an https GitHub URL', () => {
    expect(repositoryWebUrl(pkg.repository)).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
  });

  it('agree on the repository, issues and license links of the plugin catalog', () => {
    expect(plugin.info.links).toEqual(catalogLinks(repositoryWebUrl(pkg.repository)));
  });

  it('link a license that is in the repository and is the one package.json declares', () => {
    expect(existsSync(path.join(root, 'LICENSE'))).toBe(true);
    expect(pkg.license).toBe('Apache-2.0');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0/);
  });

  it('derive the links from any form of the repository URL npm accepts', () => {
    const expected = catalogLinks('https://github.com/voiceops/voiceops-sipcodes-panel');
    for (const form of [
      'git+https://github.com/voiceops/voiceops-sipcodes-panel.git',
      'https://github.com/voiceops/voiceops-sipcodes-panel/',
      { type: 'git', url: 'https://github.com/voiceops/voiceops-sipcodes-panel.git' },
    ]) {
      expect(catalogLinks(repositoryWebUrl(form))).toEqual(expected);
    }
    expect(() => repositoryWebUrl(undefined)).toThrow('no repository.url');
  });

  it('opt in to Grafana visualisation suggestions, which the panel supplies', () => {
    expect(plugin.suggestions).toBe(true);
  });
});
