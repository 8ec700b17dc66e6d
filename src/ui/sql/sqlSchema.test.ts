import { describe, expect, it } from 'vitest';
import type { AnalyticsConfig, PipelineDoc } from '../../model/types.ts';
import {
  downstreamTargets,
  inputsOf,
  schemaOf,
  sqlIdent,
  streamsCreatedBy,
  upstreamProducers,
} from './sqlSchema.ts';

const SQL = `-- counts per second
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (MUSTACH_COUNT INTEGER, "Window" TIMESTAMP, price DECIMAL(10, 2));
/* CREATE OR REPLACE STREAM "COMMENTED" (X INT); */
create or replace stream second_stream (a varchar(8));
CREATE OR REPLACE STREAM "HALF_TYPED" (A INTEGER,`;

describe('schema of an Analytics node', () => {
  it('reads the streams the SQL creates, with their columns, even while half-typed', () => {
    expect(streamsCreatedBy(SQL)).toEqual([
      { name: 'DESTINATION_SQL_STREAM', columns: ['MUSTACH_COUNT', 'Window', 'PRICE'], origin: 'sql' },
      { name: 'SECOND_STREAM', columns: ['A'], origin: 'sql' },
      { name: 'HALF_TYPED', columns: ['A'], origin: 'sql' },
    ]);
  });

  const config = {
    sql: SQL,
    inputNamePrefix: 'SOURCE_SQL_STREAM',
    columns: [
      { name: 'AGE', sqlType: 'INTEGER', mapping: '$.age' },
      { name: 'NAME', sqlType: 'VARCHAR(16)', mapping: '$.name' },
      { name: 'ODD', sqlType: 'NOT A TYPE', mapping: '$.odd' },
    ],
    reference: {
      tableName: 'COMPANIES',
      columns: [{ name: 'TICKER', sqlType: 'VARCHAR(4)', mapping: '$.t' }],
      rowsJsonl: '',
    },
  } as AnalyticsConfig;

  it('lists the source stream (with ROWTIME), the reference table and the created streams', () => {
    const s = schemaOf(config);
    expect(s.map((x) => `${x.origin}:${x.name}`)).toEqual([
      'input:SOURCE_SQL_STREAM_001',
      'reference:COMPANIES',
      'sql:DESTINATION_SQL_STREAM',
      'sql:SECOND_STREAM',
      'sql:HALF_TYPED',
    ]);
    expect(s[0]?.columns).toEqual(['ROWTIME', 'APPROXIMATE_ARRIVAL_TIME', 'AGE', 'NAME', 'ODD']);
  });

  it('gives checkSql typed inputs; an unreadable type falls back to VARCHAR(1024)', () => {
    const [src, ref] = inputsOf(config);
    expect(src?.columns).toEqual([
      { name: 'AGE', type: { base: 'INTEGER' } },
      { name: 'NAME', type: { base: 'VARCHAR', length: 16 } },
      { name: 'ODD', type: { base: 'VARCHAR', length: 1024 } },
    ]);
    expect(ref?.name).toBe('COMPANIES');
  });

  it('quotes identifiers only when KDA would not read them as written', () => {
    expect(sqlIdent('AGE')).toBe('AGE');
    expect(sqlIdent('price')).toBe('"price"');
    expect(sqlIdent('TIMESTAMP')).toBe('"TIMESTAMP"');
  });

  it('finds the producers upstream (through a data stream) and the nodes downstream', () => {
    const doc = {
      nodes: [
        { id: 'p', kind: 'producer', name: 'camera', config: { template: '{"age": {{random.number(90)}}}' } },
        { id: 's', kind: 'stream', name: 'selfies', config: {} },
        { id: 'a', kind: 'analytics', name: 'moustaches', config: {} },
        { id: 'f', kind: 'firehose', name: 'to-s3', config: {} },
      ],
      edges: [
        { id: 'e1', source: 'p', target: 's', config: {} },
        { id: 'e2', source: 's', target: 'a', config: {} },
        { id: 'e3', source: 'a', target: 'f', config: {} },
      ],
    } as unknown as PipelineDoc;
    expect(upstreamProducers(doc, 'a')).toEqual([
      { id: 'p', name: 'camera', template: '{"age": {{random.number(90)}}}' },
    ]);
    expect(downstreamTargets(doc, 'a')).toEqual([{ id: 'f', name: 'to-s3' }]);
  });
});
