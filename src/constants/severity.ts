import type { Severity } from '../core';

/** Words shown next to the severity mark (never colour alone). */
export const SEVERITY_LABEL: Record<Severity, string> = {
  immediate: 'Immediate',
  track: 'Track',
  normal: 'Normal',
};

/**
 * Grafana named colours per severity, resolved with `theme.visualization.getColorByName` so that dark and light
 * themes get their own shades. Codes of one severity cycle through the family, most calls first.
 */
export const SEVERITY_COLOR_NAMES: Record<Severity, readonly string[]> = {
  normal: ['green', 'semi-dark-green', 'dark-green', 'light-green', 'super-light-green', 'blue', 'semi-dark-blue'],
  track: [
    'orange',
    'yellow',
    'semi-dark-orange',
    'semi-dark-yellow',
    'dark-orange',
    'dark-yellow',
    'light-orange',
    'light-yellow',
  ],
  immediate: ['red', 'semi-dark-red', 'dark-red', 'light-red', 'super-light-red', 'purple', 'semi-dark-purple'],
};
