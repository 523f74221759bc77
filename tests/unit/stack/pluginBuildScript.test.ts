/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
/**
 * Runs scripts/plugin-build.sh (what the plugin-build service runs after dropping to the checkout's owner) for real
 * with `sh`, against a small fake checkout and workspace under .tmp/, and a fake `npm` first on PATH that logs its
 * calls, "installs" by writing node_modules/ and "builds" by copying src/module.ts into dist/.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { repoPath, scratchDir } from './stackFiles';

const SCRIPT = repoPath('scripts/plugin-build.sh');

const FAKE_NPM = `#!/bin/sh
echo "npm $*" >>"$FAKE_NPM_LOG"
case "$1" in
  ci)
    if [ -n "\${FAKE_NPM_CI_FAILS:-}" ]; then echo "npm error fake install failure" >&2; exit 1; fi
    rm -rf node_modules
    mkdir -p node_modules/.bin
    cp package-lock.json node_modules/.installed-from-lock ;;
  run)
    [ "$2" = build ] || exit 2
    mkdir -p dist
    cp src/module.ts dist/module.js ;;
  *) exit 2 ;;
esac
`;

interface Fixture {
  root: string;
  src: string;
  work: string;
  log: string;
  bin: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  npmCalls: string[];
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A checkout with what a developer's clone may hold besides the sources, and an empty workspace (a new volume). */
function createFixture(): Fixture {
  const root = scratchDir('plugin-build');
  const fixture = {
    root,
    src: join(root, 'src'),
    work: join(root, 'work'),
    log: join(root, 'npm.log'),
    bin: join(root, 'bin'),
  };
  write(join(fixture.src, 'package.json'), '{"name":"fixture"}\n');
  write(join(fixture.src, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"a":"1.0.0"}}\n');
  write(join(fixture.src, 'src/module.ts'), 'export const version = 1;\n');
  write(join(fixture.src, 'src/old.ts'), 'export {};\n');
  write(join(fixture.src, 'tools/seed/cli.ts'), 'export {};\n');
  // Never copied: the host's own install (maybe for another OS), build output, git, scratch, secrets.
  write(join(fixture.src, 'node_modules/host-only/index.js'), '');
  write(join(fixture.src, 'compat/react19/node_modules/host-only/index.js'), '');
  write(join(fixture.src, 'compat/react19/package.json'), '{}\n');
  write(join(fixture.src, 'dist/stale.js'), 'stale\n');
  write(join(fixture.src, '.git/HEAD'), 'ref: refs/heads/main\n');
  write(join(fixture.src, '.tmp/junk'), '');
  write(join(fixture.src, '.env'), 'GRAFANA_ADMIN_PASSWORD=secret\n');
  mkdirSync(fixture.work);
  write(join(fixture.bin, 'npm'), FAKE_NPM);
  chmodSync(join(fixture.bin, 'npm'), 0o755);
  return fixture;
}

function runScript(fixture: Fixture, env: Record<string, string> = {}): Run {
  rmSync(fixture.log, { force: true });
  const result = spawnSync('sh', [SCRIPT], {
    encoding: 'utf8',
    env: {
      PATH: `${fixture.bin}:${process.env.PATH}`,
      SRC: fixture.src,
      WORK: fixture.work,
      FAKE_NPM_LOG: fixture.log,
      ...env,
    },
  });
  const npmCalls = existsSync(fixture.log) ? readFileSync(fixture.log, 'utf8').trim().split('\n') : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, npmCalls };
}

let fixture: Fixture;

beforeEach(() => {
  fixture = createFixture();
});

afterEach(() => {
  rmSync(fixture.root, { recursive: true, force: true });
});

describe('scripts/plugin-build.sh', () => {
  it('installs on the first run, builds from a copy of the sources and replaces dist/ in the checkout', () => {
    const run = runScript(fixture);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.npmCalls).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    expect(readFileSync(join(fixture.src, 'dist/module.js'), 'utf8')).toBe('export const version = 1;\n');
    expect(existsSync(join(fixture.src, 'dist/stale.js'))).toBe(false);
    expect(existsSync(join(fixture.work, 'tools/seed/cli.ts'))).toBe(true);
    expect(existsSync(join(fixture.work, 'node_modules/.installed-from-lock'))).toBe(true);
  });

  it('copies neither the host’s node_modules (at any depth) nor dist/, .git, .tmp or .env into the workspace', () => {
    expect(runScript(fixture).status).toBe(0);
    for (const path of [
      'node_modules/host-only',
      'compat/react19/node_modules',
      'dist/stale.js',
      '.git',
      '.tmp',
      '.env',
    ]) {
      expect([path, existsSync(join(fixture.work, path))]).toEqual([path, false]);
    }
    expect(existsSync(join(fixture.work, 'compat/react19/package.json'))).toBe(true);
    expect(existsSync(join(fixture.work, '.sources.tar'))).toBe(false);
    // The checkout keeps what it had.
    expect(existsSync(join(fixture.src, 'node_modules/host-only/index.js'))).toBe(true);
  });

  it('skips npm ci while package-lock.json is unchanged, and still builds', () => {
    expect(runScript(fixture).status).toBe(0);
    write(join(fixture.src, 'src/module.ts'), 'export const version = 2;\n');
    const second = runScript(fixture);
    expect(second.status).toBe(0);
    expect(second.npmCalls).toEqual(['npm run build']);
    expect(second.stdout).toContain('package-lock.json unchanged since the last install, npm ci skipped');
    expect(readFileSync(join(fixture.src, 'dist/module.js'), 'utf8')).toBe('export const version = 2;\n');
  });

  it('installs again when package-lock.json changed', () => {
    expect(runScript(fixture).status).toBe(0);
    write(join(fixture.src, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"a":"1.0.1"}}\n');
    const run = runScript(fixture);
    expect(run.status).toBe(0);
    expect(run.npmCalls).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    expect(readFileSync(join(fixture.work, 'node_modules/.installed-from-lock'), 'utf8')).toContain('1.0.1');
  });

  it('stops without building when npm ci fails, and installs again on the next run', () => {
    const failed = runScript(fixture, { FAKE_NPM_CI_FAILS: '1' });
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('fake install failure');
    expect(failed.npmCalls).toEqual(['npm ci --no-audit --no-fund']);
    expect(existsSync(join(fixture.work, 'node_modules/.package-lock.sha256'))).toBe(false);
    expect(readFileSync(join(fixture.src, 'dist/stale.js'), 'utf8')).toBe('stale\n');
    expect(runScript(fixture).npmCalls).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
  });

  it('drops from the workspace a file deleted in the checkout', () => {
    expect(runScript(fixture).status).toBe(0);
    expect(existsSync(join(fixture.work, 'src/old.ts'))).toBe(true);
    rmSync(join(fixture.src, 'src/old.ts'));
    expect(runScript(fixture).status).toBe(0);
    expect(existsSync(join(fixture.work, 'src/old.ts'))).toBe(false);
  });

  it('keeps the dist/ directory itself (Grafana bind-mounts it), replacing only what is in it', () => {
    const before = statSync(join(fixture.src, 'dist')).ino;
    expect(runScript(fixture).status).toBe(0);
    expect(statSync(join(fixture.src, 'dist')).ino).toBe(before);
  });

  it('fails when the checkout cannot be read, before npm runs', () => {
    const run = runScript(fixture, { SRC: join(fixture.root, 'missing') });
    expect(run.status).not.toBe(0);
    expect(run.npmCalls).toEqual([]);
  });
});
