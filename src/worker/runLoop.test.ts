import { describe, expect, it } from 'vitest';
import type { LiveFrame } from '../engine/api.ts';
import { createRunLoop, MAX_WALL_STEP_MS, type Speed } from './runLoop.ts';

/** A hand-cranked animation-frame clock: `frame(ms)` moves wall time and fires the rAF callbacks. */
function harness(opts: { callWallMs?: number; showEveryMs?: number } = {}) {
  let wall = 0;
  let callbacks: (() => void)[] = [];
  const calls: number[] = [];
  const shown: number[] = [];
  const errors: Error[] = [];
  const loop = createRunLoop({
    now: () => wall,
    raf: (cb) => {
      callbacks.push(cb);
      return callbacks.length;
    },
    cancelRaf: () => {
      callbacks = [];
    },
    advance: async (toMs) => {
      calls.push(toMs);
      wall += opts.callWallMs ?? 0; // the worker's time for this call, seen as wall time
      return { simMs: toMs } as LiveFrame;
    },
    onFrame: (f) => shown.push(f.simMs),
    onError: (e) => errors.push(e),
    showEveryMs: opts.showEveryMs ?? 0,
  });
  async function frame(wallMs: number) {
    wall += wallMs;
    const cbs = callbacks;
    callbacks = [];
    for (const cb of cbs) cb();
    // Let the advance promise settle (microtasks), as it would before the next animation frame.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
  return { loop, frame, calls, shown, errors, start: (s: Speed) => loop.start(0, s) };
}

describe('run loop: wall time to simulated time', () => {
  it('at 10× a 16 ms animation frame advances 160 simulated ms', async () => {
    const h = harness();
    h.start(10);
    await h.frame(16);
    await h.frame(16);
    await h.frame(16);
    expect(h.calls).toEqual([160, 320, 480]);
    // Each frame shows at the animation frame after it arrived: never more than one per frame.
    expect(h.shown).toEqual([160, 320]);
  });

  it('at 1× an engine moving in 100 ms ticks still advances: 16 ms requests add up', async () => {
    let wall = 0;
    let callbacks: (() => void)[] = [];
    const shown: number[] = [];
    const loop = createRunLoop({
      now: () => wall,
      raf: (cb) => callbacks.push(cb),
      cancelRaf: () => {},
      // The engine only reaches whole 100 ms ticks.
      advance: async (toMs) => ({ simMs: Math.floor(toMs / 100) * 100 }) as LiveFrame,
      onFrame: (f) => shown.push(f.simMs),
      onError: () => {},
      showEveryMs: 0,
    });
    loop.start(0, 1);
    for (let i = 0; i < 20; i++) {
      wall += 16;
      const cbs = callbacks;
      callbacks = [];
      for (const cb of cbs) cb();
      await Promise.resolve();
      await Promise.resolve();
    }
    // 20 frames × 16 ms = 320 ms of wall time at 1×: the engine reached 300 ms.
    expect(shown.at(-1)).toBe(300);
  });

  it('shows at most one frame per 100 wall ms (10 Hz) even at 60 animation frames a second', async () => {
    const h = harness({ showEveryMs: 100 });
    h.start(10);
    for (let i = 0; i < 60; i++) await h.frame(1000 / 60);
    // One wall second: 59 engine calls, about 10 frames shown.
    expect(h.calls.length).toBeGreaterThan(50);
    expect(h.shown.length).toBeGreaterThanOrEqual(9);
    expect(h.shown.length).toBeLessThanOrEqual(11);
  });

  it('caps a long wall gap (a background tab) to 250 ms of wall time', async () => {
    const h = harness();
    h.start(60);
    await h.frame(10_000);
    expect(h.calls).toEqual([MAX_WALL_STEP_MS * 60]);
  });

  it('pause stops issuing calls and the clock stays where the engine stopped', async () => {
    const h = harness();
    h.start(1);
    await h.frame(100);
    await h.frame(100);
    h.loop.stop();
    await h.frame(100);
    await h.frame(100);
    expect(h.calls).toEqual([100, 200]);
    expect(h.shown.at(-1)).toBe(200);
    await h.loop.idle();
  });

  it('at max speed grows the chunk while calls are quick, and shrinks it when calls take long', async () => {
    const quick = harness({ callWallMs: 4 });
    quick.start('max');
    for (let i = 0; i < 4; i++) await quick.frame(16);
    quick.loop.stop();
    expect(quick.loop.chunkMs).toBeGreaterThan(1_000);
    expect(quick.calls.length).toBeGreaterThan(4); // back to back, not one per animation frame

    const slow = harness({ callWallMs: 400 });
    slow.start('max');
    for (let i = 0; i < 3; i++) await slow.frame(16);
    slow.loop.stop();
    expect(slow.loop.chunkMs).toBeLessThan(1_000);
  });

  it('an engine error stops the loop and is reported', async () => {
    const errors: Error[] = [];
    let cb: (() => void) | null = null;
    const loop = createRunLoop({
      now: () => 0,
      raf: (f) => {
        cb = f;
        return 1;
      },
      cancelRaf: () => {},
      advance: () => Promise.reject(new Error('handler threw')),
      onFrame: () => {},
      onError: (e) => errors.push(e),
    });
    loop.start(0, 'max');
    (cb as unknown as () => void)();
    await Promise.resolve();
    await Promise.resolve();
    expect(errors.map((e) => e.message)).toEqual(['handler threw']);
    expect(loop.running).toBe(false);
  });
});
