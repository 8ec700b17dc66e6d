/**
 * What the engine worker exposes over comlink: the host's methods, with the packed frames'
 * Float64Array transferred instead of cloned. Separate from engine.worker.ts so tests can expose
 * the same API over a MessageChannel with a fake simulation.
 */
import * as Comlink from 'comlink';
import type { EngineHost } from './engineHost.ts';

export function workerApi(host: EngineHost) {
  return {
    ...host,
    async advance(toSimMs: number) {
      const packed = await host.advance(toSimMs);
      return Comlink.transfer(packed, [packed.numbers.buffer]);
    },
    frame() {
      const packed = host.frame();
      return Comlink.transfer(packed, [packed.numbers.buffer]);
    },
    /** Answers at once when the worker is free: lets tests and the watchdog tell busy from stuck. */
    ping(): number {
      return 1;
    },
  };
}

export type EngineWorkerApi = ReturnType<typeof workerApi>;
