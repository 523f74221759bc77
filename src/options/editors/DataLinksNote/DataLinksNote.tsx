import React from 'react';
import type { StandardEditorProps } from '@grafana/data';
import { Stack, Text } from '@grafana/ui';

/**
 * Where Grafana's own data links come in, shown at the top of the panel's Links options. It edits nothing: data
 * links live in the field config ("Data links and actions"), which the options pane shows elsewhere.
 */
export function DataLinksNote(_props: StandardEditorProps<undefined>) {
  return (
    <Stack direction="column" gap={1}>
      <Text element="p" variant="bodySmall" color="secondary">
        Besides the links below, the guidance card of each code shows the panel’s data links: set them under{' '}
        <Text italic>Data links and actions</Text> in the field options. <code>{'${__value.raw}'}</code> (or{' '}
        <code>{'${code}'}</code>) is the code, <code>{'${reason}'}</code> its reason phrase, <code>{'${__from}'}</code>{' '}
        and <code>{'${__to}'}</code> the time range; dashboard variables work too.
      </Text>
      <Text element="p" variant="bodySmall" color="secondary">
        For one code only, add an override: <Text italic>Fields with name</Text> 503 when the query is Terms × Date
        Histogram (each code is a series), or on the code field for tables and raw data (every code gets the link).
      </Text>
    </Stack>
  );
}
