/**
 * The Kinesis Agent tails the lines the design's record template writes (the log-analytics
 * template's Apache access log), so the transform's `/health` filter has lines to drop.
 */
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../model/templates/index.ts';
import { EngineSimulation } from '../simulation.ts';
import { formatMoment } from './template.ts';

describe('the Kinesis Agent and its record template', () => {
  it('formats an Apache log time with moment tokens: 01/Jun/2017:00:01:30 +0000', () => {
    expect(formatMoment(Date.UTC(2017, 5, 1, 0, 1, 30), 'DD/MMM/YYYY:HH:mm:ss ZZ')).toBe(
      '01/Jun/2017:00:01:30 +0000',
    );
    expect(formatMoment(Date.UTC(2017, 11, 24), 'YYYY-MM-DDTHH:mm:ssZ')).toBe('2017-12-24T00:00:00+00:00');
  });

  it('log analytics: the agent sends the template’s lines as JSON, /health among them, and the transform drops those', async () => {
    const template = TEMPLATES.find((t) => t.id === 'log-analytics');
    if (!template) throw new Error('log-analytics template missing');
    const sim = new EngineSimulation(structuredClone(template.doc), { seed: 42 });
    await sim.advance(130_000);
    const peeks = sim.peek({ nodeId: 'agent' }, 30);
    expect(peeks.length).toBeGreaterThan(20);
    const docs = peeks.map((p) => JSON.parse(p.data) as { request: string; datetime: string });
    for (const d of docs) expect(d.datetime).toMatch(/^\d\d\/Jun\/2017:00:\d\d:\d\d \+0000$/);
    const paths = new Set(docs.map((d) => d.request.split(' ')[1]));
    // Six paths, one of them the load balancer's health check.
    expect(paths.has('/health')).toBe(true);
    expect(
      [...paths].every((p) =>
        ['/', '/index.html', '/api/orders', '/api/cart', '/images/logo.png', '/health'].includes(p),
      ),
    ).toBe(true);
    const counters = sim.report().nodes.find((n) => n.id === 'enrich')?.counters ?? {};
    // The handler runs on a sample of the records (sampleRecordsPerSec); of those, about 1 in 6 is /health.
    expect(counters.transformDropped).toBeGreaterThan(0);
    expect(counters.transformDropped / counters.transformRecordsIn).toBeLessThan(0.2);
  });
});
