import { describe, expect, it } from 'vitest';
import type { AnalyticsConfig, InputColumn } from '../../model/types.ts';
import { checkSql } from '../../sql/index.ts';
import { inputsOf } from './sqlSchema.ts';
import { TEMPLATE_IDS, templateSql } from './sqlTemplates.ts';

const base: AnalyticsConfig = {
  sql: '',
  inputNamePrefix: 'SOURCE_SQL_STREAM',
  inputFormat: 'JSON',
  recordRowPath: '$',
  csvColumnDelimiter: ',',
  csvRowDelimiter: '\n',
  columns: [],
  reference: null,
  kpus: 1,
  outputs: [],
};
const selfie: InputColumn[] = [
  { name: 'PHOTO_ID', sqlType: 'VARCHAR(36)', mapping: '$.photoId' },
  { name: 'HAS_MUSTACH', sqlType: 'BOOLEAN', mapping: '$.hasMustach' },
  { name: 'AGE', sqlType: 'INTEGER', mapping: '$.age' },
];
const schemas: Record<string, InputColumn[]> = {
  selfie,
  'text only': [{ name: 'PAGE', sqlType: 'VARCHAR(64)', mapping: '$.page' }],
  'lower-case names': [
    { name: 'ticker', sqlType: 'VARCHAR(4)', mapping: '$.ticker' },
    { name: 'price', sqlType: 'DOUBLE', mapping: '$.price' },
  ],
  'no columns': [],
};

describe('SQL templates', () => {
  for (const [label, columns] of Object.entries(schemas)) {
    for (const id of TEMPLATE_IDS) {
      it(`${id} is valid KDA SQL for the "${label}" schema (checkSql finds no error)`, () => {
        const config = { ...base, columns };
        const problems = checkSql(templateSql(id, config), inputsOf(config));
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      });
    }
  }

  it('uses the node’s own columns and source stream name', () => {
    const config = { ...base, columns: selfie, inputNamePrefix: 'SELFIES' };
    const tumbling = templateSql('tumbling', config);
    expect(tumbling).toContain('FROM "SELFIES_001"');
    expect(tumbling).toContain('GROUP BY PHOTO_ID, STEP("SELFIES_001".ROWTIME BY INTERVAL \'60\' SECOND)');
    expect(tumbling).toContain('AVG(AGE) AS AVG_AGE');
    expect(templateSql('filter', config)).toContain('WHERE HAS_MUSTACH = TRUE');
    expect(templateSql('topK', config)).toContain("'PHOTO_ID'");
    expect(templateSql('anomaly', config)).toContain('RANDOM_CUT_FOREST');
    expect(
      templateSql('sliding', { ...base, columns: schemas['lower-case names'] as InputColumn[] }),
    ).toContain('AVG("price") OVER W1');
  });
});
