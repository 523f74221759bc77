/**
 * Who and which calls are behind a code: its top contributors and recent calls, from the panel's calls and breakdown
 * queries, as the guidance card shows them. Pure: the core counts, this picks the code's fields and options.
 */
import {
  Contributors,
  DominantContributor,
  dominantContributor,
  followUpFieldsFor,
  Policy,
  q850CausesSeen,
  Q850Seen,
  QueryRoles,
  recentCalls,
  RecentCallsResult,
  topContributors,
} from '../core';

export interface CodeFollowUp {
  code: number;
  contributors: Contributors;
  recent: RecentCallsResult;
  dominant?: DominantContributor;
  /** Q.850 causes of the code's call rows, when they carry a cause field (never read from the code field). */
  q850: Q850Seen[];
  /** The panel has neither call rows nor breakdowns: say how to add them instead of listing problems per field. */
  noFollowUpQueries: boolean;
}

function contributorsOf(code: number, codeCalls: number, policy: Policy, roles: QueryRoles, codeField?: string) {
  return topContributors(code, followUpFieldsFor(code, policy), roles.breakdowns, roles.calls, {
    codeField,
    codeCalls,
    rowLimits: roles.rowLimits,
  });
}

/** The finding detail "87 % of 403s from 203.0.113.9", when one value stands behind most of the code's calls. */
export function dominantFor(
  code: number,
  codeCalls: number,
  policy: Policy,
  roles: QueryRoles,
  codeField?: string
): DominantContributor | undefined {
  if (roles.breakdowns.length === 0 && roles.calls.length === 0) {
    return undefined;
  }
  return dominantContributor(contributorsOf(code, codeCalls, policy, roles, codeField));
}

/** Everything the card's "who, which calls" sections need for one code. */
export function codeFollowUp(
  code: number,
  codeCalls: number,
  policy: Policy,
  roles: QueryRoles,
  options: { codeField?: string; callIdField?: string }
): CodeFollowUp {
  const contributors = contributorsOf(code, codeCalls, policy, roles, options.codeField);
  return {
    code,
    contributors,
    recent: recentCalls(code, roles.calls, {
      codeField: options.codeField,
      callIdField: options.callIdField || undefined,
    }),
    dominant: dominantContributor(contributors),
    q850: q850CausesSeen(code, roles.calls, options.codeField),
    noFollowUpQueries: roles.breakdowns.length === 0 && roles.calls.length === 0,
  };
}
