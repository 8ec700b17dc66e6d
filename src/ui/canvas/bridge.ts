/**
 * A small registry the canvas fills in on mount so the toolbar, palette, keyboard and problems tab
 * can ask for viewport things (centre, fit) without holding a React Flow instance themselves.
 */
export interface CanvasBridge {
  /** Flow coordinates of the visible centre (where keyboard-added nodes land). */
  center(): { x: number; y: number };
  /** Flow coordinates of a point on screen (client px). */
  toFlow(client: { x: number; y: number }): { x: number; y: number };
  fitView(): void;
  centerOn(position: { x: number; y: number }): void;
  /** Card sizes React Flow measured, in px. */
  sizes(): ReadonlyMap<string, { width: number; height: number }>;
}

const fallback: CanvasBridge = {
  center: () => ({ x: 0, y: 0 }),
  toFlow: (p) => p,
  fitView: () => {},
  centerOn: () => {},
  sizes: () => new Map(),
};

export const canvasBridge: { current: CanvasBridge } = { current: fallback };
