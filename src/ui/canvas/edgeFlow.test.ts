import { describe, expect, it } from 'vitest';
import { flowDotSeconds } from './edgeFlow.ts';

describe('moving dots on a live edge', () => {
  it('do not move on an idle edge', () => {
    expect(flowDotSeconds(0)).toBe(0);
    expect(flowDotSeconds(Number.NaN)).toBe(0);
  });
  it('move faster as records/s grow by decades: 5 rec/s 1.6 s, 50 → 1.2 s, 500 → 0.8 s, 5,000 → 0.4 s', () => {
    expect(flowDotSeconds(5)).toBe(1.6);
    expect(flowDotSeconds(50)).toBe(1.2);
    expect(flowDotSeconds(500)).toBe(0.8);
    expect(flowDotSeconds(5_000)).toBe(0.4);
    expect(flowDotSeconds(200_000)).toBe(0.4);
  });
  it('keep the same speed while a rate wobbles within its decade (1,000 vs 1,010 rec/s)', () => {
    expect(flowDotSeconds(1_000)).toBe(flowDotSeconds(1_010));
    expect(flowDotSeconds(120)).toBe(flowDotSeconds(180));
  });
});
