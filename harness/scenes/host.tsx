/**
 * The Scenes dashboard host: the production build (dist/module.js) rendered by Grafana's own dashboard code,
 * @grafana/scenes' VizPanel, in a plain page. What Grafana's application would provide and no package does is set up
 * here, and only that (see README.md): plugin import utils, runRequest, the data source, theme and app events.
 * Tests drive it through `window.scenesHost` (types.ts).
 */
import React from 'react';
import ReactDOM from 'react-dom';
import { createRoot, Root } from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import lodash from 'lodash';
import * as rxjs from 'rxjs';
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import { createTheme, EventBusSrv } from '@grafana/data';
import { config, setAppEvents, setPluginImportUtils, setRunRequest } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { MultiValueVariable, sceneGraph, sceneUtils } from '@grafana/scenes';
import pluginJson from '../../src/plugin.json';
import { buildDashboard, Dashboard, Panel } from './dashboard';
import { ElasticsearchFrames } from './elasticsearchFrames';
import { registerStandardOptions } from './optionRegistries';
import { createPanelPluginLoader } from './pluginLoader';
import { runRequest } from './runRequest';
import type { PanelSnapshot, ScenesHost } from './types';

declare global {
  interface Window {
    scenesHost: ScenesHost;
    __grafana_public_path__?: string;
  }
}

const PLUGIN_ID = pluginJson.id;

// The modules Grafana shares with plugins (its build's externals) that this page has: the bundle gets these very
// objects, so the panel, Scenes and the host use one React, one @grafana/data registry, one @grafana/runtime config.
const sharedModules: Record<string, unknown> = {
  react: React,
  'react-dom': ReactDOM,
  'react/jsx-runtime': jsxRuntime,
  lodash,
  rxjs,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUi,
};

// Grafana serves its static files under public/; @grafana/ui's Icon fetches its SVGs from public/build/img/icons/.
window.__grafana_public_path__ = 'public/';

// Theme: what Grafana's boot sets up. Field display (applyFieldOverrides in VizPanel) reads config.theme2, React
// components the ThemeContext; both must be the same theme.
const theme = createTheme({ colors: { mode: 'dark' } });
config.theme2 = theme;

registerStandardOptions();
setAppEvents(new EventBusSrv());
const loader = createPanelPluginLoader(sharedModules);
setPluginImportUtils({
  importPanelPlugin: loader.importPanelPlugin,
  getPanelPluginFromCache: loader.getPanelPluginFromCache,
});
setRunRequest(runRequest);
const elasticsearch = new ElasticsearchFrames();
sceneUtils.registerRuntimeDataSource({ dataSource: elasticsearch });

const container = document.getElementById('dashboard')!;
let root: Root | undefined;
let dashboard: Dashboard | undefined;
let renders = 0;

function current(): Dashboard {
  if (!dashboard) {
    throw new Error('call scenesHost.render(spec) first');
  }
  return dashboard;
}

/** Resolves when VizPanel has our plugin (migrated, with defaults); rejects with VizPanel's load error. */
function pluginLoaded(panel: Panel): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const { _pluginLoadError } = panel.state;
      if (_pluginLoadError) {
        subscription.unsubscribe();
        reject(new Error(`VizPanel could not load ${PLUGIN_ID}: ${_pluginLoadError}`));
      } else if (panel.getPlugin() !== undefined && panel.getPlugin() === loader.getPanelPluginFromCache(PLUGIN_ID)) {
        subscription.unsubscribe();
        resolve();
      }
    };
    const subscription = panel.subscribeToState(check);
    check();
  });
}

window.scenesHost = {
  render: (spec) => {
    elasticsearch.answerWith(spec.frames);
    dashboard = buildDashboard(spec, PLUGIN_ID);
    const { scene, panel } = dashboard;
    const loaded = pluginLoaded(panel);
    const width = spec.size?.width ?? 1000;
    root = root ?? createRoot(container);
    renders += 1;
    document.body.style.background = theme.colors.background.canvas;
    root.render(
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <div id="dashboard-frame" key={renders} style={{ width, padding: theme.spacing(2) }}>
          <scene.Component model={scene} />
        </div>
      </ThemeContext.Provider>
    );
    return loaded;
  },
  panel: (): PanelSnapshot => {
    const { state } = current().panel;
    return JSON.parse(
      JSON.stringify({
        pluginId: state.pluginId,
        pluginVersion: state.pluginVersion,
        options: state.options,
        fieldConfig: state.fieldConfig,
        loadError: state._pluginLoadError,
      })
    );
  },
  changeOptions: (options) => current().panel.onOptionsChange(options),
  setVariable: (name, value) => {
    const variable = sceneGraph.lookupVariable(name, current().panel);
    if (!(variable instanceof MultiValueVariable)) {
      throw new Error(`no dashboard variable ${name} with values to pick`);
    }
    variable.changeValueTo(value, value, true);
  },
  pluginDependencies: () => loader.dependencies.get(PLUGIN_ID),
  requests: () => elasticsearch.received,
  reactVersion: () => React.version,
};
