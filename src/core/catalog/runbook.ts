import { CodePolicy } from '../types';
import { FROM_DEVICE_AUTH, GuidanceSpec, handOff, HOP_CHECK, JOIN_CHECK, TIMING_CHECK } from './lines';
import { FOLLOW_UP, anyIncidentRules, noRules, trackRules } from './ruleDefaults';
import { cite, SRC } from './sources';

/**
 * The ten codes the team's original runbook explains, with its follow-up rule:
 * - investigate at the first incident: 408, 488, 500, 603;
 * - track and investigate significant numbers or trends: 403, 404, 480, 487, 503;
 * - normal: 200.
 * Guidance is in our own words. Causes the runbook names come first; further causes found in the gateway's code
 * follow and never contradict it. Each line that rests on the gateway's source cites it (docs/guidance-sources.md).
 * The reason phrase is taken from the IANA registry when the catalog is assembled.
 */
export type RunbookPolicy = Omit<CodePolicy, 'reason' | 'origin' | 'guidance'> & { guidance: GuidanceSpec };

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
      handOff: [
        'Nothing for the signalling outcome; for a problem after answer: the Call-ID, call_sid and feature-server log',
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
        'Refused: usually a SIP scanner or spammer failing authentication; the same 403 reaches devices and digest-authenticated trunks with wrong credentials.',
      action:
        'When they grow, find the source IPs in the traces and block persistent offenders; if a customer’s device or trunk is refused, fix its credentials.',
      causes: [
        cite(
          'SIP scanners and spammers guessing credentials for a SIP realm the gateway serves (X-Reason "Invalid credentials")',
          SRC.digest,
          SRC.sbcMiddleware
        ),
        cite(
          'The account’s device-auth webhook flagged the caller as a spammer (X-Reason "detected potential spammer from <ip>:<port>")',
          SRC.digest
        ),
        cite('A registered device or SIP client sending a wrong password (X-Reason "Invalid credentials")', SRC.digest),
        cite(
          'A carrier set up as a digest-authenticated trunk whose credentials changed (carriers recognised by source IP are never challenged)',
          SRC.sbcMiddleware,
          SRC.digest
        ),
      ],
      checks: [
        cite(
          'X-Reason on the 403: "Invalid credentials" is a wrong password, "detected potential spammer from …" the device-auth webhook’s verdict',
          SRC.digest
        ),
        'Source IP, User-Agent and From user of the 401/403 pairs: one IP trying many users is a credential-guessing scan',
        'Whether the refused user belongs to a customer’s device or auth trunk (then its password changed)',
        'The device-auth webhook’s responses for those calls',
        TIMING_CHECK,
      ],
      handOff: handOff('The refused usernames and the realm they called'),
      notes:
        'Only callers that must authenticate get a 403: devices, SIP clients and digest-authenticated trunks. The ' +
        'account is known from the SIP realm before the check, so a call record is written. A carrier recognised by ' +
        'source IP is never challenged; if its IP changes, its calls are treated as device calls and get 404 (or a ' +
        '401 challenge), not 403. Scanner bans (fail2ban) follow drachtio’s 603s, not these 403s.',
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
        cite(
          'A customer has not set up its trunk or numbers correctly (phrase "Number Not Provisioned")',
          SRC.sbcMiddleware
        ),
        'SIP scanners dialling random numbers or short extensions',
        cite(
          'A carrier whose source IP is not listed for its trunk: its call is taken for a device call and, with an IP address or unknown domain in the Request-URI, gets a plain 404',
          SRC.sbcMiddleware,
          SRC.sbcDbUtils
        ),
        cite('A Microsoft Teams tenant with no application (X-Reason "no configured application")', SRC.sbcMiddleware),
        cite('A SIPREC call for an account without a SIPREC hook', SRC.sbcMiddleware),
        cite('An INVITE with Replaces for a call the gateway does not know', SRC.sbcApp),
        cite('The account is bound to a dedicated SBC and the call arrived at another one', SRC.sbcMiddleware),
        FROM_DEVICE_AUTH,
      ],
      checks: [
        'Request-URI user (the called number) and the To header',
        'Which carrier or source IP sent the calls, and whether that IP is listed for the carrier',
        'Reason phrase and X-Reason on the 404',
        cite('sbc-inbound log "DID has not been provisioned"', SRC.sbcMiddleware),
        'Whether the number is listed for the customer’s account',
        TIMING_CHECK,
      ],
      handOff: handOff('The called numbers and the carrier or source IP that sent them'),
      notes:
        'Many 404s to one number from a real carrier usually mean a provisioning gap: every call to that number ' +
        'fails. 404s to many short numbers from one IP are a scanner.\n\n' +
        'sbc-inbound answers these before it knows the account and writes no call record for them (only the ' +
        'Replaces case has one). Call records therefore undercount them; SIP captures (Homer, Packetbeat) show all.',
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
      meaning:
        'Timeout: the next SIP hop sent no response at all, not even 100 Trying, within Timer B (64×T1, about 32 s).',
      action: 'Investigate every one: find the hop that did not answer and restore it or fail over.',
      causes: [
        cite(
          'A SIP endpoint on the call path is down or unreachable: the SIP stack gave up after Timer B (64×T1, 32 s with drachtio’s default T1 of 500 ms)',
          SRC.drachtioConfig,
          SRC.drachtioController
        ),
        cite(
          'A feature server the SBC still routes calls to is down or unreachable (no X-Reason on the 408)',
          SRC.sbcCallSession,
          SRC.srf
        ),
        cite(
          'The media server (FreeSWITCH) did not answer the feature server: X-Reason "endpoint allocation failure: …"',
          SRC.fsCallSession
        ),
        'Packet loss or a firewall dropping SIP between the SBC and the feature servers (over UDP the INVITE is retransmitted unanswered)',
      ],
      checks: [
        cite(
          'About 32 s between INVITE and 408 means the next hop sent nothing; a hung application that sent 100 Trying gives no 408 (the caller cancels: 487)',
          SRC.drachtioController,
          SRC.sofiaNta
        ),
        'In the trace of the SBC–feature server leg: INVITE retransmissions with no 100 Trying, and the IP they went to',
        cite(
          'X-Reason on the 408: none is the SBC’s leg timing out; "endpoint allocation failure: …" is the media server',
          SRC.fsCallSession
        ),
        'Feature-server log for the Call-ID: did the call arrive there at all?',
        'Health and reachability of the feature servers and media servers at that time',
        JOIN_CHECK,
      ],
      handOff: handOff('The IP of the hop that did not answer and the time of its last answered call'),
      notes:
        'The gateway’s applications never send 408: it comes from the SIP stack (drachtio on sofia-sip) when an INVITE ' +
        'gets no response. Timer B stops at the first provisional response; after a 100 Trying the stack waits up to ' +
        'sofia-sip’s Timer C (185 s), which drachtio does not change, before it cancels. So a 408 means "no answer at ' +
        'all", never "slow application". Expect a step change when a hop dies, clearing on failover; every affected ' +
        'caller waits about 32 seconds.',
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
        'Check that feature servers, media servers and rtpengines are up, and that the number’s application and webhook answer correctly.',
      causes: [
        cite(
          'No feature server available, outside Kubernetes only: none listed in Redis, or Redis failing (sbc-inbound log "No available feature servers, rejecting call!"); on Kubernetes the feature server is a service name',
          SRC.sbcFsTracking,
          SRC.sbcCallSession
        ),
        cite('No rtpengine media resource available', SRC.sbcCallSession),
        cite(
          'No application configured for the called number (X-Reason "no configured application")',
          SRC.fsMiddleware
        ),
        cite(
          'The application webhook failed or returned an invalid payload: the feature server rejects with its webhook error code (480 unless JAMBONES_WEBHOOK_ERROR_RETURN says otherwise), puts the error in X-Reason and raises an INVALID_APP_PAYLOAD alert',
          SRC.fsMiddleware,
          SRC.fsConfig
        ),
        cite(
          'No media server (FreeSWITCH) available to the feature server (X-Reason "crankback: media server failure")',
          SRC.fsInbound,
          SRC.fsCallSession
        ),
      ],
      checks: [
        'X-Reason on the 480 (see the X-Reason dictionary)',
        cite(
          'sbc-inbound log "No available feature servers" or "No available rtpengines"; feature-server log for the Call-ID',
          SRC.sbcCallSession
        ),
        cite(
          'Outside Kubernetes: the feature servers and rtpengines listed in Redis; on Kubernetes a dead feature-server pool shows as 408 or 5xx, not 480',
          SRC.sbcFsTracking
        ),
        'INVALID_APP_PAYLOAD alerts and the webhook’s HTTP status and response body',
        'Whether every number is affected (platform) or only one (missing application)',
        HOP_CHECK,
      ],
      handOff: handOff('The X-Reason values seen and, outside Kubernetes, the feature servers listed in Redis'),
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
        'The carrier cancels when its own setup timer runs out (an application that hangs after 100 Trying ends here, not in 408)',
        cite(
          'The caller hung up before the call reached a feature server (sbc-inbound log "caller hungup before connecting to feature server")',
          SRC.sbcMiddleware
        ),
      ],
      checks: [
        'Time from INVITE to CANCEL in the trace, compared with the usual time to answer',
        'Post-dial delay of answered calls: INVITE to 180/183 and to 200',
        'Webhook response times in the feature-server log for the Call-ID',
        'Whether one carrier or account accounts for most of them',
        JOIN_CHECK,
      ],
      handOff: handOff('INVITE-to-CANCEL times and the post-dial delay of answered calls in the same window'),
      notes:
        'A healthy bot-answering gateway is assumed to see roughly 3–8 % 487 (an assumption: no published figure was ' +
        'found). sbc-inbound marks every failed call "failed" in the call record (its test for 487 never matches), ' +
        'so termination_reason cannot tell abandoned calls apart; use the code.',
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
        cite(
          'The caller offered only codecs the gateway does not support: the media server (FreeSWITCH) refuses the endpoint and the feature server answers 488 with X-Reason "endpoint allocation failure: …" and Reason: Q.850;cause=88',
          SRC.fsCallSession,
          SRC.fsInbound
        ),
        'A transport or encryption mismatch (SRTP versus plain RTP, RTP/SAVP versus RTP/AVP) or another SDP feature the gateway lacks',
        'A carrier changed its codec or SRTP profile (the 488s then come from that carrier only)',
        cite('rtpengine rejected the SDP of an INVITE with Replaces (a transferred call)', SRC.sbcCallSession),
      ],
      checks: [
        cite(
          'X-Reason "endpoint allocation failure: …" and the Reason header (Q.850 cause 88: incompatible destination)',
          SRC.fsCallSession
        ),
        'SDP of the offer in the trace: m= lines (media, transport profile) and a=rtpmap / a=crypto lines',
        'Which carrier or trunk sent the calls',
        'Feature-server and media-server (FreeSWITCH) logs for the Call-ID',
        'The codec list configured on the gateway for that carrier',
        JOIN_CHECK,
      ],
      handOff: handOff('The SDP offer of one failing call and the codecs configured for that carrier'),
      notes:
        'rtpengine also answers 488 to re-INVITEs and REFERs inside an established call; those are not the call’s ' +
        'outcome. RFC 3398 maps Q.850 cause 88 to 503, so a carrier translating the Reason header may report it so.',
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
        cite(
          'A database (MySQL) or Redis error while identifying the account, checking limits or authenticating the caller',
          SRC.sbcMiddleware
        ),
        cite('An unhandled error caught by sbc-inbound’s top-level error handler', SRC.sbcApp),
        cite(
          'The device-auth webhook could not be reached (a failure without an HTTP status is answered 500)',
          SRC.digest
        ),
        cite(
          'The feature server got an INVITE without X-Account-Sid, or failed while looking up the application',
          SRC.fsMiddleware
        ),
      ],
      checks: [
        'sbc-inbound and feature-server logs filtered by the Call-ID: error messages and stack traces',
        'MySQL and Redis health and connection errors at that time',
        'Whether all accounts fail at once (a shared dependency) or only one',
        'Deployments or configuration changes just before the first 500',
        JOIN_CHECK,
      ],
      handOff: handOff('The error and stack trace from the log, and database and Redis health at that time'),
      notes:
        'A database error while sbc-inbound is still identifying the account leaves no call record (the account is ' +
        'not known yet): call records undercount such an outage, SIP captures and logs do not.',
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
        'Not handled for a stated reason, such as an inactive account or a reached call limit, or a platform fault such as no application connected to drachtio.',
      action:
        'Read the reason phrase and X-Reason; raise the limit or reactivate the account with the customer, or restore the component it points at.',
      causes: [
        cite(
          'The account reached its concurrent call limit ("Maximum Calls In Progress", "Max Account Calls In Progress")',
          SRC.sbcMiddleware
        ),
        cite(
          'The service provider reached its call limit ("Max Service Provider Calls In Progress")',
          SRC.sbcMiddleware
        ),
        cite('The account is inactive ("Account exists but is inactive")', SRC.sbcMiddleware, SRC.fsMiddleware),
        cite('No active subscription on a hosted platform ("No Active Subscription")', SRC.sbcMiddleware),
        cite(
          'The feature server could not look up the account: X-Reason "No Account exists for sid …" is sent on any lookup error, a database outage included',
          SRC.fsMiddleware
        ),
        cite(
          'No application connected to drachtio (sbc-inbound on the SBC, the feature server on its host): drachtio answers 503 itself, with no X-Reason',
          SRC.drachtioPending
        ),
        cite(
          'Ambiguous carrier routing: several carriers, gateways or accounts match the call (X-Reason "Multiple …")',
          SRC.sbcDbUtils,
          SRC.sbcMiddleware
        ),
        cite('A SIPREC multipart body without SDP', SRC.sbcMiddleware, SRC.fsMiddleware),
        cite('Live call control asked for "no-answer" on an inbound call', SRC.fsCallSession),
      ],
      checks: [
        'Reason phrase and X-Reason on the 503; X-Account-Sid, X-Service-Provider-Sid and X-Call-Limit headers',
        'The account’s concurrent calls against its limit, and ACCOUNT_CALL_LIMIT / SP_CALL_LIMIT alerts',
        'Whether one account_sid accounts for most of them',
        cite(
          'No X-Reason and a reply within ms of 100 Trying: drachtio had no application connected (drachtio log "No providers available for INVITE")',
          SRC.drachtioPending
        ),
        cite(
          '"No Account exists for sid …" for an account that exists: the feature server’s database connection',
          SRC.fsMiddleware
        ),
        cite(
          'Retry-After: the gateway sends none, so the carrier treats each 503 like a 500 and retries elsewhere at once (RFC 3261 §21.5.4), which inflates 503 storms; a proxy should not pass a 503 upstream unless every request would fail (§16.7)',
          SRC.sbcMiddleware,
          SRC.fsMiddleware
        ),
        HOP_CHECK,
      ],
      handOff: handOff(
        'For a call limit: the account’s limit and concurrent calls; otherwise whether drachtio had an application connected'
      ),
      notes:
        'A limit storm looks like this: 503 "Maximum Calls In Progress" rises for one account while that account’s ' +
        'concurrent calls stay flat at the limit, and it ends when the load drops. A 503 without X-Reason for every ' +
        'account at once is a platform fault. drachtio’s own 503 on the SBC and the routing conflicts leave no call record.',
    },
    rationale:
      'The runbook asks to track 503 and investigate significant numbers: most are a stated refusal (a call limit or ' +
      'an inactive account), and a burst usually means one account hit its limit. 5 % of calls, or a significant ' +
      'rise, flags such storms and the platform faults behind the rest.',
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
        cite(
          'A problem connecting to the Voice Gateway endpoint: the application stopped or failed before answering, so the feature server ended the call with 603',
          SRC.fsCallSession,
          SRC.fsInbound
        ),
        cite(
          'The application’s verbs finished without answering: the feature server generates the 603 (log "InboundCallSession:_onTasksDone auto-generating non-success response to invite")',
          SRC.fsInbound
        ),
        cite('The application declined the call itself (sip:decline verb, X-Reason "SIP Decline Verb")', SRC.fsDecline),
        cite(
          'The application dialled out and the outbound leg failed: the result goes to its actionHook, and an application that then ends without answering gives 603',
          SRC.fsDial,
          SRC.fsInbound
        ),
        cite(
          'drachtio’s scanner filter (User-Agent friendly-scanner, sip-cli, sipcli; To user sipvicious) answers 603 statelessly; these never reach sbc-inbound and leave no call record',
          SRC.drachtioController,
          SRC.drachtioConfXml
        ),
      ],
      checks: [
        cite(
          'Feature-server log for the Call-ID: "_onTasksDone auto-generating non-success response to invite", the verbs run and the webhook or websocket traffic',
          SRC.fsInbound
        ),
        cite(
          'X-Reason: "SIP Decline Verb" means the application chose 603; none means its verbs ran out or failed',
          SRC.fsDecline
        ),
        'The application flow: does every path answer the call, including after a dial verb?',
        'Reachability and logs of the Voice Gateway endpoint (the application’s webhook or websocket)',
        cite(
          'Scanners (SIP captures only): User-Agent and source IP, drachtio log "detected potential spammer from <ip>:<port>", its counter drachtio_sip_responses_out_total{code="603"} and the fail2ban bans that follow that log line',
          SRC.drachtioController,
          SRC.fail2ban
        ),
        JOIN_CHECK,
      ],
      handOff: handOff('The application (application_sid), its last deploy time, and whether it used a dial verb'),
      notes:
        'Scanner 603s from drachtio’s filter never reach the call records, so a 603 in call records is a real call ' +
        'that was not handled. In SIP captures, separate scanners by User-Agent and source IP first.',
    },
    rationale:
      'The runbook asks for every incident to be investigated: a 603 means a call was not handled, often because ' +
      'the Voice Gateway endpoint could not be reached or the flow ended without answering.',
  },
];
