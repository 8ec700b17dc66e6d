// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardNode, WireEdge } from './toFlow.ts';
import {
  ALL_AT_ONCE,
  nextBatch,
  START_BATCH,
  useProgressiveMount,
  wiresOfShown,
} from './useProgressiveMount.ts';

const cards = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => ({ id: `n${i}`, position: { x: i, y: 0 }, data: {} }) as unknown as CardNode,
  );

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('cards mounting a batch per frame', () => {
  it('a slow frame (60 ms wall) halves the batch, down to 2; a quick one (20 ms) adds a card, up to 8', () => {
    expect(nextBatch(4, 60)).toBe(2);
    expect(nextBatch(3, 60)).toBe(2); // never under 2: a slow box still sees the design fill in
    expect(nextBatch(4, 20)).toBe(5);
    expect(nextBatch(8, 20)).toBe(8);
    expect(nextBatch(4, 38)).toBe(4);
  });

  it('a template-sized set (12 cards) mounts in one frame', () => {
    const { result } = renderHook(() => useProgressiveMount(cards(ALL_AT_ONCE)));
    expect(result.current.mounting).toBe(false);
    expect(result.current.nodes).toHaveLength(ALL_AT_ONCE);
  });

  it('a 300-card design starts with 4 cards, and every card is in once the frames have run', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const all = cards(300);
    const { result } = renderHook(() => useProgressiveMount(all));
    expect(result.current.nodes).toHaveLength(START_BATCH);
    expect(result.current.mounting).toBe(true);
    // Quick frames (16 ms): the batch grows to 8 cards a frame.
    let frames = 0;
    for (; frames < 80 && result.current.mounting; frames++)
      await act(async () => vi.advanceTimersByTime(16));
    expect(result.current.mounting).toBe(false);
    expect(frames).toBeLessThan(45); // 4 a frame throughout would take 74 frames
    expect(frames).toBeGreaterThan(35); // never more than 8 a frame
    expect(result.current.nodes).toBe(all);
  });

  it('wires wait until both of their cards are handed over', () => {
    const edges = [
      { id: 'a', source: 'n0', target: 'n1' },
      { id: 'b', source: 'n1', target: 'n200' },
    ] as WireEdge[];
    const of = (nodes: CardNode[], mounting: boolean) => ({
      nodes,
      mounting,
      ids: new Set(nodes.map((n) => n.id)),
    });
    expect(wiresOfShown(edges, of(cards(4), true)).map((e) => e.id)).toEqual(['a']);
    expect(wiresOfShown(edges, of(cards(300), false))).toBe(edges);
  });
});
