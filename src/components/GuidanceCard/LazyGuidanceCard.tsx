import React, { lazy, Suspense } from 'react';
import { LoadingPlaceholder } from '@grafana/ui';
import type { GuidanceCardContainerProps } from './GuidanceCardContainer';

// The card, with what it computes for a code (contributors, recent calls, links, alert rules, the escalation summary)
// and the X-Reason dictionary it reads, is needed only when a code is opened: it loads as its own chunk, keeping
// dist/module.js small for every dashboard load.
const GuidanceCardContainer = lazy(() =>
  import('./GuidanceCardContainer').then((module) => ({ default: module.GuidanceCardContainer }))
);

export function LazyGuidanceCard(props: GuidanceCardContainerProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading guidance…" />}>
      <GuidanceCardContainer {...props} />
    </Suspense>
  );
}
