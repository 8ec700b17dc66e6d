/**
 * Two runs side by side (pure): the figures in rows with B − A, and the verdict in words, English
 * and Japanese ("B throttles 0 instead of 75,000 put attempts and costs $152 more per month").
 * Used by the History tab, its Markdown / CSV report, and the sweep panel (a sweep point compared
 * with a run).
 */
import type { PipelineDoc } from '../model/types.ts';
import type { HistoryEntry } from './history-entry.ts';

/** What a comparison needs of a run (a history entry, or a sweep point made into one). */
export type Comparable = Pick<HistoryEntry, 'label' | 'design' | 'seed' | 'durationSec' | 'figures'> &
  Partial<Pick<HistoryEntry, 'run'>>;

export type FigureUnit = 'records' | 'attempts' | 'perSec' | 'ms' | 'usd' | 'sec' | 'shards' | 'seed';

export interface CompareRow {
  /** Stable key: `offered`, `throttled`, `shards:<nodeId>`… */
  key: string;
  figure: { en: string; ja: string };
  unit: FigureUnit;
  a: number;
  b: number;
  /** b − a (for the seed, 0 when equal and b − a otherwise: informative only). */
  diff: number;
}

export interface Comparison {
  rows: CompareRow[];
  verdict: { en: string; ja: string };
}

const n0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const usd0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

/** Whole counts with thousands separators (both languages group by thousands with commas). */
export const fmtCount = (v: number) => n0.format(v);

/** Dollars: cents under $100, whole dollars above (a verdict says "$152", not "$151.84"). */
export function fmtDollars(v: number): string {
  return Math.abs(v) >= 100 ? usd0.format(v) : usd2.format(v);
}

/** A rate per simulated second: whole above 10, one decimal below ("1,670", "2.5"). */
export function fmtRate(v: number): string {
  return Math.abs(v) >= 10 || v === 0 ? n0.format(v) : v.toFixed(1);
}

/** Simulated ms as words a planner reads: 850 ms, 2.1 s, 22 min, 1.5 h. */
export function fmtAge(ms: number, lang: 'en' | 'ja' = 'en'): string {
  const ja = lang === 'ja';
  if (ms < 1_000) return `${n0.format(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} ${ja ? '秒' : 's'}`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} ${ja ? '分' : 'min'}`;
  return `${(ms / 3_600_000).toFixed(1)} ${ja ? '時間' : 'h'}`;
}

/** A figure with its unit, e.g. "75,000", "$152.40", "2.1 s", "60 s". */
export function fmtValue(unit: FigureUnit, v: number, lang: 'en' | 'ja' = 'en'): string {
  switch (unit) {
    case 'usd':
      return fmtDollars(v);
    case 'ms':
      return fmtAge(v, lang);
    case 'sec':
      // Runs stopped at max speed end between whole seconds: one decimal then ("15.9 s").
      return `${Number.isInteger(v) ? n0.format(v) : v.toFixed(1)} ${lang === 'ja' ? '秒' : 's'}`;
    case 'seed':
      return String(v);
    case 'perSec':
      return `${fmtRate(v)}/${lang === 'ja' ? '秒' : 's'}`;
    default:
      return fmtCount(v);
  }
}

/** A difference with its sign: "+75,000", "−$152.40", "±0". */
export function fmtDiff(unit: FigureUnit, d: number, lang: 'en' | 'ja' = 'en'): string {
  if (unit === 'seed') return d === 0 ? '=' : '≠';
  if (d === 0 || (unit === 'usd' && Math.abs(d) < 0.005)) return '±0';
  const sign = d > 0 ? '+' : '−';
  return `${sign}${fmtValue(unit, Math.abs(d), lang)}`;
}

function streamShards(doc: PipelineDoc): Map<string, { name: string; shards: number }> {
  const out = new Map<string, { name: string; shards: number }>();
  for (const node of doc.nodes)
    if (node.kind === 'stream')
      out.set(node.id, {
        name: node.name,
        shards: node.config.capacityMode === 'provisioned' ? node.config.shardCount : 0,
      });
  return out;
}

/**
 * Runs within 1 % of each other's length compare in totals; longer apart, per simulated second
 * (a run stopped at 16.3 s next to one stopped at 15.9 s is still "the same length").
 */
export function sameLength(a: Comparable, b: Comparable): boolean {
  return Math.abs(a.durationSec - b.durationSec) <= 0.01 * Math.max(a.durationSec, b.durationSec);
}

/** A run's count as a rate per simulated second (one decimal). */
const perSec = (count: number, sec: number) => (sec > 0 ? Math.round((count / sec) * 10) / 10 : 0);

/** The figure rows: shards per stream, duration, seed, then the planner's figures. */
export function compareRows(a: Comparable, b: Comparable): CompareRow[] {
  const rows: CompareRow[] = [];
  const row = (key: string, en: string, ja: string, unit: FigureUnit, va: number, vb: number) =>
    rows.push({ key, figure: { en, ja }, unit, a: va, b: vb, diff: Math.round((vb - va) * 100) / 100 });
  const sa = streamShards(a.design);
  const sb = streamShards(b.design);
  for (const id of new Set([...sa.keys(), ...sb.keys()])) {
    const name = sa.get(id)?.name ?? sb.get(id)?.name ?? id;
    row(
      `shards:${id}`,
      `Shards · ${name}`,
      `シャード数 · ${name}`,
      'shards',
      sa.get(id)?.shards ?? 0,
      sb.get(id)?.shards ?? 0,
    );
  }
  row('duration', 'Simulated duration', 'シミュレーション時間', 'sec', a.durationSec, b.durationSec);
  row('seed', 'Seed', 'シード', 'seed', a.seed, b.seed);
  const fa = a.figures;
  const fb = b.figures;
  row('offered', 'Records offered', '送信されたレコード', 'records', fa.offeredRecords, fb.offeredRecords);
  row(
    'accepted',
    'Records accepted',
    '受け付けられたレコード',
    'records',
    fa.acceptedRecords,
    fb.acceptedRecords,
  );
  row(
    'throttled',
    'Throttled put attempts',
    'スロットリングされた書き込み試行',
    'attempts',
    fa.throttledRecords,
    fb.throttledRecords,
  );
  row(
    'dropped',
    'Records dropped',
    'ドロップされたレコード',
    'records',
    fa.droppedRecords,
    fb.droppedRecords,
  );
  if (!sameLength(a, b)) {
    // Runs of different length: totals are not comparable, rates per simulated second are.
    const ra = (v: number) => perSec(v, a.durationSec);
    const rb = (v: number) => perSec(v, b.durationSec);
    row(
      'throttledPerSec',
      'Throttled put attempts per second',
      '1 秒あたりのスロットリングされた書き込み試行',
      'perSec',
      ra(fa.throttledRecords),
      rb(fb.throttledRecords),
    );
    row(
      'droppedPerSec',
      'Records dropped per second',
      '1 秒あたりのドロップされたレコード',
      'perSec',
      ra(fa.droppedRecords),
      rb(fb.droppedRecords),
    );
  }
  row(
    'iteratorAge',
    'Max iterator age',
    '最大イテレーター経過時間',
    'ms',
    fa.maxIteratorAgeMs,
    fb.maxIteratorAgeMs,
  );
  row('cost', 'Cost per month', '月額コスト', 'usd', fa.costPerMonthUsd, fb.costPerMonthUsd);
  return rows;
}

/** "x, y and z" / "x、y、z". */
function listEn(parts: string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Iterator ages differ enough to mention: by a second and by a quarter. */
function agesDiffer(a: number, b: number): boolean {
  return Math.abs(a - b) >= 1_000 && Math.abs(a - b) >= 0.25 * Math.max(a, b);
}

/** The verdict: what B does differently from A, in both languages. */
export function verdict(a: Comparable, b: Comparable): { en: string; ja: string } {
  const fa = a.figures;
  const fb = b.figures;
  // Runs of different length compare per simulated second; of the same length, in totals.
  const same = sameLength(a, b);
  const va = (n: number) => (same ? n : perSec(n, a.durationSec));
  const vb = (n: number) => (same ? n : perSec(n, b.durationSec));
  const show = (n: number) => (same ? fmtCount(n) : fmtRate(n));
  const enPer = same ? '' : ' per second';
  const jaUnit = (u: string) => (same ? ` ${u}` : ` ${u}/秒`);
  const en: string[] = [];
  const ja: string[] = [];
  const [ta, tb] = [va(fa.throttledRecords), vb(fb.throttledRecords)];
  if (ta !== tb) {
    en.push(`throttles ${show(tb)} instead of ${show(ta)} put attempts${enPer}`);
    ja.push(
      `スロットリングされた書き込み試行が ${show(ta)}${jaUnit('回')}ではなく ${show(tb)}${jaUnit('回')}`,
    );
  }
  const [da, db] = [va(fa.droppedRecords), vb(fb.droppedRecords)];
  if (da !== db) {
    en.push(`drops ${show(db)} instead of ${show(da)} records${enPer}`);
    ja.push(`ドロップが ${show(da)}${jaUnit('件')}ではなく ${show(db)}${jaUnit('件')}`);
  }
  if (agesDiffer(fa.maxIteratorAgeMs, fb.maxIteratorAgeMs)) {
    en.push(
      `falls behind by at most ${fmtAge(fb.maxIteratorAgeMs)} instead of ${fmtAge(fa.maxIteratorAgeMs)}`,
    );
    ja.push(
      `最大イテレーター経過時間が ${fmtAge(fa.maxIteratorAgeMs, 'ja')} ではなく ${fmtAge(fb.maxIteratorAgeMs, 'ja')}`,
    );
  }
  const dc = fb.costPerMonthUsd - fa.costPerMonthUsd;
  // Under half a dollar a month is "the same" (the meter extrapolates the last minute).
  const costEn =
    Math.abs(dc) < 0.5
      ? 'costs the same per month'
      : `costs ${fmtDollars(Math.abs(dc))} ${dc > 0 ? 'more' : 'less'} per month`;
  const costJa =
    Math.abs(dc) < 0.5
      ? '月額コストは同じです'
      : `月額コストは ${fmtDollars(Math.abs(dc))} ${dc > 0 ? '高くなります' : '安くなります'}`;
  let textEn: string;
  let textJa: string;
  if (en.length === 0 && Math.abs(dc) < 0.5) {
    textEn = 'A and B give the same throttling, drops, iterator age and cost.';
    textJa = 'A と B のスロットリング、ドロップ、イテレーター経過時間、コストは同じです。';
  } else {
    textEn = `B ${listEn([...en, costEn])}.`;
    textJa = en.length > 0 ? `B では${ja.join('、')}です。${costJa}。` : `B の${costJa}。`;
  }
  if (!same) {
    textEn += ` (A ran ${fmtValue('sec', a.durationSec)} and B ${fmtValue('sec', b.durationSec)}, so counts are compared per simulated second.)`;
    textJa += `（A は ${fmtValue('sec', a.durationSec, 'ja')}、B は ${fmtValue('sec', b.durationSec, 'ja')}の実行なので、件数は 1 秒あたりで比較しています。）`;
  }
  return { en: textEn, ja: textJa };
}

/** Rows and verdict together. */
export function compareRuns(a: Comparable, b: Comparable): Comparison {
  return { rows: compareRows(a, b), verdict: verdict(a, b) };
}
