/**
 * Resharding a provisioned stream: a request (scheduled in the design, a live edit) is checked
 * against AWS's rules (reshard.ts) and queued (schedule.ts); when its UPDATING period is over the
 * plan applies: parents close, children open, the routing table follows. Fluid-model and
 * on-demand streams refuse requests (on-demand streams split themselves, via applyPlan).
 */
import type { ReshardAction } from '../../model/types.ts';
import type { LiveEdit } from '../api.ts';
import { openInHashOrder, planReshard, refuseReason } from './reshard.ts';
import type { StreamRuntime } from './stream.ts';

/** Queue a reshard (timeline, live edit); it completes after RESHARD_DELAY_MS. */
export function requestReshard(
  st: StreamRuntime,
  action: ReshardAction,
  atMs: number,
  label: string,
): { applied: boolean; reason?: string } {
  if (st.fluid)
    return {
      applied: false,
      reason: 'This stream runs on the fluid (rate) model, which does not reshard.',
    };
  if (st.ondemand)
    return {
      applied: false,
      reason: 'On-demand streams scale themselves; resharding is provisioned only.',
    };
  const reason = refuseReason(action, st.shards);
  if (reason) return { applied: false, reason };
  st.schedule.request(action, atMs, label);
  return { applied: true };
}

/** Close parents and open children now (used directly by on-demand splits). */
export function applyPlan(st: StreamRuntime, action: ReshardAction): void {
  const plan = planReshard(action, st.shards);
  for (const idx of plan.close) {
    const s = st.shards[idx];
    s.open = false;
    s.closedAtMs = st.nowMs;
  }
  for (const c of plan.open) st.addShard(c.start, c.end, c.parents);
  st.routing.rebuild(openInHashOrder(st.shards));
  st.metrics.ensureShards();
  st.reshards++;
}

/** A live shard-count edit: an UpdateShardCount request now, with an 'edit' marker if accepted. */
export function applyShardCountEdit(
  st: StreamRuntime,
  edit: LiveEdit,
  nowMs: number,
): { applied: boolean; reason?: string } {
  if (edit.type !== 'shardCount') return { applied: false, reason: 'Not a stream setting.' };
  const r = requestReshard(
    st,
    { type: 'updateShardCount', targetShardCount: edit.shardCount },
    nowMs,
    'live edit',
  );
  if (r.applied) {
    st.ctx.marker({
      atMs: nowMs,
      nodeId: st.id,
      type: 'edit',
      label: `Shard count → ${edit.shardCount} (UpdateShardCount)`,
    });
  }
  return r;
}
