/**
 * Finding the column that holds SIP status codes when the panel was not told. Decisions rest on a bounded,
 * evenly spread sample of each column, so detection costs the same on a thousand rows as on a million.
 */
import { parseSipCode } from '../catalog/codes';
import { FieldView } from './frameView';
import { codeNameScore, isCountColumnName, isMetadataField } from './names';

/** Cells looked at per column. Columns this short or shorter are read whole, so detection ignores row order. */
export const DETECTION_SAMPLE = 512;

/**
 * Share of non-empty sampled cells that must be SIP codes: "mostly" for a field named like a code field, "nearly
 * all" for any other field. A field with a telling name (sip_status, sip.status_code) is still taken, as a last
 * resort, when only a quarter of its cells are codes: its junk then shows up as invalid values instead of the panel
 * claiming there is no code field at all.
 */
const NAMED_FIELD_MIN_SHARE = 0.5;
const UNNAMED_FIELD_MIN_SHARE = 0.8;
const STRONG_NAME_LAST_RESORT_SHARE = 0.25;

export interface ColumnStats {
  /** Non-empty cells sampled. */
  filled: number;
  /** Of those, cells holding a SIP code. */
  codes: number;
  /** Distinct values among the sample (capped). */
  distinct: number;
}

/** Samples a column: how full it is, how many cells are SIP codes, how varied it is. */
export function columnStats(values: ArrayLike<unknown>, read: (cell: unknown) => unknown = unwrapSingle): ColumnStats {
  const length = values.length;
  const stride = length > DETECTION_SAMPLE ? length / DETECTION_SAMPLE : 1;
  // Distinct values (capped) with whether each is a code: a column of codes repeats a few values, parsed once each.
  const seen = new Map<unknown, boolean>();
  let filled = 0;
  let codes = 0;
  for (let position = 0; position < length; position += stride) {
    const cell = read(values[Math.floor(position)]);
    if (isEmptyCell(cell)) {
      continue;
    }
    filled++;
    const key = typeof cell === 'string' ? cell.trim() : cell;
    let isCode = seen.get(key);
    if (isCode === undefined) {
      isCode = parseSipCode(key) !== null;
      if (seen.size < 256) {
        seen.set(key, isCode);
      }
    }
    if (isCode) {
      codes++;
    }
  }
  return { filled, codes, distinct: seen.size };
}

/** Elasticsearch `fields` values arrive as one-element arrays; the tally reads them the same way. */
function unwrapSingle(cell: unknown): unknown {
  return Array.isArray(cell) && cell.length === 1 ? cell[0] : cell;
}

export function isEmptyCell(cell: unknown): boolean {
  return cell == null || (typeof cell === 'string' && cell.trim() === '');
}

export interface Candidate<T> {
  item: T;
  name: string;
  stats: ColumnStats;
}

/**
 * The best code column: a name that looks like a status code with mostly SIP codes inside wins; else any column
 * whose filled cells are nearly all SIP codes, preferring fewer distinct values (codes are few, durations many).
 */
export function pickCodeCandidate<T>(candidates: Array<Candidate<T>>): Candidate<T> | undefined {
  let best: Candidate<T> | undefined;
  let bestKey: number[] = [];
  candidates.forEach((candidate, order) => {
    const tier = candidateTier(candidate);
    if (tier === 0) {
      return;
    }
    const { filled, codes, distinct } = candidate.stats;
    // Larger is better, compared in order.
    const key = [tier, codeNameScore(candidate.name), codes / filled, -distinct, -order];
    if (!best || isGreater(key, bestKey)) {
      best = candidate;
      bestKey = key;
    }
  });
  return best;
}

function candidateTier(candidate: Candidate<unknown>): number {
  const { filled, codes } = candidate.stats;
  return filled === 0 ? 0 : eligibility(codeNameScore(candidate.name), codes / filled);
}

/** The best tier, and the only one a field not named like a code field cannot reach. */
const NAMED_TIER = 3;

/** 3: named like a code field and mostly codes; 2: nearly all codes; 1: strongly named, some codes; 0: not a code field. */
function eligibility(nameScore: number, share: number): number {
  if (nameScore > 0 && share >= NAMED_FIELD_MIN_SHARE) {
    return NAMED_TIER;
  }
  if (share >= UNNAMED_FIELD_MIN_SHARE) {
    return 2;
  }
  return nameScore >= 3 && share >= STRONG_NAME_LAST_RESORT_SHARE ? 1 : 0;
}

function isGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return a[i] > b[i];
    }
  }
  return false;
}

/** Fields that could hold codes: numbers, text and untyped values; never time, booleans, counts or hit metadata. */
function mayHoldCodes(field: FieldView, exclude: Set<FieldView>): boolean {
  return (
    !exclude.has(field) &&
    (field.kind === 'number' || field.kind === 'string' || field.kind === 'other') &&
    !isCountColumnName(field.name) &&
    !isMetadataField(field.name)
  );
}

function fieldCandidate(field: FieldView): Candidate<FieldView> {
  return { item: field, name: field.name, stats: columnStats(field.values) };
}

/**
 * The code field of a frame. Fields named like a code field are sampled first: when one of them holds mostly codes,
 * no other field can win, so the rest (call ids, messages: the costly columns to sample) are not read at all.
 */
export function detectCodeField(fields: FieldView[], exclude: Set<FieldView> = new Set()): FieldView | undefined {
  const possible = fields.filter((field) => mayHoldCodes(field, exclude));
  const named = possible.map((field) => (codeNameScore(field.name) > 0 ? fieldCandidate(field) : undefined));
  const bestNamed = pickCodeCandidate(named.filter((candidate): candidate is Candidate<FieldView> => !!candidate));
  if (bestNamed && candidateTier(bestNamed) === NAMED_TIER) {
    return bestNamed.item;
  }
  return pickCodeCandidate(possible.map((field, index) => named[index] ?? fieldCandidate(field)))?.item;
}
