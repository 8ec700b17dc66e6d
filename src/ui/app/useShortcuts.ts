/**
 * Canvas keyboard shortcuts on window. Keys typed into a form field, a select, a contenteditable
 * element or anything inside `.nokey` (Monaco) are never taken (React Flow calls preventDefault on Space unless the target is inside .nokey).
 */
import { useEffect } from 'react';
import { studioStore } from '../../store/studio.ts';
import { uiStore } from '../../store/ui.ts';
import { canvasBridge } from '../canvas/bridge.ts';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  layoutAll,
  paste,
  selectAll,
  togglePresenter,
} from './commands.ts';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (
    target.closest(
      '.nokey, dialog, [contenteditable="true"], [role="dialog"], [role="alertdialog"], [role="menu"]',
    )
  )
    return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export interface Shortcut {
  keys: string;
  /** i18n key in the `studio` namespace. */
  labelKey: string;
}

/** The list the "?" dialog shows (the same bindings as handled below). */
export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl/⌘ + Z', labelKey: 'keys.undo' },
  { keys: 'Ctrl/⌘ + Y · Ctrl/⌘ + Shift + Z', labelKey: 'keys.redo' },
  { keys: 'Ctrl/⌘ + C', labelKey: 'keys.copy' },
  { keys: 'Ctrl/⌘ + V', labelKey: 'keys.paste' },
  { keys: 'Ctrl/⌘ + D', labelKey: 'keys.duplicate' },
  { keys: 'Ctrl/⌘ + A', labelKey: 'keys.selectAll' },
  { keys: 'Delete · Backspace', labelKey: 'keys.delete' },
  { keys: 'Shift + click · Shift + drag', labelKey: 'keys.multiSelect' },
  // The canvas from the keyboard (src/ui/canvas/useCanvasKeyboard.ts; texts in i18n/keyboard.ts).
  { keys: 'Tab · ← ↑ → ↓', labelKey: 'keyboard:shortcuts.navigate' },
  { keys: 'Enter · Space', labelKey: 'keyboard:shortcuts.select' },
  { keys: '← ↑ → ↓ · Shift + ←', labelKey: 'keyboard:shortcuts.move' },
  { keys: 'C', labelKey: 'keyboard:shortcuts.connect' },
  { keys: 'Shift + F10', labelKey: 'keyboard:shortcuts.menu' },
  { keys: 'Space + drag · drag on empty canvas', labelKey: 'keys.pan' },
  { keys: 'F', labelKey: 'keys.fit' },
  { keys: 'L', labelKey: 'keys.layout' },
  { keys: 'P', labelKey: 'keys.presenter' },
  { keys: '?', labelKey: 'keys.help' },
  { keys: 'Escape', labelKey: 'keys.escape' },
];

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const store = studioStore.getState();
      let handled = true;
      if (mod && key === 'z' && !e.shiftKey) store.undo();
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) store.redo();
      else if (mod && key === 'c') handled = copySelection();
      else if (mod && key === 'v') paste();
      else if (mod && key === 'd') duplicateSelection();
      else if (mod && key === 'a') selectAll();
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) deleteSelection();
      else if (!mod && e.key === '?') uiStore.getState().openDialog('shortcuts');
      else if (!mod && !e.altKey && key === 'f') canvasBridge.current.fitView();
      else if (!mod && !e.altKey && key === 'l') void layoutAll();
      else if (!mod && !e.altKey && key === 'p') togglePresenter();
      else if (e.key === 'Escape') {
        // Not prevented: Escape must still reach an open dialog or menu.
        store.select({ nodeIds: [], edgeIds: [] });
        if (uiStore.getState().layout.presenter) togglePresenter(); // Esc leaves presenter view
        handled = false;
      } else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
