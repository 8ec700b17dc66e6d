/**
 * An Analytics node. Kinesis Data Analytics for SQL can no longer be created (new applications were
 * refused from 15 Oct 2025), so the node deploys as a Managed Service for Apache Flink application
 * that runs the node's SQL translated to Flink SQL (the `flink-sql` export), from a code bundle in S3.
 */
import type { PipelineNodeOf } from '../../model/types.ts';
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
import { ARTIFACT_BUCKET } from './map-lambda.ts';

export const FLINK_RUNTIME = 'FLINK-1_20';

export function mapAnalytics(n: PipelineNodeOf<'analytics'>, c: BuildContext): void {
  const role = c.extra(n, 'role');
  c.param(ARTIFACT_BUCKET, {
    Type: 'String',
    Description: 'S3 bucket holding code artifacts (Lambda zips, Flink SQL bundles)',
  });
  const key = c.param(`${c.id(n)}CodeKey`, {
    Type: 'String',
    Default: `flink/${n.name}.zip`,
    Description: `S3 key of ${n.name}'s Flink SQL bundle (the flink-sql export's files, zipped)`,
  });
  const statements: Statement[] = [
    LOGS,
    {
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: sub(`arn:\${AWS::Partition}:s3:::\${${ARTIFACT_BUCKET}}/*`),
    },
  ];
  const props: Record<string, Json> = {};
  for (const { node } of c.incoming(n)) {
    if (node.kind !== 'stream') continue;
    statements.push({
      Action: [
        'kinesis:DescribeStream',
        'kinesis:DescribeStreamSummary',
        'kinesis:GetShardIterator',
        'kinesis:GetRecords',
        'kinesis:ListShards',
      ],
      Resource: c.arn(node),
    });
    props['source.stream'] = c.name(node);
  }
  for (const [i, { node }] of c.outgoing(n).entries()) {
    if (node.kind === 'stream')
      statements.push({
        Action: ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:ListShards'],
        Resource: c.arn(node),
      });
    else if (node.kind === 'firehose')
      statements.push({ Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: c.arn(node) });
    else if (node.kind === 'lambda')
      statements.push({ Action: ['lambda:InvokeFunction'], Resource: c.arn(node) });
    props[`sink.${i + 1}.${node.kind}`] = c.name(node);
  }
  c.add(role, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: assumeRole('kinesisanalytics.amazonaws.com'),
    Policies: [policy(`${n.name}-flink`, statements)],
  });
  c.add(c.id(n), 'AWS::KinesisAnalyticsV2::Application', {
    ApplicationName: prefixed(n.name),
    ApplicationDescription: `Flink SQL translation of the Kinesis Data Analytics SQL application ${n.name}`,
    RuntimeEnvironment: FLINK_RUNTIME,
    ApplicationMode: 'STREAMING',
    ServiceExecutionRole: getAtt(role, 'Arn'),
    ApplicationConfiguration: {
      ApplicationCodeConfiguration: {
        CodeContentType: 'ZIPFILE',
        CodeContent: {
          S3ContentLocation: {
            BucketARN: sub(`arn:\${AWS::Partition}:s3:::\${${ARTIFACT_BUCKET}}`),
            FileKey: ref(key),
          },
        },
      },
      EnvironmentProperties: {
        PropertyGroups: [
          // PyFlink entry point of the bundle: main.py runs <node name>.sql (both from the flink-sql
          // export) through the Table API, filling in the region and account below.
          {
            PropertyGroupId: 'kinesis.analytics.flink.run.options',
            PropertyMap: { python: 'main.py', jarfile: 'lib/connectors.jar' },
          },
          {
            PropertyGroupId: 'shardscape',
            PropertyMap: {
              'sql.file': `${n.name}.sql`,
              'aws.region': sub(`\${AWS::Region}`),
              'aws.account': sub(`\${AWS::AccountId}`),
              ...props,
            },
          },
        ],
      },
      FlinkApplicationConfiguration: {
        // One parallel task per KPU, as the design's KPU count bills.
        ParallelismConfiguration: {
          ConfigurationType: 'CUSTOM',
          Parallelism: n.config.kpus,
          ParallelismPerKPU: 1,
          AutoScalingEnabled: true,
        },
      },
    },
  });
  c.output(`${n.name} application`, `Managed Flink application ${n.name}`, c.name(n));
}
