/**
 * What field and series names tell us: which field probably holds status codes, which column is the call count,
 * and which Elasticsearch series carry the Count metric.
 */

const CODE_WORDS = new Set(['status', 'code', 'response', 'resp', 'statuscode', 'responsecode', 'rcode']);
const STRONG_PARTNERS = new Set(['sip', 'status', 'response', 'resp', 'final', 'reply', 'code']);
const NOT_A_CODE_WORDS = new Set([
  'count',
  'reason',
  'phrase',
  'text',
  'message',
  'msg',
  'desc',
  'description',
  'cause',
  'q850',
  'duration',
  'time',
  'ms',
  'bytes',
  'port',
  'id',
  // The CSeq number (Packetbeat's sip.cseq.code), not a status code.
  'cseq',
]);

/** Columns that never hold codes: Elasticsearch hit metadata and the like. */
const METADATA_FIELDS = new Set(['_id', '_index', '_type', '_source', 'highlight', 'sort', 'id']);

/**
 * How much a field name looks like a SIP status code field: 3 for sip_status, sip.status_code, sip.code,
 * response.code; 2 for code, status, response; 0 otherwise. A `.keyword` suffix and case do not matter.
 */
export function codeNameScore(name: string): number {
  const words = nameWords(name);
  if (words.some((word) => NOT_A_CODE_WORDS.has(word))) {
    return 0;
  }
  const codeWords = words.filter((word) => CODE_WORDS.has(word));
  if (codeWords.length === 0) {
    return 0;
  }
  const partnered = words.some(
    (word) => STRONG_PARTNERS.has(word) && (codeWords.length > 1 || !codeWords.includes(word))
  );
  return partnered || codeWords.some((word) => word === 'statuscode' || word === 'responsecode') ? 3 : 2;
}

/** "sip.status_code.keyword" → [sip, status, code]; "sipStatus" → [sip, status]. */
export function nameWords(name: string): string[] {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const words = spaced.split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length > 1 && words[words.length - 1] === 'keyword') {
    words.pop();
  }
  return words;
}

export function isMetadataField(name: string): boolean {
  return METADATA_FIELDS.has(name);
}

/** The Elasticsearch count metric column is named exactly "Count"; other sources may differ in case. */
export function isCountColumnName(name: string): boolean {
  return name.trim().toLowerCase() === 'count';
}

/** Names that suggest a column of call counts when no column is named Count. */
export function looksLikeCountColumn(name: string): boolean {
  const words = nameWords(name);
  if (words.includes('unique') || words.includes('distinct')) {
    return false;
  }
  return words.some((word) => ['count', 'calls', 'hits', 'total', 'value', 'doc'].includes(word));
}

/**
 * Metric display names Grafana's Elasticsearch data source appends to series names when a query has more than one
 * metric type ("404 Count", "404 Average sip.duration"). Count is the only one that counts calls.
 * Extended stats name their count statistic "Count <field>", which is not the number of calls either.
 */
const OTHER_METRIC_NAMES = [
  'Average',
  'Sum',
  'Max',
  'Min',
  'Extended Stats',
  'Percentiles',
  'Top Metrics',
  'Unique Count',
  'Moving Average',
  'Moving Function',
  'Cumulative Sum',
  'Derivative',
  'Serial Difference',
  'Bucket Script',
  'Raw Document',
  'Raw Data',
  'Rate',
  'Logs',
  'Raw DSL',
  'Avg',
  'Std Dev',
  'Std Dev Upper',
  'Std Dev Lower',
  'Unset',
];
const PERCENTILE_NAME = /^p\d+(\.\d+)?(\s|$)/;

function startsWithOtherMetric(text: string): boolean {
  if (PERCENTILE_NAME.test(text)) {
    return true;
  }
  if (/^Count\s+\S/.test(text)) {
    return true;
  }
  return OTHER_METRIC_NAMES.some((metric) => text === metric || text.startsWith(metric + ' '));
}

/**
 * Whether the words after the code in a series name ("", "Count", "trunk-a", "Average sip.duration",
 * "trunk-a Count") mean the series counts calls. Label values may come first; a metric name, when present, is last.
 */
export function suffixMeansCount(words: string[]): boolean {
  for (let start = 0; start < words.length; start++) {
    const rest = words.slice(start).join(' ');
    if (rest === 'Count') {
      return true;
    }
    if (startsWithOtherMetric(rest)) {
      return false;
    }
  }
  return true;
}

/** A series name that is only a metric ("Count", "Average sip.duration"): a date histogram without Terms. */
export function isMetricOnlyName(name: string): boolean {
  const text = name.trim();
  return text === 'Count' || startsWithOtherMetric(text);
}
