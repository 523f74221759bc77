import React from 'react';
import { screen } from '@testing-library/react';
import { SipCodesPanel } from './SipCodesPanel';
import { panelProps, renderWithTheme } from '../testUtils';

test('smoke', () => {
  const { container } = renderWithTheme(<SipCodesPanel {...panelProps()} />);
  console.log(container.innerHTML.length, screen.getAllByRole('button').map((b) => b.getAttribute('aria-label')).slice(0, 20));
});
