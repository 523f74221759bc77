import React, { useEffect, useId, useMemo, useRef } from 'react';
import { renderMarkdown, textUtil } from '@grafana/data';
import { ClipboardButton, useStyles2 } from '@grafana/ui';
import { formatCalls, formatSharePercent, formatUtcTime } from '../../core';
import { SEVERITY_LABEL } from '../../constants/severity';
import { TEST_IDS } from '../../constants/testIds';
import { contributorKey, type FollowUpLinks, type GuidanceLink, type GuidanceLinks } from '../../links';
import { describeFiredRule, describeRules, type CodeFollowUp, type CodeView } from '../../view';
import { xReasonLine, xReasonsSeen } from '../../view/cardContent';
import { SeverityMark } from '../SeverityMark';
import { getGuidanceCardStyles } from './GuidanceCard.styles';

export interface GuidanceCardProps {
  entry: CodeView;
  links: GuidanceLinks;
  onClose: () => void;
  /** Contributors and recent calls of the code (from the panel's calls and breakdown queries). */
  followUp?: CodeFollowUp;
  followUpLinks?: FollowUpLinks;
  /** "12 calls in the last 15 min · last seen 2 min ago". */
  recency?: string;
  /** The escalation summary, built on demand when the engineer copies it. */
  escalationText?: () => string;
  /** Links that leave the dashboard open in a new tab. */
  newTab?: boolean;
  /** The end of the range, epoch ms, for call times ("14:58" on the same day). */
  now?: number;
  /** Hints that need an editor (set an option, add a query) are shown. */
  canEdit?: boolean;
}

/** Guidance markdown as safe HTML: rendered, then sanitised (scripts, event handlers and javascript: URLs removed). */
export function renderGuidanceNotes(markdown: string): string {
  try {
    return textUtil.sanitize(renderMarkdown(markdown));
  } catch {
    return textUtil.escapeHtml(markdown);
  }
}

/**
 * Everything the NOC needs about one code, action first: a sticky header (code, numbers, since when, Close) with the
 * actions (logs, traces, copy escalation summary); then why it fired, who is behind it, which calls; then the
 * catalog's meaning, causes, checks, hand-off and notes.
 */
export function GuidanceCard({
  entry,
  links,
  onClose,
  followUp,
  followUpLinks,
  recency,
  escalationText,
  newTab = true,
  now,
  canEdit = true,
}: GuidanceCardProps) {
  const styles = useStyles2(getGuidanceCardStyles);
  const titleId = `sip-guidance-title-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const cardRef = useRef<HTMLDivElement>(null);
  const { policy, finding } = entry;
  const guidance = policy.guidance;
  const notesHtml = useMemo(() => (guidance.notes ? renderGuidanceNotes(guidance.notes) : ''), [guidance.notes]);
  const actionLinks = links.links.filter((link) => link.kind !== 'data');
  const dataLinks = links.links.filter((link) => link.kind === 'data');
  const target = (link: GuidanceLink) => (link.kind === 'data' ? link.newTab : newTab || link.newTab);

  useEffect(() => {
    cardRef.current?.focus();
  }, [entry.code]);

  return (
    <div
      ref={cardRef}
      className={styles.card}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid={TEST_IDS.guidance}
      data-code={entry.code}
      data-severity={entry.severity}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className={styles.sticky}>
        <div className={styles.header}>
          <h2 id={titleId} className={styles.title}>
            <SeverityMark severity={entry.severity} color={entry.color} size={14} />
            <span>
              {entry.code} {entry.reasonPhrase}
            </span>
          </h2>
          <button
            type="button"
            className={styles.close}
            onClick={onClose}
            data-testid={TEST_IDS.guidanceClose}
            aria-label="Close guidance"
          >
            Close
          </button>
        </div>
        <p className={styles.numbers}>
          {entry.callsText}
          {entry.provisional
            ? ' (provisional response, not a call outcome)'
            : ` · ${entry.shareText} of final responses`}{' '}
          · {SEVERITY_LABEL[entry.severity]}
          {recency && (
            <span
              className={finding?.ongoing === false ? styles.earlier : styles.ongoing}
              data-testid={TEST_IDS.guidanceRecency}
            >
              {' · '}
              {recency}
            </span>
          )}
        </p>
        <div className={styles.actions}>
          {actionLinks.map((link, index) => (
            <a
              key={`${link.kind}-${index}`}
              className={styles.action}
              href={link.href}
              target={target(link) ? '_blank' : undefined}
              rel="noopener noreferrer"
              data-testid={link.kind === 'logs' ? TEST_IDS.logsLink : TEST_IDS.tracesLink}
            >
              {link.kind === 'logs' ? 'Logs for this code' : link.title}
            </a>
          ))}
          {escalationText && (
            <ClipboardButton
              size="sm"
              variant="secondary"
              icon="copy"
              getText={escalationText}
              data-testid={TEST_IDS.copyEscalation}
            >
              Copy escalation summary
            </ClipboardButton>
          )}
        </div>
      </div>

      <section className={styles.section} aria-label="Why">
        <h3 className={styles.sectionTitle}>{finding ? 'Why it needs follow-up' : 'Follow-up rule'}</h3>
        {finding ? (
          <div className={styles.fired}>
            <p className={styles.paragraph}>{finding.explanation}</p>
            <ul className={styles.list}>
              {finding.rules.map((rule) => (
                <li key={rule.rule}>{describeFiredRule(rule)}</li>
              ))}
            </ul>
            {followUp?.dominant && (
              <p className={styles.paragraph}>
                <strong>{followUp.dominant.text}.</strong>
              </p>
            )}
            {finding.rise && (
              <p className={styles.hint}>
                Recent: {formatCalls(finding.rise.recentCount)} of {formatCalls(finding.rise.recentTotal)}; earlier:{' '}
                {formatCalls(finding.rise.earlierCount)} of {formatCalls(finding.rise.earlierTotal)}; z ={' '}
                {Number.isFinite(finding.rise.z) ? finding.rise.z.toFixed(1) : String(finding.rise.z)}.
              </p>
            )}
          </div>
        ) : (
          <p className={`${styles.paragraph} ${styles.calm}`}>No follow-up rule fired in this time range.</p>
        )}
        <p className={styles.hint}>
          Rule: {policy.followUp}. {describeRules(policy.rules).join('; ')}.
        </p>
        <p className={styles.hint}>Why this rule: {policy.rationale}</p>
        {followUpLinks && followUpLinks.alertRules.length > 0 && (
          <div className={styles.links}>
            {followUpLinks.alertRules.map((link) => (
              <a
                key={link.href}
                className={styles.link}
                href={link.href}
                target={link.newTab ? '_blank' : undefined}
                rel="noopener noreferrer"
                data-testid={TEST_IDS.alertRuleLink}
              >
                {link.title}
              </a>
            ))}
          </div>
        )}
      </section>

      {followUp && <Contributors followUp={followUp} links={followUpLinks} newTab={newTab} canEdit={canEdit} />}
      {followUp && <RecentCalls followUp={followUp} links={followUpLinks} newTab={newTab} now={now} />}

      <section className={styles.section} aria-label="Meaning">
        <h3 className={styles.sectionTitle}>Meaning</h3>
        <p className={styles.paragraph}>{guidance.meaning}</p>
        <p className={styles.paragraph}>
          <strong>Action: </strong>
          {guidance.action}
        </p>
      </section>

      <ListSection title="Likely causes" items={guidance.causes} />
      <ListSection title="What to check" items={guidance.checks} />
      <ListSection title="What to hand to engineering" items={guidance.handOff ?? []} />

      {notesHtml && (
        <section className={styles.section} aria-label="Notes">
          <h3 className={styles.sectionTitle}>Notes</h3>
          <div
            className={styles.notes}
            data-testid={TEST_IDS.guidanceNotes}
            dangerouslySetInnerHTML={{ __html: notesHtml }}
          />
        </section>
      )}

      {(dataLinks.length > 0 || (canEdit && links.hints.length > 0)) && (
        <section className={styles.section} aria-label="More links">
          <h3 className={styles.sectionTitle}>More links</h3>
          <div className={styles.links}>
            {dataLinks.map((link, index) => (
              <a
                key={`data-${index}`}
                className={styles.link}
                href={link.href}
                target={link.newTab ? '_blank' : undefined}
                rel="noopener noreferrer"
                data-testid={TEST_IDS.dataLink(index)}
              >
                {link.title}
              </a>
            ))}
          </div>
          {canEdit &&
            links.hints.map((hint) => (
              <p key={hint} className={styles.hint}>
                {hint}
              </p>
            ))}
        </section>
      )}
    </div>
  );
}

function ListSection({ title, items }: { title: string; items: readonly string[] }) {
  const styles = useStyles2(getGuidanceCardStyles);
  if (items.length === 0) {
    return null;
  }
  return (
    <section className={styles.section} aria-label={title}>
      <h3 className={styles.sectionTitle}>{title}</h3>
      <ul className={styles.list}>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

interface FollowUpSectionProps {
  followUp: CodeFollowUp;
  links?: FollowUpLinks;
  newTab: boolean;
  canEdit?: boolean;
}

/** Per follow-up field, the top values of the code's calls, each with its logs (code and value). */
function Contributors({ followUp, links, newTab, canEdit = true }: FollowUpSectionProps) {
  const styles = useStyles2(getGuidanceCardStyles);
  const { contributors } = followUp;
  return (
    <section className={styles.section} aria-label="Top contributors" data-testid={TEST_IDS.contributors}>
      <h3 className={styles.sectionTitle}>Top contributors</h3>
      {followUp.noFollowUpQueries && (
        <p className={styles.hint}>
          {canEdit
            ? 'Add a breakdown query (Terms on the code, then a field such as account or source IP) or a raw data query of failed calls to see who is behind this code.'
            : 'This panel has no breakdown or calls query, so it cannot say who is behind this code.'}
        </p>
      )}
      {contributors.fields.map((field) => (
        <div key={field.wanted} className={styles.contributorField}>
          <p className={styles.fieldTitle}>
            {field.label}{' '}
            <span className={styles.hint}>
              ({field.field}, {field.basis})
            </span>
          </p>
          <table className={styles.table}>
            <tbody>
              {field.values.map((value) => {
                const href = links?.contributorLogs[contributorKey(field.field, value.value)];
                return (
                  <tr key={value.value} data-testid={TEST_IDS.contributor} data-field={field.field}>
                    <td className={styles.value}>{value.value}</td>
                    <td className={styles.numberCell}>{formatCalls(value.count)}</td>
                    <td className={styles.numberCell}>{formatSharePercent(value.share)}</td>
                    <td>
                      {href && (
                        <a
                          className={styles.link}
                          href={href}
                          target={newTab ? '_blank' : undefined}
                          rel="noopener noreferrer"
                        >
                          Logs
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {field.rowLimitHit && (
            <p className={styles.hint}>The call rows reached the query’s size limit: older calls are not counted.</p>
          )}
        </div>
      ))}
      {!followUp.noFollowUpQueries &&
        contributors.problems.map((problem) => (
          <p key={`${problem.field}-${problem.message}`} className={styles.hint}>
            {problem.message}
          </p>
        ))}
    </section>
  );
}

/** The code's most recent calls, each with its SIP ladder and its gateway logs; then the X-Reasons they carry. */
function RecentCalls({ followUp, links, newTab, now }: FollowUpSectionProps & { now?: number }) {
  const styles = useStyles2(getGuidanceCardStyles);
  const { recent } = followUp;
  const reasons = xReasonsSeen(recent.calls);
  if (followUp.noFollowUpQueries) {
    return null;
  }
  return (
    <section className={styles.section} aria-label="Recent calls" data-testid={TEST_IDS.recentCalls}>
      <h3 className={styles.sectionTitle}>
        Recent calls{recent.matching > recent.calls.length ? ` (${recent.calls.length} of ${recent.matching})` : ''}
      </h3>
      {recent.calls.length > 0 && (
        <table className={styles.table}>
          <tbody>
            {recent.calls.map((call, index) => {
              const callLinks = links?.calls[index];
              return (
                <tr key={`${call.callId ?? 'no-id'}-${index}`} data-testid={TEST_IDS.recentCall}>
                  <td className={styles.numberCell}>{call.time !== undefined ? formatUtcTime(call.time, now) : '—'}</td>
                  <td className={styles.callId} title={call.callId}>
                    {call.callId ?? 'no Call-ID'}
                  </td>
                  <td>
                    {[call.from, call.to].filter(Boolean).join(' → ')}
                    {call.trunkOrAccount && <span className={styles.hint}> · {call.trunkOrAccount}</span>}
                    {call.xReason && <span className={styles.hint}> · {call.xReason}</span>}
                  </td>
                  <td className={styles.callLinks}>
                    {callLinks?.ladder && (
                      <a className={styles.link} href={callLinks.ladder} target="_blank" rel="noopener noreferrer">
                        Ladder
                      </a>
                    )}
                    {callLinks?.logs && (
                      <a
                        className={styles.link}
                        href={callLinks.logs}
                        target={newTab ? '_blank' : undefined}
                        rel="noopener noreferrer"
                      >
                        Logs
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {recent.problems.map((problem) => (
        <p key={problem} className={styles.hint}>
          {problem}
        </p>
      ))}
      {followUp.q850.length > 0 && (
        <>
          <p className={styles.fieldTitle}>Q.850 causes of these calls</p>
          <ul className={styles.list} data-testid={TEST_IDS.q850Causes}>
            {followUp.q850.map((seen) => (
              <li key={`${seen.field}-${seen.value}`}>
                {seen.value} ({formatCalls(seen.calls)}, {seen.field}): {seen.meaning}
              </li>
            ))}
          </ul>
        </>
      )}
      {reasons.length > 0 && (
        <>
          <p className={styles.fieldTitle}>X-Reasons of these calls</p>
          <ul className={styles.list}>
            {reasons.map((seen) => (
              <li key={seen.text}>{xReasonLine(seen)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
