/**
 * SQL templates like the KDA console's "Add SQL from templates", written for the node's current
 * input columns: a key column (text), a measure (numeric) and the source stream name are picked from
 * the schema so the inserted SQL is valid as it stands.
 */
import type { AnalyticsConfig, InputColumn } from '../../model/types.ts';
import { sourceStreamName, sqlIdent } from './sqlSchema.ts';

export type TemplateId = 'filter' | 'tumbling' | 'sliding' | 'topK' | 'anomaly';
export const TEMPLATE_IDS: TemplateId[] = ['filter', 'tumbling', 'sliding', 'topK', 'anomaly'];

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|REAL|DOUBLE|FLOAT|DECIMAL|NUMERIC|DEC)\b/i;
const TEXT = /^(VARCHAR|CHAR)/i;

function pick(columns: InputColumn[]) {
  const key = columns.find((c) => TEXT.test(c.sqlType));
  const measure = columns.find(
    (c) => NUMERIC.test(c.sqlType) && !/^DECIMAL|^NUMERIC|^DEC\b/i.test(c.sqlType),
  );
  const flag = columns.find((c) => /^BOOLEAN/i.test(c.sqlType));
  return { key, measure, flag };
}

const head = (title: string) => `-- ${title}\n-- Generated for this node's input columns; edit freely.\n`;
const STEP_60 = (src: string) => `STEP(${src}.ROWTIME BY INTERVAL '60' SECOND)`;

function filter(config: AnalyticsConfig, src: string): string {
  const { key, measure, flag } = pick(config.columns);
  const cols =
    config.columns.length > 0
      ? config.columns
      : [{ name: 'ROWTIME_COPY', sqlType: 'TIMESTAMP', mapping: '' }];
  const decl = cols.map((c) => `  ${sqlIdent(c.name)} ${c.sqlType}`).join(',\n');
  const list = config.columns.length > 0 ? config.columns.map((c) => sqlIdent(c.name)).join(', ') : 'ROWTIME';
  const where = flag
    ? `${sqlIdent(flag.name)} = TRUE`
    : measure
      ? `${sqlIdent(measure.name)} > 0`
      : key
        ? `${sqlIdent(key.name)} LIKE '%'`
        : '1 = 1';
  return `${head('Continuous filter: forward only the rows that match a condition.')}CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
${decl}
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM ${list}
    FROM ${src}
    WHERE ${where};
`;
}

function tumbling(config: AnalyticsConfig, src: string): string {
  const { key, measure } = pick(config.columns);
  const decl = [
    ...(key ? [`  ${sqlIdent(key.name)} ${key.sqlType}`] : []),
    '  EVENT_COUNT BIGINT',
    ...(measure ? [`  AVG_${measure.name.toUpperCase().replace(/\W/g, '_')} DOUBLE`] : []),
  ].join(',\n');
  const select = [
    ...(key ? [sqlIdent(key.name)] : []),
    'COUNT(*) AS EVENT_COUNT',
    ...(measure
      ? [`AVG(${sqlIdent(measure.name)}) AS AVG_${measure.name.toUpperCase().replace(/\W/g, '_')}`]
      : []),
  ].join(', ');
  const groupBy = [...(key ? [sqlIdent(key.name)] : []), STEP_60(src)].join(', ');
  return `${head('Tumbling window aggregation: one row per key per 60-second window, emitted when the window closes.')}CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
${decl}
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM ${select}
    FROM ${src}
    GROUP BY ${groupBy};
`;
}

function sliding(config: AnalyticsConfig, src: string): string {
  const { key, measure } = pick(config.columns);
  const partition = key ? `PARTITION BY ${sqlIdent(key.name)} ` : '';
  const agg = measure ? `AVG(${sqlIdent(measure.name)})` : 'COUNT(*)';
  const aggName = measure ? `AVG_${measure.name.toUpperCase().replace(/\W/g, '_')}` : 'EVENT_COUNT';
  const aggType = measure ? 'DOUBLE' : 'BIGINT';
  return `${head('Sliding window: for every row, an aggregate over the preceding minute (no GROUP BY).')}CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
${key ? `  ${sqlIdent(key.name)} ${key.sqlType},\n` : ''}  ${aggName} ${aggType}
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM ${key ? `${sqlIdent(key.name)}, ` : ''}${agg} OVER W1 AS ${aggName}
    FROM ${src}
    WINDOW W1 AS (${partition}RANGE INTERVAL '1' MINUTE PRECEDING);
`;
}

function topK(config: AnalyticsConfig, src: string): string {
  const { key } = pick(config.columns);
  const item = key ?? config.columns[0];
  if (!item) return tumbling(config, src);
  return `${head('Top-K items: the 10 most frequent values of a column in each 60-second tumbling window.')}CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  ITEM ${item.sqlType},
  ITEM_COUNT BIGINT
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM ITEM, ITEM_COUNT
    FROM TABLE(TOP_K_ITEMS_TUMBLING(
      CURSOR(SELECT STREAM * FROM ${src}),
      '${item.name}', -- column, in single quotes
      10,             -- K
      60              -- tumbling window, seconds
    ));
`;
}

function anomaly(config: AnalyticsConfig, src: string): string {
  const numeric = config.columns.filter(
    (c) => NUMERIC.test(c.sqlType) && !/^(DECIMAL|NUMERIC|DEC)\b/i.test(c.sqlType),
  );
  const title = head(
    'Anomaly detection: RANDOM_CUT_FOREST scores each row; higher ANOMALY_SCORE = more unusual.',
  );
  if (numeric.length > 0) {
    const decl = numeric.map((c) => `  ${sqlIdent(c.name)} ${c.sqlType}`).join(',\n');
    const list = numeric.map((c) => sqlIdent(c.name)).join(', ');
    return `${title}CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
${decl},
  ANOMALY_SCORE DOUBLE
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM ${list}, ANOMALY_SCORE
    FROM TABLE(RANDOM_CUT_FOREST(
      CURSOR(SELECT STREAM ${list} FROM ${src})
    ));
`;
  }
  // No numeric column: score the number of records per 10 seconds instead.
  return `${title}CREATE OR REPLACE STREAM "COUNT_STREAM" (
  EVENT_COUNT DOUBLE
);

CREATE OR REPLACE PUMP "COUNT_PUMP" AS
  INSERT INTO "COUNT_STREAM"
    SELECT STREAM CAST(COUNT(*) AS DOUBLE) AS EVENT_COUNT
    FROM ${src}
    GROUP BY STEP(${src}.ROWTIME BY INTERVAL '10' SECOND);

CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  EVENT_COUNT DOUBLE,
  ANOMALY_SCORE DOUBLE
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM EVENT_COUNT, ANOMALY_SCORE
    FROM TABLE(RANDOM_CUT_FOREST(
      CURSOR(SELECT STREAM * FROM "COUNT_STREAM")
    ));
`;
}

/** The SQL of template `id` for this node's columns and source stream. */
export function templateSql(id: TemplateId, config: AnalyticsConfig): string {
  const src = `"${sourceStreamName(config)}"`;
  switch (id) {
    case 'filter':
      return filter(config, src);
    case 'tumbling':
      return tumbling(config, src);
    case 'sliding':
      return sliding(config, src);
    case 'topK':
      return topK(config, src);
    default:
      return anomaly(config, src);
  }
}
