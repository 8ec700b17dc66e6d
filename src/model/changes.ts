/**
 * Every edit to a design is a Change: plain data, applied by a pure function. The store records the
 * document before a batch for undo; nothing here mutates its input, and untouched nodes, edges and
 * arrays keep their identity (structural sharing) so React can skip them.
 */
import type {
  AnalyticsConfig,
  EdgeConfig,
  FirehoseConfig,
  PipelineDoc,
  PipelineEdge,
  PipelineNode,
  RunSettings,
  TimelineEvent,
  XY,
} from './types.ts';

export type Change =
  | { type: 'node/add'; node: PipelineNode }
  /** Also removes its edges, its timeline events, and references to it (transform Lambda, SQL outputs). */
  | { type: 'node/remove'; id: string }
  | { type: 'node/move'; id: string; position: XY }
  | { type: 'node/rename'; id: string; name: string }
  | { type: 'node/config'; id: string; config: PipelineNode['config'] }
  | { type: 'edge/add'; edge: PipelineEdge }
  | { type: 'edge/remove'; id: string }
  | { type: 'edge/config'; id: string; config: EdgeConfig }
  | { type: 'doc/rename'; name: string }
  | { type: 'doc/settings'; settings: Partial<RunSettings> }
  | { type: 'timeline/add'; event: TimelineEvent }
  | { type: 'timeline/remove'; id: string }
  | { type: 'doc/replace'; doc: PipelineDoc };

function mapNode(doc: PipelineDoc, id: string, f: (n: PipelineNode) => PipelineNode): PipelineDoc {
  const i = doc.nodes.findIndex((n) => n.id === id);
  if (i < 0) return doc;
  const next = f(doc.nodes[i]);
  if (next === doc.nodes[i]) return doc;
  const nodes = doc.nodes.slice();
  nodes[i] = next;
  return { ...doc, nodes };
}

function applyOne(doc: PipelineDoc, c: Change): PipelineDoc {
  switch (c.type) {
    case 'node/add':
      if (doc.nodes.some((n) => n.id === c.node.id)) return doc;
      return { ...doc, nodes: [...doc.nodes, c.node] };
    case 'node/remove': {
      if (!doc.nodes.some((n) => n.id === c.id)) return doc;
      const edges = doc.edges.filter((e) => e.source !== c.id && e.target !== c.id);
      const timeline = doc.timeline.filter((e) => e.nodeId !== c.id);
      return {
        ...doc,
        nodes: doc.nodes.filter((n) => n.id !== c.id),
        edges: edges.length === doc.edges.length ? doc.edges : edges,
        timeline: timeline.length === doc.timeline.length ? doc.timeline : timeline,
      };
    }
    case 'node/move':
      return mapNode(doc, c.id, (n) =>
        n.position.x === c.position.x && n.position.y === c.position.y
          ? n
          : { ...n, position: { x: c.position.x, y: c.position.y } },
      );
    case 'node/rename':
      return mapNode(doc, c.id, (n) => (n.name === c.name ? n : { ...n, name: c.name }));
    case 'node/config':
      return mapNode(doc, c.id, (n) =>
        n.config === c.config ? n : ({ ...n, config: c.config } as PipelineNode),
      );
    case 'edge/add': {
      const e = c.edge;
      if (doc.edges.some((x) => x.id === e.id)) return doc;
      const ids = new Set(doc.nodes.map((n) => n.id));
      if (!ids.has(e.source) || !ids.has(e.target)) return doc;
      return { ...doc, edges: [...doc.edges, e] };
    }
    case 'edge/remove':
      if (!doc.edges.some((e) => e.id === c.id)) return doc;
      return { ...doc, edges: doc.edges.filter((e) => e.id !== c.id) };
    case 'edge/config': {
      const i = doc.edges.findIndex((e) => e.id === c.id);
      if (i < 0 || doc.edges[i].config === c.config) return doc;
      const edges = doc.edges.slice();
      edges[i] = { ...edges[i], config: c.config };
      return { ...doc, edges };
    }
    case 'doc/rename':
      return doc.name === c.name ? doc : { ...doc, name: c.name };
    case 'doc/settings':
      return { ...doc, settings: { ...doc.settings, ...c.settings } };
    case 'timeline/add':
      if (doc.timeline.some((e) => e.id === c.event.id)) return doc;
      return { ...doc, timeline: [...doc.timeline, c.event] };
    case 'timeline/remove':
      if (!doc.timeline.some((e) => e.id === c.id)) return doc;
      return { ...doc, timeline: doc.timeline.filter((e) => e.id !== c.id) };
    case 'doc/replace':
      return c.doc;
    default:
      return doc;
  }
}

const WIRING = new Set(['node/add', 'node/remove', 'edge/add', 'edge/remove']);

/**
 * Keep config values that follow from wiring in step with it:
 * - a Firehose fed by a data stream has source 'kinesisStream'; fed by a producer, 'directPut';
 * - an Analytics app has one output per outgoing edge (new edges get DESTINATION_SQL_STREAM as JSON);
 * - a Firehose's transformLambdaId is cleared when that Lambda is gone;
 * - a Firehose's S3 edge has role 'backup' when it also delivers to Redshift / OpenSearch, else 'delivery'.
 * Nodes that need no update keep their identity.
 */
export function syncDerived(doc: PipelineDoc): PipelineDoc {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  let nodes: PipelineNode[] | null = null;
  doc.nodes.forEach((n, i) => {
    let next: PipelineNode = n;
    if (n.kind === 'firehose') {
      const sources = doc.edges.filter((e) => e.target === n.id).map((e) => byId.get(e.source)?.kind);
      let cfg: FirehoseConfig = n.config;
      if (sources.includes('stream') && cfg.source !== 'kinesisStream')
        cfg = { ...cfg, source: 'kinesisStream' };
      else if (!sources.includes('stream') && sources.includes('producer') && cfg.source !== 'directPut')
        cfg = { ...cfg, source: 'directPut' };
      if (cfg.transformLambdaId !== null && byId.get(cfg.transformLambdaId)?.kind !== 'lambda')
        cfg = { ...cfg, transformLambdaId: null };
      if (cfg !== n.config) next = { ...n, config: cfg };
    } else if (n.kind === 'analytics') {
      const targets = doc.edges.filter((e) => e.source === n.id).map((e) => e.target);
      const kept = n.config.outputs.filter((o) => targets.includes(o.edgeTarget));
      const added = targets
        .filter((t) => !kept.some((o) => o.edgeTarget === t))
        .map((t): AnalyticsConfig['outputs'][number] => ({
          inAppStream: 'DESTINATION_SQL_STREAM',
          edgeTarget: t,
          format: 'JSON',
        }));
      if (kept.length !== n.config.outputs.length || added.length > 0)
        next = { ...n, config: { ...n.config, outputs: [...kept, ...added] } };
    }
    if (next !== n) {
      nodes ??= doc.nodes.slice();
      nodes[i] = next;
    }
  });
  // A Firehose's S3 edge is the delivery when S3 is its only destination, and the staging / backup
  // bucket when it also delivers to Redshift or OpenSearch.
  let edges: PipelineEdge[] | null = null;
  doc.edges.forEach((e, i) => {
    const src = byId.get(e.source);
    if (src?.kind !== 'firehose' || byId.get(e.target)?.kind !== 's3') return;
    const hasMain = doc.edges.some(
      (o) =>
        o.source === e.source &&
        (byId.get(o.target)?.kind === 'redshift' || byId.get(o.target)?.kind === 'opensearch'),
    );
    const role = hasMain ? 'backup' : 'delivery';
    if (e.config.role === role) return;
    edges ??= doc.edges.slice();
    edges[i] = { ...e, config: { ...e.config, role } };
  });
  if (!nodes && !edges) return doc;
  return { ...doc, nodes: nodes ?? doc.nodes, edges: edges ?? doc.edges };
}

/** Apply changes in order. Unknown ids and duplicate adds are ignored; the input is never mutated. */
export function applyChanges(doc: PipelineDoc, changes: readonly Change[]): PipelineDoc {
  let next = doc;
  let wiring = false;
  for (const c of changes) {
    next = applyOne(next, c);
    if (WIRING.has(c.type)) wiring = true;
  }
  return wiring && next !== doc ? syncDerived(next) : next;
}
