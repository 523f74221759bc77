import type { GrafanaTheme2 } from '@grafana/data';
import type { Severity } from '../core';
import { SEVERITY_COLOR_NAMES } from '../constants/severity';

/**
 * Shades for the runbook's codes, so that codes that often stand side by side never share one (503 and 487 would,
 * by code alone). Indexes into the severity's family in SEVERITY_COLOR_NAMES.
 */
const RUNBOOK_SHADE: Readonly<Record<number, number>> = {
  200: 0,
  408: 0,
  488: 1,
  500: 2,
  603: 3,
  480: 0,
  503: 1,
  404: 2,
  403: 3,
  487: 4,
};

/**
 * A code's colour from the code and its severity only, never from the other codes present: 503 is the same shade in
 * every data set. Provisional codes are grey. Grafana named colours resolve per theme.
 */
export function codeColor(code: number, severity: Severity, provisional: boolean, theme: GrafanaTheme2): string {
  if (provisional) {
    return theme.colors.text.disabled;
  }
  const family = SEVERITY_COLOR_NAMES[severity];
  const shade = RUNBOOK_SHADE[code] ?? code;
  return theme.visualization.getColorByName(family[shade % family.length]);
}
