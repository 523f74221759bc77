import { Finding, FiredRule, formatCalls, formatSharePercent, PolicyIssue } from '../core';

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
