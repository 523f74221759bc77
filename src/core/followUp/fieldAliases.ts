/**
 * The fields follow-up looks for, by what they mean, and the names gateways and shippers give them. A wanted name
 * (from the policy, the options or JSON import) is tried as written first, then through its meaning's aliases, each
 * compared leniently (case, `.keyword`, dots, underscores and hyphens do not matter: see roles/fieldNames).
 */
import { findFieldName, looseFieldName } from '../roles/fieldNames';

export type FollowUpFieldKey =
  | 'source_ip'
  | 'user_agent'
  | 'called_number'
  | 'calling_number'
  | 'trunk'
  | 'host'
  | 'application'
  | 'x_reason'
  | 'account'
  | 'call_id';

export interface FieldMeaning {
  /** Words for people: "source IP". */
  label: string;
  /** Names to try, most specific first. */
  aliases: readonly string[];
  /** How a dominant value reads: "87 % of 403s from 203.0.113.9". */
  dominantPhrase: string;
}

export const FIELD_MEANINGS: Readonly<Record<FollowUpFieldKey, FieldMeaning>> = {
  source_ip: {
    label: 'source IP',
    aliases: ['source.ip', 'source_ip', 'src_ip', 'sip.src', 'sip.src_ip', 'sip.source_ip', 'client.ip', 'remote_ip'],
    dominantPhrase: 'from',
  },
  user_agent: {
    label: 'user agent',
    aliases: ['user_agent', 'sip.user_agent', 'user_agent.original', 'sip.user_agent.original', 'useragent'],
    dominantPhrase: 'from user agent',
  },
  called_number: {
    label: 'called number',
    aliases: ['called_number', 'to_user', 'sip.to.user', 'sip.to.uri.username', 'callee', 'to_number', 'to'],
    dominantPhrase: 'to',
  },
  calling_number: {
    label: 'calling number',
    aliases: ['calling_number', 'from_user', 'sip.from.user', 'sip.from.uri.username', 'caller', 'from_number', 'from'],
    dominantPhrase: 'from',
  },
  trunk: {
    label: 'trunk',
    aliases: ['trunk', 'carrier', 'gateway', 'sip.trunk', 'trunk_name', 'trunk_id'],
    dominantPhrase: 'on trunk',
  },
  host: { label: 'host', aliases: ['host', 'sip.host', 'host.name', 'hostname'], dominantPhrase: 'on host' },
  application: {
    label: 'application',
    aliases: ['application_sid', 'application', 'application_id', 'app', 'sip.application'],
    dominantPhrase: 'in application',
  },
  x_reason: {
    label: 'X-Reason',
    aliases: ['x_reason', 'sip.x_reason', 'termination_reason', 'sip.termination_reason'],
    dominantPhrase: 'with X-Reason',
  },
  account: {
    label: 'account',
    aliases: ['account_sid', 'account', 'account_id', 'sip.account', 'sip.account_sid'],
    dominantPhrase: 'from account',
  },
  call_id: {
    label: 'Call-ID',
    aliases: ['sip_callid', 'call_id', 'sip.call_id', 'Call-ID', 'sip.callid'],
    dominantPhrase: 'in call',
  },
};

const KEYS = Object.keys(FIELD_MEANINGS) as FollowUpFieldKey[];

/** The meaning of a wanted name: its key or one of its aliases, compared leniently. */
export function fieldMeaningOf(wanted: string): FollowUpFieldKey | undefined {
  if (typeof wanted !== 'string') {
    return undefined;
  }
  const loose = looseFieldName(wanted.trim());
  if (loose === '') {
    return undefined;
  }
  return KEYS.find(
    (key) =>
      looseFieldName(key) === loose || FIELD_MEANINGS[key].aliases.some((alias) => looseFieldName(alias) === loose)
  );
}

export interface ResolvedField {
  /** The data's field name, when one stands for the wanted field. */
  field?: string;
  key?: FollowUpFieldKey;
  /** Names tried, in order. */
  tried: string[];
}

/** The data's field for a wanted name: as written, then its meaning's aliases. */
export function resolveField(names: readonly string[], wanted: string): ResolvedField {
  const key = fieldMeaningOf(wanted);
  const tried = [
    ...new Set([typeof wanted === 'string' ? wanted.trim() : '', ...(key ? FIELD_MEANINGS[key].aliases : [])]),
  ].filter((name) => name !== '');
  for (const name of tried) {
    const field = findFieldName(names, name);
    if (field !== undefined) {
      return { field, key, tried };
    }
  }
  return key ? { key, tried } : { tried };
}

/** "source IP" for source_ip or source.ip; the name itself for fields without a known meaning. */
export function followUpFieldLabel(wanted: string): string {
  const key = fieldMeaningOf(wanted);
  return key ? FIELD_MEANINGS[key].label : String(wanted);
}
