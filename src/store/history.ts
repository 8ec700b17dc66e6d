/**
 * The design's run history: finished runs kept per design (at most MAX_RUNS, the oldest dropped
 * and named), two of them picked as A and B for the side-by-side view. A zustand vanilla store over
 * a backend (IndexedDB in the browser, memory in tests), so it is testable in Node.
 *
 * API for other panels (the sweep panel adds its points this way):
 *   historyStore.getState().addRun(entry)   → the stored entry (id, run number, label assigned)
 *   historyStore.getState().entries         → the open design's runs, oldest first
 *   historyStore.getState().remove(id)
 *   compareRuns(a, b) in history-compare.ts → rows { figure, a, b, diff } + verdict { en, ja }
 *   entryFromFigures({ design, seed, durationSec, figures }) in history-entry.ts → a sweep point
 *     as an entry (figures named as in a sweep row; no series, so the History tab shows no chart)
 *   comparisonMarkdown / comparisonCsv in history-report.ts → the report text
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { newId } from '../model/factory.ts';
import { type HistoryBackend, indexedDbBackend, memoryBackend } from './history-db.ts';
import {
  defaultLabel,
  type EndedRun,
  entryFromRun,
  type HistoryEntry,
  MAX_RUNS,
  MIN_RUN_SEC,
} from './history-entry.ts';
import type { MetricsByKind } from './simMetrics.ts';

/** An entry to add: everything but what the store assigns (a label may be given). */
export type NewRun = Omit<HistoryEntry, 'id' | 'designId' | 'run' | 'label' | 'createdAt'> & {
  label?: string;
};

export interface HistoryState {
  designId: string | null;
  /** The open design's runs, oldest first. */
  entries: HistoryEntry[];
  /** Ids picked for the comparison (A = the reference, B = the alternative). */
  pickA: string | null;
  pickB: string | null;
  /** Labels of runs the cap removed at the last add (shown once, then cleared). */
  dropped: string[];
  /** Shows the design's history (loads it from the backend). */
  load(designId: string | null): Promise<void>;
  /** Adds (or, with the same id, updates) a run of the open design; drops the oldest over MAX_RUNS. */
  addRun(run: NewRun, id?: string, designId?: string): Promise<HistoryEntry | null>;
  remove(id: string): Promise<void>;
  rename(id: string, label: string): Promise<void>;
  pick(slot: 'a' | 'b', id: string | null): void;
  clearDropped(): void;
  /** Forgets every run of a deleted design. */
  removeDesign(designId: string): Promise<void>;
}

export function createHistoryStore(backend: HistoryBackend, now: () => number = Date.now) {
  return createStore<HistoryState>()((set, get) => {
    /** Drops the oldest runs over the cap; returns the entries kept. */
    const cap = async (entries: HistoryEntry[]): Promise<HistoryEntry[]> => {
      const over = entries.length - MAX_RUNS;
      if (over <= 0) return entries;
      const gone = entries.slice(0, over);
      for (const e of gone) await backend.remove(e.id);
      set((s) => ({ dropped: [...s.dropped, ...gone.map((e) => e.label)] }));
      return entries.slice(over);
    };
    /** A run of a design no longer open (it was switched while the run existed): stored, capped. */
    const addElsewhere = async (run: NewRun, designId: string, id?: string): Promise<HistoryEntry> => {
      const list = await backend.list(designId);
      const old = list.find((e) => e.id === id);
      const number = old?.run ?? Math.max(0, ...list.map((e) => e.run)) + 1;
      const entry: HistoryEntry = {
        ...run,
        id: id ?? newId('run'),
        designId,
        run: number,
        label: run.label ?? old?.label ?? defaultLabel(number, run.design, run.durationSec),
        createdAt: old?.createdAt ?? now(),
      };
      await backend.put(entry);
      const all = old ? list : [...list, entry];
      for (const e of all.slice(0, Math.max(0, all.length - MAX_RUNS))) await backend.remove(e.id);
      return entry;
    };
    let queue: Promise<unknown> = Promise.resolve();
    const add = async (run: NewRun, id?: string, forDesign?: string): Promise<HistoryEntry | null> => {
      const designId = forDesign ?? get().designId;
      if (!designId) return null;
      if (designId !== get().designId) return addElsewhere(run, designId, id);
      const old = id ? get().entries.find((e) => e.id === id) : undefined;
      const number = old?.run ?? Math.max(0, ...get().entries.map((e) => e.run)) + 1;
      // A label the user edited stays; a default one follows the run's new duration.
      const keepLabel = old && old.label !== defaultLabel(old.run, old.design, old.durationSec);
      const entry: HistoryEntry = {
        ...run,
        id: old?.id ?? id ?? newId('run'),
        designId,
        run: number,
        label: run.label ?? (keepLabel ? old.label : defaultLabel(number, run.design, run.durationSec)),
        createdAt: old?.createdAt ?? now(),
      };
      await backend.put(entry);
      if (get().designId !== designId) return entry;
      const list = old
        ? get().entries.map((e) => (e.id === entry.id ? entry : e))
        : [...get().entries, entry];
      const entries = await cap(list);
      const { pickA, pickB } = get();
      // A new run becomes B and the previous B becomes A: "what changed since the last run".
      const picks = old ? repick(entries, pickA, pickB) : repick(entries, pickB, entry.id);
      set({ entries, ...picks });
      return entry;
    };
    /** Picks that still exist; by default the two newest runs (A older, B newer). */
    const repick = (entries: HistoryEntry[], a: string | null, b: string | null) => {
      const has = (id: string | null) => id !== null && entries.some((e) => e.id === id);
      const n = entries.length;
      return {
        pickA: has(a) ? a : n >= 2 ? entries[n - 2].id : null,
        pickB: has(b) ? b : n >= 1 ? entries[n - 1].id : null,
      };
    };
    return {
      designId: null,
      entries: [],
      pickA: null,
      pickB: null,
      dropped: [],

      async load(designId) {
        set({ designId, entries: [], pickA: null, pickB: null, dropped: [] });
        if (!designId) return;
        const entries = await backend.list(designId);
        if (get().designId !== designId) return; // another design opened meanwhile
        set({ entries, ...repick(entries, null, null) });
      },

      addRun(run, id, forDesign) {
        // One at a time: a Pause and a Reset in quick succession report the same run twice, and
        // the second must find the first's entry (to update it, not add a twin).
        const next = queue.then(() => add(run, id, forDesign));
        queue = next.catch(() => null);
        return next;
      },

      async remove(id) {
        await backend.remove(id);
        const entries = get().entries.filter((e) => e.id !== id);
        set({ entries, ...repick(entries, get().pickA, get().pickB) });
      },

      async rename(id, label) {
        const e = get().entries.find((x) => x.id === id);
        const text = label.trim();
        if (!e || !text) return;
        const entry = { ...e, label: text };
        await backend.put(entry);
        set({ entries: get().entries.map((x) => (x.id === id ? entry : x)) });
      },

      pick(slot, id) {
        set(slot === 'a' ? { pickA: id } : { pickB: id });
      },

      clearDropped() {
        set({ dropped: [] });
      },

      async removeDesign(designId) {
        await backend.removeDesign(designId);
        if (get().designId === designId) set({ entries: [], pickA: null, pickB: null });
      },
    };
  });
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;

export const historyStore = createHistoryStore(
  typeof indexedDB === 'undefined' ? memoryBackend() : indexedDbBackend(),
);

export function useHistory<T>(selector: (s: HistoryState) => T): T {
  return useStore(historyStore, selector);
}

/**
 * The run controller's hook (src/store/simRun.ts onRunEnd): keeps a run that lasted at least
 * MIN_RUN_SEC simulated seconds. One run reported twice (Pause, later Reset) updates one entry.
 */
export function createRunRecorder(store: HistoryStore, metrics: MetricsByKind) {
  const entryOfRun = new Map<number, string>();
  /** The design open when each run was loaded (the run belongs to it even if another opens). */
  const designOfRun = new Map<number, string | null>();
  return {
    start(runKey: number): void {
      designOfRun.set(runKey, store.getState().designId);
    },
    end(ended: EndedRun): Promise<HistoryEntry | null> {
      if (ended.simMs < MIN_RUN_SEC * 1000) return Promise.resolve(null);
      const id = entryOfRun.get(ended.runKey) ?? newId('run');
      entryOfRun.set(ended.runKey, id);
      const designId = designOfRun.get(ended.runKey) ?? undefined;
      return store.getState().addRun(entryFromRun(ended, metrics), id, designId);
    },
  };
}

/** The slice of the designs store the history follows (src/store/designs.ts). */
interface DesignsLike {
  currentId: string | null;
  list: { id: string }[];
}

/**
 * Shows the open design's history and forgets the history of a deleted design. Returns the
 * unsubscribe function.
 */
export function followDesigns(store: HistoryStore, designs: StoreApi<DesignsLike>): () => void {
  void store.getState().load(designs.getState().currentId);
  return designs.subscribe((state, prev) => {
    if (state.currentId !== prev.currentId) void store.getState().load(state.currentId);
    if (state.list === prev.list || prev.list.length === 0) return;
    const kept = new Set(state.list.map((d) => d.id));
    for (const d of prev.list) if (!kept.has(d.id)) void store.getState().removeDesign(d.id);
  });
}
