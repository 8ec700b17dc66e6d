/**
 * The message loop of a sweep worker thread (src/worker/node-pool.ts): takes points one after
 * another until the pool closes it, and answers each with the point's figures only (a SweepRun
 * of seven numbers, never the report). Messages: { id, doc, point, durationSec } → { id, run } |
 * { id, error }. The design travels with the first point only (later ones reuse it: `doc` absent).
 *
 * Loaded either pre-bundled (one esbuild bundle, thread-bundle.ts: ~0.3 s to start) or from
 * source through tsx (sweep-thread.mjs: ~3 s to start, it transpiles the engine in each thread).
 */
import { parentPort } from 'node:worker_threads';
import { runPoint, type SweepPoint } from '../engine/plan/sweep.ts';
import type { PipelineDoc } from '../model/types.ts';

interface Job {
  id: number;
  doc?: PipelineDoc;
  point: SweepPoint;
  durationSec?: number;
}

let design: PipelineDoc | null = null;
const port = parentPort;
if (!port) throw new Error('sweep-thread-main runs in a worker thread');
port.on('message', async ({ id, doc, point, durationSec }: Job) => {
  try {
    if (doc) design = doc;
    if (!design) throw new Error('no design sent');
    port.postMessage({ id, run: await runPoint(design, point, durationSec) });
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
