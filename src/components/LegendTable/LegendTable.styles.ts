import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { codeButton } from '../sharedStyles';

const COLUMNS = 'minmax(12em, 1.2fr) 4.5em 4.5em 7em minmax(14em, 3fr)';
/** Compact: guidance moves to its own line under the numbers. */
const COMPACT_COLUMNS = 'minmax(9em, 1fr) 4.5em 4.5em 7em';
/** List: one line per code, no guidance column. */
const LIST_COLUMNS = 'minmax(5em, 1fr) 3.5em 4em 5.5em';

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
  followUp_immediate: css({
    boxShadow: `inset 3px 0 0 ${theme.colors.error.main}`,
  }),
  followUp_track: css({
    boxShadow: `inset 3px 0 0 ${theme.colors.warning.main}`,
  }),
  followUp_normal: css({
    boxShadow: `inset 3px 0 0 ${theme.colors.text.secondary}`,
  }),
  // Variant modifiers carry no theme colours, so their classes are shared by every theme: doubled to win over the
  // theme-dependent row class whatever the order emotion inserted them in (a live theme switch).
  compact: css({
    '&&': {
      gridTemplateColumns: COMPACT_COLUMNS,
      rowGap: 2,
      paddingTop: theme.spacing(0.375),
      paddingBottom: theme.spacing(0.375),
    },
    '&& > :nth-child(5)': { gridColumn: '1 / -1' },
  }),
  oneLine: css({
    '&&': { gridTemplateColumns: LIST_COLUMNS, padding: theme.spacing(0.25, 1), whiteSpace: 'nowrap' },
    '&& > span': { flexWrap: 'nowrap' },
  }),
  /** The meaning in the full legend: one line, the whole text in the cell's tooltip; the action gets two. */
  meaningLine: css({
    '&&': { WebkitLineClamp: 1 },
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
    whiteSpace: 'nowrap',
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
  /** Meaning and action wrap to two lines each; the full text is in the cell's tooltip. */
  line: css({
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
  }),
  action: css({
    color: theme.colors.text.primary,
  }),
  severity: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0, 0.5),
    whiteSpace: 'nowrap',
    minWidth: 0,
  }),
  /** Compact rows: meaning and action share one line; the full text is in the tooltip. */
  oneLineGuidance: css({
    display: 'block !important',
    color: theme.colors.text.primary,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  followUpTag: css({
    padding: theme.spacing(0, 0.5),
    borderRadius: theme.shape.radius.default,
    border: '1px solid currentColor',
    fontSize: '0.85em',
    fontWeight: theme.typography.fontWeightMedium,
  }),
  tag_immediate: css({ color: theme.colors.error.text }),
  tag_track: css({ color: theme.colors.warning.text }),
  tag_normal: css({ color: theme.colors.text.secondary }),
});
