/**
 * Runs dclint (the Docker Compose linter in devDependencies) on Compose files and returns its JSON report.
 *
 * Through its CLI rather than its `DCLinter` class: the class takes a ready configuration, while the CLI finds and
 * validates the repository's .dclintrc.yml exactly as `npx dclint` does for a developer. The CLI is run from the
 * repository root, where it looks for that file (and only there).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { REPO_ROOT } from './stackFiles';

export interface DclintMessage {
  rule: string;
  type: 'error' | 'warning';
  message: string;
  line: number;
}

export interface DclintFileReport {
  filePath: string;
  messages: DclintMessage[];
  errorCount: number;
  warningCount: number;
}

export interface DclintRun {
  /** Exit status: 0 without errors, 1 with errors (warnings do not change it). */
  status: number | null;
  reports: DclintFileReport[];
  stderr: string;
}

function dclintBin(): string {
  const manifest = require.resolve('dclint/package.json', { paths: [REPO_ROOT] });
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { dclint: string } };
  return join(dirname(manifest), bin.dclint);
}

/** Lints the files (paths relative to the repository root or absolute) with the repository's configuration. */
export function runDclint(files: string[]): DclintRun {
  const result = spawnSync(process.execPath, [dclintBin(), '--formatter', 'json', ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.error) {
    throw result.error;
  }
  let reports: DclintFileReport[];
  try {
    reports = JSON.parse(result.stdout) as DclintFileReport[];
  } catch {
    throw new Error(`dclint printed no JSON report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { status: result.status, reports, stderr: result.stderr };
}

/** One line per problem, for failure messages: `file:line rule (type) message`. */
export function describeProblems(run: DclintRun): string[] {
  return run.reports.flatMap((report) =>
    report.messages.map((m) => `${report.filePath}:${m.line} ${m.rule} (${m.type}) ${m.message}`)
  );
}
