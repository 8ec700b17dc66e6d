/**
 * Where a node added from the keyboard (or a palette click) lands: the point nearest the visible
 * centre whose card would overlap no other card, so a new card never hides under an old one.
 * Flow px throughout (the canvas' own coordinates, not screen px).
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A fresh card's size before React Flow has measured it (the card CSS' min size), flow px. */
export const NEW_CARD = { width: 240, height: 110 };
/** Room kept between the new card and its neighbours, flow px. */
const GAP = 24;

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width + GAP &&
    b.x < a.x + a.width + GAP &&
    a.y < b.y + b.height + GAP &&
    b.y < a.y + a.height + GAP
  );
}

/**
 * The centre point (flow px) for a new card: `centre` itself when free, else the free grid point
 * nearest to it, searched ring by ring (steps of half a card) up to 12 rings out; past that,
 * `centre` (an overlapping card is better than one far off screen).
 */
export function freeSpot(centre: { x: number; y: number }, cards: readonly Rect[], size = NEW_CARD) {
  const fits = (cx: number, cy: number) => {
    const r = { x: cx - size.width / 2, y: cy - size.height / 2, width: size.width, height: size.height };
    return !cards.some((c) => overlaps(r, c));
  };
  if (fits(centre.x, centre.y)) return { x: centre.x, y: centre.y };
  const stepX = size.width / 2;
  const stepY = size.height / 2;
  for (let ring = 1; ring <= 12; ring++) {
    let best: { x: number; y: number; d: number } | null = null;
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue; // only the ring's edge
        const x = centre.x + i * stepX;
        const y = centre.y + j * stepY;
        const d = (x - centre.x) ** 2 + (y - centre.y) ** 2;
        if ((!best || d < best.d) && fits(x, y)) best = { x, y, d };
      }
    }
    if (best) return { x: best.x, y: best.y };
  }
  return { x: centre.x, y: centre.y };
}
