import { RuleConfig, Severity } from '../types';
import {
  FROM_APP,
  FROM_DEVICE_AUTH,
  GuidanceSpec,
  handOff,
  HOP_CHECK,
  NOT_FROM_OUTBOUND_LEG,
  TIMING_CHECK,
} from './lines';
import { anyIncidentRules, trackRules } from './ruleDefaults';
import { cite, SRC } from './sources';

/**
 * Registered codes outside the runbook that a voice NOC meets often enough to deserve specific words.
 * They keep their class's default rules unless `rules` is given, with the reason in `rationale`.
 */
export interface KnownCode {
  code: number;
  guidance: GuidanceSpec;
  severity?: Severity;
  rules?: RuleConfig;
  /** Replaces the class rationale (only where the rules differ from the class default). */
  rationale?: string;
}

/** The application's sip:decline verb, with the reason it typically has for this code. */
function declinedBy(why: string) {
  return cite(
    `The application declined the call as ${why} (sip:decline verb, X-Reason "SIP Decline Verb")`,
    SRC.fsDecline
  );
}

const TRACE = 'Status line, reason phrase and X-Reason of the response in the SIP trace';
const LOGS = 'Feature-server log for the Call-ID';
const WHICH_APP = 'Which application (application_sid) and flow the calls went to';

const CHALLENGE_RULES_RATIONALE =
  'A digest challenge is the normal first reply to an authenticated caller, and each challenged call that succeeds ' +
  'adds exactly one challenge and one answer; in SIP captures challenges can therefore reach half of all final ' +
  'responses without anything being wrong. Above 50 %, or on a significant rise, authentication fails more often ' +
  'than it succeeds: a credential-guessing scan or a misconfigured device.';

const LOOP_RATIONALE =
  'A routing loop fails every call on that route and multiplies the load with each pass, so every incident is ' +
  'investigated at once.';

const SAME_FAILURE_RATIONALE =
  'Every call of that kind fails the same way until someone changes a configuration, as with 488, so every ' +
  'incident is investigated at once.';

const RETRIED_RATIONALE =
  'The caller is expected to retry and usually succeeds, so a few of these are normal. Tracked with a high ' +
  'threshold: 20 % of calls, or a significant rise, means the retries fail too; no single-incident rule.';

export const KNOWN_CODES: readonly KnownCode[] = [
  {
    code: 401,
    guidance: {
      meaning: 'Challenge: the gateway asked the caller for digest credentials; normally the caller retries with them.',
      action:
        'Normal for calls from registered devices; investigate when challenges outnumber the authenticated retries.',
      causes: [
        cite('The usual digest challenge to a call from a registered device or SIP user', SRC.digest),
        'A device or scanner retrying with wrong credentials',
        cite(
          'A carrier whose source IP is not listed for its trunk, calling a SIP realm the gateway serves: it is challenged like a device',
          SRC.sbcMiddleware
        ),
      ],
      checks: [
        'Whether the same Call-ID is retried with an Authorization header and then answered',
        'Source IP and User-Agent of repeated challenges',
        'Responses of the device-auth webhook',
      ],
      handOff: handOff('The usernames and source IPs that never pass the challenge'),
      notes: 'sbc-inbound writes no call record for a 401, so only SIP captures show challenges.',
    },
    rules: trackRules(50),
    rationale: CHALLENGE_RULES_RATIONALE,
  },
  {
    code: 402,
    guidance: {
      meaning: 'Payment required: a carrier refused the call because the account’s balance or credit is exhausted.',
      action:
        'Where outbound legs are in the data, check the balance with that carrier; on inbound calls, find who chose it.',
      causes: [
        'An empty balance or credit limit at the carrier of an outbound leg (only where outbound legs are in the data)',
        FROM_APP,
        FROM_DEVICE_AUTH,
      ],
      checks: [
        TRACE,
        'Which carrier sent it (the trunk of the outbound leg)',
        'The account’s balance with that carrier',
      ],
      handOff: handOff('The carrier and the account whose calls are refused'),
    },
  },
  {
    code: 407,
    guidance: {
      meaning: 'Proxy challenge: a proxy asked for digest credentials; normally the request is retried with them.',
      action: 'Normal as one step of authentication; investigate when challenges outnumber the authenticated retries.',
      causes: [
        'The usual proxy challenge before an authenticated retry',
        'A carrier or target challenging the gateway on an outbound leg, with missing or wrong credentials configured',
        'A device or scanner retrying with wrong credentials',
      ],
      checks: [
        'Whether the same Call-ID is retried with a Proxy-Authorization header and then answered',
        'Which hop sent the challenge (carrier, device)',
        'The credentials configured for that carrier',
      ],
      handOff: handOff('The carrier that challenges and the credentials configured for it (not the password itself)'),
    },
    rules: trackRules(50),
    rationale: CHALLENGE_RULES_RATIONALE,
  },
  {
    code: 415,
    severity: 'immediate',
    rules: anyIncidentRules(),
    rationale: SAME_FAILURE_RATIONALE,
    guidance: {
      meaning: 'Unsupported media type: the request carried a body type the receiver does not accept.',
      action: 'Investigate now: find which body type (Content-Type) is refused and who sends it.',
      causes: [
        'A carrier or device sending a body the gateway does not accept (a multipart body or a non-SDP Content-Type)',
        FROM_APP,
      ],
      checks: [TRACE, 'Content-Type of the refused request and the Accept header of the 415', HOP_CHECK],
      handOff: handOff('One refused INVITE with its body and Content-Type'),
    },
  },
  {
    code: 420,
    severity: 'immediate',
    rules: anyIncidentRules(),
    rationale: SAME_FAILURE_RATIONALE,
    guidance: {
      meaning: 'Bad extension: the request required a SIP extension (Require header) the receiver does not support.',
      action: 'Investigate now: find the extension named in the Unsupported header and who requires it.',
      causes: [
        'A carrier or device requiring an extension (100rel, timer, precondition…) the receiver lacks',
        FROM_APP,
      ],
      checks: [TRACE, 'Require header of the request and Unsupported header of the 420', HOP_CHECK],
      handOff: handOff('The Require and Unsupported headers of one failing call'),
    },
  },
  {
    code: 422,
    rules: trackRules(20),
    rationale: RETRIED_RATIONALE,
    guidance: {
      meaning: 'Session interval too small: the Session-Expires asked for is below the receiver’s minimum.',
      action: 'Normal once per call (the caller retries with the Min-SE given); investigate when calls still fail.',
      causes: [
        'The caller’s Session-Expires is below the receiver’s Min-SE; it retries with a larger value (RFC 4028 §6)',
        'A caller that ignores Min-SE and does not retry, so the call fails',
      ],
      checks: [
        TRACE,
        'Session-Expires of the request and Min-SE of the 422',
        'Whether the retry with the same Call-ID succeeds',
      ],
      handOff: handOff('The Session-Expires and Min-SE values of one failing call'),
    },
  },
  {
    code: 481,
    guidance: {
      meaning: 'Unknown dialog: a request referred to a call or transaction the receiver does not know.',
      action: 'Look for state lost between hops (restarts, failover) or requests racing the end of a call.',
      causes: [
        'A re-INVITE, BYE or CANCEL arriving after the call already ended',
        'A server restarted or failed over and lost its call state',
        cite('A new INVITE carrying a To-tag that drachtio does not track', SRC.drachtioPending),
      ],
      checks: [
        TRACE,
        'The dialog identifiers (Call-ID, From/To tags) compared with the original INVITE',
        'Restarts of SBC or feature servers at that time',
      ],
      handOff: handOff('Restart or failover times of the SBC and feature servers'),
    },
  },
  {
    code: 482,
    severity: 'immediate',
    rules: anyIncidentRules(),
    rationale: LOOP_RATIONALE,
    guidance: {
      meaning: 'Loop: the request came back to a server it had already passed.',
      action:
        'Investigate now: find the routing loop between the gateway, carrier and application targets and break it.',
      causes: [
        cite(
          'A call from a carrier carries an X-Application-Sid equal to the application its number routes to: the gateway’s own outbound call came back in (phrase "Loop Detected on x-application-sid"; no call record)',
          SRC.sbcMiddleware
        ),
        'An application dialling a number that routes back into the gateway',
        'Carrier routing pointing back at the gateway',
      ],
      checks: [
        cite('Reason phrase and the X-Application-Sid header of the incoming INVITE', SRC.sbcMiddleware),
        'Via headers of the request (the same host appears twice)',
        'The dial target of the application and the carrier routing for that number',
      ],
      handOff: handOff('The number that loops, the application that dials it and the carrier route'),
    },
  },
  {
    code: 483,
    severity: 'immediate',
    rules: anyIncidentRules(),
    rationale: LOOP_RATIONALE,
    guidance: {
      meaning: 'Too many hops: Max-Forwards reached zero, usually in a routing loop between proxies.',
      action: 'Investigate now: follow the Via headers to find the loop and break it.',
      causes: [
        cite(
          'A loop between proxies outside the gateway (the SBC does not pass Max-Forwards on to the feature servers, so the count restarts there)',
          SRC.sbcCallSession
        ),
        'Carrier routing pointing back at itself or at the gateway',
      ],
      checks: [TRACE, 'Via headers and Max-Forwards of the request', 'Carrier routing for the number'],
      handOff: handOff('The Via headers of one failing request'),
    },
  },
  {
    code: 484,
    guidance: {
      meaning: 'Incomplete number: the called number has too few digits to route.',
      action: 'Find who sent it: jambonz never sends 484 itself (an unknown number gets 404 "Number Not Provisioned").',
      causes: [
        cite(
          'Not the gateway’s own verdict: jambonz answers an unknown number with 404 "Number Not Provisioned", never 484',
          SRC.sbcMiddleware
        ),
        FROM_APP,
        'A carrier or proxy in front of the gateway refusing a partial number (visible only in captures taken there)',
      ],
      checks: [TRACE, 'Request-URI user and To header in the trace', HOP_CHECK],
      handOff: handOff('The called numbers and the element that answered 484'),
    },
  },
  {
    code: 486,
    guidance: {
      meaning: 'Busy: the called party cannot take another call right now.',
      action: 'Usually the application’s choice; investigate when the share grows.',
      causes: [
        declinedBy('busy here, for example outside opening hours or with its queue full'),
        FROM_DEVICE_AUTH,
        NOT_FROM_OUTBOUND_LEG,
      ],
      checks: [TRACE, LOGS, WHICH_APP],
      handOff: handOff('The application and the flow step that declines'),
    },
  },
  {
    code: 491,
    rules: trackRules(20),
    rationale: RETRIED_RATIONALE,
    guidance: {
      meaning: 'Request pending: two re-INVITEs crossed (glare); each side retries after a random delay.',
      action: 'Normal now and then (RFC 3261 §14.1); investigate when calls fail because the retries keep colliding.',
      causes: ['Both sides of a call sent a re-INVITE at the same time (hold, transfer, session refresh)'],
      checks: [TRACE, 'The re-INVITEs of the call and their timing', 'Whether the retried re-INVITE succeeds'],
      handOff: handOff('The re-INVITE ladder of one affected call'),
    },
  },
  {
    code: 502,
    guidance: {
      meaning: 'Bad gateway: a server further along answered the gateway with something invalid.',
      action: 'Investigate now: find the downstream server from the trace and check its health and responses.',
      causes: [
        'A downstream server returned a malformed or invalid response',
        'A downstream server is misconfigured or overloaded',
        FROM_APP,
      ],
      checks: [TRACE, HOP_CHECK, LOGS],
      handOff: handOff('The downstream server and one invalid response it sent'),
    },
  },
  {
    code: 504,
    guidance: {
      meaning: 'Server timeout: a server behind the gateway did not answer it in time.',
      action: 'Investigate now: find the server that did not answer and check its reachability.',
      causes: ['A downstream server is unreachable or too slow', 'DNS resolution of the next hop failed or was slow'],
      checks: [TRACE, TIMING_CHECK, 'Reachability of the downstream hop and DNS'],
      handOff: handOff('The downstream server and its reachability at that time'),
    },
  },
  {
    code: 600,
    guidance: {
      meaning: 'Busy everywhere: the called party is busy and no other destination will do better.',
      action: 'Usually the application’s choice; investigate when the share grows.',
      causes: [
        declinedBy('busy everywhere, for example with all its agents busy'),
        FROM_DEVICE_AUTH,
        NOT_FROM_OUTBOUND_LEG,
      ],
      checks: [TRACE, LOGS, WHICH_APP],
      handOff: handOff('The application and the flow step that declines'),
    },
  },
  {
    code: 604,
    guidance: {
      meaning: 'Number does not exist anywhere: the destination is authoritatively unknown.',
      action: 'Find which application or webhook chose it, and check the numbers being called.',
      causes: [
        declinedBy('does not exist anywhere, for a number it does not serve'),
        FROM_DEVICE_AUTH,
        NOT_FROM_OUTBOUND_LEG,
      ],
      checks: [TRACE, 'Request-URI user (the called number)', LOGS],
      handOff: handOff('The called numbers and the application that declines them'),
    },
  },
  {
    code: 606,
    severity: 'immediate',
    rules: anyIncidentRules(),
    rationale:
      'On an inbound call only the customer’s application (sip:decline) or the device-auth webhook chooses 606, and a ' +
      'flow that declines this way fails every caller it reaches, so every incident is investigated at once.',
    guidance: {
      meaning: 'Not acceptable anywhere: the call was refused definitively as unacceptable.',
      action: 'Investigate now: find which application or webhook chose 606 and why.',
      causes: [declinedBy('not acceptable anywhere'), FROM_DEVICE_AUTH, NOT_FROM_OUTBOUND_LEG],
      checks: [TRACE, LOGS, WHICH_APP],
      handOff: handOff('The application and the flow step that declines'),
    },
  },
  {
    code: 607,
    guidance: {
      meaning: 'Unwanted: the called party marked the call as unwanted (e.g. spam).',
      action: 'Check which caller IDs are being rejected; the traffic may be nuisance calls.',
      causes: ['The called user or a call-analytics service rejected the caller as unwanted', FROM_APP],
      checks: [TRACE, 'Caller ID (From, P-Asserted-Identity) of the rejected calls'],
      handOff: handOff('The rejected caller IDs'),
    },
  },
  {
    code: 608,
    guidance: {
      meaning: 'Rejected by an intermediary: a call-analytics service in the path refused the call.',
      action: 'Check which caller IDs are rejected and the Call-Info / jCard details of the rejection.',
      causes: ['A call-blocking or analytics service in the path refused the caller'],
      checks: [TRACE, 'Call-Info header of the 608 (who rejected it and why)', 'Caller ID of the rejected calls'],
      handOff: handOff('The rejected caller IDs and the Call-Info of one 608'),
    },
  },
];
