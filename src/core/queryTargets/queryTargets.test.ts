import {
  codeFieldFromTargets,
  codeTermsAgg,
  resolveLogsSource,
  rowLimitFromTargets,
  targetFactsOf,
  termsAggsOf,
} from './queryTargets';

describe('codeFieldFromTargets', () => {
  const terms = (field: string) => ({ id: field, type: 'terms', field, settings: { size: '100' } });
  const histogram = { id: 'h', type: 'date_histogram', field: '@timestamp' };

  it('reads the Terms field of an Elasticsearch query, preferring a status-like one over other levels', () => {
    expect(codeFieldFromTargets([{ refId: 'A', bucketAggs: [terms('sip_status'), histogram] }])).toBe('sip_status');
    expect(codeFieldFromTargets([{ refId: 'A', bucketAggs: [terms('trunk'), terms('sip.code'), histogram] }])).toBe(
      'sip.code'
    );
    expect(codeFieldFromTargets([{ refId: 'A', bucketAggs: [terms('trunk'), terms('carrier')] }])).toBe('carrier');
  });

  it('has none without a Terms aggregation or for junk', () => {
    expect(codeFieldFromTargets([{ refId: 'A', bucketAggs: [histogram] }])).toBeUndefined();
    expect(
      codeFieldFromTargets([null, 'x', { bucketAggs: 'no' }, { bucketAggs: [null, { type: 'terms' }] }])
    ).toBeUndefined();
    expect(codeFieldFromTargets(undefined)).toBeUndefined();
  });
});

describe('rowLimitFromTargets', () => {
  it('reads the size of raw data and logs queries', () => {
    expect(rowLimitFromTargets([{ metrics: [{ type: 'raw_data', settings: { size: '1000' } }] }])).toBe(1000);
    expect(rowLimitFromTargets([{ metrics: [{ type: 'logs', settings: { limit: '200' } }] }])).toBe(200);
    expect(rowLimitFromTargets([{ metrics: [{ type: 'raw_document' }] }])).toBe(500);
  });

  it('has none for aggregations or junk', () => {
    expect(rowLimitFromTargets([{ metrics: [{ type: 'count' }] }])).toBeUndefined();
    expect(rowLimitFromTargets(undefined)).toBeUndefined();
    expect(rowLimitFromTargets([null, 'x', { metrics: 'y' }])).toBeUndefined();
  });
});

describe('termsAggsOf and codeTermsAgg', () => {
  const targets = [
    {
      refId: 'A',
      bucketAggs: [
        { type: 'terms', field: 'trunk', settings: { size: '10' } },
        { type: 'terms', field: 'sip.status_code', settings: { size: 'x' } },
      ],
    },
  ];

  it('lists Terms aggregations in query order with usable sizes only', () => {
    expect(termsAggsOf(targets)).toEqual([{ field: 'trunk', size: 10 }, { field: 'sip.status_code' }]);
  });

  it('finds the code field, else a status-like field', () => {
    expect(codeTermsAgg(targets, 'trunk')).toEqual({ field: 'trunk', size: 10 });
    expect(codeTermsAgg(targets, undefined)).toEqual({ field: 'sip.status_code' });
    expect(codeTermsAgg([], 'trunk')).toBeUndefined();
  });
});

describe('resolveLogsSource', () => {
  const identity = (s: string) => s;

  it('prefers the configured uid', () => {
    const source = resolveLogsSource('logs-es', [{ datasource: { uid: 'panel-es', type: 'elasticsearch' } }], identity);
    expect(source).toEqual({ datasource: { uid: 'logs-es' } });
  });

  it("uses the panel query's Elasticsearch data source and query", () => {
    const source = resolveLogsSource(
      '',
      [{ refId: 'A', datasource: { uid: 'panel-es', type: 'elasticsearch' }, query: 'env:$env' }],
      (s) => s.replace('$env', 'prod')
    );
    expect(source).toEqual({ datasource: { uid: 'panel-es', type: 'elasticsearch' }, baseQuery: 'env:prod' });
  });

  it('interpolates the panel query in Lucene format, as the Elasticsearch data source does', () => {
    const formats: Array<string | undefined> = [];
    const source = resolveLogsSource(
      '',
      [{ refId: 'A', datasource: { uid: 'panel-es', type: 'elasticsearch' }, query: 'account:$acct' }],
      (text, format) => {
        formats.push(format);
        return format === 'lucene' ? text.replace('$acct', '("a" OR "b")') : text.replace('$acct', '{a,b}');
      }
    );
    expect(source?.baseQuery).toBe('account:("a" OR "b")');
    expect(formats).toContain('lucene');
  });

  it('skips targets that cannot hold logs and gives up without any', () => {
    expect(
      resolveLogsSource('', [{ datasource: { uid: 'td', type: 'grafana-testdata-datasource' } }], identity)
    ).toBeUndefined();
    expect(resolveLogsSource('', [{ datasource: { uid: '-- Mixed --', type: 'mixed' } }], identity)).toBeUndefined();
    expect(resolveLogsSource('', undefined, identity)).toBeUndefined();
    expect(resolveLogsSource('', [{ datasource: 'legacy name' }], identity)).toBeUndefined();
  });

  it('interpolates a variable uid', () => {
    const source = resolveLogsSource('${logs}', undefined, (s) => s.replace('${logs}', 'es-1'));
    expect(source?.datasource.uid).toBe('es-1');
  });
});

describe('targetFactsOf', () => {
  it('reads metrics, bucket aggregations and the row limit per refId, in query order', () => {
    const facts = targetFactsOf([
      {
        refId: 'A',
        query: 'env:prod',
        metrics: [
          { id: '1', type: 'count' },
          { id: '2', type: 'avg', field: 'duration', hide: true },
        ],
        bucketAggs: [
          { id: '2', type: 'terms', field: 'sip_status', settings: { size: '100' } },
          { id: '3', type: 'terms', field: 'source.ip', settings: { size: '5' } },
          { id: '4', type: 'date_histogram', field: '@timestamp', settings: { interval: 'auto' } },
        ],
      },
      {
        refId: 'B',
        hide: true,
        query: 'sip_status:>=300',
        metrics: [{ type: 'raw_data', settings: { size: '3000' } }],
      },
    ]);
    expect(facts).toEqual([
      {
        refId: 'A',
        hidden: false,
        query: 'env:prod',
        metricTypes: ['count'],
        bucketAggs: [
          { type: 'terms', field: 'sip_status', size: 100 },
          { type: 'terms', field: 'source.ip', size: 5 },
          { type: 'date_histogram', field: '@timestamp' },
        ],
        termsFields: ['sip_status', 'source.ip'],
        hasDateHistogram: true,
      },
      {
        refId: 'B',
        hidden: true,
        query: 'sip_status:>=300',
        metricTypes: ['raw_data'],
        bucketAggs: [],
        termsFields: [],
        hasDateHistogram: false,
        rawMetric: 'raw_data',
        rowLimit: 3000,
      },
    ]);
  });

  it('skips junk, targets without a refId and repeated refIds', () => {
    const facts = targetFactsOf([
      null,
      'x',
      { metrics: [{ type: 'count' }] },
      { refId: 'A', metrics: 'no', bucketAggs: [null, { field: 'x' }, { type: 'terms', field: '' }] },
      { refId: 'A', metrics: [{ type: 'logs' }] },
    ]);
    expect(facts).toEqual([
      {
        refId: 'A',
        hidden: false,
        metricTypes: [],
        bucketAggs: [{ type: 'terms' }],
        termsFields: [],
        hasDateHistogram: false,
      },
    ]);
    expect(targetFactsOf(undefined)).toEqual([]);
    expect(targetFactsOf('targets' as unknown as unknown[])).toEqual([]);
  });
});
