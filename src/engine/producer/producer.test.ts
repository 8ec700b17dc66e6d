import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { countersOf, design, metricOf, node, plainProducer, runFor } from '../testing.ts';
import { agentRecord, logToJson } from './agent.ts';
import { AliasTable, zipfWeights } from './keys.ts';
import { compileTemplate, formatMoment, TemplateRenderer } from './template.ts';

const START = Date.UTC(2017, 5, 1);

describe('Kinesis Data Generator templates', () => {
  it('renders faker.js paths with faker 10, seeded: same seed, same record', () => {
    const t = compileTemplate(
      '{"id":"{{random.uuid}}","name":"{{name.firstName}}","temp":{{random.number(70)}},"ip":"{{internet.ip}}","s":"{{random.arrayElement(["OK","FAIL"])}}"}',
    );
    const ra = new TemplateRenderer(5);
    ra.begin();
    const a = ra.render(t, START);
    const rb = new TemplateRenderer(5);
    rb.begin();
    const b = rb.render(t, START);
    expect(a).toBe(b);
    const o = JSON.parse(a);
    expect(o.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(o.temp).toBeGreaterThanOrEqual(0);
    expect(o.temp).toBeLessThanOrEqual(70);
    expect(o.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(['OK', 'FAIL']).toContain(o.s);
    expect(a).not.toContain('{{');
    expect(t.unknown).toEqual([]);
  });

  it('lists placeholders that name no faker function and leaves them visible in the record', () => {
    const t = compileTemplate('{"x":"{{name.firstName}}","y":"{{nope.nothing}}"}');
    expect(t.unknown).toEqual(['nope.nothing']);
    const r = new TemplateRenderer(2);
    r.begin();
    expect(r.render(t, START)).toContain('{{nope.nothing}}');
  });

  it('takes random.number({min,max}) and weightedArrayElement, and uses SIMULATED time for date.now / date.utc', () => {
    const r = new TemplateRenderer(1);
    r.begin();
    const t = compileTemplate(
      '{{random.number({"min":10,"max":12})}}|{{random.weightedArrayElement({"weights":[0,1],"data":["cat","dog"]})}}|{{date.now("YYYY-MM-DD HH:mm:ss")}}|{{date.utc}}',
    );
    const [n, pet, local, utc] = r.render(t, START + 90_000).split('|');
    expect(Number(n)).toBeGreaterThanOrEqual(10);
    expect(Number(n)).toBeLessThanOrEqual(12);
    expect(pet).toBe('dog');
    expect(local).toBe('2017-06-01 00:01:30');
    expect(utc).toBe('2017-06-01T00:01:30Z');
    expect(formatMoment(START, 'x')).toBe(String(START));
  });

  it('uses the rendered record’s real size and a template field as partition key', () => {
    const doc = design(
      [
        node('p', 'producer', {
          source: 'putRecords',
          template: '{"userId":"user-{{random.number(3)}}","pad":"xxxxxxxxxx"}',
          size: { type: 'template' },
          partitionKey: { type: 'field', field: 'userId' },
          rate: { type: 'constant', recordsPerSec: 200 },
        }),
        node('s', 'stream', { shardCount: 1 }),
      ],
      [['p', 's']],
    );
    const sim = runFor(doc, 2);
    const peek = sim.peek({ nodeId: 's' }, 20);
    for (const rec of peek) {
      expect(rec.partitionKey).toMatch(/^user-[0-3]$/);
      expect(JSON.parse(rec.data).userId).toBeDefined();
      expect(rec.bytes).toBe(rec.data.length);
    }
  });

  it('the producer’s own peek (the Records tab) shows each record’s partition key, the one in its data', () => {
    const doc = design(
      [
        node('p', 'producer', {
          source: 'putRecords',
          template: '{"userId":"user-{{random.number(3)}}"}',
          size: { type: 'template' },
          partitionKey: { type: 'field', field: 'userId' },
          rate: { type: 'constant', recordsPerSec: 200 },
        }),
        node('s', 'stream', { shardCount: 1 }),
      ],
      [['p', 's']],
    );
    const peek = runFor(doc, 2).peek({ nodeId: 'p' }, 20);
    expect(peek.length).toBeGreaterThan(0);
    for (const rec of peek) expect(rec.partitionKey).toBe(JSON.parse(rec.data).userId);
  });
});

describe('rate profiles', () => {
  it('ramp 0 → 1,000 rec/s over 10 s, burst 100/1,000 for 2 s every 5 s', () => {
    const ramp = design(
      [
        plainProducer('p', 0, 100, { rate: { type: 'ramp', fromPerSec: 0, toPerSec: 1000, overSec: 10 } }),
        node('s', 'stream', { shardCount: 4 }),
      ],
      [['p', 's']],
    );
    const gen = metricOf(runFor(ramp, 12).report(), 'p', 'RecordsGenerated').series;
    expect(gen[0]).toBeLessThan(100);
    expect(gen[5]).toBeGreaterThan(450);
    expect(gen[5]).toBeLessThan(600);
    expect(gen[11]).toBe(1000);
    const burst = design(
      [
        plainProducer('p', 0, 100, {
          rate: { type: 'burst', basePerSec: 100, burstPerSec: 1000, burstSec: 2, everySec: 5 },
        }),
        node('s', 'stream', { shardCount: 4 }),
      ],
      [['p', 's']],
    );
    expect(metricOf(runFor(burst, 10).report(), 'p', 'RecordsGenerated').series).toEqual([
      1000, 1000, 100, 100, 100, 1000, 1000, 100, 100, 100,
    ]);
  });

  it('periodic follows the hour of day of the simulated clock with Gaussian noise', () => {
    const hourly = Array.from({ length: 24 }, (_, h) => (h === 0 ? 500 : 0));
    const doc = design(
      [
        plainProducer('p', 0, 100, { rate: { type: 'periodic', hourly, sigmaPct: 10 } }),
        node('s', 'stream', { shardCount: 2 }),
      ],
      [['p', 's']],
    );
    const gen = metricOf(runFor(doc, 60).report(), 'p', 'RecordsGenerated').series;
    const mean = gen.reduce((a, b) => a + b, 0) / gen.length;
    expect(mean).toBeGreaterThan(470);
    expect(mean).toBeLessThan(530);
    expect(new Set(gen).size).toBeGreaterThan(10);
  });

  it('a producer surge on the timeline multiplies the rate while it lasts', () => {
    const doc = design([plainProducer('p', 100, 100), node('s', 'stream', { shardCount: 2 })], [['p', 's']], {
      timeline: [{ id: 'x', type: 'producerSurge', nodeId: 'p', fromSec: 2, toSec: 4, multiplier: 5 }],
    });
    const r = runFor(doc, 6).report();
    expect(metricOf(r, 'p', 'RecordsGenerated').series).toEqual([100, 100, 500, 500, 100, 100]);
    expect(r.markers.map((m) => m.type)).toEqual(['producerSurge-start', 'producerSurge-end']);
  });
});

describe('partition key distributions', () => {
  it('Zipf over 100 keys with s = 1: key-0 gets ~19% of draws (1/H₁₀₀)', () => {
    const t = new AliasTable(zipfWeights(100, 1));
    const rng = new Rng(3);
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (t.draw(rng) === 0) hits++;
    expect(hits / 100_000).toBeGreaterThan(0.18);
    expect(hits / 100_000).toBeLessThan(0.205);
  });
});

describe('Kinesis Agent', () => {
  it('LOGTOJSON turns a combined Apache log line into the agent’s default fields', () => {
    const line =
      '10.0.0.1 - - [01/Jun/2017:00:00:00 +0000] "GET /index.html HTTP/1.1" 200 512 "https://example.com/" "curl/8.4.0"';
    expect(JSON.parse(logToJson('COMBINEDAPACHELOG', line))).toEqual({
      host: '10.0.0.1',
      ident: '-',
      authuser: '-',
      datetime: '01/Jun/2017:00:00:00 +0000',
      request: 'GET /index.html HTTP/1.1',
      response: '200',
      bytes: '512',
      referrer: 'https://example.com/',
      agent: 'curl/8.4.0',
    });
  });

  it('sends generated log lines as JSON, buffered until 500 records or 60 s', () => {
    const rec = agentRecord(
      {
        filePattern: '/var/log/httpd/access_log*',
        initialPosition: 'END_OF_FILE',
        processing: 'LOGTOJSON',
        logFormat: 'COMMONAPACHELOG',
        customFieldNames: '',
        maxBufferAgeMillis: 60_000,
        maxBufferSizeRecords: 500,
        partitionKeyOption: 'RANDOM',
      },
      new Rng(1),
      START,
    );
    expect(Object.keys(JSON.parse(rec))).toEqual([
      'host',
      'ident',
      'authuser',
      'datetime',
      'request',
      'response',
      'bytes',
    ]);
    const doc = design(
      [
        node('p', 'producer', { source: 'agent', rate: { type: 'constant', recordsPerSec: 20 } }),
        // 10 shards take a 500-record flush in one tick (100 records per shard per tick).
        node('s', 'stream', { shardCount: 10 }),
      ],
      [['p', 's']],
    );
    const r = runFor(doc, 59).report();
    // 20 lines/s: nothing is sent until the buffer holds 500 lines (25 s), then 500 at a time.
    const incoming = metricOf(r, 's', 'IncomingRecords').series;
    expect(incoming.slice(0, 24).every((v) => v === 0)).toBe(true);
    expect(incoming.filter((v) => v > 0)).toEqual([500, 500]);
    expect(countersOf(r, 'p').buffered).toBe(59 * 20 - 1000);
  });
});
