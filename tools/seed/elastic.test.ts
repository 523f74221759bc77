/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
import { errors } from '@elastic/elasticsearch';

import { BulkOp, bulkOpsOf } from './documents';
import {
  createClient,
  deleteSeededIndices,
  ensureReaderUser,
  installTemplates,
  waitForElasticsearch,
  writeOps,
} from './elastic';
import { createProgress } from './progress';
import { backoffDelay, RetryPolicy, SeedError, withRetry } from './retry';
import { buildScenario, HOUR_MS } from './scenario';
import { seedHistory } from './seeder';
import { createMockCluster, MockCluster, responseError } from './testing/mockCluster';
import { callsBetween } from './traffic';

const ANCHOR = Date.UTC(2026, 10, 25, 14, 0);
const scenario = buildScenario({ seed: 42, anchorMs: ANCHOR, days: 1, peakPerMinute: 10, utcOffsetHours: 0 });
const quiet = createProgress('test', { write: () => true }, false);

let cluster: MockCluster;
let sleeps: number[];

function policy(attempts = 4, baseDelayMs = 100): RetryPolicy {
  return { attempts, baseDelayMs, maxDelayMs: 1000, sleep: async (ms) => void sleeps.push(ms) };
}

function client() {
  return createClient({
    node: 'http://es.test:9200',
    username: 'elastic',
    password: 'secret',
    Connection: cluster.Connection,
  });
}

function someOps(): BulkOp[] {
  return [...callsBetween(scenario, ANCHOR - HOUR_MS, ANCHOR - HOUR_MS + 10 * 60_000)].flatMap((call) =>
    bulkOpsOf(call, scenario)
  );
}

beforeEach(() => {
  cluster = createMockCluster();
  sleeps = [];
});

describe('backoff', () => {
  it('doubles from the base delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 500, 15_000))).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000,
    ]);
  });

  it('does not retry errors that are not transient', async () => {
    const action = jest.fn(async () => {
      throw new TypeError('bug');
    });
    await expect(withRetry('Doing it', action, policy())).rejects.toThrow('Doing it failed: TypeError: bug');
    expect(action).toHaveBeenCalledTimes(1);
    expect(sleeps).toEqual([]);
  });
});

describe('connecting', () => {
  it('retries 503 answers with exponential backoff, then reports the version', async () => {
    cluster.failNext('GET', '/', 2, () => responseError(503, { error: { type: 'unavailable', reason: 'starting' } }));
    await expect(waitForElasticsearch(client(), policy(), 'http://es.test:9200')).resolves.toBe('8.19.17');
    expect(sleeps).toEqual([100, 200]);
    expect(cluster.requestsTo('GET', '/')).toHaveLength(3);
  });

  it('retries connection errors and ends in one clear message after the last attempt', async () => {
    cluster.failNext('GET', '/', 99, () => new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200'));
    const attempt = waitForElasticsearch(client(), policy(4, 100), 'http://es.test:9200');
    await expect(attempt).rejects.toBeInstanceOf(SeedError);
    await expect(waitForElasticsearch(client(), policy(4, 100), 'http://es.test:9200')).rejects.toThrow(
      'Connecting to Elasticsearch at http://es.test:9200 failed after 4 attempts: ConnectionError: connect ECONNREFUSED 127.0.0.1:9200'
    );
    expect(sleeps).toEqual([100, 200, 400, 100, 200, 400]);
  });

  it('fails at once on wrong credentials, saying so', async () => {
    cluster.failNext('GET', '/', 99, () =>
      responseError(401, { error: { type: 'security_exception', reason: 'unable to authenticate user [elastic]' } })
    );
    await expect(waitForElasticsearch(client(), policy(), 'http://es.test:9200')).rejects.toThrow(
      /HTTP 401 \(authentication failed/
    );
    expect(sleeps).toEqual([]);
  });
});

describe('setting up', () => {
  it('installs one strict composable template per record kind', async () => {
    await expect(installTemplates(client(), policy())).resolves.toEqual(['voice-calls', 'voice-sip', 'voice-applogs']);
    const puts = cluster.requestsTo('PUT', '/_index_template/');
    expect(puts.map((request) => request.path)).toEqual([
      '/_index_template/voice-calls',
      '/_index_template/voice-sip',
      '/_index_template/voice-applogs',
    ]);
    expect(puts[0].body).toMatchObject({
      index_patterns: ['voice-calls-*'],
      template: { mappings: { dynamic: 'strict' } },
    });
  });

  it('creates the read-only role and Grafana’s user with it', async () => {
    await expect(ensureReaderUser(client(), 'grafana_reader', 'reader-pw', policy())).resolves.toEqual({ ok: true });
    const [role] = cluster.requestsTo('PUT', '/_security/role/');
    const [user] = cluster.requestsTo('PUT', '/_security/user/');
    expect(role.path).toBe('/_security/role/voice_noc_reader');
    expect(role.body).toEqual({
      cluster: ['monitor'],
      indices: [
        { names: ['voice-calls-*', 'voice-sip-*', 'voice-applogs-*'], privileges: ['read', 'view_index_metadata'] },
      ],
    });
    expect(user.path).toBe('/_security/user/grafana_reader');
    expect(user.body).toMatchObject({ password: 'reader-pw', roles: ['voice_noc_reader'] });
  });

  it('skips the user, without failing, when the cluster has security disabled', async () => {
    cluster.failNext('PUT', '/_security/role/:name', 1, () =>
      responseError(500, {
        error: { type: 'exception', reason: 'Security must be explicitly enabled when using a [basic] license.' },
      })
    );
    const result = await ensureReaderUser(client(), 'grafana_reader', 'pw', policy());
    expect(result.ok).toBe(false);
    expect(cluster.requestsTo('PUT', '/_security/user/')).toEqual([]);
  });

  it('deletes seeded indices by name (Elasticsearch refuses wildcard deletes)', async () => {
    cluster.documents.set('voice-calls-2026.11/a', {});
    cluster.documents.set('voice-sip-2026.11/a~sip0', {});
    cluster.documents.set('other-index/x', {});
    await expect(deleteSeededIndices(client(), policy())).resolves.toEqual([
      'voice-calls-2026.11',
      'voice-sip-2026.11',
    ]);
    const [deletion] = cluster.requestsTo('DELETE', '/');
    expect(deletion.path).toBe('/voice-calls-2026.11,voice-sip-2026.11');
    expect([...cluster.documents.keys()]).toEqual(['other-index/x']);
  });
});

describe('bulk writing', () => {
  it('sends index actions with the generated index and id, followed by the document unchanged', async () => {
    const ops = someOps().slice(0, 50);
    await expect(writeOps(client(), ops, policy(), 'Writing')).resolves.toBe(50);
    const [bulk] = cluster.requestsTo('POST', '/_bulk');
    const lines = bulk.body as unknown[];
    expect(lines).toHaveLength(100);
    ops.forEach((op, i) => {
      expect(lines[2 * i]).toEqual({ index: { _index: op.index, _id: op.id } });
      expect(lines[2 * i + 1]).toEqual(JSON.parse(JSON.stringify(op.doc)));
    });
  });

  it('retries the batch after a connection error and a 503, with backoff', async () => {
    const ops = someOps();
    let failures = 0;
    cluster.failNext('POST', '/_bulk', 2, () =>
      failures++ === 0
        ? new errors.ConnectionError('socket hang up')
        : responseError(503, { error: { type: 'unavailable', reason: 'busy' } })
    );
    await expect(writeOps(client(), ops, policy(), 'Writing')).resolves.toBe(ops.length);
    expect(sleeps).toEqual([100, 200]);
    expect(cluster.documents.size).toBe(ops.length);
  });

  it('ends with the first rejection when Elasticsearch refuses documents (e.g. strict mapping)', async () => {
    cluster.mock.clear({ method: 'POST', path: '/_bulk' });
    cluster.mock.add({ method: 'POST', path: '/_bulk' }, (params) => {
      const lines = params.body as Array<Record<string, { _index: string; _id: string }>>;
      return {
        errors: true,
        items: lines
          .filter((_, i) => i % 2 === 0)
          .map((line) => ({
            index: {
              ...line.index,
              status: 400,
              error: {
                type: 'strict_dynamic_mapping_exception',
                reason: 'mapping set to strict, dynamic introduction of [sip_code] is not allowed',
              },
            },
          })),
      };
    });
    const ops = someOps().slice(0, 3);
    await expect(writeOps(client(), ops, policy(), 'Writing history')).rejects.toThrow(
      'Writing history: Elasticsearch rejected 3 of 3 documents (first: strict_dynamic_mapping_exception: mapping set to strict, dynamic introduction of [sip_code] is not allowed)'
    );
  });

  it('writes the same ids again on a rerun, so nothing is duplicated', async () => {
    const from = ANCHOR - 3 * HOUR_MS;
    const first = await seedHistory(client(), scenario, from, ANCHOR, policy(), quiet);
    const idsAfterFirst = new Set(cluster.documents.keys());
    const bulkLinesFirst = cluster.requestsTo('POST', '/_bulk').flatMap((request) => request.body as unknown[]).length;
    const second = await seedHistory(client(), scenario, from, ANCHOR, policy(), quiet);
    expect(second).toEqual(first);
    expect(first.docs).toBe(idsAfterFirst.size);
    expect(new Set(cluster.documents.keys())).toEqual(idsAfterFirst);
    // The second run sent exactly as many actions, all for ids the first run wrote.
    const bulkLinesBoth = cluster.requestsTo('POST', '/_bulk').flatMap((request) => request.body as unknown[]).length;
    expect(bulkLinesBoth).toBe(2 * bulkLinesFirst);
  });
});
