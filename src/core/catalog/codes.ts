import { CodeClass } from '../types';

const CODE_TEXT = /^\s*([1-6]\d\d)(?:\.0+)?\s*$/;

/**
 * Reads a SIP status code from whatever a data source put in a cell: 404, 404.0, "404", " 404 ".
 * Anything else ("abc", 42, 999, 404.5, null, objects) is not a SIP code and gives null.
 */
export function parseSipCode(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 100 && value <= 699 ? value : null;
  }
  if (typeof value === 'string') {
    const match = CODE_TEXT.exec(value);
    return match ? Number(match[1]) : null;
  }
  return null;
}

/** The class (hundreds digit) of a valid SIP status code. */
export function codeClass(code: number): CodeClass {
  return Math.floor(code / 100) as CodeClass;
}

/** True for the final responses a call ends with (2xx–6xx). */
export function isFinalCode(code: number): boolean {
  return code >= 200 && code <= 699;
}
