/**
 * The X-Reason values (and telling reason phrases) the gateway sends, who sends each and what it means for level 1.
 * Plain data in a module of its own (nothing runs at load), so it can move to a lazily loaded chunk.
 */
import type { SourceRef } from './sources';

/** Where the gateway puts the text. */
export type XReasonCarrier = 'X-Reason' | 'reason phrase';

/** What a value the gateway sends means. */
export interface XReasonInfo {
  /** The value as the gateway writes it; variable parts shown as "…". */
  value: string;
  meaning: string;
  /** The component (and, where it matters, the piece of configuration) that sends it. */
  sentBy: string;
  carriedIn: XReasonCarrier;
  /** The status codes it comes with; empty when it can come with any code. */
  codes: readonly number[];
  /** Where in the gateway's source the value is written. */
  sources: readonly SourceRef[];
  /** The variable part of the text given (an account sid, an ip:port, an error), when there is one. */
  detail?: string;
}

/** One entry of the dictionary: the text it matches (whole, case-insensitively) and what it means. */
export interface XReasonEntry extends Omit<XReasonInfo, 'detail'> {
  /** Matches the normalised text; the first capture group, if any, is the variable part. */
  pattern: RegExp;
}

// Source files, written out so that this module imports nothing at run time (a test checks them against SRC).
const DIGEST = 'jambonz/digest-utils index.js';
const DRACHTIO_CONTROLLER = 'drachtio/drachtio-server src/controller.cpp';
const FS_CALL_SESSION = 'jambonz/jambonz-feature-server lib/session/call-session.js';
const FS_DECLINE = 'jambonz/jambonz-feature-server lib/tasks/sip_decline.js';
const FS_ERRORS = 'jambonz/jambonz-feature-server lib/utils/error.js';
const FS_INBOUND = 'jambonz/jambonz-feature-server lib/session/inbound-call-session.js';
const FS_MAKE_TASK = 'jambonz/jambonz-feature-server lib/tasks/make_task.js';
const FS_MIDDLEWARE = 'jambonz/jambonz-feature-server lib/middleware.js';
const SBC_DB_UTILS = 'jambonz/sbc-inbound lib/db-utils.js';
const SBC_MIDDLEWARE = 'jambonz/sbc-inbound lib/middleware.js';

export const X_REASONS: readonly XReasonEntry[] = [
  {
    value: 'SIP Decline Verb',
    pattern: /^sip decline verb$/i,
    meaning: 'The customer’s application chose this code itself (sip:decline verb): not a platform failure.',
    sentBy: 'feature server, for the customer’s application',
    carriedIn: 'X-Reason',
    codes: [],
    sources: [FS_DECLINE],
  },
  {
    value: 'endpoint allocation failure: …',
    pattern: /^endpoint allocation failure:?\s*(.*)$/i,
    meaning:
      'The media server (FreeSWITCH) refused or did not answer the request for the call’s media endpoint; the code and ' +
      'Reason header are its own (488 with Q.850 cause 88: no common codec or media profile).',
    sentBy: 'feature server',
    carriedIn: 'X-Reason',
    codes: [488],
    sources: [FS_CALL_SESSION, FS_INBOUND],
  },
  {
    value: 'no configured application',
    pattern: /^no configured application$/i,
    meaning:
      'No application is set up for the called number (480 from the feature server) or for the Microsoft Teams tenant (404 from sbc-inbound).',
    sentBy: 'feature server (480) or sbc-inbound (404, Microsoft Teams)',
    carriedIn: 'X-Reason',
    codes: [480, 404],
    sources: [FS_MIDDLEWARE, SBC_MIDDLEWARE],
  },
  {
    value: 'crankback: …',
    pattern: /^crankback:?\s*(.*)$/i,
    meaning:
      'The feature server gave the call back without answering: with "media server failure", no media server (FreeSWITCH) was available to it.',
    sentBy: 'feature server',
    carriedIn: 'X-Reason',
    codes: [480],
    sources: [FS_INBOUND, FS_CALL_SESSION],
  },
  {
    value: 'Maximum Calls In Progress',
    pattern: /^maximum calls in progress$/i,
    meaning:
      'The account reached its concurrent-call capacity (hosted platform); an ACCOUNT_CALL_LIMIT alert is written.',
    sentBy: 'sbc-inbound',
    carriedIn: 'reason phrase',
    codes: [503],
    sources: [SBC_MIDDLEWARE],
  },
  {
    value: 'Max Account Calls In Progress',
    pattern: /^max account calls in progress$/i,
    meaning: 'The account reached its call limit (X-Account-Sid and X-Call-Limit say which and how many).',
    sentBy: 'sbc-inbound',
    carriedIn: 'reason phrase',
    codes: [503],
    sources: [SBC_MIDDLEWARE],
  },
  {
    value: 'Max Service Provider Calls In Progress',
    pattern: /^max service provider calls in progress$/i,
    meaning: 'The service provider reached its call limit (X-Service-Provider-Sid and X-Call-Limit).',
    sentBy: 'sbc-inbound',
    carriedIn: 'reason phrase',
    codes: [503],
    sources: [SBC_MIDDLEWARE],
  },
  {
    value: 'No Active Subscription',
    pattern: /^no active subscription$/i,
    meaning: 'Hosted platform: the account has no call limits at all, meaning no active subscription.',
    sentBy: 'sbc-inbound',
    carriedIn: 'reason phrase',
    codes: [503],
    sources: [SBC_MIDDLEWARE],
  },
  {
    value: 'Account exists but is inactive',
    pattern: /^account exists but is inactive$/i,
    meaning: 'The account is deactivated or suspended: reactivate it with the customer.',
    sentBy: 'sbc-inbound or feature server',
    carriedIn: 'X-Reason',
    codes: [503],
    sources: [SBC_MIDDLEWARE, FS_MIDDLEWARE],
  },
  {
    value: 'No Account exists for sid …',
    pattern: /^no account exists for sid\s*(.*)$/i,
    meaning:
      'The feature server could not look up the account. Sent on any lookup error, so it may be a database outage rather than a missing account.',
    sentBy: 'feature server',
    carriedIn: 'X-Reason',
    codes: [503],
    sources: [FS_MIDDLEWARE],
  },
  {
    value: 'Multiple … (carrier routing conflict)',
    pattern: /^(multiple (?:carriers|accounts|gateways) .*)$/i,
    meaning:
      'Several carriers, gateways or accounts match the call, so the gateway cannot tell whose it is: a provisioning conflict. No call record.',
    sentBy: 'sbc-inbound',
    carriedIn: 'X-Reason',
    codes: [503],
    sources: [SBC_DB_UTILS, SBC_MIDDLEWARE],
  },
  {
    value: 'Invalid credentials',
    pattern: /^invalid credentials$/i,
    meaning: 'Digest authentication failed: a wrong password from a device, an auth trunk or a scanner guessing.',
    sentBy: 'sbc-inbound (digest check)',
    carriedIn: 'X-Reason',
    codes: [403],
    sources: [DIGEST],
  },
  {
    value: 'detected potential spammer from …',
    pattern: /^detected potential spammer from\s*(\S*)/i,
    meaning:
      'The account’s device-auth webhook flagged the caller as a spammer. (The same words start drachtio’s log line for its scanner 603s.)',
    sentBy: 'sbc-inbound (device-auth webhook verdict)',
    carriedIn: 'X-Reason',
    codes: [403],
    sources: [DIGEST, DRACHTIO_CONTROLLER],
  },
  {
    value: 'Unknown or invalid realm',
    pattern: /^unknown or invalid realm$/i,
    meaning: 'A REGISTER for a SIP realm no account owns; never the outcome of a call.',
    sentBy: 'the registrar (digest check)',
    carriedIn: 'X-Reason',
    codes: [403],
    sources: [DIGEST],
  },
  {
    value: 'Unexpected HTTP Response',
    pattern: /^unexpected http response$/i,
    meaning:
      'The application webhook answered with an HTTP error status: the feature server rejects the call with its webhook error code (480 unless JAMBONES_WEBHOOK_ERROR_RETURN says otherwise) and raises an INVALID_APP_PAYLOAD alert.',
    sentBy: 'feature server',
    carriedIn: 'X-Reason',
    codes: [480],
    sources: [FS_ERRORS, FS_MIDDLEWARE],
  },
  {
    value: 'no application provided',
    pattern: /^no application provided$/i,
    meaning: 'The application webhook returned no verbs; rejected with the webhook error code (480 by default).',
    sentBy: 'feature server',
    carriedIn: 'X-Reason',
    codes: [480],
    sources: [FS_MIDDLEWARE],
  },
  {
    value: 'malformed jambonz application payload',
    pattern: /^(?:malformed jambonz application payload|invalid jambonz verb\s*(.*))$/i,
    meaning:
      'The application webhook’s verbs could not be read; rejected with the webhook error code (480 by default).',
    sentBy: 'feature server',
    carriedIn: 'X-Reason',
    codes: [480],
    sources: [FS_MAKE_TASK, FS_MIDDLEWARE],
  },
  {
    value: 'connect ECONNREFUSED … (network error)',
    pattern: /^(.*\b(?:ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|EAI_AGAIN)\b.*)$/,
    meaning:
      'The application webhook could not be reached (the text is the network error); rejected with the webhook error code (480 by default).',
    sentBy: 'feature server',
    carriedIn: 'X-Reason',
    codes: [480],
    sources: [FS_MIDDLEWARE],
  },
  {
    value: 'Number Not Provisioned',
    pattern: /^number not provisioned$/i,
    meaning: 'A known carrier sent a number no account has: a provisioning gap. No call record.',
    sentBy: 'sbc-inbound',
    carriedIn: 'reason phrase',
    codes: [404],
    sources: [SBC_MIDDLEWARE],
  },
  {
    value: 'Loop Detected on x-application-sid',
    pattern: /^loop detected on x-application-sid$/i,
    meaning: 'The gateway’s own outbound call came back in to the application that placed it: a routing loop.',
    sentBy: 'sbc-inbound',
    carriedIn: 'reason phrase',
    codes: [482],
    sources: [SBC_MIDDLEWARE],
  },
];

/** Trims, drops a leading "X-Reason:" and surrounding quotes, and collapses runs of white space. */
export function normalizeReasonText(text: string): string {
  return text
    .trim()
    .replace(/^x-reason\s*:\s*/i, '')
    .replace(/^["'](.*)["']$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What an X-Reason value (or reason phrase) the gateway sends means, or null when it is not in the dictionary.
 * Case, surrounding spaces and the variable parts (an account sid, an ip:port, an error text) do not matter.
 * Never throws, whatever it is given.
 */
export function explainXReason(text: string): XReasonInfo | null {
  if (typeof text !== 'string') {
    return null;
  }
  const normalized = normalizeReasonText(text);
  if (normalized === '') {
    return null;
  }
  for (const entry of X_REASONS) {
    const match = entry.pattern.exec(normalized);
    if (match) {
      const { pattern: _pattern, ...info } = entry;
      const detail = match[1]?.trim();
      return detail ? { ...info, detail } : { ...info };
    }
  }
  return null;
}

/** One line for the card: the meaning, or a clear "not in the dictionary". */
export function describeXReason(text: unknown): string {
  const info = typeof text === 'string' ? explainXReason(text) : null;
  if (info) {
    return `${info.meaning} (sent by ${info.sentBy})`;
  }
  const shown = typeof text === 'string' && text.trim() !== '' ? `"${text.trim()}"` : 'This value';
  return `${shown} is not in the X-Reason dictionary.`;
}
