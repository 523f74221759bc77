import React, { useId, useMemo } from 'react';
import { arc as d3Arc, pie as d3Pie, PieArcDatum } from 'd3-shape';
import { useStyles2 } from '@grafana/ui';
import type { Severity } from '../../core';
import { TEST_IDS } from '../../constants/testIds';
import { getDistributionChartStyles } from './DistributionChart.styles';
import { patternIds, SeverityPatterns } from './SeverityPatterns';

/** What the drawing needs of one code. */
export interface ChartSlice {
  code: number;
  count: number;
  severity: Severity;
  color: string;
  /** Accessible name, e.g. "404 Not Found: 37 calls, 2.1 %, track". */
  label: string;
}

export interface DistributionChartProps {
  slices: readonly ChartSlice[];
  variant: 'donut' | 'pie';
  selectedCode?: number | null;
  onSelect: (code: number, trigger: Element) => void;
  /** Written in the donut's hole, e.g. total calls. */
  centerValue?: string;
  centerCaption?: string;
}

/** Drawing units: the chart is laid out in a 200×200 box and scales to its container (viewBox). */
const RADIUS = 96;
const DONUT_INNER = 0.6;
/** Smallest share of the circle a code with calls is drawn with (0.8 % ≈ 3°). */
export const MIN_VISIBLE_FRACTION = 0.008;

/** Keys that open a slice, like a button. */
export function isActivationKey(event: React.KeyboardEvent): boolean {
  return event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar';
}

/**
 * Angles of the slices, in the order given. Rare codes are often the urgent ones, so every code with calls gets at
 * least a sliver (MIN_VISIBLE_FRACTION of the circle) that can be seen and clicked; labels, legend and findings
 * always carry the true numbers.
 */
export function sliceArcs(slices: readonly ChartSlice[]): Array<PieArcDatum<ChartSlice>> {
  const drawn = slices.filter((slice) => slice.count > 0);
  const total = drawn.reduce((sum, slice) => sum + slice.count, 0);
  const floor = total * MIN_VISIBLE_FRACTION;
  return d3Pie<ChartSlice>()
    .value((slice) => Math.max(slice.count, floor))
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
  centerValue,
  centerCaption,
}: DistributionChartProps) {
  const styles = useStyles2(getDistributionChartStyles);
  const prefix = `sip-pattern-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const ids = patternIds(prefix);

  const arcs = useMemo(() => sliceArcs(slices), [slices]);

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
    >
      <SeverityPatterns prefix={prefix} />
      {arcs.map((arc) => {
        const slice = arc.data;
        const path = drawArc(arc) ?? undefined;
        const selected = slice.code === selectedCode;
        return (
          <g key={slice.code}>
            <path
              d={path}
              fill={slice.color}
              className={selected ? `${styles.slice} ${styles.selected}` : styles.slice}
              data-testid={TEST_IDS.slice(slice.code)}
              data-code={slice.code}
              data-severity={slice.severity}
              role="button"
              tabIndex={0}
              aria-label={slice.label}
              aria-pressed={selected}
              onClick={(event) => onSelect(slice.code, event.currentTarget)}
              onKeyDown={(event) => {
                if (isActivationKey(event)) {
                  event.preventDefault();
                  onSelect(slice.code, event.currentTarget);
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
