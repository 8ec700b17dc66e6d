import { describe, expect, it } from 'vitest';
import { createNode, emptyDocument } from '../model/factory.ts';
import { templateById } from '../model/templates/index.ts';
import type { PipelineDoc, StreamConfig } from '../model/types.ts';
import { createStudioStore, loadSchemaChecker, loadSqlChecker } from './studio.ts';

function twoNodes(): PipelineDoc {
  return {
    ...emptyDocument('t'),
    nodes: [
      { ...createNode('producer', { id: 'p', position: { x: 0, y: 0 } }), name: 'web' },
      { ...createNode('stream', { id: 's', position: { x: 300, y: 0 } }), name: 'clicks' },
    ] as PipelineDoc['nodes'],
  };
}

/** A fake wall clock: tests move it by hand to cross or stay inside the 1,000 ms grouping window. */
function clock() {
  let ms = 1_000_000;
  return { now: () => ms, advance: (d: number) => (ms += d) };
}

function shardCount(doc: PipelineDoc): number {
  const node = doc.nodes.find((n) => n.id === 's');
  return (node?.config as StreamConfig | undefined)?.shardCount ?? Number.NaN;
}

function setShards(n: number, base: PipelineDoc) {
  const node = base.nodes.find((x) => x.id === 's');
  const config = { ...(node?.config as StreamConfig), shardCount: n };
  return [{ type: 'node/config' as const, id: 's', config }];
}

describe('studio store', () => {
  it('dispatch applies changes, revalidates, and undo/redo walk them back and forth', () => {
    const store = createStudioStore({ doc: twoNodes() });
    const s = store.getState;
    s().dispatch([{ type: 'edge/add', edge: { id: 'e1', source: 'p', target: 's', config: {} } }]);
    expect(s().doc.edges).toHaveLength(1);
    expect(s().canUndo).toBe(true);
    s().undo();
    expect(s().doc.edges).toHaveLength(0);
    expect(s().canRedo).toBe(true);
    s().redo();
    expect(s().doc.edges).toHaveLength(1);
  });

  it('shows a range error for 0 shards and clears it when fixed', () => {
    const store = createStudioStore({ doc: twoNodes() });
    const s = store.getState;
    s().dispatch(setShards(0, s().doc));
    expect(
      s().diagnostics.some((d) => d.nodeId === 's' && d.severity === 'error' && d.field === 'shardCount'),
    ).toBe(true);
    s().dispatch(setShards(4, s().doc));
    expect(s().diagnostics.some((d) => d.nodeId === 's' && d.field === 'shardCount')).toBe(false);
  });

  it('merges a typing burst (same group, < 1,000 ms apart) into one undo step', () => {
    const c = clock();
    const store = createStudioStore({ doc: twoNodes(), now: c.now });
    const s = store.getState;
    // Typing "1", "12", "128" into the shard count, 200 ms apart.
    for (const n of [1, 12, 128]) {
      s().dispatch(setShards(n, s().doc), { group: 'type:s:shardCount' });
      c.advance(200);
    }
    expect(shardCount(s().doc)).toBe(128);
    s().undo();
    expect(shardCount(s().doc)).toBe(1); // back to the default before the burst, in one step
    expect(s().canUndo).toBe(false);
  });

  it('keeps separate steps for the same group after a pause of more than 1,000 ms', () => {
    const c = clock();
    const store = createStudioStore({ doc: twoNodes(), now: c.now });
    const s = store.getState;
    s().dispatch(setShards(2, s().doc), { group: 'g' });
    c.advance(1_500);
    s().dispatch(setShards(3, s().doc), { group: 'g' });
    s().undo();
    expect(shardCount(s().doc)).toBe(2);
  });

  it('never undoes selection, tab or locale', () => {
    const store = createStudioStore({ doc: twoNodes() });
    const s = store.getState;
    s().dispatch([{ type: 'node/rename', id: 's', name: 'orders' }]);
    s().select({ nodeIds: ['s'] });
    s().setBottomTab('metrics');
    s().setLocale('ja');
    s().undo();
    expect(s().doc.nodes[1].name).toBe('clicks');
    expect(s().selection.nodeIds).toEqual(['s']);
    expect(s().bottomTab).toBe('metrics');
    expect(s().locale).toBe('ja');
  });

  it('drops deleted nodes from the selection, and history: false makes no undo step', () => {
    const store = createStudioStore({ doc: twoNodes() });
    const s = store.getState;
    s().select({ nodeIds: ['p', 's'] });
    s().dispatch([{ type: 'node/remove', id: 'p' }], { history: false });
    expect(s().selection.nodeIds).toEqual(['s']);
    expect(s().canUndo).toBe(false);
  });

  it('focusNode selects the node and issues a new centring request each time', () => {
    const store = createStudioStore({ doc: twoNodes() });
    const s = store.getState;
    s().focusNode('s');
    const first = s().focusRequest;
    s().focusNode('s');
    expect(s().selection).toEqual({ nodeIds: ['s'], edgeIds: [] });
    expect(s().focusRequest?.seq).toBe((first?.seq ?? 0) + 1);
    s().focusNode('missing');
    expect(s().focusRequest?.nodeId).toBe('s');
  });

  it('loadDocument replaces the design and clears history and selection', () => {
    const store = createStudioStore({ doc: twoNodes() });
    const s = store.getState;
    s().dispatch([{ type: 'doc/rename', name: 'before' }]);
    s().select({ nodeIds: ['s'] });
    s().loadDocument(emptyDocument('other'));
    expect(s().doc.name).toBe('other');
    expect(s().canUndo).toBe(false);
    expect(s().selection.nodeIds).toEqual([]);
  });

  it("lists an Analytics node's SQL error once the lazily loaded SQL engine is there", async () => {
    const doc = structuredClone(templateById('selfie-dashboard')?.doc as PipelineDoc);
    for (const n of doc.nodes)
      if (n.kind === 'analytics') n.config.sql = 'SELECT STREAM COUNT(*) FROM NOWHERE;';
    const store = createStudioStore({ doc });
    await loadSqlChecker();
    await Promise.resolve(); // the store's own re-validation runs after the load resolves
    const sql = store.getState().diagnostics.filter((d) => d.code === 'sql');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql[0]?.message).toMatch(/^SQL 1:\d+: /);
  });

  it('warns in the Problems tab about a value CloudFormation would refuse, once edits pause', async () => {
    const doc = structuredClone(templateById('log-analytics')?.doc as PipelineDoc);
    const store = createStudioStore({ doc });
    await loadSchemaChecker();
    await new Promise((r) => setTimeout(r, 300));
    const schema = () => store.getState().diagnostics.filter((d) => d.code === 'export-schema');
    expect(schema()).toEqual([]);
    const fh = store.getState().doc.nodes.find((n) => n.kind === 'firehose');
    if (fh?.kind !== 'firehose') throw new Error('firehose');
    // OpenSearch index names are at most 80 characters: the model accepts 100, CloudFormation does not.
    const opensearch = { ...fh.config.opensearch, indexName: 'x'.repeat(100) };
    store.getState().dispatch([{ type: 'node/config', id: fh.id, config: { ...fh.config, opensearch } }]);
    expect(schema()).toEqual([]); // not on the keystroke itself
    await new Promise((r) => setTimeout(r, 300));
    expect(schema()).toEqual([
      expect.objectContaining({
        severity: 'warning',
        nodeId: fh.id,
        message: expect.stringContaining('IndexName'),
      }),
    ]);
  });
});
