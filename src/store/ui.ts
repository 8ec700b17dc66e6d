/**
 * Transient UI state shared across the shell: which dialog is open, the alert shown after a failed
 * import, and the one-line notice under the canvas. Never saved, never undone.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { type LayoutPrefs, loadLayout, saveLayout } from './prefs.ts';

export type DialogId = 'shortcuts' | 'templates' | 'export' | null;

export interface AlertInfo {
  title: string;
  message: string;
  /** Where in the file, e.g. "line 3, column 14" or "nodes[2].config.shardCount". */
  where?: string;
  /** Lines to list (e.g. the resources a CloudFormation import could not map). */
  list?: string[];
  /** The import went ahead (the list says what it left out), so "your design is unchanged" is not said. */
  imported?: boolean;
  /** The parser's own words (English), shown as code under a message in the studio's language. */
  detail?: string;
}

/** A design from elsewhere that carries code, shown to the user before it is opened (issue 10). */
export interface CodeReview {
  source: string;
  functions: { name: string; code: string }[];
  open(): void;
  cancel(): void;
}

export interface UiState {
  dialog: DialogId;
  codeReview: CodeReview | null;
  showCodeReview(review: CodeReview | null): void;
  alert: AlertInfo | null;
  /** Polite status line (connection refused, design imported, …) and a counter to restart its timer. */
  notice: { text: string; tone: 'info' | 'error'; seq: number } | null;
  /** Panel sizes and which panels are open (persisted in localStorage). */
  layout: LayoutPrefs;
  setLayout(patch: Partial<LayoutPrefs>): void;
  openDialog(id: DialogId): void;
  showAlert(alert: AlertInfo | null): void;
  notify(text: string, tone?: 'info' | 'error'): void;
  clearNotice(): void;
}

export const uiStore = createStore<UiState>()((set, get) => ({
  dialog: null,
  codeReview: null,
  showCodeReview: (codeReview) => set({ codeReview }),
  alert: null,
  notice: null,
  layout: loadLayout(),
  setLayout: (patch) => {
    const layout = { ...get().layout, ...patch };
    saveLayout(layout);
    set({ layout });
  },
  openDialog: (dialog) => set({ dialog }),
  showAlert: (alert) => set({ alert }),
  notify: (text, tone = 'info') => set({ notice: { text, tone, seq: (get().notice?.seq ?? 0) + 1 } }),
  clearNotice: () => set({ notice: null }),
}));

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(uiStore, selector);
}
