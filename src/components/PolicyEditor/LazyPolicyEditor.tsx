import React, { lazy, Suspense } from 'react';
import { LoadingPlaceholder } from '@grafana/ui';
import type { PolicyEditorProps } from './PolicyEditor';

// The editor is only needed in panel edit mode: it loads as its own chunk, keeping dist/module.js small for viewers.
const PolicyEditor = lazy(() => import('./PolicyEditor').then((module) => ({ default: module.PolicyEditor })));

export function LazyPolicyEditor(props: PolicyEditorProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading the policy editor…" />}>
      <PolicyEditor {...props} />
    </Suspense>
  );
}
