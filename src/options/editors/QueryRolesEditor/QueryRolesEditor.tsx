import React from 'react';
import type { StandardEditorProps } from '@grafana/data';
import { RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { QUERY_ROLE_CHOICES } from '../../options';
import type { QueryRoleChoice } from '../../types';

type Props = StandardEditorProps<Record<string, QueryRoleChoice> | undefined>;

const LABELS: Record<QueryRoleChoice, { label: string; description: string }> = {
  auto: { label: 'Auto', description: 'Recognised from the query and its frames' },
  distribution: { label: 'Distribution', description: 'Terms on the code field (or raw rows when alone)' },
  calls: { label: 'Calls', description: 'Raw rows of recent failed calls' },
  breakdown: { label: 'Breakdown', description: 'Terms code → another field' },
  ignore: { label: 'Ignore', description: 'Not used by the panel' },
};

const CHOICES = QUERY_ROLE_CHOICES.map((value) => ({ value, ...LABELS[value] }));

/** The refIds of the panel's queries: from the request when there is one, else from the frames. */
export function refIdsOf(context: Props['context']): string[] {
  const fromTargets = (context.data ?? []).map((frame) => frame.refId).filter((refId): refId is string => !!refId);
  return Array.from(new Set(fromTargets)).sort();
}

/** One role per query (by refId); "auto" removes the override. */
export function QueryRolesEditor({ value, onChange, context }: Props) {
  const roles = value ?? {};
  const refIds = Array.from(new Set([...refIdsOf(context), ...Object.keys(roles)])).sort();
  if (refIds.length === 0) {
    return <Text color="secondary">Run the panel’s queries to choose what each one serves.</Text>;
  }
  return (
    <Stack direction="column" gap={1}>
      {refIds.map((refId) => (
        <Stack key={refId} alignItems="center" gap={1}>
          <Text>{refId}</Text>
          <RadioButtonGroup
            size="sm"
            aria-label={`Role of query ${refId}`}
            options={CHOICES}
            value={roles[refId] ?? 'auto'}
            onChange={(choice) => {
              const next = { ...roles };
              if (choice === 'auto') {
                delete next[refId];
              } else {
                next[refId] = choice;
              }
              onChange(next);
            }}
          />
        </Stack>
      ))}
    </Stack>
  );
}
