import { CodeGuidance } from '../types';
import { cite, GuidanceLine, lineText, SRC } from './sources';

/** Guidance as the catalog writes it: causes and checks may carry their sources; the panel gets plain text. */
export interface GuidanceSpec {
  meaning: string;
  action: string;
  causes: GuidanceLine[];
  checks: GuidanceLine[];
  handOff: string[];
  notes?: string;
}

/** The plain-text guidance the panel shows (sources stay in the catalog). */
export function guidanceOf(spec: GuidanceSpec): CodeGuidance {
  const guidance: CodeGuidance = {
    meaning: spec.meaning,
    action: spec.action,
    causes: spec.causes.map(lineText),
    checks: spec.checks.map(lineText),
    handOff: [...spec.handOff],
  };
  if (spec.notes !== undefined) {
    guidance.notes = spec.notes;
  }
  return guidance;
}

// ---------------------------------------------------------------- checks shared by many codes

/** Which element chose the code. */
export const HOP_CHECK = cite(
  'Which hop answered: the To-tag and Server/User-Agent of the final response on each leg (carrier–SBC, SBC–feature server); an X-Reason means a jambonz component chose the code, none means the SIP stack, drachtio itself or a far end',
  SRC.srf,
  SRC.sbcCallSession
);

/** Timing signatures of the final response. */
export const TIMING_CHECK = cite(
  'Time from INVITE to the final response: a few ms is a policy reject (scanner filter, unknown number, call limit), about 32 s is Timer B (no response at all), seconds point at an application or webhook',
  SRC.drachtioConfig
);

/** How to follow one call across the SBC and feature-server legs. */
export const JOIN_CHECK = cite(
  'To join the legs: the SBC sends the carrier’s Call-ID as X-CID to the feature server (its sbc_callid), and an answered call brings X-Call-Sid back (the call record’s call_sid)',
  SRC.sbcCallSession,
  SRC.fsCallInfo
);

// ---------------------------------------------------------------- causes shared by many codes

/** Any code can come from the customer's application. */
export const FROM_APP = cite(
  'The customer application chose this code itself (sip:decline verb, X-Reason "SIP Decline Verb")',
  SRC.fsDecline
);

/** Device calls: the device-auth webhook's HTTP status becomes the SIP status. */
export const FROM_DEVICE_AUTH = cite(
  'A device call refused by the account’s device-auth webhook, whose HTTP status is sent back as the SIP status',
  SRC.digest
);

/** What the feature server does not do: pass an outbound leg's failure to the caller. */
export const NOT_FROM_OUTBOUND_LEG = cite(
  'Not from a far end the application dialled: a failed outbound leg goes to the application’s actionHook, not to the caller',
  SRC.fsDial
);

// ---------------------------------------------------------------- what to hand to engineering

const HAND_OFF_BASE = [
  'Three Call-IDs (sip_callid) with their SIP captures',
  'The time window (first and last call) and the share of calls affected',
  'Account, trunk and source IPs involved',
  'Reason phrase and X-Reason as sent',
  'Log lines for those Call-IDs from sbc-inbound, the feature server and drachtio',
];

/** What level 1 hands to engineering: the code's own items first, then what every escalation needs. */
export function handOff(...specific: string[]): string[] {
  return [...specific, ...HAND_OFF_BASE];
}
