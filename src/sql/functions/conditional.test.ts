import { describe, expect, it } from 'vitest';
import { call, typeOf } from './testUtil.ts';
import { T } from './util.ts';

describe('COALESCE and NULLIF', () => {
  it('COALESCE returns the first non-NULL argument, typed as their common type', () => {
    expect(call('COALESCE', [null, null, 'fallback'])).toBe('fallback');
    expect(call('COALESCE', [null, 0])).toBe(0);
    expect(call('COALESCE', [null, null])).toBeNull();
    expect(typeOf('COALESCE', [T.integer, T.double])).toEqual(T.double);
    expect(typeOf('COALESCE', [T.varchar(4), T.varchar(16)])).toEqual(T.varchar(16));
    expect(() => typeOf('COALESCE', [T.integer, T.varchar(3)])).toThrow(/cannot be mixed/);
  });
  it('NULLIF(a, b) is NULL when a = b, else a', () => {
    expect(call('NULLIF', [5, 5])).toBeNull();
    expect(call('NULLIF', [5, 6])).toBe(5);
    expect(call('NULLIF', ['-', '-'])).toBeNull();
    expect(call('NULLIF', [null, 1])).toBeNull();
    expect(call('NULLIF', [1, null])).toBe(1);
  });
});
