/**
 * Test helpers shared by the component tests: realistic Elasticsearch-shaped frames and full PanelProps,
 * rendered inside a Grafana theme exactly as the browser harness does.
 */
import React from 'react';
import { render, RenderResult } from '@testing-library/react';
import {
  createTheme,
  DataFrame,
  DataQueryError,
  dateTime,
  EventBusSrv,
  FieldConfigSource,
  FieldType,
  InterpolateFunction,
  LoadingState,
  PanelProps,
  TimeRange,
  toDataFrame,
} from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { DEFAULT_OPTIONS, type SipCodesOptions } from '../options';

export const RANGE_FROM_MS = 1741593600000; // 2025-03-10T08:00:00Z
export const RANGE_TO_MS = RANGE_FROM_MS + 6 * 3_600_000;

export const TEST_TIME_RANGE: TimeRange = {
  from: dateTime(RANGE_FROM_MS),
  to: dateTime(RANGE_TO_MS),
  raw: { from: 'now-6h', to: 'now' },
};

/** A Terms(sip.status_code) + Count table, as Grafana's Elasticsearch data source returns it. */
export function termsFrame(counts: Record<number, number>, codeField = 'sip.status_code'): DataFrame {
  const codes = Object.keys(counts).map(Number);
  return toDataFrame({
    refId: 'A',
    fields: [
      { name: codeField, type: FieldType.number, values: codes, config: { filterable: true } },
      { name: 'Count', type: FieldType.number, values: codes.map((code) => counts[code]) },
    ],
  });
}

/** Terms × Date Histogram: one frame per code, named after the code (Grafana 10.4.1+). */
export function seriesFrames(perCode: Record<number, number[]>, stepMs = 15 * 60_000): DataFrame[] {
  return Object.entries(perCode).map(([code, values]) =>
    toDataFrame({
      refId: 'A',
      name: code,
      meta: { type: 'timeseries-multi', typeVersion: [0, 0] },
      fields: [
        { name: 'Time', type: FieldType.time, values: values.map((_, i) => RANGE_FROM_MS + i * stepMs) },
        { name: 'Value', type: FieldType.number, values },
      ],
    })
  );
}

/** The runbook's typical day: mostly 200, some tracked failures, two immediate ones. */
export const TYPICAL_COUNTS: Record<number, number> = { 200: 1520, 404: 37, 487: 88, 480: 12, 500: 2, 503: 6 };

export const ES_TARGET = {
  refId: 'A',
  datasource: { uid: 'sip-es', type: 'elasticsearch' },
  query: '',
  metrics: [{ id: '1', type: 'count' }],
  bucketAggs: [{ id: '2', type: 'terms', field: 'sip.status_code' }],
};

export interface PanelPropsInput {
  series?: DataFrame[];
  options?: Partial<SipCodesOptions> | Record<string, unknown>;
  targets?: Array<Record<string, unknown>>;
  fieldConfig?: FieldConfigSource;
  replaceVariables?: InterpolateFunction;
  width?: number;
  height?: number;
  state?: LoadingState;
  errors?: DataQueryError[];
  timeRange?: TimeRange;
}

export function panelProps(input: PanelPropsInput = {}): PanelProps<SipCodesOptions> {
  const timeRange = input.timeRange ?? TEST_TIME_RANGE;
  return {
    id: 1,
    data: {
      state: input.state ?? LoadingState.Done,
      series: input.series ?? [termsFrame(TYPICAL_COUNTS)],
      timeRange,
      errors: input.errors,
      request: { targets: input.targets ?? [ES_TARGET], range: timeRange } as unknown as PanelProps['data']['request'],
    },
    timeRange,
    timeZone: 'utc',
    options: { ...DEFAULT_OPTIONS, ...(input.options as Partial<SipCodesOptions>) },
    fieldConfig: input.fieldConfig ?? { defaults: {}, overrides: [] },
    transparent: false,
    width: input.width ?? 1000,
    height: input.height ?? 600,
    title: 'SIP Response Codes',
    eventBus: new EventBusSrv(),
    renderCounter: 0,
    replaceVariables: input.replaceVariables ?? ((text) => text),
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    onChangeTimeRange: jest.fn(),
  };
}

export const darkTheme = createTheme({ colors: { mode: 'dark' } });
export const lightTheme = createTheme({ colors: { mode: 'light' } });

export function renderWithTheme(ui: React.ReactElement, theme = darkTheme): RenderResult {
  const result = render(<ThemeContext.Provider value={theme}>{ui}</ThemeContext.Provider>);
  return {
    ...result,
    rerender: (next: React.ReactNode) =>
      result.rerender(<ThemeContext.Provider value={theme}>{next}</ThemeContext.Provider>),
  };
}
