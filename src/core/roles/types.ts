/** What each of a panel's queries is used for. */
import type { DataFrame } from '@grafana/data';
import type { Notice } from '../types';

/**
 * - distribution: counted into calls per code (Terms, Terms × Date Histogram; raw rows only when nothing else counts).
 * - calls: rows of single calls with their code, for recent calls and contributors; never counted.
 * - breakdown: a Terms table nested code → another field: exact calls per code and value.
 * - ignore: not used (and the entry says why).
 */
export type QueryRole = 'distribution' | 'calls' | 'breakdown' | 'ignore';

/** Roles set by refId in the panel options. */
export type QueryRoleOverrides = Record<string, QueryRole>;

/** What a query returns, read from its target and, failing that, from its frames. */
export type QueryKind =
  | 'terms-series'
  | 'terms-table'
  | 'nested-table'
  | 'nested-series'
  | 'raw-rows'
  | 'raw-document'
  | 'time-only'
  | 'no-code'
  | 'hidden'
  | 'unknown';

export interface QueryRoleEntry {
  /** The query's refId; '' for frames that name no query. */
  refId: string;
  role: QueryRole;
  /** Further roles the same query serves: raw rows that are the distribution are the calls too. */
  also: QueryRole[];
  kind: QueryKind;
  /** One sentence for the panel: what the query returns and why it has this role. */
  why: string;
  /** The role was set in the options. */
  overridden: boolean;
}

export interface QueryRoles {
  /** Frames for normalizeFrames: one shape only, so nothing is counted twice. */
  distribution: DataFrame[];
  /** Raw rows of calls that carry the code field. */
  calls: DataFrame[];
  /** Nested Terms tables: code and at least one other field, with a Count column. */
  breakdowns: DataFrame[];
  /** Every query the panel has (targets and frames), in query order. */
  roles: QueryRoleEntry[];
  notices: Notice[];
  /** The code field: the option when set, else read from the queries (Terms field, or detected in rows). */
  codeField?: string;
  /** Row limit per refId of the raw queries (size setting, or the limit the frames report). */
  rowLimits: Record<string, number>;
  /** Per breakdown refId, its fields other than the code, outermost first. */
  breakdownFields: Record<string, string[]>;
  /** Options for normalizeFrames(distribution, …): the configured code field and the distribution's row limit. */
  normalizeOptions: { codeField?: string; rowLimit?: number; queries?: Record<string, string> };
}
