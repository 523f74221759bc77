/**
 * Builds the browser harness: the real panel with React, @grafana/ui and @grafana/data bundled in (no externals),
 * so that it runs in a plain page served from harness/dist/.
 */
import path from 'path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Configuration } from 'webpack';
import { LOOSE_ESM_RULE, SWC_TYPESCRIPT_RULE } from './webpackRules';

const root = path.resolve(__dirname, '..');

const config: Configuration = {
  mode: 'production',
  target: 'web',
  entry: path.resolve(__dirname, 'harness.tsx'),
  output: { path: path.resolve(__dirname, 'dist'), filename: 'harness.js', clean: true },
  devtool: false,
  performance: { hints: false },
  // Readable stack traces beat a smaller file here; production mode still gives React's production build.
  optimization: { minimize: false },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs'],
    modules: [path.resolve(root, 'src'), 'node_modules'],
  },
  module: {
    rules: [
      SWC_TYPESCRIPT_RULE,
      LOOSE_ESM_RULE,
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(svg|png|jpe?g|gif|woff2?|eot|ttf)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({ template: path.resolve(__dirname, 'index.html') }),
    new CopyWebpackPlugin({
      patterns: [
        {
          from: path.resolve(root, 'node_modules/@grafana/ui/dist/public/img/icons'),
          to: 'grafana-public/build/img/icons',
        },
      ],
    }),
  ],
};

export default config;
