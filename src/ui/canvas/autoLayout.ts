/** Auto-layout with dagre, left → right (producers on the left, destinations on the right). */
import dagre from '@dagrejs/dagre';
import type { Change } from '../../model/changes.ts';
import type { PipelineDoc } from '../../model/types.ts';

/** Card footprint in px used for spacing (cards are 240 px wide, roughly 110 px tall). */
export const CARD_WIDTH = 240;
export const CARD_HEIGHT = 110;

export function autoLayout(
  doc: PipelineDoc,
  sizes?: ReadonlyMap<string, { width: number; height: number }>,
): Change[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) {
    const size = sizes?.get(node.id) ?? { width: CARD_WIDTH, height: CARD_HEIGHT };
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of doc.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const changes: Change[] = [];
  for (const node of doc.nodes) {
    const laid = g.node(node.id);
    // dagre gives centres; React Flow positions are top-left corners. Round to whole px.
    const x = Math.round(laid.x - laid.width / 2);
    const y = Math.round(laid.y - laid.height / 2);
    if (x !== node.position.x || y !== node.position.y) {
      changes.push({ type: 'node/move', id: node.id, position: { x, y } });
    }
  }
  return changes;
}
