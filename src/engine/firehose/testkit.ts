/** Designs for the Firehose tests: producer → delivery stream → destination (+ bucket). */
import type { FirehoseConfig, PipelineEdge, PipelineNode, TimelineEvent } from '../../model/types.ts';
import type { NodeReport, S3Object } from '../api.ts';
import { EngineSimulation } from '../simulation.ts';
import { design, node, plainProducer } from '../testing.ts';

export function deliveryStream(id: string, over: Partial<FirehoseConfig> = {}): PipelineNode {
  const base = node(id, 'firehose').config as FirehoseConfig;
  return node(id, 'firehose', { ...base, ...over });
}

export function build(
  nodes: PipelineNode[],
  edges: [string, string, PipelineEdge['config']?][],
  opts: { timeline?: TimelineEvent[]; startTime?: string } = {},
): EngineSimulation {
  const doc = design(nodes, edges, { timeline: opts.timeline });
  doc.settings.startTime = opts.startTime ?? '2016-02-25T13:00:00.000Z';
  return new EngineSimulation(doc, { seed: 11 });
}

/** A producer of `rate` records/s whose records are real JSON of about `bytes` bytes (template size). */
export function jsonProducer(
  id: string,
  rate: number,
  source: 'putRecords' | 'putRecord' = 'putRecords',
): PipelineNode {
  return plainProducer(id, rate, 0, {
    source,
    size: { type: 'template' },
    template: '{"sensor":"s-{{random.number(9)}}","v":{{random.number(99)}},"unit":"celsius"}\n',
  });
}

export function objectsOf(sim: EngineSimulation, bucketId: string): S3Object[] {
  const d = sim.destination(bucketId);
  return d?.kind === 's3' ? d.objects : [];
}

export function reportOf(sim: EngineSimulation, id: string): NodeReport {
  const r = sim.report().nodes.find((n) => n.id === id);
  if (!r) throw new Error(`no node ${id}`);
  return r;
}

export function conserved(sim: EngineSimulation, id: string): boolean {
  return sim.report().conservation.nodes.find((n) => n.nodeId === id)?.ok ?? false;
}

export { node, plainProducer };
