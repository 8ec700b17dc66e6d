import { describe, expect, it } from 'vitest';
import { timeLabel, timeTicks } from './timeAxis.ts';

describe('time axis of the live charts', () => {
  it('a 45 s run gets ticks every 10 s; an hour every 15 min; 44 min 53 s every 10 min', () => {
    expect(timeTicks(0, 45)).toEqual([0, 10, 20, 30, 40]);
    expect(timeTicks(0, 3_600)).toEqual([0, 900, 1_800, 2_700, 3_600]);
    expect(timeTicks(0, 2_693)).toEqual([0, 600, 1_200, 1_800, 2_400]);
  });

  it('returns the same array while the ticks stay the same (recharts compares by identity)', () => {
    const a = timeTicks(0, 2_693);
    expect(timeTicks(0, 2_700 - 1)).toBe(a);
    expect(timeTicks(0, 3_000)).not.toBe(a);
  });

  it('labels read as times: 45 s, 12:30, 2:05:00', () => {
    expect(timeLabel(45)).toBe('45 s');
    expect(timeLabel(750)).toBe('12:30');
    expect(timeLabel(7_500)).toBe('2:05:00');
  });
});
