import React from 'react';
import { render } from '@testing-library/react';
import { SeverityMark } from './SeverityMark';

describe('SeverityMark', () => {
  it('draws a different shape per severity, so colour is never the only cue', () => {
    const shapes = (['immediate', 'track', 'normal'] as const).map((severity) => {
      const { container } = render(<SeverityMark severity={severity} color="#f00" />);
      const mark = container.querySelector(`[data-severity="${severity}"] svg`)!;
      expect(mark).toHaveAttribute('aria-hidden', 'true');
      return mark.innerHTML.replace(/#f00/g, '');
    });
    expect(new Set(shapes).size).toBe(3);
  });

  it('writes the severity as a word on request', () => {
    const { container, rerender } = render(<SeverityMark severity="track" withText />);
    expect(container).toHaveTextContent('Track');
    rerender(<SeverityMark severity="track" />);
    expect(container).toHaveTextContent('');
  });
});
