/**
 * The shape of a kind's view definition: how the studio draws a node of that kind (colour, icon),
 * what its card shows while a run exists, what the Metrics tab charts, and how the Destinations
 * tab shows what landed in it. One definition per kind, in a registry typed Record<NodeKind, …>
 * (index.ts), so a kind without a view fails to compile.
 */
import type { ComponentType } from 'react';
import type { ContentsKind, ContentsOf, NodeLive } from '../../engine/api.ts';
import type { NodeKind } from '../../model/types.ts';
import type { MetricDef } from '../../store/simMetrics.ts';
import type { EngineLike } from '../../store/simRun.ts';

/**
 * A viewer of one kind's contents in the Destinations tab. `engine` fetches more on demand (an S3
 * object's body); passed in so view definitions do not import the run controller.
 */
export type ContentsViewer<K extends ContentsKind> = ComponentType<{
  nodeId: string;
  d: ContentsOf<K>;
  engine: () => Pick<EngineLike, 's3Object'> | null;
}>;

export interface KindView<K extends NodeKind> {
  /** One hue per service family (deliberately not AWS's), dark enough for white text on a projector. */
  color: string;
  /** A 24×24 line drawing (SVG path data), stroked in currentColor. */
  icon: string;
  /** Which live figures its card shows: rate in, rate out, the utilisation bar. */
  live: { in: boolean; out: boolean; utilization: boolean };
  /** Its live details on the card beyond rates and utilisation (Lambda concurrency, Firehose buffer). */
  Details: ComponentType<{ n: NodeLive }> | null;
  /**
   * What the Metrics tab charts for it, under the CloudWatch names AWS uses. Values are per
   * simulated second, except ages (sim ms) and utilisation (percent).
   */
  metrics: readonly MetricDef[];
  /** Its viewer in the Destinations tab: required for the kinds whose runtime keeps contents, null for the rest. */
  Contents: K extends ContentsKind ? ContentsViewer<K> : null;
}
