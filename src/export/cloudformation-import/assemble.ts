/**
 * Draft nodes and edges → a design, with the exporter's `Metadata.Shardscape` block laid over
 * them when the template has one. The block carries only what the resources cannot: node ids,
 * positions, names, and the config values that differ from what the resources say (simulation
 * settings, producers' records, Analytics SQL…). Without it (a hand-written template) the design
 * gets fresh ids and an automatic left-to-right layout.
 */
import { syncDerived } from '../../model/changes.ts';
import { emptyDocument } from '../../model/factory.ts';
import type { EdgeConfig, PipelineDoc, PipelineEdge, PipelineNode, XY } from '../../model/types.ts';
import { toEsModule } from './code.ts';
import { type Derived, kebab, type Unmapped } from './derive.ts';
import { layoutPositions } from './layout.ts';

export interface NodeMeta {
  id?: string;
  name?: string;
  position?: XY;
  /** The design's handler is an ES module (`export const handler`); the template has CommonJS. */
  esModule?: true;
  /** Config values the resources do not give (deep-merged over what they do). */
  config?: Record<string, unknown>;
}

export interface ShardscapeMetadata {
  Version: 1;
  Design?: Pick<PipelineDoc, 'name' | 'description' | 'timeline' | 'settings'>;
  /** By the logical id of the node's main resource (producers: `producer/<name>`). */
  Nodes?: Record<string, NodeMeta>;
  /** Nodes no resource stands for (e.g. a producer wired to nothing). */
  ExtraNodes?: PipelineNode[];
  /** By the id an edge gets from its ends (`<source>--<target>`). */
  Edges?: Record<string, { id?: string; config?: EdgeConfig }>;
  ExtraEdges?: PipelineEdge[];
  DropEdges?: string[];
  NodeOrder?: string[];
  EdgeOrder?: string[];
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Lay `patch` over `base`: objects merge key by key; a variant with another `type` replaces. */
export function merge<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) return (patch === undefined ? base : patch) as T;
  if ('type' in patch && patch.type !== base.type) return patch as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(base[k], v);
  return out as T;
}

export interface Assembled {
  doc: PipelineDoc;
  unmapped: Unmapped[];
}

export function assemble(
  d: Derived,
  meta: ShardscapeMetadata | null,
  opts: { fallbackName: string; layout?: boolean },
): Assembled {
  const m = meta?.Nodes ?? {};
  const taken = new Set<string>(Object.values(m).flatMap((x) => (x.id ? [x.id] : [])));
  for (const n of meta?.ExtraNodes ?? []) taken.add(n.id);
  const idOf = new Map<string, string>();
  for (const draft of d.drafts) {
    let id = m[draft.key]?.id;
    if (!id) {
      const base = kebab(draft.name);
      id = base;
      for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    }
    taken.add(id);
    idOf.set(draft.key, id);
  }
  let nodes: PipelineNode[] = d.drafts.map((draft) => {
    const x = m[draft.key] ?? {};
    let config = { ...draft.config } as Record<string, unknown>;
    if (draft.kind === 'firehose')
      config.transformLambdaId = draft.transformKey ? (idOf.get(draft.transformKey) ?? null) : null;
    if (draft.kind === 'analytics' && draft.outputs)
      config.outputs = draft.outputs.map(({ key, ...o }) => ({ ...o, edgeTarget: idOf.get(key) as string }));
    if (draft.kind === 'lambda' && x.esModule) config.code = toEsModule(String(config.code));
    config = merge(config, x.config);
    return {
      id: idOf.get(draft.key) as string,
      kind: draft.kind,
      name: x.name ?? draft.name,
      position: x.position ?? { x: 0, y: 0 },
      config,
    } as PipelineNode;
  });
  nodes.push(...(meta?.ExtraNodes ?? []));

  const drop = new Set(meta?.DropEdges ?? []);
  let edges: PipelineEdge[] = [];
  for (const e of d.edges) {
    const source = idOf.get(e.source) as string;
    const target = idOf.get(e.target) as string;
    const id = `${source}--${target}`;
    if (drop.has(id)) continue;
    const x = meta?.Edges?.[id];
    edges.push({ id: x?.id ?? id, source, target, config: x?.config ?? e.config });
  }
  edges.push(...(meta?.ExtraEdges ?? []));
  if (meta?.NodeOrder) nodes = inOrder(nodes, meta.NodeOrder);
  if (meta?.EdgeOrder) edges = inOrder(edges, meta.EdgeOrder);

  const design = meta?.Design;
  let doc: PipelineDoc = {
    ...emptyDocument(design?.name ?? d.name ?? opts.fallbackName),
    ...(design ?? {}),
    nodes,
    edges,
  };
  doc = syncDerived(doc);
  const placed = d.drafts.every((draft) => m[draft.key]?.position);
  if (opts.layout !== false && !placed) {
    const at = layoutPositions(doc);
    doc = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })) };
  }
  // A note about a field the Metadata carries after all (the SQL, the code) is not a loss.
  const unmapped = d.unmapped.filter((u) => !(u.field && m[u.logicalId]?.config?.[u.field] !== undefined));
  return { doc, unmapped };
}

function inOrder<T extends { id: string }>(list: T[], order: string[]): T[] {
  const at = new Map(order.map((id, i) => [id, i]));
  return [...list].sort((a, b) => (at.get(a.id) ?? order.length) - (at.get(b.id) ?? order.length));
}
