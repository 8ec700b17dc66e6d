/**
 * Every Flink SQL the export writes parses as Flink SQL (dt-sql-parser's FlinkSQL, zero errors):
 * every example design, every lesson design, and every documented AWS example the SQL reference
 * tests reproduce (recorded from their own runSql calls, so new reference tests are covered as they
 * are written). The studio's SQL templates and random designs: src/ui/sql/flink-templates.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LESSONS, solutionDesign, startingDesign } from '../../lessons/index.ts';
import type { PipelineDoc } from '../../model/types.ts';
import { parseSchema } from '../../sql/index.ts';
import type { TestInput } from '../../sql/testkit.ts';
import { flinkProblems } from './flink-check.ts';
import { toFlinkSql } from './index.ts';
import { REGION_PLACEHOLDER } from './tables.ts';
import { translateApp } from './translate.ts';

const recorded = vi.hoisted(() => [] as { sql: string; inputs: TestInput[] }[]);
vi.mock('../../sql/testkit.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../sql/testkit.ts')>();
  return {
    ...real,
    runSql: (sql: string, inputs: TestInput[], opts?: Parameters<typeof real.runSql>[2]) => {
      recorded.push({ sql, inputs });
      return real.runSql(sql, inputs, opts);
    },
  };
});
// The reference tests run here too (their SQL is recorded as they run), before the checks below.
await import('../../sql/examples.test.ts');
await import('../../sql/reference-joins.test.ts');
await import('../../sql/reference-logparse.test.ts');
await import('../../sql/reference-operators.test.ts');

const D = { prefix: 'dev', region: REGION_PLACEHOLDER, account: '111122223333' };
const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

function expectParses(doc: PipelineDoc) {
  const scripts = toFlinkSql(doc, D);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(flinkProblems(s.sql), s.sql).toEqual([]);
  return scripts;
}

describe('Flink SQL export parses as Flink SQL', () => {
  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
  const withAnalytics = examples.filter((f) =>
    readFileSync(join(EXAMPLES, f), 'utf8').includes('"analytics"'),
  );
  it.each(withAnalytics)('example %s', (f) => {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as PipelineDoc;
    for (const s of expectParses(doc)) expect(s.notExported).toEqual([]);
  });

  it('every lesson design with an Analytics node (start and solution)', () => {
    let checked = 0;
    for (const lesson of LESSONS)
      for (const doc of [startingDesign(lesson), solutionDesign(lesson)]) {
        if (!doc.nodes.some((n) => n.kind === 'analytics')) continue;
        expectParses(doc);
        checked++;
      }
    expect(checked).toBeGreaterThan(0);
  });

  it('every documented AWS example the SQL reference tests reproduce, where it translates', () => {
    const seen = new Set<string>();
    let translated = 0;
    for (const { sql, inputs } of recorded) {
      if (seen.has(sql)) continue;
      seen.add(sql);
      const s = translateApp(
        'reference',
        sql,
        inputs.map((i) => ({
          kda: i.name,
          stream: i.name.toLowerCase(),
          config: {
            columns: parseSchema(i.schema).map((c) => ({
              name: c.name,
              sqlType: typeText(i.schema, c.name),
              mapping: `$.${c.name}`,
            })),
            inputFormat: 'JSON' as const,
            recordRowPath: '$',
            csvColumnDelimiter: ',',
          },
        })),
        [],
        { reference: null },
        D,
      );
      expect(flinkProblems(s.sql), s.sql).toEqual([]);
      if (s.notExported.length === 0) translated++;
    }
    // How many of the recorded programs translate in full (the rest are kept commented out).
    // (54 programs, 42 in full when written: the log parsers, SUBSTRING … SIMILAR, STEP outside a GROUP BY… are the rest.)
    expect(seen.size).toBeGreaterThanOrEqual(50);
    expect(translated).toBeGreaterThanOrEqual(40);
  });
});

/** The type text of one column in a `COL TYPE, COL TYPE` schema (parseSchema keeps only the parsed type). */
function typeText(schema: string, name: string): string {
  for (const part of schema.split(/,(?![^(]*\))/)) {
    const m = /^\s*("(?:[^"]|"")+"|\S+)\s+(.+?)\s*$/.exec(part);
    if (!m) continue;
    const n = (m[1] as string).startsWith('"')
      ? (m[1] as string).slice(1, -1)
      : (m[1] as string).toUpperCase();
    if (n === name) return m[2] as string;
  }
  return 'VARCHAR(64)';
}
