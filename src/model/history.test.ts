import { describe, expect, it } from 'vitest';
import { applyChanges, type Change } from './changes.ts';
import { emptyHistory, type History, record, redo, undo } from './history.ts';
import { sketch } from './testing.ts';
import type { PipelineDoc } from './types.ts';

/** What the studio store does on dispatch: apply, and record the document from before. */
function dispatch(
  state: { doc: PipelineDoc; h: History },
  changes: Change[],
  group: string | undefined,
  atMs: number,
) {
  const before = state.doc;
  state.doc = applyChanges(before, changes);
  state.h = record(state.h, before, { group, atMs });
}

const start = () => ({ doc: sketch([{ id: 's', kind: 'stream' }]), h: emptyHistory() });
const pos = (doc: PipelineDoc) => doc.nodes[0].position;

describe('undo history', () => {
  it('a drag of 30 moves (16 ms apart) is one undo step', () => {
    const st = start();
    const original = st.doc;
    for (let i = 1; i <= 30; i++)
      dispatch(st, [{ type: 'node/move', id: 's', position: { x: i * 5, y: i } }], 'drag:s', 1_000 + i * 16);
    expect(pos(st.doc)).toEqual({ x: 150, y: 30 });
    expect(st.h.past).toHaveLength(1);
    const u = undo(st.h, st.doc);
    expect(u?.doc).toBe(original);
    const r = redo(u?.history as History, u?.doc as PipelineDoc);
    expect(pos(r?.doc as PipelineDoc)).toEqual({ x: 150, y: 30 });
  });

  it('a typing burst in the name field is one step; a pause of 1 s or more starts a new one', () => {
    const st = start();
    const keystrokes: [string, number][] = [
      ['c', 200],
      ['cl', 400],
      ['cli', 600],
      ['clic', 800],
      ['click', 1_000],
      // The user pauses for a second.
      ['clicks', 2_000],
      ['clicks-', 2_200],
    ];
    for (const [name, atMs] of keystrokes)
      dispatch(st, [{ type: 'node/rename', id: 's', name }], 'rename:s', atMs);
    expect(st.h.past).toHaveLength(2);
    const first = undo(st.h, st.doc);
    expect(first?.doc.nodes[0].name).toBe('click');
    const second = undo(first?.history as History, first?.doc as PipelineDoc);
    expect(second?.doc.nodes[0].name).toBe('s');
    expect(undo(second?.history as History, second?.doc as PipelineDoc)).toBeNull();
  });

  it('different groups never merge, even within 1 s; ungrouped changes are one step each', () => {
    const st = start();
    dispatch(st, [{ type: 'node/move', id: 's', position: { x: 1, y: 1 } }], 'drag:s', 0);
    dispatch(st, [{ type: 'node/rename', id: 's', name: 'x' }], 'rename:s', 100);
    dispatch(st, [{ type: 'doc/rename', name: 'a' }], undefined, 150);
    dispatch(st, [{ type: 'doc/rename', name: 'b' }], undefined, 160);
    expect(st.h.past).toHaveLength(4);
  });

  it('after an undo, the same group starts a new step instead of merging into an older one', () => {
    const st = start();
    dispatch(st, [{ type: 'node/move', id: 's', position: { x: 10, y: 0 } }], 'drag:s', 0);
    const u = undo(st.h, st.doc);
    st.h = u?.history as History;
    st.doc = u?.doc as PipelineDoc;
    dispatch(st, [{ type: 'node/move', id: 's', position: { x: 20, y: 0 } }], 'drag:s', 100);
    expect(st.h.past).toHaveLength(1);
    expect(st.h.future).toHaveLength(0); // a new change drops the redo branch
  });

  it('keeps at most `limit` steps', () => {
    const st = { doc: start().doc, h: emptyHistory(3) };
    for (let i = 0; i < 10; i++) dispatch(st, [{ type: 'doc/rename', name: `n${i}` }], undefined, i * 5_000);
    // Each step holds the design from before a change: before n7, n8 and n9 were applied.
    expect(st.h.past.map((d) => d.name)).toEqual(['n6', 'n7', 'n8']);
  });

  it('selection and viewport are never part of the document or its undo steps', () => {
    const st = start();
    dispatch(st, [{ type: 'node/move', id: 's', position: { x: 3, y: 4 } }], 'drag:s', 0);
    const keys = new Set([...Object.keys(st.doc), ...st.h.past.flatMap((d) => Object.keys(d))]);
    expect([...keys].sort()).toEqual([
      'description',
      'edges',
      'format',
      'name',
      'nodes',
      'schemaVersion',
      'settings',
      'timeline',
    ]);
    for (const n of st.doc.nodes)
      expect(Object.keys(n).sort()).toEqual(['config', 'id', 'kind', 'name', 'position']);
  });
});
