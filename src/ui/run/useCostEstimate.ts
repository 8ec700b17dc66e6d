/**
 * The design's cost estimate (engine estimateCost), recomputed when the design changes. The engine
 * module loads on demand (it brings the template renderer and faker), so the toolbar badge does not
 * weigh on the first load; until it has loaded the estimate is null.
 */
import { useEffect, useState } from 'react';
import type { CostEstimate } from '../../engine/api.ts';
import { useStudio } from '../../store/studio.ts';

const ESTIMATE_PAUSE_MS = 60;

/** Estimates by document: the toolbar badge and the Cost tab ask for the same one (computed once). */
const estimates = new WeakMap<object, CostEstimate | null>();

export function useCostEstimate(): CostEstimate | null {
  const doc = useStudio((s) => s.doc);
  const [est, setEst] = useState<CostEstimate | null>(null);
  useEffect(() => {
    let live = true;
    // Its own task, once edits pause for ESTIMATE_PAUSE_MS (wall ms): a 300-node estimate samples
    // every producer's records (~25 ms) and must not lengthen the task that renders a change.
    const timer = setTimeout(() => {
      void import('../../engine/api.ts').then((m) => {
        if (!live) return;
        let value = estimates.get(doc);
        if (value === undefined) {
          try {
            value = m.estimateCost(doc);
          } catch {
            value = null; // a half-edited design: no estimate rather than a crash
          }
          estimates.set(doc, value);
        }
        setEst(value);
      });
    }, ESTIMATE_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [doc]);
  return est;
}
