/**
 * The findings strip as chips on one line: ongoing findings first, earlier ones after and marked so, identical
 * "any incident" findings folded into one chip, and what does not fit behind a "+N more" control.
 */
import type { FindingView } from './types';

/** One chip of the strip: a single finding, or several with the same rule folded together. */
export interface FindingChip {
  key: string;
  ongoing: boolean;
  /** The findings behind the chip (one, or the folded group), most urgent first. */
  findings: FindingView[];
  /** "10 codes · any incident" for a folded group; the finding's summary for a single one. */
  text: string;
}

/** Three or more findings fired only by "any incident" fold into one chip. */
export const FOLD_AT = 3;
/** Codes a folded chip names before "… +N". */
export const CODES_NAMED = 3;

function onlyAnyIncident(view: FindingView): boolean {
  return view.finding.rules.length === 1 && view.finding.rules[0].rule === 'any-incident';
}

function chipsOf(views: readonly FindingView[], ongoing: boolean): FindingChip[] {
  const folded = views.filter(onlyAnyIncident);
  const fold = folded.length >= FOLD_AT;
  const chips: FindingChip[] = [];
  let groupPlaced = false;
  for (const view of views) {
    if (fold && onlyAnyIncident(view)) {
      if (!groupPlaced) {
        groupPlaced = true;
        chips.push({
          key: `${ongoing ? 'now' : 'earlier'}-any-incident`,
          ongoing,
          findings: folded,
          text: `${folded.length} codes · any incident`,
        });
      }
      continue;
    }
    chips.push({ key: `${ongoing ? 'now' : 'earlier'}-${view.code}`, ongoing, findings: [view], text: view.summary });
  }
  return chips;
}

/** Ongoing chips first, then earlier ones; the two are never folded together. */
export function findingChipsOf(views: readonly FindingView[]): FindingChip[] {
  const ongoing = views.filter((view) => view.finding.ongoing !== false);
  const earlier = views.filter((view) => view.finding.ongoing === false);
  return [...chipsOf(ongoing, true), ...chipsOf(earlier, false)];
}

/** Rough width of a chip in px at the strip's font size (mark, padding, gap and about 7 px a character). */
export function chipWidth(chip: FindingChip): number {
  const named =
    chip.findings.length > 1
      ? chip.findings
          .slice(0, CODES_NAMED)
          .map((view) => view.code)
          .join(', ') + ' … +00'
      : '';
  const recency = chip.findings.length === 1 ? (chip.findings[0].recency ?? '') : '';
  // About 6.4 px a character in Grafana's small body text (12 px Inter).
  return 40 + 6.4 * (chip.text.length + named.length + (recency ? recency.length + 3 : 0));
}

/** How many chips fit on one line of `width` px, keeping room for the "+N more" control when some do not. */
export function chipsThatFit(chips: readonly FindingChip[], width: number, moreWidth = 90): number {
  let used = 0;
  for (let index = 0; index < chips.length; index++) {
    const next = used + chipWidth(chips[index]);
    const reserve = index < chips.length - 1 ? moreWidth : 0;
    if (next + reserve > width) {
      return Math.max(index, 1);
    }
    used = next;
  }
  return chips.length;
}
