import React from 'react';
import type { Severity } from '../../core';
import { SEVERITY_LABEL } from '../../constants/severity';

export interface SeverityMarkProps {
  severity: Severity;
  /** Fill colour of the mark (the code's colour); the shape alone already tells the severity. */
  color?: string;
  /** Also write the severity as a word next to the mark. */
  withText?: boolean;
  size?: number;
}

/**
 * A shape per severity, so severity never depends on colour alone:
 * immediate = square with "!", track = triangle, normal = circle.
 */
export function SeverityMark({ severity, color = 'currentColor', withText = false, size = 12 }: SeverityMarkProps) {
  return (
    <span
      data-severity={severity}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
    >
      <svg width={size} height={size} viewBox="0 0 12 12" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
        {severity === 'immediate' && (
          <>
            <rect x="0.5" y="0.5" width="11" height="11" rx="1.5" fill={color} stroke="currentColor" strokeWidth="1" />
            <rect x="5.1" y="2.4" width="1.8" height="4.6" fill="#fff" stroke="#000" strokeWidth="0.4" />
            <rect x="5.1" y="8" width="1.8" height="1.8" fill="#fff" stroke="#000" strokeWidth="0.4" />
          </>
        )}
        {severity === 'track' && (
          <path d="M6 0.8 L11.4 11.2 L0.6 11.2 Z" fill={color} stroke="currentColor" strokeWidth="1" />
        )}
        {severity === 'normal' && <circle cx="6" cy="6" r="5.2" fill={color} stroke="currentColor" strokeWidth="1" />}
      </svg>
      {withText && <span>{SEVERITY_LABEL[severity]}</span>}
    </span>
  );
}
