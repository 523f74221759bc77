import { CodeGuidance, RuleConfig, Severity } from '../types';
import { trackRules } from './ruleDefaults';

/**
 * Registered codes outside the runbook that a voice NOC meets often enough to deserve specific words.
 * They keep their class's default rules unless `rules` is given, with the reason in `rationale`.
 */
export interface KnownCode {
  code: number;
  guidance: CodeGuidance;
  severity?: Severity;
  rules?: RuleConfig;
  /** Replaces the class rationale (only where the rules differ from the class default). */
  rationale?: string;
}

const FROM_APP = 'The customer application chose this code itself (sip:decline verb)';
const TRACE = 'Status line, reason phrase and X-Reason of the response in the SIP trace';
const LOGS = 'Feature-server log for the Call-ID';

const CHALLENGE_RULES_RATIONALE =
  'A digest challenge is the normal first reply to an authenticated caller, and each challenged call that succeeds ' +
  'adds exactly one challenge and one answer; in SIP captures challenges can therefore reach half of all final ' +
  'responses without anything being wrong. Above 50 %, or on a significant rise, authentication fails more often ' +
  'than it succeeds: a credential-guessing scan or a misconfigured device.';

export const KNOWN_CODES: readonly KnownCode[] = [
  {
    code: 401,
    guidance: {
      meaning: 'Challenge: the gateway asked the caller for digest credentials; normally the caller retries with them.',
      action:
        'Normal for calls from registered devices; investigate when challenges outnumber the authenticated retries.',
      causes: [
        'The usual digest challenge to a call from a registered device or SIP user',
        'A device or scanner retrying with wrong credentials',
        'A carrier trunk set up for digest authentication by mistake',
      ],
      checks: [
        'Whether the same Call-ID is retried with an Authorization header and then answered',
        'Source IP and User-Agent of repeated challenges',
        'Responses of the authentication webhook',
      ],
      notes: 'sbc-inbound writes no call record for a 401, so only SIP captures show challenges.',
    },
    rules: trackRules(50),
    rationale: CHALLENGE_RULES_RATIONALE,
  },
  {
    code: 407,
    guidance: {
      meaning: 'Proxy challenge: a proxy asked for digest credentials; normally the request is retried with them.',
      action: 'Normal as one step of authentication; investigate when challenges outnumber the authenticated retries.',
      causes: [
        'The usual proxy challenge before an authenticated retry',
        'A carrier or target challenging the gateway on a bridged call, with missing or wrong credentials configured',
        'A device or scanner retrying with wrong credentials',
      ],
      checks: [
        'Whether the same Call-ID is retried with a Proxy-Authorization header and then answered',
        'Which hop sent the challenge (carrier, device)',
        'The credentials configured for that carrier',
      ],
    },
    rules: trackRules(50),
    rationale: CHALLENGE_RULES_RATIONALE,
  },
  {
    code: 481,
    guidance: {
      meaning: 'Unknown dialog: a request referred to a call or transaction the receiver does not know.',
      action: 'Look for state lost between hops (restarts, failover) or requests racing the end of a call.',
      causes: [
        'A re-INVITE, BYE or CANCEL arriving after the call already ended',
        'A server restarted or failed over and lost its call state',
        'A carrier sending requests with wrong tags or Call-ID',
      ],
      checks: [
        TRACE,
        'The dialog identifiers (Call-ID, From/To tags) compared with the original INVITE',
        'Restarts of SBC or feature servers at that time',
      ],
    },
  },
  {
    code: 482,
    guidance: {
      meaning: 'Loop: the request came back to a server it had already passed.',
      action: 'Find the routing loop between the gateway, carrier and application targets and break it.',
      causes: [
        'An application dialling a number that routes back into the gateway',
        'Carrier routing pointing back at the gateway',
      ],
      checks: [
        'Via headers of the request (the same host appears twice)',
        'The dial target of the application',
        'Carrier routing for the number',
      ],
    },
  },
  {
    code: 484,
    guidance: {
      meaning: 'Incomplete number: the called number has too few digits to route.',
      action: 'Check the number format the carrier sends and the gateway’s number normalisation.',
      causes: [
        'The caller or carrier sent a partial number',
        'Number normalisation strips digits (prefix or country-code rules)',
        'An application dialling a malformed number',
      ],
      checks: ['Request-URI user and To header in the trace', 'Number-format rules for the carrier', LOGS],
    },
  },
  {
    code: 486,
    guidance: {
      meaning: 'Busy: the called party cannot take another call right now.',
      action: 'Usually the application’s or the far end’s choice; investigate when the share grows.',
      causes: [FROM_APP, 'A target dialled by the application was busy and the B2BUA passed that back'],
      checks: [TRACE, LOGS, 'Which application and dial target the calls went to'],
    },
  },
  {
    code: 502,
    guidance: {
      meaning: 'Bad gateway: a server further along answered the gateway with something invalid.',
      action: 'Investigate now: find the downstream server from the trace and check its health and responses.',
      causes: [
        'A downstream server or carrier returned a malformed or invalid response',
        'A downstream server is misconfigured or overloaded',
      ],
      checks: [TRACE, 'Which downstream hop answered (Via, Server header, source IP)', LOGS],
    },
  },
  {
    code: 504,
    guidance: {
      meaning: 'Server timeout: a server behind the gateway did not answer it in time.',
      action: 'Investigate now: find the server that did not answer and check its reachability.',
      causes: [
        'A downstream server or carrier is unreachable or too slow',
        'DNS resolution of the next hop failed or was slow',
      ],
      checks: [TRACE, 'Timing between the forwarded request and the 504', 'Reachability of the downstream hop and DNS'],
    },
  },
  {
    code: 600,
    guidance: {
      meaning: 'Busy everywhere: the called party is busy and no other destination will do better.',
      action: 'Usually the application’s or the far end’s choice; investigate when the share grows.',
      causes: [FROM_APP, 'A far end bridged by the application answered busy everywhere'],
      checks: [TRACE, LOGS],
    },
  },
  {
    code: 604,
    guidance: {
      meaning: 'Number does not exist anywhere: the destination is authoritatively unknown.',
      action: 'Check the numbers being dialled and the routing behind the gateway.',
      causes: [FROM_APP, 'A far end reached by the application does not know the number'],
      checks: [TRACE, 'Request-URI user (the dialled number)', LOGS],
    },
  },
  {
    code: 606,
    guidance: {
      meaning: 'Not acceptable anywhere: the far end cannot accept the requested session (media or features).',
      action: 'Compare the SDP offered with what the far end supports, as for 488.',
      causes: ['A bridged far end rejects the codecs or media features offered', FROM_APP],
      checks: ['SDP m= and a=rtpmap lines of the offer in the trace', TRACE],
    },
  },
  {
    code: 607,
    guidance: {
      meaning: 'Unwanted: the called party marked the call as unwanted (e.g. spam).',
      action: 'Check which caller IDs are being rejected; the traffic may be nuisance calls.',
      causes: ['The called user or a call-analytics service rejected the caller as unwanted', FROM_APP],
      checks: [TRACE, 'Caller ID (From, P-Asserted-Identity) of the rejected calls'],
    },
  },
  {
    code: 608,
    guidance: {
      meaning: 'Rejected by an intermediary: a call-analytics service in the path refused the call.',
      action: 'Check which caller IDs are rejected and the Call-Info / jCard details of the rejection.',
      causes: ['A call-blocking or analytics service in the path refused the caller'],
      checks: [TRACE, 'Call-Info header of the 608 (who rejected it and why)', 'Caller ID of the rejected calls'],
    },
  },
];
