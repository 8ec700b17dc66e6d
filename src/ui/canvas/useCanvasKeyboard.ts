/**
 * The canvas from the keyboard, on top of what React Flow does itself (Tab between cards,
 * Enter/Space selects, arrows move a selected card 5 px, Shift 20 px):
 * - arrows on a focused card that is not selected go to the nearest card that way;
 * - C opens the card's "Connect…" menu, Shift+F10 / the context-menu key its menu;
 * - Delete/Backspace on a focused card removes it (useShortcuts does the removing; here the card is
 *   selected first when it was only focused, and focus then goes to the nearest remaining card);
 * - a polite announcement for cards added, selected and deleted, however that happened.
 */
import { type KeyboardEvent, useEffect } from 'react';
import type { PipelineDoc } from '../../model/types.ts';
import { type Selection, studioStore } from '../../store/studio.ts';
import { isTypingTarget } from '../app/useShortcuts.ts';
import { i18n } from '../i18n/index.ts';
import { announce } from './announce.ts';
import { canvasBridge } from './bridge.ts';
import type { MenuState } from './CanvasMenu.tsx';
import { cardElement, focusCard } from './focus-node.ts';
import { NEW_CARD } from './free-spot.ts';
import { type Direction, nearestInDirection, type Placed } from './nearest-node.ts';
import { nodeAriaLabel } from './toFlow.ts';

const ARROWS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

function placed(doc: PipelineDoc): Placed[] {
  const sizes = canvasBridge.current.sizes();
  return doc.nodes.map((n) => ({ id: n.id, ...n.position, ...(sizes.get(n.id) ?? NEW_CARD) }));
}

/** Focuses a card, first bringing it into view when it is off screen (and so not in the DOM). */
function goTo(id: string, doc: PipelineDoc): void {
  if (!cardElement(id)) {
    const node = doc.nodes.find((n) => n.id === id);
    const size = canvasBridge.current.sizes().get(id) ?? NEW_CARD;
    if (node)
      canvasBridge.current.centerOn({
        x: node.position.x + size.width / 2,
        y: node.position.y + size.height / 2,
      });
  }
  focusCard(id);
}

/**
 * Escape on a card, before React Flow sees it: React Flow would *select* an unselected card on
 * Escape, and blur a selected one (the keyboard user then starts over from the top of the page).
 * Here Escape clears the selection and the focus stays on the card.
 */
export function onCanvasKeyDownCapture(e: KeyboardEvent): void {
  const target = e.target as HTMLElement;
  if (e.key !== 'Escape' || !target.classList.contains('react-flow__node')) return;
  studioStore.getState().select({ nodeIds: [], edgeIds: [] });
  e.stopPropagation();
}

export function useCanvasKeyboard(setMenu: (menu: MenuState) => void) {
  return (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    // Only keys pressed on a card itself (not in a field or button inside it), not taken already.
    if (e.defaultPrevented || isTypingTarget(target) || !target.classList.contains('react-flow__node'))
      return;
    const id = target.dataset.id;
    if (!id) return;
    const store = studioStore.getState();
    const mod = e.ctrlKey || e.metaKey || e.altKey;
    const dir = ARROWS[e.key];
    const box = target.getBoundingClientRect();
    if (dir && !mod && !store.selection.nodeIds.includes(id)) {
      const from = placed(store.doc).find((p) => p.id === id);
      const next = from && nearestInDirection(from, placed(store.doc), dir);
      if (next) goTo(next, store.doc);
      e.preventDefault();
    } else if (!mod && !e.shiftKey && e.key.toLowerCase() === 'c') {
      setMenu({ type: 'connect', nodeId: id, x: box.left, y: box.bottom + 4 });
      e.preventDefault();
    } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      store.select({ nodeIds: [id], edgeIds: [] });
      setMenu({ type: 'node', nodeId: id, x: box.left, y: box.bottom + 4 });
      e.preventDefault();
    } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
      // Not prevented: the window shortcut removes the selection. With nothing selected that is
      // this card; a selection made elsewhere (a paste selects what it pasted) is what goes.
      const { nodeIds, edgeIds } = store.selection;
      if (nodeIds.length === 0 && edgeIds.length === 0) store.select({ nodeIds: [id], edgeIds: [] });
      const gone = new Set(studioStore.getState().selection.nodeIds);
      const rest = placed(store.doc).filter((p) => !gone.has(p.id));
      const from = placed(store.doc).find((p) => p.id === id);
      const near = from
        ? [...rest].sort(
            (a, b) => Math.hypot(a.x - from.x, a.y - from.y) - Math.hypot(b.x - from.x, b.y - from.y),
          )[0]
        : undefined;
      const canvas = target.closest<HTMLElement>('.canvas');
      requestAnimationFrame(() => {
        if (near) focusCard(near.id);
        else canvas?.focus();
      });
    }
  };
}

function selectionText(doc: PipelineDoc, sel: Selection, locale: 'en' | 'ja'): string {
  if (sel.nodeIds.length === 1) {
    const node = doc.nodes.find((n) => n.id === sel.nodeIds[0]);
    return node ? i18n.t('keyboard:selected', { label: nodeAriaLabel(node, locale) }) : '';
  }
  if (sel.nodeIds.length > 1) return i18n.t('keyboard:selectedMany', { count: sel.nodeIds.length });
  return '';
}

/**
 * Announces what changed on the canvas: one or two cards added or deleted, connections removed,
 * the selection. Loading a whole design (many cards at once) is not read out card by card.
 */
export function useCanvasAnnouncements(): void {
  useEffect(() => {
    // addNode selects the card it added: "Added …" already says which card that is.
    let justAdded = '';
    return studioStore.subscribe((s, prev) => {
      const loc = s.locale;
      if (s.doc !== prev.doc) {
        const before = new Set(prev.doc.nodes.map((n) => n.id));
        const after = new Set(s.doc.nodes.map((n) => n.id));
        const added = s.doc.nodes.filter((n) => !before.has(n.id));
        const removed = prev.doc.nodes.filter((n) => !after.has(n.id));
        if (added.length > 0 && added.length <= 2 && removed.length === 0) {
          justAdded = added.map((n) => n.id).join();
          announce(i18n.t('keyboard:added', { label: added.map((n) => nodeAriaLabel(n, loc)).join(', ') }));
          return;
        }
        if (removed.length > 0 && removed.length <= 5 && added.length === 0) {
          announce(i18n.t('keyboard:deleted', { names: removed.map((n) => n.name).join(', ') }));
          return;
        }
        const edgesAfter = new Set(s.doc.edges.map((e) => e.id));
        const edgesGone = prev.doc.edges.filter((e) => !edgesAfter.has(e.id)).length;
        if (edgesGone > 0 && removed.length === 0 && s.doc.edges.length < prev.doc.edges.length) {
          announce(i18n.t('keyboard:deletedEdges', { count: edgesGone }));
          return;
        }
      }
      const ids = s.selection.nodeIds.join();
      if (s.selection !== prev.selection && ids !== prev.selection.nodeIds.join()) {
        if (ids === justAdded) return;
        justAdded = '';
        const text = selectionText(s.doc, s.selection, loc);
        if (text) announce(text);
      }
    });
  }, []);
}
