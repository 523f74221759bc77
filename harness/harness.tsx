/**
 * Renders the real panel component outside Grafana, with @grafana/ui's theme, so that headless Chromium tests,
 * screenshots and benchmarks can drive it: `window.renderPanel(frames, options?, size?)`.
 */
import React, { useEffect } from 'react';
import { createRoot, Root } from 'react-dom/client';
import { arc as d3Arc, pie as d3Pie } from 'd3-shape';
import {
  createTheme,
  DataFrameJSON,
  dataFrameFromJSON,
  dateTime,
  EventBusSrv,
  FieldConfigSource,
  getDefaultTimeRange,
  LoadingState,
  PanelProps,
  TimeRange,
} from '@grafana/data';
import * as emotionCss from '@emotion/css';
import * as grafanaData from '@grafana/data';
import * as grafanaUi from '@grafana/ui';
import * as grafanaRuntime from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { SipCodesPanel } from '../src/components/SipCodesPanel';
import { DEFAULT_OPTIONS, type SipCodesOptions } from '../src/options';

export interface HarnessSize {
  width: number;
  height: number;
}

export interface HarnessExtras {
  theme?: 'dark' | 'light';
  /** Time range of the panel, epoch ms. Defaults to the span of the frames' time fields, else the last 6 h. */
  timeRange?: { from: number; to: number };
  /** Targets of the panel's query, as Grafana puts them in `data.request.targets`. */
  targets?: Array<Record<string, unknown>>;
  /** Field config (e.g. `{ defaults: { links: [...] }, overrides: [] }`). */
  fieldConfig?: FieldConfigSource;
  /** Dashboard variables for `replaceVariables`, e.g. `{ env: 'prod' }`. */
  variables?: Record<string, string>;
  /** Render the panel of the production build loaded by `loadBuiltPlugin` instead of the source component. */
  build?: 'source' | 'dist';
}

type PanelComponent = React.ComponentType<PanelProps<SipCodesOptions>>;
let builtPanel: PanelComponent | undefined;

declare global {
  interface Window {
    renderPanel: (
      frames: DataFrameJSON[],
      options?: object,
      size?: HarnessSize,
      extras?: HarnessExtras
    ) => Promise<void>;
    renderBarePie: (values: number[], size?: HarnessSize) => Promise<void>;
    loadBuiltPlugin: (src?: string) => Promise<string[]>;
    harnessErrors: string[];
    __grafana_public_path__?: string;
  }
}

// @grafana/ui's Icon fetches SVGs from `<public path>build/img/icons/`; the harness build copies them there.
window.__grafana_public_path__ = './grafana-public/';
window.harnessErrors = [];
window.addEventListener('error', (event) => window.harnessErrors.push(String(event.message)));

const container = document.getElementById('root')!;
let root: Root | undefined;

function Rendered({ onDone, children }: { onDone: () => void; children: React.ReactNode }) {
  useEffect(onDone);
  return <>{children}</>;
}

function mount(node: React.ReactElement): Promise<void> {
  root = root ?? createRoot(container);
  return new Promise((resolve) => {
    // Resolves once React has committed the tree (effects run after commit), not after an animation frame,
    // so benchmark timings measure rendering rather than the display's frame rate.
    root!.render(<Rendered onDone={resolve}>{node}</Rendered>);
  });
}

function timeRangeOf(extras: HarnessExtras): TimeRange {
  if (!extras.timeRange) {
    return getDefaultTimeRange();
  }
  const from = dateTime(extras.timeRange.from);
  const to = dateTime(extras.timeRange.to);
  return { from, to, raw: { from, to } };
}

/**
 * A small stand-in for Grafana's template service: `$var`, `${var}` and `${var:percentencode}` from dashboard
 * variables and scoped variables; a format argument applies to every value, as in Grafana.
 */
function interpolate(
  text: string,
  variables: Record<string, string>,
  scopedVars: Record<string, { value: unknown }> = {},
  // Grafana's own InterpolateFunction type allows any Function here.
  format?: string | Function
) {
  return text.replace(
    /\$\{([\w.]+)(?::(\w+))?\}|\$(\w+)/g,
    (whole, braced: string, ownFormat: string, bare: string) => {
      const name = braced ?? bare;
      const scoped = scopedVars[name];
      const value = scoped !== undefined ? String(scoped.value) : variables[name];
      if (value === undefined) {
        return whole;
      }
      if (!ownFormat && typeof format === 'function') {
        return String(format(value));
      }
      return (ownFormat ?? format) === 'percentencode' ? encodeURIComponent(value) : value;
    }
  );
}

/**
 * Loads `dist/module.js` (served at ./dist-plugin/) the way Grafana does: as an AMD module whose dependencies are the
 * host's own @grafana/*, React and emotion. Resolves with the dependency names the build asked for.
 */
window.loadBuiltPlugin = (src = './dist-plugin/module.js') =>
  new Promise((resolve, reject) => {
    const hostModules: Record<string, unknown> = {
      react: React,
      '@emotion/css': emotionCss,
      '@grafana/data': grafanaData,
      '@grafana/ui': grafanaUi,
      '@grafana/runtime': grafanaRuntime,
      module: { uri: src },
    };
    const define = (deps: string[], factory: (...modules: unknown[]) => { plugin?: { panel?: PanelComponent } }) => {
      const missing = deps.filter((dep) => !(dep in hostModules));
      if (missing.length > 0) {
        reject(new Error(`the build needs modules the harness does not provide: ${missing.join(', ')}`));
        return;
      }
      const exports = factory(...deps.map((dep) => hostModules[dep]));
      builtPanel = exports.plugin?.panel;
      if (builtPanel) {
        resolve(deps);
      } else {
        reject(new Error('the build exports no PanelPlugin with a panel component'));
      }
    };
    Object.assign(define, { amd: true });
    Object.assign(window, { define });
    const script = document.createElement('script');
    script.src = src;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });

const eventBus = new EventBusSrv();
// One theme object per mode, as in Grafana: a new object each render would restyle the whole page every time.
const themes = { dark: createTheme({ colors: { mode: 'dark' } }), light: createTheme({ colors: { mode: 'light' } }) };

window.renderPanel = (frames, options = {}, size = { width: 900, height: 520 }, extras = {}) => {
  const theme = themes[extras.theme ?? 'dark'];
  const series = (frames ?? []).map((frame) => dataFrameFromJSON(frame));
  const timeRange = timeRangeOf(extras);
  const fieldConfig: FieldConfigSource = extras.fieldConfig ?? { defaults: {}, overrides: [] };
  const variables = extras.variables ?? {};
  const props: PanelProps<SipCodesOptions> = {
    id: 1,
    data: {
      state: LoadingState.Done,
      series,
      timeRange,
      request: extras.targets
        ? ({ targets: extras.targets, range: timeRange } as unknown as PanelProps['data']['request'])
        : undefined,
    },
    timeRange,
    timeZone: 'utc',
    options: { ...DEFAULT_OPTIONS, ...(options as Partial<SipCodesOptions>) },
    fieldConfig,
    transparent: false,
    width: size.width,
    height: size.height,
    title: 'SIP Response Codes',
    eventBus,
    renderCounter: 0,
    replaceVariables: (text, scopedVars, format) =>
      interpolate(text, variables, scopedVars as Record<string, { value: unknown }>, format),
    onOptionsChange: () => {},
    onFieldConfigChange: () => {},
    onChangeTimeRange: () => {},
  };
  const Panel: PanelComponent | undefined = extras.build === 'dist' ? builtPanel : SipCodesPanel;
  if (!Panel) {
    return Promise.reject(new Error('call loadBuiltPlugin() before rendering the built panel'));
  }
  document.body.style.background = theme.colors.background.primary;
  return mount(
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <div
        id="panel-frame"
        data-theme={theme.colors.mode}
        style={{ width: size.width + 16, background: theme.colors.background.primary }}
      >
        <Panel {...props} />
      </div>
    </ThemeContext.Provider>
  );
};

/** The benchmark's baseline: a bare SVG pie of the same arcs, drawn with the same arc library, no panel around it. */
window.renderBarePie = (values, size = { width: 900, height: 520 }) => {
  const radius = Math.min(size.width, size.height) / 2 - 8;
  const arcs = d3Pie<number>().sort(null)(values);
  const drawArc = d3Arc<(typeof arcs)[number]>()
    .innerRadius(radius * 0.6)
    .outerRadius(radius);
  return mount(
    <svg width={size.width} height={size.height}>
      <g transform={`translate(${size.width / 2},${size.height / 2})`}>
        {arcs.map((a, i) => (
          <path key={i} d={drawArc(a) ?? undefined} fill={`hsl(${(i * 47) % 360},60%,50%)`} />
        ))}
      </g>
    </svg>
  );
};
