import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

export const getPolicyEditorStyles = (theme: GrafanaTheme2) => ({
  editor: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    '& th': {
      textAlign: 'left',
      fontWeight: theme.typography.fontWeightMedium,
      color: theme.colors.text.secondary,
      padding: theme.spacing(0.25, 0.5),
    },
    '& td': {
      padding: theme.spacing(0.25, 0.5),
      verticalAlign: 'top',
      borderTop: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  caption: css({
    captionSide: 'top',
    textAlign: 'left',
    color: theme.colors.text.secondary,
    paddingBottom: theme.spacing(0.5),
  }),
  code: css({
    fontWeight: theme.typography.fontWeightBold,
    whiteSpace: 'nowrap',
  }),
  reason: css({
    display: 'block',
    color: theme.colors.text.secondary,
    fontWeight: 'normal',
  }),
  input: css({
    width: '100%',
    minWidth: '4.5em',
    padding: theme.spacing(0.25, 0.5),
    background: theme.components.input.background,
    color: theme.components.input.text,
    border: `1px solid ${theme.components.input.borderColor}`,
    borderRadius: theme.shape.radius.default,
    font: 'inherit',
    '&:disabled': { opacity: 0.6, cursor: 'not-allowed' },
  }),
  threshold: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  }),
  off: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.25),
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    cursor: 'pointer',
  }),
  notes: css({
    width: '100%',
    minWidth: '10em',
    minHeight: '3.2em',
    resize: 'vertical',
  }),
  json: css({
    width: '100%',
    minHeight: '8em',
    fontFamily: theme.typography.fontFamilyMonospace,
    resize: 'vertical',
  }),
  row: css({
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'center',
    flexWrap: 'wrap',
  }),
  error: css({
    color: theme.colors.error.text,
    margin: 0,
  }),
  issues: css({
    margin: 0,
    paddingLeft: theme.spacing(2),
    color: theme.colors.warning.text,
  }),
  hint: css({
    color: theme.colors.text.secondary,
    margin: 0,
  }),
});
