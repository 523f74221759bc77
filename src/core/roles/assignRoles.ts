/**
 * One panel, several queries, nothing counted twice: which query is the distribution (counted per code), which ones
 * give call rows, which give breakdowns, and which are left out — each with a sentence saying why.
 */
import type { DataFrame } from '@grafana/data';
import { formatCount } from '../format';
import { Notice, NoticeLevel } from '../types';
import { dataFieldNames, looseFieldName } from './fieldNames';
import { QueryAnalysis, analyseQueries } from './queryKinds';
import { QueryKind, QueryRole, QueryRoleEntry, QueryRoleOverrides, QueryRoles } from './types';

const ROLES: readonly QueryRole[] = ['distribution', 'calls', 'breakdown', 'ignore'];

/**
 * Distribution candidates, best first. Kinds of the same rank are one shape: their queries are summed (two
 * clusters behind a Mixed data source are one NOC). Queries of a worse rank are not added to a better one.
 */
const DISTRIBUTION_RANK: Partial<Record<QueryKind, number>> = {
  'terms-series': 0,
  'terms-table': 1,
  'nested-series': 2,
  'nested-table': 3,
  'raw-rows': 4,
  'raw-document': 5,
};
/** Kinds that count nothing: the distribution only when nothing else is, so normalisation can say what is wrong. */
const LAST_RESORT: readonly QueryKind[] = ['time-only', 'no-code', 'unknown'];

/** Why a better-ranked shape is used instead of another one. */
const PREFERRED_BECAUSE: Record<number, string> = {
  0: 'its time buckets let the rise rule and recency work',
  1: 'it counts every call of every code',
  2: 'it counts calls per code over time',
  3: 'aggregations count every call, while raw rows stop at their size limit',
  4: 'raw rows are read field by field, raw documents only as whole hits',
};

const CAN_BE: Record<Exclude<QueryRole, 'ignore' | 'distribution'>, readonly QueryKind[]> = {
  calls: ['raw-rows', 'raw-document'],
  breakdown: ['nested-table'],
};

/**
 * Assigns every query a role. `frames` are the panel's `data.series`, `targets` its `data.request.targets`;
 * `overrides` (refId → role) come from the options and win when they fit the query; `codeField` is the configured
 * code field. Never throws: junk in any argument is skipped or reported as a notice.
 */
export function assignQueryRoles(
  frames: DataFrame[],
  targets: readonly unknown[] | undefined,
  overrides?: QueryRoleOverrides,
  codeField?: string
): QueryRoles {
  try {
    return assign(frames, targets, overrides, codeField);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...emptyRoles(),
      distribution: Array.isArray(frames) ? frames : [],
      notices: [notice('error', `The panel could not tell its queries apart (${reason}); every frame is counted.`)],
    };
  }
}

function emptyRoles(): QueryRoles {
  return {
    distribution: [],
    calls: [],
    breakdowns: [],
    roles: [],
    notices: [],
    rowLimits: {},
    breakdownFields: {},
    normalizeOptions: {},
  };
}

function notice(level: NoticeLevel, message: string): Notice {
  return { kind: 'query-roles', level, message };
}

/** A role decided for one query, before it becomes an entry. */
interface Decision {
  analysis: QueryAnalysis;
  role: QueryRole;
  also: QueryRole[];
  why: string;
  overridden: boolean;
}

function assign(
  frames: DataFrame[],
  targets: readonly unknown[] | undefined,
  overrides: QueryRoleOverrides | undefined,
  codeFieldGiven: string | undefined
): QueryRoles {
  const result = emptyRoles();
  const codeFieldOption =
    typeof codeFieldGiven === 'string' && codeFieldGiven.trim() !== '' ? codeFieldGiven.trim() : undefined;
  const analyses = analyseQueries(Array.isArray(frames) ? frames : [], targets, codeFieldOption);
  const forced = readOverrides(overrides, analyses, result.notices);
  const decisions = new Map<QueryAnalysis, Decision>();
  const decide = (analysis: QueryAnalysis, role: QueryRole, why: string, overridden = false) =>
    decisions.set(analysis, { analysis, role, also: [], why, overridden });

  // Overrides that do not fit the query are refused, with a notice.
  for (const analysis of analyses) {
    const role = forced.get(analysis.refId);
    if (role === undefined || role === 'distribution') {
      continue;
    }
    if (role === 'ignore') {
      decide(analysis, 'ignore', 'Set to ignore in the options.', true);
      continue;
    }
    if (!CAN_BE[role].includes(analysis.kind) || !analysis.codeField) {
      const why = `Set to ${role} in the options, but it returns ${describe(analysis)}; ${needs(role)}. Not used.`;
      decide(analysis, 'ignore', why, true);
      result.notices.push(notice('warning', `${queryName(analysis)}: ${why}`));
      continue;
    }
    decide(analysis, role, `Set to ${role} in the options: ${describe(analysis)}.`, true);
  }

  chooseDistribution(analyses, forced, decisions, result.notices);

  // Everything not yet decided: call rows, breakdowns, or left out.
  for (const analysis of analyses) {
    const decided = decisions.get(analysis);
    if (decided) {
      if (decided.role === 'distribution' && !decided.overridden) {
        addSecondaryRole(decided);
      }
      continue;
    }
    decide(analysis, ...automaticRole(analysis, result.notices));
  }

  for (const analysis of analyses) {
    const decision = decisions.get(analysis)!;
    collect(decision, result);
  }
  result.notices.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  result.codeField = codeFieldOption ?? codeFieldInUse(analyses, decisions);
  const distributionLimit = analyses.find(
    (analysis) => decisions.get(analysis)?.role === 'distribution' && analysis.rowLimit !== undefined
  )?.rowLimit;
  const queries: Record<string, string> = {};
  for (const analysis of analyses) {
    if (decisions.get(analysis)?.role === 'distribution' && analysis.facts?.query?.trim()) {
      queries[analysis.refId] = analysis.facts.query;
    }
  }
  result.normalizeOptions = {
    ...(codeFieldOption ? { codeField: codeFieldOption } : {}),
    ...(distributionLimit !== undefined ? { rowLimit: distributionLimit } : {}),
    ...(Object.keys(queries).length > 0 ? { queries } : {}),
  };
  return result;
}

function readOverrides(overrides: unknown, analyses: QueryAnalysis[], notices: Notice[]): Map<string, QueryRole> {
  const forced = new Map<string, QueryRole>();
  if (overrides == null) {
    return forced;
  }
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    notices.push(
      notice('warning', 'The query roles in the options are not an object of refId → role; they are ignored.')
    );
    return forced;
  }
  for (const [refId, role] of Object.entries(overrides as Record<string, unknown>)) {
    if (role === undefined || role === null || role === '') {
      continue;
    }
    if (!ROLES.includes(role as QueryRole)) {
      notices.push(
        notice(
          'warning',
          `The role "${String(role)}" set for query ${refId} is not one of ${ROLES.join(', ')}; ignored.`
        )
      );
      continue;
    }
    if (!analyses.some((analysis) => analysis.refId === refId)) {
      notices.push(notice('info', `The options set a role for query ${refId}, which this panel does not have.`));
      continue;
    }
    forced.set(refId, role as QueryRole);
  }
  return forced;
}

function chooseDistribution(
  analyses: QueryAnalysis[],
  forced: Map<string, QueryRole>,
  decisions: Map<QueryAnalysis, Decision>,
  notices: Notice[]
): void {
  const free = analyses.filter((analysis) => !decisions.has(analysis) && !forced.has(analysis.refId));
  const chosenByOptions = analyses.filter((analysis) => forced.get(analysis.refId) === 'distribution');
  const candidates =
    chosenByOptions.length > 0
      ? chosenByOptions
      : free.filter((analysis) => DISTRIBUTION_RANK[analysis.kind] !== undefined);
  if (candidates.length === 0) {
    // Nothing that counts: hand normalisation what there is, so that it says what is missing.
    for (const analysis of free.filter((entry) => LAST_RESORT.includes(entry.kind) && entry.frames.length > 0)) {
      decisions.set(analysis, {
        analysis,
        role: 'distribution',
        also: [],
        why: `The only data to count: ${describe(analysis)}.`,
        overridden: false,
      });
    }
    return;
  }
  const rankOf = (analysis: QueryAnalysis) => DISTRIBUTION_RANK[analysis.kind] ?? LAST_RESORT_RANK;
  const best = Math.min(...candidates.map(rankOf));
  const sameRank = candidates.filter((analysis) => rankOf(analysis) === best);
  // Nested tables are one shape only with the same Terms levels: code → source.ip and code → account count the same
  // calls twice, while code → source.ip from two clusters adds up.
  const levels = (analysis: QueryAnalysis) => analysis.termsFields.map(looseFieldName).join('→');
  const nested = sameRank[0].kind === 'nested-table' || sameRank[0].kind === 'nested-series';
  const chosen = nested ? sameRank.filter((analysis) => levels(analysis) === levels(sameRank[0])) : sameRank;
  const byOptions = chosenByOptions.length > 0;
  for (const analysis of chosen) {
    const others = chosen.filter((other) => other !== analysis);
    const summed = others.length > 0 ? ` Summed with ${queriesList(others)}: the same shape, e.g. two clusters.` : '';
    const lead = byOptions ? 'Set to distribution in the options' : 'Counted per code';
    decisions.set(analysis, {
      analysis,
      role: 'distribution',
      also: [],
      why: `${lead}: ${describe(analysis)}.${summed}`,
      overridden: byOptions,
    });
  }
  const chosenText = `${queriesList(chosen)} (${describe(chosen[0])})`;
  const reason = byOptions ? 'it is set as the distribution in the options' : PREFERRED_BECAUSE[best];
  // Other queries that count codes are not added: they would count the same calls again. Raw rows and breakdown
  // tables the options did not make the distribution go on to be call rows and breakdowns.
  const notAdded = analyses.filter(
    (analysis) =>
      !chosen.includes(analysis) &&
      !decisions.has(analysis) &&
      isCountingKind(analysis.kind) &&
      (chosenByOptions.includes(analysis) || !BECOME_ROWS_OR_BREAKDOWNS.includes(analysis.kind))
  );
  for (const analysis of notAdded) {
    const verb = chosen.length > 1 ? 'are' : 'is';
    const why =
      `Not counted: ${describe(analysis)} is not added to ${chosenText}, because adding it could count the same ` +
      `calls twice. ${capitalise(queriesList(chosen))} ${verb} used because ${reason}.`;
    decisions.set(analysis, { analysis, role: 'ignore', also: [], why, overridden: forced.has(analysis.refId) });
    notices.push(notice('warning', `${queryName(analysis)}: ${why}`));
  }
}

const BECOME_ROWS_OR_BREAKDOWNS: readonly QueryKind[] = ['raw-rows', 'raw-document', 'nested-table'];

const LAST_RESORT_RANK = 99;
const LEVEL_ORDER: Record<NoticeLevel, number> = { error: 0, warning: 1, info: 2 };

function isCountingKind(kind: QueryKind): boolean {
  return DISTRIBUTION_RANK[kind] !== undefined;
}

/** A query that is the distribution may serve more: raw rows are the calls, a breakdown table stays a breakdown. */
function addSecondaryRole(decision: Decision): void {
  const { analysis } = decision;
  if ((analysis.kind === 'raw-rows' || analysis.kind === 'raw-document') && analysis.codeField) {
    decision.also.push('calls');
    decision.why += ' Its rows are the recent calls too.';
  } else if (analysis.kind === 'nested-table' && analysis.codeField) {
    decision.also.push('breakdown');
    decision.why +=
      ` No query counts calls per code on its own, so the counts come from this breakdown: calls of ` +
      `${analysis.otherFields.join(', ')} values outside its Terms size are missing from them.`;
  }
}

/** The role of a query that neither the options nor the distribution choice decided. */
function automaticRole(analysis: QueryAnalysis, notices: Notice[]): [QueryRole, string] {
  switch (analysis.kind) {
    case 'raw-rows':
    case 'raw-document':
      if (!analysis.codeField && analysis.frames.length > 0) {
        const why =
          `Not used: ${describe(analysis)} without a SIP code field (fields: ${fieldList(dataFieldNames(analysis.fieldNames))}), so ` +
          'its rows cannot be matched to codes. Set "Code field" in the options, or add the code to the documents.';
        notices.push(notice('warning', `${queryName(analysis)}: ${why}`));
        return ['ignore', why];
      }
      return [
        'calls',
        `Call rows: ${describe(analysis)}, used for recent calls and contributors, never added to the counts.`,
      ];
    case 'nested-table':
      return [
        'breakdown',
        `Breakdown: ${describe(analysis)}: exact calls per ${analysis.codeField} and ${analysis.otherFields.join(', ')}.`,
      ];
    case 'nested-series':
      return [
        'ignore',
        `Not used: ${describe(analysis)}. Series names cannot be split reliably into the code and the other ` +
          'field; remove the Date Histogram to make it a breakdown.',
      ];
    case 'hidden':
      return ['ignore', 'Not used: hidden in the query editor, so Grafana does not run it.'];
    case 'time-only':
      return ['ignore', `Not used: ${describe(analysis)}.`];
    case 'no-code':
      return ['ignore', `Not used: ${describe(analysis)}.`];
    case 'unknown':
      return [
        'ignore',
        analysis.frames.length === 0 ? 'Not used: no data in this time range.' : `Not used: ${describe(analysis)}.`,
      ];
    default:
      return ['ignore', `Not used: ${describe(analysis)}.`];
  }
}

function collect(decision: Decision, result: QueryRoles): void {
  const { analysis, role, also } = decision;
  const roles = new Set([role, ...also]);
  if (roles.has('distribution')) {
    result.distribution.push(...analysis.frames);
  }
  if (roles.has('calls')) {
    result.calls.push(...analysis.frames);
    const limit = analysis.rowLimit;
    if (limit !== undefined) {
      result.rowLimits[analysis.refId] = limit;
    }
  }
  if (roles.has('breakdown')) {
    result.breakdowns.push(...analysis.frames);
    result.breakdownFields[analysis.refId] = [...analysis.otherFields];
  }
  if (roles.has('distribution') && analysis.rowLimit !== undefined) {
    result.rowLimits[analysis.refId] = analysis.rowLimit;
  }
  const entry: QueryRoleEntry = {
    refId: analysis.refId,
    role,
    also: [...also],
    kind: analysis.kind,
    why: decision.why,
    overridden: decision.overridden,
  };
  result.roles.push(entry);
}

/** The code field the queries use: the distribution's first, then any query's. */
function codeFieldInUse(analyses: QueryAnalysis[], decisions: Map<QueryAnalysis, Decision>): string | undefined {
  const distribution = analyses.find(
    (analysis) => decisions.get(analysis)?.role === 'distribution' && analysis.codeField !== undefined
  );
  return distribution?.codeField ?? analyses.find((analysis) => analysis.codeField !== undefined)?.codeField;
}

// ---------------------------------------------------------------- words

function queryName(analysis: QueryAnalysis): string {
  return analysis.refId === '' ? 'Unnamed query' : `Query ${analysis.refId}`;
}

function queriesList(analyses: QueryAnalysis[]): string {
  const names = analyses.map((analysis) => (analysis.refId === '' ? 'the unnamed query' : analysis.refId));
  if (names.length === 1) {
    return analyses[0].refId === '' ? 'the unnamed query' : `query ${names[0]}`;
  }
  return `queries ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fieldList(names: string[]): string {
  if (names.length === 0) {
    return 'none';
  }
  const shown = names.slice(0, 8).join(', ');
  return names.length > 8 ? `${shown} and ${names.length - 8} more` : shown;
}

function rowsText(analysis: QueryAnalysis): string {
  const limit = analysis.rowLimit !== undefined ? ` (up to ${formatCount(analysis.rowLimit)})` : '';
  const what =
    analysis.facts?.rawMetric === 'logs' || analysis.cells.some((cell) => cell.isLogs) ? 'log rows' : 'raw data rows';
  return analysis.kind === 'raw-document' ? `raw documents${limit}` : `${what}${limit}`;
}

/** What a query returns, in words: "Terms on sip_status × Date Histogram". */
export function describe(analysis: QueryAnalysis): string {
  const terms = analysis.termsFields.join(' → ');
  switch (analysis.kind) {
    case 'terms-series':
      return analysis.codeField ? `Terms on ${analysis.codeField} × Date Histogram` : 'calls per code over time';
    case 'terms-table':
      return analysis.codeField ? `a Terms table on ${analysis.codeField}` : 'a table of calls per code';
    case 'nested-table':
      return `Terms ${terms} (a table per ${analysis.codeField} and ${analysis.otherFields.join(', ')})`;
    case 'nested-series':
      return `Terms ${terms} × Date Histogram`;
    case 'raw-rows':
    case 'raw-document':
      return analysis.codeField ? `${rowsText(analysis)} with ${analysis.codeField}` : rowsText(analysis);
    case 'time-only':
      return 'a Date Histogram without Terms, so no SIP code';
    case 'no-code':
      return terms ? `Terms on ${terms}, none of them a SIP code` : 'data without a SIP code';
    case 'hidden':
      return 'a hidden query';
    default:
      return analysis.frames.length === 0 ? 'no data' : 'data of a shape the panel does not know';
  }
}

function needs(role: 'calls' | 'breakdown'): string {
  return role === 'calls'
    ? 'call rows come from a raw data or logs query whose rows carry the code field'
    : 'a breakdown is a Terms table on the code and another field (no Date Histogram)';
}
