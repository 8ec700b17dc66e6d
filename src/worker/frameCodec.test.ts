import { describe, expect, it } from 'vitest';
import type { LiveFrame, NodeActivity } from '../engine/api.ts';
import { type FrameLayout, FramePacker, type PackedFrame, unpackFrame } from './frameCodec.ts';
import { fakeSimulation } from './testing/fakeSimulation.ts';

function lambdaAndFirehose(frame: LiveFrame): LiveFrame {
  return {
    ...frame,
    nodes: {
      ...frame.nodes,
      fn: {
        inRecordsPerSec: 500,
        inBytesPerSec: 50_000,
        outRecordsPerSec: 500,
        outBytesPerSec: 50_000,
        utilization: 0.42,
        throttledPerSec: 0,
        counters: { invocations: 12, errors: 1 },
        lambda: {
          concurrency: 2,
          iteratorAgeMs: 1_850,
          errorsPerSec: 0.5,
          invocationsPerSec: 5,
          durationMs: 230,
          shardIteratorAgeMs: { 'shardId-000000000000': 1_850, 'shardId-000000000001': 42 },
        },
      },
      fh: {
        inRecordsPerSec: 500,
        inBytesPerSec: 50_000,
        outRecordsPerSec: 0,
        outBytesPerSec: 0,
        utilization: 0.1,
        throttledPerSec: 0,
        counters: {},
        firehose: {
          bufferBytes: 524_288,
          bufferRecords: 5_000,
          bufferLimitBytes: 5_242_880,
          msToFlush: 12_000,
        },
      },
      s3: {
        inRecordsPerSec: 0,
        inBytesPerSec: 0,
        outRecordsPerSec: 0,
        outBytesPerSec: 0,
        utilization: 0,
        throttledPerSec: 0,
        counters: { objects: 3 },
        down: true,
      },
    },
  };
}

function roundTrip(packer: FramePacker, frame: LiveFrame, layout: { current?: FrameLayout }) {
  const packed: PackedFrame = packer.pack(frame);
  if (packed.layout) layout.current = packed.layout;
  if (!layout.current) throw new Error('no layout');
  return { packed, frame: unpackFrame(packed, layout.current, frame.markers) };
}

describe('frame codec', () => {
  it('round-trips every number of a hot-shard frame, lambda and firehose figures included', async () => {
    const sim = fakeSimulation({ ratePerSec: 1_500, shards: 4, hot: true });
    await sim.advance(3_000);
    const frame = lambdaAndFirehose(sim.frame());
    const out = roundTrip(new FramePacker(), frame, {});
    expect(out.frame).toEqual(frame);
    // 1,500 rec/s all on shard 0: 1,000 accepted, 500 throttled each second, 150 % write utilisation.
    const shard0 = out.frame.nodes.stream.shards?.[0];
    expect(shard0?.writeUtilization).toBe(1.5);
    expect(shard0?.writeThrottledPerSec).toBe(500);
    expect(out.frame.nodes.producer.counters).toEqual({
      attempted: 4_500,
      accepted: 3_000,
      throttled: 1_500,
    });
    expect(out.frame.nodes.s3.down).toBe(true);
  });

  it('sends the layout once, then only numbers, until a reshard changes the shard list', async () => {
    const sim = fakeSimulation({ ratePerSec: 1_500, shards: 2 });
    const packer = new FramePacker();
    const layout: { current?: FrameLayout } = {};
    await sim.advance(1_000);
    const first = roundTrip(packer, sim.frame(), layout);
    expect(first.packed.layout).toBeDefined();
    // 2 nodes + 1 edge: producer 6 + 3 counters, stream 6 + 1 counter + 2 shards × 8, edge 3 rates
    // + 3 for its last active second (NaN while it carries records).
    expect(first.packed.numbers.length).toBe(9 + 23 + 6);
    await sim.advance(2_000);
    const second = roundTrip(packer, sim.frame(), layout);
    expect(second.packed.layout).toBeUndefined();
    expect(second.packed.layoutVersion).toBe(first.packed.layoutVersion);

    sim.applyEdit({ type: 'shardCount', nodeId: 'stream', shardCount: 4 });
    await sim.advance(3_000);
    const third = roundTrip(packer, sim.frame(), layout);
    expect(third.packed.layout?.version).toBe(2);
    expect(third.frame.nodes.stream.shards?.map((s) => s.shardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
      'shardId-000000000003',
    ]);
    expect(third.packed.newMarkers).toEqual([
      { atMs: 2_000, nodeId: 'stream', type: 'reshard', label: 'reshard to 4' },
    ]);
    const fourth = roundTrip(packer, sim.frame(), layout);
    expect(fourth.packed.newMarkers).toEqual([]);
  });

  it('keeps the object of a node whose figures did not change, so its card does not re-render', async () => {
    const sim = fakeSimulation({ ratePerSec: 500, shards: 1 });
    const packer = new FramePacker();
    await sim.advance(1_000);
    const a = packer.pack(sim.frame());
    if (!a.layout) throw new Error('layout expected');
    const fa = unpackFrame(a, a.layout, []);
    await sim.advance(2_000);
    const b = packer.pack(sim.frame());
    const fb = unpackFrame(b, a.layout, [], {
      layoutVersion: a.layoutVersion,
      numbers: a.numbers,
      frame: fa,
    });
    // The edge carries the same 500 rec/s: same object. The producer's counters grew: new object.
    expect(fb.edges.e1).toBe(fa.edges.e1);
    expect(fb.nodes.producer).not.toBe(fa.nodes.producer);
    expect(fb.nodes.producer.counters.accepted).toBe(1_000);
  });

  it('round-trips recent activity: S3 behind a 60 s Firehose buffer reads 0 rec/s, last 600 rec at 121 s, 10 rec/s over 1 min', async () => {
    const sim = fakeSimulation({ ratePerSec: 10, shards: 1 });
    await sim.advance(128_000);
    const base = sim.frame();
    const quiet = { utilization: 0, throttledPerSec: 0, counters: {} };
    const frame: LiveFrame = {
      ...base,
      nodes: {
        ...base.nodes,
        // Bursty in, nothing out (a destination).
        s3: {
          ...quiet,
          inRecordsPerSec: 0,
          inBytesPerSec: 0,
          outRecordsPerSec: 0,
          outBytesPerSec: 0,
          activity: {
            windowSec: 60,
            avgInRecordsPerSec: 10,
            avgInBytesPerSec: 2_000,
            avgOutRecordsPerSec: 0,
            avgOutBytesPerSec: 0,
            lastIn: { atMs: 121_000, records: 600, bytes: 120_000 },
          },
        },
        // Steady in, bursty out (a delivery stream between flushes).
        fh: {
          ...quiet,
          inRecordsPerSec: 10,
          inBytesPerSec: 2_000,
          outRecordsPerSec: 0,
          outBytesPerSec: 0,
          activity: {
            windowSec: 60,
            avgInRecordsPerSec: 10,
            avgInBytesPerSec: 2_000,
            avgOutRecordsPerSec: 10,
            avgOutBytesPerSec: 2_000,
            lastIn: { atMs: 128_000, records: 10, bytes: 2_000 },
            lastOut: { atMs: 121_000, records: 600, bytes: 120_000 },
          },
        },
      },
    };
    const packer = new FramePacker();
    const layout: { current?: FrameLayout } = {};
    const first = roundTrip(packer, frame, layout);
    expect(first.frame).toEqual(frame);
    expect(first.frame.nodes.s3.activity?.lastOut).toBeUndefined();
    expect(first.frame.nodes.producer.activity).toBeUndefined();
    // 11 numbers per node with activity: the window, 4 averages, 2 × (at, records, bytes).
    const s3 = layout.current?.nodes.find((n) => n.id === 's3');
    const fh = layout.current?.nodes.find((n) => n.id === 'fh');
    expect((fh?.offset ?? 0) - (s3?.offset ?? 0)).toBe(6 + 11);

    // A later frame with the same figures keeps the S3 object; a new flush replaces it.
    const prev = {
      layoutVersion: first.packed.layoutVersion,
      numbers: first.packed.numbers,
      frame: first.frame,
    };
    const same = packer.pack(frame);
    const sameFrame = unpackFrame(same, layout.current as FrameLayout, [], prev);
    expect(sameFrame.nodes.s3).toBe(first.frame.nodes.s3);
    const flushed = structuredClone(frame);
    flushed.nodes.s3.activity = {
      ...(frame.nodes.s3.activity as NodeActivity),
      lastIn: { atMs: 181_000, records: 600, bytes: 120_000 },
    };
    const next = unpackFrame(packer.pack(flushed), layout.current as FrameLayout, [], prev);
    expect(next.nodes.s3).not.toBe(first.frame.nodes.s3);
    expect(next.nodes.s3.activity?.lastIn?.atMs).toBe(181_000);

    // A node whose activity appears for the first time changes the layout.
    const woke = structuredClone(frame);
    woke.nodes.producer.activity = { ...(frame.nodes.s3.activity as NodeActivity) };
    expect(packer.pack(woke).layout?.version).toBe(2);
  });

  it("round-trips an idle edge's last active second: Firehose → S3 0 rec/s, last 600 rec at 121 s; a steady edge has none", async () => {
    const sim = fakeSimulation({ ratePerSec: 10, shards: 1 });
    await sim.advance(128_000);
    const base = sim.frame();
    const frame: LiveFrame = {
      ...base,
      edges: {
        ...base.edges,
        toS3: {
          recordsPerSec: 0,
          bytesPerSec: 0,
          throttledPerSec: 0,
          lastActive: { atMs: 121_000, records: 600, bytes: 120_000 },
        },
      },
    };
    const packer = new FramePacker();
    const layout: { current?: FrameLayout } = {};
    const first = roundTrip(packer, frame, layout);
    expect(first.frame).toEqual(frame);
    expect(first.frame.edges.toS3.lastActive).toEqual({ atMs: 121_000, records: 600, bytes: 120_000 });
    // The producer → stream edge carries 10 rec/s: no last active second, not even as undefined.
    expect(first.frame.edges.e1.recordsPerSec).toBe(10);
    expect('lastActive' in first.frame.edges.e1).toBe(false);

    // The same idle figures a second later keep the edge's object (its label does not re-render);
    // the next flush replaces it.
    const prev = {
      layoutVersion: first.packed.layoutVersion,
      numbers: first.packed.numbers,
      frame: first.frame,
    };
    const same = unpackFrame(packer.pack(frame), layout.current as FrameLayout, [], prev);
    expect(same.edges.toS3).toBe(first.frame.edges.toS3);
    const flushed = structuredClone(frame);
    flushed.edges.toS3 = { recordsPerSec: 600, bytesPerSec: 120_000, throttledPerSec: 0 };
    const next = unpackFrame(packer.pack(flushed), layout.current as FrameLayout, [], prev);
    expect(next.edges.toS3).toEqual({ recordsPerSec: 600, bytesPerSec: 120_000, throttledPerSec: 0 });
  });
});
