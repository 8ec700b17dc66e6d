import { describe, expect, it } from 'vitest';
import { parseDocument } from '../export/document.ts';
import { KINDS } from './kinds/index.ts';
import { migrate } from './migrations.ts';

/** A file saved by the prototype (schema version 0). */
const V0 = {
  version: 0,
  title: 'Prototype clickstream',
  nodes: [
    { id: 1, type: 'producer', x: 0, y: '40', data: { rate: '250', batch: '100', source: 'putRecords' } },
    { id: 2, type: 'kinesis', x: 260, y: 40, data: { name: 'clicks', shards: '4', retention: '48' } },
    {
      id: 3,
      type: 'lambda',
      x: 520,
      y: 0,
      data: { batchSize: '500', memory: '512', bisectBatchOnFunctionError: 'true' },
    },
    { id: 4, type: 'firehose', x: 520, y: 160, data: { bufferSize: '64', bufferInterval: '120' } },
    { id: 5, type: 'redshift', x: 780, y: 160, data: {} },
    { id: 6, type: 's3', x: 780, y: 320, data: { bucketName: 'staging-bucket' } },
    { id: 7, type: 'ddb', x: 780, y: 0, data: { tableName: 'Counts' } },
  ],
  links: [
    { from: 1, to: 2 },
    { from: 2, to: 3 },
    { from: 2, to: 4 },
    { from: 4, to: 5 },
    { from: 4, to: 6 },
    { from: 3, to: 7 },
  ],
};

describe('migration from schema version 0', () => {
  it('turns a prototype file into a valid current design, numbers from strings, defaults filled', () => {
    const r = parseDocument(JSON.stringify(V0));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.migratedFrom).toBe(0);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { doc } = r;
    expect(doc.name).toBe('Prototype clickstream');
    const byId = Object.fromEntries(doc.nodes.map((n) => [n.id, n]));
    expect(byId['2']).toMatchObject({
      kind: 'stream',
      name: 'clicks',
      config: { shardCount: 4, retentionHours: 48 },
    });
    expect(byId['1'].config).toMatchObject({
      source: 'putRecords',
      batchSize: 100,
      rate: { type: 'constant', recordsPerSec: 250 },
    });
    expect(byId['1'].position).toEqual({ x: 0, y: 40 });
    expect(byId['3'].config).toMatchObject({
      memoryMB: 512,
      esm: { batchSize: 500, bisectBatchOnFunctionError: true },
    });
    expect(byId['4'].config).toMatchObject({
      bufferSizeMiB: 64,
      bufferIntervalSec: 120,
      source: 'kinesisStream',
    });
    expect(byId['6'].config).toEqual({ bucket: 'staging-bucket' });
    expect(byId['7'].config).toEqual({ ...KINDS.dynamodb.defaults(), table: 'Counts' });
    expect(doc.edges).toHaveLength(6);
    expect(doc.edges.find((e) => e.source === '4' && e.target === '6')?.config.role).toBe('backup');
    expect(doc.edges.find((e) => e.source === '2' && e.target === '3')?.config.readMode).toBe('polling');
  });

  it('a bad value in a v0 file is reported at its new path', () => {
    const bad = structuredClone(V0);
    bad.nodes[1].data.shards = 'four';
    const r = parseDocument(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe('nodes[1].config.shardCount: expected a number, got the string "four"');
  });

  it('refuses an unknown prototype node type with its path', () => {
    const r = migrate({ version: 0, nodes: [{ id: 'a', type: 'kafka' }], links: [] });
    expect(r).toEqual({
      ok: false,
      error: { message: 'nodes[0].type: unknown node type "kafka"', path: 'nodes[0].type' },
    });
  });

  it('refuses foreign and future files with the reason', () => {
    expect(migrate({ hello: 'world' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no `format` field') },
    });
    expect(migrate([1, 2])).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('found an array') },
    });
    expect(migrate({ format: 'shardscape.pipeline', schemaVersion: 3 })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('schema version 3') },
    });
  });
});
