/**
 * Extension points the studio shell (src/ui/app, src/ui/canvas) renders for the live run.
 * The shell imports only from this file.
 */
import { type ComponentType, lazy } from 'react';
import './run.css';

export { EdgeLiveLabel, edgeStrokeWidth, useEdgeLive, usePrefersReducedMotion } from './EdgeLiveLabel.tsx';
export { menuItemsFor, type NodeMenuItem, RUN_NODE_MENU } from './faults.ts';
export { COMPACT_ZOOM, NodeLiveOverlay } from './NodeLiveOverlay.tsx';
export { RunControls } from './RunControls.tsx';

/** Extra tabs of the bottom panel (Metrics, Records, Destinations, SQL results, Cost, Timeline, History). */
export interface RunTab {
  id: string;
  /** i18n key in the `run` namespace. */
  labelKey: string;
  Component: ComponentType;
}

// Each tab loads when first opened: the charts (uPlot), the destination viewers (fflate) and the
// SQL results are not in the first load. The shell renders them inside <Suspense>.
export const RUN_TABS: RunTab[] = [
  {
    id: 'metrics',
    labelKey: 'tabs.metrics',
    Component: lazy(() => import('./MetricsTab.tsx').then((m) => ({ default: m.MetricsTab }))),
  },
  {
    id: 'records',
    labelKey: 'tabs.records',
    Component: lazy(() => import('./RecordsTab.tsx').then((m) => ({ default: m.RecordsTab }))),
  },
  {
    id: 'destinations',
    labelKey: 'tabs.destinations',
    Component: lazy(() => import('./DestinationsTab.tsx').then((m) => ({ default: m.DestinationsTab }))),
  },
  {
    id: 'sql',
    labelKey: 'tabs.sql',
    Component: lazy(() => import('./SqlTab.tsx').then((m) => ({ default: m.SqlTab }))),
  },
  {
    id: 'cost',
    labelKey: 'tabs.cost',
    Component: lazy(() => import('./CostTab.tsx').then((m) => ({ default: m.CostTab }))),
  },
  {
    // The studio sweep (capacity planning); its label is in the `sweep` namespace.
    id: 'sweep',
    labelKey: 'sweep:tab',
    Component: lazy(() => import('../sweep/SweepTab.tsx').then((m) => ({ default: m.SweepTab }))),
  },
  {
    id: 'timeline',
    labelKey: 'tabs.timeline',
    Component: lazy(() => import('./TimelineTab.tsx').then((m) => ({ default: m.TimelineTab }))),
  },
  {
    // Runs kept per design, two compared side by side (src/ui/history).
    id: 'history',
    labelKey: 'tabs.history',
    Component: lazy(() => import('../history/HistoryTab.tsx').then((m) => ({ default: m.HistoryTab }))),
  },
];
