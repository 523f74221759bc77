import { Finding, FiredRule, formatCalls, formatSharePercent, PolicyIssue, RuleConfig } from '../core';

/** "500 · 2 calls · investigate every one", "503 · 8.2 % · above 5 %", "487 · 3.1× as frequent as earlier in the range". */
export function summarizeFinding(finding: Finding): string {
  const has = (id: FiredRule['rule']) => finding.rules.some((rule) => rule.rule === id);
  const parts: string[] = [String(finding.code)];
  if (has('share')) {
    parts.push(formatSharePercent(finding.share));
  } else if (has('any-incident') || has('count')) {
    parts.push(formatCalls(finding.count));
  }
  for (const rule of finding.rules) {
    parts.push(rule.text);
  }
  return parts.join(' · ');
}

/** A policy issue in words. The core's messages usually name the code and field already ("404.severity must be …"). */
export function policyIssueText(issue: PolicyIssue): string {
  const message = issue.message ?? '';
  const where = [issue.code, issue.field].filter((part) => part && part !== '*').join('.');
  return where === '' || message.includes(where) || message.startsWith(`${issue.code}`)
    ? message
    : `${where}: ${message}`;
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
