/**
 * The load a design implies, from the design alone (no run): records/s and bytes/s into each node,
 * mean and peak, following the edges from the producers. Used for cost before running and for the
 * hot-key check. Rates are per simulated second; bytes are bytes (not MiB).
 *
 * Simplifications (said in the cost assumptions): Lambda consumers pass records on one for one,
 * an aggregating Analytics query about one row per second; a node with several outputs sends every record to each.
 */
import type {
  NodeKind,
  PipelineDoc,
  PipelineNode,
  PipelineNodeOf,
  ProducerConfig,
  RateProfile,
} from '../../model/types.ts';
import { compileTemplate, TemplateRenderer } from '../producer/template.ts';
import { utf8Length } from '../records.ts';

export interface NodeLoad {
  /** Mean records/s coming in. */
  recordsPerSec: number;
  /** Mean bytes/s coming in (data blobs, partition keys not included). */
  bytesPerSec: number;
  /** Highest records/s the rate profiles reach (surges on the timeline included). */
  peakRecordsPerSec: number;
}

const ZERO: NodeLoad = { recordsPerSec: 0, bytesPerSec: 0, peakRecordsPerSec: 0 };

/** Mean and peak of a rate profile, records/s. */
export function rateOf(p: RateProfile): { mean: number; peak: number } {
  switch (p.type) {
    case 'constant':
      return { mean: p.recordsPerSec, peak: p.recordsPerSec };
    case 'ramp':
      // The ramp ends flat at `toPerSec`; a long run sits there, so that is the steady rate.
      return { mean: p.toPerSec, peak: Math.max(p.fromPerSec, p.toPerSec) };
    case 'periodic': {
      const h = p.hourly.length > 0 ? p.hourly : [0];
      return { mean: h.reduce((a, b) => a + b, 0) / h.length, peak: Math.max(...h) };
    }
    case 'burst': {
      const share = p.everySec > 0 ? Math.min(1, p.burstSec / p.everySec) : 0;
      return {
        mean: p.basePerSec + (p.burstPerSec - p.basePerSec) * share,
        peak: Math.max(p.basePerSec, p.burstPerSec),
      };
    }
  }
}

/** A few rendered records of a producer's template (seeded, so the same design gives the same). */
export function sampleRecords(cfg: ProducerConfig, count: number, seed = 1): string[] {
  const compiled = compileTemplate(cfg.template);
  const r = new TemplateRenderer(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    r.begin();
    out.push(r.render(compiled, Date.UTC(2024, 0, 1, 12) + i * 1000));
  }
  return out;
}

/** Mean blob size in bytes of a producer's records. */
export function meanRecordBytes(cfg: ProducerConfig): number {
  const s = cfg.size;
  switch (s.type) {
    case 'fixed':
      return s.bytes;
    case 'uniform':
      return (s.minBytes + s.maxBytes) / 2;
    case 'normal':
      return s.meanBytes;
    case 'template': {
      if (cfg.source === 'agent') return 200; // a typical access-log line
      const samples = sampleRecords(cfg, 8);
      return samples.reduce((a, t) => a + utf8Length(t), 0) / samples.length;
    }
  }
}

/** Peak multiplier of a producer's surges on the timeline (1 without any). */
function surgeOf(doc: PipelineDoc, nodeId: string): number {
  let m = 1;
  for (const e of doc.timeline)
    if (e.type === 'producerSurge' && e.nodeId === nodeId) m = Math.max(m, e.multiplier);
  return m;
}

/** Load into every node of the design, keyed by node id. */
export function designLoad(doc: PipelineDoc): Map<string, NodeLoad> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = new Map<string, NodeLoad>();
  const outgoing = new Map<string, NodeLoad>();
  for (const n of doc.nodes) {
    if (n.kind !== 'producer') continue;
    const r = rateOf(n.config.rate);
    const load = {
      recordsPerSec: r.mean,
      bytesPerSec: r.mean * meanRecordBytes(n.config),
      peakRecordsPerSec: r.peak * surgeOf(doc, n.id),
    };
    out.set(n.id, load);
    outgoing.set(n.id, load);
  }
  // Relax along the edges until nothing changes (designs are acyclic; bounded by the node count).
  for (let pass = 0; pass < doc.nodes.length; pass++) {
    let changed = false;
    const incoming = new Map<string, NodeLoad>();
    for (const e of doc.edges) {
      const src = outgoing.get(e.source);
      const target = byId.get(e.target);
      if (!src || !target || e.config.role === 'backup') continue;
      const acc = incoming.get(e.target) ?? { ...ZERO };
      acc.recordsPerSec += src.recordsPerSec;
      acc.bytesPerSec += src.bytesPerSec;
      acc.peakRecordsPerSec += src.peakRecordsPerSec;
      incoming.set(e.target, acc);
    }
    for (const [id, load] of incoming) {
      const prev = out.get(id);
      if (prev && prev.recordsPerSec === load.recordsPerSec && prev.bytesPerSec === load.bytesPerSec)
        continue;
      out.set(id, load);
      outgoing.set(id, passOn(byId.get(id) as PipelineNode, load));
      changed = true;
    }
    if (!changed) break;
  }
  for (const n of doc.nodes) if (!out.has(n.id)) out.set(n.id, { ...ZERO });
  return out;
}

type PassOn = { [K in NodeKind]: (node: PipelineNodeOf<K>, load: NodeLoad) => NodeLoad };

/** What each kind sends on (see the file comment). */
const PASS_ON: PassOn = {
  producer: (_n, l) => l,
  stream: (_n, l) => l,
  lambda: (_n, l) => l,
  // An aggregating query (GROUP BY on a window) emits about one row per second and output; the
  // size of a row is about 50 bytes of JSON (a key and a count).
  analytics: (n, l) =>
    /\bGROUP\s+BY\b/i.test(n.config.sql)
      ? {
          recordsPerSec: Math.min(l.recordsPerSec, 1),
          bytesPerSec: Math.min(l.bytesPerSec, 50),
          peakRecordsPerSec: Math.min(l.peakRecordsPerSec, 1),
        }
      : l,
  firehose: (_n, l) => l,
  s3: (_n, l) => l,
  redshift: (_n, l) => l,
  opensearch: (_n, l) => l,
  dynamodb: (_n, l) => l,
  consumerApp: (_n, l) => l,
};

function passOn(node: PipelineNode, load: NodeLoad): NodeLoad {
  return (PASS_ON[node.kind] as (n: PipelineNode, l: NodeLoad) => NodeLoad)(node, load);
}
