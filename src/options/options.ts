import { rangeUtil } from '@grafana/data';
import type { PolicyOverrides } from '../core';
import { DistributionView, OPTIONS_VERSION, QueryRoleChoice, SipCodesOptions, TextSize } from './types';

/** The options a new panel starts with, and what replaces any saved value that is not valid. */
export const DEFAULT_OPTIONS: SipCodesOptions = Object.freeze({
  optionsVersion: OPTIONS_VERSION,
  codeField: '',
  view: 'donut',
  include2xx: true,
  include1xx: false,
  recentWindow: '',
  recencyWindow: '15m',
  textSize: 'auto',
  callIdField: '',
  linksInNewTab: true,
  alertRuleUidPrefix: '',
  queryRoles: Object.freeze({}) as Record<string, QueryRoleChoice>,
  logsDatasourceUid: '',
  traceUrlTemplate: '',
  policyOverrides: Object.freeze({}) as PolicyOverrides,
}) as SipCodesOptions;

export const DISTRIBUTION_VIEWS: readonly DistributionView[] = ['donut', 'pie', 'bar'];
export const TEXT_SIZES: readonly TextSize[] = ['auto', 'fixed'];
export const QUERY_ROLE_CHOICES: readonly QueryRoleChoice[] = ['auto', 'distribution', 'calls', 'breakdown', 'ignore'];

/** The result of checking saved options: always a complete, usable set, plus what was wrong. */
export interface ValidatedOptions {
  options: SipCodesOptions;
  issues: string[];
}

/** A Grafana duration with one unit: "90s", "30m", "1h", "2d", "1w". */
const DURATION_TEXT = /^(\d+)(ms|s|m|h|d|w|M|y)$/;

/** The recent window of the rise rule in ms, or why the text is not one. Empty text = no fixed window. */
export function parseRecentWindow(text: string): { ms?: number; issue?: string } {
  const trimmed = text.trim();
  if (trimmed === '') {
    return {};
  }
  const match = DURATION_TEXT.exec(trimmed);
  if (!match || Number(match[1]) <= 0) {
    return {
      issue: `Recent window "${text}" is not a duration like 30m, 1h or 2d; the rise rule uses the last quarter of the time range instead.`,
    };
  }
  try {
    const ms = rangeUtil.intervalToMs(trimmed);
    return ms > 0 ? { ms } : { issue: `Recent window "${text}" must be longer than zero.` };
  } catch {
    return { issue: `Recent window "${text}" could not be read as a duration.` };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return `"${value}"`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Checks saved options of any shape and returns a complete set. Never throws: a missing field gets its default
 * silently, a field of the wrong type or value gets its default and an issue that names it.
 */
export function validateOptions(raw: unknown): ValidatedOptions {
  const issues: string[] = [];
  const source: Record<string, unknown> = isPlainObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isPlainObject(raw)) {
    issues.push(`Panel options are not an object (${describe(raw)}); defaults are used.`);
  }

  const text = (
    key:
      | 'codeField'
      | 'recentWindow'
      | 'recencyWindow'
      | 'logsDatasourceUid'
      | 'traceUrlTemplate'
      | 'callIdField'
      | 'alertRuleUidPrefix'
  ): string => {
    const value = source[key];
    if (value === undefined || value === null) {
      return DEFAULT_OPTIONS[key];
    }
    if (typeof value !== 'string') {
      issues.push(`Option ${key} should be text but is ${describe(value)}; using "${DEFAULT_OPTIONS[key]}".`);
      return DEFAULT_OPTIONS[key];
    }
    return value.trim();
  };

  const flag = (key: 'include2xx' | 'include1xx' | 'linksInNewTab'): boolean => {
    const value = source[key];
    if (value === undefined || value === null) {
      return DEFAULT_OPTIONS[key];
    }
    if (typeof value !== 'boolean') {
      issues.push(`Option ${key} should be true or false but is ${describe(value)}; using ${DEFAULT_OPTIONS[key]}.`);
      return DEFAULT_OPTIONS[key];
    }
    return value;
  };

  let view = DEFAULT_OPTIONS.view;
  if (source.view !== undefined && source.view !== null) {
    if (DISTRIBUTION_VIEWS.includes(source.view as DistributionView)) {
      view = source.view as DistributionView;
    } else {
      issues.push(
        `Option view ${describe(source.view)} is not one of ${DISTRIBUTION_VIEWS.join(', ')}; using ${view}.`
      );
    }
  }

  let textSize = DEFAULT_OPTIONS.textSize;
  if (source.textSize !== undefined && source.textSize !== null) {
    if (TEXT_SIZES.includes(source.textSize as TextSize)) {
      textSize = source.textSize as TextSize;
    } else {
      issues.push(
        `Option textSize ${describe(source.textSize)} is not one of ${TEXT_SIZES.join(', ')}; using ${textSize}.`
      );
    }
  }

  const queryRoles: Record<string, QueryRoleChoice> = {};
  if (source.queryRoles !== undefined && source.queryRoles !== null) {
    if (isPlainObject(source.queryRoles)) {
      for (const [refId, role] of Object.entries(source.queryRoles)) {
        if (QUERY_ROLE_CHOICES.includes(role as QueryRoleChoice)) {
          queryRoles[refId] = role as QueryRoleChoice;
        } else if (role !== undefined && role !== null) {
          issues.push(
            `Query ${refId}: role ${describe(role)} is not one of ${QUERY_ROLE_CHOICES.join(', ')}; recognised from its shape instead.`
          );
        }
      }
    } else {
      issues.push(
        `Option queryRoles should be an object keyed by refId but is ${describe(source.queryRoles)}; roles are recognised from the queries.`
      );
    }
  }

  let recencyWindow = text('recencyWindow');
  const recency = parseRecentWindow(recencyWindow);
  if (recency.issue || recencyWindow === '') {
    if (recency.issue) {
      issues.push(
        `Recency window "${recencyWindow}" is not a duration like 15m or 1h; using ${DEFAULT_OPTIONS.recencyWindow}.`
      );
    }
    recencyWindow = DEFAULT_OPTIONS.recencyWindow;
  }

  let optionsVersion = OPTIONS_VERSION;
  if (source.optionsVersion !== undefined && source.optionsVersion !== null) {
    const version = source.optionsVersion;
    if (typeof version === 'number' && Number.isInteger(version) && version > 0) {
      optionsVersion = version;
      if (version > OPTIONS_VERSION) {
        issues.push(
          `These options were saved by a newer version of the panel (options version ${version}); unknown settings are ignored.`
        );
      }
    } else {
      issues.push(`Option optionsVersion ${describe(version)} is not a version number; using ${OPTIONS_VERSION}.`);
    }
  }

  let policyOverrides: PolicyOverrides = DEFAULT_OPTIONS.policyOverrides;
  if (source.policyOverrides !== undefined && source.policyOverrides !== null) {
    if (isPlainObject(source.policyOverrides)) {
      // Each override is checked field by field by the core's buildPolicy, which reports code and field.
      policyOverrides = source.policyOverrides as PolicyOverrides;
    } else {
      issues.push(
        `Option policyOverrides should be an object keyed by code but is ${describe(source.policyOverrides)}; the built-in policy is used.`
      );
    }
  }

  let recentWindow = text('recentWindow');
  const recent = parseRecentWindow(recentWindow);
  if (recent.issue) {
    issues.push(recent.issue);
    recentWindow = DEFAULT_OPTIONS.recentWindow;
  }

  const options: SipCodesOptions = {
    optionsVersion,
    codeField: text('codeField'),
    view,
    include2xx: flag('include2xx'),
    include1xx: flag('include1xx'),
    recentWindow,
    logsDatasourceUid: text('logsDatasourceUid'),
    traceUrlTemplate: text('traceUrlTemplate'),
    policyOverrides,
    recencyWindow,
    textSize,
    callIdField: text('callIdField'),
    linksInNewTab: flag('linksInNewTab'),
    alertRuleUidPrefix: text('alertRuleUidPrefix'),
    queryRoles,
  };
  if (typeof source.unparsedPolicyJson === 'string' && source.unparsedPolicyJson.trim() !== '') {
    options.unparsedPolicyJson = source.unparsedPolicyJson;
  }
  // Once the team has imported a policy again, the old unreadable text is history and no longer worth a message.
  // Keys set to undefined are removals still waiting for the dashboard to be saved (Scenes merges options).
  if (options.unparsedPolicyJson && Object.values(policyOverrides).every((override) => override === undefined)) {
    issues.push(
      'The policy saved by an older version of this panel could not be read; the built-in policy is used. Open the policy editor to repair it.'
    );
  }
  return { options, issues };
}
