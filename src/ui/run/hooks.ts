/** Small hooks shared by the run tabs: which node a tab shows, and polling the engine worker. */
import { type RefObject, startTransition, useEffect, useRef, useState } from 'react';
import type { NodeKind, PipelineNode } from '../../model/types.ts';
import type { EngineLike } from '../../store/simRun.ts';
import { useSim } from '../../store/simStore.ts';
import { useStudio } from '../../store/studio.ts';
import { mainTurns } from '../../store/turns.ts';
import { simController } from './controller.ts';

/**
 * The node a tab shows: the node selected on the canvas when it is of the wanted kinds, else the
 * one picked in the tab's own list, else the first node of those kinds.
 */
export function useTargetNode(kinds?: readonly NodeKind[]) {
  const nodes = useStudio((s) => s.doc.nodes);
  const selected = useStudio((s) => s.selection.nodeIds[0]);
  const [picked, setPicked] = useState<string | null>(null);
  const candidates = kinds ? nodes.filter((n) => kinds.includes(n.kind)) : nodes;
  const bySelection = candidates.find((n) => n.id === selected);
  // A canvas selection wins over an earlier pick: the tab follows what the user points at.
  const lastSelected = useRef(selected);
  useEffect(() => {
    if (selected !== lastSelected.current) {
      lastSelected.current = selected;
      if (bySelection) setPicked(null);
    }
  }, [selected, bySelection]);
  const node: PipelineNode | undefined =
    (picked ? candidates.find((n) => n.id === picked) : undefined) ?? bySelection ?? candidates[0];
  return { node, candidates, pick: setPicked };
}

/** True while a run exists (running, paused, or stopped with figures to inspect). */
export function useRunExists(): boolean {
  return useSim((s) => s.frame !== null && s.status !== 'idle' && s.status !== 'loading');
}

/**
 * Calls `fetch` on the engine every `intervalMs` wall ms while a run exists and `enabled`, and
 * once more whenever `key` changes. Results of calls that return after the key changed are dropped.
 */
export function useEnginePoll<T>(
  key: string,
  fetch: (engine: EngineLike) => Promise<T>,
  { intervalMs = 1_000, enabled = true }: { intervalMs?: number; enabled?: boolean } = {},
): T | undefined {
  const exists = useRunExists();
  const running = useSim((s) => s.status === 'running');
  const simMs = useSim((s) => (s.status === 'running' ? 0 : s.simMs));
  const [data, setData] = useState<{ key: string; value: T } | undefined>(undefined);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  // biome-ignore lint/correctness/useExhaustiveDependencies: simMs re-fetches after a Step while paused
  useEffect(() => {
    if (!exists || !enabled) return;
    let alive = true;
    const once = () => {
      const engine = simController.engine();
      if (!engine) return;
      fetchRef.current(engine).then(
        (value) => {
          if (alive) setData({ key, value });
        },
        () => {},
      );
    };
    once();
    // While paused nothing changes except by Step (simMs in the deps), so no interval is needed.
    if (!running)
      return () => {
        alive = false;
      };
    const timer = setInterval(once, intervalMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [key, exists, enabled, running, intervalMs, simMs]);
  return data?.key === key ? data.value : undefined;
}

/**
 * `value` as of this component's latest main-thread turn (see store/turns.ts): undefined until
 * its first turn, so a tab full of charts also mounts one chart per frame; then each change of
 * `value` waits for a turn, a newer value replacing a waiting one. One free frame follows each
 * turn, so a chart redraw and the next live frame never share an animation frame.
 */
export function useRedrawTurn<T>(value: T): T | undefined {
  const [shown, setShown] = useState<{ value: T } | undefined>(undefined);
  useEffect(
    // A transition too: React then renders the chart's own tree in slices of about 5 ms.
    () => mainTurns.request(() => startTransition(() => setShown({ value })), { restFrames: 1 }),
    [value],
  );
  return shown?.value;
}

/**
 * Whether `ref`'s element is at least partly on screen (true until the first report, and where
 * IntersectionObserver is missing). The Metrics tab shows one or two of a node's charts at a time;
 * the others need not redraw four times a second.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return visible;
}
