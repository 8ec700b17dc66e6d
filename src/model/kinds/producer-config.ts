/** A producer's config: what it sends (rate, size, keys, template) and how (SDK, KPL, Agent, KDG). */
import { z } from 'zod/mini';

/** Records per second over simulated time. `periodic` follows the hour of day (UTC) of the sim clock. */
export const rateProfile = z.discriminatedUnion('type', [
  z.object({ type: z.literal('constant'), recordsPerSec: z.number() }),
  z.object({ type: z.literal('ramp'), fromPerSec: z.number(), toPerSec: z.number(), overSec: z.int() }),
  /** 24 values, records/s for each hour of the day (Data Generator "periodic" mode, Gaussian noise by sigmaPct). */
  z.object({
    type: z.literal('periodic'),
    hourly: z.array(z.number()).check(z.length(24)),
    sigmaPct: z.number(),
  }),
  /** Base rate with a burst of `burstPerSec` for `burstSec` every `everySec`. */
  z.object({
    type: z.literal('burst'),
    basePerSec: z.number(),
    burstPerSec: z.number(),
    burstSec: z.int(),
    everySec: z.int(),
  }),
]);

/** Size of the data blob in bytes (partition key not included). `template` = the rendered template's real size. */
export const sizeDistribution = z.discriminatedUnion('type', [
  z.object({ type: z.literal('template') }),
  z.object({ type: z.literal('fixed'), bytes: z.int() }),
  z.object({ type: z.literal('uniform'), minBytes: z.int(), maxBytes: z.int() }),
  z.object({ type: z.literal('normal'), meanBytes: z.int(), stdDevBytes: z.int() }),
]);

export const partitionKeyStrategy = z.discriminatedUnion('type', [
  z.object({ type: z.literal('random') }),
  /** The value of a field of the rendered JSON template, e.g. `userId`. */
  z.object({ type: z.literal('field'), field: z.string() }),
  z.object({ type: z.literal('zipf'), keys: z.int(), exponent: z.number() }),
  /** `share` (0–1) of records use `key`; the rest are random. */
  z.object({ type: z.literal('hotKey'), key: z.string(), share: z.number() }),
  /** Decimal 128-bit hash key, bypassing MD5 (ExplicitHashKey). */
  z.object({ type: z.literal('explicitHashKey'), hashKey: z.string() }),
]);

export const retryPolicy = z.object({
  /** Total attempts including the first (AWS SDK standard mode: 3). */
  maxAttempts: z.int(),
  baseDelayMs: z.int(),
  maxDelayMs: z.int(),
  jitter: z.boolean(),
});

export const kplSettings = z.object({
  aggregation: z.boolean(),
  /** AggregationMaxSize, bytes (64 – 1,048,576; default 51,200). */
  aggregationMaxBytes: z.int(),
  /** RecordMaxBufferedTime, ms (default 100). */
  maxBufferedTimeMs: z.int(),
  /** CollectionMaxCount (1–500; default 500). */
  collectionMaxCount: z.int(),
});

export const agentLogFormat = z.enum(['COMMONAPACHELOG', 'COMBINEDAPACHELOG', 'APACHEERRORLOG', 'SYSLOG']);

export const agentSettings = z.object({
  filePattern: z.string(),
  initialPosition: z.enum(['START_OF_FILE', 'END_OF_FILE']),
  /** dataProcessingOptions, applied in order. */
  processing: z.enum(['NONE', 'SINGLELINE', 'LOGTOJSON', 'CSVTOJSON']),
  logFormat: agentLogFormat,
  /** For CSVTOJSON: comma-separated field names. */
  customFieldNames: z.string(),
  maxBufferAgeMillis: z.int(),
  maxBufferSizeRecords: z.int(),
  partitionKeyOption: z.enum(['RANDOM', 'DETERMINISTIC']),
});

export const producerSource = z.enum(['putRecord', 'putRecords', 'kpl', 'agent', 'dataGenerator']);

export const producerConfig = z.object({
  source: producerSource,
  rate: rateProfile,
  size: sizeDistribution,
  partitionKey: partitionKeyStrategy,
  /** Kinesis Data Generator template: `{{faker.path(args)}}` placeholders, plus date.now / date.utc etc. */
  template: z.string(),
  /** PutRecords / PutRecordBatch entries per call (1–500). */
  batchSize: z.int(),
  retry: retryPolicy,
  kpl: kplSettings,
  agent: agentSettings,
});
