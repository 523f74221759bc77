import { useMemo } from 'react';
import { LoadingState, PanelData } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { buildPanelModel, severityColors, SipPanelModel } from '../../panelModel';

export interface PanelModelWithColors {
  model: SipPanelModel;
  /** Colour of each code for the current theme. */
  colors: Map<number, string>;
}

/** Runs the core once per data/options change; colours once per model/theme change. */
export function usePanelModel(data: PanelData, options: unknown): PanelModelWithColors {
  const theme = useTheme2();
  const { series, request, errors, state } = data;
  const model = useMemo(
    () =>
      buildPanelModel({
        series,
        options,
        targets: request?.targets,
        errors,
        loading: state === LoadingState.Loading,
      }),
    [series, options, request, errors, state]
  );
  const colors = useMemo(() => severityColors([...model.legend, ...model.byCode.values()], theme), [model, theme]);
  return { model, colors };
}
