/**
 * What a test asks the Scenes host for (`window.scenesHost`), in plain JSON: it crosses from Node into the page.
 * No import of @grafana/scenes here, so the tests can use these types in any dependency set.
 */
import type { DataFrameJSON, FieldConfigSource } from '@grafana/data';

/** A dashboard variable: Scenes' CustomVariable (comma-separated values) or ConstantVariable. */
export type DashboardVariableSpec =
  { kind: 'custom'; name: string; query: string; value: string } | { kind: 'constant'; name: string; value: string };

export interface DashboardSpec {
  /** Queries of the panel, as the Elasticsearch query editor saves them (refId, metrics, bucketAggs …). */
  queries: Array<Record<string, unknown>>;
  /** What the Elasticsearch backend answers, as /api/ds/query sends it: frames in wire form, each with its refId. */
  frames: DataFrameJSON[];
  /** The dashboard time range as Scenes keeps it (`now-6h`, or ISO 8601). */
  timeRange: { from: string; to: string };
  variables?: DashboardVariableSpec[];
  panel: {
    title?: string;
    /** Saved options: Grafana runs the plugin's migration and fills its defaults. */
    options?: Record<string, unknown>;
    fieldConfig?: FieldConfigSource;
    /** The plugin version the panel was saved with; unset, Grafana treats the options as older than the plugin. */
    pluginVersion?: string;
  };
  size?: { width: number; height: number };
}

/** The VizPanel's state after Grafana's code ran on it (JSON only). */
export interface PanelSnapshot {
  pluginId: string;
  pluginVersion?: string;
  options: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
  loadError?: string;
}

/** One request the runtime data source received from SceneQueryRunner. */
export interface ReceivedRequest {
  targets: Array<Record<string, unknown>>;
  range: { from: string; to: string };
}

export interface ScenesHost {
  /** Builds a new dashboard from `spec` and renders it; resolves once VizPanel has loaded the built plugin. */
  render(spec: DashboardSpec): Promise<void>;
  panel(): PanelSnapshot;
  /** `VizPanel.onOptionsChange`, as Grafana's options pane calls it. */
  changeOptions(options: Record<string, unknown>): void;
  /** Picks another value of a dashboard variable, as its picker does. */
  setVariable(name: string, value: string): void;
  /** The modules dist/module.js asked the host for (its AMD dependencies); undefined before it loaded. */
  pluginDependencies(): string[] | undefined;
  requests(): ReceivedRequest[];
  /** The React the page runs: the dependency set's. */
  reactVersion(): string;
}
