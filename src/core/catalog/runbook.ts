import { CodePolicy } from '../types';
import { FOLLOW_UP, anyIncidentRules, noRules, trackRules } from './ruleDefaults';

/**
 * The ten codes our runbook (shared/seed) explains, with its follow-up rule:
 * - investigate at the first incident: 408, 488, 500, 603;
 * - track and investigate significant numbers or trends: 403, 404, 480, 487, 503;
 * - normal: 200.
 * Guidance is in our own words. Causes the runbook names come first; further causes found in the gateway's code
 * (shared/research/sip-domain.md) follow and never contradict it.
 * The reason phrase is taken from the IANA registry when the catalog is assembled.
 */
export type RunbookPolicy = Omit<CodePolicy, 'reason' | 'origin'>;

const NO_CDR_NOTE =
  'Some of these are answered before the account is known (unknown realm or number, scanners), and sbc-inbound ' +
  'writes no call record for them. Call records therefore undercount them; SIP captures (Homer, Packetbeat) show all.';

export const RUNBOOK_POLICIES: readonly RunbookPolicy[] = [
  {
    code: 200,
    severity: 'normal',
    followUp: FOLLOW_UP.normal,
    rules: noRules(),
    guidance: {
      meaning: 'Answered: the gateway took the call and set up media and application resources for it.',
      action: 'Nothing to do; this is the healthy baseline.',
      causes: ['The call reached an application, which answered it'],
      checks: [
        'Nothing for the signalling outcome',
        'Problems after answer (audio, flow errors) show in the call record (duration, termination_reason) and the feature-server log for the Call-ID',
      ],
      notes:
        'A 200 only says the signalling worked: the call was answered and resources were allocated. It does not say ' +
        'the conversation or the flow went well. Fewer than 100 % answered calls is expected; the other codes say why.',
    },
    rationale:
      'Answered calls are the expected outcome. A 200 does not prove the call went well, but it never needs follow-up on its own.',
  },
  {
    code: 403,
    severity: 'track',
    followUp: FOLLOW_UP.track,
    rules: trackRules(5),
    guidance: {
      meaning:
        'Refused: the gateway would not serve this caller, usually a SIP scanner or a caller failing authentication.',
      action:
        'When they grow, find the source IPs in the traces and block persistent offenders; if a known carrier is refused, fix its trunk.',
      causes: [
        'SIP scanners and spammers probing the gateway',
        'The authentication webhook marked the caller as a spammer (X-Reason "detected potential spammer from <ip>:<port>")',
        'The authentication webhook rejected the credentials (X-Reason "Invalid credentials")',
        'A device call or REGISTER for an unknown or invalid SIP realm (X-Reason "Unknown or invalid realm")',
        'A real carrier whose IP or credentials changed is no longer recognised',
      ],
      checks: [
        'Source IP and User-Agent in the trace (friendly-scanner, sipcli, sipvicious mean a scanner)',
        'X-Reason header on the 403',
        'Whether the source IP belongs to a configured carrier',
        'sbc-inbound log lines "detected potential spammer from …" and the fail2ban bans they trigger',
      ],
      notes:
        'Scanner 403s come in short, intense bursts from one to three IPs. A 403 to a known carrier IP is a different ' +
        'matter: that carrier’s calls are all failing.\n\n' +
        NO_CDR_NOTE,
    },
    rationale:
      'The runbook treats 403 as mostly scanner noise: track it, and investigate (and possibly block the source) when ' +
      'there are large amounts. 5 % of all calls, or a significant rise, is well above normal scanner background.',
  },
  {
    code: 404,
    severity: 'track',
    followUp: FOLLOW_UP.track,
    rules: trackRules(3),
    guidance: {
      meaning: 'Unknown number: the called number is not provisioned in the gateway database.',
      action:
        'If a real carrier sends them, get the number or trunk provisioned with the customer; if scanners do, treat as noise or block.',
      causes: [
        'A customer has not set up its trunk or numbers correctly (phrase "Number Not Provisioned")',
        'SIP scanners dialling random numbers or short extensions',
        'A Microsoft Teams tenant with no application (X-Reason "no configured application")',
        'A device call to an unknown SIP realm',
        'A SIPREC call for an account without a SIPREC hook',
        'An INVITE with Replaces for a call the gateway does not know',
        'The account is bound to a dedicated SBC and the call arrived at another one',
      ],
      checks: [
        'Request-URI user (the called number) and the To header',
        'Which carrier or source IP sent the calls',
        'Reason phrase and X-Reason on the 404',
        'sbc-inbound log "DID has not been provisioned"',
        'Whether the number is listed for the customer’s account',
      ],
      notes:
        'Many 404s to one number from a real carrier usually mean a provisioning gap: every call to that number ' +
        'fails. 404s to many short numbers from one IP are a scanner.\n\n' +
        NO_CDR_NOTE,
    },
    rationale:
      'The runbook asks to track 404 and investigate significant numbers. 3 % of calls (or a significant rise) is low ' +
      'enough to catch one busy number that was never provisioned, and above the usual scanner background.',
  },
  {
    code: 408,
    severity: 'immediate',
    followUp: FOLLOW_UP.immediate,
    rules: anyIncidentRules(),
    guidance: {
      meaning: 'Timeout: a SIP hop on the call path never sent a final response in time.',
      action: 'Investigate every one: find the hop that stopped answering and restore it or fail over.',
      causes: [
        'A SIP endpoint on the call path is down or unreachable',
        'The SIP stack’s INVITE transaction timer expired (Timer B, 64×T1 ≈ 32 s) because a feature server, a dialled target or the far end never answered; the B2BUA passes the 408 back to the carrier',
        'Packet loss or a firewall dropping SIP between the SBC and the feature servers',
      ],
      checks: [
        'In the trace: INVITE retransmissions with no final response, and about 32 s between the INVITE and the 408',
        'Which hop received the last unanswered INVITE (feature server IP, dial target)',
        'OPTIONS pings and health of the feature servers and far endpoints',
        'Feature-server log for the Call-ID: did the call arrive there at all?',
      ],
      notes:
        'The gateway code never sends 408 on purpose: it comes from the SIP transaction layer. Expect a step change ' +
        'when a feature server or target dies, clearing when traffic fails over. Every affected caller waits about ' +
        '32 seconds before the call fails.',
    },
    rationale:
      'The runbook asks for every incident to be investigated: a timeout means a hop is dead or unreachable, and every ' +
      'call routed to it fails after a long wait.',
  },
  {
    code: 480,
    severity: 'track',
    followUp: FOLLOW_UP.track,
    rules: trackRules(5),
    guidance: {
      meaning:
        'Unavailable: no feature server or media resource could take the call, or the number has no working application.',
      action:
        'Check that feature servers and rtpengines are up and registered, and that the number’s application and webhook answer correctly.',
      causes: [
        'No feature server available (sbc-inbound log "No available feature servers, rejecting call!")',
        'No rtpengine media resource available',
        'No application configured for the called number (X-Reason "no configured application")',
        'The application webhook failed or returned an invalid payload: the feature server rejects with its webhook error code (480 by default, JAMBONES_WEBHOOK_ERROR_RETURN), puts the error in X-Reason and raises an INVALID_APP_PAYLOAD alert',
        'A media-server failure while setting up the call (X-Reason "crankback: media server failure")',
      ],
      checks: [
        'X-Reason header on the 480',
        'sbc-inbound log for "No available feature servers"; feature-server log for the Call-ID ("no application or webhook url", webhook errors)',
        'Feature servers and rtpengines currently registered in Redis',
        'INVALID_APP_PAYLOAD alerts and the webhook’s HTTP status and response body',
        'Whether every number is affected (platform) or only one (missing application)',
      ],
      notes:
        'A platform problem (no feature server, no rtpengine, webhook outage) often turns nearly all calls into 480 ' +
        'for minutes. A single number without an application gives a steady trickle for that number only.',
    },
    rationale:
      'The runbook asks to track 480 and investigate significant numbers. One number without an application is a ' +
      'customer issue; a capacity or webhook outage quickly pushes the share far above 5 %, which the rule catches, as ' +
      'it does a significant rise.',
  },
  {
    code: 487,
    severity: 'track',
    followUp: FOLLOW_UP.track,
    rules: trackRules(15),
    guidance: {
      meaning: 'Abandoned: the caller hung up (CANCEL) before the call was answered.',
      action: 'Expect a few percent; when the share grows, measure answer delay and find what slows call setup.',
      causes: [
        'Callers hanging up while the call is being set up (normal background)',
        'Slow answering: a slow webhook, feature server or media setup makes callers give up',
        'The carrier cancels when its own setup timer runs out',
        'The caller hung up before the call reached a feature server (sbc-inbound tags these as cancelled)',
      ],
      checks: [
        'Time from INVITE to CANCEL in the trace, compared with the usual time to answer',
        'Post-dial delay of answered calls: INVITE to 180/183 and to 200',
        'Webhook response times in the feature-server log for the Call-ID',
        'Whether one carrier or account accounts for most of them',
      ],
      notes:
        'A healthy bot-answering gateway is assumed to see roughly 3–8 % 487 (an assumption: no published figure was ' +
        'found). Call records from sbc-inbound mark every failed call "failed", so termination_reason cannot tell ' +
        'abandoned calls apart; use the code.',
    },
    rationale:
      'Some callers always hang up before answer, so a few percent is normal background. The runbook asks to ' +
      'investigate large numbers, which point to slow answering; 15 % of calls, or a significant rise, is well above ' +
      'the assumed 3–8 % background.',
  },
  {
    code: 488,
    severity: 'immediate',
    followUp: FOLLOW_UP.immediate,
    rules: anyIncidentRules(),
    guidance: {
      meaning: 'Media mismatch: the call asked for codecs or SDP features (such as SRTP) the gateway does not support.',
      action:
        'Investigate every one: compare the offered SDP with what the gateway supports and fix the carrier’s or the gateway’s media settings.',
      causes: [
        'The caller offered only codecs the gateway does not support',
        'A transport or encryption mismatch (SRTP versus plain RTP, RTP/SAVP versus RTP/AVP) or another SDP feature the gateway lacks',
        'rtpengine rejected the offer or answer on a re-INVITE, an INVITE with Replaces or a REFER',
        'A SIPREC call whose SDP could not be used',
        'A carrier changed its codec or SRTP profile (the 488s then come from that carrier only)',
      ],
      checks: [
        'SDP of the offer in the trace: m= lines (media, transport profile) and a=rtpmap / a=crypto lines',
        'Which carrier or trunk sent the calls',
        'rtpengine log for the Call-ID',
        'The codec list configured on the gateway for that carrier',
      ],
    },
    rationale:
      'The runbook asks for every incident to be investigated: a media mismatch means that caller cannot be served ' +
      'at all, and it usually starts when a carrier changes its media profile.',
  },
  {
    code: 500,
    severity: 'immediate',
    followUp: FOLLOW_UP.immediate,
    rules: anyIncidentRules(),
    guidance: {
      meaning: 'Internal error: a gateway application or platform component failed while handling the call.',
      action:
        'Investigate every one: find the error for the Call-ID in the sbc-inbound and feature-server logs and check database and Redis health.',
      causes: [
        'An application error in the gateway',
        'A database (MySQL) or Redis error while identifying the account, checking limits or authenticating the trunk',
        'An unhandled error caught by sbc-inbound’s top-level error handler',
        'The feature server got an INVITE without X-Account-Sid, or failed while looking up the application',
      ],
      checks: [
        'sbc-inbound and feature-server logs filtered by the Call-ID: error messages and stack traces',
        'MySQL and Redis health and connection errors at that time',
        'Whether all accounts fail at once (a shared dependency) or only one',
        'Deployments or configuration changes just before the first 500',
      ],
    },
    rationale:
      'The runbook asks for every incident to be investigated: a 500 means our own software failed, never the caller.',
  },
  {
    code: 503,
    severity: 'track',
    followUp: FOLLOW_UP.track,
    rules: trackRules(5),
    guidance: {
      meaning:
        'Refused on purpose: the gateway will not take the call for a stated reason, such as an inactive account or a reached call limit.',
      action:
        'Read the reason phrase and X-Reason; raise the limit or reactivate the account with the customer, or fix the error it names.',
      causes: [
        'The account reached its concurrent call limit ("Maximum Calls In Progress", "Max Account Calls In Progress")',
        'The service provider reached its call limit ("Max Service Provider Calls In Progress")',
        'The account is inactive ("Account exists but is inactive") or does not exist',
        'No active subscription on a hosted platform ("No Active Subscription")',
        'An error while looking up the carrier (the error text is in X-Reason)',
        'A SIPREC multipart body without SDP',
        'Live call control asked for "no-answer" on an inbound call',
      ],
      checks: [
        'Reason phrase and X-Reason on the 503; X-Account-Sid, X-Service-Provider-Sid and X-Call-Limit headers',
        'The account’s concurrent calls against its limit, and ACCOUNT_CALL_LIMIT / SP_CALL_LIMIT alerts',
        'Whether one account_sid accounts for most of them',
        'The account’s status and subscription',
      ],
      notes:
        'A limit storm looks like this: 503 "Maximum Calls In Progress" rises for one account while that account’s ' +
        'concurrent calls stay flat at the limit, and it ends when the load drops.',
    },
    rationale:
      'The runbook asks to track 503 and investigate significant numbers: each one is a deliberate refusal, and a ' +
      'burst usually means one account hit its limit. 5 % of calls, or a significant rise, flags such storms.',
  },
  {
    code: 603,
    severity: 'immediate',
    followUp: FOLLOW_UP.immediate,
    rules: anyIncidentRules(),
    guidance: {
      meaning: 'Declined: the gateway did not handle the call and turned it down without answering.',
      action:
        'Investigate every one: check whether the Voice Gateway endpoint was unreachable or the application ended without answering.',
      causes: [
        'A problem connecting to the Voice Gateway endpoint',
        'The application’s verbs finished without answering, so the feature server generated a 603 (log "tasks completed without answering call")',
        'The application declined the call itself (sip:decline verb)',
        'No outbound carrier or gateway for the account when the application bridges the call out',
        'drachtio’s scanner filter (User-Agent friendly-scanner, sip-cli, sipcli; To user sipvicious) answers 603 statelessly; these never reach sbc-inbound and leave no call record',
      ],
      checks: [
        'Feature-server log for the Call-ID: "tasks completed without answering call", webhook requests and responses',
        'The application flow: does every path answer the call?',
        'Reachability and logs of the Voice Gateway endpoint',
        'User-Agent and source IP in the trace; drachtio "detected potential spammer" log and its 603 response counter',
      ],
      notes:
        'Scanner 603s from drachtio’s filter never reach the call records, so a 603 in call records is a real call ' +
        'that was not handled. In SIP captures, separate scanners by User-Agent and source IP first.',
    },
    rationale:
      'The runbook asks for every incident to be investigated: a 603 means a call was not handled, often because ' +
      'the Voice Gateway endpoint could not be reached or the flow ended without answering.',
  },
];
