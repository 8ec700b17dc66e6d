import { describe, expect, it } from 'vitest';
import { MetricStore } from './metrics.ts';
import { SecondLog } from './second-log.ts';
import { design, node, plainProducer, runFor } from './testing.ts';

/** Rows of a CSV without its header, split into cells. */
function rows(csv: string): string[][] {
  return csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

describe('the Metrics CSV has one row per simulated second (engine/second-log.ts)', () => {
  it('1,500 rec/s into one shard, frames 37.3 s apart (max speed): 300 rows, t_sec 1..300, each 1,000 in and 500+ refused', async () => {
    const doc = design([plainProducer('p', 1500, 100), node('s', 'stream', { shardCount: 1 })], [['p', 's']]);
    const sim = runFor(doc, 0);
    sim.frame(); // the studio's first frame, at 0 s, switches the log on
    // The run loop at max speed asks for big chunks; the studio sees a frame only at their ends.
    while (sim.nowMs < 300_000) {
      await sim.advance(Math.min(300_000, sim.nowMs + 37_300));
      sim.frame();
    }
    const csv = sim.metricsCsv('s');
    const head = csv.split('\n')[0].split(',');
    const r = rows(csv);
    expect(r).toHaveLength(300);
    expect(r.map((c) => Number(c[0]))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const inCol = head.indexOf('IncomingRecords');
    const thrCol = head.indexOf('WriteProvisionedThroughputExceeded');
    // From the 2nd second on the producer's retries add to the 500 rec/s over the limit.
    for (const c of r.slice(1)) {
      expect(Number(c[inCol])).toBe(1000);
      expect(Number(c[thrCol])).toBeGreaterThanOrEqual(500);
    }
    // The per-shard columns are there too, and sum to the stream's.
    const shardIn = head.findIndex((h) => h.endsWith(' IncomingRecords'));
    expect(head[shardIn]).toBe('shardId-000000000000 IncomingRecords');
    expect(r.every((c) => c[shardIn] === c[inCol])).toBe(true);
    // The rows add up to the report's total, which is kept apart from the log.
    const total = r.reduce((a, c) => a + Number(c[inCol]), 0);
    expect(total).toBe(sim.report().nodes.find((n) => n.id === 's')?.metrics.IncomingRecords.sum);
  });

  it('past 900 s the report halves its chart resolution, the CSV keeps every second: 2,000 s → 2,000 rows', () => {
    const doc = design([plainProducer('p', 10, 100), node('s', 'stream', { shardCount: 1 })], [['p', 's']]);
    const sim = runFor(doc, 0);
    sim.frame();
    sim.advanceSync(2_000_000);
    const report = sim.report();
    expect(report.resolutionSec).toBe(4);
    const r = rows(sim.metricsCsv('s'));
    expect(r).toHaveLength(2000);
    expect(r[1999][0]).toBe('2000');
  });

  it('a headless run that never asks for a frame keeps no log (header only)', () => {
    const doc = design([plainProducer('p', 10, 100), node('s', 'stream', { shardCount: 1 })], [['p', 's']]);
    const sim = runFor(doc, 30);
    expect(rows(sim.metricsCsv('s'))).toHaveLength(0);
  });

  it('a ring: with 1,000 metrics in a 2M-value budget it keeps the newest 2,000 s, without gaps', () => {
    const log = new SecondLog(2_000_000);
    const values = new Float64Array(1000);
    for (let s = 0; s < 5000; s++) {
      values.fill(s);
      log.record(values, 1000, () => true);
    }
    // 2M values ÷ 1,000 metrics: 2,000 s.
    expect(log.capacitySec).toBe(2000);
    expect(log.first).toBe(5000 - 2000);
    for (let s = log.first; s < log.seconds; s++) expect(log.value(999, s)).toBe(s);
  });

  it('metrics registered mid-run (a new shard) join the CSV with their own seconds', () => {
    const m = new MetricStore();
    m.keepSeconds();
    const a = m.register('n', 'IncomingRecords');
    for (let s = 0; s < 5; s++) {
      m.add(a, 7);
      m.rollSecond();
    }
    const b = m.register('n', 'IncomingRecords', 'sum', 'shardId-000000000002');
    m.add(b, 3);
    m.rollSecond();
    expect(m.secondsCsv('n')).toBe(
      't_sec,IncomingRecords,shardId-000000000002 IncomingRecords\n1,7,0\n2,7,0\n3,7,0\n4,7,0\n5,7,0\n6,0,3\n',
    );
  });
});
