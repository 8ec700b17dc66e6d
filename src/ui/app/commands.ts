/**
 * User commands shared by the toolbar, keyboard shortcuts, context menus and palette. Each turns a
 * user intent into model changes dispatched on the studio store (so each is one undo step).
 */
import { createNode, newId } from '../../model/factory.ts';
import type { NodeKind } from '../../model/types.ts';
import { studioStore } from '../../store/studio.ts';
import { uiStore } from '../../store/ui.ts';
import { canvasBridge } from '../canvas/bridge.ts';
import { copyFragment, type Fragment, pasteFragment } from '../canvas/clipboard.ts';

/** In-app clipboard (kept in memory: the OS clipboard would need a permission prompt). */
let clipboard: Fragment | null = null;
let pasteCount = 0;

export function addNode(kind: NodeKind, position?: { x: number; y: number }): string {
  const { doc, dispatch, select } = studioStore.getState();
  const at = position ?? canvasBridge.current.center();
  const id = newId(kind);
  const node = createNode(kind, {
    id,
    // Centre the 240 × 110 px card on the point rather than hanging it off its corner.
    position: { x: Math.round(at.x - 120), y: Math.round(at.y - 50) },
    existingNames: doc.nodes.map((n) => n.name),
    locale: studioStore.getState().locale,
  });
  dispatch([{ type: 'node/add', node }]);
  select({ nodeIds: [id], edgeIds: [] });
  return id;
}

export function deleteSelection(): void {
  const { selection, dispatch, select } = studioStore.getState();
  const changes = [
    ...selection.edgeIds.map((id) => ({ type: 'edge/remove' as const, id })),
    ...selection.nodeIds.map((id) => ({ type: 'node/remove' as const, id })),
  ];
  dispatch(changes);
  select({ nodeIds: [], edgeIds: [] });
}

export function copySelection(): boolean {
  const { doc, selection } = studioStore.getState();
  const fragment = copyFragment(doc, selection.nodeIds);
  if (!fragment) return false;
  clipboard = fragment;
  pasteCount = 0;
  return true;
}

export function paste(): void {
  if (!clipboard) return;
  pasteCount += 1;
  const { doc, dispatch, select } = studioStore.getState();
  const shift = 40 * pasteCount; // px: each paste lands a step further down-right
  const { changes, nodeIds } = pasteFragment(doc, clipboard, { x: shift, y: shift }, newId);
  dispatch(changes);
  select({ nodeIds, edgeIds: [] });
}

export function duplicateSelection(): void {
  const { doc, selection, dispatch, select } = studioStore.getState();
  const fragment = copyFragment(doc, selection.nodeIds);
  if (!fragment) return;
  const { changes, nodeIds } = pasteFragment(doc, fragment, { x: 40, y: 40 }, newId);
  dispatch(changes);
  select({ nodeIds, edgeIds: [] });
}

export function renameNode(id: string, name: string): void {
  const trimmed = name.trim();
  if (!trimmed) return;
  studioStore.getState().dispatch([{ type: 'node/rename', id, name: trimmed }], { group: `rename:${id}` });
}

export async function layoutAll(): Promise<void> {
  // dagre loads the first time someone tidies the layout, not at start.
  const { autoLayout } = await import('../canvas/autoLayout.ts');
  const { doc, dispatch } = studioStore.getState();
  dispatch(autoLayout(doc, canvasBridge.current.sizes()));
  // Let React Flow place the cards first, then frame them.
  requestAnimationFrame(() => canvasBridge.current.fitView());
}

export function selectAll(): void {
  const { doc, select } = studioStore.getState();
  select({ nodeIds: doc.nodes.map((n) => n.id), edgeIds: [] });
}

/** Presenter mode on/off (persisted): side panels hidden, larger type; the design is refitted. */
export function togglePresenter(): void {
  const ui = uiStore.getState();
  ui.setLayout({ presenter: !ui.layout.presenter });
  // The canvas changes size once the grid re-lays out: refit after two frames.
  requestAnimationFrame(() => requestAnimationFrame(() => canvasBridge.current.fitView()));
}
