/**
 * A finished run as the design's history keeps it (pure: no store, no IndexedDB). An entry holds
 * the design as it was loaded, the seed, the simulated duration, the figures a planner compares
 * (the same names as a sweep row, src/engine/plan/sweep.ts SweepRun, so a sweep point can become
 * an entry too) and down-sampled chart series, capped so 20 runs of a big design stay small.
 *
 * Times: `durationSec` and series `t` are SIMULATED seconds; `createdAt` is wall-clock ms, for
 * display only (never used in figures).
 */
import type { LiveFrame } from '../engine/api.ts';
import type { PipelineDoc } from '../model/types.ts';
import type { MetricsByKind, MetricUnit } from './simMetrics.ts';
import type { SeriesBook } from './simSeries.ts';

/** The figures compared side by side (a superset-compatible copy of the sweep row's names). */
export interface RunFigures {
  /** Records the producers generated (offered once each). */
  offeredRecords: number;
  acceptedRecords: number;
  /** Throttled put attempts, retries included (CloudWatch's WriteProvisionedThroughputExceeded). */
  throttledRecords: number;
  /** Records finally dropped after the last retry. */
  droppedRecords: number;
  /** The worst iterator age of any stream or Lambda over the run, sim ms. */
  maxIteratorAgeMs: number;
  costPerMonthUsd: number;
}

/** One node's cumulative counters at the end of the run (attempted, accepted, throttled…). */
export interface NodeFigures {
  id: string;
  kind: string;
  name: string;
  counters: Record<string, number>;
}

/** One node's chart series, down-sampled: `t` in simulated seconds, one column per metric. */
export interface HistorySeries {
  nodeId: string;
  t: number[];
  columns: Record<string, (number | null)[]>;
  units: Record<string, MetricUnit>;
}

export interface HistoryEntry {
  id: string;
  designId: string;
  /** 1, 2, 3… within the design's history (the "Run 3" of the default label). */
  run: number;
  label: string;
  /** Wall-clock ms, for display only. */
  createdAt: number;
  /** The design as the run loaded it (a copy: later edits do not change it). */
  design: PipelineDoc;
  seed: number;
  priceBook: '2017' | 'current';
  /** Simulated seconds the run covered. */
  durationSec: number;
  figures: RunFigures;
  nodes: NodeFigures[];
  series: HistorySeries[];
  /** 'run' = a run in the studio; 'sweep' = a point of a sweep (no series). */
  source: 'run' | 'sweep';
}

/** At most this many points per series (a 600 px chart shows no more). */
export const MAX_POINTS = 600;
/** Series of at most this many nodes are kept (doc order), so a 300-node design stays small. */
export const MAX_SERIES_NODES = 24;
/** Runs kept per design; adding one more drops the oldest. */
export const MAX_RUNS = 20;
/** A run shorter than this (simulated seconds) is not worth keeping (a Step or two). */
export const MIN_RUN_SEC = 5;

/** Total provisioned shards of the design's streams (on-demand streams count 0 here). */
export function totalShards(doc: PipelineDoc): number {
  let n = 0;
  for (const node of doc.nodes)
    if (node.kind === 'stream' && node.config.capacityMode === 'provisioned') n += node.config.shardCount;
  return n;
}

/** "Run 3 · 4 shards · 60 s" (Japanese: "実行 3 · 4 シャード · 60 秒"); stored in English. */
export function defaultLabel(
  run: number,
  doc: PipelineDoc,
  durationSec: number,
  lang: 'en' | 'ja' = 'en',
): string {
  const shards = totalShards(doc);
  const sec = Math.round(durationSec);
  if (lang === 'ja')
    return [`実行 ${run}`, ...(shards > 0 ? [`${shards} シャード`] : []), `${sec} 秒`].join(' · ');
  const parts = [`Run ${run}`];
  if (shards > 0) parts.push(`${shards} shard${shards === 1 ? '' : 's'}`);
  parts.push(`${sec} s`);
  return parts.join(' · ');
}

/** The label as shown: a default label in the reader's language, a label the user wrote as written. */
export function displayLabel(
  e: { label: string; run?: number; design: PipelineDoc; durationSec: number },
  lang: 'en' | 'ja',
): string {
  if (lang === 'en' || e.run === undefined || e.label !== defaultLabel(e.run, e.design, e.durationSec))
    return e.label;
  return defaultLabel(e.run, e.design, e.durationSec, 'ja');
}

/** Four significant digits: plenty for a chart, and a quarter of the stored text. */
function round4(v: number): number {
  return v === 0 || !Number.isFinite(v) ? v : Number(v.toPrecision(4));
}

/** Merges every `k` neighbouring points into one (max of each column), as the live series do. */
export function downsample(
  t: number[],
  columns: Record<string, (number | null)[]>,
  maxPoints = MAX_POINTS,
): { t: number[]; columns: Record<string, (number | null)[]> } {
  const n = t.length;
  const k = n > maxPoints ? Math.ceil(n / maxPoints) : 1;
  const outT: number[] = [];
  const out: Record<string, (number | null)[]> = {};
  for (const name of Object.keys(columns)) out[name] = [];
  for (let i = 0; i < n; i += k) {
    outT.push(t[i]);
    const end = Math.min(n, i + k);
    for (const [name, col] of Object.entries(columns)) {
      let v: number | null = null;
      for (let j = i; j < end; j++) {
        const x = col[j];
        if (x !== null && x !== undefined && (v === null || x > v)) v = x;
      }
      out[name].push(v === null ? null : round4(v));
    }
  }
  return { t: outT, columns: out };
}

const isAge = (metric: string) =>
  metric.endsWith('IteratorAge') || metric.endsWith('IteratorAgeMilliseconds');

/** Producers' counters summed, the frame's $/month; `maxIteratorAgeMs` from full-resolution series. */
export function figuresOf(
  frame: LiveFrame,
  kinds: Record<string, string>,
  maxIteratorAgeMs: number,
): RunFigures {
  const f: RunFigures = {
    offeredRecords: 0,
    acceptedRecords: 0,
    throttledRecords: 0,
    droppedRecords: 0,
    maxIteratorAgeMs: Math.round(maxIteratorAgeMs),
    costPerMonthUsd: Math.round(frame.cost.perMonthUsd * 100) / 100,
  };
  for (const [id, n] of Object.entries(frame.nodes)) {
    if (kinds[id] !== 'producer') continue;
    f.offeredRecords += n.counters.attempted ?? 0;
    f.acceptedRecords += n.counters.accepted ?? 0;
    f.throttledRecords += n.counters.throttled ?? 0;
    f.droppedRecords += n.counters.dropped ?? 0;
  }
  return f;
}

/** The worst iterator age in any node's series (the live series keep the max of merged points). */
function maxAge(doc: PipelineDoc, book: SeriesBook): number {
  let age = 0;
  for (const node of doc.nodes)
    for (const [metric, col] of book.get(node.id)?.columns ?? [])
      if (isAge(metric)) for (const v of col) if (v !== null && v > age) age = v;
  return age;
}

/** What the run controller hands over when a run ends (src/store/simRun.ts `onRunEnd`). */
export interface EndedRun {
  /** Controller's run number (several calls for one run, e.g. Pause then Reset, update one entry). */
  runKey: number;
  doc: PipelineDoc;
  seed: number;
  priceBook: '2017' | 'current';
  simMs: number;
  frame: LiveFrame;
  kinds: Record<string, string>;
  series: SeriesBook;
}

/** The entry for a run of the studio, without id, run number and label (the store assigns them). */
export function entryFromRun(
  ended: EndedRun,
  metrics: MetricsByKind,
): Omit<HistoryEntry, 'id' | 'designId' | 'run' | 'label' | 'createdAt'> {
  const series: HistorySeries[] = [];
  for (const node of ended.doc.nodes) {
    if (series.length >= MAX_SERIES_NODES) break;
    const book = ended.series.get(node.id);
    const defs = metrics[node.kind];
    if (!book || !defs || book.length === 0) continue;
    const columns: Record<string, (number | null)[]> = {};
    const units: Record<string, MetricUnit> = {};
    for (const d of defs) {
      const col = book.columns.get(d.name);
      if (!col) continue;
      columns[d.name] = col;
      units[d.name] = d.unit;
    }
    const small = downsample(
      book.t.map((ms) => ms / 1000),
      columns,
    );
    series.push({ nodeId: node.id, t: small.t, columns: small.columns, units });
  }
  const nodes: NodeFigures[] = ended.doc.nodes.flatMap((n) => {
    const live = ended.frame.nodes[n.id];
    return live ? [{ id: n.id, kind: n.kind, name: n.name, counters: { ...live.counters } }] : [];
  });
  return {
    design: JSON.parse(JSON.stringify(ended.doc)) as PipelineDoc,
    seed: ended.seed,
    priceBook: ended.priceBook,
    durationSec: Math.round(ended.simMs / 100) / 10,
    figures: figuresOf(ended.frame, ended.kinds, maxAge(ended.doc, ended.series)),
    nodes,
    series,
    source: 'run',
  };
}

/**
 * An entry from figures alone (a sweep point: no series, no per-node counters), for
 * `historyStore.getState().addRun(…)`. `figures` has the names of a sweep row (SweepRun).
 */
export function entryFromFigures(p: {
  design: PipelineDoc;
  seed: number;
  priceBook?: '2017' | 'current';
  durationSec: number;
  figures: RunFigures;
  label?: string;
}): Omit<HistoryEntry, 'id' | 'designId' | 'run' | 'label' | 'createdAt'> & { label?: string } {
  const {
    offeredRecords,
    acceptedRecords,
    throttledRecords,
    droppedRecords,
    maxIteratorAgeMs,
    costPerMonthUsd,
  } = p.figures;
  return {
    design: JSON.parse(JSON.stringify(p.design)) as PipelineDoc,
    seed: p.seed,
    priceBook: p.priceBook ?? p.design.settings.priceBook,
    durationSec: p.durationSec,
    // Only the compared figures: a sweep row carries more (its varied value) that is not a figure.
    figures: {
      offeredRecords,
      acceptedRecords,
      throttledRecords,
      droppedRecords,
      maxIteratorAgeMs,
      costPerMonthUsd,
    },
    nodes: [],
    series: [],
    source: 'sweep',
    ...(p.label ? { label: p.label } : {}),
  };
}
