/**
 * The run controller against the real engine client over a MessageChannel, a fake simulation
 * (src/worker/testing) instead of the engine, and a hand-cranked animation-frame clock.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { applyChanges } from '../model/changes.ts';
import { createNode, emptyDocument } from '../model/factory.ts';
import type { Diagnostic, PipelineDoc } from '../model/types.ts';
import { EngineClient } from '../worker/engineClient.ts';
import { createEngineHost } from '../worker/engineHost.ts';
import { fakeSimulation } from '../worker/testing/fakeSimulation.ts';
import { workerApi } from '../worker/workerApi.ts';
import type { MetricsByKind } from './simMetrics.ts';
import { createSimController, type StudioLike } from './simRun.ts';
import { SeriesBook } from './simSeries.ts';
import { createSimStore } from './simStore.ts';

/** The figures recorded for a stream (the studio passes every kind's list from src/ui/kinds). */
const METRICS: MetricsByKind = {
  stream: [
    {
      name: 'WriteProvisionedThroughputExceeded',
      unit: 'rec/s',
      group: 'throttle',
      get: (n) => n.throttledPerSec,
    },
  ],
};

function design(): PipelineDoc {
  const base = emptyDocument('hot');
  const producer = createNode('producer', { id: 'producer', position: { x: 0, y: 0 }, existingNames: [] });
  const stream = createNode('stream', { id: 'stream', position: { x: 200, y: 0 }, existingNames: [] });
  return {
    ...base,
    nodes: [producer, stream],
    edges: [{ id: 'e1', source: 'producer', target: 'stream', config: {} }],
  };
}

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers.splice(0)) d();
});

function setup(diagnostics: Diagnostic[] = []) {
  let wall = 0;
  let callbacks: (() => void)[] = [];
  const tabs: string[] = [];
  const studio = createStore<StudioLike>()(() => ({
    doc: design(),
    diagnostics,
    setBottomTab: (id: string) => tabs.push(id),
  }));
  const sim = createSimStore();
  const series = new SeriesBook();
  const controller = createSimController({
    sim,
    series,
    metrics: METRICS,
    studio,
    createClient: (onRestart) =>
      new EngineClient({
        onRestart,
        spawn: () => {
          const { port1, port2 } = new MessageChannel();
          const create = () => fakeSimulation({ ratePerSec: 1_500, shards: 1, hot: true });
          Comlink.expose(workerApi(createEngineHost(create)), port1 as unknown as Comlink.Endpoint);
          return { endpoint: port2 as unknown as Comlink.Endpoint, terminate: () => port1.close() };
        },
      }),
    loop: {
      now: () => wall,
      raf: (cb) => callbacks.push(cb),
      cancelRaf: () => {
        callbacks = [];
      },
    },
  });
  disposers.push(() => controller.dispose());
  /** One animation frame of `ms` wall ms, then time for the MessageChannel round trip. */
  async function frames(count: number, ms = 100) {
    for (let i = 0; i < count; i++) {
      wall += ms;
      const cbs = callbacks;
      callbacks = [];
      for (const cb of cbs) cb();
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return { studio, sim, series, controller, frames, tabs };
}

describe('run controller', () => {
  it('a design with errors does not start: the Problems tab opens and says why', async () => {
    const problem: Diagnostic = {
      severity: 'error',
      code: 'missing-connection',
      message: 'S3 has no input',
      nodeId: 's3',
    };
    const t = setup([problem]);
    await t.controller.run();
    expect(t.sim.getState().status).toBe('idle');
    expect(t.sim.getState().error).toMatchObject({ kind: 'design', problems: [problem] });
    expect(t.tabs).toEqual(['problems']);
  });

  it('at 10× ten animation frames of 100 ms run one simulated second of traffic per frame', async () => {
    const t = setup();
    t.controller.setSpeed(10);
    await t.controller.run();
    expect(t.sim.getState().status).toBe('running');
    await t.frames(10);
    const { simMs, frame } = t.sim.getState();
    expect(simMs).toBeGreaterThanOrEqual(8_000);
    expect(frame?.nodes.stream.shards?.[0].writeThrottledPerSec).toBe(500);
    expect(t.series.get('stream')?.columns.get('WriteProvisionedThroughputExceeded')?.at(-1)).toBe(500);
    expect(t.series.get('stream#shards')?.columns.get('shardId-000000000000')?.at(-1)).toBe(150);
  });

  it('pause stops the clock; step adds exactly one simulated second', async () => {
    const t = setup();
    t.controller.setSpeed(10);
    await t.controller.run();
    await t.frames(3);
    t.controller.pause();
    await t.frames(1);
    const paused = t.sim.getState().simMs;
    await t.frames(5);
    expect(t.sim.getState().simMs).toBe(paused);
    await t.controller.step();
    expect(t.sim.getState().simMs).toBe(paused + 1_000);
    expect(t.sim.getState().status).toBe('paused');
  });

  it('raising the shard count while running reshards live (marker) and adding a node asks to restart', async () => {
    const t = setup();
    t.controller.setSpeed(10);
    await t.controller.run();
    await t.frames(2);
    const doc = t.studio.getState().doc;
    const stream = doc.nodes[1];
    if (stream.kind !== 'stream') throw new Error('stream expected');
    t.studio.setState({
      doc: applyChanges(doc, [
        { type: 'node/config', id: 'stream', config: { ...stream.config, shardCount: 2 } },
      ]),
    });
    await t.frames(3);
    const frame = t.sim.getState().frame;
    expect(frame?.markers.map((m) => m.type)).toEqual(['reshard']);
    expect(frame?.nodes.stream.shards).toHaveLength(2);
    expect(t.sim.getState().restartPromptOpen).toBe(false);

    const s3 = createNode('s3', { id: 's3', position: { x: 0, y: 0 }, existingNames: [] });
    t.studio.setState({ doc: applyChanges(t.studio.getState().doc, [{ type: 'node/add', node: s3 }]) });
    expect(t.sim.getState()).toMatchObject({ restartNeeded: true, restartPromptOpen: true });
  });

  it('reset returns to idle at 00:00:00 with empty charts', async () => {
    const t = setup();
    await t.controller.step();
    expect(t.sim.getState().simMs).toBe(1_000);
    t.controller.reset();
    expect(t.sim.getState()).toMatchObject({ status: 'idle', simMs: 0, frame: null });
    expect(t.series.get('stream')).toBeUndefined();
  });
});
