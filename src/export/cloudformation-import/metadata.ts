/**
 * The exporter's side of the round trip: the `Metadata.Shardscape` block of a template, holding
 * exactly what an import of the template's resources would not give back. It is computed by
 * importing the resources (derive + assemble) and keeping the differences, so it stays small and
 * the importer, not a second description of the mapping, decides what the resources carry.
 */
import type { PipelineDoc, PipelineNode } from '../../model/types.ts';
import { assemble, type NodeMeta, type ShardscapeMetadata } from './assemble.ts';
import { toEsModule } from './code.ts';
import { derive } from './derive.ts';
import type { CfnTemplate } from './parse.ts';

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What `merge(base, patch)` needs to turn base into actual; undefined when they are equal. */
export function diff(base: unknown, actual: unknown): unknown {
  if (same(base, actual)) return undefined;
  if (!isPlain(base) || !isPlain(actual)) return actual;
  if ('type' in actual && actual.type !== base.type) return actual;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(actual)) {
    const d = diff(base[k], v);
    if (d !== undefined) out[k] = d;
  }
  return out;
}

/** `producer/<name>` for producers (no resource), else the logical id of the node's main resource. */
export type KeyOf = (n: PipelineNode) => string;

export function designMetadata(doc: PipelineDoc, template: CfnTemplate, keyOf: KeyOf): ShardscapeMetadata {
  const derived = derive(template);
  const drafts = new Map(derived.drafts.map((d) => [d.key, d]));
  const Nodes: Record<string, NodeMeta> = {};
  const ExtraNodes: PipelineNode[] = [];
  for (const n of doc.nodes) {
    const key = keyOf(n);
    if (drafts.get(key)?.kind === n.kind) Nodes[key] = { id: n.id };
    else ExtraNodes.push(n);
  }
  // The design the resources alone give, with the design's ids (so references between nodes match).
  const base = assemble(
    derived,
    { Version: 1, Nodes, ExtraNodes },
    { fallbackName: doc.name, layout: false },
  ).doc;
  for (const n of doc.nodes) {
    const key = keyOf(n);
    const from = Nodes[key] && base.nodes.find((b) => b.id === n.id);
    if (!from) continue;
    const entry: NodeMeta = { id: n.id, position: n.position };
    if (from.name !== n.name) entry.name = n.name;
    let baseConfig: unknown = from.config;
    if (n.kind === 'lambda' && from.kind === 'lambda' && from.config.code !== n.config.code) {
      const esm = toEsModule(from.config.code);
      if (esm === n.config.code) {
        entry.esModule = true;
        baseConfig = { ...from.config, code: esm };
      }
    }
    const config = diff(baseConfig, n.config);
    if (isPlain(config) && Object.keys(config).length > 0) entry.config = config;
    Nodes[key] = entry;
  }
  const Edges: ShardscapeMetadata['Edges'] = {};
  const ExtraEdges = [];
  const matched = new Set<string>();
  for (const e of doc.edges) {
    const b = base.edges.find((x) => x.source === e.source && x.target === e.target);
    if (!b) {
      ExtraEdges.push(e);
      continue;
    }
    matched.add(b.id);
    const x: { id?: string; config?: typeof e.config } = {};
    if (b.id !== e.id) x.id = e.id;
    if (!same(b.config, e.config)) x.config = e.config;
    if (x.id || x.config) Edges[b.id] = x;
  }
  const DropEdges = base.edges.filter((b) => !matched.has(b.id)).map((b) => b.id);
  return {
    Version: 1,
    Design: { name: doc.name, description: doc.description, timeline: doc.timeline, settings: doc.settings },
    Nodes,
    ...(ExtraNodes.length ? { ExtraNodes } : {}),
    ...(Object.keys(Edges).length ? { Edges } : {}),
    ...(ExtraEdges.length ? { ExtraEdges } : {}),
    ...(DropEdges.length ? { DropEdges } : {}),
    NodeOrder: doc.nodes.map((n) => n.id),
    EdgeOrder: doc.edges.map((e) => e.id),
  };
}
