/**
 * Test and benchmark helpers: build small designs in a line each, e.g.
 * `design([node('p', 'producer', { rate: { type: 'constant', recordsPerSec: 1500 } }), node('s', 'stream', { shardCount: 1 })], [['p', 's']])`.
 * Node configs are the kind's defaults with a shallow override.
 */
import { emptyDocument } from '../model/factory.ts';
import { KINDS } from '../model/kinds/index.ts';
import type {
  ConfigByKind,
  EdgeConfig,
  NodeKind,
  PipelineDoc,
  PipelineNode,
  TimelineEvent,
} from '../model/types.ts';
import type { MetricSummary, RunReport } from './api.ts';
import { EngineSimulation } from './simulation.ts';

export function node<K extends NodeKind>(
  id: string,
  kind: K,
  config: Partial<ConfigByKind[K]> = {},
): PipelineNode {
  const defaults = KINDS[kind].defaults() as ConfigByKind[K];
  return { id, kind, name: id, position: { x: 0, y: 0 }, config: { ...defaults, ...config } } as PipelineNode;
}

export function design(
  nodes: PipelineNode[],
  edges: [string, string, EdgeConfig?][],
  opts: { timeline?: TimelineEvent[]; seed?: number; durationSec?: number; name?: string } = {},
): PipelineDoc {
  const doc = emptyDocument(opts.name ?? 'test design');
  doc.nodes = nodes;
  doc.edges = edges.map(([source, target, config], i) => ({
    id: `e${i + 1}`,
    source,
    target,
    config: config ?? {},
  }));
  doc.timeline = opts.timeline ?? [];
  if (opts.seed !== undefined) doc.settings.seed = opts.seed;
  if (opts.durationSec !== undefined) doc.settings.durationSec = opts.durationSec;
  return doc;
}

/** A producer with a fixed-size record and no retries, the simplest load for limit tests. */
export function plainProducer(
  id: string,
  recordsPerSec: number,
  bytes: number,
  extra: Record<string, unknown> = {},
): PipelineNode {
  return node(id, 'producer', {
    source: 'putRecords',
    rate: { type: 'constant', recordsPerSec },
    size: { type: 'fixed', bytes },
    retry: { maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 1000, jitter: false },
    template: '{"v":{{random.number(100)}}}',
    ...extra,
  });
}

/** Run a design synchronously for `seconds` of simulated time and return the simulation. */
export function runFor(doc: PipelineDoc, seconds: number, seed = 1): EngineSimulation {
  const sim = new EngineSimulation(doc, { seed });
  sim.advanceSync(seconds * 1000);
  return sim;
}

/** A node's metric summary from a report (throws when absent, so tests fail loudly). */
export function metricOf(r: RunReport, nodeId: string, name: string): MetricSummary {
  const m = r.nodes.find((n) => n.id === nodeId)?.metrics[name];
  if (!m) throw new Error(`No metric ${name} on ${nodeId}`);
  return m;
}

export function countersOf(r: RunReport, nodeId: string): Record<string, number> {
  const c = r.nodes.find((n) => n.id === nodeId)?.counters;
  if (!c) throw new Error(`No node ${nodeId}`);
  return c;
}

/**
 * The source talk's metering case: 100 million records/s. A stream holds at most 10,000 shards and
 * a producer node offers at most 1,000,000 rec/s, so it is 10 streams of 10,000 shards, each fed
 * by 10 producers of 1M rec/s of 900-byte records.
 */
export function meteringDesign(): PipelineDoc {
  const nodes: PipelineNode[] = [];
  const edges: [string, string][] = [];
  for (let s = 0; s < 10; s++) {
    nodes.push(node(`s${s}`, 'stream', { shardCount: 10_000 }));
    for (let p = 0; p < 10; p++) {
      nodes.push(plainProducer(`p${s}-${p}`, 1_000_000, 900));
      edges.push([`p${s}-${p}`, `s${s}`]);
    }
  }
  return design(nodes, edges, { name: 'metering: 100M rec/s over 100,000 shards' });
}
