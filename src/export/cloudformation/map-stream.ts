/** Producers (described, not deployed), data streams with their EFO consumers, and consumer apps. */
import type { PipelineNodeOf } from '../../model/types.ts';
import type { BuildContext } from './context.ts';
import { getAtt, prefixed } from './intrinsics.ts';

const SOURCE_API: Record<string, string> = {
  putRecord: 'PutRecord calls (one record each)',
  putRecords: 'PutRecords calls',
  kpl: 'the Kinesis Producer Library (aggregated records)',
  agent: 'the Kinesis Agent (agent.json export)',
  dataGenerator: 'the Kinesis Data Generator (KDG template export)',
};

export function mapProducer(n: PipelineNodeOf<'producer'>, c: BuildContext): void {
  for (const { node } of c.outgoing(n)) {
    const how = SOURCE_API[n.config.source] ?? n.config.source;
    c.feeds.push(`${n.name} feeds ${node.name} with ${how}.`);
    c.output(`${n.name} target`, `Where producer ${n.name} writes (${how})`, c.name(node));
  }
}

export function mapStream(n: PipelineNodeOf<'stream'>, c: BuildContext): void {
  const cfg = n.config;
  const onDemand = cfg.capacityMode === 'onDemand';
  c.add(c.id(n), 'AWS::Kinesis::Stream', {
    Name: prefixed(n.name),
    StreamModeDetails: { StreamMode: onDemand ? 'ON_DEMAND' : 'PROVISIONED' },
    ...(onDemand ? {} : { ShardCount: cfg.shardCount }),
    // AWS's minimum is 24 h; the validator does not check it, so the export clamps.
    RetentionPeriodHours: Math.min(8760, Math.max(24, cfg.retentionHours)),
    ...(cfg.encryption === 'KMS'
      ? { StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } }
      : {}),
    ...(cfg.maxRecordSizeKiB && cfg.maxRecordSizeKiB !== 1024
      ? { MaxRecordSizeInKiB: cfg.maxRecordSizeKiB }
      : {}),
  });
  for (const consumer of cfg.efoConsumers) {
    const id = c.extra(n, `${consumer} consumer`);
    c.efo.set(`${n.id}:${consumer}`, id);
    c.add(id, 'AWS::Kinesis::StreamConsumer', {
      ConsumerName: consumer,
      StreamARN: c.arn(n),
    });
  }
  if (cfg.reshards.length > 0)
    c.notCarried.push(
      `${n.name}: ${cfg.reshards.length} scheduled reshard(s) (run UpdateShardCount at those times)`,
    );
  c.output(`${n.name} stream name`, `Name of data stream ${n.name}`, c.name(n));
  c.output(`${n.name} stream arn`, `ARN of data stream ${n.name}`, c.arn(n));
}

/** The ARN an edge reads through: the stream's, or its EFO consumer's when the edge uses EFO. */
export function readArn(stream: PipelineNodeOf<'stream'>, consumer: string | undefined, c: BuildContext) {
  const id = consumer ? c.efo.get(`${stream.id}:${consumer}`) : undefined;
  return id ? getAtt(id, 'ConsumerARN') : c.arn(stream);
}

/**
 * A KCL consumer application runs on your own compute (EC2, ECS, EKS), so the template gives it what
 * it needs on AWS: a managed policy to attach to that compute's role (read the stream, its lease
 * table in DynamoDB, CloudWatch metrics).
 */
export function mapConsumerApp(n: PipelineNodeOf<'consumerApp'>, c: BuildContext): void {
  const streams = c.incoming(n).filter((l) => l.node.kind === 'stream');
  const app = n.config.applicationName || n.name;
  c.add(c.id(n), 'AWS::IAM::ManagedPolicy', {
    Description: `KCL application ${app}: attach to the role of the compute that runs it`,
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        ...(streams.length > 0
          ? [
              {
                Effect: 'Allow',
                Action: [
                  'kinesis:DescribeStream',
                  'kinesis:DescribeStreamSummary',
                  'kinesis:GetRecords',
                  'kinesis:GetShardIterator',
                  'kinesis:ListShards',
                  'kinesis:SubscribeToShard',
                  'kinesis:RegisterStreamConsumer',
                  'kinesis:DescribeStreamConsumer',
                ],
                Resource: streams.flatMap((l) => [c.arn(l.node), { 'Fn::Sub': `\${${c.id(l.node)}.Arn}/*` }]),
              },
            ]
          : []),
        {
          Effect: 'Allow',
          Action: ['dynamodb:*'],
          Resource: {
            'Fn::Sub': `arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/${app}*`,
          },
        },
        { Effect: 'Allow', Action: ['cloudwatch:PutMetricData'], Resource: '*' },
      ],
    },
  });
  c.notCarried.push(
    `${n.name}: workers ${n.config.workers}, ${n.config.processingRecordsPerSec} rec/s each, poll ${n.config.pollIntervalMs} ms, checkpoint every ${n.config.checkpointEveryRecords} records (KCL settings of your application)`,
  );
  c.output(`${n.name} policy`, `Managed policy for the KCL application ${app}`, c.name(n));
}
