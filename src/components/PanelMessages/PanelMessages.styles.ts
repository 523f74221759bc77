import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { focusRing } from '../sharedStyles';

export const getPanelMessagesStyles = (theme: GrafanaTheme2) => ({
  messages: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  text: css({
    margin: 0,
  }),
  folded: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    '&[open]': {
      padding: theme.spacing(0.5, 1),
      background: theme.colors.background.secondary,
      borderRadius: theme.shape.radius.default,
      maxHeight: 160,
      overflowY: 'auto',
    },
  }),
  title: css({
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  summary: css({
    cursor: 'pointer',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    listStyle: 'none',
    '&::-webkit-details-marker': { display: 'none' },
    ...focusRing(theme),
  }),
  mark: css({
    display: 'inline-flex',
    flex: 'none',
    alignItems: 'center',
    justifyContent: 'center',
    width: 14,
    height: 14,
    borderRadius: '50%',
    border: '1px solid currentColor',
    fontSize: 10,
    fontWeight: theme.typography.fontWeightBold,
  }),
  info: css({ color: theme.colors.info.text }),
  warning: css({ color: theme.colors.warning.text }),
  error: css({ color: theme.colors.error.text }),
  details: css({
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2),
    wordBreak: 'break-word',
  }),
});
