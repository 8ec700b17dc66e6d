/**
 * Moves keyboard focus to a card once React Flow has rendered it (a node added a moment ago
 * appears a frame or two later; a big design's cards mount a batch per frame). Gives up after
 * ~30 frames.
 */
export function cardElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

export function focusCard(id: string, frames = 30): void {
  const el = cardElement(id);
  // A card is `visibility: hidden` until React Flow has measured it, and a hidden element refuses
  // focus: try again next frame until it holds the focus.
  el?.focus({ preventScroll: true });
  if (el && document.activeElement === el) return;
  if (frames > 0) requestAnimationFrame(() => focusCard(id, frames - 1));
}
