import React from 'react';
import { useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import type { CodeView } from '../../view';
import { rovingTabIndex, useRovingFocus } from '../useRovingFocus';
import { getDistributionBarsStyles, SEVERITY_BACKGROUND, SEVERITY_PATTERN } from './DistributionBars.styles';

/** What a bar needs of one code. */
export type BarSlice = Pick<CodeView, 'code' | 'count' | 'severity' | 'color' | 'label' | 'shareText'>;

export interface DistributionBarsProps {
  slices: readonly BarSlice[];
  selectedCode?: number | null;
  onSelect: (code: number, trigger: Element) => void;
}

/**
 * The distribution as horizontal bars (longest = most calls), one button per code, in the order given.
 * Reads better than a pie when many codes are small. Severity shows as a pattern over the colour.
 */
export function DistributionBars({ slices, selectedCode, onSelect }: DistributionBarsProps) {
  const styles = useStyles2(getDistributionBarsStyles);
  const max = Math.max(1, ...slices.map((slice) => slice.count));
  const onKeyDown = useRovingFocus();
  return (
    <ul
      className={styles.list}
      aria-label="SIP response codes, bar chart"
      data-testid={TEST_IDS.chart}
      data-view="bar"
      onKeyDown={onKeyDown}
    >
      {slices.map((slice, index) => {
        const selected = slice.code === selectedCode;
        return (
          <li key={slice.code}>
            <button
              type="button"
              className={selected ? `${styles.bar} ${styles.selected}` : styles.bar}
              data-testid={TEST_IDS.slice(slice.code)}
              data-code={slice.code}
              data-severity={slice.severity}
              data-roving-item=""
              tabIndex={rovingTabIndex(index)}
              aria-label={slice.label}
              aria-pressed={selected}
              title={slice.label}
              onClick={(event) => onSelect(slice.code, event.currentTarget)}
            >
              <span className={styles.code}>{slice.code}</span>
              <span className={styles.track} aria-hidden="true">
                <span
                  className={styles.fill}
                  data-color={slice.color}
                  data-pattern={SEVERITY_PATTERN[slice.severity]}
                  style={{
                    display: 'block',
                    width: `${(slice.count / max) * 100}%`,
                    backgroundColor: slice.color,
                    ...SEVERITY_BACKGROUND[slice.severity],
                  }}
                />
              </span>
              <span className={styles.value} aria-hidden="true">
                {slice.shareText}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
