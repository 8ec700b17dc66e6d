/**
 * Simulated time. The engine advances in fixed ticks of TICK_MS of SIMULATED time; no wall
 * clock is ever read. Per-shard write limits are per simulated second (stream/shard.ts), so an even
 * 1,500 rec/s into one shard is exactly 1,000 accepted and 500 throttled in every simulated second.
 */

/** Simulated ms per engine step. */
export const TICK_MS = 100;
export const TICKS_PER_SEC = 1000 / TICK_MS;

/** Parse the design's `settings.startTime` (UTC ISO) into epoch ms; a bad value falls back to 2017-01-01. */
export function parseStartTime(iso: string): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : Date.UTC(2017, 0, 1);
}

/** The simulated clock: `nowMs` since the run started plus the epoch of the start. */
export class SimClock {
  nowMs = 0;
  constructor(readonly startEpochMs: number) {}
  /** Epoch ms (UTC) of the current simulated instant. */
  get epochMs(): number {
    return this.startEpochMs + this.nowMs;
  }
  /** UTC hour of day (0–23) of sim time `ms`. */
  hourOfDay(ms: number = this.nowMs): number {
    return new Date(this.startEpochMs + ms).getUTCHours();
  }
}

/** Parse durations like `90s`, `15m`, `1h`, `500ms`, `2h30m`, or a bare number of seconds. Returns seconds or NaN. */
export function parseDurationSec(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const v = Number(m[1]);
    const unit = m[2];
    total +=
      unit === 'ms'
        ? v / 1000
        : unit === 's'
          ? v
          : unit === 'm'
            ? v * 60
            : unit === 'h'
              ? v * 3600
              : v * 86400;
    matched = re.lastIndex;
  }
  return matched === t.length && matched > 0 ? total : Number.NaN;
}
