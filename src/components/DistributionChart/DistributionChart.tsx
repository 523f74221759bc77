import React, { useId, useMemo } from 'react';
import { arc as d3Arc, pie as d3Pie, PieArcDatum } from 'd3-shape';
import { useStyles2 } from '@grafana/ui';
import type { ChartSlice } from '../../view';
import { TEST_IDS } from '../../constants/testIds';
import { rovingTabIndex, useRovingFocus } from '../useRovingFocus';
import { getDistributionChartStyles } from './DistributionChart.styles';
import { patternIds, SeverityPatterns } from './SeverityPatterns';

export interface DistributionChartProps {
  slices: readonly ChartSlice[];
  variant: 'donut' | 'pie';
  selectedCode?: number | null;
  onSelect: (code: number, trigger: Element) => void;
  /** The folded "Other" slice was chosen (the panel shows its codes in the legend). */
  onSelectOther?: (trigger: Element) => void;
  /** Written in the donut's hole, e.g. total calls. */
  centerValue?: string;
  centerCaption?: string;
}

/** Drawing units: the chart is laid out in a 200×200 box and scales to its container (viewBox). */
const RADIUS = 96;
const DONUT_INNER = 0.6;
/** Keys that open a slice, like a button. */
export function isActivationKey(event: React.KeyboardEvent): boolean {
  return event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar';
}

/** Angles of the slices, in the order given, from their drawn weights (the view model sets boosts and folds). */
export function sliceArcs(slices: readonly ChartSlice[]): Array<PieArcDatum<ChartSlice>> {
  const drawn = slices.filter((slice) => slice.weight > 0);
  return d3Pie<ChartSlice>()
    .value((slice) => slice.weight)
    .sort(null)
    .padAngle(drawn.length > 1 ? 0.006 : 0)(drawn);
}

/**
 * A donut or pie of SIP codes. Pure drawing: arcs come from d3-shape, every slice is a keyboard-reachable button
 * carrying its code, severity and accessible name; severity also shows as a pattern over the colour.
 */
export function DistributionChart({
  slices,
  variant,
  selectedCode,
  onSelect,
  onSelectOther,
  centerValue,
  centerCaption,
}: DistributionChartProps) {
  const styles = useStyles2(getDistributionChartStyles);
  const prefix = `sip-pattern-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const ids = patternIds(prefix);

  const arcs = useMemo(() => sliceArcs(slices), [slices]);
  const onKeyDown = useRovingFocus();

  const drawArc = useMemo(
    () =>
      d3Arc<PieArcDatum<ChartSlice>>()
        .innerRadius(variant === 'donut' ? RADIUS * DONUT_INNER : 0)
        .outerRadius(RADIUS)
        .cornerRadius(variant === 'donut' ? 1.5 : 0),
    [variant]
  );

  return (
    <svg
      className={styles.svg}
      viewBox="-100 -100 200 200"
      preserveAspectRatio="xMidYMid meet"
      role="group"
      aria-label={`SIP response codes, ${variant} chart`}
      data-testid={TEST_IDS.chart}
      data-view={variant}
      onKeyDown={onKeyDown}
    >
      <SeverityPatterns prefix={prefix} />
      {arcs.map((arc, index) => {
        const slice = arc.data;
        const path = drawArc(arc) ?? undefined;
        const selected = slice.code !== null && slice.code === selectedCode;
        const choose = (trigger: Element) =>
          slice.code === null ? onSelectOther?.(trigger) : onSelect(slice.code, trigger);
        return (
          <g key={slice.key}>
            <path
              d={path}
              fill={slice.color}
              className={selected ? `${styles.slice} ${styles.selected}` : styles.slice}
              data-testid={slice.code === null ? TEST_IDS.otherSlice : TEST_IDS.slice(slice.code)}
              data-code={slice.code ?? undefined}
              data-folded={slice.folded.length > 0 ? slice.folded.join(' ') : undefined}
              data-severity={slice.severity}
              role="button"
              tabIndex={rovingTabIndex(index)}
              data-roving-item=""
              aria-label={slice.label}
              aria-pressed={selected}
              onClick={(event) => choose(event.currentTarget)}
              onKeyDown={(event) => {
                if (isActivationKey(event)) {
                  event.preventDefault();
                  choose(event.currentTarget);
                }
              }}
            >
              <title>{slice.label}</title>
            </path>
            {slice.severity !== 'normal' && (
              <path d={path} fill={`url(#${ids[slice.severity]})`} className={styles.overlay} aria-hidden="true" />
            )}
          </g>
        );
      })}
      {variant === 'donut' && centerValue && (
        <g aria-hidden="true">
          <text className={styles.centerValue} textAnchor="middle" y={4}>
            {centerValue}
          </text>
          {centerCaption && (
            <text className={styles.centerCaption} textAnchor="middle" y={20}>
              {centerCaption}
            </text>
          )}
        </g>
      )}
    </svg>
  );
}
