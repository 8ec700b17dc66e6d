import { describe, expect, it } from 'vitest';
import { createSimulation, runHeadless } from '../engine/index.ts';
import { decide, evaluateReport, LiveTracker } from './evaluate.ts';
import { lessonById, solutionDesign, startingDesign } from './index.ts';
import { lessonFromDesign } from './propose.ts';
import { type Check, CheckSchema, parseLesson } from './schema.ts';

const check = (c: Partial<Check> & Pick<Check, 'measure' | 'op' | 'value'>): Check =>
  CheckSchema.parse({ id: 'c', text: { en: 'x', ja: 'x' }, node: 'n', ...c });

describe('decide', () => {
  it('"throttles 0 over 60 s" waits for 60 s, and fails for good at the first throttled record', () => {
    const c = check({ measure: 'throttledRecords', op: '==', value: 0, afterSec: 60 });
    expect(decide(c, 0, 30, false).status).toBe('pending');
    expect(decide(c, 0, 60, false).status).toBe('passed');
    expect(decide(c, 12, 10, false).status).toBe('failed');
    expect(decide(c, 0, 30, true).detail.en).toBe('0, but the run ended at 30 s, before 60 s');
  });

  it('"at least 50,000 processed" passes as soon as it is reached, fails only when the run ends short', () => {
    const c = check({ measure: 'delivered', op: '>=', value: 50_000 });
    expect(decide(c, 49_999, 100, false).status).toBe('pending');
    expect(decide(c, 50_000, 100, false).status).toBe('passed');
    expect(decide(c, 49_999, 120, true)).toMatchObject({
      status: 'failed',
      detail: { en: '49,999 (wanted >= 50,000)' },
    });
  });

  it('"2–4 rows" fails once a growing count passes 4', () => {
    const c = check({ measure: 'sqlRowsOut', op: 'between', value: 2, max: 4, afterSec: 190 });
    expect(decide(c, 5, 20, false).status).toBe('failed');
    expect(decide(c, 3, 190, false).status).toBe('passed');
  });

  it('a value that cannot be read fails and says why, in both languages', () => {
    const r = decide(
      check({ measure: 'openShards', op: '<=', value: 4, node: 'ghost' }),
      undefined,
      10,
      false,
    );
    expect(r.status).toBe('failed');
    expect(r.detail.en).toContain('node "ghost"');
    expect(r.detail.ja).toContain('ノード「ghost」');
  });
});

describe('LiveTracker', () => {
  it('turns the hot-key check green during the run of the fixed design, and agrees with the report', async () => {
    const lesson = lessonById('hot-key');
    if (!lesson) throw new Error('no hot-key lesson');
    const doc = solutionDesign(lesson);
    const kinds = Object.fromEntries(doc.nodes.map((n) => [n.id, n.kind]));
    const tracker = new LiveTracker(lesson.checks, kinds);
    const sim = createSimulation(doc, { seed: doc.settings.seed });
    const seen: string[] = [];
    for (let t = 0; t <= 60_000; t += 5_000) {
      await sim.advance(t);
      tracker.push(sim.frame());
      seen.push(tracker.results()[0].status);
    }
    expect(seen[0]).toBe('pending');
    expect(seen.at(-1)).toBe('passed');
    expect(tracker.results(true).map((r) => r.passed)).toEqual(
      evaluateReport(lesson.checks, sim.report()).map((r) => r.passed),
    );
  });

  it('fails the hot-key check in the first seconds of the starting design, with the records throttled', async () => {
    const lesson = lessonById('hot-key');
    if (!lesson) throw new Error('no hot-key lesson');
    const doc = startingDesign(lesson);
    const tracker = new LiveTracker(lesson.checks, Object.fromEntries(doc.nodes.map((n) => [n.id, n.kind])));
    const sim = createSimulation(doc, { seed: doc.settings.seed });
    await sim.advance(5_000);
    tracker.push(sim.frame());
    const [throttle] = tracker.results();
    expect(throttle.status).toBe('failed');
    expect(throttle.value).toBeGreaterThan(1_000); // ~400 records/s over the hot shard's limit
  });

  it('windows a sum from fromSec: resharding at 15 s leaves 0 throttled from 45 s on', async () => {
    const lesson = lessonById('reshard-live');
    if (!lesson) throw new Error('no reshard-live lesson');
    const doc = solutionDesign(lesson);
    const tracker = new LiveTracker(lesson.checks, Object.fromEntries(doc.nodes.map((n) => [n.id, n.kind])));
    const sim = createSimulation(doc, { seed: doc.settings.seed });
    for (let t = 0; t <= 90_000; t += 1_000) {
      await sim.advance(t);
      tracker.push(sim.frame());
    }
    const report = sim.report();
    expect(report.nodes.find((n) => n.id === 'telemetry')?.counters.throttled).toBeGreaterThan(0);
    expect(tracker.results(true).map((r) => [r.id, r.status, r.value])).toEqual([
      ['resharded', 'passed', 1],
      ['clean-after', 'passed', 0],
    ]);
  });
});

describe('lesson files', () => {
  it('a file that is not a lesson gets one message naming the path', () => {
    expect(parseLesson('{ nope')).toMatchObject({ ok: false });
    const r = parseLesson(JSON.stringify({ format: 'shardscape.lesson', id: 'Bad Id' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Not a lesson file: .* at id$/);
  });

  it('"make this a lesson" proposes checks that the run it came from passes, and it reads back', async () => {
    const lesson = lessonById('lambda-lag');
    if (!lesson) throw new Error('no lambda-lag lesson');
    const doc = solutionDesign(lesson);
    const report = await runHeadless(doc, { durationSec: 60 });
    const made = lessonFromDesign(doc, report, 'my-lesson');
    expect(made.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['orders-throttled', 'orders-shards', 'enricher-iterator-age', 'cost']),
    );
    expect(evaluateReport(made.checks, report).every((r) => r.passed)).toBe(true);
    const back = parseLesson(JSON.stringify(made));
    expect(back.ok).toBe(true);
    if (back.ok) expect(startingDesign(back.lesson).nodes.length).toBe(doc.nodes.length);
  });
});
