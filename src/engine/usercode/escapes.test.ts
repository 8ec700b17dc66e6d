import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeReport, RunReport } from '../api.ts';
import { runHeadless } from '../index.ts';
import { ESCAPES, handlerSource, RUNAWAYS } from './escape-corpus.ts';
import { CLEAN, twoLanes as lanes } from './handler-fuzz.ts';

const dir = mkdtempSync(join(tmpdir(), 'shardscape-escape-'));
const LANES = { rate: 50, bytes: 200, timeoutSec: 3, memoryMB: 1024, sample: 50 };
const twoLanes = (code: string) => lanes(code, LANES);

const laneB = (r: RunReport) => JSON.stringify(r.nodes.filter((n) => n.id.endsWith('b')));
const of = (r: RunReport, id: string) => r.nodes.find((n) => n.id === id) as NodeReport;

const clean = await runHeadless(twoLanes(CLEAN), { seed: 7, durationSec: 8 });

describe('a design’s handler cannot reach the machine, the engine or other nodes', () => {
  it.each(ESCAPES)(
    '$id: no file written, the clean lane identical, the run completes',
    async ({ id, body }) => {
      const marker = join(dir, `${id}.txt`);
      const report = await runHeadless(twoLanes(handlerSource(body, marker)), { seed: 7, durationSec: 8 });
      expect(existsSync(marker)).toBe(false);
      expect(laneB(report)).toBe(laneB(clean));
      expect(of(report, 'fa').counters.invocations).toBeGreaterThan(0);
      expect(report.conservation.ok).toBe(true);
    },
  );

  it('what an escape attempt sees is the sandbox: no process, no host hooks, no network objects', async () => {
    const saw = await runHeadless(
      twoLanes(
        handlerSource(
          `const g = Function('return this')(); return { items: [{ id: 'x', seen: [typeof g.process, typeof g.XMLHttpRequest, typeof g.WebSocket, typeof g.indexedDB, typeof __invoke, typeof require('x')].join() }] };`,
          join(dir, 'seen.txt'),
        ),
      ),
      { seed: 7, durationSec: 3 },
    );
    const errs = of(saw, 'fa').handlerErrors ?? [];
    // require throws "Cannot find module", so the handler fails with that message: nothing was reachable.
    expect(errs[0]).toMatchObject({
      errorType: 'Error',
      errorMessage: expect.stringMatching(/Cannot find module 'x'/),
    });
  });
});

describe('runaway handlers end as a timeout or an error and the run goes on', () => {
  it.each(RUNAWAYS)(
    '$id',
    async ({ id, body }) => {
      const report = await runHeadless(twoLanes(handlerSource(body, join(dir, `${id}.txt`))), {
        seed: 7,
        durationSec: 4,
      });
      const fa = of(report, 'fa');
      expect(fa.counters.errors).toBeGreaterThan(0);
      expect(fa.handlerErrors?.length).toBeGreaterThan(0);
      // Within the function's timeout (3 s) of simulated time.
      expect(fa.metrics.Duration.max).toBeLessThanOrEqual(3000);
      expect(laneB(report)).toBe(laneB(await runHeadless(twoLanes(CLEAN), { seed: 7, durationSec: 4 })));
    },
    120_000,
  ); // a handler that fills the 256 MiB WASM memory each invocation takes ~0.5 s a time

  it('a timed-out handler gives byte-identical reports on every run (the budget counts ticks, not time)', async () => {
    const code = handlerSource('while (true) {}', join(dir, 'x.txt'));
    const a = JSON.stringify(await runHeadless(twoLanes(code), { seed: 9, durationSec: 5 }));
    const b = JSON.stringify(await runHeadless(twoLanes(code), { seed: 9, durationSec: 5 }));
    expect(a).toBe(b);
    expect(a).toContain('Task timed out after 3.00 seconds');
  });
});
