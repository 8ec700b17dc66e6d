import { describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../model/types.ts';
import type { RunReport } from '../api.ts';
import { EngineSimulation } from '../simulation.ts';
import { design, node, plainProducer } from '../testing.ts';

function run(doc: PipelineDoc, seconds: number): RunReport {
  const sim = new EngineSimulation(doc, { seed: 1 });
  sim.advanceSync(seconds * 1000);
  return sim.report();
}

function metric(r: RunReport, nodeId: string, name: string) {
  const n = r.nodes.find((x) => x.id === nodeId);
  return n?.metrics[name];
}

describe('per-shard write limits', () => {
  it('1,500 rec/s of 1 KB records into one shard: 1,000 accepted and 500 throttled each second', () => {
    const doc = design(
      [plainProducer('p', 1500, 1000), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const r = run(doc, 10);
    expect(metric(r, 's', 'IncomingRecords')?.series).toEqual(Array(10).fill(1000));
    expect(metric(r, 's', 'WriteProvisionedThroughputExceeded')?.series).toEqual(Array(10).fill(500));
    const p = r.nodes.find((x) => x.id === 'p');
    expect(p?.counters).toMatchObject({ attempted: 15000, accepted: 10000, dropped: 5000 });
    expect(r.conservation.ok).toBe(true);
  });
});
