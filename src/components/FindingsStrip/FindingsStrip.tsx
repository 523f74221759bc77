import React, { useState } from 'react';
import { useStyles2 } from '@grafana/ui';
import { SEVERITY_LABEL } from '../../constants/severity';
import { TEST_IDS } from '../../constants/testIds';
import { chipsThatFit, CODES_NAMED, FindingChip, findingChipsOf, FindingView } from '../../view';
import { SeverityMark } from '../SeverityMark';
import { rovingTabIndex, useRovingFocus } from '../useRovingFocus';
import { getFindingsStripStyles } from './FindingsStrip.styles';

export interface FindingsStripProps {
  /** Most urgent first (as assessed). */
  findings: readonly FindingView[];
  /** Colour of the "nothing needs follow-up" mark. */
  healthyColor: string;
  /** Width the strip has, px: chips that do not fit on one line go behind "+N more". */
  width: number;
  onSelect: (code: number, trigger: Element) => void;
}

function severityClass(styles: ReturnType<typeof getFindingsStripStyles>, view: FindingView): string {
  return view.severity === 'immediate' ? styles.immediate : view.severity === 'track' ? styles.track : '';
}

/**
 * The codes that need follow-up now, on one line: ongoing first, earlier ones marked so; identical "any incident"
 * findings folded into one chip; the rest behind a "+N more" control that opens the full list.
 */
export function FindingsStrip({ findings, healthyColor, width, onSelect }: FindingsStripProps) {
  const styles = useStyles2(getFindingsStripStyles);
  const onKeyDown = useRovingFocus();
  const [open, setOpen] = useState(false);
  if (findings.length === 0) {
    return (
      <div className={styles.strip} data-testid={TEST_IDS.findings} data-count={0} role="status">
        <SeverityMark severity="normal" color={healthyColor} />
        <span className={styles.calm}>No code needs follow-up</span>
      </div>
    );
  }
  const chips = findingChipsOf(findings);
  const fit = chipsThatFit(chips, Math.max(0, width - 130));
  // A narrow strip names one code of a folded chip, so the chip never runs off the panel's edge.
  const codesNamed = width < 560 ? 1 : CODES_NAMED;
  const visible = chips.slice(0, fit);
  const shownCodes = new Set(
    visible
      .flatMap((chip) => (chip.findings.length === 1 ? chip.findings : chip.findings.slice(0, codesNamed)))
      .map((view) => view.code)
  );
  const rest = findings.filter((view) => !shownCodes.has(view.code));
  let itemIndex = 0;
  const nextTabIndex = () => rovingTabIndex(itemIndex++);

  const findingButton = (view: FindingView, content: React.ReactNode, className: string) => (
    <button
      type="button"
      key={view.code}
      className={className}
      data-testid={TEST_IDS.finding(view.code)}
      data-code={view.code}
      data-severity={view.severity}
      data-ongoing={view.finding.ongoing === false ? 'false' : 'true'}
      data-roving-item=""
      tabIndex={nextTabIndex()}
      aria-label={`${view.summary}${view.recency ? `, ${view.recency}` : ''} (${view.reasonPhrase}, ${SEVERITY_LABEL[view.severity].toLowerCase()}). Open guidance`}
      title={view.finding.explanation}
      onClick={(event) => onSelect(view.code, event.currentTarget)}
    >
      {content}
    </button>
  );

  const chipItem = (chip: FindingChip) => {
    const earlier = chip.ongoing ? '' : styles.earlier;
    if (chip.findings.length === 1) {
      const view = chip.findings[0];
      return (
        <li key={chip.key}>
          {findingButton(
            view,
            <>
              <SeverityMark severity={view.severity} color={view.color} />
              <span className={styles.summary}>{view.summary}</span>
              {view.recency && <span className={styles.recency}>{view.recency}</span>}
            </>,
            `${styles.finding} ${severityClass(styles, view)} ${earlier}`
          )}
        </li>
      );
    }
    const named = chip.findings.slice(0, codesNamed);
    return (
      <li key={chip.key} className={`${styles.group} ${severityClass(styles, chip.findings[0])} ${earlier}`}>
        <SeverityMark severity={chip.findings[0].severity} color={chip.findings[0].color} />
        <span>{chip.text}:</span>
        {named.map((view) => findingButton(view, <span>{view.code}</span>, styles.codeInGroup))}
        {!chip.ongoing && <span className={styles.recency}>earlier in range</span>}
      </li>
    );
  };

  return (
    <div className={styles.strip} data-testid={TEST_IDS.findings} data-count={findings.length} onKeyDown={onKeyDown}>
      <h3 className={styles.heading}>Needs follow-up</h3>
      <ul className={styles.list}>{visible.map(chipItem)}</ul>
      {rest.length > 0 && (
        <button
          type="button"
          className={styles.more}
          data-testid={TEST_IDS.findingsMore}
          aria-expanded={open}
          data-roving-item=""
          tabIndex={-1}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Less' : `+${rest.length} more`}
        </button>
      )}
      {open && rest.length > 0 && (
        <ul className={styles.overflow} data-testid={TEST_IDS.findingsOverflow} aria-label="More findings">
          {rest.map((view) => (
            <li key={view.code}>
              {findingButton(
                view,
                <>
                  <SeverityMark severity={view.severity} color={view.color} />
                  <span>{view.summary}</span>
                  {view.recency && <span className={styles.recency}>{view.recency}</span>}
                </>,
                `${styles.finding} ${severityClass(styles, view)} ${view.finding.ongoing === false ? styles.earlier : ''}`
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
