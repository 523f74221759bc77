/** Paths, scratch directories and the demo stack's generator arguments for the alerting tests (inside the repository only). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { load } from 'js-yaml';

export const REPO_ROOT = resolve(__dirname, '../../../..');

export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}

export function readRepoText(relativePath: string): string {
  return readFileSync(repoPath(relativePath), 'utf8');
}

export function readRepoJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readRepoText(relativePath)) as T;
}

export function readRepoYaml<T = unknown>(relativePath: string): T {
  return load(readRepoText(relativePath)) as T;
}

const made: string[] = [];

/** A new empty directory under the repository's git-ignored .tmp/; removeScratchDirs() removes this file's. */
export function scratchDir(prefix: string): string {
  const parent = repoPath('.tmp', 'alerting-tests');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, `${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes the scratch directories this test file made (each test file has its own module registry). */
export function removeScratchDirs(): void {
  for (const dir of made.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the demo stack's rules live, and the arguments they are generated with (README, "Alerting"). */
export const DEMO_RULES_FILE = 'provisioning/alerting/sip-codes.yaml';
export const DEMO_ARGS = [
  '--datasource',
  'voice-calls',
  '--code-field',
  'sip_status',
  '--folder',
  'Voice NOC',
  '--dashboard',
  'voice-noc-sip',
  '--panel',
  '1',
  '--out',
  DEMO_RULES_FILE,
];
