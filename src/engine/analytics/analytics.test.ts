import { describe, expect, it } from 'vitest';
import { countersOf, design, node, plainProducer, runFor } from '../testing.ts';

const template =
  '{"eventId":"{{random.uuid}}","userId":"u{{random.number(100)}}","page":"{{random.arrayElement(["/home","/cart"])}}","browser":"Firefox","eventTime":"{{date.now}}"}';

describe('Analytics SQL node', () => {
  it('counts 100 page views/s in 10 s tumbling windows: 910 in the first window (reads once a second), then 1,000', () => {
    const doc = design(
      [
        plainProducer('p', 100, 100, { template, size: { type: 'template' } }),
        node('s', 'stream', { shardCount: 1 }),
        node('a', 'analytics', {}),
        node('o', 'stream', { shardCount: 1 }),
      ],
      [
        ['p', 's'],
        ['s', 'a'],
        ['a', 'o'],
      ],
    );
    const sim = runFor(doc, 31);
    const results = sim.sqlResults('a');
    const dest = results.find((r) => r.stream === 'DESTINATION_SQL_STREAM');
    expect(dest?.columns).toEqual(['ROWTIME', 'PAGE', 'VIEWS']);
    const byWindow = new Map<string, number>();
    for (const row of dest?.rows ?? [])
      byWindow.set(String(row[0]), (byWindow.get(String(row[0])) ?? 0) + Number(row[2]));
    // ROWTIME of a STEP window row is the window's end; the clock starts at 2017-06-01 00:00:00.
    expect([...byWindow.values()].slice(0, 3)).toEqual([910, 1000, 1000]);
    expect(new Set((dest?.rows ?? []).map((r) => r[1]))).toEqual(new Set(['/home', '/cart']));
    const r = sim.report();
    expect(countersOf(r, 'a')).toMatchObject({ unparsed: 0 });
    // Each output row leaves as a JSON record to the wired output stream.
    expect(countersOf(r, 'o').accepted).toBe(countersOf(r, 'a').outputRecords);
    expect(countersOf(r, 'a').outputRecords).toBe(6);
    expect(r.cost.items.find((i) => i.item === 'Analytics KPU hours')?.quantity).toBeCloseTo(31 / 3600, 9);
    expect(r.conservation.ok).toBe(true);
  });
});
