/**
 * Main-thread turns: at most one heavy UI update per animation frame.
 *
 * Why: at max speed the worker answers back to back, frames reach the canvas 10 times a wall
 * second and the charts of the Metrics tab redraw 4 times a second. Each alone takes a few ms to
 * a few tens of ms of main thread (recharts redraws synchronously: its state is a redux store read
 * through useSyncExternalStore, which React cannot split), but landing in the same animation
 * frame they added up to long tasks of 50–110 ms on 2 cores. Here each update waits for its own
 * frame:
 * - a turn with a `key` replaces a waiting turn of the same key (the newest frame wins);
 * - `first` turns (the live frame the canvas shows) go before the others;
 * - `restFrames` leaves that many frames free after a turn: recharts batches its store
 *   notifications into the next animation frame, where they would otherwise meet the next turn.
 *
 * Where there is no requestAnimationFrame (Node tests), a turn runs at once.
 */

export interface TurnOptions {
  key?: string;
  first?: boolean;
  restFrames?: number;
}

interface Turn extends TurnOptions {
  run: () => void;
}

export interface TurnScheduler {
  /** Queue `run` for a frame of its own; the returned function withdraws it if still waiting. */
  request(run: () => void, options?: TurnOptions): () => void;
  /** Turns waiting (for tests and the e2e probe). */
  waiting(): number;
}

export function createTurnScheduler(
  raf: ((cb: () => void) => unknown) | undefined = globalThis.requestAnimationFrame?.bind(globalThis),
): TurnScheduler {
  const queue: Turn[] = [];
  let scheduled = false;
  let rest = 0;

  function pump(): void {
    scheduled = false;
    if (rest > 0) rest--;
    else {
      const i = queue.findIndex((t) => t.first);
      const [turn] = queue.splice(Math.max(i, 0), 1);
      if (turn) {
        rest = turn.restFrames ?? 0;
        turn.run();
      }
    }
    if (queue.length > 0 || rest > 0) schedule();
  }

  function schedule(): void {
    if (scheduled || !raf) return;
    scheduled = true;
    raf(pump);
  }

  return {
    request(run, options = {}) {
      if (!raf) {
        run();
        return () => {};
      }
      const waiting = options.key === undefined ? undefined : queue.find((t) => t.key === options.key);
      if (waiting) {
        waiting.run = run;
        return () => withdraw(waiting);
      }
      const turn: Turn = { ...options, run };
      queue.push(turn);
      schedule();
      return () => withdraw(turn);
    },
    waiting: () => queue.length,
  };

  function withdraw(turn: Turn): void {
    const i = queue.indexOf(turn);
    if (i >= 0) queue.splice(i, 1);
  }
}

/** The app's one scheduler: the live frame and every chart share it. */
export const mainTurns = createTurnScheduler();
