import React, { useEffect, useId, useMemo, useRef } from 'react';
import { renderMarkdown, textUtil } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { formatCalls, formatSharePercent, type FiredRule, type RuleConfig } from '../../core';
import { SEVERITY_LABEL } from '../../constants/severity';
import { TEST_IDS } from '../../constants/testIds';
import type { GuidanceLinks } from '../../links';
import type { CodeView } from '../../view';
import { SeverityMark } from '../SeverityMark';
import { getGuidanceCardStyles } from './GuidanceCard.styles';

export interface GuidanceCardProps {
  entry: CodeView;
  links: GuidanceLinks;
  onClose: () => void;
}

const RULE_NAMES: Record<FiredRule['rule'], string> = {
  'any-incident': 'Any incident',
  share: 'Share',
  count: 'Count',
  rise: 'Rise',
};

/** The configured follow-up rules of a code, in words. */
export function describeRules(rules: RuleConfig): string[] {
  const lines: string[] = [];
  if (rules.anyIncident) {
    lines.push('Any incident: investigate at the first call');
  }
  if (typeof rules.shareAtLeast === 'number') {
    const minimum =
      typeof rules.shareMinCount === 'number' && rules.shareMinCount > 0
        ? ` (with at least ${formatCalls(rules.shareMinCount)})`
        : '';
    lines.push(`Share of all final responses at least ${rules.shareAtLeast} %${minimum}`);
  }
  if (typeof rules.countAtLeast === 'number') {
    lines.push(`At least ${formatCalls(rules.countAtLeast)}`);
  }
  if (rules.rise) {
    lines.push(
      `Share rises ×${rules.rise.factor} or more vs earlier in the range (at least ${formatCalls(rules.rise.minCount)} recently, z ≥ ${rules.rise.minZ})`
    );
  }
  return lines.length > 0 ? lines : ['No follow-up rule: this code is normal'];
}

/** One fired rule with the measured number: "Share: 8.2 % — above 5 %". */
export function describeFiredRule(rule: FiredRule): string {
  switch (rule.rule) {
    case 'share':
      return `${RULE_NAMES.share}: ${formatSharePercent(rule.value)} — ${rule.text}`;
    case 'rise':
      return `${RULE_NAMES.rise}: ${rule.text}`;
    default:
      return `${RULE_NAMES[rule.rule] ?? rule.rule}: ${formatCalls(rule.value)} — ${rule.text}`;
  }
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
 * Everything the NOC needs about one code: meaning, why it needs follow-up (the rules that fired, with numbers),
 * likely causes, what to check, notes, and links to matching logs, SIP traces and the panel's data links.
 */
export function GuidanceCard({ entry, links, onClose }: GuidanceCardProps) {
  const styles = useStyles2(getGuidanceCardStyles);
  const titleId = `sip-guidance-title-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const cardRef = useRef<HTMLDivElement>(null);
  const { policy, finding } = entry;
  const guidance = policy.guidance;
  const dataLinkIndex = (position: number) =>
    links.links.slice(0, position).filter((link) => link.kind === 'data').length;
  const notesHtml = useMemo(() => (guidance.notes ? renderGuidanceNotes(guidance.notes) : ''), [guidance.notes]);

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
      </p>

      <p className={styles.paragraph}>{guidance.meaning}</p>
      <p className={styles.paragraph}>
        <strong>Action: </strong>
        {guidance.action}
      </p>

      <section className={styles.section} aria-label="Follow-up">
        <h3 className={styles.sectionTitle}>Follow-up</h3>
        {finding ? (
          <div className={styles.fired}>
            <p className={styles.paragraph}>
              <strong>Needs follow-up now.</strong> {finding.explanation}
            </p>
            <ul className={styles.list}>
              {finding.rules.map((rule) => (
                <li key={rule.rule}>{describeFiredRule(rule)}</li>
              ))}
            </ul>
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
        <p className={styles.hint}>Why: {policy.rationale}</p>
      </section>

      {guidance.causes.length > 0 && (
        <section className={styles.section} aria-label="Likely causes">
          <h3 className={styles.sectionTitle}>Likely causes</h3>
          <ul className={styles.list}>
            {guidance.causes.map((cause, index) => (
              <li key={index}>{cause}</li>
            ))}
          </ul>
        </section>
      )}

      {guidance.checks.length > 0 && (
        <section className={styles.section} aria-label="What to check">
          <h3 className={styles.sectionTitle}>What to check</h3>
          <ul className={styles.list}>
            {guidance.checks.map((check, index) => (
              <li key={index}>{check}</li>
            ))}
          </ul>
        </section>
      )}

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

      <section className={styles.section} aria-label="Links">
        <h3 className={styles.sectionTitle}>Links</h3>
        <div className={styles.links}>
          {links.links.map((link, index) => (
            <a
              key={`${link.kind}-${index}`}
              className={styles.link}
              href={link.href}
              target={link.newTab ? '_blank' : undefined}
              rel="noopener noreferrer"
              data-testid={
                link.kind === 'logs'
                  ? TEST_IDS.logsLink
                  : link.kind === 'traces'
                    ? TEST_IDS.tracesLink
                    : TEST_IDS.dataLink(dataLinkIndex(index))
              }
            >
              {link.title}
            </a>
          ))}
        </div>
        {links.hints.map((hint) => (
          <p key={hint} className={styles.hint}>
            {hint}
          </p>
        ))}
      </section>
    </div>
  );
}
