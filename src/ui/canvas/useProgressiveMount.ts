/**
 * Cards that appear at once (a 300-node design opened, imported or pasted) reach React Flow a few
 * per animation frame instead of in one go. React Flow adopts its whole node list synchronously and
 * then measures every new card (a forced layout), so 300 cards in one pass were tasks of 130–340 ms.
 * Handed over in slices, every task of the opening stays short on the 2-core CI box (issue 15: a
 * 300-node design keeps every task under 100 ms).
 *
 * - A few new cards (a drop, an undo, a template: up to ALL_AT_ONCE) mount in the same frame.
 * - More start at START_BATCH per frame. The batch follows the frames: a frame that took long
 *   (wall ms between two animation frames, layout and paint included) halves it, a quick one adds
 *   a card. Late in a big design each frame costs more (React Flow re-checks every card and wire
 *   it has), and a loaded machine is slower: both get smaller batches instead of long tasks.
 * - Waiting cards are left out of React Flow entirely, not passed `hidden`: a hidden node still
 *   costs its adoption in the first task. A wire waits until both of its cards are in.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CardNode, WireEdge } from './toFlow.ts';

/** New cards that mount together in one frame, however many. */
export const ALL_AT_ONCE = 12;
/** Cards in the first frame of a bigger set. */
export const START_BATCH = 4;
const MIN_BATCH = 2;
const MAX_BATCH = 8;
/** Wall ms: a frame longer than this halves the batch; one shorter than QUICK_FRAME_MS grows it. */
const SLOW_FRAME_MS = 45;
const QUICK_FRAME_MS = 30;

/** The next frame's batch, given this one and how long the last frame took (wall ms). */
export function nextBatch(batch: number, frameMs: number): number {
  if (frameMs > SLOW_FRAME_MS) return Math.max(MIN_BATCH, Math.floor(batch / 2));
  if (frameMs < QUICK_FRAME_MS) return Math.min(MAX_BATCH, batch + 1);
  return batch;
}

export interface ProgressiveMount {
  /** What React Flow gets: every card, or those mounted so far plus this frame's batch. */
  nodes: CardNode[];
  /** Some cards are still waiting for their frame. */
  mounting: boolean;
  /** The ids of `nodes`. */
  ids: ReadonlySet<string>;
}

export function useProgressiveMount(all: CardNode[]): ProgressiveMount {
  // Ids React Flow showed at the last commit (a ref: mounting is view state, not document state).
  const mounted = useRef<ReadonlySet<string>>(new Set());
  const batch = useRef(START_BATCH);
  const lastFrameAt = useRef(0);
  const [frame, setFrame] = useState(0);

  const result = useMemo<ProgressiveMount>(() => {
    void frame; // each frame lets the next batch in (`mounted` has grown since)
    const waiting = all.reduce((k, n) => (mounted.current.has(n.id) ? k : k + 1), 0);
    const ids = (nodes: CardNode[]) => new Set(nodes.map((n) => n.id));
    if (waiting <= ALL_AT_ONCE) return { nodes: all, mounting: false, ids: ids(all) };
    let fresh = 0;
    const out = all.filter((n) => {
      if (mounted.current.has(n.id)) return true;
      fresh += 1;
      return fresh <= batch.current;
    });
    return { nodes: out, mounting: true, ids: ids(out) };
  }, [all, frame]);

  useEffect(() => {
    // Removed nodes leave the set: an id that comes back (undo) mounts anew.
    mounted.current = result.ids;
    if (!result.mounting) {
      batch.current = START_BATCH;
      lastFrameAt.current = 0;
      return;
    }
    const id = requestAnimationFrame((now) => {
      if (lastFrameAt.current > 0) batch.current = nextBatch(batch.current, now - lastFrameAt.current);
      lastFrameAt.current = now;
      setFrame((f) => f + 1);
    });
    return () => cancelAnimationFrame(id);
  }, [result]);

  return result;
}

/** The wires React Flow gets while cards mount: those with both cards already handed over. */
export function wiresOfShown(edges: WireEdge[], shown: ProgressiveMount): WireEdge[] {
  if (!shown.mounting) return edges;
  return edges.filter((e) => shown.ids.has(e.source) && shown.ids.has(e.target));
}
