/**
 * The engine's entry points. `createSimulation` compiles a design (refusing one with error
 * diagnostics by throwing DesignError) and returns a Simulation to step; `runHeadless` runs one to
 * a simulated duration and returns its report (the CLI and tests use it).
 */
import type { PipelineDoc } from '../model/types.ts';
import type { RunReport, Simulation, SimulationOptions } from './api.ts';
import { EngineSimulation } from './simulation.ts';
import { prepareSandbox } from './usercode/quickjs.ts';

export type { RunReport, Simulation, SimulationOptions } from './api.ts';
export { DesignError } from './api.ts';

export { prepareSandbox } from './usercode/quickjs.ts';

export function createSimulation(doc: PipelineDoc, options: SimulationOptions): Simulation {
  return new EngineSimulation(doc, options);
}

export interface HeadlessOptions {
  seed?: number;
  durationSec?: number;
  priceBook?: '2017' | 'current';
  /** Called every simulated `progressEverySec` (default 10) with the fraction done (0–1). */
  onProgress?: (fraction: number) => void;
  progressEverySec?: number;
}

export async function runHeadless(doc: PipelineDoc, options: HeadlessOptions = {}): Promise<RunReport> {
  await prepareSandbox();
  const seed = options.seed ?? doc.settings.seed;
  const durationSec = options.durationSec ?? doc.settings.durationSec;
  const sim = new EngineSimulation(doc, { seed, priceBook: options.priceBook ?? doc.settings.priceBook });
  const chunkMs = Math.max(1, options.progressEverySec ?? 10) * 1000;
  const endMs = Math.round(durationSec * 1000);
  while (sim.nowMs < endMs) {
    await sim.advance(Math.min(endMs, sim.nowMs + chunkMs));
    options.onProgress?.(sim.nowMs / endMs);
    if (sim.nowMs + 100 > endMs) break;
  }
  return sim.report();
}
