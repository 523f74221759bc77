/**
 * Server-side expressions (grafana/grafana pkg/expr: commands.go for reduce and math, threshold.go) and the math
 * text of the panel's rules. Math variables are `$` and letters only (pkg/expr/mathexp/parse/lex.go), so every refId
 * an expression names is upper-case letters. Math has no sqrt, but `**` exists (Go's math.Pow, which returns
 * Sqrt(x) for an exponent of 0.5), and `&&` returns 0 as soon as its left side is 0, whatever the right side is
 * (NaN included): every condition puts its guards first, so no NaN reaches a threshold, and the final Threshold
 * (a comparison, false for NaN) would turn one into 0 anyway — a NaN condition result would otherwise fire.
 */
import { AlertQuery, EXPRESSION_DATASOURCE_UID } from './grafanaTypes';

/** An expression is a query of the `__expr__` data source; intervalMs and maxDataPoints keep Grafana's defaults. */
function expression(refId: string, model: Record<string, unknown>): AlertQuery {
  return { refId, datasourceUid: EXPRESSION_DATASOURCE_UID, model: { refId, ...model } };
}

/** Sum of a query's buckets: calls in its range (dropNN: a bucket without a number counts as none). */
export function sumOf(refId: string, input: string): AlertQuery {
  return expression(refId, { type: 'reduce', expression: input, reducer: 'sum', settings: { mode: 'dropNN' } });
}

export function math(refId: string, text: string): AlertQuery {
  return expression(refId, { type: 'math', expression: text });
}

/** 1 when the input is above (gt) or below (lt) the value, 0 otherwise and for NaN. */
export function threshold(refId: string, input: string, type: 'gt' | 'lt', value: number): AlertQuery {
  return expression(refId, {
    type: 'threshold',
    expression: input,
    conditions: [{ evaluator: { type, params: [value] } }],
  });
}

/**
 * A number as math text: JavaScript's shortest round-trip form, which Go's strconv.ParseFloat reads back to the same
 * double (the math lexer also takes exponents: 1e-7).
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) {
    throw new Error(`not a finite number: ${value}`);
  }
  return String(value);
}

/** All of the conditions, evaluated left to right: `((a) && (b)) && (c)`. */
export function allOf(conditions: readonly string[]): string {
  return conditions
    .map((condition) => `(${condition})`)
    .reduce((joined, next, index, all) =>
      index === all.length - 1 ? `${joined} && ${next}` : `(${joined} && ${next})`
    );
}

/** The refIds `$NAME` variables of a math text name. */
export function mathVariables(text: string): string[] {
  return [...text.matchAll(/\$([A-Za-z]+)/g)].map((match) => match[1]);
}

/** Share of all final responses, in percent, computed as the panel does: (count × 100) / total. */
export function shareText(count: string, total: string): string {
  return `($${count} * 100) / $${total}`;
}

/** recent share ÷ earlier share, as one division of products, as the panel's riseFactor. */
export function riseFactorText(recent: string, recentTotal: string, earlier: string, earlierTotal: string): string {
  return `($${recent} * $${earlierTotal}) / ($${earlier} * $${recentTotal})`;
}

/** The pooled share of the two-proportion z-test: (recent + earlier) / (recentTotal + earlierTotal). */
export function pooledText(recent: string, recentTotal: string, earlier: string, earlierTotal: string): string {
  return `($${recent} + $${earlier}) / ($${recentTotal} + $${earlierTotal})`;
}

/**
 * The one-sided two-proportion z statistic, operation for operation as the panel's twoProportionZ:
 * (recent/recentTotal − earlier/earlierTotal) / sqrt(p · (1 − p) · (1/recentTotal + 1/earlierTotal)).
 */
export function zText(
  recent: string,
  recentTotal: string,
  earlier: string,
  earlierTotal: string,
  pooled: string
): string {
  return (
    `($${recent} / $${recentTotal} - $${earlier} / $${earlierTotal}) / ` +
    `(($${pooled} * (1 - $${pooled}) * (1 / $${recentTotal} + 1 / $${earlierTotal})) ** 0.5)`
  );
}
