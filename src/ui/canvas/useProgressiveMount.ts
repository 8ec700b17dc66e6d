/**
 * Cards that appear at once (a 300-node design opened, imported or pasted) mount MOUNT_BATCH per
 * animation frame instead of in one go. React Flow renders its node store synchronously and then
 * measures every new card (a forced layout), so 300 cards in one pass were tasks of 130–340 ms;
 * in batches of 8 each frame's task stays near 55–70 ms on the 2-core CI box (issue 15: a
 * 300-node design keeps every task under 100 ms). Waiting cards are handed to React Flow `hidden`:
 * they stay in its store (ids, positions), and edges to them wait until both ends are there.
 * A handful of new cards (a drop, an undo, a template) mount in the same frame as always.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CardNode } from './toFlow.ts';

/** New cards per animation frame. */
export const MOUNT_BATCH = 8;

export interface ProgressiveMount {
  /** What React Flow gets: the nodes themselves, or hidden copies of those still waiting. */
  nodes: CardNode[];
  /** Some cards are still waiting for their frame. */
  mounting: boolean;
}

export function useProgressiveMount(all: CardNode[]): ProgressiveMount {
  // Ids React Flow showed at the last commit (a ref: mounting is view state, not document state).
  const mounted = useRef(new Set<string>());
  const hiddenCopies = useRef(new WeakMap<CardNode, CardNode>());
  const [frame, setFrame] = useState(0);

  const result = useMemo<ProgressiveMount>(() => {
    void frame; // each frame lets the next batch in (`mounted` has grown since)
    let fresh = 0;
    let waiting = false;
    const out = all.map((n) => {
      if (mounted.current.has(n.id)) return n;
      if (fresh < MOUNT_BATCH) {
        fresh += 1;
        return n;
      }
      waiting = true;
      // The same hidden object while the node is unchanged, so React Flow skips re-syncing it.
      let copy = hiddenCopies.current.get(n);
      if (!copy) {
        copy = { ...n, hidden: true };
        hiddenCopies.current.set(n, copy);
      }
      return copy;
    });
    return { nodes: waiting ? out : all, mounting: waiting };
  }, [all, frame]);

  useEffect(() => {
    // Removed nodes leave the set: an id that comes back (undo) mounts anew.
    mounted.current = new Set(result.nodes.filter((n) => !n.hidden).map((n) => n.id));
    if (!result.mounting) return;
    const id = requestAnimationFrame(() => setFrame((f) => f + 1));
    return () => cancelAnimationFrame(id);
  }, [result]);

  return result;
}
