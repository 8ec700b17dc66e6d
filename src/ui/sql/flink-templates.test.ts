/**
 * The Flink SQL export of the studio's SQL templates parses as Flink SQL (dt-sql-parser, zero
 * errors) for several input schemas, and so does that of random valid designs (fast-check). Only
 * the anomaly template (RANDOM_CUT_FOREST) is left out, commented; every other one has its INSERT.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE } from '../../export/flink/fixtures.ts';
import { flinkProblems } from '../../export/flink/flink-check.ts';
import { toFlinkSql } from '../../export/flink/index.ts';
import { KINDS } from '../../model/kinds/index.ts';
import type { AnalyticsConfig, InputColumn, PipelineDoc } from '../../model/types.ts';
import { validateDocument } from '../../model/validate.ts';
import { TEMPLATE_IDS, templateSql } from './sqlTemplates.ts';

const withSql = (doc: PipelineDoc, patch: Partial<AnalyticsConfig>): PipelineDoc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.kind === 'analytics' ? { ...n, config: { ...n.config, ...patch } } : n)),
});

const SCHEMAS: Record<string, InputColumn[]> = {
  default: KINDS.analytics.defaults().columns as InputColumn[],
  ticker: [
    { name: 'TICKER_SYMBOL', sqlType: 'VARCHAR(4)', mapping: '$.ticker' },
    { name: 'PRICE', sqlType: 'DOUBLE', mapping: '$.price' },
    { name: 'CHANGE', sqlType: 'REAL', mapping: '$.change' },
  ],
  sensors: [
    { name: 'HAS_ALARM', sqlType: 'BOOLEAN', mapping: '$.alarm' },
    { name: 'TEMP', sqlType: 'INTEGER', mapping: '$.reading.temp' },
    { name: 'AT', sqlType: 'TIMESTAMP', mapping: '$.at' },
  ],
  numbersOnly: [{ name: 'V', sqlType: 'BIGINT', mapping: '$.v' }],
};

function expectParses(doc: PipelineDoc) {
  const scripts = toFlinkSql(doc);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(flinkProblems(s.sql), s.sql).toEqual([]);
  return scripts;
}

describe('Flink SQL export of the SQL templates', () => {
  it.each(TEMPLATE_IDS.flatMap((id) => Object.keys(SCHEMAS).map((schema) => ({ id, schema }))))(
    'template $id on the $schema schema',
    ({ id, schema }) => {
      const columns = SCHEMAS[schema] as InputColumn[];
      const base = withSql(WORKED_EXAMPLE, { columns });
      const config = base.nodes.find((n) => n.kind === 'analytics')?.config as AnalyticsConfig;
      const doc = withSql(base, {
        sql: templateSql(id, config),
        outputs: config.outputs.map((o) => ({ ...o, inAppStream: 'DESTINATION_SQL_STREAM' })),
      });
      expect(validateDocument(doc).filter((d) => d.severity === 'error')).toEqual([]);
      const [s] = expectParses(doc);
      // Only RANDOM_CUT_FOREST is left out; every other template has its INSERT.
      if (id === 'anomaly') expect(s?.notExported).toEqual(['RANDOM_CUT_FOREST']);
      else expect(s?.sql).toMatch(/^INSERT INTO /m);
    },
  );

  it('random valid designs with an Analytics node export Flink SQL that parses (fast-check)', () => {
    const column = fc.record({
      name: fc.constantFrom('A', 'B_2', 'value', 'Ticker', 'TIMESTAMP', 'ORDER'),
      sqlType: fc.constantFrom(
        'VARCHAR(8)',
        'INTEGER',
        'DOUBLE',
        'BOOLEAN',
        'TIMESTAMP',
        'BIGINT',
        'DECIMAL(8,2)',
      ),
      mapping: fc.constantFrom('$.a', '$.b.c', "$['x y']", '$.n'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(column, { minLength: 1, maxLength: 5, selector: (c) => c.name }),
        fc.constantFrom(...TEMPLATE_IDS),
        fc.constantFrom('stream', 'firehose', 'lambda'),
        fc.constantFrom('JSON', 'CSV'),
        (columns, id, sink, format) => {
          const base = withSql(WORKED_EXAMPLE, { columns, inputFormat: format as 'JSON' | 'CSV' });
          const config = base.nodes.find((n) => n.kind === 'analytics')?.config as AnalyticsConfig;
          const doc = withSql(base, {
            sql: templateSql(id, config),
            outputs: config.outputs.map((o) => ({ ...o, inAppStream: 'DESTINATION_SQL_STREAM' })),
          });
          doc.nodes = doc.nodes.map((n) =>
            n.id === 'to-s3' && sink !== 'firehose'
              ? ({ ...n, kind: sink, config: KINDS[sink as 'stream'].defaults() } as typeof n)
              : n,
          );
          doc.edges = doc.edges.filter((e) => sink === 'firehose' || e.source !== 'to-s3');
          expect(validateDocument(doc).filter((d) => d.severity === 'error')).toEqual([]);
          expectParses(doc);
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});
