/**
 * Numbers survive: every field the kinds define says which export carries it. `cfn:Prop` fields
 * with a number are checked against every example's template ("Prop": value appears); `cfn?:` is
 * carried only in some modes (e.g. ShardCount only when provisioned). `none:` fields are listed in
 * the README ("Not carried by any export"). A new field without an entry fails the first test.
 * MaxRecordSizeInKiB is cfn? because an exporter may leave out AWS's default (1,024).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../model/kinds/index.ts';
import type { NodeKind } from '../model/types.ts';
import { toCloudFormation } from './cloudformation/index.ts';
import { parseDocument } from './document.ts';

const CARRIERS: { [K in NodeKind]: Record<string, string> } = {
  producer: {
    source: 'cfn:Outputs (how to feed)',
    'rate.type': 'kdg:name',
    'rate.recordsPerSec': 'kdg:name',
    'size.type': 'none:',
    'partitionKey.type': 'none:',
    template: 'kdg:template',
    batchSize: 'none:',
    'retry.maxAttempts': 'none:',
    'retry.baseDelayMs': 'none:',
    'retry.maxDelayMs': 'none:',
    'retry.jitter': 'none:',
    'kpl.aggregation': 'none:',
    'kpl.aggregationMaxBytes': 'none:',
    'kpl.maxBufferedTimeMs': 'none:',
    'kpl.collectionMaxCount': 'none:',
    'agent.filePattern': 'agent:filePattern',
    'agent.initialPosition': 'agent:initialPosition',
    'agent.processing': 'agent:dataProcessingOptions',
    'agent.logFormat': 'agent:logFormat',
    'agent.customFieldNames': 'agent:customFieldNames',
    'agent.maxBufferAgeMillis': 'agent:maxBufferAgeMillis',
    'agent.maxBufferSizeRecords': 'agent:maxBufferSizeRecords',
    'agent.partitionKeyOption': 'agent:partitionKeyOption',
  },
  stream: {
    capacityMode: 'cfn:StreamMode',
    shardCount: 'cfn?:ShardCount',
    retentionHours: 'cfn:RetentionPeriodHours',
    encryption: 'cfn:StreamEncryption',
    maxRecordSizeKiB: 'cfn?:MaxRecordSizeInKiB',
    efoConsumers: 'cfn:AWS::Kinesis::StreamConsumer',
    reshards: 'none:',
  },
  lambda: {
    use: 'cfn:EventSourceMapping or ProcessingConfiguration',
    runtime: 'cfn:Runtime (nodejs22.x)',
    code: 'cfn:Code.ZipFile',
    memoryMB: 'cfn:MemorySize',
    timeoutSec: 'cfn:Timeout',
    'duration.type': 'none:',
    'duration.baseMs': 'none:',
    'duration.perRecordMs': 'none:',
    'duration.jitterPct': 'none:',
    'duration.ms': 'none:',
    errorRate: 'none:',
    reservedConcurrency: 'cfn?:ReservedConcurrentExecutions',
    sampleRecordsPerSec: 'none:',
    'esm.batchSize': 'cfn?:BatchSize',
    'esm.batchingWindowSec': 'cfn?:MaximumBatchingWindowInSeconds',
    'esm.parallelizationFactor': 'cfn?:ParallelizationFactor',
    'esm.startingPosition': 'cfn?:StartingPosition',
    'esm.maximumRetryAttempts': 'cfn?:MaximumRetryAttempts',
    'esm.maximumRecordAgeSec': 'cfn?:MaximumRecordAgeInSeconds',
    'esm.bisectBatchOnFunctionError': 'cfn?:BisectBatchOnFunctionError',
    'esm.reportBatchItemFailures': 'cfn?:FunctionResponseTypes',
    'esm.onFailureDestination': 'cfn?:DestinationConfig',
    'esm.tumblingWindowSec': 'cfn?:TumblingWindowInSeconds',
  },
  analytics: {
    sql: 'flink-sql:<node>.sql (translated)',
    inputNamePrefix: 'flink-sql:source table name',
    inputFormat: 'flink-sql:format',
    recordRowPath: 'none:',
    csvColumnDelimiter: 'flink-sql:csv.field-delimiter',
    csvRowDelimiter: 'none:',
    columns: 'flink-sql:source table columns',
    reference: 'flink-sql:filesystem table',
    kpus: 'cfn:Parallelism',
    outputs: 'cfn:PropertyGroups / role',
  },
  firehose: {
    source: 'cfn:DeliveryStreamType',
    bufferSizeMiB: 'cfn:SizeInMBs',
    bufferIntervalSec: 'cfn:IntervalInSeconds',
    compression: 'cfn:CompressionFormat',
    transformLambdaId: 'cfn?:ProcessingConfiguration',
    formatConversion: 'none:',
    prefix: 'cfn?:Prefix',
    errorOutputPrefix: 'cfn?:ErrorOutputPrefix',
    backupMode: 'cfn?:S3BackupMode',
    'redshift.table': 'cfn?:DataTableName',
    'redshift.columns': 'cfn?:DataTableColumns',
    'redshift.copyOptions': 'cfn?:CopyOptions',
    'redshift.retryDurationSec': 'cfn?:DurationInSeconds',
    'opensearch.indexName': 'cfn?:IndexName',
    'opensearch.rotation': 'cfn?:IndexRotationPeriod',
    'opensearch.retryDurationSec': 'cfn?:DurationInSeconds',
    region: 'none:',
  },
  s3: { bucket: 'cfn:BucketName' },
  redshift: {
    clusterId: 'cfn:ClusterIdentifier',
    database: 'cfn:DBName',
    nodeType: 'cfn:NodeType',
    nodes: 'cfn?:NumberOfNodes',
  },
  opensearch: {
    domain: 'cfn:DomainName',
    engine: 'cfn:EngineVersion',
    instanceType: 'cfn:Parameters Default',
    instances: 'cfn:InstanceCount',
  },
  dynamodb: {
    table: 'cfn:TableName',
    partitionKey: 'cfn:KeySchema',
    sortKey: 'cfn:KeySchema',
    capacityMode: 'cfn:BillingMode',
    writeCapacityUnits: 'cfn?:WriteCapacityUnits',
  },
  consumerApp: {
    applicationName: 'cfn:Outputs',
    processingRecordsPerSec: 'none:',
    workers: 'cfn:Outputs',
    initialPosition: 'cfn:Outputs',
    pollIntervalMs: 'none:',
    checkpointEveryRecords: 'none:',
  },
};

function leaves(v: unknown, path: string, out: [string, unknown][]): void {
  if (v && typeof v === 'object' && !Array.isArray(v))
    for (const [k, x] of Object.entries(v)) leaves(x, path ? `${path}.${k}` : k, out);
  else out.push([path, v]);
}

const dir = join(__dirname, '../../examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('field coverage of the exports', () => {
  it('every field every kind defines has a carrier entry', () => {
    for (const kind of Object.keys(KINDS) as NodeKind[]) {
      const found: [string, unknown][] = [];
      leaves(KINDS[kind].defaults(), '', found);
      for (const [path] of found) expect(CARRIERS[kind], `${kind}.${path}`).toHaveProperty([path]);
    }
  });

  it.each(examples)('%s: every numeric cfn: field appears with the design’s value', (f) => {
    const r = parseDocument(readFileSync(join(dir, f), 'utf8'));
    if (!r.ok) throw new Error(f);
    const text = JSON.stringify(toCloudFormation(r.doc).template);
    let checked = 0;
    for (const n of r.doc.nodes) {
      const found: [string, unknown][] = [];
      leaves(n.config, '', found);
      for (const [path, value] of found) {
        const carrier = (CARRIERS[n.kind] as Record<string, string>)[path] ?? '';
        if (!carrier.startsWith('cfn:') || typeof value !== 'number') continue;
        expect(text, `${n.name} ${path}`).toContain(`"${carrier.slice(4)}":${value}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
