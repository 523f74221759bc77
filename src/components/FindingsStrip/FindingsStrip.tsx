import React from 'react';
import { useStyles2 } from '@grafana/ui';
import { SEVERITY_LABEL } from '../../constants/severity';
import { TEST_IDS } from '../../constants/testIds';
import type { FindingView } from '../../view';
import { SeverityMark } from '../SeverityMark';
import { getFindingsStripStyles } from './FindingsStrip.styles';

export interface FindingsStripProps {
  /** Most urgent first (as assessed). */
  findings: readonly FindingView[];
  /** Colour of the "nothing needs follow-up" mark. */
  healthyColor: string;
  onSelect: (code: number, trigger: Element) => void;
}

/** The codes that need follow-up now, each with the rule and numbers that fired; or a calm "nothing to do". */
export function FindingsStrip({ findings, healthyColor, onSelect }: FindingsStripProps) {
  const styles = useStyles2(getFindingsStripStyles);
  if (findings.length === 0) {
    return (
      <div className={styles.strip} data-testid={TEST_IDS.findings} data-count={0} role="status">
        <SeverityMark severity="normal" color={healthyColor} />
        <span className={styles.calm}>No code needs follow-up</span>
      </div>
    );
  }
  return (
    <div className={styles.strip} data-testid={TEST_IDS.findings} data-count={findings.length}>
      <h3 className={styles.heading}>Needs follow-up now</h3>
      <ul className={styles.list}>
        {findings.map((entry) => (
          <li key={entry.code}>
            <button
              type="button"
              className={`${styles.finding} ${entry.severity === 'immediate' ? styles.immediate : entry.severity === 'track' ? styles.track : ''}`}
              data-testid={TEST_IDS.finding(entry.code)}
              data-code={entry.code}
              data-severity={entry.severity}
              aria-label={`${entry.summary} (${entry.reasonPhrase}, ${SEVERITY_LABEL[entry.severity].toLowerCase()}). Open guidance`}
              title={entry.finding.explanation}
              onClick={(event) => onSelect(entry.code, event.currentTarget)}
            >
              <SeverityMark severity={entry.severity} color={entry.color} />
              <span>{entry.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
