/** Every node kind's definition, keyed by kind (exhaustive by type: a new kind breaks the build here). */
import type { NodeKind } from '../types.ts';
import { analyticsKind } from './analytics.ts';
import { consumerAppKind } from './consumerApp.ts';
import { dynamodbKind } from './dynamodb.ts';
import { firehoseKind } from './firehose.ts';
import { lambdaKind } from './lambda.ts';
import { opensearchKind } from './opensearch.ts';
import { producerKind } from './producer.ts';
import { redshiftKind } from './redshift.ts';
import { s3Kind } from './s3.ts';
import { streamKind } from './stream.ts';
import type { KindDef } from './types.ts';

export type {
  FieldContext,
  FieldDef,
  FieldOption,
  FieldType,
  KindDef,
  KindGroup,
  Locale,
  Text,
} from './types.ts';
export { fmt, unitText } from './types.ts';

export const KINDS: { [K in NodeKind]: KindDef<K> } = {
  producer: producerKind,
  stream: streamKind,
  lambda: lambdaKind,
  analytics: analyticsKind,
  firehose: firehoseKind,
  s3: s3Kind,
  redshift: redshiftKind,
  opensearch: opensearchKind,
  dynamodb: dynamodbKind,
  consumerApp: consumerAppKind,
};

/** Palette order of the groups. */
export const KIND_GROUPS = [
  'producers',
  'streams',
  'compute',
  'analytics',
  'delivery',
  'destinations',
] as const;

export const GROUP_LABELS: Record<(typeof KIND_GROUPS)[number], { en: string; ja: string }> = {
  producers: { en: 'Producers', ja: 'プロデューサー' },
  streams: { en: 'Streams', ja: 'ストリーム' },
  compute: { en: 'Compute', ja: 'コンピューティング' },
  analytics: { en: 'Analytics', ja: '分析' },
  delivery: { en: 'Delivery', ja: '配信' },
  destinations: { en: 'Destinations', ja: '送信先' },
};
