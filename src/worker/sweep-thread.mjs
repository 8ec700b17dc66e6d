// A Node worker thread that runs sweep points for `npx shardscape plan` and the sweep benchmark.
// Worker threads do not inherit the main thread's tsx loader, so it registers its own and then
// loads the engine from source. Messages: { id, doc, point, durationSec } → { id, run } | { id, error }.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runPoint } = await import('../engine/plan/sweep.ts');
parentPort.on('message', async ({ id, doc, point, durationSec }) => {
  try {
    parentPort.postMessage({ id, run: await runPoint(doc, point, durationSec) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
