/**
 * The studio's sweep model: which fields of a node can be swept (every numeric field its kind's
 * definition declares, nothing hand-kept), the values of an axis, the 1-D or 2-D grid of points,
 * and the recommended point. Pure; the studio runs the points in browser workers
 * (src/worker/sweep-pool.ts, each point through `runGridPoint` in sweep-run.ts), the CLI in worker
 * threads through `runPoint`, so a 1-D sweep gives the CLI's figures for the same design, seed and
 * duration.
 */
import { getAt } from '../../model/config.ts';
import { KINDS, type KindDef, type Locale, type Text, unitText } from '../../model/kinds/index.ts';
import type { PipelineDoc } from '../../model/types.ts';
import { type Recommendation, recommend, type SweepPoint, type SweepRun } from './sweep.ts';

/** One numeric field of one node that a sweep may vary. */
export interface SweepField {
  /** Dotted config path, as in the CLI's `--vary NODE.FIELD`. */
  path: string;
  label: Text;
  unit?: string;
  integer: boolean;
  min?: number;
  max?: number;
  /** The design's value now. */
  current: number;
}

export interface SweepAxis {
  nodeId: string;
  field: string;
  values: number[];
}

export interface SweepSpec {
  /** One axis (a line) or two (a grid: every value of the first with every value of the second). */
  axes: SweepAxis[];
  /** Simulated seconds per point. */
  durationSec: number;
  /** Target utilisation for the sizing answer (0–1). */
  headroom: number;
}

/** One run of the sweep: the values of each axis, in axis order, and the changes they make. */
export interface GridPoint {
  values: number[];
  changes: SweepPoint[];
}

/** A field's label with its unit when the label does not already say it ("Shards", "Records per second (rec/s)"). */
export function fieldText(f: SweepField | undefined, path: string, l: Locale): string {
  if (!f) return path;
  const unit = unitText(f.unit, l);
  return unit && !f.label[l].toLowerCase().includes(unit.toLowerCase())
    ? `${f.label[l]} (${unit})`
    : f.label[l];
}

/** An axis in words: "telemetry · Shards" (the node's name, the field's label). */
export function axisText(doc: PipelineDoc, axis: { nodeId: string; field: string }, l: Locale): string {
  const name = doc.nodes.find((n) => n.id === axis.nodeId)?.name ?? axis.nodeId;
  const f = numericFields(doc, axis.nodeId).find((x) => x.path === axis.field);
  return `${name} · ${fieldText(f, axis.field, l)}`;
}

/** Most points a sweep may have (a browser tab runs them all). */
export const MAX_POINTS = 400;

/**
 * The numeric fields of a node that apply to its config now (a field hidden for another variant,
 * e.g. `shardCount` of an on-demand stream, is left out), from the kind's definition.
 */
export function numericFields(doc: PipelineDoc, nodeId: string): SweepField[] {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const def = KINDS[node.kind] as KindDef;
  const out: SweepField[] = [];
  for (const f of def.fields) {
    if (f.type !== 'number' && f.type !== 'integer') continue;
    if (f.visible && !f.visible(node.config, { doc, nodeId })) continue;
    const current = getAt(node.config, f.path);
    if (typeof current !== 'number') continue;
    out.push({
      path: f.path,
      label: f.label,
      unit: f.unit,
      integer: f.type === 'integer',
      min: f.min,
      max: f.max,
      current,
    });
  }
  return out;
}

/**
 * The values from..to by step (the CLI's `A..B[:STEP]`), rounded to 6 decimals; a message (en/ja)
 * when the range is empty, the step not positive, or there would be more than MAX_POINTS values.
 */
export function axisValues(from: number, to: number, step: number, integer = false): number[] | Text {
  if (![from, to, step].every(Number.isFinite))
    return { en: 'Enter numbers for from, to and step.', ja: '開始・終了・刻みに数値を入力してください。' };
  if (!(step > 0)) return { en: 'The step must be above 0.', ja: '刻みは 0 より大きくしてください。' };
  if (to < from) return { en: '“To” must not be below “from”.', ja: '終了は開始以上にしてください。' };
  if (integer && ![from, to, step].every(Number.isInteger))
    return { en: 'This field takes whole numbers.', ja: 'この項目は整数です。' };
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) {
    if (out.length >= MAX_POINTS)
      return {
        en: `More than ${MAX_POINTS} values: use a larger step.`,
        ja: `値が ${MAX_POINTS} 個を超えます。刻みを大きくしてください。`,
      };
    out.push(Math.round(v * 1e6) / 1e6);
  }
  return out;
}

/** A first range to offer: shards 1..16; any other field ½×..2× its value in about 8 steps. */
export function defaultRange(field: SweepField): { from: number; to: number; step: number } {
  if (field.path === 'shardCount') return { from: 1, to: Math.max(16, field.current), step: 1 };
  const c = field.current === 0 ? 1 : field.current;
  let from = c / 2;
  let to = c * 2;
  let step = (to - from) / 6;
  if (field.integer) {
    step = Math.max(1, Math.round(step));
    from = Math.max(field.min ?? 0, Math.round(from));
    to = from + step * 6;
  } else {
    const mag = 10 ** Math.floor(Math.log10(step));
    step = Math.round(step / mag) * mag;
    from = Math.round(from / mag) * mag;
    to = from + step * 6;
  }
  if (field.min !== undefined) from = Math.max(field.min, from);
  if (field.max !== undefined) to = Math.min(field.max, to);
  return { from, to, step };
}

/** Every point of the sweep: axis 1 varies slowest (row-major), so a 1-D sweep is in value order. */
export function gridPoints(axes: SweepAxis[]): GridPoint[] {
  let points: GridPoint[] = [{ values: [], changes: [] }];
  for (const axis of axes)
    points = points.flatMap((p) =>
      axis.values.map((value) => ({
        values: [...p.values, value],
        changes: [...p.changes, { nodeId: axis.nodeId, field: axis.field, value }],
      })),
    );
  return axes.length === 0 ? [] : points;
}

export interface SweepRecommendation {
  /** Index into the grid's points. */
  index: number;
  values: number[];
  reason: Text;
  /** Partition keys that alone exceed a shard (no shard count fixes them). */
  hotKeys: string[];
}

/** The first axis varies a stream's shard count. */
export function isShardAxis(doc: PipelineDoc, axis: SweepAxis): boolean {
  return axis.field === 'shardCount' && doc.nodes.find((n) => n.id === axis.nodeId)?.kind === 'stream';
}

/**
 * The recommended point once every point has run. One axis: exactly the CLI's rule (`recommend` in
 * sweep.ts): for shards, the sizing answer at the headroom moved to the smallest swept count at the
 * lowest throttling, hot keys named; for other fields, the smallest value with the fewest throttled
 * and dropped records. Two axes: among the points within 2 % of the fewest throttled + dropped
 * records, the cheapest per month (ties: the earlier point).
 */
export function recommendSweep(
  doc: PipelineDoc,
  spec: SweepSpec,
  points: GridPoint[],
  runs: SweepRun[],
): SweepRecommendation | null {
  if (runs.length === 0 || runs.length !== points.length) return null;
  if (spec.axes.length === 1) {
    const stream = isShardAxis(doc, spec.axes[0]) ? spec.axes[0].nodeId : null;
    const rec: Recommendation = recommend(doc, stream, runs, spec.headroom);
    // With a step above 1 the answer may fall between swept values: mark the next one up.
    let index = runs.findIndex((r) => r.value >= rec.shards);
    if (index < 0) index = runs.length - 1;
    return {
      index,
      values: [runs[index].value],
      reason: { en: rec.reason, ja: rec.reasonJa },
      hotKeys: rec.hotKeys,
    };
  }
  const loss = (r: SweepRun) => r.throttledRecords + r.droppedRecords;
  const best = Math.min(...runs.map(loss));
  let index = -1;
  runs.forEach((r, i) => {
    if (loss(r) > best * 1.02 + 1) return;
    if (index < 0 || r.costPerMonthUsd < runs[index].costPerMonthUsd) index = i;
  });
  const [a, b] = spec.axes;
  const v = points[index].values;
  const usd = runs[index].costPerMonthUsd.toFixed(2);
  const clean = best === 0;
  const [aEn, bEn, aJa, bJa] = [
    axisText(doc, a, 'en'),
    axisText(doc, b, 'en'),
    axisText(doc, a, 'ja'),
    axisText(doc, b, 'ja'),
  ];
  return {
    index,
    values: v,
    reason: {
      en: `${aEn} = ${v[0]} with ${bEn} = ${v[1]} is the cheapest point ($${usd}/month) ${
        clean ? 'with no throttled or dropped records' : 'at the lowest throttling and drops in this sweep'
      }.`,
      ja: `${aJa} = ${v[0]}、${bJa} = ${v[1]} は、${
        clean ? 'スロットリングもドロップもない' : 'このスイープでスロットリングとドロップが最も少ない'
      }点のうち最も安い点です ($${usd}/月)。`,
    },
    hotKeys: [],
  };
}
