/**
 * Everything the seeder does against Elasticsearch: connect, install templates, create Grafana's read-only user,
 * remember the anchor, bulk-write documents. All calls go through `withRetry`.
 */
import { BaseConnection, Client, errors } from '@elastic/elasticsearch';

import { BulkOp, INDEX_PREFIX, RecordKind } from './documents';
import { indexPattern, indexTemplates, READER_ROLE, readerRole, STATE_INDEX, STATE_MAPPING } from './mappings';
import { describeError, RetryPolicy, SeedError, withRetry } from './retry';

export interface ConnectionOptions {
  node: string;
  username: string;
  password: string;
  /** Test hook: the mock connection class of @elastic/elasticsearch-mock. */
  Connection?: typeof BaseConnection;
}

export function createClient(options: ConnectionOptions): Client {
  return new Client({
    node: options.node,
    auth: { username: options.username, password: options.password },
    // Our own backoff (withRetry) decides about retries, so the transport does not retry on its own.
    maxRetries: 0,
    requestTimeout: 60_000,
    ...(options.Connection ? { Connection: options.Connection } : {}),
  });
}

/** Waits until Elasticsearch answers; returns its version. */
export async function waitForElasticsearch(client: Client, policy: RetryPolicy, node: string): Promise<string> {
  const info = await withRetry(`Connecting to Elasticsearch at ${node}`, () => client.info(), policy);
  return info.version.number;
}

export async function installTemplates(client: Client, policy: RetryPolicy): Promise<string[]> {
  const names: string[] = [];
  for (const template of indexTemplates()) {
    await withRetry(
      `Installing index template ${template.name}`,
      () =>
        client.indices.putIndexTemplate({
          name: template.name,
          index_patterns: template.index_patterns,
          priority: template.priority,
          template: template.template,
          _meta: template._meta,
        }),
      policy
    );
    names.push(template.name);
  }
  return names;
}

/**
 * Creates (or updates) the read-only role and Grafana's user. Returns false with a reason when the cluster has no
 * security API (security disabled), which is not fatal for a local demo.
 */
export async function ensureReaderUser(
  client: Client,
  username: string,
  password: string,
  policy: RetryPolicy
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await withRetry(
      `Creating role ${READER_ROLE}`,
      () => client.security.putRole({ name: READER_ROLE, ...readerRole() }),
      policy
    );
    await withRetry(
      `Creating user ${username}`,
      () =>
        client.security.putUser({
          username,
          password,
          roles: [READER_ROLE],
          full_name: 'Grafana NOC dashboards (read-only)',
        }),
      policy
    );
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/security must be explicitly enabled|security is disabled|no handler found/i.test(message)) {
      return { ok: false, reason: message };
    }
    throw error;
  }
}

export interface StoredScenario {
  seed: number;
  anchor: string;
  peak_per_minute: number;
  days: number;
  utc_offset_hours: number;
  updated_at: string;
}

function stateId(seed: number): string {
  return `seed-${seed}`;
}

async function ensureStateIndex(client: Client, policy: RetryPolicy): Promise<void> {
  const exists = await withRetry(
    `Checking index ${STATE_INDEX}`,
    () => client.indices.exists({ index: STATE_INDEX }),
    policy
  );
  if (exists) {
    return;
  }
  await withRetry(
    `Creating index ${STATE_INDEX}`,
    async () => {
      try {
        await client.indices.create({
          index: STATE_INDEX,
          settings: { number_of_shards: 1, number_of_replicas: 0 },
          mappings: STATE_MAPPING,
        });
      } catch (error) {
        // Created meanwhile by a concurrent run: fine.
        if (!(error instanceof errors.ResponseError && /resource_already_exists/.test(JSON.stringify(error.body)))) {
          throw error;
        }
      }
    },
    policy
  );
}

export async function readStoredScenario(
  client: Client,
  seed: number,
  policy: RetryPolicy
): Promise<StoredScenario | undefined> {
  await ensureStateIndex(client, policy);
  return withRetry(
    `Reading the stored anchor of seed ${seed}`,
    async () => {
      try {
        const response = await client.get<StoredScenario>({ index: STATE_INDEX, id: stateId(seed) });
        return response._source;
      } catch (error) {
        if (error instanceof errors.ResponseError && error.statusCode === 404) {
          return undefined;
        }
        throw error;
      }
    },
    policy
  );
}

export async function storeScenario(client: Client, stored: StoredScenario, policy: RetryPolicy): Promise<void> {
  await withRetry(
    `Storing the anchor of seed ${stored.seed}`,
    () => client.index({ index: STATE_INDEX, id: stateId(stored.seed), document: stored, refresh: 'wait_for' }),
    policy
  );
}

/** Deletes every seeded index and the stored anchors. Names are resolved first: ES 8 refuses wildcard deletes. */
export async function deleteSeededIndices(client: Client, policy: RetryPolicy): Promise<string[]> {
  const patterns = [...(Object.keys(INDEX_PREFIX) as RecordKind[]).map(indexPattern), STATE_INDEX];
  const found = await withRetry(
    'Listing seeded indices',
    () => client.indices.get({ index: patterns.join(','), allow_no_indices: true, ignore_unavailable: true }),
    policy
  );
  const names = Object.keys(found).sort();
  if (names.length > 0) {
    await withRetry(`Deleting ${names.length} seeded indices`, () => client.indices.delete({ index: names }), policy);
  }
  return names;
}

export interface WriteOptions {
  /** Bytes per bulk request. */
  flushBytes: number;
  /** Bulk requests in flight. */
  concurrency: number;
}

export const DEFAULT_WRITE_OPTIONS: WriteOptions = { flushBytes: 2_000_000, concurrency: 2 };

/**
 * Writes the operations with the bulk helper (`index` actions: a rerun overwrites the same ids, never duplicates).
 * A failed request (connection lost, 503…) retries the whole batch with backoff; documents Elasticsearch rejects
 * (e.g. a mapping violation) end the run with the first rejection's reason.
 */
export async function writeOps(
  client: Client,
  ops: BulkOp[],
  policy: RetryPolicy,
  what: string,
  options: WriteOptions = DEFAULT_WRITE_OPTIONS
): Promise<number> {
  if (ops.length === 0) {
    return 0;
  }
  const dropped: string[] = [];
  const stats = await withRetry(
    what,
    () => {
      dropped.length = 0;
      return client.helpers.bulk<BulkOp>({
        datasource: ops,
        onDocument: (op) => [{ index: { _index: op.index, _id: op.id } }, op.doc],
        onDrop: (drop) => {
          const reason = drop.error ? `${drop.error.type}: ${drop.error.reason ?? ''}` : `HTTP ${drop.status}`;
          dropped.push(reason);
        },
        flushBytes: options.flushBytes,
        concurrency: options.concurrency,
        // Per-document 429s (full write queue) are retried by the helper itself.
        retries: 3,
        wait: Math.max(1, policy.baseDelayMs),
        refreshOnCompletion: false,
      });
    },
    policy
  );
  if (dropped.length > 0) {
    throw new SeedError(
      `${what}: Elasticsearch rejected ${dropped.length} of ${ops.length} documents (first: ${dropped[0]})`
    );
  }
  return stats.successful;
}

export { describeError };
