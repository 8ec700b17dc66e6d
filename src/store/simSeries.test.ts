import { describe, expect, it } from 'vitest';
import { BucketSeries } from './simSeries.ts';

describe('bounded chart series', () => {
  it('an hour-long run at one point per simulated second stays within 1,000 points and keeps its spike', () => {
    const s = new BucketSeries();
    for (let sec = 0; sec < 3_600; sec++) {
      // 1,000 rec/s all hour, except 1,500 rec/s (throttling) during second 1,234 only.
      s.push(sec * 1_000, { IncomingRecords: sec === 1_234 ? 1_500 : 1_000 });
    }
    expect(s.length).toBeLessThanOrEqual(1_000);
    expect(s.length).toBeGreaterThan(400);
    expect(s.bucketMs).toBe(4_000);
    const values = s.columns.get('IncomingRecords') ?? [];
    expect(Math.max(...(values as number[]))).toBe(1_500);
    expect(values.filter((v) => v === 1_500)).toHaveLength(1);
    // The spike is in the bucket covering second 1,234.
    const at = values.indexOf(1_500);
    expect(s.t[at]).toBeLessThanOrEqual(1_234_000);
    expect(s.t[at] + s.bucketMs).toBeGreaterThan(1_234_000);
  });

  it('frames shown several times per simulated second fold into one point holding the maximum', () => {
    const s = new BucketSeries();
    s.push(1_000, { x: 3 });
    s.push(1_250, { x: 9 });
    s.push(1_500, { x: 4 });
    s.push(2_000, { x: 1 });
    expect(s.rows(['x'])).toEqual([
      { t: 1, x: 9 },
      { t: 2, x: 1 },
    ]);
  });

  it('a shard appearing mid-run (reshard) has gaps before it existed; CSV leaves them empty', () => {
    const s = new BucketSeries();
    s.push(0, { 'shardId-000000000000': 1.5 });
    s.push(1_000, { 'shardId-000000000000': 0.75, 'shardId-000000000001': 0.75 });
    expect(s.rows(['shardId-000000000001'])).toEqual([
      { t: 0, 'shardId-000000000001': null },
      { t: 1, 'shardId-000000000001': 0.75 },
    ]);
    expect(s.toCsv()).toBe('t_sec,shardId-000000000000,shardId-000000000001\n0,1.5,\n1,0.75,0.75\n');
  });

  it('rows for a chart thin 1,000 points to at most 250, keeping a one-point spike and gaps', () => {
    const s = new BucketSeries();
    for (let sec = 0; sec < 1_000; sec++)
      s.push(sec * 1_000, sec < 10 ? {} : { x: sec === 777 ? 1_500 : 1_000 });
    const rows = s.rows(['x'], 250);
    expect(rows).toHaveLength(250);
    expect(rows[0]).toEqual({ t: 0, x: null });
    expect(rows.filter((r) => r.x === 1_500)).toEqual([{ t: 776, x: 1_500 }]);
    expect(rows.at(-1)).toEqual({ t: 996, x: 1_000 });
    // Under the limit nothing changes.
    expect(s.rows(['x'], 1_000)).toHaveLength(1_000);
  });

  it("aligned (the canvas chart's column-wise data) holds the very points rows gives, spike and gaps kept", () => {
    const s = new BucketSeries();
    for (let sec = 0; sec < 1_000; sec++)
      s.push(sec * 1_000, sec < 10 ? {} : { x: sec === 777 ? 1_500 : 1_000 });
    const [t, x] = s.aligned(['x'], 250);
    const rows = s.rows(['x'], 250);
    expect(t).toEqual(rows.map((r) => r.t));
    expect(x).toEqual(rows.map((r) => r.x));
    expect(x.filter((v) => v === 1_500)).toHaveLength(1);
    expect(x[0]).toBeNull();
  });
});
