import registryJson from './registry.json';

/** One row of the IANA "Response Codes" registry (sip-parameters). */
export interface RegistryEntry {
  code: number;
  /** The registered reason phrase. On the wire the phrase is free text; the code is what counts. */
  reason: string;
  /** Defining document in IANA's "[RFCxxxx]" form. */
  reference: string;
}

/** The 75 registered SIP response codes, ascending. Frozen: read, never change. */
export const REGISTRY: readonly RegistryEntry[] = Object.freeze(
  (registryJson as RegistryEntry[])
    .map((entry) => Object.freeze({ code: entry.code, reason: entry.reason, reference: entry.reference }))
    .sort((a, b) => a.code - b.code)
);

const BY_CODE = new Map<number, RegistryEntry>(REGISTRY.map((entry) => [entry.code, entry]));

/** The registry row of a code, or undefined when IANA never registered it. */
export function registryEntry(code: number): RegistryEntry | undefined {
  return BY_CODE.get(code);
}
