/** Reading generated alerting files in tests, and deciding a rule on given numbers as Grafana would. */
import { load } from 'js-yaml';

import type { AlertingFile, ProvisionedRule } from '../../../../tools/alert-rules/grafanaTypes';
import { evaluateMath } from './mathexp';

export function parseAlertingFile(text: string): AlertingFile {
  return load(text) as AlertingFile;
}

export function rulesOf(file: AlertingFile): ProvisionedRule[] {
  return file.groups.flatMap((group) => group.rules);
}

export function ruleByUid(file: AlertingFile, uid: string): ProvisionedRule {
  const found = rulesOf(file).find((rule) => rule.uid === uid);
  if (!found) {
    throw new Error(`no rule ${uid}`);
  }
  return found;
}

/**
 * The condition's value (1 fires, 0 not) when each Elasticsearch query of the rule sums to the given calls:
 * reduce (sum), math and threshold expressions in the rule's order, as Grafana evaluates them for one series.
 */
export function decide(rule: ProvisionedRule, sums: Record<string, number>): number {
  const values: Record<string, number> = {};
  for (const query of rule.data) {
    const model = query.model as Record<string, unknown>;
    if (query.datasourceUid !== '__expr__') {
      if (!(query.refId in sums)) {
        throw new Error(`no number for query ${query.refId}`);
      }
      values[query.refId] = sums[query.refId];
      continue;
    }
    switch (model.type) {
      case 'reduce':
        values[query.refId] = values[model.expression as string];
        break;
      case 'math':
        values[query.refId] = evaluateMath(model.expression as string, values);
        break;
      case 'threshold': {
        const [condition] = model.conditions as Array<{ evaluator: { type: string; params: number[] } }>;
        const input = values[model.expression as string];
        const limit = condition.evaluator.params[0];
        values[query.refId] = Number(condition.evaluator.type === 'gt' ? input > limit : input < limit);
        break;
      }
      default:
        throw new Error(`unknown expression type ${String(model.type)}`);
    }
  }
  return values[rule.condition];
}
