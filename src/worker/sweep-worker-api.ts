/**
 * What a sweep worker exposes over comlink. Separate from sweep.worker.ts so tests can expose the
 * same API over a MessageChannel and run the real engine in-process.
 */

import type { SweepRun } from '../engine/plan/sweep.ts';
import type { GridPoint } from '../engine/plan/sweep-grid.ts';
import { runGridPoint } from '../engine/plan/sweep-run.ts';
import type { PipelineDoc } from '../model/types.ts';

export const sweepWorkerApi = {
  /** One point: the design with the point's changes, run for `durationSec` simulated seconds. */
  runPoint(doc: PipelineDoc, point: GridPoint, durationSec: number): Promise<SweepRun> {
    return runGridPoint(doc, point, durationSec);
  },
};

export type SweepWorkerApi = typeof sweepWorkerApi;
