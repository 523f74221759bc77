/**
 * Our own checks of a panel plugin's plugin.json, written from the fields Grafana documents in its plugin.json
 * reference (grafana.com/developers/plugin-tools/reference/plugin-json): which are required, what they hold, and
 * what this repository adds (the files they name exist under src/, the placeholders webpack fills in). Returns
 * readable problems; an empty list means the file passes.
 */
// semver (the range syntax Grafana validates grafanaDependency with) ships no type declarations; the calls used here:
const semver: {
  valid(version: string): string | null;
  validRange(range: string): string | null;
  minVersion(range: string): { version: string } | null;
} = require('semver');

export interface PluginJson {
  id: string;
  type: string;
  name: string;
  info: {
    author: { name: string; url?: string; email?: string };
    description: string;
    keywords: string[];
    logos: { small: string; large: string };
    links?: Array<{ name: string; url: string }>;
    screenshots?: Array<{ name: string; path: string }>;
    version: string;
    updated: string;
  };
  dependencies: { grafanaDependency: string; plugins?: Array<{ id: string; type: string; name?: string }> };
  [key: string]: unknown;
}

export interface CheckContext {
  /** Whether a path relative to src/ names an existing file. */
  fileInSrc(path: string): boolean;
}

/** Plugin types the reference lists. */
export const PLUGIN_TYPES = ['app', 'datasource', 'panel', 'renderer', 'secretsmanager'];

/**
 * Top-level keys a panel may carry. The reference has more, for data sources (alerting, logs, …), apps (includes,
 * autoEnabled, …) and backends (backend, executable, …); in a panel's plugin.json they are mistakes.
 */
// `suggestions`: the panel opts in to Grafana's visualisation suggestions (plugin-tools guide "Add visualization
// suggestions to panel plugins"; PanelPluginMeta.suggestions in @grafana/data).
const PANEL_KEYS = ['$schema', 'id', 'type', 'name', 'info', 'dependencies', 'skipDataQuery', 'state', 'suggestions'];
const INFO_KEYS = ['author', 'build', 'description', 'keywords', 'links', 'logos', 'screenshots', 'updated', 'version'];
const AUTHOR_KEYS = ['name', 'email', 'url'];
const DEPENDENCY_KEYS = ['grafanaDependency', 'plugins', 'extensions'];

/** Placeholders the create-plugin webpack build replaces in dist/plugin.json (from package.json and the date). */
export const VERSION_PLACEHOLDER = '%VERSION%';
export const DATE_PLACEHOLDER = '%TODAY%';

type Problems = string[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function unknownKeys(where: string, value: Record<string, unknown>, allowed: string[], problems: Problems): void {
  for (const key of Object.keys(value).filter((k) => !allowed.includes(k))) {
    problems.push(`${where}: unknown key "${key}"`);
  }
}

/** A file plugin.json points at: relative, inside src/, present. */
function checkSrcFile(where: string, path: unknown, context: CheckContext, problems: Problems): void {
  if (!isText(path)) {
    problems.push(`${where}: missing path`);
  } else if (path.startsWith('/') || path.split('/').includes('..')) {
    problems.push(`${where}: "${path}" must be relative to src/ and stay inside it`);
  } else if (!context.fileInSrc(path)) {
    problems.push(`${where}: src/${path} does not exist`);
  }
}

/** `<org>-<name>-<type>`, lower-case letters and digits, the suffix being the plugin's type. */
function checkId(id: unknown, type: unknown, problems: Problems): void {
  if (!isText(id)) {
    problems.push('id: missing');
    return;
  }
  const parts = id.split('-');
  if (parts.length !== 3 || !parts.every((part) => /^[a-z0-9]+$/.test(part))) {
    problems.push(`id: "${id}" is not <org>-<name>-<type> in lower-case letters and digits`);
  } else if (PLUGIN_TYPES.includes(String(type)) && parts[2] !== type) {
    problems.push(`id: "${id}" must end with its type, -${String(type)}`);
  }
}

function checkInfo(info: unknown, context: CheckContext, problems: Problems): void {
  if (!isObject(info)) {
    problems.push('info: missing');
    return;
  }
  unknownKeys('info', info, INFO_KEYS, problems);
  const { author, description, keywords, logos, links, screenshots, version, updated } = info;
  if (!isObject(author) || !isText(author.name)) {
    problems.push('info.author.name: missing');
  } else {
    unknownKeys('info.author', author, AUTHOR_KEYS, problems);
    if (author.url !== undefined && !isHttpUrl(author.url)) {
      problems.push('info.author.url: not an http(s) URL');
    }
    if (author.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(String(author.email))) {
      problems.push('info.author.email: not an e-mail address');
    }
  }
  if (!isText(description)) {
    problems.push('info.description: missing');
  }
  if (!Array.isArray(keywords) || keywords.length === 0 || !keywords.every(isText)) {
    problems.push('info.keywords: must be a non-empty list of words');
  }
  if (!isObject(logos)) {
    problems.push('info.logos: missing');
  } else {
    for (const size of ['small', 'large'] as const) {
      checkSrcFile(`info.logos.${size}`, logos[size], context, problems);
      if (isText(logos[size]) && !logos[size].endsWith('.svg')) {
        problems.push(`info.logos.${size}: must be an SVG image`);
      }
    }
  }
  for (const [i, link] of (Array.isArray(links) ? links : []).entries()) {
    if (!isObject(link) || !isText(link.name) || !isHttpUrl(link.url)) {
      problems.push(`info.links[${i}]: needs a name and an http(s) url`);
    }
  }
  if (links !== undefined && !Array.isArray(links)) {
    problems.push('info.links: must be a list');
  }
  for (const [i, shot] of (Array.isArray(screenshots) ? screenshots : []).entries()) {
    if (!isObject(shot) || !isText(shot.name)) {
      problems.push(`info.screenshots[${i}]: needs a name`);
    }
    checkSrcFile(`info.screenshots[${i}].path`, isObject(shot) ? shot.path : undefined, context, problems);
  }
  if (version !== VERSION_PLACEHOLDER && (typeof version !== 'string' || semver.valid(version) === null)) {
    problems.push(`info.version: must be ${VERSION_PLACEHOLDER} or a semantic version`);
  }
  if (updated !== DATE_PLACEHOLDER && !(typeof updated === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(updated))) {
    problems.push(`info.updated: must be ${DATE_PLACEHOLDER} or a YYYY-MM-DD date`);
  }
}

function checkDependencies(dependencies: unknown, problems: Problems): void {
  if (!isObject(dependencies)) {
    problems.push('dependencies: missing');
    return;
  }
  unknownKeys('dependencies', dependencies, DEPENDENCY_KEYS, problems);
  const range = dependencies.grafanaDependency;
  if (!isText(range)) {
    problems.push('dependencies.grafanaDependency: missing');
  } else if (semver.validRange(range) === null) {
    problems.push(`dependencies.grafanaDependency: "${range}" is not a semver range`);
  } else if (semver.minVersion(range)?.version === '0.0.0') {
    problems.push(`dependencies.grafanaDependency: "${range}" has no lower bound`);
  }
  const plugins = dependencies.plugins;
  if (plugins !== undefined && !Array.isArray(plugins)) {
    problems.push('dependencies.plugins: must be a list');
  }
  for (const [i, plugin] of (Array.isArray(plugins) ? plugins : []).entries()) {
    if (!isObject(plugin) || !isText(plugin.id) || !PLUGIN_TYPES.includes(String(plugin.type))) {
      problems.push(`dependencies.plugins[${i}]: needs an id and a plugin type`);
    }
  }
}

export function checkPluginJson(plugin: unknown, context: CheckContext): string[] {
  const problems: Problems = [];
  if (!isObject(plugin)) {
    return ['plugin.json: not a JSON object'];
  }
  unknownKeys('plugin.json', plugin, PANEL_KEYS, problems);
  if (!PLUGIN_TYPES.includes(String(plugin.type))) {
    problems.push(`type: "${String(plugin.type)}" is not one of ${PLUGIN_TYPES.join(', ')}`);
  } else if (plugin.type !== 'panel') {
    problems.push(`type: "${String(plugin.type)}": these checks are for a panel`);
  }
  checkId(plugin.id, plugin.type, problems);
  if (!isText(plugin.name)) {
    problems.push('name: missing');
  }
  checkInfo(plugin.info, context, problems);
  checkDependencies(plugin.dependencies, problems);
  return problems;
}
