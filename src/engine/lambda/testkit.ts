/**
 * Small designs for the Lambda tests: producer → one-shard stream → function, with the function's
 * config overridden field by field (esm fields merged into the defaults).
 */
import type {
  EventSourceMappingConfig,
  LambdaConfig,
  PipelineNode,
  TimelineEvent,
} from '../../model/types.ts';
import type { NodeReport } from '../api.ts';
import { EngineSimulation } from '../simulation.ts';
import { design, node, plainProducer } from '../testing.ts';

export type FnOverrides = Partial<Omit<LambdaConfig, 'esm'>> & { esm?: Partial<EventSourceMappingConfig> };

export function fn(id: string, over: FnOverrides = {}): PipelineNode {
  const base = node(id, 'lambda').config as LambdaConfig;
  return node(id, 'lambda', {
    ...base,
    ...over,
    esm: { ...base.esm, startingPosition: 'TRIM_HORIZON', ...over.esm },
  });
}

export function pipeline(
  ratePerSec: number,
  fnOver: FnOverrides,
  opts: {
    shards?: number;
    bytes?: number;
    timeline?: TimelineEvent[];
    extra?: PipelineNode[];
    extraEdges?: [string, string][];
  } = {},
): EngineSimulation {
  const doc = design(
    [
      plainProducer('p', ratePerSec, opts.bytes ?? 200, { partitionKey: { type: 'random' } }),
      node('s', 'stream', { shardCount: opts.shards ?? 1 }),
      fn('f', fnOver),
      ...(opts.extra ?? []),
    ],
    [['p', 's'], ['s', 'f'], ...(opts.extraEdges ?? [])],
    { timeline: opts.timeline },
  );
  return new EngineSimulation(doc, { seed: 7 });
}

export function nodeReport(sim: EngineSimulation, id: string): NodeReport {
  const r = sim.report().nodes.find((n) => n.id === id);
  if (!r) throw new Error(`no node ${id}`);
  return r;
}

/** Largest value of a per-second series over seconds [from, to). */
export function maxOver(series: number[], from: number, to: number): number {
  return Math.max(0, ...series.slice(from, to));
}
