import { describe, expect, it } from 'vitest';
import { pipeline } from './lambda/testkit.ts';
import { EngineSimulation } from './simulation.ts';
import { design, node, plainProducer } from './testing.ts';

describe('live byte rates of consumers (what the cards print as MiB/s)', () => {
  it('a Lambda reading 500 rec/s of 1,000-byte records reports 500 rec/s and 500,000+ B/s in', async () => {
    const sim = pipeline(500, {}, { bytes: 1_000 });
    // advance() settles the handlers' promises each step (advanceSync would leave them invoking).
    await sim.advance(10_000);
    const f = sim.frame().nodes.f;
    expect(f.inRecordsPerSec).toBe(500);
    // Each record counts its bytes as the shard stored them (1,000 here).
    expect(f.inBytesPerSec).toBeGreaterThanOrEqual(500_000);
    expect(f.inBytesPerSec).toBeLessThan(500 * 1_100);
  });

  it('an Analytics app reports the bytes it reads, not 0.00 MiB/s', () => {
    const sim = new EngineSimulation(
      design(
        [plainProducer('p', 200, 300), node('s', 'stream', { shardCount: 1 }), node('a', 'analytics', {})],
        [
          ['p', 's'],
          ['s', 'a'],
        ],
      ),
      { seed: 1 },
    );
    sim.advanceSync(10_000);
    const a = sim.frame().nodes.a;
    expect(a.inRecordsPerSec).toBe(200);
    expect(a.inBytesPerSec).toBeGreaterThanOrEqual(200 * 300);
    expect(a.inBytesPerSec).toBeLessThan(200 * 400);
  });
});
