/**
 * A Web Worker that runs sweep points headless for the studio's Sweep tab (src/worker/sweep-pool.ts
 * starts a few). Each point is a whole run of the design with one or two fields changed; the
 * engine is deterministic, so a point gives the same figures in any worker, in any order.
 */
import * as Comlink from 'comlink';
import { sweepWorkerApi } from './sweep-worker-api.ts';

Comlink.expose(sweepWorkerApi);
