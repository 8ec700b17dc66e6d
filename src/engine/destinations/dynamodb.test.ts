import { describe, expect, it } from 'vitest';
import { nodeReport, pipeline } from '../lambda/testkit.ts';
import { node } from '../testing.ts';

// The handler keeps a running count per sensor-like key (v mod 10) and writes it as an item.
const counter = `exports.handler = async (event, context) => {
  for (const r of event.Records) {
    const v = JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).v;
    context.putItem({ id: 'k' + (v % 10), last: v });
  }
  return { items: [{ id: 'batch', size: event.Records.length }] };
};`;

describe('DynamoDB table behind a Lambda function', () => {
  it('puts the items the handler writes, overwriting by key', async () => {
    const sim = pipeline(
      20,
      { code: counter, sampleRecordsPerSec: 1000, duration: { type: 'fixed', ms: 50 } },
      {
        extra: [node('t', 'dynamodb', { table: 'counts', partitionKey: 'id', sortKey: '' })],
        extraEdges: [['f', 't']],
      },
    );
    await sim.advance(10_000);
    const d = sim.destination('t');
    if (d?.kind !== 'dynamodb') throw new Error('not dynamodb');
    // Keys k0…k9 plus the per-batch item: at most 11 distinct items however many writes.
    expect(d.totalItems).toBe(11);
    expect(d.items.map((i) => i.id).sort()).toContain('batch');
    const t = nodeReport(sim, 't');
    expect(t.counters.writes).toBeGreaterThan(150);
    expect(t.counters.distinctItems).toBe(11);
  });

  it('a provisioned table with 5 WCU takes 5 writes a second and throttles the rest back to the function', async () => {
    const sim = pipeline(
      20,
      { code: counter, sampleRecordsPerSec: 1000, duration: { type: 'fixed', ms: 50 } },
      {
        extra: [
          node('t', 'dynamodb', {
            table: 'counts',
            partitionKey: 'id',
            capacityMode: 'provisioned',
            writeCapacityUnits: 5,
          }),
        ],
        extraEdges: [['f', 't']],
      },
    );
    await sim.advance(10_000);
    const t = nodeReport(sim, 't');
    expect(t.metrics.ConsumedWriteCapacityUnits.series.slice(2).every((v) => v <= 5)).toBe(true);
    expect(t.metrics.WriteThrottleEvents.sum).toBeGreaterThan(100);
    expect(nodeReport(sim, 'f').counters.outputsRefused).toBe(t.metrics.WriteThrottleEvents.sum);
  });

  it('refuses writes during an outage (they count as refused outputs of the function)', async () => {
    const sim = pipeline(
      20,
      { code: counter, sampleRecordsPerSec: 1000, duration: { type: 'fixed', ms: 50 } },
      {
        extra: [node('t', 'dynamodb', { table: 'counts', partitionKey: 'id' })],
        extraEdges: [['f', 't']],
        timeline: [{ id: 'o', type: 'destinationOutage', nodeId: 't', fromSec: 0, toSec: 5 }],
      },
    );
    await sim.advance(10_000);
    const t = nodeReport(sim, 't');
    expect(t.counters.refused).toBeGreaterThan(50);
    expect(t.counters.writes).toBeGreaterThan(50);
  });
});
