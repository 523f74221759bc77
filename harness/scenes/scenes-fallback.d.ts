// For the root type-check only. The root dependency set has no @grafana/scenes (it cannot join it, see README.md), so
// there the host sees Scenes as `any`. The Scenes sets check the host against the real package with
// harness/scenes/tsconfig.json, which leaves this file out.
declare module '@grafana/scenes';
