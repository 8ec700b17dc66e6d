/**
 * Arrow keys on a focused (unselected) card move the focus to the nearest card in that direction,
 * as in a grid: of the cards whose centre lies in the arrow's half-plane, the one with the
 * smallest distance, off-axis distance counting double (so → prefers the card to the right on
 * the same row over one slightly nearer but two rows down).
 */
export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Placed {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const AXIS: Record<Direction, { dx: number; dy: number }> = {
  up: { dx: 0, dy: -1 },
  down: { dx: 0, dy: 1 },
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
};

export function nearestInDirection(from: Placed, cards: readonly Placed[], dir: Direction): string | null {
  const { dx, dy } = AXIS[dir];
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: { id: string; score: number } | null = null;
  for (const c of cards) {
    if (c.id === from.id) continue;
    const ox = c.x + c.width / 2 - cx;
    const oy = c.y + c.height / 2 - cy;
    const along = ox * dx + oy * dy; // px in the arrow's direction
    if (along <= 0) continue;
    const across = Math.abs(ox * dy) + Math.abs(oy * dx);
    const score = along + 2 * across;
    if (!best || score < best.score) best = { id: c.id, score };
  }
  return best?.id ?? null;
}
