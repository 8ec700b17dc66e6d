import { describe, expect, it } from 'vitest';
import { freeSpot, NEW_CARD } from './free-spot.ts';

const card = (x: number, y: number) => ({ x, y, ...NEW_CARD });

describe('freeSpot: where a card added from the palette lands (flow px)', () => {
  it('an empty canvas: exactly the visible centre', () => {
    expect(freeSpot({ x: 500, y: 300 }, [])).toEqual({ x: 500, y: 300 });
  });

  it('a card already at the centre: the new one goes beside it, overlapping nothing', () => {
    const cards = [card(380, 245)]; // centred on (500, 300)
    const spot = freeSpot({ x: 500, y: 300 }, cards);
    const r = { x: spot.x - 120, y: spot.y - 55, ...NEW_CARD };
    const overlap = cards.some(
      (c) => r.x < c.x + c.width && c.x < r.x + r.width && r.y < c.y + c.height && c.y < r.y + r.height,
    );
    expect(overlap).toBe(false);
    // Near: within two card heights of the centre, not somewhere off screen.
    expect(Math.hypot(spot.x - 500, spot.y - 300)).toBeLessThanOrEqual(2 * 110 + 24);
  });

  it('adding ten cards one after another never stacks two on each other', () => {
    const cards: ReturnType<typeof card>[] = [];
    for (let i = 0; i < 10; i++) {
      const s = freeSpot({ x: 0, y: 0 }, cards);
      cards.push(card(s.x - 120, s.y - 55));
    }
    for (const [i, a] of cards.entries())
      for (const b of cards.slice(i + 1))
        expect(
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
        ).toBe(false);
  });
});
