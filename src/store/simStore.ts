/**
 * The live run's state: status, simulated clock, speed, the latest frame, bounded chart series,
 * markers and errors. Session state only: never undone, never exported. A zustand vanilla store
 * (node-testable) with per-node and per-edge hooks, so each node card re-renders only when its
 * own figures change (unchanged nodes keep their object across frames, see frameCodec).
 *
 * The actions (run, pause, step…) live in simRun.ts; this file holds data and selectors.
 */
import { useEffect, useState } from 'react';
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

/** This node's live figures, or undefined when nothing runs. Re-renders only when they change. */
export function useNodeLive(nodeId: string): NodeLive | undefined {
  return useStore(simStore, (s) => (hasRun(s) ? s.frame?.nodes[nodeId] : undefined));
}

/** This edge's live throughput (records/s, bytes/s, throttled/s), or undefined when nothing runs. */
export function useEdgeLive(edgeId: string): EdgeLive | undefined {
  return useStore(simStore, (s) => (hasRun(s) ? s.frame?.edges[edgeId] : undefined));
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
        setValue(() => next);
      }
    }, intervalMs);
    return () => clearInterval(timer);
    // The selector is expected to be stable per call site (module-level or memoised).
  }, [selector, intervalMs]);
  return value;
}
