import React from 'react';
import { Alert, useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import type { PanelMessage } from '../../view';
import { getPanelMessagesStyles } from './PanelMessages.styles';

export interface PanelMessagesProps {
  messages: readonly PanelMessage[];
  /** Fold information into one line (when the panel has a chart to show); otherwise show it in full. */
  foldInfo?: boolean;
}

const ALERT_SEVERITY = { info: 'info', warning: 'warning', error: 'error' } as const;

/** One message per problem, instead of a blank or broken panel. Errors first, then warnings, then information. */
export function PanelMessages({ messages, foldInfo = true }: PanelMessagesProps) {
  const styles = useStyles2(getPanelMessagesStyles);
  if (messages.length === 0) {
    return null;
  }
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...messages].sort((a, b) => order[a.level] - order[b.level]);
  return (
    <div className={styles.messages}>
      {sorted.map((message, index) => (
        <div
          key={`${message.kind}-${index}`}
          data-testid={TEST_IDS.message}
          data-kind={message.kind}
          data-level={message.level}
        >
          {message.level === 'info' && foldInfo ? <InfoNote message={message} /> : <MessageAlert message={message} />}
        </div>
      ))}
    </div>
  );
}

/** Information takes one line (title), opened for the full text: it must not push the chart out of a small panel. */
function InfoNote({ message }: { message: PanelMessage }) {
  const styles = useStyles2(getPanelMessagesStyles);
  return (
    <details className={styles.info}>
      <summary className={styles.summary}>
        <span className={styles.infoMark} aria-hidden="true">
          i
        </span>
        {message.title}
      </summary>
      <MessageBody message={message} />
    </details>
  );
}

export function MessageAlert({ message }: { message: PanelMessage }) {
  return (
    <Alert title={message.title} severity={ALERT_SEVERITY[message.level] ?? 'info'} bottomSpacing={0} topSpacing={0}>
      <MessageBody message={message} />
    </Alert>
  );
}

/** The text of a message and its detail lines, the same folded or in full. */
function MessageBody({ message }: { message: PanelMessage }) {
  const styles = useStyles2(getPanelMessagesStyles);
  return (
    <>
      <p className={styles.text}>{message.text}</p>
      {message.details && message.details.length > 0 && (
        <ul className={styles.details}>
          {message.details.map((detail, index) => (
            <li key={index}>{detail}</li>
          ))}
        </ul>
      )}
    </>
  );
}
