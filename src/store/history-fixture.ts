/**
 * Test fixture: a design run headless second by second the way the studio records it (a frame per
 * simulated second into a SeriesBook), handed over as the run controller does at Reset.
 */
import { createSimulation, prepareSandbox } from '../engine/index.ts';
import type { PipelineDoc } from '../model/types.ts';
import type { EndedRun } from './history-entry.ts';
import type { MetricsByKind } from './simMetrics.ts';
import { SeriesBook } from './simSeries.ts';

export async function endedRun(
  doc: PipelineDoc,
  seconds: number,
  metrics: MetricsByKind,
  runKey = 1,
): Promise<EndedRun> {
  await prepareSandbox();
  const { seed, priceBook } = doc.settings;
  const sim = createSimulation(doc, { seed, priceBook });
  const series = new SeriesBook();
  const kinds = Object.fromEntries(doc.nodes.map((n) => [n.id, n.kind]));
  let frame = sim.frame();
  for (let s = 1; s <= seconds; s++) {
    await sim.advance(s * 1000);
    frame = sim.frame();
    for (const [id, n] of Object.entries(frame.nodes)) {
      const defs = metrics[kinds[id] as keyof MetricsByKind];
      if (!defs) continue;
      series.push(id, frame.simMs, Object.fromEntries(defs.map((d) => [d.name, d.get(n)])));
    }
  }
  return { runKey, doc, seed, priceBook, simMs: frame.simMs, frame, kinds, series };
}

/** The design with a stream's shard count set. */
export function withShards(doc: PipelineDoc, streamId: string, shards: number): PipelineDoc {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.id === streamId && n.kind === 'stream' ? { ...n, config: { ...n.config, shardCount: shards } } : n,
    ),
  };
}
