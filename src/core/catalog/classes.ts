import { CodeClass, RuleConfig, Severity } from '../types';
import {
  FROM_APP,
  FROM_DEVICE_AUTH,
  handOff,
  HOP_CHECK,
  JOIN_CHECK,
  NOT_FROM_OUTBOUND_LEG,
  TIMING_CHECK,
} from './lines';
import { anyIncidentRules, noRules, trackRules } from './ruleDefaults';
import { cite, GuidanceLine, SRC } from './sources';

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
  causes: GuidanceLine[];
  checks: GuidanceLine[];
  /** What to hand to engineering when the code needs escalating. */
  handOff: string[];
  severity: Severity;
  /** Builds a fresh copy of the class's default rules. */
  rules: () => RuleConfig;
  rationale: string;
}

const TRACE_CHECKS: GuidanceLine[] = [
  'The final response in the SIP trace: status line, reason phrase and X-Reason header',
  HOP_CHECK,
  TIMING_CHECK,
  'sbc-inbound and feature-server logs filtered by the Call-ID',
  JOIN_CHECK,
];

const HAND_OFF = handOff();

export const CLASS_PROFILES: Readonly<Record<CodeClass, ClassProfile>> = Object.freeze({
  1: {
    cls: 1,
    label: '1xx',
    name: 'provisional',
    meaning: 'Provisional: the request is still in progress; this is never how a call ends.',
    action: 'Nothing to do: provisional responses are kept apart from call outcomes.',
    causes: ['Normal call progress reported by the next hop (trying, ringing, early media)'],
    checks: ['Look at the final response of the same Call-ID instead; a 1xx says nothing about the outcome'],
    handOff: ['Nothing: a provisional response is not an outcome'],
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
    handOff: ['Nothing: an accepted request needs no escalation'],
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
      cite(
        'The customer application redirected the call on purpose (sip:decline verb with a 3xx and a Contact)',
        SRC.fsDecline
      ),
      'A carrier or proxy in front of the gateway redirected the call (seen only in captures taken there)',
    ],
    checks: [...TRACE_CHECKS, 'The Contact header of the redirect: where the caller was sent'],
    handOff: HAND_OFF,
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
    causes: [FROM_APP, FROM_DEVICE_AUTH, 'A carrier or device sent a request the gateway could not accept'],
    checks: TRACE_CHECKS,
    handOff: HAND_OFF,
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
    causes: ['A platform component or a server behind the gateway failed', FROM_APP, FROM_DEVICE_AUTH],
    checks: [...TRACE_CHECKS, 'Health of the feature servers, databases and downstream servers at that time'],
    handOff: HAND_OFF,
    severity: 'immediate',
    rules: anyIncidentRules,
    rationale:
      'A server failure means the platform or a server behind it failed, so, like the runbook’s 500, every incident is ' +
      'investigated (503 is the runbook’s tracked exception: mostly call limits and inactive accounts).',
  },
  6: {
    cls: 6,
    label: '6xx',
    name: 'global failure',
    meaning: 'Global failure: the call is refused definitively; no other server should be tried.',
    action: 'When the numbers grow, read a few sample calls to see who refused them and why.',
    causes: [FROM_APP, FROM_DEVICE_AUTH, NOT_FROM_OUTBOUND_LEG],
    checks: TRACE_CHECKS,
    handOff: HAND_OFF,
    severity: 'track',
    rules: () => trackRules(5),
    rationale:
      'Definitive refusals other than 603 come from the customer application’s own logic (or a device-auth webhook), ' +
      'so they are tracked: follow up at 5 % of calls or a significant rise.',
  },
});

/** The profile of a code's class. Assumes a valid code (100–699). */
export function classProfile(cls: CodeClass): ClassProfile {
  return CLASS_PROFILES[cls];
}
