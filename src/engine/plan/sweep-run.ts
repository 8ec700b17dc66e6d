/**
 * Running one sweep point headless: the design with the point's changes, on its own seed. Apart
 * from sweep-grid.ts so the Sweep tab's chunk does not carry the engine (only the workers do).
 */
import type { PipelineDoc } from '../../model/types.ts';
import { runHeadless } from '../index.ts';
import { applyPoint, type SweepRun, summarize } from './sweep.ts';
import type { GridPoint } from './sweep-grid.ts';

/** Runs one point and reduces it to a sweep row (value = the first axis's value). */
export async function runGridPoint(
  doc: PipelineDoc,
  point: GridPoint,
  durationSec?: number,
): Promise<SweepRun> {
  const varied = point.changes.reduce(applyPoint, doc);
  const report = await runHeadless(varied, { durationSec });
  return summarize(report, point.values[0]);
}
