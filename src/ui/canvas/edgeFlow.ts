/**
 * How fast the dots on a live edge move. Wall seconds for one dash period (16 px) to travel;
 * quantised to a few steps so a rate that wobbles every frame does not restart the CSS animation.
 */
export function flowDotSeconds(recordsPerSec: number): number {
  if (!(recordsPerSec > 0)) return 0;
  // 1 rec/s → 1.6 s per period, 10 → 1.2 s, 100 → 0.8 s, 1,000 and more → 0.4 s.
  const decade = Math.min(3, Math.floor(Math.log10(Math.max(1, recordsPerSec))));
  return Math.round((1.6 - 0.4 * decade) * 10) / 10;
}
