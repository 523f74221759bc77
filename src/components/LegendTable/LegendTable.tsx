import React from 'react';
import { useStyles2 } from '@grafana/ui';
import { SEVERITY_LABEL } from '../../constants/severity';
import { TEST_IDS } from '../../constants/testIds';
import type { CodeView } from '../../view';
import { SeverityMark } from '../SeverityMark';
import { getLegendTableStyles } from './LegendTable.styles';

export interface LegendTableProps {
  /** Rows in display order (the model sorts them: urgency, then calls). */
  entries: readonly CodeView[];
  selectedCode?: number | null;
  onSelect: (code: number, trigger: Element) => void;
  /** Narrow layout: meaning and action on a line of their own. */
  compact?: boolean;
}

/**
 * The legend as a table with inline guidance: one button per code, so a 0.1 % code is as easy to open as a large one.
 * Columns: code and reason, calls, share, severity (mark and word), one-line meaning and action.
 */
export function LegendTable({ entries, selectedCode, onSelect, compact = false }: LegendTableProps) {
  const styles = useStyles2(getLegendTableStyles);
  return (
    <div className={styles.table} data-testid={TEST_IDS.legend}>
      <div className={compact ? `${styles.header} ${styles.compact}` : styles.header} aria-hidden="true">
        <span>Code</span>
        <span className={styles.number}>Calls</span>
        <span className={styles.number}>Share</span>
        <span>Severity</span>
        <span>Meaning · action</span>
      </div>
      <ul className={styles.list} aria-label="SIP codes, most urgent first">
        {entries.map((entry) => {
          const color = entry.color;
          const selected = entry.code === selectedCode;
          return (
            <li key={entry.code}>
              <button
                type="button"
                className={[
                  styles.row,
                  compact && styles.compact,
                  entry.finding && styles.followUp,
                  selected && styles.selected,
                ]
                  .filter(Boolean)
                  .join(' ')}
                data-testid={TEST_IDS.legendRow(entry.code)}
                data-code={entry.code}
                data-severity={entry.severity}
                aria-pressed={selected}
                aria-label={`${entry.label}${entry.finding ? ', needs follow-up' : ''}. ${entry.policy.guidance.meaning}`}
                onClick={(event) => onSelect(entry.code, event.currentTarget)}
              >
                <span className={styles.codeCell}>
                  <span className={styles.swatch} style={{ backgroundColor: color }} data-color={color} />
                  <span className={styles.code}>{entry.code}</span>
                  <span className={styles.reason}>{entry.reasonPhrase}</span>
                </span>
                <span className={styles.number}>{entry.count.toLocaleString('en-US')}</span>
                <span className={styles.number}>{entry.provisional ? '—' : entry.shareText}</span>
                <span className={entry.finding ? `${styles.severity} ${styles.needsFollowUp}` : styles.severity}>
                  <SeverityMark severity={entry.severity} color={color} /> {SEVERITY_LABEL[entry.severity]}
                </span>
                <span className={styles.guidance}>
                  <span className={styles.line}>{entry.policy.guidance.meaning}</span>
                  <span className={`${styles.line} ${styles.action}`}>{entry.policy.guidance.action}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
