import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parsePlanArgs } from './plan.ts';

const bin = new URL('../../bin/shardscape.mjs', import.meta.url).pathname;
const example = new URL('../../examples/hot-key.json', import.meta.url).pathname;

describe('shardscape plan', () => {
  it('parses the contract flags and refuses bad ranges with a clear message', () => {
    const a = parsePlanArgs(['d.json', '--stream', 's', '--shards', '1..4', '--headroom', '0.7', '--json']);
    expect(a).toMatchObject({
      nodeId: 's',
      field: 'shardCount',
      values: [1, 2, 3, 4],
      headroom: 0.7,
      json: true,
    });
    expect(parsePlanArgs(['d.json', '--vary', 'p.rate.recordsPerSec=1000..2000:500'])).toMatchObject({
      nodeId: 'p',
      field: 'rate.recordsPerSec',
      values: [1000, 1500, 2000],
    });
    expect(parsePlanArgs(['d.json', '--stream', 's', '--shards', '4..1'])).toContain('--shards expects');
    expect(parsePlanArgs(['d.json', '--shards', '1..4'])).toContain('needs --stream');
  });

  it('sweeps the hot-key stream in worker threads and prints one JSON object naming the hot key', () => {
    const out = execFileSync(
      'node',
      [bin, 'plan', example, '--stream', 'telemetry', '--shards', '2..5', '--duration', '30s', '--json'],
      { encoding: 'utf8' },
    );
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]);
    expect(r.stream).toBe('telemetry');
    expect(r.runs.map((x: { shards: number }) => x.shards)).toEqual([2, 3, 4, 5]);
    for (const run of r.runs) {
      expect(run.throttledRecords).toBeGreaterThan(0); // device-0001 alone is 1,200 rec/s
      expect(typeof run.droppedRecords).toBe('number');
      expect(typeof run.maxIteratorAgeMs).toBe('number');
      expect(run.costPerMonthUsd).toBeGreaterThan(0);
    }
    expect(r.recommendation.hotKeys).toEqual(['device-0001']);
    expect(r.recommendation.reason).toContain('No shard count fixes');
  }, 120_000);

  it('adds the Lambda and Firehose sizing answers (slow lambda: factor 7, concurrency 14) without touching the contract fields', () => {
    const slow = new URL('../../examples/slow-lambda.json', import.meta.url).pathname;
    const out = execFileSync(
      'node',
      [bin, 'plan', slow, '--stream', 'orders', '--shards', '2..2', '--duration', '10s', '--json'],
      { encoding: 'utf8' },
    );
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(['stream', 'runs', 'recommendation', 'sizing']);
    expect(Object.keys(r.recommendation)).toEqual(['shards', 'reason', 'hotKeys']);
    expect(r.recommendation.shards).toBe(2); // 500 rec/s ÷ (1,000 × 80 %) = 0.6, the sweep's smallest is 2
    expect(r.sizing.lambdas).toEqual([
      expect.objectContaining({
        id: 'enricher',
        shards: 2,
        parallelizationFactor: 7,
        concurrency: 14,
        keepsUp: true,
      }),
    ]);
    expect(r.sizing.lambdas[0].reason).toContain('250 records/s');
    expect(r.sizing.firehoses).toEqual([]);
    expect(parsePlanArgs(['d.json', '--stream', 's', '--shards', '1..2', '--object-size', '200'])).toContain(
      '--object-size expects',
    );
  }, 120_000);
});
