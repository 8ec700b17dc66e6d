/**
 * A pool of Node worker threads running sweep points in parallel (the CLI's `plan` and the sweep
 * benchmark). The engine is deterministic, so a point gives the same figures in any thread and any
 * order; results come back in point order. Default: 2 threads (the build box has 2 cores).
 */
import { Worker } from 'node:worker_threads';
import type { SweepPoint, SweepRun } from '../engine/plan/sweep.ts';
import type { PipelineDoc } from '../model/types.ts';
import { sweepThreadBundle } from './thread-bundle.ts';

interface Reply {
  id: number;
  run?: SweepRun;
  error?: string;
}

export async function runPointsInThreads(
  doc: PipelineDoc,
  points: SweepPoint[],
  opts: {
    threads?: number;
    durationSec?: number;
    onDone?: (done: number, total: number) => void;
    /** false: load the engine from source through tsx in each thread (the bench's comparison). */
    bundle?: boolean;
  } = {},
): Promise<SweepRun[]> {
  const threads = Math.max(1, Math.min(opts.threads ?? 2, points.length));
  const results: SweepRun[] = new Array(points.length);
  let next = 0;
  let done = 0;
  // Pre-bundled thread code when it can be built (thread-bundle.ts), else tsx in each thread.
  const bundled = opts.bundle === false ? null : await sweepThreadBundle();
  const entry = bundled ?? new URL('./sweep-thread.mjs', import.meta.url);
  const workers = Array.from({ length: threads }, () => new Worker(entry));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let first = true;
            const send = () => {
              if (next >= points.length) return resolve();
              const id = next++;
              // The design goes with a thread's first point only (the thread keeps it).
              w.postMessage({
                id,
                doc: first ? doc : undefined,
                point: points[id],
                durationSec: opts.durationSec,
              });
              first = false;
            };
            w.on('message', (m: Reply) => {
              if (m.error !== undefined || !m.run) return reject(new Error(m.error ?? 'no result'));
              results[m.id] = m.run;
              done++;
              opts.onDone?.(done, points.length);
              send();
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
