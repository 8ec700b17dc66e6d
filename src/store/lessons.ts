/**
 * Workshop lessons in the studio: which lesson is active, lessons an instructor imported, each
 * lesson's progress (saved in localStorage, like the layout prefs, so a reload keeps it), and the
 * active lesson's checks graded live from the run's frames.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { type CheckResult, LESSONS, type Lesson, LessonSchema, LiveTracker } from '../lessons/index.ts';
import type { NodeKind } from '../model/types.ts';
import { LESSONS_KEY, lessonsUi } from './lessons-ui.ts';
import { simStore } from './simStore.ts';

export interface LessonProgress {
  /** Checks that passed in some run of this lesson. */
  passed: string[];
  /** Every check passed in one run. */
  completed: boolean;
}

export interface LessonsState {
  open: boolean;
  activeId: string | null;
  imported: Lesson[];
  progress: Record<string, LessonProgress>;
  /** Live results of the active lesson's checks (null before a run). */
  results: CheckResult[] | null;
  setOpen(open: boolean): void;
  setActive(id: string | null): void;
  addImported(lesson: Lesson): void;
  /** Record results of a run: passed checks add to the progress; all passed = completed. */
  record(id: string, results: readonly CheckResult[]): void;
  setResults(results: CheckResult[] | null): void;
}

const KEY = LESSONS_KEY;

interface Saved {
  open: boolean;
  activeId: string | null;
  imported: unknown[];
  progress: Record<string, LessonProgress>;
}

function load(): Saved {
  const empty: Saved = { open: false, activeId: null, imported: [], progress: {} };
  if (typeof localStorage === 'undefined') return empty;
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Saved>;
    return {
      open: raw.open === true,
      activeId: typeof raw.activeId === 'string' ? raw.activeId : null,
      imported: Array.isArray(raw.imported) ? raw.imported : [],
      progress: raw.progress && typeof raw.progress === 'object' ? raw.progress : {},
    };
  } catch {
    return empty;
  }
}

function save(s: LessonsState): void {
  if (typeof localStorage === 'undefined') return;
  const saved: Saved = { open: s.open, activeId: s.activeId, imported: s.imported, progress: s.progress };
  try {
    localStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage full or blocked: progress stays for this session only.
  }
}

const initial = load();

export const lessonsStore = createStore<LessonsState>()((set, get) => ({
  open: lessonsUi.getState().open,
  activeId: initial.activeId,
  // A stored lesson that no longer validates (an older file) is dropped rather than breaking the panel.
  imported: initial.imported.flatMap((l) => {
    const r = LessonSchema.safeParse(l);
    return r.success ? [r.data] : [];
  }),
  progress: initial.progress,
  results: null,
  setOpen: (open) => lessonsUi.getState().setOpen(open),
  setActive: (activeId) => {
    set({ activeId, results: null });
    save(get());
  },
  addImported: (lesson) => {
    set({ imported: [...get().imported.filter((l) => l.id !== lesson.id), lesson] });
    save(get());
  },
  record: (id, results) => {
    const before = get().progress[id] ?? { passed: [], completed: false };
    const passed = new Set(before.passed);
    for (const r of results) if (r.passed) passed.add(r.id);
    const completed = before.completed || (results.length > 0 && results.every((r) => r.passed));
    if (passed.size === before.passed.length && completed === before.completed) return;
    set({ progress: { ...get().progress, [id]: { passed: [...passed], completed } } });
    save(get());
  },
  setResults: (results) => set({ results }),
}));

// The open flag lives in the light store the toolbar uses (lessons-ui.ts); mirror it here.
lessonsUi.subscribe((s) => {
  if (s.open !== lessonsStore.getState().open) lessonsStore.setState({ open: s.open });
});

export function useLessons<T>(selector: (s: LessonsState) => T): T {
  return useStore(lessonsStore, selector);
}

export function allLessons(imported: readonly Lesson[]): Lesson[] {
  return [...LESSONS.filter((l) => !imported.some((i) => i.id === l.id)), ...imported];
}

export function activeLesson(s: Pick<LessonsState, 'activeId' | 'imported'>): Lesson | undefined {
  return s.activeId ? allLessons(s.imported).find((l) => l.id === s.activeId) : undefined;
}

/** Wall ms between two updates of the results shown (frames come faster; the panel need not). */
const SHOW_EVERY_MS = 250;

/**
 * Grade the active lesson from the run's frames. Call once at start-up; returns the unsubscribe.
 * A new run (the clock going back, or another design loaded) starts a fresh tracker.
 */
export function startLiveGrading(now: () => number = () => performance.now()): () => void {
  let tracker: LiveTracker | null = null;
  let trackedFor: string | null = null;
  let kindsKey = '';
  let shownAt = -Infinity;
  let shownKey = '';
  const unsubSim = simStore.subscribe((s, prev) => {
    const lessons = lessonsStore.getState();
    const lesson = activeLesson(lessons);
    if (!lesson || !s.frame || s.frame === prev.frame) return;
    const key = JSON.stringify(s.kinds);
    if (!tracker || trackedFor !== lesson.id || key !== kindsKey) {
      tracker = new LiveTracker(lesson.checks, s.kinds as Record<string, NodeKind>);
      trackedFor = lesson.id;
      kindsKey = key;
    }
    tracker.push(s.frame);
    const ended = s.status === 'paused' && s.frame.simMs >= lesson.runSec * 1000;
    const results = tracker.results(ended);
    const statusKey = results.map((r) => r.status).join();
    const t = now();
    if (statusKey !== shownKey || t - shownAt >= SHOW_EVERY_MS) {
      shownKey = statusKey;
      shownAt = t;
      lessons.setResults(results);
      lessons.record(lesson.id, results);
    }
  });
  const unsubLessons = lessonsStore.subscribe((s, prev) => {
    if (s.activeId !== prev.activeId) {
      tracker = null;
      shownKey = '';
    }
  });
  return () => {
    unsubSim();
    unsubLessons();
  };
}
