import React from 'react';
import type { DataSourceInstanceSettings, StandardEditorProps } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';

/** The "Matching logs" link opens Explore on an Elasticsearch data source: the picker offers only those. */
export const LOGS_DATASOURCE_TYPE = 'elasticsearch';

type Props = StandardEditorProps<string | undefined>;

/**
 * The Elasticsearch data source for the "Matching logs" link, by uid, from Grafana's own data source picker (which
 * also lists data source variables). Cleared, the link uses the data source of the panel's query.
 */
export function LogsDatasourceEditor({ value, onChange, id }: Props) {
  const current = typeof value === 'string' && value.trim() !== '' ? value : null;
  return (
    <DataSourcePicker
      inputId={id}
      type={LOGS_DATASOURCE_TYPE}
      current={current}
      noDefault
      variables
      placeholder="Data source of the panel query"
      onChange={(settings: DataSourceInstanceSettings) =>
        onChange(typeof settings?.uid === 'string' ? settings.uid : '')
      }
      onClear={() => onChange('')}
    />
  );
}
