import React from 'react';
import type { Severity } from '../../core';

/** Pattern ids for one chart instance (several panels on a dashboard must not share ids). */
export function patternIds(prefix: string): Record<Exclude<Severity, 'normal'>, string> {
  return { immediate: `${prefix}-immediate`, track: `${prefix}-track` };
}

/**
 * SVG patterns laid over slices so severity is visible without colour: diagonal hatching for immediate,
 * dots for track; normal slices stay plain.
 */
export function SeverityPatterns({ prefix }: { prefix: string }) {
  const ids = patternIds(prefix);
  return (
    <defs>
      <pattern id={ids.immediate} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="2" height="6" fill="rgba(0,0,0,0.35)" />
        <rect x="2" width="1" height="6" fill="rgba(255,255,255,0.25)" />
      </pattern>
      <pattern id={ids.track} width="6" height="6" patternUnits="userSpaceOnUse">
        <circle cx="3" cy="3" r="1" fill="rgba(0,0,0,0.35)" />
      </pattern>
    </defs>
  );
}
