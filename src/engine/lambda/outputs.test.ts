import { describe, expect, it } from 'vitest';
import { RecordBatch } from '../records.ts';
import { EngineSimulation } from '../simulation.ts';
import { design, node, plainProducer } from '../testing.ts';
import { fn, nodeReport, pipeline } from './testkit.ts';

describe('what a function sends downstream', () => {
  it('records it returns flow to a delivery stream; unsampled batches follow the sampled ratio', async () => {
    // Every input record becomes two output records; the real handler sees 50 records a second.
    const code = `exports.handler = async (event) => ({
      records: event.Records.flatMap((r) => [
        { data: JSON.stringify({ seq: r.kinesis.sequenceNumber, half: 1 }) + '\\n' },
        { data: JSON.stringify({ seq: r.kinesis.sequenceNumber, half: 2 }) + '\\n' },
      ]),
    });`;
    const sim = pipeline(
      200,
      { code, sampleRecordsPerSec: 50, duration: { type: 'fixed', ms: 100 }, esm: { batchSize: 100 } },
      {
        extra: [node('fh', 'firehose', { bufferIntervalSec: 10 }), node('b', 's3')],
        extraEdges: [
          ['f', 'fh'],
          ['fh', 'b'],
        ],
      },
    );
    await sim.advance(20_000);
    const f = nodeReport(sim, 'f');
    const fh = nodeReport(sim, 'fh');
    // 2 outputs per input, sampled or modelled.
    expect(f.counters.outputs).toBeGreaterThan(1.9 * f.counters.succeeded);
    expect(f.counters.outputs).toBeLessThan(2.1 * f.counters.succeeded);
    expect(fh.counters.incoming).toBe(f.counters.outputs);
    const d = sim.destination('b');
    if (d?.kind !== 's3') throw new Error('no bucket');
    expect(JSON.parse(d.objects[0].firstRecords[0])).toHaveProperty('half');
  });

  it('a handler that returns no records forwards its input; returning { records: [] } forwards nothing', async () => {
    const run = async (code: string) => {
      const sim = pipeline(
        100,
        { code, sampleRecordsPerSec: 20, duration: { type: 'fixed', ms: 100 } },
        {
          extra: [node('fh', 'firehose', { bufferIntervalSec: 10 }), node('b', 's3')],
          extraEdges: [
            ['f', 'fh'],
            ['fh', 'b'],
          ],
        },
      );
      await sim.advance(15_000);
      return [nodeReport(sim, 'f').counters.succeeded, nodeReport(sim, 'fh').counters.incoming];
    };
    const [succeeded, forwarded] = await run(
      'exports.handler = async (event) => ({ processed: event.Records.length });',
    );
    expect(forwarded).toBe(succeeded);
    const [, none] = await run('exports.handler = async () => ({ records: [] });');
    expect(none).toBe(0);
  });

  it('tumbling windows pass the state returned by one invocation to the next of the same window', async () => {
    // Counts records per 10 s window; the final invocation of a window reports the total as an item.
    const code = `exports.handler = async (event, context) => {
      const total = (event.state.total || 0) + event.Records.length;
      if (event.isFinalInvokeForWindow) context.putItem({ id: event.window.start, total });
      return { state: { total } };
    };`;
    const sim = pipeline(
      50,
      {
        code,
        sampleRecordsPerSec: 10_000,
        duration: { type: 'fixed', ms: 20 },
        esm: { batchSize: 100, tumblingWindowSec: 10 },
      },
      { extra: [node('t', 'dynamodb', { table: 'windows', partitionKey: 'id' })], extraEdges: [['f', 't']] },
    );
    await sim.advance(35_000);
    const d = sim.destination('t');
    if (d?.kind !== 'dynamodb') throw new Error('no table');
    const byStart = Object.fromEntries(d.items.map((i) => [i.id, i.total]));
    // 50 rec/s × 10 s = 500 records per closed window, counted across several invocations; the
    // window that opened at 30 s is still open at 35 s, so it has no final invocation yet.
    expect(byStart).toEqual({
      '2017-06-01T00:00:00.000Z': 500,
      '2017-06-01T00:00:10.000Z': 500,
      '2017-06-01T00:00:20.000Z': 500,
    });
    expect(nodeReport(sim, 'f').counters.invocations).toBeGreaterThan(15);
  });
});

describe('live figures and enhanced fan-out', () => {
  it('the frame shows the function behind: concurrency, iterator age and invocations per second', async () => {
    const sim = pipeline(500, { duration: { type: 'fixed', ms: 2000 }, esm: { batchSize: 100 } });
    await sim.advance(30_000);
    const live = sim.frame().nodes.f;
    expect(live.lambda?.concurrency).toBe(1);
    expect(live.lambda?.iteratorAgeMs).toBeGreaterThan(20_000);
    expect(live.utilization).toBe(1);
    expect(live.counters.succeeded).toBeGreaterThan(1000);
  });

  it('an EFO consumer gets records as they arrive, while a polling one waits for its once-a-second poll', async () => {
    const doc = design(
      [
        plainProducer('p', 50, 200),
        node('s', 'stream', { shardCount: 1, efoConsumers: ['fast'] }),
        fn('poller', { duration: { type: 'fixed', ms: 10 }, esm: { batchSize: 1000 } }),
        fn('pushed', { duration: { type: 'fixed', ms: 10 }, esm: { batchSize: 1000 } }),
      ],
      [
        ['p', 's'],
        ['s', 'poller', { readMode: 'polling' }],
        ['s', 'pushed', { readMode: 'efo', efoConsumerName: 'fast' }],
      ],
    );
    const sim = new EngineSimulation(doc, { seed: 3 });
    await sim.advance(20_000);
    const perBatch = (id: string) => {
      const c = nodeReport(sim, id).counters;
      return c.succeeded / c.invocations;
    };
    // 50 rec/s: a poll a second gathers ~50 records; EFO hands over each tick's ~5.
    expect(perBatch('poller')).toBeGreaterThan(40);
    expect(perBatch('pushed')).toBeLessThan(10);
    expect(nodeReport(sim, 'pushed').counters.succeeded).toBeGreaterThan(950);
  });
});

describe('records pushed by an Analytics output', () => {
  it('invoke the function with the Analytics output event shape, batched like a stream', async () => {
    const code = `exports.handler = async (event, context) => {
      for (const r of event.records) context.putItem(JSON.parse(Buffer.from(r.data, 'base64').toString()));
      return { records: event.records.map((r) => ({ recordId: r.recordId, result: 'Ok' })) };
    };`;
    const doc = design(
      [
        fn('f', { code, sampleRecordsPerSec: 100, duration: { type: 'fixed', ms: 50 } }),
        node('t', 'dynamodb', { table: 'top', partitionKey: 'player' }),
      ],
      [['f', 't']],
    );
    const sim = new EngineSimulation(doc, { seed: 5 });
    const batch = new RecordBatch(10);
    for (let i = 0; i < 10; i++) {
      const text = JSON.stringify({ player: `p${i}`, points: 10 * i });
      batch.push(sim.ctx.keys.intern(`p${i}`), text.length, 0, 0, -1, sim.ctx.payloads.add(text));
    }
    const status = new Uint8Array(10);
    expect(sim.runtimes.get('f')?.accept?.(batch, 0, 10, 'analytics', status)).toBe(10);
    await sim.advance(2_000);
    const d = sim.destination('t');
    expect(d?.kind === 'dynamodb' ? d.items.map((i) => i.player).sort() : []).toEqual([
      'p0',
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
      'p6',
      'p7',
      'p8',
      'p9',
    ]);
    expect(nodeReport(sim, 'f').counters.invocations).toBe(1);
    expect(sim.report().conservation.nodes.find((n) => n.nodeId === 'f')?.ok).toBe(true);
  });
});
