import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { focusRing } from '../sharedStyles';

export const getGuidanceCardStyles = (theme: GrafanaTheme2) => ({
  card: css({
    position: 'absolute',
    top: 0,
    right: 0,
    bottom: 0,
    width: 'min(440px, 100%)',
    overflowY: 'auto',
    padding: theme.spacing(1.5, 2),
    background: theme.colors.background.primary,
    borderLeft: `1px solid ${theme.colors.border.medium}`,
    boxShadow: theme.shadows.z3,
    zIndex: 2,
    fontSize: theme.typography.bodySmall.fontSize,
    '&:focus': { outline: 'none' },
  }),
  /** Code, numbers and actions stay in view while the card scrolls. */
  sticky: css({
    position: 'sticky',
    top: theme.spacing(-1.5),
    margin: theme.spacing(-1.5, -2, 0),
    padding: theme.spacing(1.5, 2, 1),
    background: theme.colors.background.primary,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    zIndex: 1,
  }),
  actions: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  }),
  action: css({
    display: 'inline-flex',
    alignItems: 'center',
    height: theme.spacing(3),
    padding: theme.spacing(0, 1),
    border: `1px solid ${theme.colors.border.strong}`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.primary,
    background: theme.colors.secondary.main,
    textDecoration: 'none',
    ...focusRing(theme),
  }),
  ongoing: css({
    color: theme.colors.text.primary,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  earlier: css({
    color: theme.colors.text.secondary,
  }),
  contributorField: css({
    margin: theme.spacing(0, 0, 1),
  }),
  fieldTitle: css({
    margin: theme.spacing(0.5, 0, 0.25),
    fontWeight: theme.typography.fontWeightMedium,
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    '& td': {
      padding: theme.spacing(0.25, 0.5),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      verticalAlign: 'top',
    },
  }),
  value: css({
    wordBreak: 'break-all',
  }),
  numberCell: css({
    textAlign: 'right',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  }),
  callId: css({
    maxWidth: '12em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  callLinks: css({
    whiteSpace: 'nowrap',
    '& a + a': { marginLeft: theme.spacing(1) },
  }),
  header: css({
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  }),
  title: css({
    margin: 0,
    fontSize: theme.typography.h5.fontSize,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  }),
  numbers: css({
    margin: theme.spacing(0.5, 0, 1),
    color: theme.colors.text.secondary,
  }),
  section: css({
    margin: theme.spacing(1.25, 0, 0),
  }),
  sectionTitle: css({
    margin: theme.spacing(0, 0, 0.5),
    fontSize: theme.typography.bodySmall.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    textTransform: 'uppercase',
    letterSpacing: '0.03em',
    color: theme.colors.text.secondary,
  }),
  paragraph: css({
    margin: theme.spacing(0, 0, 0.5),
  }),
  list: css({
    margin: 0,
    paddingLeft: theme.spacing(2.5),
  }),
  fired: css({
    padding: theme.spacing(0.75, 1),
    borderLeft: `3px solid ${theme.colors.error.border}`,
    background: theme.colors.background.secondary,
  }),
  calm: css({
    padding: theme.spacing(0.75, 1),
    borderLeft: `3px solid ${theme.colors.success.border}`,
    background: theme.colors.background.secondary,
  }),
  notes: css({
    '& p': { margin: theme.spacing(0, 0, 0.5) },
    '& ul, & ol': { margin: 0, paddingLeft: theme.spacing(2.5) },
    '& code': { fontSize: '0.95em' },
    '& img': { maxWidth: '100%' },
  }),
  links: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  }),
  link: css({
    color: theme.colors.text.link,
    textDecoration: 'underline',
  }),
  hint: css({
    color: theme.colors.text.secondary,
    margin: theme.spacing(0.5, 0, 0),
  }),
  close: css({
    flex: 'none',
    background: 'none',
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.primary,
    cursor: 'pointer',
    padding: theme.spacing(0, 1),
    font: 'inherit',
    lineHeight: 1.8,
    ...focusRing(theme),
  }),
});
