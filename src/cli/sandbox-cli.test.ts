/**
 * The sandbox through the command line, as a user runs a design someone sent: escape attempts and
 * runaway handlers in one design. Nothing is written, the run completes with exit 0, the handlers'
 * errors are in the report, and the process stays under 1.5 GB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../engine/api.ts';
import { design, node, plainProducer } from '../engine/testing.ts';
import { ESCAPES, handlerSource, RUNAWAYS } from '../engine/usercode/escape-corpus.ts';
import type { PipelineNode } from '../model/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'shardscape-cli-escape-'));

function lanes(bodies: { id: string; body: string }[]) {
  const nodes: PipelineNode[] = [];
  const edges: [string, string][] = [];
  bodies.forEach(({ id, body }, i) => {
    nodes.push(
      plainProducer(`p${i}`, 20, 200),
      node(`s${i}`, 'stream', { shardCount: 1 }),
      node(`f${i}`, 'lambda', {
        code: handlerSource(body, join(dir, `${id}.txt`)),
        timeoutSec: 3,
        sampleRecordsPerSec: 20,
      }),
    );
    edges.push([`p${i}`, `s${i}`], [`s${i}`, `f${i}`]);
  });
  return design(nodes, edges, { durationSec: 4, name: 'escapes' });
}

function runCli(doc: object) {
  const file = join(dir, `design-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const r = spawnSync(
    process.execPath,
    ['--import', './scripts/print-rss.mjs', 'bin/shardscape.mjs', 'run', file, '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const rss = Number(/peak-rss-mib (\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return {
    status: r.status,
    report: r.status === 0 ? (JSON.parse(r.stdout) as RunReport) : null,
    rss,
    stderr: r.stderr,
  };
}

// Each spawns the CLI on a whole design: minutes on a loaded 2-core box, hence the long timeout.
describe('shardscape run with a design someone sent', { timeout: 240_000 }, () => {
  it('24 escape attempts: exit 0, no file written, every handler error in the report', () => {
    const r = runCli(lanes(ESCAPES));
    expect(r.status, r.stderr).toBe(0);
    for (const v of ESCAPES) expect(existsSync(join(dir, `${v.id}.txt`)), v.id).toBe(false);
    const fns = r.report?.nodes.filter((n) => n.kind === 'lambda') ?? [];
    expect(fns).toHaveLength(ESCAPES.length);
    for (const n of fns) expect(n.counters.invocations, n.name).toBeGreaterThan(0);
    // Attempts that need the host fail with the handler's own error, in the report.
    const errorsOf = (id: string) =>
      fns[ESCAPES.findIndex((v) => v.id === id)]?.handlerErrors?.[0]?.errorMessage ?? '';
    expect(errorsOf('require')).toMatch(/Cannot find module 'fs'/);
    expect(errorsOf('fetch')).toMatch(/fetch is not available/);
    expect(errorsOf('function-constructor')).toBe('');
  });

  it('10 runaway handlers: exit 0, each ends as a timeout or an error, peak memory under 1.5 GB', () => {
    const r = runCli(lanes(RUNAWAYS));
    expect(r.status, r.stderr).toBe(0);
    for (const n of r.report?.nodes.filter((x) => x.kind === 'lambda') ?? []) {
      expect(n.counters.errors, n.name).toBeGreaterThan(0);
      expect(n.metrics.Duration.max, n.name).toBeLessThanOrEqual(3000);
    }
    expect(r.rss).toBeLessThan(1536);
    console.log(`CLI peak RSS with 10 runaway handlers: ${r.rss} MiB`);
  });
});
