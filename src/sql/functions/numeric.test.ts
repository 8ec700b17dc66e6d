import { describe, expect, it } from 'vitest';
import { SqlRuntimeError } from '../types.ts';
import { call, ts, typeOf } from './testUtil.ts';
import { T } from './util.ts';

const TS = [T.timestamp, T.varchar(6)];

describe('numeric functions', () => {
  it('ABS keeps the argument type and handles NULL', () => {
    expect(call('ABS', [-5])).toBe(5);
    expect(call('ABS', [-2.5])).toBe(2.5);
    expect(call('ABS', [null])).toBeNull();
    expect(typeOf('ABS', [T.bigint])).toEqual(T.bigint);
  });

  it('CEIL / CEILING / FLOOR round numbers toward +∞ / −∞', () => {
    expect(call('CEIL', [2.3])).toBe(3);
    expect(call('CEILING', [-2.3])).toBe(-2);
    expect(call('FLOOR', [-2.3])).toBe(-3);
    expect(call('FLOOR', [null])).toBeNull();
  });

  it('FLOOR(ts TO unit) and CEIL(ts TO unit) round timestamps (the tumbling-window idiom)', () => {
    const t = ts('2004-09-30 13:48:23.456');
    expect(call('FLOOR', [t, 'HOUR'], TS)).toBe(ts('2004-09-30 13:00:00'));
    expect(call('FLOOR', [t, 'MINUTE'], TS)).toBe(ts('2004-09-30 13:48:00'));
    expect(call('FLOOR', [t, 'MONTH'], TS)).toBe(ts('2004-09-01 00:00:00'));
    expect(call('FLOOR', [t, 'YEAR'], TS)).toBe(ts('2004-01-01 00:00:00'));
    expect(call('CEIL', [t, 'HOUR'], TS)).toBe(ts('2004-09-30 14:00:00'));
    expect(call('CEIL', [ts('2004-09-30 14:00:00'), 'HOUR'], TS)).toBe(ts('2004-09-30 14:00:00'));
    expect(typeOf('FLOOR', TS)).toEqual(T.timestamp);
    expect(() => typeOf('FLOOR', [T.timestamp])).toThrow(/needs a unit/);
  });

  it('STEP rounds a timestamp down to any interval (30 s windows)', () => {
    const t = ts('2024-01-01 00:00:47.250');
    expect(call('STEP', [t, 30_000], [T.timestamp, { base: 'INTERVAL_DAY_TIME' }])).toBe(
      ts('2024-01-01 00:00:30'),
    );
    expect(() => typeOf('STEP', [T.timestamp, T.integer])).toThrow(/INTERVAL/);
  });

  it('EXP, LN, LOG10, POWER, SQRT return DOUBLE; logarithms of 0 are runtime errors', () => {
    expect(call('EXP', [1])).toBeCloseTo(Math.E, 12);
    expect(call('LN', [Math.E])).toBeCloseTo(1, 12);
    expect(call('LOG10', [1000])).toBeCloseTo(3, 12);
    expect(call('POWER', [2, 10])).toBe(1024);
    expect(call('SQRT', [2.25])).toBe(1.5);
    expect(typeOf('POWER', [T.integer, T.integer])).toEqual(T.double);
    expect(() => call('LN', [0])).toThrow(SqlRuntimeError);
    expect(() => call('SQRT', [-1])).toThrow(/square root of -1/);
    expect(() => call('POWER', [-8, 1 / 3])).toThrow(SqlRuntimeError);
  });

  it('MOD takes exact numerics; the remainder has the sign of the dividend (Java %)', () => {
    expect(call('MOD', [7, 3])).toBe(1);
    expect(call('MOD', [-7, 3])).toBe(-1);
    expect(call('MOD', [7, -3])).toBe(1);
    expect(() => call('MOD', [7, 0])).toThrow(/division by zero/);
    expect(() => typeOf('MOD', [T.double, T.integer])).toThrow(/exact/);
  });

  it('ROUND is half away from zero; TRUNCATE cuts toward zero; integers stay integral', () => {
    expect(call('ROUND', [2.5])).toBe(3);
    expect(call('ROUND', [-2.5])).toBe(-3);
    expect(call('ROUND', [2.675, 2])).toBe(2.68);
    expect(call('ROUND', [1234, -2])).toBe(1200);
    expect(call('TRUNCATE', [-2.79, 1])).toBe(-2.7);
    expect(call('TRUNCATE', [2.79])).toBe(2);
    expect(call('ROUND', [null, 2], [T.double, T.integer])).toBeNull();
  });
});
