import React from 'react';
import { Alert, useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import type { PanelMessage } from '../../view';
import { getPanelMessagesStyles } from './PanelMessages.styles';

export interface PanelMessagesProps {
  messages: readonly PanelMessage[];
  /**
   * The panel has codes to draw: every message folds to one line (its title; opened for the text) and at most
   * MAX_COMPACT lines show, the rest behind "+N more messages", so messages never push the distribution out.
   * Otherwise messages show in full: they are what the panel has to say.
   */
  compact?: boolean;
}

export const MAX_COMPACT = 2;

const ALERT_SEVERITY = { info: 'info', warning: 'warning', error: 'error' } as const;

/** One message per problem, instead of a blank or broken panel. Errors first, then warnings, then information. */
export function PanelMessages({ messages, compact = true }: PanelMessagesProps) {
  const styles = useStyles2(getPanelMessagesStyles);
  if (messages.length === 0) {
    return null;
  }
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...messages].sort((a, b) => order[a.level] - order[b.level]);
  const item = (message: PanelMessage, index: number) => (
    <div
      key={`${message.kind}-${index}`}
      data-testid={TEST_IDS.message}
      data-kind={message.kind}
      data-level={message.level}
    >
      {compact ? <FoldedMessage message={message} /> : <MessageAlert message={message} />}
    </div>
  );
  if (!compact || sorted.length <= MAX_COMPACT) {
    return <div className={styles.messages}>{sorted.map(item)}</div>;
  }
  const rest = sorted.slice(MAX_COMPACT - 1);
  return (
    <div className={styles.messages}>
      {sorted.slice(0, MAX_COMPACT - 1).map(item)}
      <details className={styles.folded} data-testid={TEST_IDS.messagesMore}>
        <summary className={styles.summary}>+{rest.length} more messages</summary>
        {rest.map((message, index) => item(message, index + MAX_COMPACT))}
      </details>
    </div>
  );
}

const LEVEL_MARK = { info: 'i', warning: '!', error: '×' } as const;

/** One line (mark and title), opened for the full text: it must not push the chart out of a small panel. */
function FoldedMessage({ message }: { message: PanelMessage }) {
  const styles = useStyles2(getPanelMessagesStyles);
  return (
    <details className={styles.folded}>
      <summary className={styles.summary}>
        <span className={`${styles.mark} ${styles[message.level]}`} aria-label={message.level}>
          {LEVEL_MARK[message.level] ?? 'i'}
        </span>
        <span className={styles.title}>{message.title}</span>
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
