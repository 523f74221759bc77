/**
 * Shared helpers of the static stack tests: where the repository is, the YAML/JSON files of the stack, scratch
 * directories inside the repository, and Docker Compose's variable interpolation. Nothing here reads a file outside
 * the repository.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { load } from 'js-yaml';

export const REPO_ROOT = resolve(__dirname, '../../..');

export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}

/** A new empty directory under the repository's .tmp/ (git-ignored), for files a test writes. */
export function scratchDir(prefix: string): string {
  const parent = repoPath('.tmp', 'stack-tests');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${prefix}-`));
}

export function readText(relativePath: string): string {
  return readFileSync(repoPath(relativePath), 'utf8');
}

export function readYaml<T = unknown>(relativePath: string): T {
  return load(readText(relativePath)) as T;
}

export function readJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readText(relativePath)) as T;
}

/** KEY=value lines of an env file (comments and blank lines skipped). */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match && !line.trim().startsWith('#')) {
      values.set(match[1], match[2].trim());
    }
  }
  return values;
}

/** `${NAME:-default}` / `${NAME-default}` / `${NAME}` / `$NAME` occurrences (not `$$` escapes) in a text. */
export function composeVariables(text: string): Array<{ whole: string; name: string; defaultValue?: string }> {
  const found: Array<{ whole: string; name: string; defaultValue?: string }> = [];
  const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '$$') {
      continue;
    }
    found.push({ whole: match[0], name: match[1] ?? match[3], defaultValue: match[2] });
  }
  return found;
}

/** Docker Compose interpolation: variables from `env`, else their default; `$$` becomes `$`. */
export function interpolate(text: string, env: Map<string, string>): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced?: string, colon?: string, fallback?: string, bare?: string) => {
      if (whole === '$$') {
        return '$';
      }
      const value = env.get(braced ?? bare ?? '');
      if (fallback !== undefined && (value === undefined || (colon === ':' && value === ''))) {
        return fallback;
      }
      return value ?? '';
    }
  );
}

export interface ComposeService {
  image?: string;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | number | { published?: string | number; target?: number; host_ip?: string }>;
  volumes?: Array<
    string | { type?: string; source?: string; target?: string; read_only?: boolean; bind?: { selinux?: string } }
  >;
  tmpfs?: string | string[];
  depends_on?: string[] | Record<string, { condition?: string; required?: boolean; restart?: boolean }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  working_dir?: string;
  [key: string]: unknown;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** A service's environment as a map, whichever syntax the file uses. */
export function environmentOf(service: ComposeService): Map<string, string> {
  const env = new Map<string, string>();
  if (Array.isArray(service.environment)) {
    for (const entry of service.environment) {
      const [key, ...rest] = entry.split('=');
      env.set(key, rest.join('='));
    }
  } else if (service.environment) {
    for (const [key, value] of Object.entries(service.environment)) {
      env.set(key, value === null ? '' : String(value));
    }
  }
  return env;
}

export interface Mount {
  /** Named volume, host path (bind mount) or '' for a tmpfs. */
  source: string;
  target: string;
  type: 'volume' | 'bind' | 'tmpfs';
  readOnly: boolean;
  /** Options after the target in the short syntax (`ro`, `z`, …); for the long syntax, `ro` and the SELinux label. */
  options: string[];
}

/** Short-syntax sources that are host paths (the Compose Specification: relative or absolute paths, `~`). */
function isHostPath(source: string): boolean {
  return /^(\.|\/|~)/.test(source);
}

/** A service's volumes and tmpfs mounts, whichever syntax the file uses. */
export function mountsOf(service: ComposeService): Mount[] {
  const volumes = (service.volumes ?? []).map((volume): Mount => {
    if (typeof volume === 'string') {
      const [source, target, mode] = volume.split(':');
      const options = mode ? mode.split(',') : [];
      return {
        source,
        target,
        type: isHostPath(source) ? 'bind' : 'volume',
        readOnly: options.includes('ro'),
        options,
      };
    }
    const readOnly = Boolean(volume.read_only);
    const selinux = volume.bind?.selinux;
    return {
      source: volume.source ?? '',
      target: volume.target ?? '',
      type: volume.type === 'bind' ? 'bind' : volume.type === 'tmpfs' ? 'tmpfs' : 'volume',
      readOnly,
      options: [...(readOnly ? ['ro'] : []), ...(selinux ? [selinux] : [])],
    };
  });
  const tmpfs = typeof service.tmpfs === 'string' ? [service.tmpfs] : (service.tmpfs ?? []);
  return [
    ...volumes,
    ...tmpfs.map((target): Mount => ({ source: '', target, type: 'tmpfs', readOnly: false, options: [] })),
  ];
}

/** A service's volumes as source/target pairs, whichever syntax the file uses. */
export function volumesOf(service: ComposeService): Array<{ source: string; target: string; readOnly: boolean }> {
  return mountsOf(service)
    .filter((mount) => mount.type !== 'tmpfs')
    .map(({ source, target, readOnly }) => ({ source, target, readOnly }));
}

/** Whether a container path is the other one or lies below it. */
export function isWithin(path: string, parent: string): boolean {
  const clean = (p: string) => posix.normalize(p).replace(/(.)\/$/, '$1');
  const [child, base] = [clean(path), clean(parent)];
  return child === base || child.startsWith(base === '/' ? '/' : `${base}/`);
}

/**
 * Mounts of a service whose target lies inside the target of one of its bind mounts. For each of them Docker
 * creates the mount point in the host directory (root-owned, with rootful Docker).
 */
export function mountsInsideBindMounts(service: ComposeService): Array<{ bind: Mount; nested: Mount }> {
  const mounts = mountsOf(service);
  return mounts
    .filter((bind) => bind.type === 'bind')
    .flatMap((bind) =>
      mounts
        .filter((other) => other !== bind && isWithin(other.target, bind.target))
        .map((nested) => ({ bind, nested }))
    );
}
