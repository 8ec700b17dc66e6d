import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './nearest-node.ts';

// A 2 × 2 grid of 240 × 110 px cards, 300 px apart across and 200 px down.
const at = (id: string, x: number, y: number) => ({ id, x, y, width: 240, height: 110 });
const grid = [at('a', 0, 0), at('b', 300, 0), at('c', 0, 200), at('d', 300, 200)];

describe('arrow keys on a focused card go to the nearest card that way', () => {
  it('→ from the top-left card is the top-right one, ↓ the bottom-left one', () => {
    expect(nearestInDirection(grid[0], grid, 'right')).toBe('b');
    expect(nearestInDirection(grid[0], grid, 'down')).toBe('c');
  });

  it('← and ↑ from the bottom-right card come back', () => {
    expect(nearestInDirection(grid[3], grid, 'left')).toBe('c');
    expect(nearestInDirection(grid[3], grid, 'up')).toBe('b');
  });

  it('nothing further that way: null (the focus stays)', () => {
    expect(nearestInDirection(grid[0], grid, 'left')).toBeNull();
    expect(nearestInDirection(grid[0], grid, 'up')).toBeNull();
  });

  it('→ prefers the card on the same row over a nearer one two rows down', () => {
    const cards = [at('from', 0, 0), at('row', 700, 10), at('below', 300, 450)];
    expect(nearestInDirection(cards[0], cards, 'right')).toBe('row');
  });
});
