import { describe, expect, it } from 'vitest';
import { checkSql, parseTypeName } from '../../sql/index.ts';
import { validateDocument } from '../validate.ts';
import { COLUMN_PX } from './build.ts';
import { TEMPLATES } from './index.ts';

const IDS = [
  'clickstream',
  'sushi-iot',
  'adtech',
  'log-analytics',
  'leaderboard',
  'selfie-dashboard',
  'hot-key',
  'slow-lambda',
];
const cases = TEMPLATES.map((t) => [t.id, t] as const);

describe('templates', () => {
  it('are the eight designs of the contract', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(IDS);
  });

  it.each(cases)('%s validates with no errors and no warnings', (_id, t) => {
    expect(validateDocument(t.doc)).toEqual([]);
  });

  it.each(cases)('%s has bilingual text, seed 42 and the talk’s start time', (_id, t) => {
    for (const text of [t.title, t.description]) {
      expect(text.en.length).toBeGreaterThan(5);
      expect(text.ja.length).toBeGreaterThan(5);
      expect(text.ja).not.toBe(text.en);
    }
    expect(t.doc.settings).toMatchObject({ seed: 42, startTime: '2017-06-01T00:00:00Z' });
    expect(t.doc.name).toBe(t.title.en);
  });

  it.each(cases)('%s is laid out left to right, 260 px apart, no two nodes on one spot', (_id, t) => {
    const spots = new Set(t.doc.nodes.map((n) => `${n.position.x},${n.position.y}`));
    expect(spots.size).toBe(t.doc.nodes.length);
    for (const n of t.doc.nodes) expect(n.position.x % COLUMN_PX).toBe(0);
    const x = new Map(t.doc.nodes.map((n) => [n.id, n.position.x]));
    for (const e of t.doc.edges) expect(x.get(e.target) as number).toBeGreaterThan(x.get(e.source) as number);
  });

  it.each(cases)(
    '%s: producer templates render to JSON (or a log line) and every Analytics SQL checks clean',
    (_id, t) => {
      for (const n of t.doc.nodes) {
        if (n.kind === 'producer' && n.config.source !== 'agent') {
          // With every placeholder rendered as 1 (a number, or text inside quotes) the record is valid JSON.
          const rendered = n.config.template.replace(/\{\{.*?\}\}/g, '1');
          expect(() => JSON.parse(rendered), n.name).not.toThrow();
        }
        if (n.kind === 'analytics') {
          const inputs = [
            {
              name: `${n.config.inputNamePrefix}_001`,
              columns: n.config.columns.map((c) => ({ name: c.name, type: parseTypeName(c.sqlType) })),
            },
          ];
          expect(checkSql(n.config.sql, inputs), n.name).toEqual([]);
          // Every column the JSON paths read exists in the producer's record template.
          const producer = t.doc.nodes.find((p) => p.kind === 'producer');
          for (const c of n.config.columns) {
            const field = c.mapping.replace(/^\$\./, '');
            expect(
              producer?.kind === 'producer' && producer.config.template.includes(`"${field}"`),
              `${n.name}: ${field}`,
            ).toBe(true);
          }
        }
      }
    },
  );

  it('the talk’s figures: adtech writes 20,000 rec/s over 32 shards with Zipf keys; slow-lambda runs 2 s batches of 100', () => {
    const adtech = TEMPLATES.find((t) => t.id === 'adtech')?.doc;
    const p = adtech?.nodes.find((n) => n.kind === 'producer');
    const s = adtech?.nodes.find((n) => n.kind === 'stream');
    expect(p?.kind === 'producer' && p.config.rate).toEqual({ type: 'constant', recordsPerSec: 20_000 });
    expect(p?.kind === 'producer' && p.config.partitionKey.type).toBe('zipf');
    expect(s?.kind === 'stream' && s.config.shardCount).toBe(32);
    const slow = TEMPLATES.find((t) => t.id === 'slow-lambda')?.doc;
    const l = slow?.nodes.find((n) => n.kind === 'lambda');
    expect(l?.kind === 'lambda' && [l.config.duration, l.config.esm.batchSize]).toEqual([
      { type: 'fixed', ms: 2_000 },
      100,
    ]);
  });
});
