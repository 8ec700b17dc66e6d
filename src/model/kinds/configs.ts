/**
 * Each kind's config as a zod object (defined in the kind's own file), for the design-file
 * structural check (src/export/schema.ts) and tests. Kept apart from KINDS on purpose: whatever
 * imports only KINDS (the studio's first load, the engine worker) does not bundle zod.
 */
import type { ZodMiniType } from 'zod/mini';
import type { ConfigByKind, NodeKind } from '../types.ts';
import { analyticsConfig } from './analytics-config.ts';
import { consumerAppConfig } from './consumer-app-config.ts';
import { dynamodbConfig } from './dynamodb-config.ts';
import { firehoseConfig } from './firehose-config.ts';
import { lambdaConfig } from './lambda-config.ts';
import { opensearchConfig } from './opensearch-config.ts';
import { producerConfig } from './producer-config.ts';
import { redshiftConfig } from './redshift-config.ts';
import { s3Config } from './s3-config.ts';
import { streamConfig } from './stream-config.ts';

/** A schema whose output is not its kind's config type (or a kind without one) fails to compile. */
export const CONFIG_SCHEMAS: { [K in NodeKind]: ZodMiniType<ConfigByKind[K]> } = {
  producer: producerConfig,
  stream: streamConfig,
  lambda: lambdaConfig,
  analytics: analyticsConfig,
  firehose: firehoseConfig,
  s3: s3Config,
  redshift: redshiftConfig,
  opensearch: opensearchConfig,
  dynamodb: dynamodbConfig,
  consumerApp: consumerAppConfig,
};
