import { useMemo } from 'react';
import { LoadingState, PanelData, TimeRange } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { config } from '@grafana/runtime';
import { buildViewModel, SipViewModel, userCanEdit } from '../../view';

/** Runs the pipeline once per data, options or theme change. */
export function useViewModel(data: PanelData, options: unknown, timeRange?: TimeRange): SipViewModel {
  const theme = useTheme2();
  const { series, request, errors, state } = data;
  return useMemo(
    () =>
      buildViewModel({
        series,
        options,
        targets: request?.targets,
        errors,
        loading: state === LoadingState.Loading,
        theme,
        timeRange: timeRange ? { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() } : undefined,
        canEdit: userCanEdit(config?.bootData?.user),
      }),
    [series, options, request, errors, state, theme, timeRange]
  );
}
