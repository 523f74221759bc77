/**
 * The alert-rules CLI: options → policy → rule plan (src/core) → Grafana provisioning YAML → file. Everything is
 * checked before anything is written, and the file is replaced in one rename, so bad input never leaves a file
 * behind. `main` never throws and never calls process.exit: it returns the exit code (0 ok, 1 failed, 2 bad input).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { dump } from 'js-yaml';

import { buildPolicy, DEFAULT_ALERT_UID_PREFIX, isValidAlertUidPrefix, planAlertRules, Policy } from '../../src/core';
import { parseDuration } from './durations';
import { FIELD_NAME } from './lucene';
import { alertingFile, RuleSettings } from './rules';

export const USAGE = `Write Grafana alert rules (file provisioning) from the policy the SIP Response Codes panel shows.

Usage: npm run alert-rules -- --datasource <uid> --code-field <field> --out <file> [options]

Required
  --datasource <uid>       uid of the Elasticsearch data source with the call records (e.g. voice-calls)
  --code-field <field>     field holding the SIP status code, as the panel's query uses it (e.g. sip_status)
  --out <file>             where to write the YAML (e.g. provisioning/alerting/sip-codes.yaml)

Policy
  --policy <file>          the team's policy: JSON as the panel's policy editor exports it (Export JSON).
                           Without it, the built-in runbook policy. Any problem in it stops the run.
  --uid-prefix <prefix>    start of every rule uid (default ${DEFAULT_ALERT_UID_PREFIX}; letters, digits, - and _, at most
                           28); set the same prefix in the panel's options so its guidance card links the rules

Evaluation (durations: a whole number and one of s, m, h, d)
  --interval <duration>    how often Grafana evaluates the rules (default 1m; a multiple of 10s)
  --window <duration>      the evaluation window: shares, counts and incidents are measured over it, and it is
                           the recent part of the rise rule (default 15m)
  --baseline <duration>    the range the rise is measured against: the recent window is compared with the rest
                           of the last <baseline> (default 6h; longer than --window)

Where the rules go
  --folder <title>         Grafana folder of the rules (default NOC)
  --group <name>           rule group (default "SIP response codes"); one group per gateway and folder
  --time-field <field>     the data source's time field (default @timestamp)
  --dashboard <uid>        with --panel: each alert links to this dashboard panel
  --panel <id>             the panel's id on that dashboard
  --runbook-url <url>      http(s) URL added to every alert as runbook_url; \${code} is replaced by the code

  --check                  do not write: exit 1 when <file> differs from what would be written
  -h, --help               this text

Exit codes: 0 done, 1 failed or --check found a difference, 2 bad input (message on stderr; nothing written).`;

export class UsageError extends Error {}

export interface GenerateOptions extends RuleSettings {
  policyFile?: string;
  prefix: string;
  out: string;
  check: boolean;
}

export interface MainDeps {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Relative paths are resolved against it. */
  cwd: string;
}

const DEFAULTS = { interval: '1m', window: '15m', baseline: '6h', folder: 'NOC', group: 'SIP response codes' };
const GRAFANA_UID = /^[A-Za-z0-9_-]{1,40}$/;

/** Parses argv (without node and script). Throws UsageError naming the flag on anything wrong. */
export function parseOptions(argv: string[]): GenerateOptions | 'help' {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        policy: { type: 'string' },
        datasource: { type: 'string' },
        'code-field': { type: 'string' },
        'time-field': { type: 'string' },
        folder: { type: 'string' },
        group: { type: 'string' },
        interval: { type: 'string' },
        window: { type: 'string' },
        baseline: { type: 'string' },
        dashboard: { type: 'string' },
        panel: { type: 'string' },
        'uid-prefix': { type: 'string' },
        'runbook-url': { type: 'string' },
        out: { type: 'string' },
        check: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    return 'help';
  }
  const datasourceUid = required('datasource', values.datasource, 'the uid of the Elasticsearch data source');
  if (!GRAFANA_UID.test(datasourceUid)) {
    throw new UsageError(
      `--datasource must be a Grafana uid (letters, digits, - and _, at most 40), got "${datasourceUid}"`
    );
  }
  const codeField = fieldOption(
    'code-field',
    required('code-field', values['code-field'], 'the field with the SIP code')
  );
  const out = required('out', values.out, 'the file to write');
  const interval = durationOption('interval', values.interval ?? DEFAULTS.interval);
  if (interval < 10 || interval % 10 !== 0) {
    throw new UsageError(`--interval must be a multiple of 10s (Grafana's evaluation step), got "${values.interval}"`);
  }
  const window = durationOption('window', values.window ?? DEFAULTS.window);
  if (window < 60) {
    throw new UsageError(`--window must be at least 1m, got "${values.window}"`);
  }
  const baseline = durationOption('baseline', values.baseline ?? DEFAULTS.baseline);
  if (baseline <= window) {
    throw new UsageError(
      `--baseline (${values.baseline ?? DEFAULTS.baseline}) must be longer than --window (${values.window ?? DEFAULTS.window})`
    );
  }
  const prefix = values['uid-prefix'] ?? DEFAULT_ALERT_UID_PREFIX;
  if (!isValidAlertUidPrefix(prefix)) {
    throw new UsageError(`--uid-prefix must be letters, digits, - and _, at most 28 characters, got "${prefix}"`);
  }
  return {
    policyFile: values.policy,
    datasourceUid,
    codeField,
    timeField: fieldOption('time-field', values['time-field'] ?? '@timestamp', /^@?[A-Za-z_][A-Za-z0-9_.]*$/),
    folder: textOption('folder', values.folder ?? DEFAULTS.folder),
    group: textOption('group', values.group ?? DEFAULTS.group),
    intervalSeconds: interval,
    windowSeconds: window,
    baselineSeconds: baseline,
    dashboard: dashboardOption(values.dashboard, values.panel),
    runbookUrl: runbookOption(values['runbook-url']),
    prefix,
    out,
    check: values.check ?? false,
  };
}

function required(name: string, value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') {
    throw new UsageError(`--${name} is required: ${what}`);
  }
  return value;
}

function durationOption(name: string, text: string): number {
  const duration = parseDuration(text);
  if (!duration) {
    throw new UsageError(`--${name} must be a duration such as 30s, 15m, 6h or 1d, got "${text}"`);
  }
  return duration.seconds;
}

function fieldOption(name: string, value: string, pattern: RegExp = FIELD_NAME): string {
  if (!pattern.test(value)) {
    throw new UsageError(
      `--${name} must be a field name of letters, digits, _ and dots (like sip_status or sip.code), got "${value}"`
    );
  }
  return value;
}

function textOption(name: string, value: string): string {
  if (value.trim() === '' || /[/\\\u0000-\u001f]/.test(value)) {
    throw new UsageError(`--${name} must be a non-empty name without / \\ or control characters, got "${value}"`);
  }
  return value;
}

function dashboardOption(uid: string | undefined, panel: string | undefined): RuleSettings['dashboard'] {
  if (uid === undefined && panel === undefined) {
    return undefined;
  }
  if (uid === undefined || panel === undefined) {
    throw new UsageError('--dashboard and --panel go together: the dashboard uid and the id of the panel on it');
  }
  if (!GRAFANA_UID.test(uid)) {
    throw new UsageError(`--dashboard must be a dashboard uid (letters, digits, - and _, at most 40), got "${uid}"`);
  }
  const panelId = Number(panel);
  if (!/^[1-9]\d{0,8}$/.test(panel)) {
    throw new UsageError(`--panel must be a panel id (a whole number from 1), got "${panel}"`);
  }
  return { uid, panelId };
}

function runbookOption(url: string | undefined): string | undefined {
  if (url === undefined) {
    return undefined;
  }
  let parsed: URL | null = null;
  try {
    parsed = new URL(url.split('${code}').join('0'));
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new UsageError(`--runbook-url must be an http(s) URL, got "${url}"`);
  }
  return url;
}

/**
 * The team's policy from the policy editor's export: an object keyed by SIP code. Not JSON, not an object, or any
 * problem buildPolicy reports (a field it would ignore) is a UsageError listing them, so the alerts never quietly
 * follow a different policy than the team meant.
 */
export function readPolicy(text: string, file: string): Policy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(
      `${file} must hold an object keyed by SIP code, as the policy editor exports it, like {"503": {"severity": "immediate"}}`
    );
  }
  const built = buildPolicy(parsed);
  if (built.issues.length > 0) {
    throw new UsageError(
      `${file}: ${built.issues.length} problem(s) in the policy:\n${built.issues.map((issue) => `  - ${issue.message}`).join('\n')}`
    );
  }
  return built.policy;
}

/** The command that regenerates a file, for its header (without --check, which only compares). */
export function commandLine(argv: readonly string[]): string {
  return ['npm run alert-rules --', ...argv.filter((arg) => arg !== '--check').map(shellWord)].join(' ');
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The whole file: a header saying how it was made, then the YAML. */
export function renderFile(policy: Policy, options: GenerateOptions, argv: readonly string[]): string {
  const plan = planAlertRules(policy, { prefix: options.prefix });
  const file = alertingFile(plan, options);
  const header = [
    '# Grafana alert rules for the SIP Response Codes panel, generated from its policy. Do not edit: regenerate with',
    `#   ${commandLine(argv)}`,
    `# Policy: ${options.policyFile ? `${options.policyFile} over the built-in runbook policy` : 'the built-in runbook policy'}.`,
    `# ${file.groups[0].rules.length} rules; see docs/alerting.md.`,
  ];
  return `${header.join('\n')}\n${dump(file, { noRefs: true, lineWidth: -1, sortKeys: false })}`;
}

/** Generates the file's text from argv, reading the policy file if one is named. Throws UsageError on bad input. */
export async function generate(
  argv: string[],
  cwd: string
): Promise<{ text: string; options: GenerateOptions } | 'help'> {
  const options = parseOptions(argv);
  if (options === 'help') {
    return 'help';
  }
  let policy: Policy | undefined;
  if (options.policyFile !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, options.policyFile), 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read --policy ${options.policyFile}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
    policy = readPolicy(text, options.policyFile);
  }
  return { text: renderFile(policy ?? buildPolicy().policy, options, argv), options };
}

export async function main(argv: string[], deps: MainDeps): Promise<number> {
  let generated: Awaited<ReturnType<typeof generate>>;
  try {
    generated = await generate(argv, deps.cwd);
  } catch (error) {
    deps.stderr.write(`alert-rules: ${error instanceof Error ? error.message : String(error)}\nTry --help.\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  if (generated === 'help') {
    deps.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { text, options } = generated;
  const target = resolve(deps.cwd, options.out);
  try {
    if (options.check) {
      const current = await readFile(target, 'utf8').catch(() => null);
      if (current !== text) {
        deps.stderr.write(
          `alert-rules: ${options.out} is ${current === null ? 'missing' : 'out of date'}; regenerate it without --check\n`
        );
        return 1;
      }
      deps.stdout.write(`${options.out} is up to date\n`);
      return 0;
    }
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.tmp-${process.pid}`;
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    deps.stderr.write(
      `alert-rules: cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}\n`
    );
    return 1;
  }
  deps.stdout.write(`wrote ${options.out}\n`);
  return 0;
}
