import { useMemo } from 'react';
import { LoadingState, PanelData } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { buildViewModel, SipViewModel } from '../../view';

/** Runs the pipeline once per data, options or theme change. */
export function useViewModel(data: PanelData, options: unknown): SipViewModel {
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
      }),
    [series, options, request, errors, state, theme]
  );
}
