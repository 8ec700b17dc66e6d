import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../model/changes.ts';
import { createNode, emptyDocument } from '../../model/factory.ts';
import type { PipelineDoc } from '../../model/types.ts';
import { copyFragment, pasteFragment, uniqueName } from './clipboard.ts';

function design(): PipelineDoc {
  const doc = emptyDocument('t');
  return {
    ...doc,
    nodes: [
      { ...createNode('producer', { id: 'p', position: { x: 0, y: 0 } }), name: 'web' },
      { ...createNode('stream', { id: 's', position: { x: 300, y: 0 } }), name: 'clicks' },
      { ...createNode('lambda', { id: 'l', position: { x: 600, y: 0 } }), name: 'enrich' },
    ] as PipelineDoc['nodes'],
    edges: [
      { id: 'e1', source: 'p', target: 's', config: {} },
      { id: 'e2', source: 's', target: 'l', config: {} },
    ],
  };
}

describe('copy / paste', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const fragment = copyFragment(design(), ['p', 's']);
    expect(fragment?.nodes.map((n) => n.id)).toEqual(['p', 's']);
    expect(fragment?.edges.map((e) => e.id)).toEqual(['e1']);
    expect(copyFragment(design(), [])).toBeNull();
  });

  it('pastes with new ids, unique names, a 40 px offset and rewired edges', () => {
    const doc = design();
    const fragment = copyFragment(doc, ['p', 's']);
    if (!fragment) throw new Error('nothing copied');
    let n = 0;
    const { changes, nodeIds } = pasteFragment(
      doc,
      fragment,
      { x: 40, y: 40 },
      (prefix) => `${prefix}-new${++n}`,
    );
    const after = applyChanges(doc, changes);
    expect(after.nodes).toHaveLength(5);
    expect(after.edges).toHaveLength(3);
    const pasted = after.nodes.filter((x) => nodeIds.includes(x.id));
    expect(pasted.map((x) => x.name)).toEqual(['web-copy', 'clicks-copy']);
    expect(pasted[1].position).toEqual({ x: 340, y: 40 });
    const newEdge = after.edges[2];
    expect([newEdge.source, newEdge.target]).toEqual(nodeIds);
    // The originals are untouched.
    expect(after.nodes.slice(0, 3)).toEqual(doc.nodes);
  });

  it('numbers further copies: web-copy, web-copy-2, web-copy-3', () => {
    const taken = new Set(['web', 'web-copy']);
    expect(uniqueName('web', taken)).toBe('web-copy-2');
    expect(uniqueName('web-copy', taken)).toBe('web-copy-3');
  });
});
