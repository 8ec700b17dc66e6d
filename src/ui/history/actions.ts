/** What the History tab does outside itself: downloads the report, opens a run's design. */
import { designsStore } from '../../store/designs.ts';
import type { HistoryEntry, HistorySeries } from '../../store/history-entry.ts';
import { comparisonCsv, comparisonMarkdown } from '../../store/history-report.ts';
import { studioStore } from '../../store/studio.ts';
import { download, exportPng, safeName } from '../run/exportChart.ts';

export interface Overlay {
  title: string;
  metric: string;
  a?: HistorySeries;
  b?: HistorySeries;
}

const baseName = (a: HistoryEntry, b: HistoryEntry) => safeName(`${a.design.name}-${a.label}-vs-${b.label}`);

export function downloadMarkdown(a: HistoryEntry, b: HistoryEntry, lang: 'en' | 'ja'): void {
  const text = comparisonMarkdown(a, b, lang);
  download(new Blob([text], { type: 'text/markdown' }), `${baseName(a, b)}.md`);
}

export function downloadCsv(a: HistoryEntry, b: HistoryEntry, overlay?: Overlay): void {
  download(new Blob([comparisonCsv(a, b, overlay)], { type: 'text/csv' }), `${baseName(a, b)}.csv`);
}

export function downloadPng(container: HTMLElement, a: HistoryEntry, b: HistoryEntry): Promise<void> {
  return exportPng(container, baseName(a, b), 'chart');
}

/** A copy of the run's design as a new design, opened beside this one (this one is unchanged). */
export function openAsNewDesign(entry: HistoryEntry): Promise<string> {
  const doc = JSON.parse(JSON.stringify(entry.design)) as HistoryEntry['design'];
  return designsStore.getState().add({ ...doc, name: `${doc.name} · ${entry.label}` });
}

/** The run's design replaces the open one's content, as one undoable step (the name stays). */
export function loadIntoThisDesign(entry: HistoryEntry): void {
  const studio = studioStore.getState();
  const doc = JSON.parse(JSON.stringify(entry.design)) as HistoryEntry['design'];
  studio.dispatch([{ type: 'doc/replace', doc: { ...doc, name: studio.doc.name } }]);
}
