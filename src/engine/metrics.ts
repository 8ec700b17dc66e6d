/**
 * CloudWatch-style metrics, per node and (for streams) per shard, as bounded per-second series.
 *
 * A runtime registers a metric once (`register`) and gets an integer handle; the hot path then
 * calls `add(h, v)` / `max(h, v)` / `observe(h, v)` on typed arrays. At each simulated second
 * `rollSecond()` closes the second: the value joins the metric's series, its `sum` and `max`.
 *
 * Memory is bounded: every series holds at most MAX_POINTS points. When a run outgrows that, all
 * series are downsampled together by 2 (adjacent points merged: mean for sums and averages, max for
 * maxima) and `resolutionSec` doubles; an hour-long run keeps 900 points at 4 s per point.
 * Per-shard metrics of very large streams can be registered without a series (sum/max only).
 */
import type { MetricSummary } from './api.ts';
import { SecondLog } from './second-log.ts';

export type MetricAgg = 'sum' | 'max' | 'avg';

export const MAX_POINTS = 900;

interface MetricMeta {
  nodeId: string;
  name: string;
  /** Shard id for per-shard metrics. */
  shardId?: string;
  agg: MetricAgg;
  series: Float64Array | null;
}

export class MetricStore {
  private readonly meta: MetricMeta[] = [];
  private readonly index = new Map<string, number>();
  private cur = new Float64Array(256);
  private count = new Float64Array(256);
  private total = new Float64Array(256);
  private peak = new Float64Array(256);
  private last = new Float64Array(256);
  private bucket = new Float64Array(256);
  /** Seconds closed so far. */
  seconds = 0;
  /** Points written to every series so far. */
  points = 0;
  resolutionSec = 1;
  private secondsInBucket = 0;
  /** Full-resolution per-second values (the Metrics CSV), once `keepSeconds()` is called. */
  private log: SecondLog | null = null;

  /** Handle of (node, name[, shard]); registering twice returns the same handle. */
  register(
    nodeId: string,
    name: string,
    agg: MetricAgg = 'sum',
    shardId?: string,
    withSeries = true,
  ): number {
    const k = `${nodeId}\u0000${name}\u0000${shardId ?? ''}`;
    const found = this.index.get(k);
    if (found !== undefined) return found;
    const h = this.meta.length;
    if (h >= this.cur.length) this.grow();
    const series = withSeries ? new Float64Array(MAX_POINTS) : null;
    // A metric registered mid-run (a child shard) reads 0 for the seconds before it existed.
    this.meta.push({ nodeId, name, shardId, agg, series });
    this.index.set(k, h);
    return h;
  }

  handle(nodeId: string, name: string, shardId?: string): number | undefined {
    return this.index.get(`${nodeId}\u0000${name}\u0000${shardId ?? ''}`);
  }

  /** Add to a sum metric for the current second. */
  add(h: number, v: number): void {
    this.cur[h] += v;
  }

  /** Raise a max metric for the current second. */
  max(h: number, v: number): void {
    if (v > this.cur[h]) this.cur[h] = v;
  }

  /** One sample of an average metric (e.g. Duration). */
  observe(h: number, v: number): void {
    this.cur[h] += v;
    this.count[h] += 1;
  }

  /** Convenience for cold paths: `metrics.addNamed(nodeId, 'Errors', 1)`. */
  addNamed(nodeId: string, name: string, v: number, shardId?: string): void {
    this.add(this.register(nodeId, name, 'sum', shardId), v);
  }

  /** Close the current simulated second. */
  rollSecond(): void {
    const n = this.meta.length;
    const closeBucket = this.secondsInBucket + 1 === this.resolutionSec;
    for (let h = 0; h < n; h++) {
      const m = this.meta[h];
      let v = this.cur[h];
      if (m.agg === 'avg') v = this.count[h] > 0 ? v / this.count[h] : 0;
      this.last[h] = v;
      this.total[h] += v;
      if (v > this.peak[h]) this.peak[h] = v;
      if (m.agg === 'max') {
        if (v > this.bucket[h] || this.secondsInBucket === 0) this.bucket[h] = v;
      } else this.bucket[h] += v;
      if (closeBucket && m.series) {
        m.series[this.points] = m.agg === 'max' ? this.bucket[h] : this.bucket[h] / this.resolutionSec;
      }
      if (closeBucket) this.bucket[h] = 0;
      this.cur[h] = 0;
      this.count[h] = 0;
    }
    if (this.log) this.log.record(this.last, n, (h) => this.meta[h].series !== null);
    this.seconds++;
    if (closeBucket) {
      this.secondsInBucket = 0;
      this.points++;
      if (this.points === MAX_POINTS) this.downsample();
    } else this.secondsInBucket++;
  }

  /** Value of the last closed second. */
  lastValue(h: number | undefined): number {
    return h === undefined ? 0 : this.last[h];
  }

  /** Running total over closed seconds plus the open one (sum metrics). */
  totalValue(h: number | undefined): number {
    return h === undefined ? 0 : this.total[h] + (this.meta[h].agg === 'sum' ? this.cur[h] : 0);
  }

  summary(h: number): MetricSummary {
    const m = this.meta[h];
    const series: number[] = [];
    if (m.series) for (let i = 0; i < this.points; i++) series.push(round6(m.series[i]));
    return { sum: round6(this.total[h]), max: round6(this.peak[h]), series };
  }

  /** All metrics of a node (shard-level ones when `shardId` is given), keyed by name. */
  forNode(nodeId: string, shardId?: string): Record<string, MetricSummary> {
    const out: Record<string, MetricSummary> = {};
    for (let h = 0; h < this.meta.length; h++) {
      const m = this.meta[h];
      if (m.nodeId === nodeId && m.shardId === shardId) out[m.name] = this.summary(h);
    }
    return out;
  }

  /** Starts the per-second log (from the next second to close on). Idempotent. */
  keepSeconds(): void {
    if (this.log) return;
    this.log = new SecondLog();
    this.log.seconds = this.seconds;
    this.log.first = this.seconds;
  }

  /**
   * A node's metrics for every second the log holds, as CSV: `t_sec` is the simulated second's
   * END (the clock when it closed: 1, 2, 3…, as the live frames are stamped), then the node's
   * metrics by CloudWatch name, then its per-shard metrics as `<shardId> <name>`. Empty (header
   * only) before `keepSeconds()`.
   */
  secondsCsv(nodeId: string): string {
    const hs: number[] = [];
    for (let h = 0; h < this.meta.length; h++) if (this.meta[h].nodeId === nodeId) hs.push(h);
    // Node metrics first, then shard metrics grouped by shard (registration order within each).
    hs.sort(
      (a, b) => Number(this.meta[a].shardId !== undefined) - Number(this.meta[b].shardId !== undefined),
    );
    const log = this.log;
    const cols = log ? hs.filter((h) => log.logged(h)) : hs;
    const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    const head = [
      't_sec',
      ...cols.map((h) => {
        const m = this.meta[h];
        return m.shardId === undefined ? m.name : `${m.shardId} ${m.name}`;
      }),
    ];
    const lines = [head.map(esc).join(',')];
    if (log) {
      for (let s = log.first; s < log.seconds; s++) {
        const cells = [String(s + 1)];
        for (const h of cols) cells.push(String(round6(log.value(h, s))));
        lines.push(cells.join(','));
      }
    }
    return `${lines.join('\n')}\n`;
  }

  private downsample(): void {
    const half = MAX_POINTS / 2;
    for (const m of this.meta) {
      if (!m.series) continue;
      const s = m.series;
      for (let i = 0; i < half; i++) {
        s[i] = m.agg === 'max' ? Math.max(s[2 * i], s[2 * i + 1]) : (s[2 * i] + s[2 * i + 1]) / 2;
      }
    }
    this.points = half;
    this.resolutionSec *= 2;
  }

  private grow(): void {
    const n = this.cur.length * 2;
    const g = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.cur = g(this.cur);
    this.count = g(this.count);
    this.total = g(this.total);
    this.peak = g(this.peak);
    this.last = g(this.last);
    this.bucket = g(this.bucket);
  }
}

/** Round to 6 significant decimals so reports stay short and stable. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
