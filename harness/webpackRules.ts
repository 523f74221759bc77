/** Loader rules shared by the harness page and the Scenes dashboard host builds. */
import type { RuleSetRule } from 'webpack';

/** TypeScript and TSX through SWC, React's automatic runtime, the browsers Grafana supports. */
export const SWC_TYPESCRIPT_RULE: RuleSetRule = {
  test: /\.[tj]sx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'swc-loader',
    options: {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2020',
      },
    },
  },
};

/** ES modules of dependencies that import without file extensions. */
export const LOOSE_ESM_RULE: RuleSetRule = { test: /\.m?js$/, resolve: { fullySpecified: false } };
