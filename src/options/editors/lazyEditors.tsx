import React, { lazy, Suspense } from 'react';
import type { StandardEditorProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';

// Option editors are needed only in panel edit mode: they load as their own chunk, keeping dist/module.js small for
// every viewer of a dashboard, as the policy editor does.
const editors = () => import('./editorsChunk');

function lazyEditor<P extends StandardEditorProps<any, any, any>>(
  load: () => Promise<React.ComponentType<P>>,
  name: string
) {
  const Loaded = lazy(() => load().then((component) => ({ default: component as React.ComponentType<any> })));
  const Editor = (props: P) => (
    <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
      <Loaded {...props} />
    </Suspense>
  );
  Editor.displayName = name;
  return Editor;
}

export const LazyCodeFieldEditor = lazyEditor(
  () => editors().then((chunk) => chunk.CodeFieldEditor),
  'LazyCodeFieldEditor'
);
export const LazyQueryRolesEditor = lazyEditor(
  () => editors().then((chunk) => chunk.QueryRolesEditor),
  'LazyQueryRolesEditor'
);
export const LazyLogsDatasourceEditor = lazyEditor(
  () => editors().then((chunk) => chunk.LogsDatasourceEditor),
  'LazyLogsDatasourceEditor'
);
