import { MAX_NAMES_SEEN, namesSeenInFrames } from './fieldsSeen';
import {
  ES_LOGS,
  ES_NESTED_TERMS_TABLE,
  ES_TERMS_TABLE,
  ES_TERMS_TABLE_QUERY_B,
  ES_TERMS_TIMESERIES,
  ES_TWO_TERMS_TIMESERIES_LABELS,
  toFrames,
} from './testing/frames';

describe('namesSeenInFrames', () => {
  it('lists the columns of a Terms table', () => {
    expect(namesSeenInFrames(toFrames(ES_TERMS_TABLE))).toEqual({
      fieldNames: ['sip.status_code', 'Count'],
      labelKeys: [],
    });
  });

  it('lists label keys of labelled Terms × Date Histogram frames, and leaves time fields out', () => {
    expect(namesSeenInFrames(toFrames(ES_TWO_TERMS_TIMESERIES_LABELS))).toEqual({
      fieldNames: ['Value'],
      labelKeys: ['sip.method', 'sip.status_code'],
    });
  });

  it('names each field once across frames, in first-seen order', () => {
    const frames = toFrames([...ES_NESTED_TERMS_TABLE, ...ES_TERMS_TABLE, ...ES_TERMS_TABLE_QUERY_B]);
    expect(namesSeenInFrames(frames).fieldNames).toEqual(['sip.method', 'sip.status_code', 'Count']);
  });

  it('has no label keys for frames named by code (Grafana 10.4.1 and later)', () => {
    expect(namesSeenInFrames(toFrames(ES_TERMS_TIMESERIES))).toEqual({ fieldNames: ['Value'], labelKeys: [] });
  });

  it('reads logs frames', () => {
    const { fieldNames } = namesSeenInFrames(toFrames(ES_LOGS));
    expect(fieldNames).toEqual(expect.arrayContaining(['message', 'sip.code']));
    expect(fieldNames).not.toContain('@timestamp');
  });

  it('tolerates junk', () => {
    expect(namesSeenInFrames(undefined)).toEqual({ fieldNames: [], labelKeys: [] });
    expect(namesSeenInFrames('frames')).toEqual({ fieldNames: [], labelKeys: [] });
    const junk = [
      null,
      42,
      { fields: 'no' },
      { fields: [null, 7, { name: 12 }, { name: '  ' }, { name: 'ok', labels: 'x' }, { labels: { k: '1' } }] },
    ];
    expect(namesSeenInFrames(junk)).toEqual({ fieldNames: ['ok'], labelKeys: ['k'] });
  });

  it('stops at the cap', () => {
    const fields = Array.from({ length: MAX_NAMES_SEEN + 50 }, (_, i) => ({ name: `f${i}`, type: 'string' }));
    const seen = namesSeenInFrames([{ fields }]);
    expect(seen.fieldNames).toHaveLength(MAX_NAMES_SEEN);
    expect(seen.fieldNames[0]).toBe('f0');
  });
});
