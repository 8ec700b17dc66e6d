/**
 * The Sweep tab's state: the sweep being run or last run (its design snapshot, spec, points, the
 * figures that have arrived, progress) and the actions start / cancel / apply. Session state: not
 * saved in the design, not undoable; "apply" is a normal undoable design change. Loaded with the
 * Sweep tab (not in the first load).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { SweepRun } from '../engine/plan/sweep.ts';
import {
  type GridPoint,
  gridPoints,
  recommendSweep,
  type SweepRecommendation,
  type SweepSpec,
} from '../engine/plan/sweep-grid.ts';
import type { Change } from '../model/changes.ts';
import { setAt } from '../model/config.ts';
import type { PipelineDoc } from '../model/types.ts';
import { runSweep, type SweepJob } from '../worker/sweep-pool.ts';
import { historyStore } from './history.ts';
import { studioStore } from './studio.ts';

export type SweepStatus = 'idle' | 'running' | 'finished' | 'cancelled' | 'failed';

export interface SweepState {
  status: SweepStatus;
  /** The design as it was when the sweep started (every point varies this snapshot). */
  doc: PipelineDoc | null;
  spec: SweepSpec | null;
  points: GridPoint[];
  /** Figures per point, in point order; undefined until that point's run ends. */
  runs: (SweepRun | undefined)[];
  done: number;
  /** Workers running points at once. */
  workers: number;
  /** Wall ms since the start (updated as points finish). */
  elapsedMs: number;
  recommendation: SweepRecommendation | null;
  error: string | null;
}

const initial: SweepState = {
  status: 'idle',
  doc: null,
  spec: null,
  points: [],
  runs: [],
  done: 0,
  workers: 0,
  elapsedMs: 0,
  recommendation: null,
  error: null,
};

export const sweepStore = createStore<SweepState>(() => initial);
export const useSweep = <T>(selector: (s: SweepState) => T): T => useStore(sweepStore, selector);

let job: SweepJob | null = null;

/** Starts a sweep of `doc` (cancelling one under way). Injectable pool options for tests. */
export function startSweep(
  doc: PipelineDoc,
  spec: SweepSpec,
  pool: Partial<Parameters<typeof runSweep>[2]> = {},
) {
  job?.cancel();
  const points = gridPoints(spec.axes);
  const started = performance.now();
  const runs: (SweepRun | undefined)[] = new Array(points.length).fill(undefined);
  const mine = runSweep(doc, points, {
    durationSec: spec.durationSec,
    ...pool,
    onResult(index, run) {
      if (job !== mine) return;
      runs[index] = run;
      const done = runs.filter(Boolean).length;
      sweepStore.setState({ runs: runs.slice(), done, elapsedMs: performance.now() - started });
    },
  });
  job = mine;
  sweepStore.setState({
    ...initial,
    status: 'running',
    doc,
    spec,
    points,
    runs: runs.slice(),
    workers: mine.size,
  });
  mine.done.then(
    (how) => {
      if (job !== mine) return;
      job = null;
      if (how === 'cancelled') return sweepStore.setState({ status: 'cancelled' });
      const all = runs as SweepRun[];
      sweepStore.setState({
        status: 'finished',
        elapsedMs: performance.now() - started,
        recommendation: recommendSweep(doc, spec, points, all),
      });
    },
    (e: unknown) => {
      if (job !== mine) return;
      job = null;
      sweepStore.setState({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    },
  );
  return mine;
}

export function cancelSweep(): void {
  job?.cancel();
}

/** Sets a point's values in the open design: one undoable step ("Apply"). */
export function applySweepPoint(point: GridPoint): void {
  const studio = studioStore.getState();
  const changes: Change[] = [];
  let doc = studio.doc;
  for (const c of point.changes) {
    const node = doc.nodes.find((n) => n.id === c.nodeId);
    if (!node) continue;
    const config = setAt(node.config, c.field, c.value);
    const change: Change = { type: 'node/config', id: node.id, config };
    changes.push(change);
    doc = { ...doc, nodes: doc.nodes.map((n) => (n.id === node.id ? ({ ...n, config } as typeof n) : n)) };
  }
  if (changes.length > 0) studio.dispatch(changes);
}

/**
 * "Compare with current run": the point becomes a history entry (source 'sweep': its design, seed,
 * duration and figures; no series) and the History tab opens with the design's latest studio run as
 * A and the point as B. False when the design has no finished or paused run to compare with.
 */
export async function compareWithCurrentRun(index: number, label: string): Promise<boolean> {
  const { doc, spec, points, runs } = sweepStore.getState();
  const run = runs[index];
  const history = historyStore.getState();
  const current = history.entries.filter((e) => e.source === 'run').at(-1);
  if (!doc || !spec || !run || !current) return false;
  let design = doc;
  for (const c of points[index].changes)
    design = {
      ...design,
      nodes: design.nodes.map((n) =>
        n.id === c.nodeId ? ({ ...n, config: setAt(n.config, c.field, c.value) } as typeof n) : n,
      ),
    };
  const { value: _value, ...figures } = run;
  const entry = await history.addRun({
    design,
    seed: doc.settings.seed,
    priceBook: doc.settings.priceBook,
    durationSec: spec.durationSec,
    figures,
    nodes: [],
    series: [],
    source: 'sweep',
    label,
  });
  if (!entry) return false;
  historyStore.getState().pick('a', current.id);
  historyStore.getState().pick('b', entry.id);
  studioStore.getState().setBottomTab('history');
  return true;
}
