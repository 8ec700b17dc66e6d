/**
 * Resharding plans (AWS docs: Resharding). Each returns the new shards' hash ranges and their
 * parents; the stream closes the parents (readable until drained) and opens the children.
 * - split: the parent's range is cut at its midpoint; [start, mid] and [mid + 1, end].
 * - merge: two adjacent open shards become one.
 * - UpdateShardCount (UNIFORM_SCALING): the open shards are replaced by an even split of the whole
 *   hash space into the target count; each new shard's parents are the old shards it overlaps.
 *   Allowed between ½× and 2× the open count, at most 10,000 shards (§1.10.3).
 */
import type { ReshardAction } from '../../model/types.ts';
import { evenSplit } from '../hash.ts';
import type { Shard } from './shard.ts';

export interface ChildPlan {
  start: bigint;
  end: bigint;
  parents: number[];
}

export interface ReshardPlan {
  close: number[];
  open: ChildPlan[];
}

export const MAX_SHARDS_PER_STREAM = 10000;

/** Open shards in hash order. */
export function openInHashOrder(shards: Shard[]): Shard[] {
  return shards.filter((s) => s.open).sort((a, b) => (a.startHash < b.startHash ? -1 : 1));
}

/** Why AWS would refuse this action now, or null. */
export function refuseReason(action: ReshardAction, shards: Shard[]): string | null {
  const open = openInHashOrder(shards);
  if (action.type === 'updateShardCount') {
    const t = action.targetShardCount;
    if (!Number.isInteger(t) || t < 1) return 'The target shard count must be a whole number ≥ 1.';
    if (t > MAX_SHARDS_PER_STREAM) return `At most ${MAX_SHARDS_PER_STREAM} shards per stream.`;
    if (t > open.length * 2)
      return `UpdateShardCount can at most double the open shards (${open.length} → ${open.length * 2}).`;
    if (t * 2 < open.length)
      return `UpdateShardCount can at most halve the open shards (${open.length} → ${Math.ceil(open.length / 2)}).`;
    if (t === open.length) return 'The stream already has that many open shards.';
    return null;
  }
  if (action.type === 'split') {
    const s = open[action.shardIndex];
    if (!s) return `There is no open shard at index ${action.shardIndex}.`;
    if (s.endHash - s.startHash < 1n) return 'That shard’s hash range is too small to split.';
    return null;
  }
  if (!open[action.shardIndex] || !open[action.shardIndex + 1]) {
    return `Shards ${action.shardIndex} and ${action.shardIndex + 1} are not two adjacent open shards.`;
  }
  return null;
}

export function planReshard(action: ReshardAction, shards: Shard[]): ReshardPlan {
  const open = openInHashOrder(shards);
  if (action.type === 'split') {
    const p = open[action.shardIndex];
    const mid = p.startHash + (p.endHash - p.startHash) / 2n;
    return {
      close: [p.index],
      open: [
        { start: p.startHash, end: mid, parents: [p.index] },
        { start: mid + 1n, end: p.endHash, parents: [p.index] },
      ],
    };
  }
  if (action.type === 'merge') {
    const a = open[action.shardIndex];
    const b = open[action.shardIndex + 1];
    return {
      close: [a.index, b.index],
      open: [{ start: a.startHash, end: b.endHash, parents: [a.index, b.index] }],
    };
  }
  const ranges = evenSplit(action.targetShardCount);
  return {
    close: open.map((s) => s.index),
    open: ranges.map((r) => ({
      start: r.start,
      end: r.end,
      parents: open.filter((s) => s.startHash <= r.end && s.endHash >= r.start).map((s) => s.index),
    })),
  };
}
