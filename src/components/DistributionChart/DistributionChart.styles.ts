import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

export const getDistributionChartStyles = (theme: GrafanaTheme2) => ({
  svg: css({
    display: 'block',
    width: '100%',
    height: '100%',
    overflow: 'visible',
  }),
  slice: css({
    cursor: 'pointer',
    stroke: theme.colors.background.primary,
    strokeWidth: 1,
    outline: 'none',
    transition: 'opacity 120ms',
    '&:hover': { opacity: 0.85 },
    '&:focus-visible': {
      stroke: theme.colors.text.maxContrast,
      strokeWidth: 3,
    },
  }),
  selected: css({
    stroke: theme.colors.text.maxContrast,
    strokeWidth: 2,
  }),
  overlay: css({
    pointerEvents: 'none',
  }),
  centerValue: css({
    fill: theme.colors.text.primary,
    fontSize: 22,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  centerCaption: css({
    fill: theme.colors.text.secondary,
    fontSize: 10,
  }),
});
