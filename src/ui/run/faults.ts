/**
 * Fault injection from the node context menu: each entry adds a timeline event to the design
 * (undoable, saved with it, so the run is reproducible); when a run exists, the controller sees
 * the new event and injects it into the running simulation at once.
 */

import { newId } from '../../model/factory.ts';
import { EVENT_KINDS, type FaultType } from '../../model/kinds/index.ts';
import type { NodeKind, TimelineEvent } from '../../model/types.ts';
import { simStore } from '../../store/simStore.ts';
import { studioStore } from '../../store/studio.ts';

type EventBody = TimelineEvent extends infer E ? (E extends TimelineEvent ? Omit<E, 'id'> : never) : never;

export interface NodeMenuItem {
  id: string;
  labelKey: string;
  /** The fault it adds; the menu offers it on exactly the kinds that accept it (EVENT_KINDS). */
  fault: FaultType;
  kinds: readonly NodeKind[];
  /** The timeline event it adds for a node, starting at `fromSec` (simulated s). */
  event(nodeId: string, fromSec: number): EventBody;
  run(nodeId: string): void;
}

/** Simulated second a fault added now starts at: the current clock, or 30 s into an idle run. */
export function faultStartSec(): number {
  const s = simStore.getState();
  return s.status === 'idle' ? 30 : Math.floor(s.simMs / 1000);
}

export function addFault(body: EventBody): TimelineEvent {
  const event = { ...body, id: newId('fault') } as TimelineEvent;
  studioStore.getState().dispatch([{ type: 'timeline/add', event }]);
  return event;
}

/** A menu entry for `fault`: offered where the kind definitions accept it, lasting `seconds`. */
function item(
  id: string,
  labelKey: string,
  fault: FaultType,
  seconds: number,
  body: (nodeId: string) => Omit<EventBody, 'fromSec' | 'toSec'>,
): NodeMenuItem {
  const event = (nodeId: string, fromSec: number) =>
    ({ ...body(nodeId), fromSec, toSec: fromSec + seconds }) as EventBody;
  return {
    id,
    labelKey,
    fault,
    kinds: EVENT_KINDS[fault],
    event,
    run: (nodeId) => addFault(event(nodeId, faultStartSec())),
  };
}

export const RUN_NODE_MENU: NodeMenuItem[] = [
  item('fault-outage', 'menu.outage', 'destinationOutage', 60, (nodeId) => ({
    type: 'destinationOutage',
    nodeId,
  })),
  item('fault-errors', 'menu.errors', 'lambdaErrorRate', 60, (nodeId) => ({
    type: 'lambdaErrorRate',
    nodeId,
    errorRate: 0.5,
  })),
  item('fault-surge2', 'menu.surge2', 'producerSurge', 60, (nodeId) => ({
    type: 'producerSurge',
    nodeId,
    multiplier: 2,
  })),
  item('fault-surge5', 'menu.surge5', 'producerSurge', 60, (nodeId) => ({
    type: 'producerSurge',
    nodeId,
    multiplier: 5,
  })),
  item('fault-hotkey', 'menu.hotKey', 'hotKey', 120, (nodeId) => ({
    type: 'hotKey',
    nodeId,
    key: 'hot-key-1',
    share: 0.8,
  })),
];

/** The fault entries the node context menu offers on a node of `kind`. */
export function menuItemsFor(kind: NodeKind): NodeMenuItem[] {
  return RUN_NODE_MENU.filter((m) => m.kinds.includes(kind));
}
