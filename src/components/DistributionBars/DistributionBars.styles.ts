import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { codeButton } from '../sharedStyles';

/** Name of the pattern per severity (also written on the bar, for tests and inspection). */
export const SEVERITY_PATTERN = { immediate: 'hatch', track: 'dots', normal: 'none' } as const;

/** CSS stand-ins for the SVG severity patterns: hatching for immediate, dots for track. */
export const SEVERITY_BACKGROUND = {
  immediate: {
    backgroundImage:
      'repeating-linear-gradient(45deg, rgba(0,0,0,0.35) 0, rgba(0,0,0,0.35) 2px, rgba(255,255,255,0.2) 2px, rgba(255,255,255,0.2) 3px, transparent 3px, transparent 6px)',
  },
  track: {
    backgroundImage: 'radial-gradient(circle, rgba(0,0,0,0.35) 1px, transparent 1.5px)',
    backgroundSize: '6px 6px',
  },
  normal: {},
} as const;

export const getDistributionBarsStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    width: '100%',
  }),
  bar: css({
    display: 'grid',
    gridTemplateColumns: '3.5em 1fr 6.5em',
    alignItems: 'center',
    gap: theme.spacing(1),
    width: '100%',
    padding: theme.spacing(0.25, 0.5),
    background: 'none',
    border: `1px solid transparent`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.primary,
    textAlign: 'left',
    ...codeButton(theme, 1),
  }),
  selected: css({
    borderColor: theme.colors.border.strong,
    background: theme.colors.action.selected,
  }),
  code: css({
    fontWeight: theme.typography.fontWeightMedium,
    fontVariantNumeric: 'tabular-nums',
  }),
  track: css({
    height: 14,
    background: theme.colors.background.secondary,
    borderRadius: 2,
    overflow: 'hidden',
  }),
  fill: css({
    height: '100%',
    minWidth: 2,
    borderRadius: 2,
  }),
  value: css({
    color: theme.colors.text.secondary,
    fontVariantNumeric: 'tabular-nums',
    textAlign: 'right',
    whiteSpace: 'nowrap',
  }),
});
