/**
 * Shared helpers of the static stack tests: where the repo and the shared JSON Schemas are, an Ajv set up for
 * them, the YAML/JSON files of the stack, and Docker Compose's variable interpolation.
 */
import Ajv, { ValidateFunction } from 'ajv';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

export const REPO_ROOT = resolve(__dirname, '../../..');

export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}

/**
 * A schema from the shared folder: `../shared/schemas` next to the repository (CI checks the shared folder out
 * beside the clone), else /work/shared/schemas. Fails with a message that says where it looked.
 */
export function loadSharedSchema(name: string): object {
  const candidates = [resolve(REPO_ROOT, '../shared/schemas', name), join('/work/shared/schemas', name)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `JSON Schema ${name} not found. Looked in:\n  ${candidates.join('\n  ')}\n` +
        'Check out the shared folder next to the repository clone (../shared/schemas) to run the stack tests.'
    );
  }
  return JSON.parse(readFileSync(found, 'utf8'));
}

/**
 * Ajv for draft-07 schemas as published: `strict: false` (the schemas use annotation keywords Ajv does not know),
 * non-unicode regular expressions (plugin.schema.json escapes `-` in patterns), the https spelling of the draft-07
 * meta-schema id (compose-spec.json), and the two string formats the schemas use.
 */
export function compileSchema(schema: object): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' });
  ajv.addFormat('uri', (value: string) => {
    try {
      return Boolean(new URL(value));
    } catch {
      return false;
    }
  });
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  return ajv.compile(schema);
}

/** Ajv errors as readable lines, for failure messages. */
export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
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
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
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

/** A service's volumes as source/target pairs, whichever syntax the file uses. */
export function volumesOf(service: ComposeService): Array<{ source: string; target: string; readOnly: boolean }> {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume === 'string') {
      const [source, target, mode] = volume.split(':');
      return { source, target, readOnly: mode === 'ro' };
    }
    return {
      source: volume.source ?? '',
      target: volume.target ?? '',
      readOnly: Boolean((volume as { read_only?: boolean }).read_only),
    };
  });
}
