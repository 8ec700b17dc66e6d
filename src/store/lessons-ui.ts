/**
 * Whether the Lessons panel is open, and whether a lesson is under way: all the first load needs to
 * know about lessons. The lessons themselves (their zod schema and catalog) load with the panel.
 * Shares the localStorage entry of store/lessons.ts, which mirrors `open` from here.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export const LESSONS_KEY = 'shardscape.lessons';

function saved(): { open: boolean; active: boolean } {
  if (typeof localStorage === 'undefined') return { open: false, active: false };
  try {
    const raw = JSON.parse(localStorage.getItem(LESSONS_KEY) ?? '{}') as {
      open?: unknown;
      activeId?: unknown;
    };
    return { open: raw.open === true, active: typeof raw.activeId === 'string' };
  } catch {
    return { open: false, active: false };
  }
}

export interface LessonsUiState {
  open: boolean;
  /** A lesson was active when the page loaded: its checks grade the next run even with the panel closed. */
  activeAtStart: boolean;
  setOpen(open: boolean): void;
}

const start = saved();

export const lessonsUi = createStore<LessonsUiState>()((set) => ({
  open: start.open,
  activeAtStart: start.active,
  setOpen: (open) => {
    set({ open });
    if (typeof localStorage === 'undefined') return;
    try {
      const raw = JSON.parse(localStorage.getItem(LESSONS_KEY) ?? '{}') as Record<string, unknown>;
      localStorage.setItem(LESSONS_KEY, JSON.stringify({ ...raw, open }));
    } catch {
      // Storage full or blocked: the panel state stays for this session only.
    }
  },
}));

export function useLessonsUi<T>(selector: (s: LessonsUiState) => T): T {
  return useStore(lessonsUi, selector);
}
