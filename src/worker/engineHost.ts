/**
 * The worker-side half of the engine bridge, without the worker: it owns one Simulation, turns
 * its frames into packed, transferable frames and answers the studio's questions (peek,
 * destination contents, SQL results). engine.worker.ts exposes it with comlink; tests drive it
 * directly with a fake simulation.
 */
import type {
  CreateSimulation,
  DestinationContents,
  LiveEdit,
  PeekRecord,
  RunReport,
  S3Object,
  Simulation,
  SqlStreamRows,
} from '../engine/api.ts';
import type { Diagnostic, PipelineDoc, TimelineEvent } from '../model/types.ts';
import { FramePacker, type PackedFrame } from './frameCodec.ts';

export type LoadResult =
  | { ok: true; frame: PackedFrame }
  | { ok: false; problems: Diagnostic[]; message: string };

/** Destination contents without S3 object bodies (fetched one at a time with `s3Object`). */
export type DestinationListing = DestinationContents;

function isDesignError(e: unknown): e is Error & { problems: Diagnostic[] } {
  return (
    e instanceof Error && e.name === 'DesignError' && Array.isArray((e as { problems?: unknown }).problems)
  );
}

export function createEngineHost(createSimulation: CreateSimulation) {
  let sim: Simulation | null = null;
  let packer = new FramePacker();
  let loaded: { doc: PipelineDoc; seed: number; priceBook: '2017' | 'current' } | null = null;

  function need(): Simulation {
    if (!sim) throw new Error('No design is loaded in the engine.');
    return sim;
  }

  const host = {
    /** Compiles the design; a design with errors comes back as its problems, nothing runs. */
    load(doc: PipelineDoc, seed: number, priceBook: '2017' | 'current'): LoadResult {
      sim = null;
      packer = new FramePacker();
      try {
        sim = createSimulation(doc, { seed, priceBook });
      } catch (e) {
        if (isDesignError(e)) return { ok: false, problems: e.problems, message: e.message };
        return { ok: false, problems: [], message: e instanceof Error ? e.message : String(e) };
      }
      loaded = { doc, seed, priceBook };
      return { ok: true, frame: packer.pack(sim.frame()) };
    },
    /** Back to t = 0 with the same design, seed and price book. */
    reset(): LoadResult {
      if (!loaded) return { ok: false, problems: [], message: 'Nothing to reset.' };
      return host.load(loaded.doc, loaded.seed, loaded.priceBook);
    },
    /** Runs to simulated `toSimMs` and returns the frame there (its buffer is transferred by the worker). */
    async advance(toSimMs: number): Promise<PackedFrame> {
      const s = need();
      if (toSimMs > s.nowMs) await s.advance(toSimMs);
      return packer.pack(s.frame());
    },
    frame(): PackedFrame {
      return packer.pack(need().frame());
    },
    applyEdit(edit: LiveEdit): { applied: boolean; reason?: string } {
      return need().applyEdit(edit);
    },
    injectFault(event: TimelineEvent): void {
      need().injectFault(event);
    },
    peek(target: { nodeId: string } | { edgeId: string }, limit: number): PeekRecord[] {
      return need().peek(target, limit);
    },
    /** Contents of a destination; S3 bodies are left out (they can be MiBs), newest objects last. */
    destination(nodeId: string, limit = 200): DestinationListing | undefined {
      const d = need().destination(nodeId);
      if (d?.kind !== 's3') return d;
      const objects = d.objects.slice(-limit).map(({ body: _body, ...rest }) => rest);
      return { ...d, objects };
    },
    s3Object(nodeId: string, key: string): S3Object | undefined {
      const d = need().destination(nodeId);
      if (d?.kind !== 's3') return undefined;
      return d.objects.find((o) => o.key === key);
    },
    sqlResults(nodeId: string): SqlStreamRows[] {
      return need().sqlResults(nodeId);
    },
    metricsCsv(nodeId: string): string {
      return need().metricsCsv(nodeId);
    },
    report(): RunReport {
      return need().report();
    },
  };
  return host;
}

export type EngineHost = ReturnType<typeof createEngineHost>;
