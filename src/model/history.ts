/**
 * A pure undo stack. The store calls record() with the document as it was BEFORE a change.
 * Changes with the same `group` less than 1,000 ms apart (wall-clock ms, measured from the previous
 * change of the burst) merge into one step: a drag, a typing burst, a slider scrub undo at once.
 */
import type { PipelineDoc } from './types.ts';

/** Gap (wall-clock ms) after which a new change of the same group starts a new undo step. */
export const GROUP_WINDOW_MS = 1_000;

export interface History {
  /** Documents to go back to, oldest first. */
  past: PipelineDoc[];
  /** Documents to go forward to, next first. */
  future: PipelineDoc[];
  /** The burst the newest past entry belongs to, while it may still grow. */
  open: { group: string; atMs: number } | null;
  limit: number;
}

export function emptyHistory(limit = 200): History {
  return { past: [], future: [], open: null, limit };
}

export function record(h: History, before: PipelineDoc, opts: { group?: string; atMs: number }): History {
  const { group, atMs } = opts;
  if (group !== undefined && h.open && h.open.group === group && atMs - h.open.atMs < GROUP_WINDOW_MS) {
    // Same burst: keep the document from before its first change; slide the window.
    return { ...h, future: [], open: { group, atMs } };
  }
  const past = [...h.past, before];
  if (past.length > h.limit) past.splice(0, past.length - h.limit);
  return { ...h, past, future: [], open: group === undefined ? null : { group, atMs } };
}

export function canUndo(h: History): boolean {
  return h.past.length > 0;
}

export function canRedo(h: History): boolean {
  return h.future.length > 0;
}

export function undo(h: History, current: PipelineDoc): { history: History; doc: PipelineDoc } | null {
  if (h.past.length === 0) return null;
  const doc = h.past[h.past.length - 1];
  return { doc, history: { ...h, past: h.past.slice(0, -1), future: [current, ...h.future], open: null } };
}

export function redo(h: History, current: PipelineDoc): { history: History; doc: PipelineDoc } | null {
  if (h.future.length === 0) return null;
  const [doc, ...future] = h.future;
  return { doc, history: { ...h, past: [...h.past, current], future, open: null } };
}
