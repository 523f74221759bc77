/**
 * Builds the Scenes dashboard host into harness/scenes/dist/: React, @grafana/*, @grafana/scenes bundled in (no
 * externals), so that it runs in a plain page. @grafana/scenes comes from the Scenes set installed into
 * <project>/.tmp/scenes by scripts/compat-scenes.mjs; everything else from the project's node_modules. Run from the
 * project folder: the repository (Grafana 12.4) or its React 19 copy in .tmp/react19 (Grafana 13.2).
 */
import fs from 'fs';
import path from 'path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { WebpackError, type Compiler, type Configuration } from 'webpack';
import { LOOSE_ESM_RULE, SWC_TYPESCRIPT_RULE } from '../webpackRules';

const project = path.resolve(__dirname, '../..');
const scenesModules = path.join(project, '.tmp/scenes/node_modules');

if (!fs.existsSync(path.join(scenesModules, '@grafana/scenes'))) {
  throw new Error(
    `${scenesModules} has no @grafana/scenes: run \`node scripts/compat-scenes.mjs prepare <12.4|13.2>\``
  );
}

/**
 * Scenes 6.x names an ES build in its `module` field that the package does not ship (its ES files are under
 * dist/esm/packages/scenes/src/; Scenes 7 fixed its build with `exports`). webpack would then bundle its CommonJS
 * build, whose require()s pull in the CommonJS builds of @grafana/* next to the ES builds the host and @grafana/ui
 * import: two @grafana/runtime, so Scenes would not see the host's plugin loader and runRequest. Point webpack at the
 * ES build instead.
 */
function scenesEntry(): Record<string, string> {
  const dir = path.join(scenesModules, '@grafana/scenes');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.exports || (pkg.module && fs.existsSync(path.join(dir, pkg.module)))) {
    return {};
  }
  const esm = path.join(dir, 'dist/esm/packages/scenes/src/index.js');
  if (!fs.existsSync(esm)) {
    throw new Error(`@grafana/scenes ${pkg.version} ships no ES build where the host expects it (${esm})`);
  }
  return { '@grafana/scenes$': esm };
}

// Modules the panel, Scenes and the host must share: one copy each, in one build flavour (CommonJS or ES).
const SHARED = [
  'react',
  'react-dom',
  'rxjs',
  '@grafana/data',
  '@grafana/runtime',
  '@grafana/ui',
  '@grafana/schema',
  '@grafana/i18n',
];

/** Fails the build when a shared module is bundled twice: two installs, or both its CommonJS and its ES build. */
class OneCopyOfSharedModules {
  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap('OneCopyOfSharedModules', (compilation) => {
      compilation.hooks.finishModules.tap('OneCopyOfSharedModules', (modules) => {
        const folders = new Map<string, Set<string>>();
        const builds = new Map<string, Set<string>>();
        const add = (map: Map<string, Set<string>>, name: string, value: string) =>
          map.set(name, (map.get(name) ?? new Set<string>()).add(value));
        // Array.from, not for…of or spread: ts-node compiles this file for ES5 (tsconfig.json), where those skip Sets.
        for (const module of Array.from(modules)) {
          const resource = (module as { resource?: string }).resource ?? '';
          for (const name of SHARED) {
            const marker = `/node_modules/${name}/`;
            const at = resource.lastIndexOf(marker);
            if (at < 0) {
              continue;
            }
            add(folders, name, resource.slice(0, at + marker.length));
            const inside = resource.slice(at + marker.length);
            if (/(^|\/)cjs\//.test(inside)) {
              add(builds, name, 'CommonJS');
            } else if (/(^|\/)esm\d*\//.test(inside)) {
              add(builds, name, 'ES');
            }
          }
        }
        for (const name of SHARED) {
          const where = Array.from(folders.get(name) ?? []);
          const how = Array.from(builds.get(name) ?? []);
          if (where.length > 1 || how.length > 1) {
            const copies = `${where.join(', ')}${how.length > 1 ? ` (${how.join(' and ')} builds)` : ''}`;
            compilation.errors.push(new WebpackError(`${name} is bundled more than once: ${copies}`));
          }
        }
      });
    });
  }
}

const config: Configuration = {
  mode: 'production',
  target: 'web',
  entry: path.resolve(__dirname, 'host.tsx'),
  output: { path: path.resolve(__dirname, 'dist'), filename: 'host.js', clean: true },
  devtool: false,
  performance: { hints: false },
  // Scenes' PanelBuilders (not used here) import the table panel's defaults, which @grafana/schema 12.4 moved.
  ignoreWarnings: [{ module: /@grafana\/scenes\/.*PanelBuilders/, message: /'defaultOptions'.*TablePanelCfg/ }],
  // Readable stack traces beat a smaller file here; production mode still gives React's production build.
  optimization: { minimize: false },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs'],
    // Only the host's own `@grafana/scenes` import needs the Scenes set; Scenes' imports climb from there into the
    // project's node_modules.
    modules: ['node_modules', scenesModules],
    alias: scenesEntry(),
  },
  module: {
    rules: [
      SWC_TYPESCRIPT_RULE,
      LOOSE_ESM_RULE,
      // @grafana/plugin-compat (Scenes 9) detects newer @grafana/runtime functions by importing them and testing
      // `typeof`: one the project's runtime lacks is `undefined` at run time, as under Grafana, not a build error.
      { test: /[\\/]@grafana[\\/]plugin-compat[\\/]/, parser: { exportsPresence: false } },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(svg|png|jpe?g|gif|woff2?|eot|ttf)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    new OneCopyOfSharedModules(),
    new HtmlWebpackPlugin({ template: path.resolve(__dirname, 'index.html') }),
    new CopyWebpackPlugin({
      patterns: [
        { from: path.join(project, 'node_modules/@grafana/ui/dist/public/img/icons'), to: 'public/build/img/icons' },
      ],
    }),
  ],
};

export default config;
