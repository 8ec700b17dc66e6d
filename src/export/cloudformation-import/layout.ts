/**
 * Positions for an imported design that has none (a hand-written template): dagre, left → right,
 * with the canvas's card footprint and spacing (the same as the studio's Auto-layout command).
 */
import dagre from '@dagrejs/dagre';
import type { PipelineDoc, XY } from '../../model/types.ts';

/** Card footprint in px (the canvas's cards are 240 px wide, about 110 px tall). */
const CARD = { width: 240, height: 110 };

export function layoutPositions(doc: PipelineDoc): Map<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) g.setNode(n.id, { ...CARD });
  for (const e of doc.edges) g.setEdge(e.source, e.target);
  // A transform function has no edge: keep it next to its delivery stream.
  for (const n of doc.nodes)
    if (n.kind === 'firehose' && n.config.transformLambdaId) g.setEdge(n.config.transformLambdaId, n.id);
  dagre.layout(g);
  const out = new Map<string, XY>();
  for (const n of doc.nodes) {
    const laid = g.node(n.id);
    out.set(n.id, { x: Math.round(laid.x - CARD.width / 2), y: Math.round(laid.y - CARD.height / 2) });
  }
  return out;
}
