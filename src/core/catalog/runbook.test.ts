import { CodePolicy, Severity } from '../types';
import { CLASS_PROFILES } from './classes';
import { guidanceSources } from './guidanceSources';
import { KNOWN_CODES } from './known';
import { DEFAULT_POLICY, FOLLOW_UP, policyFor, REGISTRY, RUNBOOK_POLICIES } from './index';
import { GuidanceLine, lineSources, lineText, SOURCE_COMMITS } from './sources';

/** All the words of a code's guidance, as the panel shows them. */
function allText(policy: CodePolicy): string {
  const { meaning, action, causes, checks, notes } = policy.guidance;
  return [meaning, action, ...causes, ...checks, notes ?? ''].join('\n');
}

interface RunbookCase {
  code: number;
  severity: Severity;
  /** What the runbook says the code means, in our words. */
  meaning: RegExp;
  /** Claims the gateway's source contradicts: none may remain anywhere in the code's guidance. */
  gone: RegExp[];
  /** What the corrected guidance must say. */
  present: RegExp[];
}

const RUNBOOK: RunbookCase[] = [
  { code: 200, severity: 'normal', meaning: /answered/i, gone: [], present: [/does not say the conversation/] },
  {
    code: 403,
    severity: 'track',
    meaning: /scanner or spammer/,
    gone: [
      /IP or credentials changed/,
      /device call or REGISTER for an unknown or invalid SIP realm/,
      /sbc-inbound log(?: lines)? "detected potential spammer/,
      /fail2ban bans they trigger/,
      /writes no call record/,
    ],
    present: [
      /call record is written/,
      /digest-authenticated trunk/,
      /device-auth webhook/,
      /Invalid credentials/,
      /fail2ban\) follow drachtio’s 603s/,
    ],
  },
  {
    code: 404,
    severity: 'track',
    meaning: /not provisioned/,
    gone: [],
    present: [/Number Not Provisioned/, /source IP is not listed/, /no call record/],
  },
  {
    code: 408,
    severity: 'immediate',
    meaning: /no response at all/,
    gone: [/dialled target/, /dial target/, /B2BUA passes the 408/, /never sent a final response in time/],
    present: [/Timer B/, /32 s/, /not even 100 Trying/, /never "slow application"/, /Timer C \(185 s\)/],
  },
  {
    code: 480,
    severity: 'track',
    meaning: /no feature server or media resource .* no working application/,
    gone: [/registered in Redis/],
    present: [/outside Kubernetes/, /service name/, /no configured application/, /crankback: media server failure/],
  },
  {
    code: 487,
    severity: 'track',
    meaning: /hung up .* before the call was answered/,
    gone: [],
    present: [/INVITE to CANCEL/, /caller hungup before connecting to feature server/],
  },
  {
    code: 488,
    severity: 'immediate',
    meaning: /codecs or SDP features/,
    gone: [/rejected the offer or answer on a re-INVITE/, /SIPREC call whose SDP/],
    present: [/endpoint allocation failure/, /cause=88/, /Q\.850 cause 88/],
  },
  {
    code: 500,
    severity: 'immediate',
    meaning: /failed while handling the call/,
    gone: [],
    present: [/device-auth webhook could not be reached/, /X-Account-Sid/, /leaves no call record/],
  },
  {
    code: 503,
    severity: 'track',
    meaning: /inactive account or a reached call limit/,
    gone: [/Refused on purpose/, /each one is a deliberate refusal/, /error while looking up the carrier/],
    present: [
      /no application connected to drachtio/i,
      /No providers available for INVITE/,
      /No Account exists for sid …" is sent on any lookup error, a database outage included/,
      /Retry-After/,
      /§21\.5\.4/,
      /§16\.7/,
    ],
  },
  {
    code: 603,
    severity: 'immediate',
    meaning: /did not handle the call/,
    gone: [/log "tasks completed without answering call"/, /No outbound carrier/],
    present: [
      /InboundCallSession:_onTasksDone auto-generating non-success response to invite/,
      /SIP Decline Verb/,
      /actionHook/,
      /fail2ban/,
      /drachtio_sip_responses_out_total\{code="603"\}/,
    ],
  },
];

const FOLLOW_UP_WORDS: Record<Severity, string> = {
  immediate: 'Investigate every one',
  track: 'Track: investigate significant numbers or a rise',
  normal: 'Normal',
};

describe.each(RUNBOOK)('runbook code $code', ({ code, severity, meaning, gone, present }) => {
  const policy = policyFor(code);

  it('says what the runbook says it means, in our words, and keeps its follow-up rule', () => {
    expect(policy.origin).toBe('runbook');
    expect(policy.guidance.meaning).toMatch(meaning);
    expect(policy.severity).toBe(severity);
    expect(policy.followUp).toBe(FOLLOW_UP_WORDS[severity]);
    expect(policy.rules.anyIncident).toBe(severity === 'immediate');
  });

  it('no longer makes the claims the gateway’s source contradicts', () => {
    for (const pattern of gone) {
      expect(allText(policy)).not.toMatch(pattern);
    }
  });

  it('says what the corrected guidance must say', () => {
    for (const pattern of present) {
      expect(allText(policy)).toMatch(pattern);
    }
  });

  it('says what to hand to engineering, Call-IDs with captures included', () => {
    expect(policy.guidance.handOff?.length).toBeGreaterThan(0);
    if (code !== 200) {
      expect(policy.guidance.handOff!.join('\n')).toMatch(/Call-IDs .*SIP captures/);
    }
  });
});

it('covers the ten runbook codes', () => {
  expect(RUNBOOK.map((entry) => entry.code)).toEqual(RUNBOOK_POLICIES.map((policy) => policy.code));
});

describe('codes outside the runbook', () => {
  it.each([
    [482, 'immediate'],
    [483, 'immediate'],
    [415, 'immediate'],
    [420, 'immediate'],
    [606, 'immediate'],
  ] as const)('%i is investigated at the first incident, with its reason', (code, severity) => {
    const policy = policyFor(code);
    expect(policy.severity).toBe(severity);
    expect(policy.rules.anyIncident).toBe(true);
    expect(policy.followUp).toBe(FOLLOW_UP.immediate);
    expect(policy.rationale).toMatch(/every incident is investigated at once/);
  });

  it.each([422, 491])('%i is retried by design: tracked at 20 %%, no single-incident rule', (code) => {
    const policy = policyFor(code);
    expect(policy.severity).toBe('track');
    expect(policy.rules).toMatchObject({ anyIncident: false, shareAtLeast: 20 });
    expect(policy.rules.rise).not.toBeNull();
    expect(policy.rationale).toMatch(/retry/);
  });

  it('402 is tracked with the carrier-balance cause', () => {
    const policy = policyFor(402);
    expect(policy.severity).toBe('track');
    expect(policy.guidance.causes[0]).toMatch(/balance or credit/);
  });

  it('482 names sbc-inbound’s loop check', () => {
    expect(allText(policyFor(482))).toMatch(/Loop Detected on x-application-sid/);
  });

  it('484 no longer blames the gateway’s number normalisation', () => {
    const text = allText(policyFor(484));
    expect(text).not.toMatch(/normalisation strips digits/);
    expect(text).toMatch(/never 484/);
  });

  it.each([486, 600, 604, 606])('%i comes from sip:decline or the device-auth webhook, not an outbound leg', (code) => {
    const text = allText(policyFor(code));
    expect(text).not.toMatch(/passed that back|bridged by the application|as for 488/);
    expect(text).toMatch(/SIP Decline Verb/);
    expect(text).toMatch(/device-auth webhook/);
    expect(text).toMatch(/actionHook, not to the caller/);
  });

  it('class defaults no longer say a bridged far end’s refusal reaches the caller', () => {
    for (const code of [380, 418, 513, 699]) {
      expect(allText(policyFor(code))).not.toMatch(/bridged|B2BUA passed/);
    }
  });
});

describe('sources of the guidance', () => {
  const specLines = (): GuidanceLine[] => [
    ...RUNBOOK_POLICIES.flatMap((policy) => [...policy.guidance.causes, ...policy.guidance.checks]),
    ...KNOWN_CODES.flatMap((known) => [...known.guidance.causes, ...known.guidance.checks]),
    ...Object.values(CLASS_PROFILES).flatMap((profile) => [...profile.causes, ...profile.checks]),
  ];

  it('cites a source for every line that quotes the gateway (an X-Reason, a phrase, a log line)', () => {
    const quoting = specLines().filter((line) => /"[^"]+"/.test(lineText(line)));
    expect(quoting.length).toBeGreaterThan(20);
    expect(quoting.filter((line) => lineSources(line).length === 0).map(lineText)).toEqual([]);
  });

  it('points every reference at a repository that was read, as "owner/repo path"', () => {
    const refs = guidanceSources().flatMap((entry) => entry.sources);
    expect(refs.length).toBeGreaterThan(40);
    for (const ref of refs) {
      const [repo, file] = ref.split(' ');
      expect(Object.keys(SOURCE_COMMITS)).toContain(repo);
      expect(file).toMatch(/^[\w./-]+\.(js|cpp|xml|c|conf)$/);
    }
  });

  it('keeps references out of what the panel shows', () => {
    for (const policy of Object.values(DEFAULT_POLICY.codes)) {
      for (const line of [...policy.guidance.causes, ...policy.guidance.checks]) {
        expect(typeof line).toBe('string');
        expect(line).not.toMatch(/jambonz\/|drachtio\/|\.js\b|\.cpp\b/);
      }
    }
  });

  it('gives every registered code something to hand to engineering', () => {
    for (const entry of REGISTRY) {
      expect(policyFor(entry.code).guidance.handOff?.length).toBeGreaterThan(0);
    }
  });
});
