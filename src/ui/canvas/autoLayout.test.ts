import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../model/changes.ts';
import { createNode, emptyDocument } from '../../model/factory.ts';
import type { PipelineDoc } from '../../model/types.ts';
import { autoLayout } from './autoLayout.ts';

describe('auto-layout', () => {
  it('lays a pipeline out left to right: producer, stream, then its two consumers in one column', () => {
    const base = emptyDocument('t');
    // Everything piled at the origin, as after a careless import.
    const doc: PipelineDoc = {
      ...base,
      nodes: [
        createNode('producer', { id: 'p' }),
        createNode('stream', { id: 's' }),
        createNode('lambda', { id: 'l' }),
        createNode('firehose', { id: 'f' }),
      ],
      edges: [
        { id: 'e1', source: 'p', target: 's', config: {} },
        { id: 'e2', source: 's', target: 'l', config: {} },
        { id: 'e3', source: 's', target: 'f', config: {} },
      ],
    };
    const after = applyChanges(doc, autoLayout(doc));
    const at = Object.fromEntries(after.nodes.map((n) => [n.id, n.position]));
    expect(at.p.x).toBeLessThan(at.s.x);
    expect(at.s.x).toBeLessThan(at.l.x);
    expect(at.l.x).toBe(at.f.x);
    // Same column, no overlap: at least a card height (110 px) apart.
    expect(Math.abs(at.l.y - at.f.y)).toBeGreaterThanOrEqual(110);
    // Laying out an already laid-out design changes nothing.
    expect(autoLayout(after)).toEqual([]);
  });
});
