import React from 'react';
import { useStyles2 } from '@grafana/ui';
import { SEVERITY_LABEL } from '../../constants/severity';
import { TEST_IDS } from '../../constants/testIds';
import type { CodeView, PanelLayout } from '../../view';
import { SeverityMark } from '../SeverityMark';
import { rovingTabIndex, useRovingFocus } from '../useRovingFocus';
import { getLegendTableStyles } from './LegendTable.styles';

export interface LegendTableProps {
  /** Rows in display order (the model sorts them: urgency, then calls). */
  entries: readonly CodeView[];
  selectedCode?: number | null;
  onSelect: (code: number, trigger: Element) => void;
  /**
   * full: columns with meaning and action side by side; compact: numbers on one line, meaning and action under them;
   * list: one line per code (tiny panels), the guidance in the row's tooltip.
   */
  variant?: PanelLayout['legend'];
}

/**
 * The legend as a table with inline guidance: one button per code, so a 0.1 % code is as easy to open as a large one.
 * One tab stop for the whole legend, arrow keys between rows. Follow-up is a mark and a word, never colour alone.
 */
export function LegendTable({ entries, selectedCode, onSelect, variant = 'full' }: LegendTableProps) {
  const styles = useStyles2(getLegendTableStyles);
  const onKeyDown = useRovingFocus();
  const layoutClass = variant === 'full' ? '' : variant === 'compact' ? styles.compact : styles.oneLine;
  return (
    <div className={styles.table} data-testid={TEST_IDS.legend} data-variant={variant} onKeyDown={onKeyDown}>
      <div className={`${styles.header} ${layoutClass}`} aria-hidden="true">
        <span>Code</span>
        <span className={styles.number}>Calls</span>
        <span className={styles.number}>Share</span>
        <span>Severity</span>
        {variant === 'full' && <span>Meaning · action</span>}
      </div>
      <ul className={styles.list} aria-label="SIP codes, most urgent first">
        {entries.map((entry, index) => {
          const selected = entry.code === selectedCode;
          const guidance = `${entry.policy.guidance.meaning} ${entry.policy.guidance.action}`;
          return (
            <li key={entry.code}>
              <button
                type="button"
                className={[
                  styles.row,
                  layoutClass,
                  entry.finding && styles[`followUp_${entry.severity}`],
                  selected && styles.selected,
                ]
                  .filter(Boolean)
                  .join(' ')}
                data-testid={TEST_IDS.legendRow(entry.code)}
                data-code={entry.code}
                data-severity={entry.severity}
                data-roving-item=""
                tabIndex={rovingTabIndex(index)}
                aria-pressed={selected}
                aria-label={`${entry.label}${entry.finding ? ', needs follow-up' : ''}. ${entry.policy.guidance.meaning}`}
                title={variant === 'list' ? guidance : undefined}
                onClick={(event) => onSelect(entry.code, event.currentTarget)}
              >
                <span className={styles.codeCell}>
                  <span className={styles.swatch} style={{ backgroundColor: entry.color }} data-color={entry.color} />
                  <span className={styles.code}>{entry.code}</span>
                  <span className={styles.reason}>{entry.reasonPhrase}</span>
                </span>
                <span className={styles.number}>{entry.count.toLocaleString('en-US')}</span>
                <span className={styles.number}>{entry.provisional ? '—' : entry.shareText}</span>
                <span className={styles.severity}>
                  <SeverityMark severity={entry.severity} color={entry.color} />
                  {/* Narrow rows keep the word that matters most: "follow up" when a rule fired. */}
                  {!(variant !== 'full' && entry.finding) && <span>{SEVERITY_LABEL[entry.severity]}</span>}
                  {entry.finding && (
                    <span className={`${styles.followUpTag} ${styles[`tag_${entry.severity}`]}`} data-follow-up="">
                      follow up
                    </span>
                  )}
                </span>
                {variant === 'full' && (
                  <span className={styles.guidance} title={guidance}>
                    <span className={`${styles.line} ${styles.meaningLine}`}>{entry.policy.guidance.meaning}</span>
                    <span className={`${styles.line} ${styles.action}`}>{entry.policy.guidance.action}</span>
                  </span>
                )}
                {variant === 'compact' && (
                  <span className={`${styles.guidance} ${styles.oneLineGuidance}`} title={guidance}>
                    {`${entry.policy.guidance.action} · ${entry.policy.guidance.meaning}`}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
