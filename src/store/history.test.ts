/**
 * The design history: kept in IndexedDB beside the designs (fake-indexeddb here), capped at 20
 * runs per design with the dropped ones named, and fed by the run controller at Pause and Reset.
 */
import 'fake-indexeddb/auto';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createNode, emptyDocument } from '../model/factory.ts';
import type { PipelineDoc } from '../model/types.ts';
import { EngineClient } from '../worker/engineClient.ts';
import { createEngineHost } from '../worker/engineHost.ts';
import { fakeSimulation } from '../worker/testing/fakeSimulation.ts';
import { workerApi } from '../worker/workerApi.ts';
import { createHistoryStore, createRunRecorder, followDesigns, type NewRun } from './history.ts';
import { indexedDbBackend, memoryBackend } from './history-db.ts';
import { displayLabel, MAX_RUNS } from './history-entry.ts';
import type { MetricsByKind } from './simMetrics.ts';
import { createSimController, type StudioLike } from './simRun.ts';
import { SeriesBook } from './simSeries.ts';
import { createSimStore } from './simStore.ts';

function design(shards: number): PipelineDoc {
  const producer = createNode('producer', { id: 'producer', position: { x: 0, y: 0 }, existingNames: [] });
  const stream = createNode('stream', { id: 'stream', position: { x: 200, y: 0 }, existingNames: [] });
  if (stream.kind === 'stream') stream.config.shardCount = shards;
  return {
    ...emptyDocument('hot'),
    nodes: [producer, stream],
    edges: [{ id: 'e1', source: 'producer', target: 'stream', config: {} }],
  };
}

function run(shards: number, durationSec: number, throttled: number): NewRun {
  return {
    design: design(shards),
    seed: 42,
    priceBook: 'current',
    durationSec,
    figures: {
      offeredRecords: 120_000,
      acceptedRecords: 120_000 - throttled,
      throttledRecords: throttled,
      droppedRecords: 0,
      maxIteratorAgeMs: 0,
      costPerMonthUsd: 11 * shards,
    },
    nodes: [],
    series: [
      {
        nodeId: 'stream',
        t: [0, 1, 2],
        columns: { IncomingRecords: [1000, 1000, null] },
        units: { IncomingRecords: 'rec/s' },
      },
    ],
    source: 'run',
  };
}

let dbSeq = 0;
const freshDb = () => indexedDbBackend(`history-test-${++dbSeq}`);

describe('design history store', () => {
  it('a run is labelled "Run 1 · 4 shards · 60 s" and survives a reload (IndexedDB round trip)', async () => {
    const backend = freshDb();
    const store = createHistoryStore(backend, () => 1_000);
    await store.getState().load('design-a');
    const added = await store.getState().addRun(run(4, 60, 0));
    expect(added?.label).toBe('Run 1 · 4 shards · 60 s');
    // Shown in the reader's language while it is the default; a name the user wrote stays as written.
    expect(added && displayLabel(added, 'ja')).toBe('実行 1 · 4 シャード · 60 秒');
    expect(added && displayLabel({ ...added, label: 'before the fix' }, 'ja')).toBe('before the fix');

    const reloaded = createHistoryStore(backend);
    await reloaded.getState().load('design-a');
    const [entry] = reloaded.getState().entries;
    expect(entry).toEqual(added);
    expect(entry.series[0].columns.IncomingRecords).toEqual([1000, 1000, null]);
    // Another design has a history of its own.
    await reloaded.getState().load('design-b');
    expect(reloaded.getState().entries).toEqual([]);
  });

  it('the newest run becomes B and the previous one A; labels count up', async () => {
    const store = createHistoryStore(freshDb());
    await store.getState().load('d');
    const a = await store.getState().addRun(run(1, 60, 75_000));
    const b = await store.getState().addRun(run(4, 60, 0));
    expect(store.getState()).toMatchObject({ pickA: a?.id, pickB: b?.id });
    expect(b?.label).toBe('Run 2 · 4 shards · 60 s');
  });

  it(`keeps the last ${MAX_RUNS} runs of a design and names the ones it dropped`, async () => {
    const backend = freshDb();
    const store = createHistoryStore(backend);
    await store.getState().load('d');
    for (let i = 1; i <= MAX_RUNS + 2; i++) await store.getState().addRun(run(i, 10, 0));
    expect(store.getState().entries).toHaveLength(MAX_RUNS);
    expect(store.getState().entries[0].run).toBe(3);
    expect(store.getState().dropped).toEqual(['Run 1 · 1 shard · 10 s', 'Run 2 · 2 shards · 10 s']);
    expect(await backend.list('d')).toHaveLength(MAX_RUNS);
  });

  it('the same run reported twice at once (Pause, then Reset) stays one entry', async () => {
    const store = createHistoryStore(freshDb());
    await store.getState().load('d');
    await Promise.all([
      store.getState().addRun(run(4, 20, 0), 'run-x'),
      store.getState().addRun(run(4, 21, 0), 'run-x'),
    ]);
    expect(store.getState().entries.map((e) => [e.id, e.label])).toEqual([
      ['run-x', 'Run 1 · 4 shards · 21 s'],
    ]);
  });

  it('a renamed run keeps its name when the same run is updated; removing it repicks', async () => {
    const store = createHistoryStore(memoryBackend());
    await store.getState().load('d');
    const first = await store.getState().addRun(run(1, 30, 10));
    const e = await store.getState().addRun(run(2, 30, 5));
    if (!e || !first) throw new Error('added');
    await store.getState().rename(e.id, 'two shards, before the fix');
    await store.getState().addRun(run(2, 90, 5), e.id);
    expect(store.getState().entries.map((x) => [x.label, x.durationSec])).toEqual([
      ['Run 1 · 1 shard · 30 s', 30],
      ['two shards, before the fix', 90],
    ]);
    await store.getState().remove(first.id);
    expect(store.getState()).toMatchObject({ pickA: null, pickB: e.id });
  });

  it("deleting a design forgets its history; opening another shows that design's", async () => {
    const store = createHistoryStore(memoryBackend());
    const designs = createStore<{ currentId: string | null; list: { id: string }[] }>()(() => ({
      currentId: 'x',
      list: [{ id: 'x' }, { id: 'y' }],
    }));
    followDesigns(store, designs);
    await new Promise((r) => setTimeout(r, 0));
    await store.getState().addRun(run(1, 10, 0));
    designs.setState({ currentId: 'y' });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().entries).toEqual([]);
    designs.setState({ currentId: 'y', list: [{ id: 'y' }] });
    designs.setState({ currentId: 'x' }); // opened again after deletion: nothing left
    await new Promise((r) => setTimeout(r, 10));
    expect(store.getState().entries).toEqual([]);
  });
});

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

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers.splice(0)) d();
});

function studioWith(shards: number) {
  const history = createHistoryStore(memoryBackend());
  const recorder = createRunRecorder(history, METRICS);
  const studio = createStore<StudioLike>()(() => ({
    doc: design(shards),
    diagnostics: [],
    setBottomTab: () => {},
  }));
  const controller = createSimController({
    sim: createSimStore(),
    series: new SeriesBook(),
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
    onRunStart: recorder.start,
    onRunEnd: (r) => void recorder.end(r),
  });
  disposers.push(() => controller.dispose());
  return { history, controller };
}

describe('the run controller feeds the history', () => {
  it('Reset after 6 simulated seconds keeps the run with its series; a 3 s run is not kept', async () => {
    const { history, controller } = studioWith(1);
    await history.getState().load('d');
    for (let i = 0; i < 3; i++) await controller.step();
    controller.reset();
    await new Promise((r) => setTimeout(r, 0));
    expect(history.getState().entries).toEqual([]);

    for (let i = 0; i < 6; i++) await controller.step();
    controller.reset();
    await new Promise((r) => setTimeout(r, 0));
    const [entry] = history.getState().entries;
    expect(entry).toMatchObject({ label: 'Run 1 · 1 shard · 6 s', durationSec: 6, seed: 42 });
    expect(entry.series[0].columns.WriteProvisionedThroughputExceeded).toHaveLength(7); // t = 0, 1, … 6 s
    expect(entry.series[0].columns.WriteProvisionedThroughputExceeded.at(-1)).toBe(500);
  });
});
