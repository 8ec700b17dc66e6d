/**
 * Fault injection from the node context menu: each entry adds a timeline event to the design
 * (undoable, saved with it, so the run is reproducible); when a run exists, the controller sees
 * the new event and injects it into the running simulation at once.
 */

import { newId } from '../../model/factory.ts';
import type { NodeKind, TimelineEvent } from '../../model/types.ts';
import { simStore } from '../../store/simStore.ts';
import { studioStore } from '../../store/studio.ts';

export interface NodeMenuItem {
  id: string;
  labelKey: string;
  kinds: NodeKind[];
  run(nodeId: string): void;
}

export const DESTINATION_KINDS: NodeKind[] = ['s3', 'redshift', 'opensearch', 'dynamodb', 'consumerApp'];

/** Simulated second a fault added now starts at: the current clock, or 30 s into an idle run. */
export function faultStartSec(): number {
  const s = simStore.getState();
  return s.status === 'idle' ? 30 : Math.floor(s.simMs / 1000);
}

type EventBody = TimelineEvent extends infer E ? (E extends TimelineEvent ? Omit<E, 'id'> : never) : never;

export function addFault(body: EventBody): TimelineEvent {
  const event = { ...body, id: newId('fault') } as TimelineEvent;
  studioStore.getState().dispatch([{ type: 'timeline/add', event }]);
  return event;
}

function span(seconds: number) {
  const fromSec = faultStartSec();
  return { fromSec, toSec: fromSec + seconds };
}

export const RUN_NODE_MENU: NodeMenuItem[] = [
  {
    id: 'fault-outage',
    labelKey: 'menu.outage',
    kinds: DESTINATION_KINDS,
    run: (nodeId) => addFault({ type: 'destinationOutage', nodeId, ...span(60) }),
  },
  {
    id: 'fault-errors',
    labelKey: 'menu.errors',
    kinds: ['lambda'],
    run: (nodeId) => addFault({ type: 'lambdaErrorRate', nodeId, errorRate: 0.5, ...span(60) }),
  },
  {
    id: 'fault-surge2',
    labelKey: 'menu.surge2',
    kinds: ['producer'],
    run: (nodeId) => addFault({ type: 'producerSurge', nodeId, multiplier: 2, ...span(60) }),
  },
  {
    id: 'fault-surge5',
    labelKey: 'menu.surge5',
    kinds: ['producer'],
    run: (nodeId) => addFault({ type: 'producerSurge', nodeId, multiplier: 5, ...span(60) }),
  },
  {
    id: 'fault-hotkey',
    labelKey: 'menu.hotKey',
    kinds: ['producer'],
    run: (nodeId) => addFault({ type: 'hotKey', nodeId, key: 'hot-key-1', share: 0.8, ...span(120) }),
  },
];
