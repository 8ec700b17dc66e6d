/**
 * The live run's state: status, simulated clock, speed, the latest frame, bounded chart series,
 * markers and errors. Session state only: never undone, never exported. A zustand vanilla store
 * (node-testable) with per-node and per-edge hooks, so each node card re-renders only when its
 * own figures change (unchanged nodes keep their object across frames, see frameCodec).
 *
 * The actions (run, pause, step…) live in simRun.ts; this file holds data and selectors.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { EdgeLive, LiveFrame, NodeLive } from '../engine/api.ts';
import type { Diagnostic } from '../model/types.ts';
import type { Speed } from '../worker/runLoop.ts';
import { SeriesBook } from './simSeries.ts';

export type RunStatus = 'idle' | 'loading' | 'running' | 'paused' | 'error';

export interface SimError {
  /** design = the design has errors; engine = the engine threw; watchdog = stuck user code. */
  kind: 'design' | 'engine' | 'watchdog';
  message: string;
  problems?: Diagnostic[];
}

export interface SimNotice {
  id: number;
  tone: 'info' | 'warning';
  /** i18n key in the `run` namespace, with its values. */
  key: string;
  values?: Record<string, string | number>;
}

export interface SimState {
  status: RunStatus;
  /** Simulated ms since the run started. */
  simMs: number;
  speed: Speed;
  /** Seed and price book of the loaded run (the design's settings at load time). */
  seed: number;
  priceBook: '2017' | 'current';
  frame: LiveFrame | null;
  error: SimError | null;
  notices: SimNotice[];
  /** Set when the design changed in a way a running simulation cannot follow. */
  restartNeeded: boolean;
  restartPromptOpen: boolean;
  /** Bumped each time series receive points; charts poll it at ≤ 4 Hz. */
  seriesVersion: number;
  /** Node id → kind of the loaded run, for charts of nodes not in the doc any more. */
  kinds: Record<string, string>;
}

export const initialSimState: Omit<SimState, 'speed' | 'seed' | 'priceBook'> = {
  status: 'idle',
  simMs: 0,
  frame: null,
  error: null,
  notices: [],
  restartNeeded: false,
  restartPromptOpen: false,
  seriesVersion: 0,
  kinds: {},
};

export function createSimStore() {
  return createStore<SimState>()(() => ({ ...initialSimState, speed: 1, seed: 1, priceBook: 'current' }));
}

export type SimStore = ReturnType<typeof createSimStore>;

export const simStore = createSimStore();
/** Chart series live outside the reactive state: they are mutated in place and polled. */
export const simSeries = new SeriesBook();

export function useSim<T>(selector: (s: SimState) => T): T {
  return useStore(simStore, selector);
}

/** True while a run exists (running, paused, or stopped on an engine error with a frame). */
export function hasRun(s: SimState): boolean {
  return s.frame !== null && s.status !== 'idle';
}

/**
 * A fast-changing value of the sim store (live figures, the clock), rendered as a React
 * transition. zustand's `useStore` renders through useSyncExternalStore, which React always
 * renders synchronously: a live frame then re-rendered every card, edge and counter in one task.
 * As a transition React renders the frame in slices of about 5 ms and yields in between, so input
 * and painting go first and no frame of a 300-node canvas becomes a long task. Cards may show the
 * previous frame a few ms longer than others; the next frame is 100 ms away anyway.
 *
 * `select` may close over props: `key` names what it depends on (e.g. the node id).
 */
export function useLive<T>(select: (s: SimState) => T, key: string | number = ''): T {
  const selectRef = useRef(select);
  selectRef.current = select;
  const [state, setState] = useState(() => ({ key, value: select(simStore.getState()) }));
  const shown = useRef(state.value);
  useEffect(() => {
    const check = (s: SimState) => {
      const next = selectRef.current(s);
      if (Object.is(next, shown.current)) return;
      shown.current = next;
      startTransition(() => setState({ key, value: next }));
    };
    // Catch up with frames that arrived between the render and this subscription.
    check(simStore.getState());
    return simStore.subscribe(check);
  }, [key]);
  // What `select` reads changed with this render (e.g. a card's "last output" moved on): the value
  // held was selected for the old key, so select afresh rather than show one frame of a stale mix.
  return state.key === key ? state.value : select(simStore.getState());
}

/** This node's live figures, or undefined when nothing runs. Re-renders only when they change. */
export function useNodeLive(nodeId: string): NodeLive | undefined {
  return useLive((s) => (hasRun(s) ? s.frame?.nodes[nodeId] : undefined), nodeId);
}

/** This edge's live throughput (records/s, bytes/s, throttled/s), or undefined when nothing runs. */
export function useEdgeLive(edgeId: string): EdgeLive | undefined {
  return useLive((s) => (hasRun(s) ? s.frame?.edges[edgeId] : undefined), edgeId);
}

/**
 * A value read from the sim store at most every `intervalMs` wall ms (default 250 ms = 4 Hz):
 * charts and tables use it so a 60 fps frame stream does not redraw them 60 times a second.
 */
export function useThrottledSim<T>(selector: (s: SimState) => T, intervalMs = 250): T {
  const [value, setValue] = useState(() => selector(simStore.getState()));
  useEffect(() => {
    let last = selector(simStore.getState());
    setValue(() => last);
    const timer = setInterval(() => {
      const next = selector(simStore.getState());
      if (!Object.is(next, last)) {
        last = next;
        // A transition, like useLive: tables and charts render in slices, never as one long task.
        startTransition(() => setValue(() => next));
      }
    }, intervalMs);
    return () => clearInterval(timer);
    // The selector is expected to be stable per call site (module-level or memoised).
  }, [selector, intervalMs]);
  return value;
}
