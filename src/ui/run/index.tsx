/**
 * Extension points the studio shell (src/ui/app, src/ui/canvas) renders for the live run.
 * Placeholders until the run view lands; the shell imports only from this file.
 */
import type { ComponentType } from 'react';
import type { NodeKind } from '../../model/types.ts';

/** Toolbar run controls: Run, Pause, Step, Reset, speed, sim clock, seed, $/month. */
export function RunControls() {
  return null;
}

/** Live figures drawn inside a node card while running (rates, utilisation bar, shard strip…). */
export function NodeLiveOverlay(_props: { nodeId: string; kind: NodeKind }) {
  return null;
}

/** Live label on an edge (throughput), rendered by the custom edge. */
export function EdgeLiveLabel(_props: { edgeId: string }) {
  return null;
}

/** Extra tabs of the bottom panel (Metrics, Records, Destinations, SQL results, Cost, Timeline). */
export interface RunTab {
  id: string;
  /** i18n key in the `run` namespace. */
  labelKey: string;
  Component: ComponentType;
}
export const RUN_TABS: RunTab[] = [];

/** Node context-menu entries added by the run view (fault injection). */
export interface NodeMenuItem {
  id: string;
  labelKey: string;
  kinds: NodeKind[];
  run(nodeId: string): void;
}
export const RUN_NODE_MENU: NodeMenuItem[] = [];
