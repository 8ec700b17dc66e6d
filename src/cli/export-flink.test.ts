/**
 * `shardscape export DESIGN --format flink-sql [--out DIR]`: stdout is every Analytics node's Flink
 * SQL under a banner; --out writes `<node>.sql` per node and main.py; a design with no Analytics node
 * or an invalid one exits 1 with the reason on stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_PLACEHOLDER, REGION_PLACEHOLDER } from '../export/flink/tables.ts';

const bin = new URL('../../bin/shardscape.mjs', import.meta.url).pathname;
const examples = new URL('../../examples/', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync('node', [bin, 'export', ...args], { encoding: 'utf8' });

// Each case starts the CLI in a fresh Node (seconds each on a loaded machine).
describe('shardscape export --format flink-sql', { timeout: 120_000 }, () => {
  it('prints every Analytics node’s Flink SQL under a banner naming the node', () => {
    const r = run(join(examples, 'clickstream.json'), '--format', 'flink-sql');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^-- ===== clickstream-analytics\.sql \(Analytics node "clickstream-analytics"\) =====\n/,
    );
    expect(r.stdout).toContain(
      `'stream.arn' = 'arn:aws:kinesis:${REGION_PLACEHOLDER}:${ACCOUNT_PLACEHOLDER}:stream/dev-clickstream'`,
    );
    expect(r.stdout).toContain('EXECUTE STATEMENT SET');
  });

  it('--out writes <node>.sql and main.py (the bundle the CloudFormation application runs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flink-'));
    const r = run(
      join(examples, 'leaderboard.json'),
      '--format',
      'flink-sql',
      '--out',
      dir,
      '--prefix',
      'prod',
    );
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['main.py', 'top10-players.sql']);
    expect(readFileSync(join(dir, 'top10-players.sql'), 'utf8')).toContain('stream/prod-points-scored');
    expect(readFileSync(join(dir, 'main.py'), 'utf8')).toContain('job.execute()');
  });

  it('a design without an Analytics node, or an invalid design, exits 1 saying why', () => {
    const none = run(join(examples, 'hot-key.json'), '--format', 'flink-sql');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('the design has no Analytics node');
    const doc = JSON.parse(readFileSync(join(examples, 'clickstream.json'), 'utf8'));
    doc.edges = doc.edges.filter((e: { target: string }) => e.target !== 'sql'); // the Analytics node loses its source
    const bad = join(mkdtempSync(join(tmpdir(), 'flink-')), 'bad.json');
    writeFileSync(bad, JSON.stringify(doc));
    const invalid = run(bad, '--format', 'flink-sql');
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(/clickstream-analytics/);
  });
});
