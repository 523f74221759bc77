/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
import { errors } from '@elastic/elasticsearch';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { main, MainDeps, MIN_PASSWORD_LENGTH, parseOptions, USAGE } from './main';
import { createMockCluster, MockCluster } from './testing/mockCluster';

const NOW = Date.UTC(2026, 10, 25, 14, 0, 30);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  sleeps: number[];
}

let cluster: MockCluster;
let dir: string;

beforeEach(() => {
  cluster = createMockCluster();
  dir = mkdtempSync(join(tmpdir(), 'seed-test-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], overrides: Partial<MainDeps> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const sleeps: number[] = [];
  const code = await main(argv, {
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    now: () => NOW,
    sleep: async (ms) => void sleeps.push(ms),
    signal: new AbortController().signal,
    Connection: cluster.Connection,
    ...overrides,
  });
  return { code, stdout, stderr, sleeps };
}

const ES = ['--node', 'http://es.test:9200', '--password', 'elastic-pw'];

describe('options', () => {
  it('prints the usage with --help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(USAGE.split('\n')[0]);
    expect(result.stdout).toContain('--seed');
    expect(cluster.requests).toEqual([]);
  });

  it.each([
    [['--days', 'zero'], '--days must be a number from 1 to 90 (got "zero")'],
    [['--days', '0'], '--days must be a number from 1 to 90'],
    [['--seed', '1.5'], '--seed must be a whole number'],
    [['--anchor', 'yesterday'], '--anchor must be "now" or an ISO time'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
  ])('rejects %j with exit code 2 and a clear message', async (args, message) => {
    const result = await run([...ES, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(cluster.requests).toEqual([]);
  });

  it('needs a password unless it is a dry run', async () => {
    const result = await run(['--node', 'http://es.test:9200']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no password');
  });

  it('takes connection settings from the environment', () => {
    const options = parseOptions([], {
      ES_NODE: 'http://elasticsearch:9200',
      ELASTIC_PASSWORD: 'pw',
      GRAFANA_ES_PASSWORD: 'reader-pw',
    });
    expect(options).toMatchObject({
      node: 'http://elasticsearch:9200',
      username: 'elastic',
      password: 'pw',
      readerUser: 'grafana_reader',
      readerPassword: 'reader-pw',
    });
    expect(parseOptions(['--password', 'x'], { ES_PASSWORD: 'y' })).toMatchObject({
      password: 'x',
      seed: 42,
      days: 7,
      rate: 20,
    });
  });

  it('refuses a read-only user password under 6 characters before connecting, with exit code 2', async () => {
    for (const argv of [
      [...ES, '--reader-password', 'short'],
      [...ES, '--reader-user', 'grafana_reader'],
    ]) {
      const result = await run(argv, { env: { GRAFANA_ES_PASSWORD: 'short' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'seed: the password for grafana_reader (--reader-password or GRAFANA_ES_PASSWORD) has 5 characters; ' +
          'Elasticsearch needs at least 6 and would refuse to create the user.'
      );
      expect(cluster.requests).toEqual([]);
    }
    expect(MIN_PASSWORD_LENGTH).toBe(6);
    expect(parseOptions([...ES, '--reader-password', 'sixsix'], {})).toMatchObject({ readerPassword: 'sixsix' });
    // A dry run creates no user, so it does not care.
    expect(parseOptions(['--dry-run'], { GRAFANA_ES_PASSWORD: 'x' })).toMatchObject({ dryRun: true });
  });

  it('refuses an anchor in the future', async () => {
    const result = await run([...ES, '--anchor', '2026-11-25T15:00:00Z']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--anchor cannot be in the future');
  });
});

describe('dry run', () => {
  it('generates and summarises without Elasticsearch', async () => {
    const result = await run(['--dry-run', '--days', '1', '--rate', '5']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/documents: \d+ calls, \d+ SIP messages, \d+ log lines/);
    expect(result.stdout).toContain('503 call-limit');
    expect(cluster.requests).toEqual([]);
  });
});

describe('seeding against a (mock) cluster', () => {
  const seedArgs = (extra: string[] = []) => [
    ...ES,
    '--reader-password',
    'reader-pw',
    '--days',
    '1',
    '--rate',
    '2',
    '--no-progress',
    '--ready-file',
    join(dir, 'ready'),
    ...extra,
  ];

  it('installs templates, the read-only user, stores the anchor, writes history, touches the ready file', async () => {
    const result = await run(seedArgs());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(cluster.requestsTo('PUT', '/_index_template/')).toHaveLength(3);
    expect(cluster.requestsTo('PUT', '/_security/user/grafana_reader')).toHaveLength(1);
    expect(cluster.documents.get('voice-seed-state/seed-42')).toMatchObject({
      seed: 42,
      anchor: '2026-11-25T14:00:00.000Z',
      peak_per_minute: 2,
    });
    const calls = [...cluster.documents.keys()].filter((key) => key.startsWith('voice-calls-'));
    expect(calls.length).toBeGreaterThan(100);
    // Scanner INVITEs drachtio's filter answers leave SIP messages and a log line, but no call record.
    const recorded = new Set(calls.map((key) => key.split('/')[1]));
    const withoutRecord = [...cluster.documents.entries()].filter(
      ([key, doc]) =>
        key.startsWith('voice-sip-') &&
        (doc as { sip: { method?: string; call_id: string } }).sip.method === 'INVITE' &&
        !recorded.has((doc as { sip: { call_id: string } }).sip.call_id)
    ).length;
    expect(withoutRecord).toBeGreaterThan(0);
    expect(result.stdout).toContain(
      `history: ${calls.length} calls, ${withoutRecord} scanner INVITEs without a call record`
    );
    expect(existsSync(join(dir, 'ready'))).toBe(true);
    expect(readFileSync(join(dir, 'ready'), 'utf8')).toContain('2026-11-25T14:00:30');
  });

  it('reuses the stored anchor on a rerun and overwrites the same documents', async () => {
    await run(seedArgs(['--anchor', '2026-11-25T10:00:00Z']));
    const firstKeys = new Set(cluster.documents.keys());
    const result = await run(seedArgs());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('anchor 2026-11-25T10:00:00.000Z (stored)');
    expect(new Set(cluster.documents.keys())).toEqual(firstKeys);
  });

  it('warns when a rerun changes settings that shape the data, and keeps the stored anchor', async () => {
    await run(seedArgs(['--anchor', '2026-11-25T10:00:00Z']));
    const result = await run(seedArgs(['--rate', '3']));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('note: seed 42 was seeded with --rate 2; the stored anchor is kept');
    expect(result.stdout).toContain('anchor 2026-11-25T10:00:00.000Z (stored)');
  });

  it('exits 1 with one clear line when Elasticsearch stays unreachable, after exponential backoff', async () => {
    cluster.failNext('GET', '/', 99, () => new errors.ConnectionError('connect ECONNREFUSED 10.0.0.1:9200'));
    const result = await run([...seedArgs(), '--retries', '5', '--retry-delay', '250']);
    expect(result.code).toBe(1);
    expect(result.sleeps).toEqual([250, 500, 1000, 2000]);
    expect(result.stderr.trim().split('\n').pop()).toBe(
      'seed: Connecting to Elasticsearch at http://es.test:9200 failed after 5 attempts: ConnectionError: connect ECONNREFUSED 10.0.0.1:9200'
    );
    expect(existsSync(join(dir, 'ready'))).toBe(false);
  });

  it('recovers from a temporary outage during the history', async () => {
    cluster.failNext('POST', '/_bulk', 1, () => new errors.ConnectionError('socket hang up'));
    const result = await run(seedArgs());
    expect(result.code).toBe(0);
    expect(result.sleeps).toEqual([500]);
    expect(result.stderr).toContain('retry 1 in 0.5 s');
  });

  it('keeps a live trickle going until stopped, writing each call once, after its final response', async () => {
    let now = NOW;
    let ticks = 0;
    const stop = new AbortController();
    const result = await run(
      [...ES, '--skip-history', '--live', '--live-interval', '10', '--rate', '30', '--no-progress'],
      {
        now: () => now,
        sleep: async (ms) => {
          now += ms;
          if (++ticks === 90) {
            stop.abort();
          }
        },
        signal: stop.signal,
      }
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/live stopped: \d+ calls/);
    expect(result.stdout).toMatch(/live 14:0\dZ: \d+ calls \((\d{3}×\d+ ?)+\)/);
    const bulkLines = cluster
      .requestsTo('POST', '/_bulk')
      .flatMap((request) => request.body as Array<Record<string, any>>);
    const callDocs = bulkLines.filter((line, i) => i % 2 === 1 && 'sip_status' in line && 'direction' in line);
    const callIds = callDocs.map((doc) => doc.sip_callid);
    expect(callIds.length).toBeGreaterThan(20);
    expect(new Set(callIds).size).toBe(callIds.length);
    // Only calls from the start of the live mode on (the history ends at the minute before).
    expect(callDocs.filter((doc) => Date.parse(doc['@timestamp']) < Date.UTC(2026, 10, 25, 14, 0))).toEqual([]);
    expect(callDocs.filter((doc) => Date.parse(doc['@timestamp']) > now)).toEqual([]);
  });
});
