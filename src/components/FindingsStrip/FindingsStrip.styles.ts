import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { codeButton } from '../sharedStyles';

export const getFindingsStripStyles = (theme: GrafanaTheme2) => ({
  strip: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 1),
    padding: theme.spacing(0.5, 0),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  heading: css({
    margin: 0,
    fontSize: 'inherit',
    fontWeight: theme.typography.fontWeightMedium,
    color: theme.colors.text.secondary,
  }),
  list: css({
    display: 'contents',
    listStyle: 'none',
    margin: 0,
    padding: 0,
  }),
  finding: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    padding: theme.spacing(0.25, 1),
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.pill,
    background: theme.colors.background.secondary,
    color: theme.colors.text.primary,
    ...codeButton(theme, 1),
  }),
  immediate: css({
    borderColor: theme.colors.error.border,
  }),
  track: css({
    borderColor: theme.colors.warning.border,
  }),
  calm: css({
    color: theme.colors.success.text,
  }),
});
