import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, type Change } from './changes.ts';
import { setField } from './config.ts';
import { createNode } from './factory.ts';
import { TEMPLATES } from './templates/index.ts';
import { deepFreeze, sketch } from './testing.ts';
import type { PipelineDoc } from './types.ts';

const clickstream = () =>
  structuredClone((TEMPLATES.find((t) => t.id === 'clickstream') as { doc: PipelineDoc }).doc);

describe('applyChanges', () => {
  it('moves, renames and reconfigures one node, sharing every other node and the edges', () => {
    const doc = deepFreeze(clickstream());
    const next = applyChanges(doc, [
      { type: 'node/move', id: 'clicks', position: { x: 300, y: 170 } },
      { type: 'node/rename', id: 'clicks', name: 'clicks-v2' },
    ]);
    const i = doc.nodes.findIndex((n) => n.id === 'clicks');
    expect(next.nodes[i]).toMatchObject({ name: 'clicks-v2', position: { x: 300, y: 170 } });
    expect(next.nodes.filter((_, j) => j !== i)).toEqual(doc.nodes.filter((_, j) => j !== i));
    next.nodes.forEach((n, j) => {
      if (j !== i) expect(n).toBe(doc.nodes[j]);
    });
    expect(next.edges).toBe(doc.edges);
  });

  it('removing a node removes its edges, its timeline events and references to it', () => {
    const doc = deepFreeze({
      ...clickstream(),
      timeline: [{ id: 't1', type: 'destinationOutage' as const, nodeId: 'dw', fromSec: 10, toSec: 20 }],
    });
    const next = applyChanges(doc, [{ type: 'node/remove', id: 'dw' }]);
    expect(next.nodes.map((n) => n.id)).not.toContain('dw');
    expect(next.edges.some((e) => e.source === 'dw' || e.target === 'dw')).toBe(false);
    expect(next.timeline).toEqual([]);
    // The Redshift Firehose now delivers only to its bucket, so that edge becomes the delivery.
    expect(next.edges.find((e) => e.id === 'to-redshift--staging')?.config.role).toBe('delivery');
    const sql = next.nodes.find((n) => n.id === 'sql');
    const removeFh = applyChanges(next, [{ type: 'node/remove', id: 'to-s3' }]);
    const sqlAfter = removeFh.nodes.find((n) => n.id === 'sql');
    if (sql?.kind !== 'analytics' || sqlAfter?.kind !== 'analytics') throw new Error('no analytics');
    expect(sql.config.outputs.map((o) => o.edgeTarget)).toEqual(['to-s3', 'to-redshift']);
    expect(sqlAfter.config.outputs.map((o) => o.edgeTarget)).toEqual(['to-redshift']);
  });

  it('wiring keeps derived config in step: a stream into a Firehose makes its source kinesisStream', () => {
    let doc = sketch([
      { id: 's', kind: 'stream' },
      { id: 'f', kind: 'firehose' },
    ]);
    doc = applyChanges(doc, [{ type: 'edge/add', edge: { id: 'e', source: 's', target: 'f', config: {} } }]);
    const f = doc.nodes.find((n) => n.id === 'f');
    expect(f?.kind === 'firehose' && f.config.source).toBe('kinesisStream');
  });

  it('ignores unknown ids, duplicate adds and edges to missing nodes', () => {
    const doc = deepFreeze(clickstream());
    const same = applyChanges(doc, [
      { type: 'node/move', id: 'nope', position: { x: 1, y: 1 } },
      { type: 'node/remove', id: 'nope' },
      { type: 'edge/remove', id: 'nope' },
      { type: 'node/add', node: { ...doc.nodes[0] } },
      { type: 'edge/add', edge: { id: 'x', source: 'web', target: 'nope', config: {} } },
      { type: 'timeline/remove', id: 'nope' },
    ]);
    expect(same).toBe(doc);
  });

  it('doc/replace swaps the whole design; doc/settings merges', () => {
    const doc = deepFreeze(clickstream());
    const other = sketch([{ id: 's', kind: 'stream' }]);
    expect(applyChanges(doc, [{ type: 'doc/replace', doc: other }])).toBe(other);
    expect(applyChanges(doc, [{ type: 'doc/settings', settings: { seed: 7 } }]).settings).toEqual({
      ...doc.settings,
      seed: 7,
    });
  });
});

/** Arbitrary changes against the clickstream design: real and unknown ids, valid and odd values. */
function changeArb(doc: PipelineDoc): fc.Arbitrary<Change> {
  const nodeId = fc.oneof(fc.constantFrom(...doc.nodes.map((n) => n.id)), fc.string({ maxLength: 4 }));
  const edgeId = fc.oneof(fc.constantFrom(...doc.edges.map((e) => e.id)), fc.string({ maxLength: 4 }));
  const xy = fc.record({
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.integer({ min: -5000, max: 5000 }),
  });
  return fc.oneof(
    fc.record({ type: fc.constant('node/move' as const), id: nodeId, position: xy }),
    fc.record({ type: fc.constant('node/rename' as const), id: nodeId, name: fc.string() }),
    fc.record({ type: fc.constant('node/remove' as const), id: nodeId }),
    fc.record({ type: fc.constant('edge/remove' as const), id: edgeId }),
    fc.record({ type: fc.constant('doc/rename' as const), name: fc.string() }),
    fc.record({ type: fc.constant('doc/settings' as const), settings: fc.record({ seed: fc.integer() }) }),
    fc
      .tuple(nodeId, nodeId, fc.string({ maxLength: 6 }))
      .map(
        ([source, target, id]): Change => ({ type: 'edge/add', edge: { id, source, target, config: {} } }),
      ),
    fc
      .tuple(fc.string({ maxLength: 6 }), xy)
      .map(
        ([id, position]): Change => ({ type: 'node/add', node: { ...createNode('s3', { id, position }) } }),
      ),
    fc.integer({ min: -10, max: 20_000 }).map((n): Change => {
      const s = doc.nodes.find((x) => x.id === 'clicks');
      if (s?.kind !== 'stream') throw new Error('no stream');
      return { type: 'node/config', id: 'clicks', config: setField('stream', s.config, 'shardCount', n) };
    }),
  );
}

describe('applyChanges properties', () => {
  it('never mutates its input and never throws, whatever the changes', () => {
    const doc = deepFreeze(clickstream());
    const snapshot = JSON.stringify(doc);
    fc.assert(
      fc.property(fc.array(changeArb(doc), { maxLength: 25 }), (changes) => {
        const next = applyChanges(doc, changes);
        expect(JSON.stringify(doc)).toBe(snapshot);
        // Every edge of the result still joins two existing nodes.
        const ids = new Set(next.nodes.map((n) => n.id));
        for (const e of next.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
