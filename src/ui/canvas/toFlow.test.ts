import { describe, expect, it } from 'vitest';
import { createNode, emptyDocument } from '../../model/factory.ts';
import type { Diagnostic, PipelineDoc, PipelineNode } from '../../model/types.ts';
import { createFlowMapper, describeEdge, nodeAriaLabel } from './toFlow.ts';

function design(): PipelineDoc {
  const doc = emptyDocument('t');
  const producer = createNode('producer', { id: 'p', position: { x: 0, y: 0 } });
  const stream = {
    ...createNode('stream', { id: 's', position: { x: 300, y: 0 } }),
    name: 'clickstream',
  } as PipelineNode;
  const lambda = createNode('lambda', { id: 'l', position: { x: 600, y: 0 } });
  const firehose = createNode('firehose', { id: 'f', position: { x: 600, y: 200 } });
  const s3 = createNode('s3', { id: 'b', position: { x: 900, y: 200 } });
  const redshift = createNode('redshift', { id: 'r', position: { x: 900, y: 400 } });
  return {
    ...doc,
    nodes: [producer, stream, lambda, firehose, s3, redshift],
    edges: [
      { id: 'e1', source: 'p', target: 's', config: {} },
      { id: 'e2', source: 's', target: 'l', config: { readMode: 'polling' } },
      { id: 'e3', source: 's', target: 'f', config: {} },
      { id: 'e4', source: 'f', target: 'r', config: { role: 'delivery' } },
      { id: 'e5', source: 'f', target: 'b', config: { role: 'backup' } },
    ],
  };
}

const none = { nodeIds: [], edgeIds: [] };

describe('doc → React Flow nodes', () => {
  it('names each card "<Kind label>: <name>" in the chosen language', () => {
    const doc = design();
    const nodes = createFlowMapper().nodes({ doc, selection: none, diagnostics: [], locale: 'en' });
    expect(nodes.find((n) => n.id === 's')?.ariaLabel).toBe('Data stream: clickstream');
    const ja = createFlowMapper().nodes({ doc, selection: none, diagnostics: [], locale: 'ja' });
    expect(ja.find((n) => n.id === 's')?.ariaLabel).toBe('データストリーム: clickstream');
    expect(nodeAriaLabel(doc.nodes[2], 'en')).toMatch(/^Lambda function: /);
  });

  it('keeps unchanged cards as the same objects when one node moves (300-node drags re-render one card)', () => {
    const mapper = createFlowMapper();
    const doc = design();
    const first = mapper.nodes({ doc, selection: none, diagnostics: [], locale: 'en' });
    const moved = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'l' ? { ...n, position: { x: 650, y: 10 } } : n)),
    };
    const second = mapper.nodes({ doc: moved, selection: none, diagnostics: [], locale: 'en' });
    const changed = second.filter((n, i) => n !== first[i]).map((n) => n.id);
    expect(changed).toEqual(['l']);
    expect(second.find((n) => n.id === 'l')?.position).toEqual({ x: 650, y: 10 });
  });

  it('marks selection and counts errors and warnings per node', () => {
    const diagnostics: Diagnostic[] = [
      { severity: 'error', code: 'range', message: 'Shards must be between 1 and 10,000', nodeId: 's' },
      { severity: 'warning', code: 'x', message: 'w', nodeId: 's' },
      { severity: 'warning', code: 'y', message: 'w2', nodeId: 'l' },
    ];
    const nodes = createFlowMapper().nodes({
      doc: design(),
      selection: { nodeIds: ['l'], edgeIds: [] },
      diagnostics,
      locale: 'en',
    });
    const s = nodes.find((n) => n.id === 's');
    expect(s?.data).toMatchObject({
      errors: 1,
      warnings: 1,
      firstProblem: 'Shards must be between 1 and 10,000',
    });
    expect(nodes.find((n) => n.id === 'l')).toMatchObject({
      selected: true,
      data: { errors: 0, warnings: 1 },
    });
    expect(nodes.find((n) => n.id === 'p')?.selected).toBe(false);
  });

  it('carries measured card sizes so React Flow does not re-measure every card on each change', () => {
    const mapper = createFlowMapper();
    const measured = new Map([['p', { width: 240, height: 96 }]]);
    const nodes = mapper.nodes({ doc: design(), selection: none, diagnostics: [], locale: 'en', measured });
    expect(nodes.find((n) => n.id === 'p')?.measured).toEqual({ width: 240, height: 96 });
    expect(nodes.find((n) => n.id === 's')?.measured).toBeUndefined();
  });

  it('renews only the card whose measured size arrived, with that size', () => {
    const mapper = createFlowMapper();
    const measured = new Map<string, { width: number; height: number }>();
    const doc = design();
    const first = mapper.nodes({ doc, selection: none, diagnostics: [], locale: 'en', measured });
    measured.set('s', { width: 250, height: 120 });
    const again = mapper.nodes({ doc, selection: none, diagnostics: [], locale: 'en', measured });
    expect(again.find((n) => n.id === 's')?.measured).toEqual({ width: 250, height: 120 });
    expect(again.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['s']);
  });
});

describe('doc → React Flow edges', () => {
  it('says what each connection configures', () => {
    const doc = design();
    const roles = Object.fromEntries(doc.edges.map((e) => [e.id, describeEdge(doc, e).role]));
    expect(roles).toEqual({ e1: 'put', e2: 'esm', e3: 'sourceStream', e4: 'delivery', e5: 'staging' });
  });

  it('names the EFO consumer of an enhanced fan-out read', () => {
    const doc = design();
    const efo = {
      id: 'e9',
      source: 's',
      target: 'l',
      config: { readMode: 'efo' as const, efoConsumerName: 'dashboard' },
    };
    expect(describeEdge(doc, efo)).toEqual({ role: 'efo', efoName: 'dashboard' });
  });

  it('labels a Firehose backup bucket "backup" when there is no Redshift to stage for', () => {
    const doc = design();
    const noRedshift = { ...doc, edges: doc.edges.filter((e) => e.id !== 'e4') };
    expect(describeEdge(noRedshift, noRedshift.edges[3]).role).toBe('backup');
  });

  it('gives edges an accessible route name and keeps unchanged ones identical', () => {
    const mapper = createFlowMapper();
    const doc = design();
    const first = mapper.edges({ doc, selection: none, diagnostics: [], locale: 'en' });
    expect(first[0].ariaLabel).toMatch(/^Connection: Producer: .+ → Data stream: clickstream$/);
    const second = mapper.edges({
      doc,
      selection: { nodeIds: [], edgeIds: ['e2'] },
      diagnostics: [],
      locale: 'en',
    });
    expect(second.filter((e, i) => e !== first[i]).map((e) => e.id)).toEqual(['e2']);
    expect(second[1].selected).toBe(true);
  });

  it('adds what the edge configures to its accessible name', () => {
    const edges = createFlowMapper().edges({
      doc: design(),
      selection: none,
      diagnostics: [],
      locale: 'en',
      roleText: (role) => (role === 'esm' ? 'event source mapping' : role),
    });
    expect(edges[1].ariaLabel).toMatch(
      /^Connection: Data stream: clickstream → Lambda function: .+ \(event source mapping\)$/,
    );
  });

  it('returns the very same edge array when a node move changes no edge (React Flow skips its edge sync)', () => {
    const mapper = createFlowMapper();
    const doc = design();
    const first = mapper.edges({ doc, selection: none, diagnostics: [], locale: 'en' });
    const moved = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'l' ? { ...n, position: { x: 1, y: 1 } } : n)),
    };
    expect(mapper.edges({ doc: moved, selection: none, diagnostics: [], locale: 'en' })).toBe(first);
  });
});
