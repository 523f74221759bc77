import React from 'react';
import { Alert, useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import type { PanelMessage } from '../../panelModel';
import { getPanelMessagesStyles } from './PanelMessages.styles';

export interface PanelMessagesProps {
  messages: readonly PanelMessage[];
}

const ALERT_SEVERITY = { info: 'info', warning: 'warning', error: 'error' } as const;

/** One message per problem, instead of a blank or broken panel. Errors first, then warnings, then information. */
export function PanelMessages({ messages }: PanelMessagesProps) {
  const styles = useStyles2(getPanelMessagesStyles);
  if (messages.length === 0) {
    return null;
  }
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...messages].sort((a, b) => order[a.level] - order[b.level]);
  return (
    <div className={styles.messages}>
      {sorted.map((message, index) => (
        <div key={`${message.kind}-${index}`} data-testid={TEST_IDS.message} data-kind={message.kind} data-level={message.level}>
          <MessageAlert message={message} />
        </div>
      ))}
    </div>
  );
}

export function MessageAlert({ message }: { message: PanelMessage }) {
  const styles = useStyles2(getPanelMessagesStyles);
  return (
    <Alert title={message.title} severity={ALERT_SEVERITY[message.level] ?? 'info'} bottomSpacing={0} topSpacing={0}>
      <p className={styles.text}>{message.text}</p>
      {message.details && message.details.length > 0 && (
        <ul className={styles.details}>
          {message.details.map((detail, index) => (
            <li key={index}>{detail}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
