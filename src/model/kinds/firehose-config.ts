/** A Firehose delivery stream's config (all its destinations' settings; the wiring picks which apply). */
import { z } from 'zod/mini';

export const compression = z.enum(['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY']);
export const indexRotation = z.enum(['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth']);

export const firehoseConfig = z.object({
  /** Derived from wiring in validation, but stored for export: 'directPut' or 'kinesisStream'. */
  source: z.enum(['directPut', 'kinesisStream']),
  /** 1 – 128 MiB (OpenSearch 1 – 100). */
  bufferSizeMiB: z.int(),
  /** 0 – 900 s. */
  bufferIntervalSec: z.int(),
  compression,
  /** Id of a Lambda node with use = 'firehoseTransform', or null. */
  transformLambdaId: z.nullable(z.string()),
  formatConversion: z.enum(['NONE', 'PARQUET', 'ORC']),
  /** S3 Prefix; empty = default `YYYY/MM/dd/HH/`. */
  prefix: z.string(),
  errorOutputPrefix: z.string(),
  /** S3 backup of source records (S3 destination) / all or failed documents (OpenSearch). */
  backupMode: z.enum(['Disabled', 'Enabled', 'FailedDocumentsOnly', 'AllDocuments']),
  redshift: z.object({
    table: z.string(),
    columns: z.string(),
    copyOptions: z.string(),
    retryDurationSec: z.int(),
  }),
  opensearch: z.object({ indexName: z.string(), rotation: indexRotation, retryDurationSec: z.int() }),
  /** Direct-PUT quota region class. */
  region: z.enum(['us-east-1', 'other']),
});
