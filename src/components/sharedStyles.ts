import { GrafanaTheme2 } from '@grafana/data';

/**
 * Style pieces every part of the panel uses alike, so a focus ring or a hover looks the same in the bars, the
 * findings, the legend and the guidance card. Spread them into a `css({...})` object.
 */

/** The keyboard focus ring. A positive offset draws it outside the element, a negative one inside (rows in a list). */
export function focusRing(theme: GrafanaTheme2, outlineOffset?: number) {
  return {
    '&:focus-visible': {
      outline: `2px solid ${theme.colors.primary.main}`,
      ...(outlineOffset === undefined ? {} : { outlineOffset }),
    },
  };
}

/** A button that shows a code (bar, finding, legend row) and selects it: reads like text, with hover and focus. */
export function codeButton(theme: GrafanaTheme2, outlineOffset: number) {
  return {
    font: 'inherit',
    cursor: 'pointer',
    '&:hover': { background: theme.colors.action.hover },
    ...focusRing(theme, outlineOffset),
  };
}
