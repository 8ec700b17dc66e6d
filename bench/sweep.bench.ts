/**
 * Sweep workload: 12 shard counts (1..12) × 5 simulated minutes of the hot-key template, run one
 * after another in this thread, then two at a time in worker threads (src/worker/node-pool.ts), in
 * the same process. Prints both wall times, the parallel speed-up (goal ≥ 1.6× on 2 cores) and the
 * load average at the start and end, since the box may be shared.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { runPoint, type SweepPoint } from '../src/engine/plan/sweep.ts';
import type { PipelineDoc } from '../src/model/types.ts';
import { runPointsInThreads } from '../src/worker/node-pool.ts';

export async function run(print: (o: object) => void): Promise<void> {
  const doc = JSON.parse(
    readFileSync(new URL('../examples/hot-key.json', import.meta.url), 'utf8'),
  ) as PipelineDoc;
  const points: SweepPoint[] = Array.from({ length: 12 }, (_, i) => ({
    nodeId: 'telemetry',
    field: 'shardCount',
    value: i + 1,
  }));
  const durationSec = 300;
  const loadBefore = loadavg()[0];
  let t = performance.now();
  const serial = [];
  for (const p of points) serial.push(await runPoint(doc, p, durationSec));
  const serialMs = performance.now() - t;
  t = performance.now();
  const parallel = await runPointsInThreads(doc, points, { threads: 2, durationSec });
  const parallelMs = performance.now() - t;
  const same = JSON.stringify(serial) === JSON.stringify(parallel);
  // What starting two threads costs: two 1-second points, nearly all start-up; with the pre-built
  // bundle (src/worker/thread-bundle.ts) and, for comparison, with tsx transpiling in each thread.
  t = performance.now();
  await runPointsInThreads(doc, points.slice(0, 2), { threads: 2, durationSec: 1 });
  const startupMs = performance.now() - t;
  t = performance.now();
  await runPointsInThreads(doc, points.slice(0, 2), { threads: 2, durationSec: 1, bundle: false });
  const startupTsxMs = performance.now() - t;
  print({
    workload: 'sweep: hot-key 12 shard counts × 300 s',
    serialWallSec: Math.round(serialMs) / 1000,
    parallelWallSec: Math.round(parallelMs) / 1000,
    threads: 2,
    speedUp: Math.round((serialMs / parallelMs) * 100) / 100,
    threadStartupWallSec: Math.round(startupMs) / 1000,
    threadStartupTsxWallSec: Math.round(startupTsxMs) / 1000,
    cores: availableParallelism(),
    goal: 1.6,
    sameResults: same,
    loadAvg1mBefore: Math.round(loadBefore * 100) / 100,
    loadAvg1mAfter: Math.round(loadavg()[0] * 100) / 100,
  });
}
