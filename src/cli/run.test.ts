import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { RunReport } from '../engine/api.ts';
import { design, node, plainProducer } from '../engine/testing.ts';
import { main, parseRunArgs } from './run.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'shardscape.mjs');

function shardscape(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json'));

describe('npx shardscape run', () => {
  it('has example designs to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples)(
    'runs examples/%s and prints one JSON report with conservation holding',
    (file) => {
      const r = shardscape(['run', join('examples', file), '--duration', '20s', '--seed', '3', '--json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const report = JSON.parse(lines[0]) as RunReport;
      expect(report.seed).toBe(3);
      expect(report.simulatedSeconds).toBe(20);
      expect(report.nodes.length).toBeGreaterThan(1);
      for (const n of report.nodes) {
        expect(n.id).toBeTruthy();
        for (const m of Object.values(n.metrics)) expect(m.series.length).toBeLessThanOrEqual(20);
      }
      const streams = report.nodes.filter((n) => n.kind === 'stream');
      for (const s of streams) expect(s.shards?.[0]?.startingHashKey).toBe('0');
      expect(report.conservation.nodes.filter((n) => !n.ok)).toEqual([]);
      expect(report.cost.totalUsd).toBeGreaterThan(0);
    },
    120_000,
  );

  it('prints a readable summary without --json', () => {
    const r = shardscape(['run', join('examples', examples[0]), '--duration', '5s']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/seed \d+ · 5 simulated s/);
    expect(r.stdout).toContain('Conservation: OK');
    expect(r.stdout).toMatch(/Cost \((2017|current) prices\)/);
  }, 120_000);

  it('marks the nodes behind a fluid stream as the rate model and prints their figures', () => {
    const doc = design(
      [plainProducer('p', 300_000, 100), node('s', 'stream', { shardCount: 400 }), node('fn', 'lambda', {})],
      [
        ['p', 's'],
        ['s', 'fn'],
      ],
    );
    const file = join(tmpdir(), `shardscape-rate-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const r = shardscape(['run', file, '--duration', '5s']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('fn (lambda, rate model)');
    // 300,000 rec/s over 400 shards: 750 a shard in batches of 100 → 7.5 invocations a shard a second.
    expect(r.stdout).toMatch(/Invocations 15,000 \(max 3,000\/s\)/);
  }, 120_000);

  it('exits 1 with the problems listed for an invalid design', () => {
    const dir = tmpdir();
    const bad = join(dir, `shardscape-bad-${process.pid}.json`);
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'shardscape.pipeline',
        schemaVersion: 1,
        name: 'bad',
        description: '',
        nodes: [{ id: 's', kind: 'stream', name: 's', position: { x: 0, y: 0 }, config: { shardCount: 0 } }],
        edges: [],
        timeline: [],
        settings: { seed: 1, durationSec: 10, startTime: '2017-06-01T00:00:00Z', priceBook: 'current' },
      }),
    );
    const invalid = shardscape(['run', bad, '--json']);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(/problem/);
  }, 120_000);

  it('exits 1 for a broken file (with line:column) and for a missing file', async () => {
    const broken = join(tmpdir(), `shardscape-broken-${process.pid}.json`);
    writeFileSync(broken, '{"format": ');
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    try {
      expect(await main([broken])).toBe(1);
      expect(await main([join(tmpdir(), 'no-such-design.json')])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(errors[0]).toMatch(/line 1, column \d+/);
    expect(errors[1]).toMatch(/Cannot read/);
  });
});

describe('run options', () => {
  it('parses durations like 90s, 15m and 1h, seeds and price books', () => {
    expect(
      parseRunArgs(['d.json', '--duration', '15m', '--seed', '9', '--price-book', '2017', '--json']),
    ).toEqual({
      file: 'd.json',
      durationSec: 900,
      seed: 9,
      priceBook: '2017',
      json: true,
      lang: 'en',
    });
    expect(parseRunArgs(['d.json', '--duration=1h'])).toMatchObject({ durationSec: 3600 });
    expect(parseRunArgs(['d.json', '--duration', '90s'])).toMatchObject({ durationSec: 90 });
    expect(parseRunArgs(['d.json', '--duration', 'soon'])).toMatch(/--duration/);
    expect(parseRunArgs(['d.json', '--price-book', '2020'])).toMatch(/--price-book/);
    expect(parseRunArgs([])).toMatch(/usage/);
  });
});
