/**
 * The comlink layer end to end over a MessageChannel (as comlink's own same-window tests do):
 * the real worker API and client, a fake simulation instead of the engine.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateSimulation } from '../engine/api.ts';
import { DesignError } from '../engine/api.ts';
import type { PipelineDoc } from '../model/types.ts';
import { EngineClient, type SpawnedWorker, WatchdogError } from './engineClient.ts';
import { createEngineHost } from './engineHost.ts';
import { type FakeOptions, fakeSimulation } from './testing/fakeSimulation.ts';
import { workerApi } from './workerApi.ts';

const doc = { name: 'fake', nodes: [], edges: [], timeline: [] } as unknown as PipelineDoc;
const clients: EngineClient[] = [];

function channelSpawner(create: CreateSimulation) {
  const spawned: { terminated: boolean }[] = [];
  const spawn = (): SpawnedWorker => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(workerApi(createEngineHost(create)), port1 as unknown as Comlink.Endpoint);
    const record = { terminated: false };
    spawned.push(record);
    return {
      endpoint: port2 as unknown as Comlink.Endpoint,
      terminate: () => {
        record.terminated = true;
        port1.close();
        port2.close();
      },
    };
  };
  return { spawn, spawned };
}

function client(opts: FakeOptions, watchdogMs = 2_000) {
  const { spawn, spawned } = channelSpawner(() => fakeSimulation(opts));
  const c = new EngineClient({ spawn, watchdogMs });
  clients.push(c);
  return { c, spawned };
}

afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

describe('engine client over comlink', () => {
  it('loads, advances 5 simulated seconds and unpacks the frame: 1,500 rec/s into one shard throttles 500/s', async () => {
    const { c } = client({ ratePerSec: 1_500, shards: 1 });
    const loaded = await c.load(doc, 42, 'current');
    expect(loaded.ok).toBe(true);
    const frame = await c.advance(5_000);
    expect(frame.simMs).toBe(5_000);
    expect(frame.nodes.stream.shards?.[0].incomingRecordsPerSec).toBe(1_000);
    expect(frame.nodes.stream.shards?.[0].writeThrottledPerSec).toBe(500);
    expect(frame.nodes.producer.counters).toEqual({ attempted: 7_500, accepted: 5_000, throttled: 2_500 });
  });

  it('applies a live reshard and the next frame has the new shards and a marker', async () => {
    const { c } = client({ ratePerSec: 1_500, shards: 2 });
    await c.load(doc, 1, 'current');
    await c.advance(3_000);
    expect(await c.applyEdit({ type: 'shardCount', nodeId: 'stream', shardCount: 4 })).toEqual({
      applied: true,
    });
    const frame = await c.advance(4_000);
    expect(frame.nodes.stream.shards).toHaveLength(4);
    expect(frame.markers.map((m) => m.type)).toEqual(['reshard']);
    // A refused edit comes back with AWS's reason.
    const refused = await c.applyEdit({ type: 'shardCount', nodeId: 'stream', shardCount: 20 });
    expect(refused.applied).toBe(false);
  });

  it('returns the problems of a design with errors instead of running it', async () => {
    const problem = {
      severity: 'error' as const,
      code: 'missing-connection',
      message: 'Stream has no producer',
    };
    const { spawn } = channelSpawner(() => {
      throw new DesignError([problem]);
    });
    const c = new EngineClient({ spawn });
    clients.push(c);
    const loaded = await c.load(doc, 1, 'current');
    expect(loaded).toMatchObject({ ok: false, problems: [problem] });
  });

  it('S3 listings leave bodies in the worker; opening an object brings its bytes', async () => {
    const { c } = client({ ratePerSec: 10, shards: 1 });
    await c.load(doc, 1, 'current');
    const listing = await c.destination('s3');
    expect(listing?.kind).toBe('s3');
    if (listing?.kind !== 's3') return;
    expect(listing.objects[0].body).toBeUndefined();
    const object = await c.s3Object('s3', listing.objects[0].key);
    expect(new TextDecoder().decode(object?.body)).toBe('{"a":1}\n{"a":2}\n');
  });

  it('terminates and restarts a worker stuck in user code after the watchdog delay', async () => {
    const { c, spawned } = client({ ratePerSec: 100, shards: 1, hangAfterMs: 2_000 }, 300);
    await c.load(doc, 1, 'current');
    await c.advance(1_000);
    const started = Date.now();
    await expect(c.advance(3_000)).rejects.toBeInstanceOf(WatchdogError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(spawned.map((s) => s.terminated)).toEqual([true, false]);
    // The fresh worker is usable once the design is loaded again.
    await c.load(doc, 1, 'current');
    expect((await c.advance(1_000)).simMs).toBe(1_000);
  });
});
