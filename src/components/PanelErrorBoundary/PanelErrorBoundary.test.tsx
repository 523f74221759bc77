import React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_IDS } from '../../constants/testIds';
import { renderWithTheme } from '../../testing/panelProps';
import { PanelErrorBoundary } from './PanelErrorBoundary';

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) {
    throw new Error('frames exploded');
  }
  return <p>drawn</p>;
}

describe('PanelErrorBoundary', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    shouldThrow = true;
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => consoleError.mockRestore());

  it('shows the error as a message instead of a blank panel', () => {
    renderWithTheme(
      <PanelErrorBoundary>
        <Fragile />
      </PanelErrorBoundary>
    );
    const message = screen.getByTestId(TEST_IDS.message);
    expect(message).toHaveAttribute('data-level', 'error');
    expect(message).toHaveTextContent('frames exploded');
  });

  it('tries again on request', async () => {
    const user = userEvent.setup();
    renderWithTheme(
      <PanelErrorBoundary>
        <Fragile />
      </PanelErrorBoundary>
    );
    shouldThrow = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('drawn')).toBeInTheDocument();
  });

  it('tries again when data or options change', () => {
    const { rerender } = renderWithTheme(
      <PanelErrorBoundary resetKey={1}>
        <Fragile />
      </PanelErrorBoundary>
    );
    expect(screen.getByTestId(TEST_IDS.message)).toBeInTheDocument();
    shouldThrow = false;
    rerender(
      <PanelErrorBoundary resetKey={2}>
        <Fragile />
      </PanelErrorBoundary>
    );
    expect(screen.getByText('drawn')).toBeInTheDocument();
  });
});
