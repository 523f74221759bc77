/** The alert-rules command: --help, writing, --check, and bad input that exits non-zero and writes nothing. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { main, USAGE } from '../../../tools/alert-rules/main';
import { removeScratchDirs, scratchDir } from './testing/repo';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

afterAll(removeScratchDirs);

const REQUIRED = ['--datasource', 'voice-calls', '--code-field', 'sip_status'];

describe('alert-rules --help', () => {
  it('explains every flag', async () => {
    const dir = scratchDir('help');
    const result = await run(['--help'], dir);
    expect(result.code).toBe(0);
    const flags = [
      '--policy',
      '--datasource',
      '--code-field',
      '--out',
      '--uid-prefix',
      '--interval',
      '--window',
      '--baseline',
      '--folder',
      '--group',
      '--time-field',
      '--dashboard',
      '--panel',
      '--runbook-url',
      '--check',
      '--help',
    ];
    for (const flag of flags) {
      expect(result.stdout).toMatch(new RegExp(`^\\s+(-h, )?${flag} .{10,}`, 'm'));
    }
    expect(result.stdout).toBe(`${USAGE}\n`);
    expect(USAGE).toMatch(/--window .*evaluation window/);
    expect(USAGE).toMatch(/--baseline .*the range the rise is measured against/);
  });
});

describe('writing', () => {
  it('writes the file (making its folder), and --check then finds it up to date or out of date', async () => {
    const dir = scratchDir('write');
    const args = [...REQUIRED, '--out', 'provisioning/alerting/sip-codes.yaml'];
    const written = await run(args, dir);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    const target = join(dir, 'provisioning/alerting/sip-codes.yaml');
    expect(readFileSync(target, 'utf8')).toMatch(/^# Grafana alert rules/);

    expect((await run([...args, '--check'], dir)).code).toBe(0);
    writeFileSync(target, 'changed by hand\n');
    const stale = await run([...args, '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/out of date/);
    expect(readFileSync(target, 'utf8')).toBe('changed by hand\n');
  });
});

describe('bad input exits non-zero with a clear message and writes nothing', () => {
  const cases: Array<{
    name: string;
    args: (dir: string) => string[];
    message: RegExp;
    setup?: (dir: string) => void;
  }> = [
    {
      name: 'a policy file that is not JSON',
      setup: (dir) => writeFileSync(join(dir, 'team-policy.json'), '{"503": {"severity": "immediate"'),
      args: () => [...REQUIRED, '--policy', 'team-policy.json'],
      message: /team-policy\.json is not JSON/,
    },
    {
      name: 'a policy that is not an object keyed by code',
      setup: (dir) => writeFileSync(join(dir, 'team-policy.json'), '[{"code": 503}]'),
      args: () => [...REQUIRED, '--policy', 'team-policy.json'],
      message: /object keyed by SIP code/,
    },
    {
      name: 'a policy with a field the panel would ignore',
      setup: (dir) => writeFileSync(join(dir, 'team-policy.json'), '{"503": {"rules": {"shareAtLeast": "five"}}}'),
      args: () => [...REQUIRED, '--policy', 'team-policy.json'],
      message: /1 problem\(s\) in the policy:\n {2}- 503\.rules\.shareAtLeast/,
    },
    {
      name: 'a policy file that does not exist',
      args: () => [...REQUIRED, '--policy', 'missing.json'],
      message: /cannot read --policy missing\.json/,
    },
    { name: 'an unknown flag', args: () => [...REQUIRED, '--windw', '5m'], message: /Unknown option '--windw'/ },
    {
      name: 'a missing data source uid',
      args: () => ['--code-field', 'sip_status'],
      message: /--datasource is required/,
    },
    {
      name: 'a data source uid Grafana cannot have',
      args: () => ['--datasource', 'voice calls', '--code-field', 'x'],
      message: /--datasource must be a Grafana uid/,
    },
    { name: 'a missing code field', args: () => ['--datasource', 'voice-calls'], message: /--code-field is required/ },
    {
      name: 'a code field that is not a plain field name',
      args: () => ['--datasource', 'voice-calls', '--code-field', 'sip_status OR *'],
      message: /--code-field must be a field name/,
    },
    {
      name: 'a duration Grafana and Elasticsearch read differently',
      args: () => [...REQUIRED, '--window', '1h30m'],
      message: /--window must be a duration/,
    },
    {
      name: 'an interval off Grafana’s 10 s step',
      args: () => [...REQUIRED, '--interval', '45s'],
      message: /--interval must be a multiple of 10s/,
    },
    {
      name: 'a baseline no longer than the window',
      args: () => [...REQUIRED, '--window', '1h', '--baseline', '60m'],
      message: /--baseline \(60m\) must be longer than --window \(1h\)/,
    },
    {
      name: 'a panel without its dashboard',
      args: () => [...REQUIRED, '--panel', '1'],
      message: /--dashboard and --panel go together/,
    },
    {
      name: 'a panel id that is not one',
      args: () => [...REQUIRED, '--dashboard', 'noc', '--panel', '1.5'],
      message: /--panel must be a panel id/,
    },
    {
      name: 'a uid prefix Grafana cannot take',
      args: () => [...REQUIRED, '--uid-prefix', 'voice noc/'],
      message: /--uid-prefix must be/,
    },
    {
      name: 'a folder with a slash',
      args: () => [...REQUIRED, '--folder', 'Voice/NOC'],
      message: /--folder must be a non-empty name/,
    },
    {
      name: 'a runbook URL that is not http(s)',
      args: () => [...REQUIRED, '--runbook-url', 'javascript:alert(1)'],
      message: /--runbook-url must be an http\(s\) URL/,
    },
    { name: 'a stray argument', args: () => [...REQUIRED, 'extra'], message: /Unexpected argument 'extra'/ },
  ];

  it.each(cases.map((testCase) => [testCase.name, testCase]))('%s', async (_, testCase) => {
    const dir = scratchDir('bad');
    testCase.setup?.(dir);
    const existing = join(dir, 'existing.yaml');
    writeFileSync(existing, 'the team’s current rules\n');
    const result = await run([...testCase.args(dir), '--out', 'existing.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^alert-rules: /);
    expect(result.stderr).toMatch(testCase.message);
    expect(result.stdout).toBe('');
    expect(readFileSync(existing, 'utf8')).toBe('the team’s current rules\n');
    const fresh = await run([...testCase.args(dir), '--out', 'fresh.yaml'], dir);
    expect(fresh.code).toBe(2);
    expect(existsSync(join(dir, 'fresh.yaml'))).toBe(false);
  });

  it('needs --out', async () => {
    const result = await run(REQUIRED, scratchDir('no-out'));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/--out is required/);
  });
});
