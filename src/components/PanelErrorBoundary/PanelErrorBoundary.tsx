import React, { Component, ErrorInfo, ReactNode } from 'react';
import { Button } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import { MessageAlert } from '../PanelMessages';

export interface PanelErrorBoundaryProps {
  children: ReactNode;
  /** When this value changes (new data or options), a failed panel tries again. */
  resetKey?: unknown;
}

interface PanelErrorBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

/** Keeps the panel alive whatever happens while rendering: shows the error as a message, never a blank panel. */
export class PanelErrorBoundary extends Component<PanelErrorBoundaryProps, PanelErrorBoundaryState> {
  state: PanelErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<PanelErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: PanelErrorBoundaryProps,
    state: PanelErrorBoundaryState
  ): Partial<PanelErrorBoundaryState> | null {
    if (props.resetKey !== state.resetKey) {
      return { error: null, resetKey: props.resetKey };
    }
    return null;
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Visible in the browser console for whoever debugs the dashboard.
    console.error('SIP Response Codes panel failed to render', error, info.componentStack);
  }

  private retry = () => this.setState({ error: null });

  render() {
    const { error } = this.state;
    if (!error) {
      return this.props.children;
    }
    return (
      <div data-testid={TEST_IDS.message} data-kind="internal" data-level="error" style={{ padding: 8 }}>
        <MessageAlert
          message={{
            kind: 'internal',
            level: 'error',
            title: 'The panel hit an error and could not draw',
            text: error.message || String(error),
            details: ['Check the query and the panel options; the data and options were not changed.'],
          }}
        />
        <Button size="sm" variant="secondary" onClick={this.retry} style={{ marginTop: 8 }}>
          Try again
        </Button>
      </div>
    );
  }
}
