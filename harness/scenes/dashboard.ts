/**
 * One dashboard as Grafana 12+ builds it from its JSON: a Scenes EmbeddedScene with the dashboard time range and
 * variables, their pickers, and one VizPanel of our plugin fed by a SceneQueryRunner on the Elasticsearch data source.
 */
import { VariableHide, type DataQuery } from '@grafana/data';
import {
  ConstantVariable,
  CustomVariable,
  EmbeddedScene,
  SceneControlsSpacer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariableSet,
  VariableValueSelectors,
  VizPanel,
} from '@grafana/scenes';
import { ELASTICSEARCH_UID } from './elasticsearchFrames';
import type { DashboardSpec, DashboardVariableSpec } from './types';

// Instance types through `typeof`: the root type-check sees Scenes as `any` (scenes-fallback.d.ts), where a class
// name cannot serve as a type; in the Scenes sets these are the real classes.
export type Scene = InstanceType<typeof EmbeddedScene>;
export type Panel = InstanceType<typeof VizPanel>;

export interface Dashboard {
  scene: Scene;
  panel: Panel;
}

function variable(spec: DashboardVariableSpec) {
  if (spec.kind === 'constant') {
    // Grafana never shows constants on the dashboard.
    return new ConstantVariable({ name: spec.name, value: spec.value, hide: VariableHide.hideVariable });
  }
  return new CustomVariable({ name: spec.name, query: spec.query, value: spec.value, text: spec.value });
}

export function buildDashboard(spec: DashboardSpec, pluginId: string): Dashboard {
  const panel = new VizPanel({
    // "panel-<id>" is how dashboards key their panels; VizPanel reads the panel id from it.
    key: 'panel-1',
    pluginId,
    title: spec.panel.title ?? 'SIP Response Codes',
    options: spec.panel.options ?? {},
    fieldConfig: spec.panel.fieldConfig ?? { defaults: {}, overrides: [] },
    pluginVersion: spec.panel.pluginVersion,
    $data: new SceneQueryRunner({
      datasource: { type: 'elasticsearch', uid: ELASTICSEARCH_UID },
      queries: spec.queries as unknown as DataQuery[],
    }),
  });
  const scene = new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: spec.timeRange.from, to: spec.timeRange.to, timeZone: 'utc' }),
    $variables: new SceneVariableSet({ variables: (spec.variables ?? []).map(variable) }),
    controls: [new VariableValueSelectors({}), new SceneControlsSpacer(), new SceneTimePicker({})],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [new SceneFlexItem({ height: spec.size?.height ?? 560, body: panel })],
    }),
  });
  return { scene, panel };
}
