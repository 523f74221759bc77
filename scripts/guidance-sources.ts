/**
 * `npm run docs:sources`: writes docs/guidance-sources.md from the catalog (every sourced cause and check, the
 * X-Reason dictionary, the Q.850 mapping) plus the notes on where the catalog audit was wrong.
 * `npm run docs:sources -- --check` only compares and exits 1 when the file is stale (the Jest test does the same).
 */
import fs from 'fs';
import path from 'path';
import {
  FREESWITCH_DEFAULT_SIP,
  Q850_SOURCES,
  SOURCE_COMMITS,
  X_REASONS,
  guidanceSources,
  q850Causes,
  type GuidanceSourceEntry,
} from '../src/core';

export const GUIDANCE_SOURCES_PATH = path.join(__dirname, '..', 'docs', 'guidance-sources.md');
export const GUIDANCE_SOURCES_COMMAND = 'npm run docs:sources';

const code = (text: string) => `\`${text}\``;

/** Where the audit of 2026-12-01 (and the research notes it built on) did not match the source. Our words. */
const AUDIT_NOTES: readonly string[] = [
  '**403 "Invalid credentials" (audit item 1).** The audit says only digest-authenticated carriers get it. The digest ' +
    'check runs for every call sbc-inbound takes for a device call (`challengeDeviceCalls`, originator "user"), and ' +
    'auth trunks are only told apart after it (`identifyAuthTrunk`), so devices and SIP clients with a wrong password ' +
    'get it too. The catalog says so. (`jambonz/sbc-inbound lib/middleware.js`, `jambonz/digest-utils index.js`)',
  '**Which failures have no call record (audit item 4).** Not only the unknown-realm 404: every 404 of ' +
    '`identifyAccount` (including "Number Not Provisioned", the Teams tenant without an application, the SIPREC hook ' +
    'and the dedicated SBC) and the 482 loop are answered before `cdr.account_sid` is set, so none has a call ' +
    'record; only the Replaces 404 in `app.js` has one. A database error inside `identifyAccount` (500) usually has ' +
    'none either. (`jambonz/sbc-inbound lib/middleware.js`, `jambonz/sbc-inbound app.js`)',
  '**The 503 "carrier lookup error" (audit item 4 and the research notes).** The X-Reasons of that 503 are routing ' +
    'conflicts returned by `wasOriginatedFromCarrier` ("Multiple carriers with the same gateway…", "Multiple gateways ' +
    'match registration carrier source address", "Multiple accounts are attempting to…"), not lookup errors; a ' +
    'database exception there goes to the catch of `identifyAccount` and gives 500. (`jambonz/sbc-inbound ' +
    'lib/db-utils.js`)',
  '**Timer C (audit item 5).** drachtio sets no Timer C itself, but it does not create its sofia-sip agent as a UA, ' +
    'so sofia-sip’s default Timer C of 185 s applies to INVITEs that got a provisional response; when it fires, ' +
    'sofia-sip cancels the INVITE. The audit’s conclusion holds (a hung application after 100 Trying gives no 408). ' +
    'Timer B is 64×T1 = 32 s by default and configurable (`drachtio.sip.timers.t1x64`). Read at sofia-sip ' +
    '8889faf (its main branch); drachtio-server pins 5f9e52d, which was not available to read. ' +
    '(`davehorton/sofia-sip libsofia-sip-ua/nta/nta.c`, `drachtio/drachtio-server src/controller.cpp`, ' +
    '`drachtio/drachtio-server src/drachtio-config.cpp`)',
  '**drachtio’s own 503 (audit item 8).** "No call record" holds for drachtio on the SBC (sbc-inbound not ' +
    'connected). drachtio on a feature-server host answers the SBC’s leg the same way when the feature-server ' +
    'application is not connected, and that 503 reaches the carrier through sbc-inbound, which has identified the ' +
    'account and writes a call record. (`drachtio/drachtio-server src/pending-request-controller.cpp`, ' +
    '`jambonz/sbc-inbound lib/middleware.js`)',
  '**488 from the media server (audit item 9).** The code is whatever FreeSWITCH answered the feature server: 488 ' +
    'with Q.850 cause 88 for codecs, but any SIP error passes with X-Reason "endpoint allocation failure: …" (a 408 ' +
    'when FreeSWITCH does not answer). An INVITE with Replaces is a new dialog with its own call record, so its 488 ' +
    'from rtpengine is a call outcome, unlike the re-INVITE and REFER cases. (`jambonz/jambonz-feature-server ' +
    'lib/session/call-session.js`, `jambonz/sbc-inbound lib/call-session.js`)',
  '**A malformed Authorization header (audit item 12).** Besides the webhook paths, digest-utils passes a parse ' +
    'error to `next(err)`; sbc-inbound’s error middleware then answers 500, although digest-utils logs "rejecting ' +
    'with 403". (`jambonz/digest-utils index.js`, `drachtio/drachtio-srf lib/proto.js`, `jambonz/sbc-inbound app.js`)',
  '**Webhook X-Reasons (research notes and the seeder).** The feature server puts the error message in X-Reason: ' +
    '"Unexpected HTTP Response" for any non-2xx webhook status, "no application provided", "malformed jambonz ' +
    'application payload" or the network error text; there is no "webhook error: 502 Bad Gateway" or "invalid ' +
    'application payload" value. (`jambonz/jambonz-feature-server lib/utils/error.js`, ' +
    '`jambonz/jambonz-feature-server lib/middleware.js`, `jambonz/jambonz-feature-server lib/tasks/make_task.js`)',
  '**fail2ban filter path (audit item 3).** The filter is ' +
    '`packer/jambonz-sbc-sip-rtp/aws/files/drachtio-fail2ban.conf` (`_daemon = drachtio`, failregex "detected ' +
    'potential spammer from <HOST>:port"); drachtio’s log line goes on "… due to header value: <value>". Its ' +
    '`tcp-action` setting has no effect: drachtio answers 603 over TCP too. (`jambonz/jambonz-infrastructure`, ' +
    '`drachtio/drachtio-server src/controller.cpp`)',
];

function sourcesText(sources: readonly string[]): string {
  return sources.map(code).join(', ');
}

function repositoriesSection(): string[] {
  return [
    '## Repositories read',
    '',
    ...Object.entries(SOURCE_COMMITS).map(([repo, commit]) => `- ${code(repo)} at ${code(commit)}`),
    '',
  ];
}

function entryLine(entry: GuidanceSourceEntry): string {
  return `- ${entry.field === 'cause' ? 'Cause' : 'Check'}: ${entry.text} — ${sourcesText(entry.sources)}`;
}

/** Lines used by one code or class each, under it; lines several of them share, once, with who uses them. */
function guidanceSection(): string[] {
  const entries = guidanceSources();
  const scopesOf = new Map<string, string[]>();
  for (const entry of entries) {
    scopesOf.set(entry.text, [...(scopesOf.get(entry.text) ?? []), entry.scope]);
  }
  const shared = (entry: GuidanceSourceEntry) => (scopesOf.get(entry.text) ?? []).length > 1;
  const lines = ['## Causes and checks', ''];
  let scope = '';
  for (const entry of entries.filter((candidate) => !shared(candidate))) {
    if (entry.scope !== scope) {
      if (scope !== '') {
        lines.push('');
      }
      scope = entry.scope;
      lines.push(`### ${scope}`, '');
    }
    lines.push(entryLine(entry));
  }
  lines.push('', '### Shared by several codes', '');
  const listed = new Set<string>();
  for (const entry of entries.filter(shared)) {
    if (!listed.has(entry.text)) {
      listed.add(entry.text);
      lines.push(`${entryLine(entry)} (used by ${scopesOf.get(entry.text)!.join(', ')})`);
    }
  }
  lines.push('');
  return lines;
}

function xReasonSection(): string[] {
  return [
    '## X-Reason dictionary',
    '',
    'What `explainXReason` knows: the value (variable parts as "…"), where it travels, the codes it comes with, who ' +
      'sends it, what it means, and the source that writes it.',
    '',
    ...X_REASONS.map(
      (entry) =>
        `- **${entry.value}** (${entry.carriedIn}; ${entry.codes.length > 0 ? entry.codes.join(', ') : 'any code'}; ` +
        `${entry.sentBy}): ${entry.meaning} — ${sourcesText(entry.sources)}`
    ),
    '',
  ];
}

function q850Section(): string[] {
  return [
    '## Q.850 causes',
    '',
    `What \`q850Cause\` knows: each cause, the SIP code RFC 3398 §8.2.1 maps it to, and FreeSWITCH’s name and code ` +
      `(its default is ${FREESWITCH_DEFAULT_SIP} for causes it does not map). Sources: ${sourcesText(Q850_SOURCES)}.`,
    '',
    ...q850Causes().map((info) => {
      const rfc = !info.inRfc3398 ? 'not listed' : info.sipCode === null ? 'no response' : String(info.sipCode);
      const fs = info.freeswitch
        ? `FreeSWITCH ${code(info.freeswitch.name)} ${info.freeswitch.sipCode}${info.freeswitch.byDefault ? ' (default)' : ''}`
        : 'not named by FreeSWITCH';
      return `- ${info.cause} ${info.name}: RFC 3398 ${rfc}; ${fs}${info.differs ? ' — **differs**' : ''}`;
    }),
    '',
  ];
}

/** The whole of docs/guidance-sources.md. */
export function renderGuidanceSources(): string {
  const lines = [
    '# Guidance sources',
    '',
    `Generated from \`src/core/catalog\` by \`${GUIDANCE_SOURCES_COMMAND}\`; do not edit by hand (a test fails when ` +
      'this file is stale). Each cause or check the panel shows that rests on the gateway’s own source is listed ' +
      'with the files it rests on ("owner/repo path"). The panel shows the text, never the references.',
    '',
    ...repositoriesSection(),
    ...guidanceSection(),
    ...xReasonSection(),
    ...q850Section(),
    '## Where the audit was wrong',
    '',
    'Where the audit of 2026-12-01 (`catalog-audit.md`) or the research notes it built on did not match the source, ' +
      'the catalog follows the source:',
    '',
    ...AUDIT_NOTES.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}

function main(argv: string[]): number {
  const generated = renderGuidanceSources();
  const current = fs.existsSync(GUIDANCE_SOURCES_PATH) ? fs.readFileSync(GUIDANCE_SOURCES_PATH, 'utf8') : '';
  if (argv.includes('--check')) {
    if (current !== generated) {
      console.error(`docs/guidance-sources.md is stale: run ${GUIDANCE_SOURCES_COMMAND}`);
      return 1;
    }
    return 0;
  }
  if (current !== generated) {
    fs.writeFileSync(GUIDANCE_SOURCES_PATH, generated);
    console.log('wrote docs/guidance-sources.md');
  } else {
    console.log('docs/guidance-sources.md is up to date');
  }
  return 0;
}

if (require.main === module) {
  process.exit(main(process.argv.slice(2)));
}
