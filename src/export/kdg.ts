/**
 * Kinesis Data Generator templates for the design's template producers (Data Generator and any
 * producer with a record template): the same `{{faker…}}` template the simulator renders, the
 * target to pick in the KDG page, and the rate to type in, so a workshop feeds the deployed
 * pipeline the records it simulated.
 */
import type { PipelineDoc, RateProfile } from '../model/types.ts';

export interface KdgTemplate {
  producer: string;
  /** The stream or delivery stream to select in KDG (deployed name). */
  target: string;
  targetType: 'Kinesis data stream' | 'Kinesis Firehose delivery stream';
  /** Records per second to enter in KDG (the design's mean rate). */
  recordsPerSecond: number;
  template: string;
}

function meanRate(r: RateProfile): number {
  switch (r.type) {
    case 'constant':
      return r.recordsPerSec;
    case 'ramp':
      return (r.fromPerSec + r.toPerSec) / 2;
    case 'periodic':
      return r.hourly.reduce((a, b) => a + b, 0) / Math.max(1, r.hourly.length);
    case 'burst':
      return (
        (r.basePerSec * (r.everySec - r.burstSec) + r.burstPerSec * r.burstSec) / Math.max(1, r.everySec)
      );
  }
}

export function kdgTemplates(doc: PipelineDoc, prefix = 'dev'): KdgTemplate[] {
  const out: KdgTemplate[] = [];
  for (const n of doc.nodes) {
    if (n.kind !== 'producer' || n.config.source === 'agent' || !n.config.template.trim()) continue;
    for (const e of doc.edges.filter((x) => x.source === n.id)) {
      const target = doc.nodes.find((x) => x.id === e.target);
      if (!target) continue;
      out.push({
        producer: n.name,
        target: `${prefix}-${target.name}`,
        targetType: target.kind === 'stream' ? 'Kinesis data stream' : 'Kinesis Firehose delivery stream',
        recordsPerSecond: Math.round(meanRate(n.config.rate)),
        template: n.config.template,
      });
    }
  }
  return out;
}
