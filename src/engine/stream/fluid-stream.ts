/** Glue between StreamRuntime and its fluid model: per-second figures, live view, report. */
import type { NodeLive, NodeReport, ShardLive } from '../api.ts';
import { round6 } from '../metrics.ts';
import type { EngineContext, NodeWiring } from '../runtime.ts';
import { FLUID_RECORDS_PER_SEC, FLUID_SHARDS, type FluidStream } from './fluid.ts';
import { flowSecond, markRateModel } from './fluid-flows.ts';
import { MIB } from './shard.ts';
import type { StreamRuntime } from './stream.ts';

export const FLUID_CONSUMER_NOTE =
  'Fluid (rate) model: this stream is too large to simulate record by record; the flows, lag and cost of the nodes behind it come from rates (fluid-flows.ts).';

/** Peak records/s a producer's rate profile can offer (before live multipliers). */
function peakRate(ctx: EngineContext, producerId: string): number {
  const n = ctx.docNode(producerId);
  if (n?.kind !== 'producer') return 0;
  const r = n.config.rate;
  switch (r.type) {
    case 'constant':
      return r.recordsPerSec;
    case 'ramp':
      return Math.max(r.fromPerSec, r.toPerSec);
    case 'periodic':
      return Math.max(0, ...r.hourly) * (1 + (3 * r.sigmaPct) / 100);
    case 'burst':
      return Math.max(r.basePerSec, r.burstPerSec);
  }
}

/** A stream runs on the fluid model above FLUID_SHARDS shards or FLUID_RECORDS_PER_SEC offered. */
export function isFluid(shards: number, wiring: NodeWiring, ctx: EngineContext): boolean {
  if (shards > FLUID_SHARDS || ctx.streamModel === 'rate') return true;
  let rate = 0;
  for (const s of wiring.pushSources) rate += peakRate(ctx, s.sourceId);
  return rate > FLUID_RECORDS_PER_SEC;
}

export function fluidCloseSecond(stream: StreamRuntime, fluid: FluidStream): void {
  const sums = fluid.closeSecond();
  stream.metrics.extraWriteThrottled += sums.throttled;
  markRateModel(stream.ctx, stream.id);
  flowSecond(stream, sums.records, sums.bytes);
}

export function fluidLive(fluid: FluidStream): NodeLive {
  const shards: ShardLive[] = [];
  let util = 0;
  let inRec = 0;
  let inBytes = 0;
  let throttled = 0;
  for (let s = 0; s < fluid.count; s++) {
    const u = Math.max(fluid.lastIn[s] / 1000, fluid.lastBytes[s] / MIB);
    if (u > util) util = u;
    inRec += fluid.lastIn[s];
    inBytes += fluid.lastBytes[s];
    throttled += fluid.lastThrottled[s];
    if (s < 1000) {
      shards.push({
        shardId: fluid.shardId(s),
        startingHashKey: fluid.starts[s].toString(),
        endingHashKey: fluid.ends[s].toString(),
        open: true,
        parentShardIds: [],
        writeUtilization: round6(u),
        readUtilization: 0,
        incomingRecordsPerSec: round6(fluid.lastIn[s]),
        incomingBytesPerSec: round6(fluid.lastBytes[s]),
        writeThrottledPerSec: round6(fluid.lastThrottled[s]),
        readThrottledPerSec: 0,
        iteratorAgeMs: 0,
      });
    }
  }
  return {
    inRecordsPerSec: round6(inRec),
    inBytesPerSec: round6(inBytes),
    outRecordsPerSec: 0,
    outBytesPerSec: 0,
    utilization: round6(util),
    throttledPerSec: round6(throttled),
    counters: {},
    shards,
  };
}

/** Per-shard sums and maxima (no series) for the first 1,024 shards of a fluid stream. */
export function fluidShardReports(fluid: FluidStream): NonNullable<NodeReport['shards']> {
  const out: NonNullable<NodeReport['shards']> = [];
  for (let s = 0; s < Math.min(1024, fluid.count); s++) {
    out.push({
      shardId: fluid.shardId(s),
      startingHashKey: fluid.starts[s].toString(),
      endingHashKey: fluid.ends[s].toString(),
      parentShardIds: [],
      metrics: {
        IncomingRecords: { sum: round6(fluid.totalIn[s]), max: round6(fluid.maxIn[s]), series: [] },
        WriteProvisionedThroughputExceeded: { sum: round6(fluid.totalThrottled[s]), max: 0, series: [] },
      },
    });
  }
  return out;
}
