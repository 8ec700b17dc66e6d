/**
 * The app's run controller: the sim store driven by the real engine worker, watching the
 * studio's document. UI components import `simController` from here.
 */
import { designsStore } from '../../store/designs.ts';
import { createRunRecorder, followDesigns, historyStore } from '../../store/history.ts';
import { createSimController } from '../../store/simRun.ts';
import { simSeries, simStore } from '../../store/simStore.ts';
import { studioStore } from '../../store/studio.ts';
import { mainTurns } from '../../store/turns.ts';
import { EngineClient } from '../../worker/engineClient.ts';
import { KIND_METRICS } from '../kinds/index.tsx';

/** Finished runs go into the open design's history (the History tab compares two of them). */
const recorder = createRunRecorder(historyStore, KIND_METRICS);
followDesigns(historyStore, designsStore);

export const simController = createSimController({
  sim: simStore,
  series: simSeries,
  metrics: KIND_METRICS,
  studio: studioStore,
  createClient: (onRestart) => new EngineClient({ onRestart }),
  turns: mainTurns,
  onRunStart: recorder.start,
  onRunEnd: (run) => void recorder.end(run),
});
