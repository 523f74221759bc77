import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { codeButton } from '../sharedStyles';

const COLUMNS = 'minmax(11em, 1.3fr) 5em 4.5em 6.5em minmax(12em, 3fr)';
/** Narrow panels: guidance moves to its own line under the numbers. */
const COMPACT_COLUMNS = 'minmax(6em, 1fr) 4.5em 4.5em 6em';

export const getLegendTableStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    minWidth: 0,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  header: css({
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 1),
    color: theme.colors.text.secondary,
    fontWeight: theme.typography.fontWeightMedium,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    position: 'sticky',
    top: 0,
    background: theme.colors.background.primary,
    zIndex: 1,
  }),
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
  }),
  row: css({
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    gap: theme.spacing(1),
    alignItems: 'start',
    width: '100%',
    padding: theme.spacing(0.5, 1),
    background: 'none',
    border: 'none',
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    color: theme.colors.text.primary,
    textAlign: 'left',
    ...codeButton(theme, -2),
  }),
  selected: css({
    background: theme.colors.action.selected,
  }),
  followUp: css({
    boxShadow: `inset 3px 0 0 ${theme.colors.error.main}`,
  }),
  compact: css({
    gridTemplateColumns: COMPACT_COLUMNS,
    '& > :last-child': { gridColumn: '1 / -1' },
  }),
  codeCell: css({
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.75),
    minWidth: 0,
  }),
  swatch: css({
    flex: 'none',
    width: 10,
    height: 10,
    marginTop: 3,
    borderRadius: 2,
  }),
  code: css({
    fontWeight: theme.typography.fontWeightBold,
    fontVariantNumeric: 'tabular-nums',
  }),
  reason: css({
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  number: css({
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  }),
  guidance: css({
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    color: theme.colors.text.secondary,
  }),
  line: css({
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  action: css({
    color: theme.colors.text.primary,
  }),
  severity: css({
    whiteSpace: 'nowrap',
  }),
  needsFollowUp: css({
    color: theme.colors.error.text,
    fontWeight: theme.typography.fontWeightMedium,
  }),
});
