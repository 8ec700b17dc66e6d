/**
 * The studio's sweep pool: a few browser workers run the points of a sweep in parallel, each point
 * a headless run (sweep.worker.ts). Results come back as they finish (any order, each with its
 * point's index). Cancel terminates every worker at once: a run in progress has no other hard stop.
 * Size: min(hardwareConcurrency − 1, points, 4), at least 1 (one core stays with the page).
 */
import * as Comlink from 'comlink';
import type { SweepRun } from '../engine/plan/sweep.ts';
import type { GridPoint } from '../engine/plan/sweep-grid.ts';
import type { PipelineDoc } from '../model/types.ts';
import type { SpawnedWorker } from './engineClient.ts';
import type { SweepWorkerApi } from './sweep-worker-api.ts';

export function poolSize(points: number, hardwareConcurrency: number): number {
  return Math.max(1, Math.min(hardwareConcurrency - 1, points, 4));
}

function spawnSweepWorker(): SpawnedWorker {
  const worker = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module', name: 'sweep' });
  return { endpoint: worker, terminate: () => worker.terminate() };
}

export interface SweepPoolOptions {
  durationSec: number;
  /** Workers to start; default poolSize(points, navigator.hardwareConcurrency). */
  size?: number;
  /** Starts a worker; tests pass a MessageChannel with the real API on the other end. */
  spawn?: () => SpawnedWorker;
  /** Each point's figures as soon as its run ends. */
  onResult(index: number, run: SweepRun): void;
}

export interface SweepJob {
  /** Workers running the points. */
  readonly size: number;
  /** Settles when every point has run (rejects on the first point that fails), or on cancel. */
  readonly done: Promise<'finished' | 'cancelled'>;
  /** Terminates every worker; points not finished are not reported. */
  cancel(): void;
}

export function runSweep(doc: PipelineDoc, points: GridPoint[], opts: SweepPoolOptions): SweepJob {
  const hw = typeof navigator !== 'undefined' ? (navigator.hardwareConcurrency ?? 2) : 2;
  const size = Math.max(1, Math.min(opts.size ?? poolSize(points.length, hw), points.length));
  const spawn = opts.spawn ?? spawnSweepWorker;
  const workers = Array.from({ length: size }, () => {
    const w = spawn();
    return { w, remote: Comlink.wrap<SweepWorkerApi>(w.endpoint) };
  });
  let next = 0;
  let stopped = false;
  let settle: (how: 'cancelled') => void = () => {};
  const stopAll = () => {
    if (stopped) return;
    stopped = true;
    for (const { w, remote } of workers) {
      remote[Comlink.releaseProxy]();
      w.terminate();
    }
  };
  const lane = async (remote: Comlink.Remote<SweepWorkerApi>) => {
    while (!stopped && next < points.length) {
      const index = next++;
      const run = await remote.runPoint(doc, points[index], opts.durationSec);
      if (stopped) return;
      opts.onResult(index, run);
    }
  };
  const cancelled = new Promise<'cancelled'>((resolve) => {
    settle = resolve;
  });
  const finished = Promise.all(workers.map(({ remote }) => lane(remote))).then(
    () => 'finished' as const,
    (e: unknown) => {
      if (stopped) return 'cancelled' as const;
      throw e instanceof Error ? e : new Error(String(e));
    },
  );
  const done = Promise.race([finished, cancelled]).finally(stopAll);
  return {
    size,
    done,
    cancel() {
      if (stopped) return;
      stopAll();
      settle('cancelled');
    },
  };
}
