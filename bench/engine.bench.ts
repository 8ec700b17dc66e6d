/**
 * Engine workloads (`npm run bench`), one JSON line each:
 * 1. stream stage: producer → 64-shard stream (record model), records per wall second;
 * 2. reference pipeline: producer → 64-shard stream → Lambda → Firehose → S3;
 * 3. metering: 100M rec/s over 100,000 shards (fluid model), simulated seconds per wall second;
 * 4. one hour of simulated time on the clickstream template: wall time and peak memory.
 * Each line carries peak RSS / heap (MiB, sampled every simulated second) and, for 1–2, the ratio
 * to a minimal loop in this process that only routes the same number of records to shards (cached
 * key → shard table) and counts them. CPU seconds are printed too: on a shared machine wall time
 * includes other processes' turns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineSimulation } from '../src/engine/simulation.ts';
import { design, meteringDesign, node, plainProducer } from '../src/engine/testing.ts';
import { parseDocument } from '../src/export/document.ts';
import type { PipelineDoc } from '../src/model/types.ts';

type Print = (obj: object) => void;

const MiB = 1024 * 1024;

class Meter {
  private t0 = performance.now();
  private c0 = process.cpuUsage();
  peakRss = 0;
  peakHeap = 0;
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.peakRss) this.peakRss = m.rss;
    if (m.heapUsed > this.peakHeap) this.peakHeap = m.heapUsed;
  }
  get wallSec(): number {
    return (performance.now() - this.t0) / 1000;
  }
  get cpuSec(): number {
    const c = process.cpuUsage(this.c0);
    return (c.user + c.system) / 1e6;
  }
  figures(): object {
    return {
      wallSec: round(this.wallSec, 3),
      cpuSec: round(this.cpuSec, 3),
      peakRssMiB: round(this.peakRss / MiB, 1),
      peakHeapMiB: round(this.peakHeap / MiB, 1),
    };
  }
}

function round(v: number, d = 0): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

/** The minimal loop: pick a key from a pool, route it through a cached table, count per shard. */
function minimalLoop(records: number): number {
  const keys = 4096;
  const shardOfKey = new Int32Array(keys);
  for (let k = 0; k < keys; k++) shardOfKey[k] = (k * 2654435761) % 64;
  const counts = new Float64Array(64);
  let x = 123456789;
  const t0 = performance.now();
  for (let i = 0; i < records; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    counts[shardOfKey[(x >>> 0) & (keys - 1)]]++;
  }
  const sec = (performance.now() - t0) / 1000;
  let sum = 0;
  for (let i = 0; i < 64; i++) sum += counts[i];
  if (sum !== records) throw new Error('minimal loop lost records');
  return records / sec;
}

async function runFor(
  doc: PipelineDoc,
  seconds: number,
  meter: Meter,
  async = false,
): Promise<EngineSimulation> {
  const sim = new EngineSimulation(doc, { seed: 1 });
  for (let s = 1; s <= seconds; s++) {
    if (async) await sim.advance(s * 1000);
    else sim.advanceSync(s * 1000);
    meter.sample();
  }
  return sim;
}

function counter(sim: EngineSimulation, nodeId: string, name: string): number {
  return sim.runtimes.get(nodeId)?.counters()[name] ?? 0;
}

async function streamStage(print: Print): Promise<void> {
  // 50,000 rec/s of 100 B records with random keys: under the 64 shards' 64,000 rec/s.
  const doc = design(
    [plainProducer('p', 50_000, 100), node('s', 'stream', { shardCount: 64 })],
    [['p', 's']],
  );
  const seconds = 200;
  const meter = new Meter();
  const sim = await runFor(doc, seconds, meter);
  const records = counter(sim, 'p', 'attempted');
  const perSec = records / meter.wallSec;
  const minimal = minimalLoop(records);
  print({
    workload: 'stream stage: producer → 64-shard stream',
    simulatedSec: seconds,
    records,
    accepted: counter(sim, 's', 'accepted'),
    recordsPerWallSec: round(perSec),
    recordsPerCpuSec: round(records / meter.cpuSec),
    targetRecordsPerSec: 10_000_000,
    minimalLoopRecordsPerSec: round(minimal),
    ratioToMinimalLoop: round(perSec / minimal, 4),
    ...meter.figures(),
  });
}

async function referencePipeline(print: Print): Promise<void> {
  const doc = design(
    [
      plainProducer('p', 50_000, 100),
      node('s', 'stream', { shardCount: 64 }),
      node('l', 'lambda', {
        esm: { ...(node('x', 'lambda').config as { esm: object }).esm, batchSize: 1000 },
      } as never),
      node('f', 'firehose', { source: 'directPut' } as never),
      node('b', 's3', {}),
    ],
    [
      ['p', 's'],
      ['s', 'l'],
      ['l', 'f'],
      ['f', 'b'],
    ],
  );
  const seconds = 60;
  const meter = new Meter();
  const sim = await runFor(doc, seconds, meter, true);
  const records = counter(sim, 'p', 'attempted');
  const perSec = records / meter.wallSec;
  const minimal = minimalLoop(records);
  const report = sim.report();
  const s3 = report.nodes.find((n) => n.id === 'b')?.destination;
  print({
    workload: 'reference pipeline: producer → 64-shard stream → Lambda → Firehose → S3',
    simulatedSec: seconds,
    records,
    s3Objects: s3?.kind === 's3' ? s3.totalObjects : 0,
    s3Records: s3?.kind === 's3' ? s3.totalRecords : 0,
    conservationOk: report.conservation.ok,
    recordsPerWallSec: round(perSec),
    recordsPerCpuSec: round(records / meter.cpuSec),
    targetRecordsPerSec: 5_000_000,
    minimalLoopRecordsPerSec: round(minimal),
    ratioToMinimalLoop: round(perSec / minimal, 4),
    ...meter.figures(),
  });
}

async function metering(print: Print): Promise<void> {
  const meter = new Meter();
  const seconds = 30;
  const sim = await runFor(meteringDesign(), seconds, meter);
  let accepted = 0;
  for (let s = 0; s < 10; s++) accepted += counter(sim, `s${s}`, 'accepted');
  print({
    workload: 'metering: 100M rec/s over 100,000 shards (10 streams × 10,000 shards, fluid model)',
    simulatedSec: seconds,
    acceptedRecords: round(accepted),
    simulatedSecPerWallSec: round(seconds / meter.wallSec, 2),
    simulatedSecPerCpuSec: round(seconds / meter.cpuSec, 2),
    targetSimulatedSecPerWallSec: 10,
    ...meter.figures(),
  });
}

async function clickstreamHour(print: Print): Promise<void> {
  const parsed = parseDocument(
    readFileSync(join(import.meta.dirname, '..', 'examples', 'clickstream.json'), 'utf8'),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const meter = new Meter();
  const sim = await runFor(parsed.doc, 3600, meter, true);
  const report = sim.report();
  print({
    workload: 'clickstream template, one simulated hour',
    simulatedSec: 3600,
    resolutionSec: report.resolutionSec,
    reportBytes: JSON.stringify(report).length,
    conservationOk: report.conservation.ok,
    costUsd: report.cost.totalUsd,
    ...meter.figures(),
  });
}

export async function run(print: Print): Promise<void> {
  await streamStage(print);
  await referencePipeline(print);
  await metering(print);
  await clickstreamHour(print);
}
