/**
 * The app's run controller: the sim store driven by the real engine worker, watching the
 * studio's document. UI components import `simController` from here.
 */
import { createSimController } from '../../store/simRun.ts';
import { simSeries, simStore } from '../../store/simStore.ts';
import { studioStore } from '../../store/studio.ts';
import { mainTurns } from '../../store/turns.ts';
import { EngineClient } from '../../worker/engineClient.ts';
import { KIND_METRICS } from '../kinds/index.tsx';

export const simController = createSimController({
  sim: simStore,
  series: simSeries,
  metrics: KIND_METRICS,
  studio: studioStore,
  createClient: (onRestart) => new EngineClient({ onRestart }),
  turns: mainTurns,
});
