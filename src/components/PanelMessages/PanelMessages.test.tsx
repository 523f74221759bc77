import React from 'react';
import { screen } from '@testing-library/react';
import { TEST_IDS } from '../../constants/testIds';
import { renderWithTheme } from '../../testing/panelProps';
import { PanelMessages } from './PanelMessages';

describe('PanelMessages', () => {
  it('renders nothing without messages', () => {
    const { container } = renderWithTheme(<PanelMessages messages={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows every message with title, text and details, errors first', () => {
    renderWithTheme(
      <PanelMessages
        compact={false}
        messages={[
          {
            kind: 'rise-needs-histogram',
            level: 'info',
            title: 'Rise rule not checked',
            text: 'Needs a date histogram.',
          },
          {
            kind: 'policy-issues',
            level: 'warning',
            title: 'Policy overrides have problems',
            text: 'Defaults stay.',
            details: ['404 · severity: "urgent" is not a severity'],
          },
          { kind: 'query-error', level: 'error', title: 'Query A failed', text: 'index_not_found_exception' },
        ]}
      />
    );
    const messages = screen.getAllByTestId(TEST_IDS.message);
    expect(messages.map((m) => m.getAttribute('data-kind'))).toEqual([
      'query-error',
      'policy-issues',
      'rise-needs-histogram',
    ]);
    expect(messages.map((m) => m.getAttribute('data-level'))).toEqual(['error', 'warning', 'info']);
    expect(messages[0]).toHaveTextContent('Query A failed');
    expect(messages[0]).toHaveTextContent('index_not_found_exception');
    expect(messages[1]).toHaveTextContent('404 · severity: "urgent" is not a severity');
  });

  it('folds information into one line that opens for the full text', () => {
    renderWithTheme(
      <PanelMessages
        messages={[
          {
            kind: 'rise-needs-histogram',
            level: 'info',
            title: 'Rise rule not checked',
            text: 'Needs a date histogram.',
          },
        ]}
      />
    );
    const message = screen.getByTestId(TEST_IDS.message);
    const details = message.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')).toHaveTextContent('Rise rule not checked');
    expect(message).toHaveTextContent('Needs a date histogram.');
  });

  it('shows information in full when asked (nothing else to show)', () => {
    renderWithTheme(
      <PanelMessages
        compact={false}
        messages={[{ kind: 'no-data', level: 'info', title: 'No data', text: 'The queries returned no data.' }]}
      />
    );
    const message = screen.getByTestId(TEST_IDS.message);
    expect(message.querySelector('details')).toBeNull();
    expect(message).toHaveTextContent('The queries returned no data.');
  });

  it('folds every level to one line and keeps at most two lines, the rest behind "+N more messages"', () => {
    renderWithTheme(
      <PanelMessages
        messages={[
          { kind: 'rise-needs-histogram', level: 'info', title: 'Rise rule not checked', text: 'a' },
          { kind: 'policy-issues', level: 'warning', title: 'Policy overrides have problems', text: 'b' },
          { kind: 'query-error', level: 'error', title: 'Query A failed', text: 'c' },
        ]}
      />
    );
    const messages = screen.getAllByTestId(TEST_IDS.message);
    expect(messages).toHaveLength(3);
    expect(messages.every((message) => message.querySelector('details') !== null)).toBe(true);
    const more = screen.getByTestId(TEST_IDS.messagesMore);
    expect(more.querySelector('summary')).toHaveTextContent('+2 more messages');
    // The error stays on the first line; the others are inside the fold.
    expect(more).not.toContainElement(messages[0]);
    expect(messages[0]).toHaveAttribute('data-level', 'error');
    expect(more).toContainElement(messages[2]);
  });

  it('shows message text as text, never as HTML', () => {
    renderWithTheme(
      <PanelMessages
        messages={[{ kind: 'no-code-field', level: 'warning', title: 'x', text: '<img src=x onerror=alert(1)>' }]}
      />
    );
    const message = screen.getByTestId(TEST_IDS.message);
    expect(message.querySelector('img')).toBeNull();
    expect(message).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});
