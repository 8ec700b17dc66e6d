/**
 * Maps wall-clock time to simulated time and paces the engine worker.
 *
 * - Speeds 1×, 10×, 60×: each animation frame asks the worker to advance by the wall time that
 *   passed (wall ms × speed = sim ms), at most one call in flight. A wall gap is capped at
 *   `maxWallStepMs` so a tab coming back from the background does not leap hours ahead.
 * - `max`: calls follow each other back to back, each sized so the worker answers in about
 *   `targetCallMs` wall ms (adaptive), so the worker stays busy while the main thread only
 *   unpacks frames and pause or peek calls wait at most one chunk.
 * - Frames reach `onFrame` at most once per animation frame and at most every `showEveryMs`
 *   (10 Hz): a frame that arrives in between waits (an older waiting frame is dropped).
 */
import type { LiveFrame } from '../engine/api.ts';

export type Speed = 1 | 10 | 60 | 'max';
export const SPEEDS: Speed[] = [1, 10, 60, 'max'];

export interface RunLoopDeps {
  advance(toSimMs: number): Promise<LiveFrame>;
  onFrame(frame: LiveFrame): void;
  onError(error: Error): void;
  /** requestAnimationFrame / cancelAnimationFrame / performance.now, injectable for tests. */
  raf?: (cb: () => void) => number;
  cancelRaf?: (handle: number) => void;
  now?: () => number;
  /** Stop by itself at this simulated time (sim ms), e.g. the design's `durationSec`. */
  stopAtSimMs?: () => number | undefined;
  /**
   * Wall ms between two frames shown (default 100 ms = 10 Hz): the DOM of a whole canvas of live
   * cards is not worth repainting 60 times a second, least of all at max speed on 2 cores.
   */
  showEveryMs?: number;
  onStopAt?: () => void;
}

export const MAX_WALL_STEP_MS = 250;
export const TARGET_CALL_MS = 40;
export const SHOW_EVERY_MS = 100;
const MIN_CHUNK_MS = 100;
const MAX_CHUNK_MS = 3_600_000;

export function createRunLoop(deps: RunLoopDeps) {
  const raf = deps.raf ?? ((cb: () => void) => requestAnimationFrame(cb));
  const cancelRaf = deps.cancelRaf ?? ((h: number) => cancelAnimationFrame(h));
  const now = deps.now ?? (() => performance.now());
  const showEveryMs = deps.showEveryMs ?? SHOW_EVERY_MS;
  let lastShown = Number.NEGATIVE_INFINITY;

  let running = false;
  let speed: Speed = 1;
  let simMs = 0;
  /**
   * Where pacing says the clock should be (sim ms). Kept apart from `simMs` (where the engine
   * is) because the engine moves in whole ticks (e.g. 100 ms): at 1× a 16 ms animation frame
   * asks for 16 ms more, and those requests must add up rather than round away.
   */
  let wantMs = 0;
  let lastWall = 0;
  let inFlight = false;
  let pending: LiveFrame | null = null;
  let handle: number | null = null;
  /** Sim ms per call at max speed, tuned from the measured wall time of each call. */
  let chunkMs = 1_000;
  let generation = 0;

  function capTarget(target: number): number {
    const stop = deps.stopAtSimMs?.();
    return stop !== undefined ? Math.min(target, stop) : target;
  }

  function issue(): void {
    if (!running || inFlight) return;
    const wall = now();
    let target: number;
    const from = Math.max(wantMs, simMs);
    if (speed === 'max') {
      target = from + chunkMs;
    } else {
      target = from + Math.min(wall - lastWall, MAX_WALL_STEP_MS) * speed;
    }
    lastWall = wall;
    target = capTarget(target);
    wantMs = target;
    target = Math.floor(target);
    if (target <= simMs) return;
    inFlight = true;
    const myGeneration = generation;
    const started = now();
    deps.advance(target).then(
      (frame) => {
        if (myGeneration !== generation) return;
        inFlight = false;
        simMs = frame.simMs;
        settle();
        if (!running) {
          // Paused while this call ran: show where the engine actually stopped.
          deps.onFrame(frame);
          return;
        }
        pending = frame;
        if (speed === 'max') {
          const took = Math.max(now() - started, 1);
          const proposed = chunkMs * (TARGET_CALL_MS / took);
          // Geometric smoothing: move halfway (in log terms) toward the proposal.
          chunkMs = Math.min(MAX_CHUNK_MS, Math.max(MIN_CHUNK_MS, Math.sqrt(chunkMs * proposed)));
          issue();
        }
      },
      (error: unknown) => {
        if (myGeneration !== generation) return;
        inFlight = false;
        settle();
        stop();
        deps.onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  function onAnimationFrame(): void {
    handle = null;
    if (!running) return;
    if (pending && now() - lastShown >= showEveryMs) {
      const frame = pending;
      pending = null;
      lastShown = now();
      deps.onFrame(frame);
      const stopAt = deps.stopAtSimMs?.();
      if (stopAt !== undefined && frame.simMs >= stopAt) {
        stop();
        deps.onStopAt?.();
        return;
      }
    }
    issue();
    handle = raf(onAnimationFrame);
  }

  let waiters: (() => void)[] = [];
  function settle(): void {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  }

  function stop(): void {
    running = false;
    if (handle !== null) cancelRaf(handle);
    handle = null;
    // A frame that arrived but was never shown is shown now, so the clock stops where the engine is.
    if (pending) {
      const frame = pending;
      pending = null;
      deps.onFrame(frame);
    }
  }

  return {
    /** Starts pacing from simulated `fromSimMs`. */
    start(fromSimMs: number, withSpeed: Speed): void {
      if (running) return;
      running = true;
      simMs = fromSimMs;
      wantMs = fromSimMs;
      speed = withSpeed;
      lastWall = now();
      handle = raf(onAnimationFrame);
    },
    stop,
    /** Stops and forgets a call in flight (its frame is never shown): used by Reset. */
    abandon(): void {
      stop();
      generation++;
      inFlight = false;
      settle();
    },
    /** Resolves once no advance call is in flight (after Pause, before Step). */
    idle(): Promise<void> {
      if (!inFlight) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    setSpeed(next: Speed): void {
      speed = next;
      lastWall = now();
      if (next === 'max') issue();
    },
    get running() {
      return running;
    },
    get chunkMs() {
      return chunkMs;
    },
  };
}

export type RunLoop = ReturnType<typeof createRunLoop>;
