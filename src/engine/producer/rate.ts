/**
 * Rate profiles: records per simulated second at sim time t.
 * - constant; ramp (linear from → to over `overSec`, then flat);
 * - periodic: the hour-of-day (UTC of the sim clock) value with Gaussian noise of sigmaPct, drawn
 *   once per simulated second (the Data Generator's periodic mode);
 * - burst: `burstPerSec` for the first `burstSec` of every `everySec`, else `basePerSec`.
 */
import type { RateProfile } from '../../model/types.ts';
import type { SimClock } from '../clock.ts';
import type { Rng } from '../rng.ts';

export class RateModel {
  private noiseSecond = -1;
  private noise = 1;

  constructor(
    private readonly profile: RateProfile,
    private readonly clock: SimClock,
    private readonly rng: Rng,
  ) {}

  /** Records per second at sim ms `t` (before multipliers). */
  at(t: number): number {
    const p = this.profile;
    const sec = t / 1000;
    switch (p.type) {
      case 'constant':
        return Math.max(0, p.recordsPerSec);
      case 'ramp': {
        const f = p.overSec <= 0 ? 1 : Math.min(1, sec / p.overSec);
        return Math.max(0, p.fromPerSec + (p.toPerSec - p.fromPerSec) * f);
      }
      case 'periodic': {
        const s = Math.floor(sec);
        if (s !== this.noiseSecond) {
          this.noiseSecond = s;
          this.noise = 1 + (p.sigmaPct / 100) * this.rng.normal();
        }
        const base = p.hourly[this.clock.hourOfDay(t)] ?? 0;
        return Math.max(0, base * this.noise);
      }
      case 'burst': {
        const every = Math.max(1, p.everySec);
        return sec % every < p.burstSec ? p.burstPerSec : p.basePerSec;
      }
    }
  }
}
