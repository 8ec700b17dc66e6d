// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../engine/index.ts';
import type { CheckResult } from '../lessons/index.ts';
import { lessonById, solutionDesign } from '../lessons/index.ts';

const result = (id: string, passed: boolean): CheckResult => ({
  id,
  status: passed ? 'passed' : 'pending',
  passed,
  detail: { en: '', ja: '' },
});

/** A fresh module (and store) that reads what the previous one saved, like a page reload. */
async function reload() {
  vi.resetModules();
  return import('./lessons.ts');
}

describe('lessons store', () => {
  beforeEach(() => localStorage.clear());

  it('keeps progress, the active lesson and the open panel across a reload', async () => {
    const first = await reload();
    const s = first.lessonsStore.getState();
    s.setOpen(true);
    s.setActive('hot-key');
    s.record('hot-key', [result('no-throttling', false), result('four-shards', true)]);
    expect(first.lessonsStore.getState().progress['hot-key']).toEqual({
      passed: ['four-shards'],
      completed: false,
    });
    s.record('hot-key', [result('no-throttling', true), result('four-shards', true)]);

    const second = await reload();
    const after = second.lessonsStore.getState();
    expect(after.open).toBe(true);
    expect(after.activeId).toBe('hot-key');
    expect(after.progress['hot-key']).toEqual({ passed: ['four-shards', 'no-throttling'], completed: true });
  });

  it('a later failing run does not take completed progress away', async () => {
    const { lessonsStore } = await reload();
    lessonsStore.getState().record('first-stream', [result('no-throttling', true), result('lean', true)]);
    lessonsStore.getState().record('first-stream', [result('no-throttling', false), result('lean', true)]);
    expect(lessonsStore.getState().progress['first-stream'].completed).toBe(true);
  });

  it('drops a stored imported lesson that no longer validates instead of breaking the panel', async () => {
    localStorage.setItem('shardscape.lessons', JSON.stringify({ imported: [{ format: 'x' }], progress: {} }));
    const { lessonsStore } = await reload();
    expect(lessonsStore.getState().imported).toEqual([]);
  });

  it('grades the active lesson from the frames the run puts in the sim store', async () => {
    const mod = await reload();
    const { simStore } = await import('./simStore.ts');
    const lesson = lessonById('hot-key');
    if (!lesson) throw new Error('no hot-key lesson');
    mod.lessonsStore.getState().setActive('hot-key');
    let t = 0;
    const stop = mod.startLiveGrading(() => (t += 1_000));
    const doc = solutionDesign(lesson);
    simStore.setState({ kinds: Object.fromEntries(doc.nodes.map((n) => [n.id, n.kind])), status: 'running' });
    const sim = createSimulation(doc, { seed: doc.settings.seed });
    for (let ms = 0; ms <= 61_000; ms += 10_000) {
      await sim.advance(ms);
      simStore.setState({ frame: sim.frame(), simMs: ms });
    }
    stop();
    expect(mod.lessonsStore.getState().results?.map((r) => r.status)).toEqual(['passed', 'passed']);
    expect(mod.lessonsStore.getState().progress['hot-key'].completed).toBe(true);
  });
});
