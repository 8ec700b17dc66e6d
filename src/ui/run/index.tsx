/**
 * Extension points the studio shell (src/ui/app, src/ui/canvas) renders for the live run.
 * The shell imports only from this file.
 */
import type { ComponentType } from 'react';
import { CostTab } from './CostTab.tsx';
import { DestinationsTab } from './DestinationsTab.tsx';
import { MetricsTab } from './MetricsTab.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { SqlTab } from './SqlTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';
import './run.css';

export { EdgeLiveLabel, edgeStrokeWidth, useEdgeLive, usePrefersReducedMotion } from './EdgeLiveLabel.tsx';
export { type NodeMenuItem, RUN_NODE_MENU } from './faults.ts';
export { COMPACT_ZOOM, NodeLiveOverlay } from './NodeLiveOverlay.tsx';
export { RunControls } from './RunControls.tsx';

/** Extra tabs of the bottom panel (Metrics, Records, Destinations, SQL results, Cost, Timeline). */
export interface RunTab {
  id: string;
  /** i18n key in the `run` namespace. */
  labelKey: string;
  Component: ComponentType;
}

export const RUN_TABS: RunTab[] = [
  { id: 'metrics', labelKey: 'tabs.metrics', Component: MetricsTab },
  { id: 'records', labelKey: 'tabs.records', Component: RecordsTab },
  { id: 'destinations', labelKey: 'tabs.destinations', Component: DestinationsTab },
  { id: 'sql', labelKey: 'tabs.sql', Component: SqlTab },
  { id: 'cost', labelKey: 'tabs.cost', Component: CostTab },
  { id: 'timeline', labelKey: 'tabs.timeline', Component: TimelineTab },
];
