/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { load } from 'js-yaml';

import { MIN_PASSWORD_LENGTH, parseOptions } from '../../../tools/seed/main';
import { describeProblems, runDclint } from './dclint';
import {
  ComposeFile,
  ComposeService,
  composeVariables,
  environmentOf,
  interpolate,
  isWithin,
  mountsInsideBindMounts,
  mountsOf,
  parseEnvFile,
  readJson,
  readText,
  repoPath,
  scratchDir,
  volumesOf,
} from './stackFiles';

const rawText = readText('docker-compose.yml');
const envExampleText = readText('.env.example');
const envExample = parseEnvFile(envExampleText);
/** The file as compose sees it with no .env: every variable at its default. */
const resolvedText = interpolate(rawText, new Map());
const resolved = load(resolvedText) as ComposeFile;
const raw = load(rawText) as ComposeFile;
const services = Object.entries(resolved.services);
const pluginId = readJson<{ id: string }>('src/plugin.json').id;

const SECRET_KEY = /PASSWORD|SECRET|TOKEN|API_?KEY/i;
const isOneShot = (service: ComposeService) => service.restart === 'no';

describe('docker-compose.yml through dclint (Compose Specification schema, best practices)', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = scratchDir('dclint');
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A variant of the file to lint, written under .tmp/ (dclint reads files, not text). */
  const variant = (name: string, text: string) => {
    const file = join(scratch, name, 'docker-compose.yml');
    mkdirSync(join(scratch, name));
    writeFileSync(file, text);
    return file;
  };

  it('reports no error and no warning, as written and after interpolation with the defaults', () => {
    const run = runDclint(['docker-compose.yml', variant('interpolated', resolvedText)]);
    expect(describeProblems(run)).toEqual([]);
    expect(run.reports).toHaveLength(2);
    expect(run.status).toBe(0);
  });

  it('can fail: a malformed service is an error, an unquoted port a warning', () => {
    const broken = JSON.parse(JSON.stringify(raw));
    broken.services.grafana.ports = [{ published: 3000, bogus: true }];
    const schemaRun = runDclint([variant('broken', JSON.stringify(broken, null, 2))]);
    expect(schemaRun.status).toBe(1);
    expect(schemaRun.reports[0].messages.map((m) => [m.rule, m.type])).toContainEqual(['invalid-schema', 'error']);

    const unquoted = rawText.replace(
      "- '127.0.0.1:${GRAFANA_PORT:-3000}:3000'",
      '- 127.0.0.1:${GRAFANA_PORT:-3000}:3000'
    );
    expect(unquoted).not.toBe(rawText);
    const styleRun = runDclint([variant('unquoted', unquoted)]);
    expect(styleRun.reports[0].messages.map((m) => [m.rule, m.type])).toEqual([['require-quotes-in-ports', 'warning']]);
  });

  it('has every rule .dclintrc.yml changes explained by a comment above it', () => {
    const lines = readText('.dclintrc.yml').split('\n');
    const ruleLines = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /^ {2}[a-z][a-z-]+:/.test(line));
    expect(ruleLines.length).toBeGreaterThan(0);
    for (const { line, index } of ruleLines) {
      expect([line, lines[index - 1].trim().startsWith('#')]).toEqual([line, true]);
    }
  });

  it('has the five services of the NOC stack', () => {
    expect(Object.keys(resolved.services).sort()).toEqual([
      'alerts',
      'elasticsearch',
      'grafana',
      'plugin-build',
      'setup',
    ]);
  });
});

/** Every string value of a parsed YAML document (keys and comments excluded): what compose interpolates. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringsIn);
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value).flatMap(stringsIn);
  }
  return [];
}

describe('variables and secrets', () => {
  const variables = stringsIn(raw).flatMap(composeVariables);

  it('gives every variable a default that .env.example documents with the same value', () => {
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) {
      expect([variable.whole, typeof variable.defaultValue]).toEqual([variable.whole, 'string']);
      expect([variable.name, envExample.get(variable.name)]).toEqual([variable.name, variable.defaultValue]);
    }
  });

  it('passes passwords only as ${VAR:-documented default}', () => {
    const secretEntries = services.flatMap(([name]) =>
      [...environmentOf(raw.services[name]).entries()]
        .filter(([key]) => SECRET_KEY.test(key))
        .map(([key, value]) => ({ name, key, value }))
    );
    expect(secretEntries.length).toBeGreaterThanOrEqual(4);
    for (const entry of secretEntries) {
      expect(entry.value).toMatch(/^\$\{[A-Z_][A-Z0-9_]*:-[^}]+\}$/);
    }
  });

  it('never writes a default secret outside its ${VAR:-…} (commands, healthchecks, other keys)', () => {
    const withoutVariables = rawText.replace(/\$\{[^}]*\}/g, '');
    const secretDefaults = [...envExample.entries()].filter(([key]) => SECRET_KEY.test(key)).map(([, value]) => value);
    expect(secretDefaults.length).toBeGreaterThanOrEqual(3);
    for (const secret of secretDefaults) {
      expect(withoutVariables).not.toContain(secret);
    }
  });

  it('does not default the Grafana admin password to "admin"', () => {
    const password = environmentOf(resolved.services.grafana).get('GF_SECURITY_ADMIN_PASSWORD');
    expect(password).toBeTruthy();
    expect(password).not.toBe('admin');
    expect(envExample.get('GRAFANA_ADMIN_PASSWORD')).toBe(password);
  });

  it('has no .env file in git', () => {
    const tracked = execFileSync('git', ['ls-files', '--', '.env'], { cwd: repoPath(), encoding: 'utf8' });
    expect(tracked.trim()).toBe('');
  });
});

/** The comment lines right above `KEY=` in .env.example, joined. */
function commentAbove(key: string): string {
  const lines = envExampleText.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${key}=`));
  expect([key, at >= 0]).toEqual([key, true]);
  const comments: string[] = [];
  for (let i = at - 1; i >= 0 && lines[i].startsWith('#'); i--) {
    comments.unshift(lines[i].replace(/^#\s?/, ''));
  }
  return comments.join(' ');
}

describe('.env.example: the password rules', () => {
  const elasticsearchPasswords = ['ELASTIC_PASSWORD', 'GRAFANA_ES_PASSWORD'];

  it('says next to each Elasticsearch password that it needs at least 6 characters, and its defaults have them', () => {
    for (const key of elasticsearchPasswords) {
      expect([key, commentAbove(key)]).toEqual([
        key,
        expect.stringContaining(`At least ${MIN_PASSWORD_LENGTH} characters`),
      ]);
      expect([key, envExample.get(key)!.length >= MIN_PASSWORD_LENGTH]).toEqual([key, true]);
    }
    expect(commentAbove('GRAFANA_ES_PASSWORD')).toContain('setup stops');
  });

  it('says that Grafana’s admin password applies on the first start only', () => {
    const comment = commentAbove('GRAFANA_ADMIN_PASSWORD');
    expect(comment).toContain('first start');
    expect(comment).toContain('docker compose down -v');
  });

  it('gives setup the same reader password as Grafana, so the seeder’s length check covers what Grafana uses', () => {
    const setupEnv = environmentOf(raw.services.setup);
    const grafanaEnv = environmentOf(raw.services.grafana);
    expect(setupEnv.get('GRAFANA_ES_PASSWORD')).toBe(grafanaEnv.get('GRAFANA_ES_PASSWORD'));
    expect(setupEnv.get('GRAFANA_ES_PASSWORD')).toBe('${GRAFANA_ES_PASSWORD:-sipcodes-reader-demo}');
  });
});

describe('images, health and start order', () => {
  it('pins every image to an exact version tag (no latest, no untagged)', () => {
    for (const [name, service] of services) {
      expect([name, service.image]).toEqual([name, expect.stringMatching(/^[a-z0-9./-]+:\d+\.\d+\.\d+[\w.-]*$/)]);
      expect(service.image).not.toMatch(/:latest$/);
    }
    expect(resolved.services.elasticsearch.image).toMatch(
      /^docker\.elastic\.co\/elasticsearch\/elasticsearch:8\.\d+\.\d+$/
    );
    expect(resolved.services.grafana.image).toMatch(/^grafana\/grafana:12\.4\.\d+$/);
    expect(resolved.services['plugin-build'].image).toMatch(/^node:20\.\d+\.\d+/);
  });

  it('gives every long-running service a healthcheck', () => {
    for (const [name, service] of services.filter(([, s]) => !isOneShot(s))) {
      expect([name, service.healthcheck?.disable ?? false]).toEqual([name, false]);
      expect([name, Array.isArray(service.healthcheck?.test) && service.healthcheck!.test.length > 1]).toEqual([
        name,
        true,
      ]);
    }
  });

  it('uses conditions on every dependency, matching what the dependency offers', () => {
    for (const [name, service] of services) {
      const dependsOn = service.depends_on ?? {};
      expect([name, Array.isArray(dependsOn)]).toEqual([name, false]);
      for (const [target, rule] of Object.entries(dependsOn)) {
        const dependency = resolved.services[target];
        expect(dependency).toBeDefined();
        if (rule.condition === 'service_healthy') {
          expect([target, dependency.healthcheck?.test !== undefined]).toEqual([target, true]);
        } else if (rule.condition === 'service_completed_successfully') {
          expect([target, isOneShot(dependency)]).toEqual([target, true]);
        } else {
          expect([name, target, rule.condition]).toEqual([name, target, 'service_started']);
        }
      }
    }
  });

  it('starts Grafana after the build succeeded, Elasticsearch is healthy and the seeder is ready', () => {
    expect(resolved.services.grafana.depends_on).toEqual({
      'plugin-build': { condition: 'service_completed_successfully' },
      elasticsearch: { condition: 'service_healthy' },
      setup: { condition: 'service_healthy' },
    });
    expect(resolved.services.setup.depends_on).toMatchObject({ elasticsearch: { condition: 'service_healthy' } });
  });

  it('brings every long-running service back after a crash or a Docker restart; runs plugin-build once', () => {
    expect(Object.fromEntries(services.map(([name, service]) => [name, service.restart]))).toEqual({
      elasticsearch: 'unless-stopped',
      'plugin-build': 'no',
      setup: 'unless-stopped',
      alerts: 'unless-stopped',
      grafana: 'unless-stopped',
    });
  });

  it('setup: every restart reruns the seeder harmlessly (no --reset, no --anchor that would move the incidents)', () => {
    // The seeder keeps the stored anchor and rewrites the same ids on a rerun (tools/seed/main.test.ts).
    const command = resolved.services.setup.command as string[];
    expect(command.filter((arg) => /^--(reset|anchor)\b/.test(arg))).toEqual([]);
    const options = parseOptions(command.slice(command.indexOf('tools/seed/cli.ts') + 1), {
      ES_PASSWORD: 'x',
    }) as { reset: boolean; anchor?: unknown };
    expect(options.reset).toBe(false);
    expect(options.anchor).toBeUndefined();
  });

  it('setup: the ready file lives in a tmpfs, so a restarted seeder is not healthy before its setup ran again', () => {
    const service = resolved.services.setup;
    const readyFile = (service.healthcheck!.test as string[]).slice(-1)[0];
    const tmpfs = mountsOf(service).filter((mount) => mount.type === 'tmpfs');
    expect(tmpfs.some((mount) => isWithin(readyFile, mount.target))).toBe(true);
  });

  it('has no dependency cycle', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (name: string): void => {
      if (done.has(name)) {
        return;
      }
      if (visiting.has(name)) {
        throw new Error(`dependency cycle through ${name}`);
      }
      visiting.add(name);
      Object.keys(resolved.services[name].depends_on ?? {}).forEach(visit);
      visiting.delete(name);
      done.add(name);
    };
    expect(() => Object.keys(resolved.services).forEach(visit)).not.toThrow();
  });
});

describe('network exposure', () => {
  it('publishes every port on 127.0.0.1 only', () => {
    const published = services.flatMap(([name, service]) => (service.ports ?? []).map((port) => ({ name, port })));
    expect(published.map(({ name }) => name).sort()).toEqual(['elasticsearch', 'grafana']);
    for (const { port } of published) {
      if (typeof port === 'object') {
        expect(port.host_ip).toBe('127.0.0.1');
      } else {
        expect(String(port).split(':')).toHaveLength(3);
        expect(String(port).split(':')[0]).toBe('127.0.0.1');
      }
    }
    expect(resolved.services.grafana.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(resolved.services.elasticsearch.ports).toEqual(['127.0.0.1:9200:9200']);
  });
});

describe('mounts', () => {
  it('mounts nothing inside a bind mount (Docker would create its mount point, root-owned, in the checkout)', () => {
    for (const [name, service] of services) {
      expect([name, mountsInsideBindMounts(service).map(({ nested }) => nested.target)]).toEqual([name, []]);
    }
  });

  it('the nesting check can fail: the old node_modules volume inside the checkout is reported', () => {
    const old: ComposeService = { volumes: ['.:/src', 'plugin-node-modules:/src/node_modules', 'other:/srcdata'] };
    expect(mountsInsideBindMounts(old).map(({ bind, nested }) => [bind.target, nested.target])).toEqual([
      ['/src', '/src/node_modules'],
    ]);
    expect(mountsInsideBindMounts({ volumes: ['.:/src'], tmpfs: ['/src/tmp/'] })).toHaveLength(1);
  });

  it('labels every bind mount for SELinux (z: shared, as dist/ is written by one container and read by another)', () => {
    const binds = services.flatMap(([name, service]) =>
      mountsOf(service)
        .filter((mount) => mount.type === 'bind')
        .map((mount) => ({ name, ...mount }))
    );
    expect(binds.length).toBe(3);
    for (const bind of binds) {
      expect([bind.name, bind.target, bind.options.filter((o) => o === 'z')]).toEqual([bind.name, bind.target, ['z']]);
      expect(bind.options.every((option) => ['ro', 'rw', 'z'].includes(option))).toBe(true);
    }
  });

  it('mounts the checkout writable only where something is written (plugin-build writes dist/), read-only elsewhere', () => {
    const writable = services.flatMap(([name, service]) =>
      mountsOf(service)
        .filter((mount) => mount.type === 'bind' && !mount.readOnly)
        .map((mount) => `${name} ${mount.source}:${mount.target}`)
    );
    expect(writable).toEqual(['plugin-build .:/src']);
    expect(
      mountsOf(resolved.services.grafana)
        .filter((m) => m.type === 'bind')
        .map((m) => m.options)
    ).toEqual([
      ['ro', 'z'],
      ['ro', 'z'],
    ]);
  });

  it('parses the short syntax’s options, so the checks above can fail', () => {
    expect(mountsOf({ volumes: ['./dist:/x:ro,z', './p:/y', 'vol:/z:ro'] })).toEqual([
      { source: './dist', target: '/x', type: 'bind', readOnly: true, options: ['ro', 'z'] },
      { source: './p', target: '/y', type: 'bind', readOnly: false, options: [] },
      { source: 'vol', target: '/z', type: 'volume', readOnly: true, options: ['ro'] },
    ]);
  });
});

describe('services', () => {
  it('elasticsearch: single node, security on, 1 GB heap, data in a named volume, health via the elastic password', () => {
    const service = resolved.services.elasticsearch;
    const env = environmentOf(service);
    expect(env.get('discovery.type')).toBe('single-node');
    expect(env.get('xpack.security.enabled')).toBe('true');
    expect(env.get('ES_JAVA_OPTS')).toBe('-Xms1g -Xmx1g');
    expect(env.get('ELASTIC_PASSWORD')).toBe(envExample.get('ELASTIC_PASSWORD'));
    const data = volumesOf(service).find((volume) => volume.target === '/usr/share/elasticsearch/data');
    expect(data && Object.keys(resolved.volumes ?? {})).toContain(data!.source);
    // The container's own variable ($$ in the file), so the password is not baked into the healthcheck.
    const test = (service.healthcheck!.test as string[]).join(' ');
    expect(test).toContain('_cluster/health');
    expect(test).toContain('elastic:${ELASTIC_PASSWORD}');
  });

  it('plugin-build: the checkout at /src, the workspace volume outside it, shared read-only with setup', () => {
    const service = resolved.services['plugin-build'];
    expect(isOneShot(service)).toBe(true);
    const volumes = volumesOf(service).map((volume) => ({
      ...volume,
      source: normalize(volume.source).replace(/(.)\/$/, '$1'),
    }));
    expect(volumes).toEqual([
      { source: '.', target: '/src', readOnly: false },
      { source: 'plugin-workspace', target: '/build', readOnly: false },
    ]);
    expect(Object.keys(resolved.volumes ?? {})).toContain('plugin-workspace');
    expect(service.working_dir).toBe('/build');
    expect(volumesOf(resolved.services.setup)).toEqual([
      { source: 'plugin-workspace', target: '/build', readOnly: true },
    ]);
  });

  it('plugin-build: root only hands the owner the workspace and old leftovers, then runs the script as the owner', () => {
    const service = resolved.services['plugin-build'];
    const [shell, flags, script] = service.command as string[];
    expect([shell, flags]).toEqual(['sh', '-euc']);
    // The uid:gid come from the mounted checkout itself, so a fresh clone needs no setting.
    expect(script).toContain('uid="$(stat -c %u /src)"');
    expect(script).toContain('gid="$(stat -c %g /src)"');
    const drop = script.indexOf(
      'exec setpriv --reuid="$uid" --regid="$gid" --clear-groups sh /src/scripts/plugin-build.sh'
    );
    expect(drop).toBeGreaterThan(0);
    expect(existsSync(repoPath('scripts/plugin-build.sh'))).toBe(true);
    // Before the drop, only ownership changes, and only of what is not the owner's yet.
    const beforeDrop = script.slice(0, drop);
    expect(beforeDrop).not.toMatch(/npm|chmod|chown -R|rm /);
    expect(beforeDrop).toContain('for dir in /build /src/node_modules /src/dist; do');
    expect(beforeDrop).toContain('find "$dir" -xdev ! -user "$uid" -exec chown -h "$uid:$gid" {} +');
    expect(service.user).toBeUndefined();
    // A uid without a home directory in the image still gets a writable npm cache.
    expect(environmentOf(service).get('HOME')).toMatch(/^\/tmp\//);
  });

  it('plugin-build: the script works in the volume, skips npm ci while the lock is unchanged, then builds', () => {
    // Its behaviour is tested by running it (pluginBuildScript.test.ts); here, that it reads what compose mounts.
    const script = readText('scripts/plugin-build.sh')
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    expect(script).toContain('SRC="${SRC:-/src}"');
    expect(script).toContain('WORK="${WORK:-/build}"');
    expect(script).toContain('STAMP="$WORK/node_modules/.package-lock.sha256"');
    const compare = script.indexOf('if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ]; then');
    const install = script.indexOf('npm ci --no-audit --no-fund');
    expect(script.indexOf('sha256sum <package-lock.json')).toBeGreaterThan(0);
    expect(compare).toBeGreaterThan(script.indexOf('sha256sum <package-lock.json'));
    expect(install).toBeGreaterThan(compare);
    expect(script.indexOf('npm run build')).toBeGreaterThan(install);
    // One command runs npm ci, the one behind the comparison.
    expect(script.split('\n').filter((line) => /^\s*npm ci\b/.test(line))).toEqual(['  npm ci --no-audit --no-fund']);
  });

  it('setup: runs the seeder with options it accepts, live, with the ready file its healthcheck waits for', () => {
    const service = resolved.services.setup;
    const command = service.command as string[];
    const script = command.indexOf('tools/seed/cli.ts');
    expect(script).toBeGreaterThan(0);
    // Relative to the workspace, which holds a copy of the checkout.
    expect(service.working_dir).toBe('/build');
    expect(existsSync(repoPath('tools/seed/cli.ts'))).toBe(true);
    expect(readText('scripts/plugin-build.sh')).not.toMatch(/--exclude=\.?\/?tools/);
    const options = parseOptions(command.slice(script + 1), Object.fromEntries(environmentOf(service)));
    expect(options).toMatchObject({
      node: 'http://elasticsearch:9200',
      username: 'elastic',
      password: envExample.get('ELASTIC_PASSWORD'),
      readerUser: 'grafana_reader',
      readerPassword: envExample.get('GRAFANA_ES_PASSWORD'),
      live: true,
      seed: Number(envExample.get('SEED')),
    });
    expect(service.healthcheck!.test).toEqual(['CMD', 'test', '-f', (options as { readyFile: string }).readyFile]);
  });

  it('grafana: loads the built plugin unsigned, mounts provisioning, has the read-only ES password for it', () => {
    const service = resolved.services.grafana;
    const env = environmentOf(service);
    expect(volumesOf(service)).toEqual(
      expect.arrayContaining([
        { source: './dist', target: `/var/lib/grafana/plugins/${pluginId}`, readOnly: true },
        { source: './provisioning', target: '/etc/grafana/provisioning', readOnly: true },
      ])
    );
    expect(env.get('GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS')?.split(',')).toContain(pluginId);
    expect(env.get('GRAFANA_ES_PASSWORD')).toBe(envExample.get('GRAFANA_ES_PASSWORD'));
    // The home dashboard is a provisioned file.
    const home = env.get('GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH')!;
    expect(home.startsWith('/etc/grafana/provisioning/')).toBe(true);
    expect(existsSync(repoPath(home.replace('/etc/grafana/provisioning/', 'provisioning/')))).toBe(true);
  });

  it('gives Grafana every environment variable the provisioning files read', () => {
    const env = environmentOf(resolved.services.grafana);
    const provisioning = readText('provisioning/datasources/voice-elasticsearch.yml');
    const needed = composeVariables(provisioning).map((variable) => variable.name);
    expect(needed).toContain('GRAFANA_ES_PASSWORD');
    for (const name of needed) {
      expect([name, env.has(name)]).toEqual([name, true]);
    }
  });
});
