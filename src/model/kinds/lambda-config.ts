/** A Lambda function's config: the function, its duration model and its event source mapping. */
import { z } from 'zod/mini';

export const durationModel = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), ms: z.int() }),
  /** base + perRecord × batch size, with ±jitterPct uniform noise. */
  z.object({
    type: z.literal('perRecord'),
    baseMs: z.number(),
    perRecordMs: z.number(),
    jitterPct: z.number(),
  }),
]);

export const eventSourceMapping = z.object({
  /** 1 – 10,000, default 100. */
  batchSize: z.int(),
  /** MaximumBatchingWindowInSeconds 0 – 300. */
  batchingWindowSec: z.int(),
  /** 1 – 10. */
  parallelizationFactor: z.int(),
  startingPosition: z.enum(['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']),
  /** -1 (infinite) or 0 – 10,000. */
  maximumRetryAttempts: z.int(),
  /** -1 (infinite) or 60 – 604,800. */
  maximumRecordAgeSec: z.int(),
  bisectBatchOnFunctionError: z.boolean(),
  reportBatchItemFailures: z.boolean(),
  onFailureDestination: z.enum(['none', 'sqs', 'sns', 's3']),
  /** 0 (off) – 900. */
  tumblingWindowSec: z.int(),
});

export const lambdaConfig = z.object({
  use: z.enum(['consumer', 'firehoseTransform']),
  runtime: z.literal('nodejs20.x'),
  /** JavaScript: `export const handler = async (event, context) => …` or `exports.handler = …`. */
  code: z.string(),
  /** 128 – 10,240 MB. */
  memoryMB: z.int(),
  /** 1 – 900 s (Firehose transforms: up to 300 s). */
  timeoutSec: z.int(),
  duration: durationModel,
  /** 0 – 1: share of invocations that fail on top of errors the handler throws. */
  errorRate: z.number(),
  /** Reserved concurrency; 0 = unreserved (account limit 1,000). */
  reservedConcurrency: z.int(),
  /** Run the real handler on at most this many records per simulated second (the rest use the model). */
  sampleRecordsPerSec: z.int(),
  esm: eventSourceMapping,
});
