/**
 * Ticks and labels for a chart's time axis (simulated seconds since the run started).
 *
 * A numeric recharts axis left to itself picks "nice" decimal ticks (0, 700, 1400 s…) that read
 * badly as times, and an `interval` meant for category axes hid all but the first. Here ticks
 * fall on round times (10 s, 1 min, 15 min, 1 h…), about six per chart, and the same tick array
 * object is returned while the ticks stay the same: recharts compares props by identity and a
 * new array on every redraw would make it recompute the whole axis.
 */

/** Round steps in seconds, smallest first. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
const TARGET_TICKS = 6;

const cache = new Map<string, number[]>();

export function timeTicks(minSec: number, maxSec: number): number[] {
  const span = Math.max(1, maxSec - minSec);
  const step = STEPS.find((s) => span / s < TARGET_TICKS) ?? STEPS[STEPS.length - 1];
  const first = Math.ceil(minSec / step) * step;
  const key = `${step}:${first}:${Math.floor(maxSec / step) * step}`;
  let ticks = cache.get(key);
  if (!ticks) {
    ticks = [];
    for (let t = first; t <= maxSec; t += step) ticks.push(t);
    if (cache.size > 64) cache.clear();
    cache.set(key, ticks);
  }
  return ticks;
}

/** `45 s`, `12:30` (min:s under an hour), `2:05:00` (h:min:s). */
export function timeLabel(sec: number): string {
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
