/**
 * A data stream's figures for the studio and the report: the live view (rates over the last
 * simulated second, up to 1,000 shards with their write and read utilisation), the cumulative
 * counters and the conservation check (offered = accepted + throttled + failed; per consumer,
 * accepted = read + expired + unread). Read-only: nothing here changes the stream.
 */
import type { NodeLive, ShardLive } from '../api.ts';
import { round6 } from '../metrics.ts';
import { balance, type Conservation } from '../runtime.ts';
import { fluidLive } from './fluid-stream.ts';
import { openInHashOrder } from './reshard.ts';
import { MIB } from './shard.ts';
import type { StreamRuntime } from './stream.ts';

export function streamLive(st: StreamRuntime): NodeLive {
  if (st.fluid) return { ...fluidLive(st.fluid), counters: streamCounters(st) };
  const m = st.metrics;
  const ordered = [...openInHashOrder(st.shards), ...st.shards.filter((s) => !s.open)];
  const shards: ShardLive[] = ordered.slice(0, 1000).map((s) => ({
    shardId: s.id,
    startingHashKey: s.startHash.toString(),
    endingHashKey: s.endHash.toString(),
    open: s.open,
    parentShardIds: s.parents.map((p) => st.shards[p].id),
    writeUtilization: round6(Math.max(s.last.inRecords / 1000, s.last.inBytes / MIB)),
    readUtilization: round6(s.last.outBytes / (2 * MIB)),
    incomingRecordsPerSec: s.last.inRecords,
    incomingBytesPerSec: s.last.inBytes,
    writeThrottledPerSec: s.last.writeThrottled,
    readThrottledPerSec: s.last.readThrottled,
    iteratorAgeMs: s.last.iteratorAge,
  }));
  let util = 0;
  for (const s of shards) if (s.open && s.writeUtilization > util) util = s.writeUtilization;
  return {
    inRecordsPerSec: m.last.incomingRecords,
    inBytesPerSec: m.last.incomingBytes,
    outRecordsPerSec: m.last.outRecords,
    outBytesPerSec: m.last.outBytes,
    utilization: util,
    throttledPerSec: m.last.writeThrottled,
    counters: streamCounters(st),
    shards,
  };
}

export function streamCounters(st: StreamRuntime): Record<string, number> {
  const c: Record<string, number> = {
    offered: st.offered,
    accepted: st.accepted,
    throttled: st.throttled,
    failed: st.failed,
    acceptedUserRecords: st.acceptedUsers,
    openShards: st.openShards,
    totalShards: st.shards.length,
    reshards: st.reshards,
  };
  for (const k of st.consumers) {
    c[`read:${k.targetId}`] = k.read;
    c[`expired:${k.targetId}`] = k.expired;
  }
  return c;
}

export function streamConservation(st: StreamRuntime): Conservation {
  const parts: Record<string, number> = {
    accepted: st.accepted,
    throttled: st.throttled,
    failed: st.failed,
  };
  const base = balance('offered', st.offered, parts);
  if (!base.ok || st.fluid) return st.fluid ? { ...base, note: 'fluid model (expected values)' } : base;
  // Every consumer started at the beginning: each accepted record is read, expired or still unread.
  for (let c = 0; c < st.consumers.length; c++) {
    let unread = 0;
    for (const s of st.shards) unread += s.endPos - s.iter[c];
    const k = st.consumers[c];
    const b = balance('accepted', st.accepted, { read: k.read, expired: k.expired, unread });
    if (!b.ok) return { ...b, note: `consumer ${k.targetId}` };
    base.terms[`read:${k.targetId}`] = k.read;
    base.terms[`expired:${k.targetId}`] = k.expired;
    base.terms[`unread:${k.targetId}`] = unread;
  }
  return base;
}
