/**
 * The studio's sweep pool over MessageChannels (the real worker API and engine on the other end),
 * checked against `npx shardscape plan --json` for the hot-key example: same runs, same
 * recommendation.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { SweepRun } from '../engine/plan/sweep.ts';
import { gridPoints, recommendSweep, type SweepSpec } from '../engine/plan/sweep-grid.ts';
import type { PipelineDoc } from '../model/types.ts';
import type { SpawnedWorker } from './engineClient.ts';
import { poolSize, runSweep } from './sweep-pool.ts';
import { sweepWorkerApi } from './sweep-worker-api.ts';

const bin = new URL('../../bin/shardscape.mjs', import.meta.url).pathname;
const example = new URL('../../examples/hot-key.json', import.meta.url).pathname;

function channels() {
  const spawned: { terminated: boolean }[] = [];
  const spawn = (): SpawnedWorker => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(sweepWorkerApi, port1 as unknown as Comlink.Endpoint);
    const rec = { terminated: false };
    spawned.push(rec);
    return {
      endpoint: port2 as unknown as Comlink.Endpoint,
      terminate: () => {
        rec.terminated = true;
        port1.close();
        port2.close();
      },
    };
  };
  return { spawn, spawned };
}

describe('sweep pool', () => {
  it('sizes the pool as min(cores − 1, points, 4), at least 1', () => {
    expect(poolSize(16, 2)).toBe(1);
    expect(poolSize(16, 8)).toBe(4);
    expect(poolSize(3, 16)).toBe(3);
    expect(poolSize(16, 1)).toBe(1);
  });

  it('hot-key shards 1..16 give the numbers and the recommendation the CLI gives', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8')) as PipelineDoc;
    const spec: SweepSpec = {
      axes: [{ nodeId: 'telemetry', field: 'shardCount', values: [...Array(16)].map((_, i) => i + 1) }],
      durationSec: 20,
      headroom: 0.8,
    };
    const points = gridPoints(spec.axes);
    const runs: SweepRun[] = new Array(points.length);
    const arrived: number[] = [];
    const { spawn, spawned } = channels();
    const job = runSweep(doc, points, {
      durationSec: spec.durationSec,
      size: 2,
      spawn,
      onResult: (i, r) => {
        runs[i] = r;
        arrived.push(i);
      },
    });
    expect(await job.done).toBe('finished');
    expect(arrived.sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
    expect(spawned.every((s) => s.terminated)).toBe(true);
    const rec = recommendSweep(doc, spec, points, runs);

    const cli = JSON.parse(
      execFileSync(
        'node',
        [bin, 'plan', example, '--stream', 'telemetry', '--shards', '1..16', '--duration', '20s', '--json'],
        { encoding: 'utf8' },
      ),
    );
    expect(runs.map(({ value, ...r }) => ({ shards: value, ...r }))).toEqual(cli.runs);
    expect(rec?.values[0]).toBe(cli.recommendation.shards);
    expect(rec?.reason.en).toBe(cli.recommendation.reason);
    expect(rec?.hotKeys).toEqual(['device-0001']);
    // One shard: the hot key's ~1,400 rec/s shard and the rest share 1,000 rec/s.
    expect(runs[0].throttledRecords).toBeGreaterThan(runs[15].throttledRecords);
    expect(runs[15].throttledRecords).toBeGreaterThan(0); // device-0001 alone is 1,200 rec/s
  }, 240_000);

  it('cancel terminates every worker and reports no more points', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8')) as PipelineDoc;
    const points = gridPoints([{ nodeId: 'telemetry', field: 'shardCount', values: [1, 2, 3, 4, 5, 6] }]);
    const { spawn, spawned } = channels();
    const got: number[] = [];
    const job = runSweep(doc, points, {
      durationSec: 10,
      size: 2,
      spawn,
      onResult: (i) => {
        got.push(i);
        if (got.length === 1) job.cancel();
      },
    });
    expect(await job.done).toBe('cancelled');
    expect(got).toHaveLength(1);
    expect(spawned).toHaveLength(2);
    expect(spawned.every((s) => s.terminated)).toBe(true);
  }, 60_000);
});
