import { CodeClass, RuleConfig, Severity } from '../types';
import { anyIncidentRules, noRules, trackRules } from './ruleDefaults';

/** What the product assumes about a code when nothing more specific is known than its class. */
export interface ClassProfile {
  cls: CodeClass;
  /** "1xx" … "6xx". */
  label: string;
  /** Short class name: "provisional", "success" … */
  name: string;
  /** One line: what any code of this class means for an inbound call on the gateway. */
  meaning: string;
  action: string;
  causes: string[];
  checks: string[];
  severity: Severity;
  /** Builds a fresh copy of the class's default rules. */
  rules: () => RuleConfig;
  rationale: string;
}

const TRACE_CHECKS = [
  'The final response in the SIP trace: status line, reason phrase and X-Reason header',
  'Which hop sent it: Via and Server/User-Agent headers, source IP',
  'sbc-inbound and feature-server logs filtered by the Call-ID',
];

const APP_CHOSE_CODE = 'The customer application rejected the call with this code itself (sip:decline verb)';

export const CLASS_PROFILES: Readonly<Record<CodeClass, ClassProfile>> = Object.freeze({
  1: {
    cls: 1,
    label: '1xx',
    name: 'provisional',
    meaning: 'Provisional: the request is still in progress; this is never how a call ends.',
    action: 'Nothing to do: provisional responses are kept apart from call outcomes.',
    causes: ['Normal call progress reported by the next hop (trying, ringing, early media)'],
    checks: ['Look at the final response of the same Call-ID instead; a 1xx says nothing about the outcome'],
    severity: 'normal',
    rules: noRules,
    rationale: 'Provisional responses report progress, not an outcome, so they are never counted as calls or assessed.',
  },
  2: {
    cls: 2,
    label: '2xx',
    name: 'success',
    meaning: 'Success: the request was accepted; for an INVITE, the call was answered.',
    action: 'Nothing to do: an accepted request is the expected outcome.',
    causes: ['The request was accepted'],
    checks: ['None for the signalling outcome'],
    severity: 'normal',
    rules: noRules,
    rationale: 'Success is the expected outcome and needs no follow-up.',
  },
  3: {
    cls: 3,
    label: '3xx',
    name: 'redirection',
    meaning: 'Redirection: the caller is told to try another address instead of this one.',
    action: 'Find which application or hop redirected the calls and whether that was intended.',
    causes: [
      'The customer application redirected the call on purpose',
      'A server behind the gateway answered with a redirect the B2BUA passed back',
    ],
    checks: [...TRACE_CHECKS, 'The Contact header of the redirect: where the caller was sent'],
    severity: 'track',
    rules: () => trackRules(1),
    rationale:
      'Redirects are unexpected for inbound calls on the gateway, so even 1 % of calls, or a significant rise, is worth a look.',
  },
  4: {
    cls: 4,
    label: '4xx',
    name: 'request failure',
    meaning: 'Request failure: the call failed here and should not be retried unchanged.',
    action: 'When the numbers grow, read a few sample traces to see which hop rejected the calls and why.',
    causes: [APP_CHOSE_CODE, 'A carrier or device sent a request the gateway could not accept'],
    checks: TRACE_CHECKS,
    severity: 'track',
    rules: () => trackRules(5),
    rationale:
      'Request failures are tracked like the runbook’s 4xx codes: follow up when they reach 5 % of calls or rise significantly.',
  },
  5: {
    cls: 5,
    label: '5xx',
    name: 'server failure',
    meaning: 'Server failure: the gateway or a server behind it failed on a call that looked valid.',
    action: 'Investigate now: find the failing server from the trace and read its logs for the Call-ID.',
    causes: ['A platform component or a server behind the gateway failed', APP_CHOSE_CODE],
    checks: [...TRACE_CHECKS, 'Health of the feature servers, databases and downstream servers at that time'],
    severity: 'immediate',
    rules: anyIncidentRules,
    rationale:
      'A server failure means the platform or a server behind it failed, so, like the runbook’s 500, every incident is ' +
      'investigated (503 is the runbook’s tracked exception: a deliberate refusal).',
  },
  6: {
    cls: 6,
    label: '6xx',
    name: 'global failure',
    meaning: 'Global failure: the call is refused definitively; no other server should be tried.',
    action: 'When the numbers grow, read a few sample calls to see who refused them and why.',
    causes: [APP_CHOSE_CODE, 'A far end bridged by the application refused the call'],
    checks: TRACE_CHECKS,
    severity: 'track',
    rules: () => trackRules(5),
    rationale:
      'Definitive refusals other than 603 usually come from an application’s own logic or the far end of a bridged ' +
      'call, so they are tracked: follow up at 5 % of calls or a significant rise.',
  },
});

/** The profile of a code's class. Assumes a valid code (100–699). */
export function classProfile(cls: CodeClass): ClassProfile {
  return CLASS_PROFILES[cls];
}
