/**
 * Every sizing answer of a design, for the studio's Cost tab (the CLI's plan command gives the same
 * per stream with a sweep): each stream's shard count (sizing.ts), each stream-reading Lambda's
 * ParallelizationFactor and concurrency, each Firehose's buffer size and interval for a target
 * object size (sizing-consumers.ts). Lambdas are sized at the design's shard count (what runs
 * now; the plan command sizes them at its recommended count instead).
 */
import type { PipelineDoc } from '../../model/types.ts';
import { type StreamSizing, sizeStream } from './sizing.ts';
import { type FirehoseSizing, type LambdaSizing, sizeConsumers } from './sizing-consumers.ts';

export interface DesignSizingAll {
  streams: StreamSizing[];
  lambdas: LambdaSizing[];
  firehoses: FirehoseSizing[];
}

export function sizeDesign(
  doc: PipelineDoc,
  opts: { headroom?: number; targetObjectMiB?: number } = {},
): DesignSizingAll {
  const headroom = opts.headroom ?? 0.8;
  const streams = doc.nodes
    .filter((n) => n.kind === 'stream' && n.config.capacityMode !== 'onDemand')
    .map((n) => sizeStream(doc, n.id, headroom));
  return { streams, ...sizeConsumers(doc, { headroom, targetObjectMiB: opts.targetObjectMiB }) };
}
