import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

export const getSipCodesPanelStyles = (theme: GrafanaTheme2) => ({
  root: css({
    position: 'relative',
    overflow: 'hidden',
    color: theme.colors.text.primary,
    fontFamily: theme.typography.fontFamily,
    fontSize: theme.typography.body.fontSize,
  }),
  /** Laid out at the layout's size and scaled to the panel (wallboards), so text and marks grow together. */
  content: css({
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    overflow: 'hidden',
    transformOrigin: '0 0',
  }),
  messages: css({
    flex: 'none',
    overflowY: 'auto',
  }),
  /** With codes to draw, messages never take more than a part of the panel. */
  messagesBeside: css({
    maxHeight: '45%',
  }),
  findings: css({
    flex: 'none',
  }),
  body: css({
    flex: '1 1 auto',
    minHeight: 0,
    overflow: 'hidden',
    display: 'flex',
    flexDirection: 'row',
    gap: theme.spacing(1.5),
  }),
  chartArea: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    minHeight: 0,
    minWidth: 0,
  }),
  barArea: css({
    justifyContent: 'flex-start',
    overflowY: 'auto',
  }),
  chartBox: css({
    flex: '1 1 auto',
    minHeight: 0,
    width: '100%',
  }),
  caption: css({
    flex: 'none',
    margin: 0,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    textAlign: 'center',
  }),
  legendArea: css({
    flex: '1 1 auto',
    minWidth: 0,
    minHeight: 0,
    overflow: 'auto',
  }),
});
