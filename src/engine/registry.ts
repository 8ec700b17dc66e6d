/**
 * Which runtime runs each node kind (exhaustive by type: a new NodeKind fails to compile here).
 * The simulation makes every node through this table, producers included.
 */
import { createAnalyticsRuntime } from './analytics/analytics.ts';
import { createConsumerAppRuntime } from './consumer-app.ts';
import { createDynamoDbRuntime } from './destinations/dynamodb.ts';
import { createOpenSearchRuntime } from './destinations/opensearch.ts';
import { createRedshiftRuntime } from './destinations/redshift.ts';
import { createS3Runtime } from './destinations/s3.ts';
import { createFirehoseRuntime } from './firehose/runtime.ts';
import { createLambdaRuntime } from './lambda/runtime.ts';
import { ProducerRuntime } from './producer/producer.ts';
import type { RuntimeRegistry } from './runtime.ts';
import { StreamRuntime } from './stream/stream.ts';

export const RUNTIMES: RuntimeRegistry = {
  producer: (node, ctx, wiring, index) => new ProducerRuntime(node, ctx, wiring, index),
  stream: (node, ctx, wiring) => new StreamRuntime(node, ctx, wiring),
  lambda: createLambdaRuntime,
  analytics: createAnalyticsRuntime,
  firehose: createFirehoseRuntime,
  s3: createS3Runtime,
  redshift: createRedshiftRuntime,
  opensearch: createOpenSearchRuntime,
  dynamodb: createDynamoDbRuntime,
  consumerApp: createConsumerAppRuntime,
};
