import React from 'react';
import { render } from '@testing-library/react';
import type { DataSourceInstanceSettings } from '@grafana/data';
import type { DataSourcePickerProps } from '@grafana/runtime';
import { LOGS_DATASOURCE_TYPE, LogsDatasourceEditor } from './LogsDatasourceEditor';

// Grafana's picker needs a running Grafana (its data source service); the test looks at what the editor asks of it.
const picked: { props?: DataSourcePickerProps } = {};
jest.mock('@grafana/runtime', () => ({
  DataSourcePicker: (props: DataSourcePickerProps) => {
    picked.props = props;
    return null;
  },
}));

function renderEditor(value: string | undefined) {
  const onChange = jest.fn();
  render(
    <LogsDatasourceEditor value={value} onChange={onChange} context={{ data: [] }} item={{} as never} id="logs" />
  );
  return { onChange, props: picked.props! };
}

describe('LogsDatasourceEditor', () => {
  it('offers Elasticsearch data sources (and variables), with no default preselected', () => {
    const { props } = renderEditor('');
    expect(LOGS_DATASOURCE_TYPE).toBe('elasticsearch');
    expect(props).toMatchObject({
      type: 'elasticsearch',
      noDefault: true,
      variables: true,
      current: null,
      inputId: 'logs',
    });
  });

  it('shows the saved uid', () => {
    expect(renderEditor('es-calls').props.current).toBe('es-calls');
    expect(renderEditor('   ').props.current).toBeNull();
    expect(renderEditor(undefined).props.current).toBeNull();
  });

  it('saves the uid of the data source picked, and empty when cleared', () => {
    const { props, onChange } = renderEditor('');
    props.onChange({ uid: 'es-logs', name: 'Logs', type: 'elasticsearch' } as DataSourceInstanceSettings);
    expect(onChange).toHaveBeenLastCalledWith('es-logs');
    props.onClear!();
    expect(onChange).toHaveBeenLastCalledWith('');
    props.onChange({} as DataSourceInstanceSettings);
    expect(onChange).toHaveBeenLastCalledWith('');
  });
});
