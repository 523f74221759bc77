/**
 * How the panel uses its box: a size class with one rule each, and on wallboards a scale for text and marks.
 * Pure arithmetic on the panel's size, so the rules can be tested without a browser.
 */
import type { TextSize } from '../options';

/**
 * - tiny: findings and a one-line-per-code list, no chart (a 400×250 panel still shows what needs follow-up and rows);
 * - small: a small chart beside a compact list (code line plus meaning);
 * - medium: chart and a compact list with meaning and action;
 * - large: chart and the full legend table.
 */
export type SizeClass = 'tiny' | 'small' | 'medium' | 'large';

export interface PanelLayout {
  sizeClass: SizeClass;
  /** Text and marks are drawn this many times Grafana's size (1 unless text size is auto on a big panel). */
  scale: number;
  /** The box the content is laid out in, before scaling: the panel's size divided by the scale. */
  width: number;
  height: number;
  showChart: boolean;
  /** Chart beside the legend (row), or above it on tall, narrow panels (column). */
  direction: 'row' | 'column';
  legend: 'list' | 'compact' | 'full';
  /** Side of the chart's square, px (before scaling), when a chart is drawn. */
  chartSize: number;
}

/** The panel size at which text is drawn at Grafana's size; larger panels scale up (auto), to at most MAX_SCALE. */
export const BASE_SIZE = { width: 1200, height: 600 };
export const MAX_SCALE = 2;

/** Tall, narrow panels put the chart above the legend. */
function isPortrait(width: number, height: number): boolean {
  return height >= 420 && height > width * 1.2;
}

function sizeClassOf(width: number, height: number): SizeClass {
  if ((width < 520 && !isPortrait(width, height)) || height < 280) {
    return 'tiny';
  }
  if (width < 820 || height < 420) {
    return 'small';
  }
  return width < 1180 ? 'medium' : 'large';
}

/** The layout for a panel of `width` × `height` px. */
export function panelLayout(width: number, height: number, textSize: TextSize): PanelLayout {
  const safeWidth = Number.isFinite(width) && width > 0 ? width : BASE_SIZE.width;
  const safeHeight = Number.isFinite(height) && height > 0 ? height : BASE_SIZE.height;
  const fit = Math.min(safeWidth / BASE_SIZE.width, safeHeight / BASE_SIZE.height);
  const scale = textSize === 'auto' ? Math.min(MAX_SCALE, Math.max(1, Math.round(fit * 100) / 100)) : 1;
  const inner = { width: safeWidth / scale, height: safeHeight / scale };
  const sizeClass = sizeClassOf(inner.width, inner.height);
  const direction = isPortrait(inner.width, inner.height) ? 'column' : 'row';
  const chartSize =
    sizeClass === 'tiny'
      ? 0
      : direction === 'column'
        ? Math.max(120, Math.min(inner.width * 0.8, inner.height * 0.4))
        : Math.max(120, Math.min(inner.height - 70, inner.width * (sizeClass === 'small' ? 0.36 : 0.34)));
  return {
    sizeClass,
    scale,
    width: inner.width,
    height: inner.height,
    showChart: sizeClass !== 'tiny',
    direction,
    legend: sizeClass === 'tiny' ? 'list' : sizeClass === 'large' ? 'full' : 'compact',
    chartSize,
  };
}
