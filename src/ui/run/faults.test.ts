import { describe, expect, it } from 'vitest';
import { DESTINATION_KINDS, EVENT_KINDS, NODE_KIND_LIST } from '../../model/kinds/index.ts';
import { sketch } from '../../model/testing.ts';
import type { TimelineEvent } from '../../model/types.ts';
import { validateDocument } from '../../model/validate.ts';
import { menuItemsFor, RUN_NODE_MENU } from './faults.ts';

describe('the node menu offers only faults the design accepts', () => {
  it.each(NODE_KIND_LIST)('every fault offered on a %s passes validation', (kind) => {
    for (const item of menuItemsFor(kind)) {
      const doc = sketch([{ id: 'n', kind }]);
      const event = { ...item.event('n', 30), id: 'f1' } as TimelineEvent;
      const problems = validateDocument({ ...doc, timeline: [event] }).filter((d) =>
        d.code.startsWith('timeline-'),
      );
      expect(problems, `${item.id} on ${kind}`).toEqual([]);
    }
  });

  it('a consumer application gets no "Destination outage" (it is compute, not an AWS destination)', () => {
    expect(menuItemsFor('consumerApp').map((m) => m.id)).toEqual([]);
    expect(menuItemsFor('s3').map((m) => m.id)).toEqual(['fault-outage']);
    expect(menuItemsFor('producer').map((m) => m.id)).toEqual([
      'fault-surge2',
      'fault-surge5',
      'fault-hotkey',
    ]);
    expect(menuItemsFor('lambda').map((m) => m.id)).toEqual(['fault-errors']);
  });

  it('an outage on each destination is offered, and lasts 60 simulated seconds', () => {
    for (const kind of DESTINATION_KINDS) expect(menuItemsFor(kind)[0].id).toBe('fault-outage');
    const outage = RUN_NODE_MENU.find((m) => m.id === 'fault-outage');
    expect(outage?.event('x', 30)).toEqual({
      type: 'destinationOutage',
      nodeId: 'x',
      fromSec: 30,
      toSec: 90,
    });
  });

  it('every fault type the timeline knows is offered somewhere', () => {
    const offered = new Set(RUN_NODE_MENU.map((m) => m.fault));
    expect([...offered].sort()).toEqual(Object.keys(EVENT_KINDS).sort());
  });
});
