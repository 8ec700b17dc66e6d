/**
 * Main-thread side of the engine worker: comlink control calls, a watchdog, and unpacking of
 * the transferred metric frames.
 *
 * Watchdog: the engine guards user Lambda code with loop budgets, but a handler can still find a
 * way to spin forever. In a browser the only hard stop is to terminate the worker. Every call
 * races a wall-clock timer (`watchdogMs`, wall ms); when it fires, the worker is terminated, a
 * fresh one is started (empty: the design must be loaded again) and the call rejects with a
 * `WatchdogError`.
 */
import * as Comlink from 'comlink';
import type {
  LiveEdit,
  LiveFrame,
  PeekRecord,
  RunReport,
  S3Object,
  SqlStreamRows,
  TimelineMarker,
} from '../engine/api.ts';
import type { Diagnostic, PipelineDoc, TimelineEvent } from '../model/types.ts';
import type { DestinationListing, LoadResult } from './engineHost.ts';
import { type FrameLayout, type PackedFrame, type UnpackPrevious, unpackFrame } from './frameCodec.ts';
import type { EngineWorkerApi } from './workerApi.ts';

/** Wall ms a load may take (it includes starting the worker). */
const LOAD_WATCHDOG_MS = 30_000;

export class WatchdogError extends Error {
  constructor(readonly afterMs: number) {
    super(
      `The simulation did not answer for ${Math.round(afterMs / 1000)} s (wall time), most likely a Lambda ` +
        'handler stuck in a loop. The engine was stopped and restarted; fix the code and press Run again.',
    );
    this.name = 'WatchdogError';
  }
}

export interface SpawnedWorker {
  endpoint: Comlink.Endpoint;
  terminate(): void;
}

export interface EngineClientOptions {
  /** Starts a worker; defaults to the bundled engine.worker.ts. Tests pass a MessageChannel. */
  spawn?: () => SpawnedWorker;
  /** Wall ms a call may take before the worker is considered stuck. */
  watchdogMs?: number;
  /** Called after the watchdog restarted the worker. */
  onRestart?: (error: WatchdogError) => void;
}

export type ClientLoadResult =
  | { ok: true; frame: LiveFrame }
  | { ok: false; problems: Diagnostic[]; message: string };

function spawnBrowserWorker(): SpawnedWorker {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'engine',
  });
  return { endpoint: worker, terminate: () => worker.terminate() };
}

export class EngineClient {
  private worker: SpawnedWorker;
  private remote: Comlink.Remote<EngineWorkerApi>;
  private layout: FrameLayout | null = null;
  private markers: TimelineMarker[] = [];
  private prev: UnpackPrevious | undefined;
  private readonly spawn: () => SpawnedWorker;
  readonly watchdogMs: number;
  private readonly onRestart?: (error: WatchdogError) => void;
  /** Counts restarts, so a call that outlives a restart does not touch the new worker's state. */
  private generation = 0;

  constructor(options: EngineClientOptions = {}) {
    this.spawn = options.spawn ?? spawnBrowserWorker;
    this.watchdogMs = options.watchdogMs ?? 6_000;
    this.onRestart = options.onRestart;
    this.worker = this.spawn();
    this.remote = Comlink.wrap<EngineWorkerApi>(this.worker.endpoint);
  }

  /** Runs a remote call under the watchdog. */
  private guard<T>(
    call: (remote: Comlink.Remote<EngineWorkerApi>) => Promise<T>,
    limitMs = this.watchdogMs,
  ): Promise<T> {
    const generation = this.generation;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (generation !== this.generation) return;
        const error = new WatchdogError(limitMs);
        this.restart();
        reject(error);
        this.onRestart?.(error);
      }, limitMs);
      call(this.remote).then(
        (value) => {
          clearTimeout(timer);
          if (generation === this.generation) resolve(value);
          else reject(new Error('The engine was restarted while this call ran.'));
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private loadedOnce = false;

  private restart(): void {
    this.generation++;
    this.remote[Comlink.releaseProxy]();
    this.worker.terminate();
    this.worker = this.spawn();
    this.remote = Comlink.wrap<EngineWorkerApi>(this.worker.endpoint);
    this.forgetFrames();
  }

  private forgetFrames(): void {
    this.layout = null;
    this.markers = [];
    this.prev = undefined;
  }

  private unpack(packed: PackedFrame): LiveFrame {
    if (packed.layout) this.layout = packed.layout;
    if (!this.layout) throw new Error('Frame arrived before its layout.');
    if (packed.newMarkers.length > 0) this.markers = [...this.markers, ...packed.newMarkers];
    const frame = unpackFrame(packed, this.layout, this.markers, this.prev);
    this.prev = { layoutVersion: this.layout.version, numbers: packed.numbers, frame };
    return frame;
  }

  async load(doc: PipelineDoc, seed: number, priceBook: '2017' | 'current'): Promise<ClientLoadResult> {
    // Every run after the first gets a fresh worker: nothing a design's code did survives into the
    // next run, and the sandbox's WebAssembly memory (which never shrinks) goes back to the system.
    if (this.loadedOnce) this.restart();
    this.loadedOnce = true;
    // Loading also fetches and starts the worker's modules (slow on a cold dev server): allow more.
    const result = await this.guard(
      (r) => r.load(doc, seed, priceBook) as Promise<LoadResult>,
      Math.max(this.watchdogMs, LOAD_WATCHDOG_MS),
    );
    this.forgetFrames();
    if (!result.ok) return result;
    return { ok: true, frame: this.unpack(result.frame) };
  }

  async reset(): Promise<ClientLoadResult> {
    const result = await this.guard((r) => r.reset() as Promise<LoadResult>);
    this.forgetFrames();
    if (!result.ok) return result;
    return { ok: true, frame: this.unpack(result.frame) };
  }

  /** Advances to simulated `toSimMs` (sim ms) and returns the frame there. */
  async advance(toSimMs: number): Promise<LiveFrame> {
    return this.unpack(await this.guard((r) => r.advance(toSimMs)));
  }

  async frame(): Promise<LiveFrame> {
    return this.unpack(await this.guard((r) => r.frame()));
  }

  applyEdit(edit: LiveEdit): Promise<{ applied: boolean; reason?: string }> {
    return this.guard((r) => r.applyEdit(edit));
  }
  injectFault(event: TimelineEvent): Promise<void> {
    return this.guard((r) => r.injectFault(event));
  }
  peek(target: { nodeId: string } | { edgeId: string }, limit: number): Promise<PeekRecord[]> {
    return this.guard((r) => r.peek(target, limit));
  }
  destination(nodeId: string, limit?: number): Promise<DestinationListing | undefined> {
    return this.guard((r) => r.destination(nodeId, limit) as Promise<DestinationListing | undefined>);
  }
  s3Object(nodeId: string, key: string): Promise<S3Object | undefined> {
    return this.guard((r) => r.s3Object(nodeId, key));
  }
  sqlResults(nodeId: string): Promise<SqlStreamRows[]> {
    return this.guard((r) => r.sqlResults(nodeId));
  }
  /** The node's metrics, one CSV row per simulated second (kept by the engine, see Simulation). */
  metricsCsv(nodeId: string): Promise<string> {
    return this.guard((r) => r.metricsCsv(nodeId));
  }
  report(): Promise<RunReport> {
    return this.guard((r) => r.report());
  }

  dispose(): void {
    this.generation++;
    this.remote[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}
