/**
 * Bounded chart series for the live run. Points arrive once per shown frame (up to 60 a wall
 * second, each a figure "over the last simulated second"); a series keeps at most `capacity`
 * points by bucketing: when full, neighbouring points merge pairwise and the bucket width
 * doubles. A merged point keeps the MAX of its values, so a one-second throttling spike stays
 * visible in an hour-long run (an average would flatten it).
 *
 * Times are simulated ms since the run started. Columns can appear mid-run (a reshard adds
 * shards): earlier points hold `null` for them, which a chart draws as a gap.
 */

export const SERIES_CAPACITY = 1_000;

export class BucketSeries {
  /** Start of each point's bucket, sim ms. */
  readonly t: number[] = [];
  readonly columns = new Map<string, (number | null)[]>();
  /** Width of a bucket in sim ms; starts at `initialBucketMs` and doubles at each compaction. */
  bucketMs: number;

  constructor(
    readonly capacity = SERIES_CAPACITY,
    initialBucketMs = 1_000,
  ) {
    this.bucketMs = initialBucketMs;
  }

  get length(): number {
    return this.t.length;
  }

  private column(name: string): (number | null)[] {
    let col = this.columns.get(name);
    if (!col) {
      col = new Array<number | null>(this.t.length).fill(null);
      this.columns.set(name, col);
    }
    return col;
  }

  push(simMs: number, values: Record<string, number>): void {
    const n = this.t.length;
    const last = n > 0 ? this.t[n - 1] : Number.NEGATIVE_INFINITY;
    if (simMs < last + this.bucketMs && n > 0) {
      // Same bucket as the last point: keep the larger value of each column.
      for (const [name, v] of Object.entries(values)) {
        const col = this.column(name);
        const old = col[n - 1];
        col[n - 1] = old === null || v > old ? v : old;
      }
      return;
    }
    if (n >= this.capacity) this.compact();
    const start = Math.floor(simMs / this.bucketMs) * this.bucketMs;
    this.t.push(start);
    for (const col of this.columns.values()) col.push(null);
    const at = this.t.length - 1;
    for (const [name, v] of Object.entries(values)) this.column(name)[at] = v;
  }

  /** Merges points pairwise (max), halving the count and doubling the bucket width. */
  private compact(): void {
    this.bucketMs *= 2;
    const t = this.t;
    const half = Math.ceil(t.length / 2);
    for (let i = 0; i < half; i++) t[i] = Math.floor(t[2 * i] / this.bucketMs) * this.bucketMs;
    t.length = half;
    for (const col of this.columns.values()) {
      for (let i = 0; i < half; i++) {
        const a = col[2 * i];
        const b = 2 * i + 1 < col.length ? col[2 * i + 1] : null;
        col[i] = a === null ? b : b === null ? a : Math.max(a, b);
      }
      col.length = half;
    }
  }

  /**
   * Rows for a chart: `{ t: seconds, [column]: value }`, only the columns asked for, at most
   * `maxPoints` of them. Over that, every `k` neighbouring points merge into one (the max of each
   * column, at the first point's time), as compaction does: a 150 px tall chart some 800 px wide
   * shows no more than a few hundred points, and each point costs the chart library work on the
   * main thread at every redraw.
   */
  rows(columns: string[], maxPoints = Number.POSITIVE_INFINITY): Record<string, number | null>[] {
    const out: Record<string, number | null>[] = [];
    const cols = columns.map((c) => [c, this.columns.get(c)] as const);
    const n = this.t.length;
    const k = n > maxPoints ? Math.ceil(n / maxPoints) : 1;
    for (let i = 0; i < n; i += k) {
      const row: Record<string, number | null> = { t: this.t[i] / 1000 };
      const end = Math.min(n, i + k);
      for (const [name, col] of cols) {
        let v: number | null = null;
        if (col)
          for (let j = i; j < end; j++)
            if (col[j] !== null && (v === null || (col[j] as number) > v)) v = col[j];
        row[name] = v;
      }
      out.push(row);
    }
    return out;
  }

  /**
   * The same points as `rows`, column-wise for a canvas chart (uPlot's AlignedData): first the
   * times in seconds, then one array per column asked for (null = no value, drawn as a gap).
   */
  aligned(columns: string[], maxPoints = Number.POSITIVE_INFINITY): [number[], ...(number | null)[][]] {
    const n = this.t.length;
    const k = n > maxPoints ? Math.ceil(n / maxPoints) : 1;
    const times: number[] = [];
    for (let i = 0; i < n; i += k) times.push(this.t[i] / 1000);
    const out: [number[], ...(number | null)[][]] = [times];
    for (const name of columns) {
      const col = this.columns.get(name);
      const ys: (number | null)[] = [];
      for (let i = 0; i < n; i += k) {
        let v: number | null = null;
        if (col)
          for (let j = i; j < Math.min(n, i + k); j++) {
            const x = col[j];
            if (x !== null && (v === null || x > v)) v = x;
          }
        ys.push(v);
      }
      out.push(ys);
    }
    return out;
  }

  /** The whole series as CSV text (header `t_sec,<columns…>`). */
  toCsv(columns = [...this.columns.keys()]): string {
    const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    const lines = [['t_sec', ...columns].map(esc).join(',')];
    for (let i = 0; i < this.t.length; i++) {
      const cells = [String(this.t[i] / 1000)];
      for (const c of columns) {
        const v = this.columns.get(c)?.[i];
        cells.push(v === null || v === undefined ? '' : String(v));
      }
      lines.push(cells.join(','));
    }
    return `${lines.join('\n')}\n`;
  }
}

/** All the series of one run, keyed by node id (and `<nodeId>#shards` for per-shard figures). */
export class SeriesBook {
  private readonly byKey = new Map<string, BucketSeries>();

  get(key: string): BucketSeries | undefined {
    return this.byKey.get(key);
  }

  push(key: string, simMs: number, values: Record<string, number>): void {
    let s = this.byKey.get(key);
    if (!s) {
      s = new BucketSeries();
      this.byKey.set(key, s);
    }
    s.push(simMs, values);
  }

  clear(): void {
    this.byKey.clear();
  }
}
