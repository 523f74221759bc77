/** Which fields a code's calls are broken down by when following up. */
import { policyFor } from '../catalog/policy';
import { Policy } from '../types';

/** Codes without fields of their own: the trunk and account that carried the failures, and why they failed. */
export const FALLBACK_FOLLOW_UP_FIELDS: readonly string[] = ['trunk', 'account', 'x_reason'];

/**
 * The code's follow-up fields from the policy (an empty list means none), else the fallback for failures (3xx–6xx);
 * none for 1xx/2xx.
 */
export function followUpFieldsFor(code: number, policy?: Policy): string[] {
  const fields = policyFor(code, policy).followUpFields;
  if (Array.isArray(fields)) {
    return fields.filter((field) => typeof field === 'string' && field.trim() !== '');
  }
  return code >= 300 && code <= 699 ? [...FALLBACK_FOLLOW_UP_FIELDS] : [];
}
