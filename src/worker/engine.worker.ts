/**
 * The Web Worker that hosts the simulation engine. Control calls arrive through comlink; the
 * packed metric frames' Float64Arrays are transferred back (zero copy). Only src/worker talks to
 * workers.
 */
import * as Comlink from 'comlink';
import { createSimulation, prepareSandbox } from '../engine/index.ts';
import { createEngineHost } from './engineHost.ts';
import { workerApi } from './workerApi.ts';

// The Lambda sandbox (QuickJS, WebAssembly) loads while the studio sends its first call; load and
// reset wait for it. Listening starts at once so no message is lost.
const sandbox = prepareSandbox();
const api = workerApi(createEngineHost(createSimulation));
Comlink.expose({
  ...api,
  async load(...args: Parameters<typeof api.load>) {
    await sandbox;
    return api.load(...args);
  },
  async reset() {
    await sandbox;
    return api.reset();
  },
});
