import { DESTINATIONS_2017, DESTINATIONS_CURRENT, NOT_PRICED } from './destination-prices.ts';

/**
 * Price books (us-east-1, USD). Every number cites its source in AWS docs: Pricing (us-east-1 unless stated).
 * '2017' are the prices of the product's source talk era; 'current' are today's list prices.
 * Features that did not exist in 2017 (EFO, on-demand) keep today's prices in the 2017 book and the
 * cost summary says so in its assumptions.
 */

export type PriceKey =
  | 'kds.shardHour'
  | 'kds.putPayloadUnit'
  | 'kds.extendedRetentionShardHour'
  | 'kds.efoConsumerShardHour'
  | 'kds.efoGB'
  | 'kds.onDemandStreamHour'
  | 'kds.onDemandGBIn'
  | 'kds.onDemandGBOut'
  | 'kds.onDemandEfoGBOut'
  | 'firehose.ingestGB'
  | 'firehose.formatConversionGB'
  | 'lambda.request'
  | 'lambda.gbSecond'
  | 'kda.kpuHour'
  | 'redshift.dc2.large'
  | 'redshift.ra3.xlplus'
  | 'redshift.ra3.4xlarge'
  | 'redshift.managedStorageGBMonth'
  | 's3.storageGBMonth'
  | 's3.putRequest'
  | 'opensearch.t3.small.search'
  | 'opensearch.m6g.large.search'
  | 'opensearch.r6g.large.search'
  | 'opensearch.r6g.xlarge.search'
  | 'opensearch.ebsGBMonth'
  | 'dynamodb.wcuHour'
  | 'dynamodb.writeRequestUnit'
  | 'dynamodb.storageGBMonth';

export interface Price {
  /** USD per `unit`. */
  usd: number;
  /** Billed unit, e.g. 'shard-hour', 'PUT payload unit', 'GB'. */
  unit: string;
  /** Line label in the cost table. */
  item: string;
  source: string;
  /** When the price was read from the source (ISO date), for the price books' audit trail. */
  asOf?: string;
}

const CURRENT: Record<PriceKey, Price> = {
  'kds.shardHour': { usd: 0.015, unit: 'shard-hours', item: 'Shard hours', source: '§2.2' },
  'kds.putPayloadUnit': {
    usd: 0.014 / 1e6,
    unit: 'PUT payload units',
    item: 'PUT payload units (25 KB)',
    source: '§2.1.2, §2.2: $0.014 per million',
  },
  'kds.extendedRetentionShardHour': {
    usd: 0.02,
    unit: 'shard-hours',
    item: 'Extended retention (24 h – 7 days)',
    source: '§2.2',
  },
  'kds.efoConsumerShardHour': {
    usd: 0.015,
    unit: 'consumer-shard-hours',
    item: 'Enhanced fan-out consumer-shard hours',
    source: '§2.2',
  },
  'kds.efoGB': { usd: 0.013, unit: 'GB', item: 'Enhanced fan-out data retrieval', source: '§2.2' },
  'kds.onDemandStreamHour': {
    usd: 0.04,
    unit: 'stream-hours',
    item: 'On-demand stream hours',
    source: '§2.3',
  },
  'kds.onDemandGBIn': {
    usd: 0.08,
    unit: 'GB',
    item: 'On-demand data in (1 KB rounded)',
    source: '§2.3: each record rounded up to 1 KB',
  },
  'kds.onDemandGBOut': { usd: 0.04, unit: 'GB', item: 'On-demand data out', source: '§2.3' },
  'kds.onDemandEfoGBOut': { usd: 0.05, unit: 'GB', item: 'On-demand EFO data out', source: '§2.3' },
  'firehose.ingestGB': {
    usd: 0.029,
    unit: 'GB',
    item: 'Firehose ingestion (5 KB rounded)',
    source: '§2.4.1 rounding, §2.4.2 first tier $0.029/GB',
  },
  'firehose.formatConversionGB': {
    usd: 0.018,
    unit: 'GB',
    item: 'Firehose format conversion',
    source: '§2.4.2',
  },
  'lambda.request': {
    usd: 0.2 / 1e6,
    unit: 'requests',
    item: 'Lambda requests',
    source: '§2.5: $0.20 per 1M',
  },
  'lambda.gbSecond': {
    usd: 0.0000166667,
    unit: 'GB-seconds',
    item: 'Lambda duration (GB-s)',
    source: '§2.5: x86 first tier',
  },
  'kda.kpuHour': { usd: 0.11, unit: 'KPU-hours', item: 'Analytics KPU hours', source: '§2.6.1' },
  ...DESTINATIONS_CURRENT(),
};

/**
 * 2017: KDS and Firehose prices are the same as today's (§2.1.1, §2.1.3); Lambda and KPU too.
 * Destinations: see destination-prices.ts (Elasticsearch Service's gp2 storage, DynamoDB
 * on-demand at its 2018 launch price; RA3 and Graviton search instances priced at today's rates).
 */
const Y2017: Record<PriceKey, Price> = { ...CURRENT, ...DESTINATIONS_2017() };

export const PRICE_BOOKS: Record<'2017' | 'current', Record<PriceKey, Price>> = {
  '2017': Y2017,
  current: CURRENT,
};

export const PRICE_ASSUMPTIONS: Record<'2017' | 'current', string[]> = {
  '2017': [
    'us-east-1 list prices as in 2017 (KDS shard-hour $0.015, PUT payload unit $0.014/M, Firehose $0.029/GB).',
    'Enhanced fan-out and on-demand mode did not exist in 2017; they are priced at today’s rates.',
    'Free tiers are not deducted.',
    ...NOT_PRICED,
  ],
  current: [
    'us-east-1 list prices (AWS docs: Pricing (us-east-1 unless stated)); Firehose first tier ($0.029/GB up to 500 TB/month).',
    'Free tiers are not deducted.',
    ...NOT_PRICED,
  ],
};

/** 1 GB as billed here: 2^30 bytes (AWS bills data volume in binary GB). */
export const BILLING_GB = 1024 * 1024 * 1024;
