import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

export const getPanelMessagesStyles = (theme: GrafanaTheme2) => ({
  messages: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  text: css({
    margin: 0,
  }),
  details: css({
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2),
    wordBreak: 'break-word',
  }),
});
