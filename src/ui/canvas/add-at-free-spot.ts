/**
 * A palette entry clicked or pressed (Enter/Space): the card lands at the free spot nearest the
 * visible centre (never on top of another card) and takes the keyboard focus, so the next keys
 * (arrows, C to connect, Delete) act on it.
 */
import type { NodeKind } from '../../model/types.ts';
import { studioStore } from '../../store/studio.ts';
import { addNode } from '../app/commands.ts';
import { canvasBridge } from './bridge.ts';
import { focusCard } from './focus-node.ts';
import { freeSpot, NEW_CARD } from './free-spot.ts';

export function addAtFreeSpot(kind: NodeKind): string {
  const sizes = canvasBridge.current.sizes();
  const cards = studioStore
    .getState()
    .doc.nodes.map((n) => ({ ...n.position, ...(sizes.get(n.id) ?? NEW_CARD) }));
  const id = addNode(kind, freeSpot(canvasBridge.current.center(), cards));
  focusCard(id);
  return id;
}
