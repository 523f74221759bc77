/**
 * What Grafana's plugin loader does for a panel, reduced to what VizPanel needs: `importPanelPlugin(id)` reads the
 * plugin's plugin.json (Grafana serves it from its plugin settings), loads `public/plugins/<id>/module.js` as an AMD
 * module whose dependencies are the host's shared modules, puts the meta on the exported PanelPlugin and caches it.
 */
import { PanelPlugin, PanelPluginMeta, PluginType } from '@grafana/data';

/** Where Grafana serves a plugin's dist/ folder; webpack's public path in the build is derived from it. */
export const pluginBaseUrl = (id: string) => `public/plugins/${id}`;

type AmdFactory = (...modules: unknown[]) => unknown;

interface PluginJson {
  id: string;
  name: string;
  type: string;
  info: PanelPluginMeta['info'];
  skipDataQuery?: boolean;
  hideFromList?: boolean;
  sort?: number;
}

export interface PanelPluginLoader {
  importPanelPlugin: (id: string) => Promise<PanelPlugin>;
  getPanelPluginFromCache: (id: string) => PanelPlugin | undefined;
  /** The AMD dependencies each loaded module asked for, by plugin id. */
  dependencies: Map<string, string[]>;
}

/** Runs one AMD module: its `define([...deps], factory)` gets `shared[dep]` for each dependency. */
function loadAmdModule(uri: string, shared: Record<string, unknown>): Promise<{ exports: unknown; deps: string[] }> {
  return new Promise((resolve, reject) => {
    const previous = Object.getOwnPropertyDescriptor(window, 'define');
    let defined = false;
    const restore = () => {
      if (previous) {
        Object.defineProperty(window, 'define', previous);
      } else {
        delete (window as { define?: unknown }).define;
      }
    };
    const define = (...args: unknown[]) => {
      defined = true;
      // define(factory) | define(deps, factory) | define(name, deps, factory)
      const factory = args[args.length - 1] as AmdFactory | object;
      const deps = (args.find((arg) => Array.isArray(arg)) as string[] | undefined) ?? [];
      const modules: Record<string, unknown> = { ...shared, module: { id: uri, uri } };
      const missing = deps.filter((dep) => !(dep in modules));
      if (missing.length > 0) {
        reject(new Error(`${uri} needs modules the host does not share: ${missing.join(', ')}`));
        return;
      }
      try {
        const exports = typeof factory === 'function' ? factory(...deps.map((dep) => modules[dep])) : factory;
        resolve({ exports, deps });
      } catch (error) {
        reject(error);
      }
    };
    Object.assign(define, { amd: {} });
    Object.defineProperty(window, 'define', { value: define, configurable: true, writable: true });
    const script = document.createElement('script');
    script.src = uri;
    script.onload = () => {
      restore();
      if (!defined) {
        reject(new Error(`${uri} did not call define()`));
      }
    };
    script.onerror = () => {
      restore();
      reject(new Error(`could not load ${uri}`));
    };
    document.head.appendChild(script);
  });
}

async function fetchMeta(id: string): Promise<PanelPluginMeta> {
  const baseUrl = pluginBaseUrl(id);
  const response = await fetch(`${baseUrl}/plugin.json`);
  if (!response.ok) {
    throw new Error(`no panel plugin ${id} (${baseUrl}/plugin.json: ${response.status})`);
  }
  const json = (await response.json()) as PluginJson;
  if (json.id !== id || json.type !== PluginType.panel) {
    throw new Error(`${baseUrl}/plugin.json is not the panel plugin ${id}`);
  }
  // As Grafana's plugin settings list it: module and baseUrl added, logo paths relative to the plugin's folder.
  const logo = (file: string) => (file && !/^(https?:|\/|public\/)/.test(file) ? `${baseUrl}/${file}` : file);
  return {
    ...json,
    type: PluginType.panel,
    module: `${baseUrl}/module.js`,
    baseUrl,
    sort: json.sort ?? 100,
    skipDataQuery: json.skipDataQuery ?? false,
    hideFromList: json.hideFromList ?? false,
    info: { ...json.info, logos: { small: logo(json.info.logos.small), large: logo(json.info.logos.large) } },
  };
}

export function createPanelPluginLoader(shared: Record<string, unknown>): PanelPluginLoader {
  const cache = new Map<string, PanelPlugin>();
  const pending = new Map<string, Promise<PanelPlugin>>();
  const dependencies = new Map<string, string[]>();

  const load = async (id: string): Promise<PanelPlugin> => {
    const meta = await fetchMeta(id);
    const { exports, deps } = await loadAmdModule(meta.module, shared);
    dependencies.set(id, deps);
    const plugin = (exports as { plugin?: unknown } | undefined)?.plugin;
    if (!(plugin instanceof PanelPlugin)) {
      throw new Error(`${meta.module} exports no PanelPlugin made with the host's @grafana/data`);
    }
    plugin.meta = meta;
    cache.set(id, plugin);
    return plugin;
  };

  return {
    dependencies,
    getPanelPluginFromCache: (id) => cache.get(id),
    importPanelPlugin: (id) => {
      const cached = cache.get(id);
      if (cached) {
        return Promise.resolve(cached);
      }
      if (!pending.has(id)) {
        pending.set(
          id,
          load(id).finally(() => pending.delete(id))
        );
      }
      return pending.get(id)!;
    },
  };
}
