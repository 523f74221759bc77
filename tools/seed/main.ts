/**
 * The seeder CLI: options, then connect → templates → read-only user → anchor → history → ready file → live.
 * `main` never throws and never calls process.exit: it returns the exit code (0 ok, 1 failure, 2 usage).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import type { BaseConnection, Client } from '@elastic/elasticsearch';

import { bulkOpsOf } from './documents';
import {
  createClient,
  deleteSeededIndices,
  ensureReaderUser,
  installTemplates,
  readStoredScenario,
  StoredScenario,
  storeScenario,
  waitForElasticsearch,
} from './elastic';
import { Scenario, SimCall } from './model';
import { createProgress, ProgressTarget } from './progress';
import { describeError, RetryPolicy, SeedError } from './retry';
import { buildScenario, floorTo, MINUTE_MS } from './scenario';
import { runLive, seedHistory } from './seeder';
import { callsBetween } from './traffic';

export const USAGE = `Seed Elasticsearch with synthetic SIP call records, SIP messages and gateway logs.

Usage: npm run seed -- [options]

Connection
  --node <url>             Elasticsearch URL (env ES_NODE; default http://localhost:9200)
  --username <name>        user with rights to create templates, roles and users (env ES_USERNAME; default elastic)
  --password <secret>      its password (env ES_PASSWORD, then ELASTIC_PASSWORD)
  --retries <n>            attempts per request before giving up (default 8; backoff doubles from --retry-delay)
  --retry-delay <ms>       first backoff delay (default 500, capped at 15000)

Grafana's read-only user (role voice_noc_reader: read + view_index_metadata on voice-*-*, cluster monitor)
  --reader-user <name>     (env GRAFANA_ES_USER; default grafana_reader)
  --reader-password <pw>   at least 6 characters (env GRAFANA_ES_PASSWORD; without it no user is created)

Data
  --seed <int>             deterministic data set (default 42); same seed + anchor = same documents and ids
  --days <n>               days of history before the anchor (default 7, 1–90)
  --rate <n>               carrier calls per minute at the weekday peak (default 20)
  --utc-offset <hours>     callers' local time for the daily curve (default 0)
  --anchor <now|ISO time>  where the scripted incidents sit (the latest ends 20 min before it). Default: the
                           anchor stored for this seed by an earlier run, else now
  --reset                  delete the seeded indices and stored anchors first
  --skip-history           do not write history (templates, user and live only)
  --live                   keep writing calls as they happen until stopped (Ctrl-C / SIGTERM)
  --live-interval <s>      seconds between live writes (default 5)
  --replay-every <min>     replay a small incident (500, 503 storm, 408) every <min> minutes after the anchor, so
                           alert rules keep firing and resolving in a long-running demo (default 0: never; 15–1440)
  --ready-file <path>      touch this file once templates, user and history are in place (compose healthcheck)
  --dry-run                generate only, print a summary; no Elasticsearch needed
  --no-progress            no progress bar
  -h, --help               this text

Exit codes: 0 done, 1 failed (message on stderr), 2 bad options.`;

export interface MainDeps {
  env: Record<string, string | undefined>;
  stdout: ProgressTarget;
  stderr: ProgressTarget;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Stops the live loop (the CLI wires SIGINT/SIGTERM to it). */
  signal: AbortSignal;
  /** Test hook for @elastic/elasticsearch-mock. */
  Connection?: typeof BaseConnection;
}

export interface SeedOptions {
  node: string;
  username: string;
  password: string;
  readerUser: string;
  readerPassword?: string;
  seed: number;
  days: number;
  rate: number;
  utcOffsetHours: number;
  anchor?: 'now' | number;
  reset: boolean;
  skipHistory: boolean;
  live: boolean;
  liveIntervalMs: number;
  /** Minutes between replayed incidents (replay.ts); 0: none. */
  replayEveryMinutes: number;
  readyFile?: string;
  dryRun: boolean;
  progress: boolean;
  retries: number;
  retryDelayMs: number;
}

export class UsageError extends Error {}

/** Elasticsearch refuses to create a user whose password is shorter (its create-user API answers 400). */
export const MIN_PASSWORD_LENGTH = 6;

/** Parses argv (without node and script) with env fallbacks. Throws UsageError on bad input. */
export function parseOptions(argv: string[], env: Record<string, string | undefined>): SeedOptions | 'help' {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        node: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        'reader-user': { type: 'string' },
        'reader-password': { type: 'string' },
        seed: { type: 'string' },
        days: { type: 'string' },
        rate: { type: 'string' },
        'utc-offset': { type: 'string' },
        anchor: { type: 'string' },
        reset: { type: 'boolean' },
        'skip-history': { type: 'boolean' },
        live: { type: 'boolean' },
        'live-interval': { type: 'string' },
        'replay-every': { type: 'string' },
        'ready-file': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        retries: { type: 'string' },
        'retry-delay': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    return 'help';
  }
  const dryRun = values['dry-run'] ?? false;
  const password = values.password ?? env.ES_PASSWORD ?? env.ELASTIC_PASSWORD ?? '';
  const options: SeedOptions = {
    node: values.node ?? env.ES_NODE ?? 'http://localhost:9200',
    username: values.username ?? env.ES_USERNAME ?? 'elastic',
    password,
    readerUser: values['reader-user'] ?? env.GRAFANA_ES_USER ?? 'grafana_reader',
    readerPassword: values['reader-password'] ?? (env.GRAFANA_ES_PASSWORD || undefined),
    seed: integerOption('seed', values.seed, 42, 0, 2 ** 32 - 1),
    days: numberOption('days', values.days, 7, 1, 90),
    rate: numberOption('rate', values.rate, 20, 0.1, 10_000),
    utcOffsetHours: numberOption('utc-offset', values['utc-offset'], 0, -12, 14),
    anchor: anchorOption(values.anchor),
    reset: values.reset ?? false,
    skipHistory: values['skip-history'] ?? false,
    live: values.live ?? false,
    liveIntervalMs: numberOption('live-interval', values['live-interval'], 5, 0.1, 3600) * 1000,
    replayEveryMinutes: replayOption(values['replay-every']),
    readyFile: values['ready-file'],
    dryRun,
    progress: !(values['no-progress'] ?? false),
    retries: integerOption('retries', values.retries, 8, 1, 100),
    retryDelayMs: integerOption('retry-delay', values['retry-delay'], 500, 0, 60_000),
  };
  if (!dryRun && password === '') {
    throw new UsageError('no password: pass --password or set ES_PASSWORD (or ELASTIC_PASSWORD)');
  }
  const reader = options.readerPassword;
  if (!dryRun && reader !== undefined && reader.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(
      `the password for ${options.readerUser} (--reader-password or GRAFANA_ES_PASSWORD) has ${reader.length} ` +
        `characters; Elasticsearch needs at least ${MIN_PASSWORD_LENGTH} and would refuse to create the user. ` +
        'Set a longer one (for docker compose: GRAFANA_ES_PASSWORD in .env)'
    );
  }
  return options;
}

function numberOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function integerOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = numberOption(name, raw, fallback, min, max);
  if (!Number.isInteger(value)) {
    throw new UsageError(`--${name} must be a whole number (got "${raw}")`);
  }
  return value;
}

/** 0 (never), or whole minutes from 15 (longer than the longest replay plus a quiet gap) to a day. */
function replayOption(raw: string | undefined): number {
  const minutes = integerOption('replay-every', raw, 0, 0, 1440);
  if (minutes !== 0 && minutes < 15) {
    throw new UsageError(`--replay-every must be 0 or from 15 to 1440 minutes (got "${raw}")`);
  }
  return minutes;
}

function anchorOption(raw: string | undefined): 'now' | number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  if (raw === 'now') {
    return 'now';
  }
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms)) {
    throw new UsageError(`--anchor must be "now" or an ISO time such as 2026-11-25T14:00:00Z (got "${raw}")`);
  }
  return ms;
}

function defaultDeps(): MainDeps {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => Date.now(),
    sleep: abortableSleep,
    signal: new AbortController().signal,
  };
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function main(argv: string[], partialDeps: Partial<MainDeps> = {}): Promise<number> {
  const deps: MainDeps = { ...defaultDeps(), ...partialDeps };
  const say = (text: string) => deps.stdout.write(`${text}\n`);
  let options: SeedOptions | 'help';
  try {
    options = parseOptions(argv, deps.env);
  } catch (error) {
    deps.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\nTry --help.\n`);
    return 2;
  }
  if (options === 'help') {
    say(USAGE);
    return 0;
  }
  try {
    if (options.dryRun) {
      dryRun(options, deps, say);
      return 0;
    }
    await seed(options, deps, say);
    return 0;
  } catch (error) {
    const message = error instanceof SeedError || error instanceof UsageError ? error.message : describeError(error);
    deps.stderr.write(`seed: ${message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

/** Settings that shape the data and differ from the stored run, as "--rate 20" items. */
function changedSettings(stored: StoredScenario, options: SeedOptions): string[] {
  const pairs: Array<[string, number | undefined, number]> = [
    ['--rate', stored.peak_per_minute, options.rate],
    ['--days', stored.days, options.days],
    ['--utc-offset', stored.utc_offset_hours, options.utcOffsetHours],
  ];
  return pairs
    .filter(([, before, now]) => before !== undefined && before !== now)
    .map(([flag, before]) => `${flag} ${before}`);
}

const WITHOUT_RECORD = 'scanner INVITEs without a call record';

/**
 * One line per minute of live writing: "live 14:05Z: 12 calls (200×9 487×2 404×1)", plus ", 30 filtered scanner
 * INVITEs (603, no call record)" when drachtio's spammer filter answered some.
 */
function liveReporter(say: (text: string) => void): (calls: SimCall[]) => void {
  let minute = '';
  const counts = new Map<number, number>();
  let filtered = 0;
  const flush = () => {
    if (counts.size > 0 || filtered > 0) {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const codes = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}×${n}`);
      const scanners = filtered > 0 ? `, ${filtered} filtered scanner INVITEs (603, no call record)` : '';
      say(`live ${minute}Z: ${total} calls (${codes.join(' ')})${scanners}`);
      counts.clear();
      filtered = 0;
    }
  };
  return (calls) => {
    for (const call of calls) {
      const callMinute = new Date(call.startMs).toISOString().slice(11, 16);
      if (callMinute !== minute) {
        flush();
        minute = callMinute;
      }
      if (call.callRecord) {
        counts.set(call.status, (counts.get(call.status) ?? 0) + 1);
      } else {
        filtered++;
      }
    }
  };
}

function resolveAnchorNow(anchor: SeedOptions['anchor'], now: number): number | undefined {
  if (anchor === undefined) {
    return undefined;
  }
  const ms = anchor === 'now' ? now : anchor;
  if (ms > now + MINUTE_MS) {
    throw new UsageError('--anchor cannot be in the future');
  }
  return floorTo(ms, MINUTE_MS);
}

/** The scenario the command line asks for, anchored at anchorMs. */
function scenarioOf(options: SeedOptions, anchorMs: number): Scenario {
  return buildScenario({
    seed: options.seed,
    anchorMs,
    days: options.days,
    peakPerMinute: options.rate,
    utcOffsetHours: options.utcOffsetHours,
    replayEveryMinutes: options.replayEveryMinutes,
  });
}

function dryRun(options: SeedOptions, deps: MainDeps, say: (text: string) => void): void {
  const now = deps.now();
  const anchorMs = resolveAnchorNow(options.anchor, now) ?? floorTo(now, MINUTE_MS);
  const scenario = scenarioOf(options, anchorMs);
  const byCode = new Map<number, number>();
  const docs = { calls: 0, sip: 0, logs: 0 };
  for (const call of callsBetween(scenario, scenario.startMs, Math.max(anchorMs, floorTo(now, MINUTE_MS)))) {
    byCode.set(call.status, (byCode.get(call.status) ?? 0) + 1);
    for (const op of bulkOpsOf(call, scenario)) {
      docs[op.kind]++;
    }
  }
  const codes = [...byCode.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}:${n}`);
  say(`dry run, seed ${options.seed}, anchor ${new Date(anchorMs).toISOString()}, ${options.days} days`);
  say(`documents: ${docs.calls} calls, ${docs.sip} SIP messages, ${docs.logs} log lines`);
  say(`final responses (SIP, call records or not): ${codes.join(' ')}`);
  say(
    `incidents: ${scenario.incidents.map((i) => `${i.status} ${i.kind} ${new Date(i.startMs).toISOString()}`).join('; ')}`
  );
}

async function seed(options: SeedOptions, deps: MainDeps, say: (text: string) => void): Promise<void> {
  const policy: RetryPolicy = {
    attempts: options.retries,
    baseDelayMs: options.retryDelayMs,
    maxDelayMs: 15_000,
    sleep: (ms) => deps.sleep(ms, deps.signal),
    onRetry: (what, attempt, delayMs, error) =>
      deps.stderr.write(
        `seed: ${what}: ${describeError(error)}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s\n`
      ),
  };
  const client: Client = createClient({
    node: options.node,
    username: options.username,
    password: options.password,
    Connection: deps.Connection,
  });
  try {
    const version = await waitForElasticsearch(client, policy, options.node);
    say(`connected to Elasticsearch ${version} at ${options.node}`);
    if (options.reset) {
      const deleted = await deleteSeededIndices(client, policy);
      say(`reset: deleted ${deleted.length} indices`);
    }
    const templates = await installTemplates(client, policy);
    say(`index templates: ${templates.join(', ')}`);
    if (options.readerPassword) {
      const reader = await ensureReaderUser(client, options.readerUser, options.readerPassword, policy);
      say(reader.ok ? `read-only user ${options.readerUser} ready` : `read-only user skipped: ${reader.reason}`);
    } else {
      say('read-only user skipped: no --reader-password / GRAFANA_ES_PASSWORD');
    }

    const now = deps.now();
    const requested = resolveAnchorNow(options.anchor, now);
    const stored = await readStoredScenario(client, options.seed, policy);
    const anchorMs = requested ?? (stored ? Date.parse(stored.anchor) : floorTo(now, MINUTE_MS));
    const changed = stored && requested === undefined ? changedSettings(stored, options) : [];
    if (changed.length > 0) {
      say(
        `note: seed ${options.seed} was seeded with ${changed.join(', ')}; ` +
          'the stored anchor is kept, use --reset to rebuild the data set with the new values'
      );
    }
    await storeScenario(
      client,
      {
        seed: options.seed,
        anchor: new Date(anchorMs).toISOString(),
        peak_per_minute: options.rate,
        days: options.days,
        utc_offset_hours: options.utcOffsetHours,
        updated_at: new Date(now).toISOString(),
      },
      policy
    );
    const scenario = scenarioOf(options, anchorMs);
    say(
      `seed ${options.seed}, anchor ${new Date(anchorMs).toISOString()}${requested === undefined && stored ? ' (stored)' : ''}`
    );

    const historyEnd = floorTo(now, MINUTE_MS);
    if (!options.skipHistory) {
      const progress = createProgress('history', deps.stderr, options.progress);
      const totals = await seedHistory(client, scenario, scenario.startMs, historyEnd, policy, progress);
      say(`history: ${totals.calls} calls, ${totals.withoutRecord} ${WITHOUT_RECORD}, ${totals.docs} documents`);
    }
    if (options.readyFile) {
      await writeFile(options.readyFile, `${new Date(deps.now()).toISOString()}\n`);
    }
    if (options.live) {
      say(`live: writing calls every ${options.liveIntervalMs / 1000} s until stopped`);
      if (options.replayEveryMinutes > 0) {
        say(`live: replaying a small incident every ${options.replayEveryMinutes} min (500, 503 storm, 408 in turn)`);
      }
      const totals = await runLive(client, scenario, policy, {
        fromMs: historyEnd,
        intervalMs: options.liveIntervalMs,
        now: deps.now,
        sleep: (ms) => deps.sleep(ms, deps.signal),
        signal: deps.signal,
        onWrite: liveReporter(say),
      });
      say(`live stopped: ${totals.calls} calls, ${totals.withoutRecord} ${WITHOUT_RECORD}, ${totals.docs} documents`);
    }
  } finally {
    await client.close().catch(() => undefined);
  }
}
