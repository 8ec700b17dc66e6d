import { describe, expect, it } from 'vitest';
import { createTurnScheduler } from './turns.ts';

/** A hand-cranked requestAnimationFrame: `frame()` runs one animation frame's callbacks. */
function fakeRaf() {
  let callbacks: (() => void)[] = [];
  return {
    raf: (cb: () => void) => callbacks.push(cb),
    frame() {
      const now = callbacks;
      callbacks = [];
      for (const cb of now) cb();
    },
  };
}

describe('main-thread turns', () => {
  it('five charts and a live frame asked for at once get six different animation frames, the frame first', () => {
    const clock = fakeRaf();
    const turns = createTurnScheduler(clock.raf);
    const ran: string[][] = [];
    let thisFrame: string[] = [];
    for (let i = 1; i <= 5; i++) turns.request(() => thisFrame.push(`chart ${i}`));
    turns.request(() => thisFrame.push('live frame'), { key: 'frame', first: true });
    for (let f = 0; f < 8; f++) {
      clock.frame();
      ran.push(thisFrame);
      thisFrame = [];
    }
    expect(ran).toEqual([
      ['live frame'],
      ['chart 1'],
      ['chart 2'],
      ['chart 3'],
      ['chart 4'],
      ['chart 5'],
      [],
      [],
    ]);
  });

  it('a newer live frame replaces the one still waiting: 3 frames in one animation frame show only the last', () => {
    const clock = fakeRaf();
    const turns = createTurnScheduler(clock.raf);
    const shown: number[] = [];
    for (const n of [1, 2, 3]) turns.request(() => shown.push(n), { key: 'frame', first: true });
    expect(turns.waiting()).toBe(1);
    clock.frame();
    clock.frame();
    expect(shown).toEqual([3]);
  });

  it('restFrames leaves one frame free after each chart for the frame-batched redraw of recharts', () => {
    const clock = fakeRaf();
    const turns = createTurnScheduler(clock.raf);
    const log: string[] = [];
    turns.request(() => log.push('a'), { restFrames: 1 });
    turns.request(() => log.push('b'), { restFrames: 1 });
    for (let f = 0; f < 4; f++) {
      clock.frame();
      log.push('|');
    }
    expect(log.join('')).toBe('a||b||');
  });

  it('a withdrawn turn never runs; without requestAnimationFrame (Node) a turn runs at once', () => {
    const clock = fakeRaf();
    const turns = createTurnScheduler(clock.raf);
    let ran = 0;
    const withdraw = turns.request(() => ran++);
    withdraw();
    clock.frame();
    expect(ran).toBe(0);
    const now = createTurnScheduler(undefined);
    now.request(() => ran++);
    expect(ran).toBe(1);
  });
});
