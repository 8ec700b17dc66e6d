/** An Analytics SQL application's config: its SQL, input schema, reference table and outputs. */
import { z } from 'zod/mini';

/** A column of an in-application stream; `sqlType` e.g. 'VARCHAR(16)', 'INTEGER', 'DOUBLE', 'TIMESTAMP'. */
export const inputColumn = z.object({
  name: z.string(),
  sqlType: z.string(),
  /** JSONPath for JSON input, e.g. `$.ticker`. Ignored for CSV (columns in order). */
  mapping: z.string(),
});

export const analyticsConfig = z.object({
  sql: z.string(),
  /** In-application input stream name prefix; the source stream is `<prefix>_001`. */
  inputNamePrefix: z.string(),
  inputFormat: z.enum(['JSON', 'CSV']),
  recordRowPath: z.string(),
  csvColumnDelimiter: z.string(),
  csvRowDelimiter: z.string(),
  columns: z.array(inputColumn),
  /** Optional reference table (loaded from S3 in AWS; here, inline JSON lines). */
  reference: z.nullable(
    z.object({ tableName: z.string(), columns: z.array(inputColumn), rowsJsonl: z.string() }),
  ),
  /** 1 – 8 by default (KPUs scale automatically in KDA; this is the billed count). */
  kpus: z.int(),
  /**
   * Outputs (max 3): which in-application stream feeds which outgoing edge.
   * `edgeTarget` is the id of the node the output is wired to.
   */
  outputs: z.array(
    z.object({ inAppStream: z.string(), edgeTarget: z.string(), format: z.enum(['JSON', 'CSV']) }),
  ),
});
