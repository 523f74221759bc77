import React, { lazy, Suspense } from 'react';
import { LoadingPlaceholder } from '@grafana/ui';
import type { GuidanceCardProps } from './GuidanceCard';

// The card (and the X-Reason and Q.850 dictionaries it reads) is needed only when a code is opened: it loads as its
// own chunk, keeping dist/module.js small for every dashboard load.
const GuidanceCard = lazy(() => import('./GuidanceCard').then((module) => ({ default: module.GuidanceCard })));

export function LazyGuidanceCard(props: GuidanceCardProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading guidance…" />}>
      <GuidanceCard {...props} />
    </Suspense>
  );
}
