import { describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../model/types.ts';
import { ActivityMeter } from './activity.ts';
import type { LiveFrame } from './api.ts';
import { deliveryStream } from './firehose/testkit.ts';
import { EngineSimulation } from './simulation.ts';
import { design, node, plainProducer } from './testing.ts';

/** A run watched from 0 s, as the studio does (activity is metered from the first frame on). */
function watched(doc: PipelineDoc, seconds: number): EngineSimulation {
  const sim = new EngineSimulation(doc, { seed: 1 });
  sim.frame();
  sim.advanceSync(seconds * 1000);
  return sim;
}

const pages = JSON.stringify(Array.from({ length: 10 }, (_, i) => `/p${i}`));
/** Clickstream records over 10 pages: the default SQL (views per page per 10 s) emits 10 rows a window. */
const template = `{"eventId":"{{random.uuid}}","userId":"u1","page":"{{random.arrayElement(${pages})}}","browser":"Firefox","eventTime":"{{date.now}}"}`;

const windowDesign = () =>
  design(
    [
      plainProducer('p', 100, 100, { template, size: { type: 'template' } }),
      node('s', 'stream', { shardCount: 1 }),
      node('a', 'analytics', {}),
      node('o', 'stream', { shardCount: 1 }),
    ],
    [
      ['p', 's'],
      ['s', 'a'],
      ['a', 'o'],
    ],
  );

const firehoseDesign = () =>
  design(
    [
      plainProducer('p', 10, 200),
      deliveryStream('fh', { bufferIntervalSec: 60, bufferSizeMiB: 5 }),
      node('b', 's3'),
    ],
    [
      ['p', 'fh'],
      ['fh', 'b'],
    ],
  );

describe('live activity of bursty nodes', () => {
  it('a 10 s tumbling window: between emissions the Analytics node reports 10 rows 3 s ago and 1 row/s over the last minute', () => {
    const sim = watched(windowDesign(), 64);
    const f = sim.frame();
    const a = f.nodes.a;
    // The window closing at 60 s is emitted in the second ending at 61 s; nothing since.
    expect(a.outRecordsPerSec).toBe(0);
    // 10 output rows written as JSON lines: 266 bytes in all, each row counted once.
    expect(a.activity?.lastOut).toEqual({ atMs: 61_000, records: 10, bytes: 266 });
    expect(f.simMs - (a.activity?.lastOut?.atMs ?? 0)).toBe(3000);
    // Six emissions of 10 rows in the last 60 s (seconds ending 5 … 64 s): 60 rows / 60 s.
    expect(a.activity?.windowSec).toBe(60);
    expect(a.activity?.avgOutRecordsPerSec).toBe(1);
    // The input is steady: its last active second is the one that just closed.
    expect(a.inRecordsPerSec).toBe(100);
    expect(a.activity?.lastIn?.atMs).toBe(64_000);
    expect(a.activity?.avgInRecordsPerSec).toBe(100);
    // The output stream sees the same burst on its way in.
    expect(f.nodes.o.inRecordsPerSec).toBe(0);
    expect(f.nodes.o.activity?.lastIn?.records).toBe(10);
    expect(f.nodes.o.activity?.lastIn?.atMs).toBe(61_000);
  });

  it('in the emitting second itself the last output is now and the average counts the run so far (13 s)', () => {
    const sim = watched(windowDesign(), 11);
    expect(sim.frame().nodes.a.outRecordsPerSec).toBe(10);
    expect(sim.frame().nodes.a.activity?.lastOut?.atMs).toBe(11_000);
    sim.advanceSync(13_000);
    const a = sim.frame().nodes.a.activity;
    expect(a?.windowSec).toBe(13);
    expect(a?.avgOutRecordsPerSec).toBeCloseTo(10 / 13, 12);
  });

  it('S3 behind a 60 s Firehose buffer at 10 rec/s of 200 bytes: in 0 rec/s, last 600 rec, 10 rec/s over the last minute', async () => {
    const sim = new EngineSimulation(firehoseDesign(), { seed: 1 });
    sim.frame();
    await sim.advance(128_000);
    const f = sim.frame();
    const s3 = f.nodes.b;
    expect(s3.inRecordsPerSec).toBe(0);
    // The flush at 120 s delivers the 600 records of the second minute, in the second ending at 121 s.
    expect(s3.activity?.lastIn).toEqual({ atMs: 121_000, records: 600, bytes: 600 * 200 });
    expect(s3.activity?.avgInRecordsPerSec).toBe(10);
    expect(s3.activity?.avgInBytesPerSec).toBe(2000);
    expect(s3.activity?.lastOut).toBeUndefined();
    // Firehose: steady in, bursty out.
    const fh = f.nodes.fh;
    expect(fh.inRecordsPerSec).toBe(10);
    expect(fh.outRecordsPerSec).toBe(0);
    expect(fh.activity?.lastOut?.records).toBe(600);
    expect(fh.activity?.lastOut?.atMs).toBe(121_000);
    expect(fh.activity?.avgInRecordsPerSec).toBe(10);
    // The producer is steady: its last output is the second that just closed.
    expect(f.nodes.p.outRecordsPerSec).toBe(10);
    expect(f.nodes.p.activity?.lastOut?.atMs).toBe(128_000);
  });

  it('a node nothing reached has no activity in the frame (its numbers stay the same every second)', () => {
    const doc = design(
      [plainProducer('p', 10, 200), node('s', 'stream', { shardCount: 1 }), node('q', 'stream')],
      [['p', 's']],
    );
    const f = watched(doc, 5).frame();
    expect(f.nodes.q.activity).toBeUndefined();
    expect(f.nodes.s.activity?.windowSec).toBe(5);
  });

  it('is metered from the first frame on: first watched at 30 s, the average at 34 s covers 4 s', () => {
    const sim = new EngineSimulation(windowDesign(), { seed: 1 });
    sim.advanceSync(30_000);
    expect(sim.frame().nodes.a.activity).toBeUndefined();
    sim.advanceSync(34_000);
    const a = sim.frame().nodes.a.activity;
    expect(a?.windowSec).toBe(4);
    // The emission at 31 s is seen; the ones at 11 s and 21 s were before anyone watched.
    expect(a?.lastOut).toEqual({ atMs: 31_000, records: 10, bytes: 266 });
    expect(a?.avgOutRecordsPerSec).toBe(2.5);
  });

  it('asking for frames every second does not change the run report (byte-identical JSON)', async () => {
    const quiet = new EngineSimulation(firehoseDesign(), { seed: 7 });
    await quiet.advance(90_000);
    const observed = new EngineSimulation(firehoseDesign(), { seed: 7 });
    for (let t = 1000; t <= 90_000; t += 1000) {
      await observed.advance(t);
      observed.frame();
    }
    expect(JSON.stringify(observed.report())).toBe(JSON.stringify(quiet.report()));
  });
});

describe('edges between bursts', () => {
  it('Firehose → S3 between 60 s flushes: 0 rec/s, last 600 rec of 200 bytes at 121 s; the steady producer edge has no last', async () => {
    // Firehose writes objects straight into S3 (not through the edge): the edge reads S3's input.
    const sim = new EngineSimulation(firehoseDesign(), { seed: 1 });
    sim.frame();
    await sim.advance(128_000);
    const f = sim.frame();
    expect(f.edges.e2).toEqual({
      recordsPerSec: 0,
      bytesPerSec: 0,
      throttledPerSec: 0,
      lastActive: { atMs: 121_000, records: 600, bytes: 600 * 200 },
    });
    expect(f.edges.e1).toEqual({ recordsPerSec: 10, bytesPerSec: 2000, throttledPerSec: 0 });
    // A second later the same last active second, so the packed numbers are equal.
    await sim.advance(129_000);
    expect(sim.frame().edges.e2.lastActive).toEqual(f.edges.e2.lastActive);
    // In the flushing second itself the edge reads its rate, with no last.
    await sim.advance(181_000);
    expect(sim.frame().edges.e2).toEqual({ recordsPerSec: 600, bytesPerSec: 120_000, throttledPerSec: 0 });
  });

  it('an Analytics output between 10 s windows: 0 rec/s, last 10 rows at 61 s; the stream it reads from stays steady', () => {
    const sim = new EngineSimulation(windowDesign(), { seed: 1 });
    // Stream → consumer edges are measured between frames: ask every second, as the studio does.
    for (let t = 0; t <= 64_000; t += 1000) {
      sim.advanceSync(t);
      sim.frame();
    }
    const f = sim.frame();
    expect(f.edges.e3.recordsPerSec).toBe(0);
    // 10 result rows of JSON, 266 bytes, in the second the window closing at 60 s was emitted.
    expect(f.edges.e3.lastActive).toEqual({ atMs: 61_000, records: 10, bytes: 266 });
    expect(f.edges.e2.recordsPerSec).toBe(100);
    expect(f.edges.e2.lastActive).toBeUndefined();
  });

  it('a stream → consumer edge read in bursts (100 rec for 1 s every 10 s) remembers its last read', () => {
    const doc = design(
      [
        plainProducer('p', 0, 100, {
          rate: { type: 'burst', basePerSec: 0, burstPerSec: 100, burstSec: 1, everySec: 10 },
        }),
        node('s', 'stream', { shardCount: 1 }),
        node('a', 'analytics', {}),
      ],
      [
        ['p', 's'],
        ['s', 'a'],
      ],
    );
    const sim = new EngineSimulation(doc, { seed: 1 });
    const at = new Map<number, LiveFrame['edges'][string]>();
    // Frames every simulated second, as the studio asks for them.
    for (let t = 0; t <= 25_000; t += 1000) {
      sim.advanceSync(t);
      at.set(t / 1000, sim.frame().edges.e2);
    }
    // The burst is read over the seconds ending at 1 s (10 rec) and 2 s (90 rec).
    expect(at.get(2)?.recordsPerSec).toBe(90);
    expect(at.get(2)?.lastActive).toBeUndefined();
    for (const sec of [3, 6, 10]) {
      expect(at.get(sec)?.recordsPerSec).toBe(0);
      // 90 records of 100 bytes, plus their partition keys (read bytes count the key, as Kinesis does).
      expect(at.get(sec)?.lastActive).toEqual({ atMs: 2_000, records: 90, bytes: 9_895 });
    }
    // The next burst replaces it.
    expect(at.get(25)?.lastActive?.atMs).toBe(22_000);
  });
});

describe('ActivityMeter', () => {
  it('averages over the last 60 s once the run is longer: a burst 61 s ago drops out of the mean', () => {
    const m = new ActivityMeter();
    m.record(1000, 0, 0, 600, 6000);
    for (let s = 2; s <= 61; s++) m.record(s * 1000, 0, 0, 0, 0);
    const a = m.snapshot();
    expect(a?.windowSec).toBe(60);
    expect(a?.avgOutRecordsPerSec).toBe(0);
    // Still remembered as the last output, however old.
    expect(a?.lastOut).toEqual({ atMs: 1000, records: 600, bytes: 6000 });
  });

  it('keeps the last active second, not the last second', () => {
    const m = new ActivityMeter();
    m.record(1000, 5, 50, 0, 0);
    m.record(2000, 7, 70, 0, 0);
    m.record(3000, 0, 0, 0, 0);
    const a = m.snapshot();
    expect(a?.lastIn).toEqual({ atMs: 2000, records: 7, bytes: 70 });
    expect(a?.avgInRecordsPerSec).toBe(4);
    expect(a?.avgInBytesPerSec).toBe(40);
  });
});
