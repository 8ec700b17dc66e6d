/**
 * Every metric's value for every simulated second, at full resolution, for the studio's Metrics
 * CSV. The chart series (metrics.ts, the report) halve their resolution past 900 points and the
 * live frames reach the studio only ~10 times a wall second (at max speed one frame spans many
 * simulated seconds), so neither can give one row per second; this log can.
 *
 * Storage: one Float64Array column per metric handle, written as a ring. The ring holds
 * `capacitySec` seconds: 24 hours, or fewer when the metrics are many, so the log never holds more
 * than LOG_CELLS values (64 MiB); a stream of 64 shards (~470 metrics) keeps about 5 hours (never
 * under a minute). When
 * the run outgrows the ring, the oldest seconds go and the CSV starts later (its rows stay one per
 * second, without gaps). Only switched on when someone watches (the first `frame()`): headless runs
 * pay nothing.
 */

/** Most seconds kept: 24 simulated hours. */
export const LOG_MAX_SECONDS = 86_400;
/** Most values kept over all metrics (8 bytes each: 64 MiB). */
export const LOG_CELLS = 8 * 1024 * 1024;

export class SecondLog {
  private cols: (Float64Array | null)[] = [];
  /** Seconds written so far (second k, counted from 0, holds sim ms [k·1000, (k+1)·1000)). */
  seconds = 0;
  /** The first second the log holds (earlier ones left the ring or came before the log began). */
  first = 0;
  capacitySec = LOG_MAX_SECONDS;
  /** Allocated length of each column (grows by doubling up to capacitySec). */
  private size = 64;

  constructor(private readonly cellBudget = LOG_CELLS) {}

  /** Fits the ring to `handles` metrics: fewer seconds when the metrics are many. */
  private fit(handles: number): void {
    const cap = Math.max(60, Math.min(LOG_MAX_SECONDS, Math.floor(this.cellBudget / Math.max(1, handles))));
    if (cap >= this.capacitySec) return;
    // Keep the newest `cap` seconds, in order, at their ring positions for the new capacity.
    const keepFrom = Math.max(this.first, this.seconds - cap);
    const size = Math.min(cap, Math.max(this.size, 64));
    this.cols = this.cols.map((c) => {
      if (!c) return null;
      const next = new Float64Array(size);
      for (let s = keepFrom; s < this.seconds; s++) next[s % cap] = c[s % this.capacitySec];
      return next;
    });
    this.size = size;
    this.capacitySec = cap;
    this.first = keepFrom;
  }

  /**
   * Closes one second: `values[h]` for each logged handle (`logged(h)` false for metrics without
   * a series, e.g. the shards of a very large stream). Handles registered since the last call start
   * a column that reads 0 for the seconds before them.
   */
  record(values: Float64Array, handles: number, logged: (h: number) => boolean): void {
    if (handles > this.cols.length) {
      for (let h = this.cols.length; h < handles; h++)
        this.cols.push(logged(h) ? new Float64Array(this.size) : null);
      this.fit(this.cols.reduce((n, c) => n + (c ? 1 : 0), 0));
    }
    const s = this.seconds;
    if (s - this.first >= this.capacitySec) this.first = s - this.capacitySec + 1;
    if (s >= this.size && this.size < this.capacitySec)
      this.growTo(Math.min(this.capacitySec, this.size * 2));
    const at = s % this.capacitySec;
    for (let h = 0; h < this.cols.length; h++) {
      const c = this.cols[h];
      if (c) c[at] = values[h];
    }
    this.seconds = s + 1;
  }

  private growTo(size: number): void {
    this.cols = this.cols.map((c) => {
      if (!c) return null;
      const next = new Float64Array(size);
      next.set(c);
      return next;
    });
    this.size = size;
  }

  /** Value of handle `h` in second `s` (first ≤ s < seconds); 0 for an unlogged handle. */
  value(h: number, s: number): number {
    const c = this.cols[h];
    return c ? c[s % this.capacitySec] : 0;
  }

  logged(h: number): boolean {
    return this.cols[h] != null;
  }
}
