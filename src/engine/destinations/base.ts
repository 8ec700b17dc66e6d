/**
 * What every destination shares: a timeline outage switch (`destinationOutage` from t1 to t2:
 * deliveries fail while it lasts), bounded display lists with full counts, and the NodeRuntime
 * boilerplate. Destinations keep what arrived for the studio: bounded for display, counted in full.
 */

import type { NodeKind, TimelineEvent } from '../../model/types.ts';
import type { NodeLive, PeekRecord } from '../api.ts';
import { type Conservation, type EngineContext, emptyLive, type NodeRuntime, PeekRing } from '../runtime.ts';

/** Keep the newest `max` items of a list (drops from the front). */
export function keepLatest<T>(list: T[], max: number): void {
  if (list.length > max) list.splice(0, list.length - max);
}

export abstract class DestinationRuntime implements NodeRuntime {
  abstract readonly kind: NodeKind;
  protected down = false;
  protected readonly peeks = new PeekRing(30);
  protected perSec = { in: 0, inBytes: 0, refused: 0 };
  protected lastSec = { in: 0, inBytes: 0, refused: 0 };

  constructor(
    readonly id: string,
    protected readonly ctx: EngineContext,
  ) {}

  /** True while a timeline outage is active: writes and deliveries fail. */
  isDown(): boolean {
    return this.down;
  }

  setFault(event: TimelineEvent, active: boolean): void {
    if (event.type === 'destinationOutage') this.down = active;
  }

  tick(_nowMs: number): void {}

  closeSecond(): void {
    this.lastSec = this.perSec;
    this.perSec = { in: 0, inBytes: 0, refused: 0 };
  }

  live(): NodeLive {
    return {
      ...emptyLive(),
      inRecordsPerSec: this.lastSec.in,
      inBytesPerSec: this.lastSec.inBytes,
      throttledPerSec: this.lastSec.refused,
      counters: this.counters(),
      down: this.down,
    };
  }

  abstract counters(): Record<string, number>;
  abstract conservation(): Conservation;

  peek(limit: number): PeekRecord[] {
    return this.peeks.latest(limit);
  }
}
