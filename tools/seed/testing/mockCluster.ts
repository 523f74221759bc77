/**
 * An in-memory stand-in for the Elasticsearch endpoints the seeder uses, built on @elastic/elasticsearch-mock.
 * Records every request; keeps indexed documents by index/id so tests can check idempotency.
 */
import { errors } from '@elastic/elasticsearch';
import Mock, { MockPattern } from '@elastic/elasticsearch-mock';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

type Params = { method: string; path: string; body?: unknown; querystring?: Record<string, string> };
type Resolver = (params: Params) => Record<string, unknown> | string | Error;

export interface MockCluster {
  mock: Mock;
  Connection: ReturnType<Mock['getConnection']>;
  requests: RecordedRequest[];
  /** Documents by `${index}/${id}`. */
  documents: Map<string, unknown>;
  /** Makes the next `times` requests to method+path fail with `failure` (then the normal answer again). */
  failNext(method: string, path: string, times: number, failure: () => Error): void;
  requestsTo(method: string, pathPrefix: string): RecordedRequest[];
}

export function responseError(statusCode: number, body: unknown): errors.ResponseError {
  return new errors.ResponseError({ body, statusCode, headers: {}, warnings: null, meta: {} as never });
}

export function createMockCluster(): MockCluster {
  const mock = new Mock();
  const requests: RecordedRequest[] = [];
  const documents = new Map<string, unknown>();
  const failures = new Map<string, { left: number; failure: () => Error }>();
  const createdIndices = new Set<string>();

  const route = (method: string, path: string, resolve: Resolver) => {
    mock.add({ method, path }, (pattern: MockPattern) => {
      // The mock hands over the request as a pattern with single strings and the parsed body.
      const params = pattern as unknown as Params;
      requests.push({ method: params.method, path: params.path, body: params.body });
      const key = `${method} ${path}`;
      const failure = failures.get(key);
      if (failure && failure.left > 0) {
        failure.left--;
        // Errors are valid resolver results for the mock (it rejects with them), not in its typings.
        return failure.failure() as unknown as Record<string, unknown>;
      }
      return resolve(params) as Record<string, unknown>;
    });
  };

  route('GET', '/', () => ({
    name: 'mock-node',
    cluster_name: 'mock',
    version: { number: '8.19.17', build_flavor: 'default' },
    tagline: 'You Know, for Search',
  }));
  route('PUT', '/_index_template/:name', () => ({ acknowledged: true }));
  route('PUT', '/_security/role/:name', () => ({ role: { created: true } }));
  route('PUT', '/_security/user/:name', () => ({ created: true }));
  route('HEAD', '/:index', (params) => {
    const index = params.path.slice(1);
    return [...documents.keys()].some((key) => key.startsWith(`${index}/`)) || createdIndices.has(index)
      ? ''
      : responseError(404, '');
  });
  route('PUT', '/:index', (params) => {
    createdIndices.add(params.path.slice(1));
    return { acknowledged: true, index: params.path.slice(1) };
  });
  route('GET', '/:index/_doc/:id', (params) => {
    const [, index, , id] = params.path.split('/');
    const key = `${index}/${decodeURIComponent(id)}`;
    return documents.has(key)
      ? { _index: index, _id: id, found: true, _source: documents.get(key) as Record<string, unknown> }
      : responseError(404, { _index: index, _id: id, found: false });
  });
  route('PUT', '/:index/_doc/:id', (params) => {
    const [, index, , id] = params.path.split('/');
    documents.set(`${index}/${decodeURIComponent(id)}`, params.body);
    return { _index: index, _id: id, result: 'created' };
  });
  route('POST', '/_bulk', (params) => {
    const lines = params.body as Array<Record<string, { _index: string; _id: string }>>;
    const items = [];
    for (let i = 0; i < lines.length; i += 2) {
      const action = lines[i].index;
      documents.set(`${action._index}/${action._id}`, lines[i + 1]);
      items.push({ index: { _index: action._index, _id: action._id, status: 201, result: 'created' } });
    }
    return { took: 1, errors: false, items };
  });
  route('GET', '/:index', (params) => {
    const patterns = decodeURIComponent(params.path.slice(1))
      .split(',')
      .map((pattern) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`));
    const names = new Set([...documents.keys()].map((key) => key.split('/')[0]).concat([...createdIndices]));
    return Object.fromEntries(
      [...names].filter((name) => patterns.some((p) => p.test(name))).map((name) => [name, {}])
    );
  });
  route('DELETE', '/:index', (params) => {
    const names = decodeURIComponent(params.path.slice(1)).split(',');
    for (const key of [...documents.keys()]) {
      if (names.includes(key.split('/')[0])) {
        documents.delete(key);
      }
    }
    names.forEach((name) => createdIndices.delete(name));
    return { acknowledged: true };
  });

  return {
    mock,
    Connection: mock.getConnection(),
    requests,
    documents,
    failNext(method, path, times, failure) {
      failures.set(`${method} ${path}`, { left: times, failure });
    },
    requestsTo(method, pathPrefix) {
      return requests.filter((request) => request.method === method && request.path.startsWith(pathPrefix));
    },
  };
}
