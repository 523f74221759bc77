/**
 * Telling reason and Q.850 fields apart by name, so the view can show X-Reasons and causes and never read a cause
 * field (127, 102 look like provisional codes) as SIP status codes.
 */

/** "hangup_cause_q850.keyword" → [hangup, cause, q850]; "q850Cause" → [q850, cause]. */
export function fieldWords(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length > 1 && words[words.length - 1] === 'keyword' ? words.slice(0, -1) : words;
}

/** True for a field that holds Q.850 causes: hangup_cause_q850, q850_cause, hangup_cause, reason.cause… */
export function isQ850FieldName(name: string): boolean {
  const words = fieldWords(name);
  return words.includes('q850') || words.includes('cause');
}

/** True for a field that holds X-Reasons or reason texts: x_reason, sip_reason, termination_reason, xReason… */
export function isReasonFieldName(name: string): boolean {
  return fieldWords(name).includes('reason');
}
