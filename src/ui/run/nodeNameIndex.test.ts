import { describe, expect, it } from 'vitest';
import { createNode } from '../../model/factory.ts';
import { nodeNameIndex } from './NodeLiveOverlay.tsx';

describe('node name index for live overlays', () => {
  const nodes = [
    createNode('producer', { id: 'p', position: { x: 0, y: 0 }, existingNames: [] }),
    createNode('stream', { id: 's', position: { x: 300, y: 0 }, existingNames: [] }),
  ];

  it('finds each node name by id', () => {
    const index = nodeNameIndex(nodes);
    expect(index.get('s')).toBe(nodes[1]?.name);
    expect(index.get('missing')).toBeUndefined();
  });

  it('is built once per nodes array, and again when the array changes', () => {
    expect(nodeNameIndex(nodes)).toBe(nodeNameIndex(nodes));
    const renamed = nodes.map((n) => (n.id === 's' ? { ...n, name: 'clicks' } : n));
    expect(nodeNameIndex(renamed)).not.toBe(nodeNameIndex(nodes));
    expect(nodeNameIndex(renamed).get('s')).toBe('clicks');
  });
});
