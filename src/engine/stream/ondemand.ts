/**
 * On-demand capacity (AWS docs: Capacity modes and quotas–1.12.4), modelled as:
 * - the stream starts with 4 shards (4 MiB/s and 4,000 rec/s of write), per-shard limits still
 *   apply, so one hot key is capped at one shard's 1 MiB/s and 1,000 rec/s whatever happens;
 * - stream write admission is capped at max(4 MiB/s, 2 × the peak accepted second so far), per
 *   simulated second (a bucket topped up each second, as the shards' are);
 * - a shard that took more than 500 KB/s in a second is split at its midpoint after
 *   SPLIT_DELAY_MS (AWS: "within 15 minutes"); while traffic grows past the shards it throttles.
 *   Splits stop once the open shards could carry twice the cap (a hot key is not helped).
 */
import { openInHashOrder } from './reshard.ts';
import { MIB } from './shard.ts';
import type { StreamRuntime } from './stream.ts';

/** Simulated delay before an overloaded on-demand shard splits. */
export const SPLIT_DELAY_MS = 5 * 60_000;
const SPLIT_ABOVE_BYTES_PER_SEC = 500 * 1024;
const START_BYTES_PER_SEC = 4 * MIB;

export class OnDemandScaler {
  readonly initialShards = 4;
  peakBytesPerSec = 0;
  private tokens = 0;
  private bytesThisSecond = 0;
  private readonly splitAt = new Map<number, number>();

  constructor(private readonly stream: StreamRuntime) {}

  get capBytesPerSec(): number {
    return Math.max(START_BYTES_PER_SEC, 2 * this.peakBytesPerSec);
  }

  beginTick(): void {
    // Like the shards' buckets: one second's worth at each simulated second, holding one second.
    if (this.stream.nowMs % 1000 === 0) this.tokens = this.capBytesPerSec;
    const now = this.stream.nowMs;
    for (const [shard, at] of this.splitAt) {
      if (at > now) continue;
      this.splitAt.delete(shard);
      const s = this.stream.shards[shard];
      if (!s.open) continue;
      const pos = openInHashOrder(this.stream.shards).indexOf(s);
      this.stream.applyPlan({ type: 'split', shardIndex: pos });
      this.stream.ctx.marker({
        atMs: now,
        nodeId: this.stream.id,
        type: 'ondemand-split',
        label: `On-demand split of ${s.id}: ${this.stream.openShards} open shards`,
      });
    }
  }

  admit(bytes: number): boolean {
    if (this.tokens < bytes) return false;
    this.tokens -= bytes;
    this.bytesThisSecond += bytes;
    return true;
  }

  closeSecond(): void {
    if (this.bytesThisSecond > this.peakBytesPerSec) this.peakBytesPerSec = this.bytesThisSecond;
    this.bytesThisSecond = 0;
    const maxShards = Math.ceil((2 * this.capBytesPerSec) / MIB);
    let open = this.stream.openShards + this.splitAt.size;
    for (const s of this.stream.shards) {
      if (open >= maxShards) break;
      if (s.open && s.inBytes > SPLIT_ABOVE_BYTES_PER_SEC && !this.splitAt.has(s.index)) {
        this.splitAt.set(s.index, this.stream.nowMs + SPLIT_DELAY_MS);
        open++;
      }
    }
  }
}
