/**
 * A stream's reshard timeline: requests (scheduled in the design, live edits) start at their time
 * with a marker, the stream stays UPDATING for RESHARD_DELAY_MS (writes keep going to the parents),
 * then the new shard map applies with another marker. A request AWS would refuse at its start
 * time (e.g. more than 2× the open shards by then) is dropped with a 'reshard-refused' marker.
 */
import type { ReshardAction } from '../../model/types.ts';
import { refuseReason } from './reshard.ts';
import type { StreamRuntime } from './stream.ts';

/** Simulated ms between a reshard request and the new shard map (the stream is UPDATING meanwhile). */
export const RESHARD_DELAY_MS = 5000;

function describeAction(action: ReshardAction): string {
  if (action.type === 'updateShardCount') return `UpdateShardCount → ${action.targetShardCount}`;
  if (action.type === 'split') return `SplitShard #${action.shardIndex}`;
  return `MergeShards #${action.shardIndex}+${action.shardIndex + 1}`;
}

export class ReshardSchedule {
  private readonly requested: { atMs: number; action: ReshardAction; label: string }[] = [];
  private readonly updating: { atMs: number; action: ReshardAction; what: string }[] = [];

  constructor(private readonly stream: StreamRuntime) {}

  request(action: ReshardAction, atMs: number, label: string): void {
    this.requested.push({ atMs, action, label });
  }

  /** At the start of each tick: finish reshards whose UPDATING period is over, start due requests. */
  run(nowMs: number): void {
    const st = this.stream;
    for (let i = 0; i < this.updating.length; ) {
      const p = this.updating[i];
      if (p.atMs > nowMs) {
        i++;
        continue;
      }
      this.updating.splice(i, 1);
      if (refuseReason(p.action, st.shards)) continue;
      st.applyPlan(p.action);
      st.ctx.marker({
        atMs: nowMs,
        nodeId: st.id,
        type: 'reshard-done',
        label: `${p.what}: ${st.openShards} open shards`,
      });
    }
    for (let i = 0; i < this.requested.length; ) {
      const p = this.requested[i];
      if (p.atMs > nowMs) {
        i++;
        continue;
      }
      this.requested.splice(i, 1);
      const what = describeAction(p.action);
      const reason = refuseReason(p.action, st.shards);
      if (reason) {
        st.ctx.marker({ atMs: nowMs, nodeId: st.id, type: 'reshard-refused', label: `${what}: ${reason}` });
        continue;
      }
      st.ctx.marker({ atMs: nowMs, nodeId: st.id, type: 'reshard-start', label: `${what} (${p.label})` });
      this.updating.push({ atMs: nowMs + RESHARD_DELAY_MS, action: p.action, what });
    }
  }
}
