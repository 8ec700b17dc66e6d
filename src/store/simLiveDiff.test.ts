import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/changes.ts';
import { createNode, emptyDocument } from '../model/factory.ts';
import type { PipelineDoc, PipelineNode } from '../model/types.ts';
import { liveDiff } from './simLiveDiff.ts';

function design(): PipelineDoc {
  const doc = emptyDocument('live');
  const names: string[] = [];
  const add = (kind: PipelineNode['kind'], id: string) => {
    const n = createNode(kind, { id, position: { x: 0, y: 0 }, existingNames: names });
    names.push(n.name);
    return n;
  };
  return {
    ...doc,
    nodes: [add('producer', 'p'), add('stream', 's'), add('lambda', 'l'), add('firehose', 'f')],
    edges: [
      { id: 'e1', source: 'p', target: 's', config: {} },
      { id: 'e2', source: 's', target: 'l', config: { readMode: 'polling' } },
    ],
  };
}

function withConfig(doc: PipelineDoc, id: string, patch: (c: never) => object): PipelineDoc {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) throw new Error(id);
  return applyChanges(doc, [{ type: 'node/config', id, config: patch(node.config as never) } as never]);
}

describe('edits while running', () => {
  it('raising a stream from 2 to 4 shards is a live reshard, nothing to restart', () => {
    const a = design();
    const b = withConfig(a, 's', (c: { shardCount: number }) => ({ ...c, shardCount: 4 }));
    expect(liveDiff(a, b)).toEqual({
      edits: [{ type: 'shardCount', nodeId: 's', shardCount: 4 }],
      faults: [],
      structural: false,
      deferred: [],
    });
  });

  it('batch size and parallelization factor apply live; a code change waits for the next run', () => {
    const a = design();
    const b = withConfig(a, 'l', (c: { esm: object; code: string }) => ({
      ...c,
      esm: { ...c.esm, batchSize: 500, parallelizationFactor: 10 },
      code: 'export const handler = async () => {}',
    }));
    const d = liveDiff(a, b);
    expect(d.edits).toEqual([
      { type: 'batchSize', nodeId: 'l', batchSize: 500 },
      { type: 'parallelizationFactor', nodeId: 'l', parallelizationFactor: 10 },
    ]);
    expect(d.structural).toBe(false);
    expect(d.deferred).toEqual([a.nodes[2].name]);
  });

  it('buffer hints of a delivery stream apply live as one edit', () => {
    const a = design();
    const b = withConfig(a, 'f', (c: object) => ({ ...c, bufferSizeMiB: 1, bufferIntervalSec: 60 }));
    expect(liveDiff(a, b).edits).toEqual([
      { type: 'bufferHints', nodeId: 'f', bufferSizeMiB: 1, bufferIntervalSec: 60 },
    ]);
  });

  it('adding a node, removing an edge or switching an edge to EFO asks for a restart', () => {
    const a = design();
    const added = applyChanges(a, [
      { type: 'node/add', node: createNode('s3', { id: 'b', position: { x: 1, y: 1 }, existingNames: [] }) },
    ]);
    expect(liveDiff(a, added).structural).toBe(true);
    expect(liveDiff(a, applyChanges(a, [{ type: 'edge/remove', id: 'e1' }])).structural).toBe(true);
    const efo = applyChanges(a, [
      { type: 'edge/config', id: 'e2', config: { readMode: 'efo', efoConsumerName: 'x' } },
    ]);
    expect(liveDiff(a, efo).structural).toBe(true);
  });

  it('moving and renaming change nothing; a new timeline event becomes a fault to inject', () => {
    const a = design();
    const moved = applyChanges(a, [
      { type: 'node/move', id: 'p', position: { x: 300, y: 40 } },
      { type: 'node/rename', id: 'p', name: 'clicks' },
    ]);
    expect(liveDiff(a, moved)).toEqual({ edits: [], faults: [], structural: false, deferred: [] });
    const fault = { id: 't1', type: 'destinationOutage' as const, nodeId: 'f', fromSec: 30, toSec: 90 };
    const withFault = applyChanges(a, [{ type: 'timeline/add', event: fault }]);
    expect(liveDiff(a, withFault).faults).toEqual([fault]);
  });
});
