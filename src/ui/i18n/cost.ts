/**
 * Texts of the cost (namespace `cost`): the priced items, their billed units, the assumptions and
 * the price sources. The engine gives each price by its key (engine/pricing.ts PriceKey, dots
 * written as `_` here because i18next reads dots as nesting) and says its assumptions in English;
 * the English below is the engine's own wording (cost-texts.test.ts keeps the two equal), so a
 * text from the engine finds its Japanese. The CLI's `--lang ja` reads the same tables.
 */
export const en = {
  items: {
    kds_shardHour: 'Shard hours',
    kds_putPayloadUnit: 'PUT payload units (25 KB)',
    kds_extendedRetentionShardHour: 'Extended retention (24 h – 7 days)',
    kds_efoConsumerShardHour: 'Enhanced fan-out consumer-shard hours',
    kds_efoGB: 'Enhanced fan-out data retrieval',
    kds_onDemandStreamHour: 'On-demand stream hours',
    kds_onDemandGBIn: 'On-demand data in (1 KB rounded)',
    kds_onDemandGBOut: 'On-demand data out',
    kds_onDemandEfoGBOut: 'On-demand EFO data out',
    firehose_ingestGB: 'Firehose ingestion (5 KB rounded)',
    firehose_formatConversionGB: 'Firehose format conversion',
    lambda_request: 'Lambda requests',
    lambda_gbSecond: 'Lambda duration (GB-s)',
    kda_kpuHour: 'Analytics KPU hours',
    redshift_dc2_large: 'Redshift dc2.large node hours',
    redshift_ra3_xlplus: 'Redshift ra3.xlplus node hours',
    redshift_ra3_4xlarge: 'Redshift ra3.4xlarge node hours',
    redshift_managedStorageGBMonth: 'Redshift managed storage (RA3)',
    s3_storageGBMonth: 'S3 Standard storage',
    s3_putRequest: 'S3 PUT requests',
    opensearch_t3_small_search: 'OpenSearch t3.small.search instance hours',
    opensearch_m6g_large_search: 'OpenSearch m6g.large.search instance hours',
    opensearch_r6g_large_search: 'OpenSearch r6g.large.search instance hours',
    opensearch_r6g_xlarge_search: 'OpenSearch r6g.xlarge.search instance hours',
    opensearch_ebsGBMonth: 'OpenSearch EBS storage (gp2)',
    dynamodb_wcuHour: 'DynamoDB provisioned write capacity',
    dynamodb_writeRequestUnit: 'DynamoDB on-demand writes',
    dynamodb_storageGBMonth: 'DynamoDB storage',
  },
  /** Billed units, keyed by the engine's unit text with spaces and dashes as `_`. */
  units: {
    shard_hours: 'shard-hours',
    PUT_payload_units: 'PUT payload units',
    consumer_shard_hours: 'consumer-shard-hours',
    GB: 'GB',
    stream_hours: 'stream-hours',
    requests: 'requests',
    GB_seconds: 'GB-seconds',
    KPU_hours: 'KPU-hours',
    node_hours: 'node-hours',
    GB_months: 'GB-months',
    PUT_requests: 'PUT requests',
    instance_hours: 'instance-hours',
    WCU_hours: 'WCU-hours',
    write_request_units: 'write request units',
  },
  /** The assumptions, as the engine words them ({{…}} stand for the parts that vary). */
  assumptions: {
    estimate:
      'Estimated from the design alone: mean producer rates and record sizes, Lambda passing records on one for one, an aggregating Analytics query about one row per second, no compression.',
    prices2017:
      'us-east-1 list prices as in 2017 (KDS shard-hour $0.015, PUT payload unit $0.014/M, Firehose $0.029/GB).',
    newSince2017:
      'Enhanced fan-out and on-demand mode did not exist in 2017; they are priced at today’s rates.',
    freeTiers: 'Free tiers are not deducted.',
    pricesCurrent:
      'us-east-1 list prices (AWS docs: Pricing (us-east-1 unless stated)); Firehose first tier ($0.029/GB up to 500 TB/month).',
    notPricedRedshift:
      'Not priced: Redshift backups beyond the free snapshot storage, Concurrency Scaling and Spectrum.',
    notPricedS3: 'Not priced: S3 GET requests, lifecycle transitions and data transfer out of AWS.',
    notPricedOpenSearch:
      'Not priced: OpenSearch dedicated master nodes, UltraWarm and instance types outside the list (t3.small, m6g.large, r6g.large, r6g.xlarge); storage is metered on the bytes indexed, not the provisioned EBS volume.',
    notPricedOther:
      'Not priced: DynamoDB reads, backups and streams; CloudWatch metrics and logs; KMS requests; VPC delivery; the Kinesis Agent and Data Generator hosts.',
    storageGrows:
      'Storage (S3, Redshift RA3, OpenSearch, DynamoDB) is billed per GB-month on what the run has delivered so far, so it grows with the run.',
    openSearchType: 'Not priced: OpenSearch instance type {{type}} ({{name}}).',
    longRetention: 'Long-term retention (> 7 days) storage per GB-month is not metered.',
  },
  /** Where a price comes from: in English the engine's citation as it is. */
  source: '{{source}}',
  sourceRead: '{{source}}, read {{date}}',
};
