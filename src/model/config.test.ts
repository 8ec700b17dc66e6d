import { describe, expect, it } from 'vitest';
import { getAt, setAt, setField } from './config.ts';
import { KINDS } from './kinds/index.ts';
import { deepFreeze } from './testing.ts';

describe('config paths', () => {
  it('reads nested values and array entries', () => {
    const p = setField('producer', KINDS.producer.defaults(), 'rate.type', 'periodic');
    expect(getAt(p, 'rate.type')).toBe('periodic');
    expect(getAt(p, 'rate.hourly.19')).toBe(180);
    expect(getAt(p, 'no.such.path')).toBeUndefined();
  });

  it('setField is pure and shares untouched branches', () => {
    const base = deepFreeze(KINDS.lambda.defaults());
    const next = setField('lambda', base, 'esm.batchSize', 500);
    expect(next.esm.batchSize).toBe(500);
    expect(base.esm.batchSize).toBe(100);
    expect(next.duration).toBe(base.duration);
    expect(setField('lambda', base, 'esm.batchSize', 100)).toBe(base);
  });

  it('switching a union type fills that variant’s defaults and drops the old fields', () => {
    const base = deepFreeze(KINDS.producer.defaults());
    expect(setField('producer', base, 'rate.type', 'burst').rate).toEqual({
      type: 'burst',
      basePerSec: 100,
      burstPerSec: 2_000,
      burstSec: 10,
      everySec: 60,
    });
    expect(setField('producer', base, 'partitionKey.type', 'hotKey').partitionKey).toEqual({
      type: 'hotKey',
      key: 'hot-key',
      share: 0.5,
    });
    expect(setField('lambda', KINDS.lambda.defaults(), 'duration.type', 'fixed').duration).toEqual({
      type: 'fixed',
      ms: 100,
    });
  });

  it('setAt writes into arrays by index without touching the original', () => {
    const arr = deepFreeze({ a: [1, 2, 3] });
    expect(setAt(arr, 'a.1', 9)).toEqual({ a: [1, 9, 3] });
    expect(arr.a).toEqual([1, 2, 3]);
  });

  it('switching a Lambda to Firehose transform swaps an untouched handler and caps the timeout at 300 s', () => {
    const consumer = { ...KINDS.lambda.defaults(), timeoutSec: 900 };
    const transform = setField('lambda', consumer, 'use', 'firehoseTransform');
    expect(transform.code).toContain('event.records.map');
    expect(transform.timeoutSec).toBe(300);
    const edited = setField(
      'lambda',
      { ...consumer, code: 'exports.handler = async () => 1;' },
      'use',
      'firehoseTransform',
    );
    expect(edited.code).toBe('exports.handler = async () => 1;');
  });

  it('choosing "None" as a Firehose transform stores null', () => {
    const fh = setField('firehose', KINDS.firehose.defaults(), 'transformLambdaId', 'fn-1');
    expect(fh.transformLambdaId).toBe('fn-1');
    expect(setField('firehose', fh, 'transformLambdaId', '').transformLambdaId).toBeNull();
  });
});
