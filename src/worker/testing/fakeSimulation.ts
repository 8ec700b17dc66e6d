/**
 * A tiny stand-in for the engine's Simulation, for this folder's unit tests only (never bundled:
 * nothing outside tests imports it). One producer at `ratePerSec` writes into one stream of
 * `shards` shards, all keys on shard 0 when `hot` is set, so shard 0 throttles above 1,000 rec/s.
 */
import type {
  CostSummary,
  LiveEdit,
  LiveFrame,
  NodeLive,
  PeekRecord,
  RunReport,
  ShardLive,
  Simulation,
  TimelineMarker,
} from '../../engine/api.ts';
import type { TimelineEvent } from '../../model/types.ts';

export interface FakeOptions {
  ratePerSec: number;
  shards: number;
  hot?: boolean;
  /** advance() never settles after this sim ms (a runaway handler). */
  hangAfterMs?: number;
}

const MAX_HASH = 2n ** 128n - 1n;

export function fakeSimulation(
  opts: FakeOptions,
): Simulation & { edits: LiveEdit[]; faults: TimelineEvent[] } {
  let now = 0;
  let shardCount = opts.shards;
  let accepted = 0;
  let throttled = 0;
  const markers: TimelineMarker[] = [];
  const edits: LiveEdit[] = [];
  const faults: TimelineEvent[] = [];

  function perShard(): number[] {
    if (opts.hot) return Array.from({ length: shardCount }, (_, i) => (i === 0 ? opts.ratePerSec : 0));
    return Array.from({ length: shardCount }, () => opts.ratePerSec / shardCount);
  }

  function shards(): ShardLive[] {
    const step = (MAX_HASH + 1n) / BigInt(shardCount);
    return perShard().map((rate, i) => ({
      shardId: `shardId-${String(i).padStart(12, '0')}`,
      startingHashKey: (step * BigInt(i)).toString(),
      endingHashKey: (i === shardCount - 1 ? MAX_HASH : step * BigInt(i + 1) - 1n).toString(),
      open: true,
      parentShardIds: [],
      writeUtilization: rate / 1000,
      readUtilization: 0,
      incomingRecordsPerSec: Math.min(rate, 1000),
      incomingBytesPerSec: Math.min(rate, 1000) * 100,
      writeThrottledPerSec: Math.max(0, rate - 1000),
      readThrottledPerSec: 0,
      iteratorAgeMs: 0,
    }));
  }

  function cost(): CostSummary {
    const perHourUsd = 0.015 * shardCount;
    return {
      priceBook: 'current',
      totalUsd: (perHourUsd * now) / 3_600_000,
      perHourUsd,
      perMonthUsd: perHourUsd * 730,
      items: [
        {
          nodeId: 'stream',
          item: 'Shard hours',
          quantity: (shardCount * now) / 3_600_000,
          unit: 'shard-hours',
          usd: 0,
        },
      ],
      assumptions: ['730 hours a month'],
    };
  }

  const sim = {
    edits,
    faults,
    get nowMs() {
      return now;
    },
    async advance(toMs: number) {
      if (opts.hangAfterMs !== undefined && toMs > opts.hangAfterMs) return new Promise<void>(() => {});
      while (now + 1000 <= toMs) {
        now += 1000;
        for (const r of perShard()) {
          accepted += Math.min(r, 1000);
          throttled += Math.max(0, r - 1000);
        }
      }
      now = Math.max(now, toMs);
    },
    frame(): LiveFrame {
      const ss = shards();
      const inRate = ss.reduce((a, s) => a + s.incomingRecordsPerSec, 0);
      const thr = ss.reduce((a, s) => a + s.writeThrottledPerSec, 0);
      const producer: NodeLive = {
        inRecordsPerSec: 0,
        inBytesPerSec: 0,
        outRecordsPerSec: inRate,
        outBytesPerSec: inRate * 100,
        utilization: 0,
        throttledPerSec: thr,
        counters: { attempted: accepted + throttled, accepted, throttled },
      };
      const stream: NodeLive = {
        inRecordsPerSec: inRate,
        inBytesPerSec: inRate * 100,
        outRecordsPerSec: 0,
        outBytesPerSec: 0,
        utilization: Math.max(...ss.map((s) => s.writeUtilization)),
        throttledPerSec: thr,
        counters: { incoming: accepted },
        shards: ss,
      };
      return {
        simMs: now,
        nodes: { producer, stream },
        edges: { e1: { recordsPerSec: inRate, bytesPerSec: inRate * 100, throttledPerSec: thr } },
        cost: cost(),
        markers: [...markers],
      };
    },
    report(): RunReport {
      return {
        design: 'fake',
        seed: 1,
        simulatedSeconds: now / 1000,
        resolutionSec: 1,
        nodes: [],
        cost: cost(),
        conservation: { ok: true, nodes: [] },
        markers,
      };
    },
    applyEdit(edit: LiveEdit) {
      edits.push(edit);
      if (edit.type === 'shardCount') {
        if (edit.shardCount > shardCount * 2) return { applied: false, reason: 'at most double' };
        shardCount = edit.shardCount;
        markers.push({ atMs: now, nodeId: 'stream', type: 'reshard', label: `reshard to ${shardCount}` });
      }
      return { applied: true };
    },
    injectFault(event: TimelineEvent) {
      faults.push(event);
      markers.push({ atMs: now, nodeId: event.nodeId, type: event.type, label: event.type });
    },
    peek(_target: { nodeId: string } | { edgeId: string }, limit: number): PeekRecord[] {
      return Array.from({ length: Math.min(limit, 3) }, (_, i) => ({
        atMs: now,
        partitionKey: `k${i}`,
        shardId: 'shardId-000000000000',
        sequenceNumber: String(i),
        bytes: 2,
        data: '{}',
      }));
    },
    destination() {
      return {
        kind: 's3' as const,
        totalObjects: 1,
        totalRecords: 2,
        totalBytes: 10,
        objects: [
          {
            key: '2026/11/26/16/x-1',
            sizeBytes: 10,
            records: 2,
            atMs: now,
            compression: 'UNCOMPRESSED',
            body: new TextEncoder().encode('{"a":1}\n{"a":2}\n'),
            firstRecords: ['{"a":1}', '{"a":2}'],
            kind: 'data' as const,
          },
        ],
      };
    },
    sqlResults() {
      return [];
    },
    metricsCsv() {
      return 't_sec\n';
    },
  };
  return sim;
}
