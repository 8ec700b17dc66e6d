/**
 * A Firehose node: its delivery stream (Direct PUT or a data stream source), the destination block
 * for S3, Redshift (COPY through a staging bucket) or OpenSearch, the transform Lambda as a
 * processing configuration, backup, and a role that reads the one source and writes the one target.
 */
import type { PipelineNode, PipelineNodeOf } from '../../model/types.ts';
import type { BuildContext } from './context.ts';
import {
  assumeRole,
  getAtt,
  type Json,
  LOGS,
  policy,
  prefixed,
  ref,
  type Statement,
  sub,
} from './intrinsics.ts';

const S3_WRITE = [
  's3:AbortMultipartUpload',
  's3:GetBucketLocation',
  's3:GetObject',
  's3:ListBucket',
  's3:ListBucketMultipartUploads',
  's3:PutObject',
];

export function mapFirehose(n: PipelineNodeOf<'firehose'>, c: BuildContext): void {
  const cfg = n.config;
  const role = c.extra(n, 'role');
  const roleArn = getAtt(role, 'Arn');
  const statements: Statement[] = [LOGS];
  const props: { [key: string]: Json } = { DeliveryStreamName: prefixed(n.name) };

  const source = c.incoming(n).find((l) => l.node.kind === 'stream')?.node;
  if (source) {
    props.DeliveryStreamType = 'KinesisStreamAsSource';
    props.KinesisStreamSourceConfiguration = { KinesisStreamARN: c.arn(source), RoleARN: roleArn };
    statements.push({
      Action: [
        'kinesis:DescribeStream',
        'kinesis:GetShardIterator',
        'kinesis:GetRecords',
        'kinesis:ListShards',
      ],
      Resource: c.arn(source),
    });
  } else {
    props.DeliveryStreamType = 'DirectPut';
  }

  const outs = c.outgoing(n).map((l) => l.node);
  const main =
    outs.find((o) => o.kind === 'redshift' || o.kind === 'opensearch') ?? outs.find((o) => o.kind === 's3');
  const bucket = outs.find((o) => o.kind === 's3');
  if (bucket)
    statements.push({ Action: S3_WRITE, Resource: [c.arn(bucket), sub(`\${${c.id(bucket)}.Arn}/*`)] });

  const transform = cfg.transformLambdaId ? c.node(cfg.transformLambdaId) : undefined;
  const processing: Json | undefined = transform
    ? {
        Enabled: true,
        Processors: [
          { Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: c.arn(transform) }] },
        ],
      }
    : undefined;
  if (transform)
    statements.push({
      Action: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'],
      Resource: c.arn(transform),
    });

  const s3Block = (b: PipelineNode, prefix: string): { [key: string]: Json } => ({
    BucketARN: c.arn(b),
    RoleARN: roleArn,
    ...(prefix ? { Prefix: prefix } : {}),
    ...(cfg.errorOutputPrefix ? { ErrorOutputPrefix: cfg.errorOutputPrefix } : {}),
  });

  if (main?.kind === 's3') {
    props.ExtendedS3DestinationConfiguration = {
      ...s3Block(main, cfg.prefix),
      BufferingHints: { SizeInMBs: cfg.bufferSizeMiB, IntervalInSeconds: cfg.bufferIntervalSec },
      CompressionFormat: cfg.formatConversion === 'NONE' ? cfg.compression : 'UNCOMPRESSED',
      ...(processing ? { ProcessingConfiguration: processing } : {}),
      ...(cfg.backupMode === 'Enabled'
        ? { S3BackupMode: 'Enabled', S3BackupConfiguration: s3Block(main, 'backup/') }
        : { S3BackupMode: 'Disabled' }),
    };
    if (cfg.formatConversion !== 'NONE')
      c.notCarried.push(
        `${n.name}: ${cfg.formatConversion} conversion needs a Glue table schema (DataFormatConversionConfiguration): add it after export`,
      );
  } else if (main?.kind === 'redshift' && bucket) {
    const cluster = c.id(main);
    props.RedshiftDestinationConfiguration = {
      ClusterJDBCURL: sub(
        `jdbc:redshift://\${${cluster}.Endpoint.Address}:\${${cluster}.Endpoint.Port}/${main.config.database}`,
      ),
      CopyCommand: {
        DataTableName: cfg.redshift.table,
        ...(cfg.redshift.columns ? { DataTableColumns: cfg.redshift.columns } : {}),
        ...(cfg.redshift.copyOptions ? { CopyOptions: cfg.redshift.copyOptions } : {}),
      },
      Username: ref('RedshiftMasterUsername'),
      Password: ref('RedshiftMasterPassword'),
      RoleARN: roleArn,
      RetryOptions: { DurationInSeconds: cfg.redshift.retryDurationSec },
      // The staging bucket COPY loads from: Firehose buffers there (size and interval apply to it).
      S3Configuration: {
        ...s3Block(bucket, cfg.prefix),
        BufferingHints: { SizeInMBs: cfg.bufferSizeMiB, IntervalInSeconds: cfg.bufferIntervalSec },
        CompressionFormat: cfg.compression === 'GZIP' ? 'GZIP' : 'UNCOMPRESSED',
      },
      ...(processing ? { ProcessingConfiguration: processing } : {}),
      S3BackupMode: cfg.backupMode === 'Enabled' ? 'Enabled' : 'Disabled',
      ...(cfg.backupMode === 'Enabled' ? { S3BackupConfiguration: s3Block(bucket, 'backup/') } : {}),
    };
  } else if (main?.kind === 'opensearch' && bucket) {
    statements.push({
      Action: [
        'es:DescribeDomain',
        'es:DescribeDomains',
        'es:DescribeDomainConfig',
        'es:ESHttpPost',
        'es:ESHttpPut',
        'es:ESHttpGet',
      ],
      Resource: [c.arn(main), sub(`\${${c.id(main)}.Arn}/*`)],
    });
    props.AmazonopensearchserviceDestinationConfiguration = {
      DomainARN: c.arn(main),
      IndexName: cfg.opensearch.indexName,
      IndexRotationPeriod: cfg.opensearch.rotation,
      RetryOptions: { DurationInSeconds: cfg.opensearch.retryDurationSec },
      // OpenSearch buffers at most 100 MiB.
      BufferingHints: {
        SizeInMBs: Math.min(100, cfg.bufferSizeMiB),
        IntervalInSeconds: cfg.bufferIntervalSec,
      },
      RoleARN: roleArn,
      S3BackupMode: cfg.backupMode === 'AllDocuments' ? 'AllDocuments' : 'FailedDocumentsOnly',
      S3Configuration: s3Block(bucket, cfg.prefix),
      ...(processing ? { ProcessingConfiguration: processing } : {}),
    };
  }

  c.add(role, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: assumeRole('firehose.amazonaws.com'),
    Policies: [policy(`${n.name}-delivery`, statements)],
  });
  c.add(c.id(n), 'AWS::KinesisFirehose::DeliveryStream', props);
  if (cfg.region !== 'us-east-1')
    c.notCarried.push(`${n.name}: the Direct PUT quota region class (the stack's Region decides it)`);
  c.output(`${n.name} delivery stream`, `Name of Firehose delivery stream ${n.name}`, c.name(n));
}
