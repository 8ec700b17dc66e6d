/**
 * A Lambda node: its function (inline CommonJS, or an S3 artifact when over the inline limit), a
 * least-privilege role (read the streams it is mapped to, write the targets it is wired to), one
 * event source mapping per stream edge, and the on-failure destination the mapping names.
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
import { consumerSource, INLINE_LIMIT, type OutputTargets, toCommonJs } from './lambda-code.ts';
import { readArn } from './map-stream.ts';

export const ARTIFACT_BUCKET = 'ArtifactBucket';

const READ_STREAM = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
  'kinesis:SubscribeToShard',
  'kinesis:DescribeStreamConsumer',
];

/** What writing to each downstream kind takes: the IAM actions and the environment variable. */
function writeTo(
  target: PipelineNode,
  c: BuildContext,
): { statement: Statement; env: Record<string, Json> } | null {
  switch (target.kind) {
    case 'dynamodb':
      return {
        statement: { Action: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'], Resource: c.arn(target) },
        env: { OUT_TABLE: c.name(target) },
      };
    case 'stream':
      return {
        statement: { Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: c.arn(target) },
        env: { OUT_STREAM: c.name(target) },
      };
    case 'firehose':
      return {
        statement: { Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: c.arn(target) },
        env: { OUT_DELIVERY_STREAM: c.name(target) },
      };
    case 's3':
      return {
        statement: { Action: ['s3:PutObject'], Resource: sub(`\${${c.id(target)}.Arn}/*`) },
        env: { OUT_BUCKET: c.name(target) },
      };
    default:
      return null;
  }
}

export function mapLambda(n: PipelineNodeOf<'lambda'>, c: BuildContext): void {
  const cfg = n.config;
  const fn = c.id(n);
  const role = c.extra(n, 'role');
  const statements: Statement[] = [LOGS];
  const env: Record<string, Json> = {};
  const targets: OutputTargets = {};
  for (const { node } of c.outgoing(n)) {
    const w = writeTo(node, c);
    if (!w) continue;
    statements.push(w.statement);
    Object.assign(env, w.env);
    if (node.kind === 'dynamodb') targets.table = true;
    if (node.kind === 'stream') targets.stream = true;
    if (node.kind === 'firehose') targets.deliveryStream = true;
    if (node.kind === 's3') targets.bucket = true;
  }

  const streams = c.incoming(n).filter((l) => l.node.kind === 'stream');
  for (const { edge, node } of streams) {
    if (node.kind !== 'stream') continue;
    const efo = edge.config.readMode === 'efo' ? edge.config.efoConsumerName : undefined;
    statements.push({ Action: READ_STREAM, Resource: [c.arn(node), sub(`\${${c.id(node)}.Arn}/*`)] });
    mapping(n, c, readArn(node, efo, c), node.name, statements);
  }

  const source = cfg.use === 'firehoseTransform' ? toCommonJs(cfg.code) : consumerSource(cfg.code, targets);
  let code: Json;
  if (source.length <= INLINE_LIMIT) {
    code = { ZipFile: source };
  } else {
    // Over CloudFormation's inline limit: `shardscape export --out` writes lambda/<name>/index.js to zip and upload.
    c.param(ARTIFACT_BUCKET, {
      Type: 'String',
      Description: 'S3 bucket holding code artifacts (Lambda zips, Flink SQL bundles)',
    });
    const key = c.param(`${fn}CodeKey`, {
      Type: 'String',
      Default: `lambda/${n.name}.zip`,
      Description: `S3 key of ${n.name}'s zip (index.js from the export, over the 4,096-character inline limit)`,
    });
    code = { S3Bucket: ref(ARTIFACT_BUCKET), S3Key: ref(key) };
  }

  c.add(role, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: assumeRole('lambda.amazonaws.com'),
    Policies: [policy(`${n.name}-least-privilege`, statements)],
  });
  c.add(fn, 'AWS::Lambda::Function', {
    FunctionName: prefixed(n.name),
    // The studio models one Node.js runtime; nodejs20.x can no longer be created from Feb 2027 (cfn-lint W2531).
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: getAtt(role, 'Arn'),
    Code: code,
    MemorySize: cfg.memoryMB,
    Timeout: cfg.timeoutSec,
    ...(cfg.reservedConcurrency > 0 ? { ReservedConcurrentExecutions: cfg.reservedConcurrency } : {}),
    ...(Object.keys(env).length > 0 ? { Environment: { Variables: env } } : {}),
  });
  c.notCarried.push(
    `${n.name}: modelled duration, error rate ${cfg.errorRate} and handler sampling ${cfg.sampleRecordsPerSec} rec/s (simulation only)`,
  );
}

/** The event source mapping from one stream (or its EFO consumer) to the function, with every knob. */
function mapping(
  n: PipelineNodeOf<'lambda'>,
  c: BuildContext,
  source: Json,
  streamName: string,
  statements: Statement[],
) {
  const e = n.config.esm;
  const props: { [key: string]: Json } = {
    EventSourceArn: source,
    FunctionName: ref(c.id(n)),
    StartingPosition: e.startingPosition,
    BatchSize: e.batchSize,
    MaximumBatchingWindowInSeconds: e.batchingWindowSec,
    ParallelizationFactor: e.parallelizationFactor,
    MaximumRetryAttempts: e.maximumRetryAttempts,
    // -1 or 60–604,800: the validator does not check the lower bound, so the export clamps.
    MaximumRecordAgeInSeconds:
      e.maximumRecordAgeSec < 0 ? -1 : Math.min(604800, Math.max(60, e.maximumRecordAgeSec)),
    BisectBatchOnFunctionError: e.bisectBatchOnFunctionError,
  };
  if (e.startingPosition === 'AT_TIMESTAMP')
    props.StartingPositionTimestamp = Math.floor(Date.parse(c.doc.settings.startTime) / 1000);
  if (e.reportBatchItemFailures) props.FunctionResponseTypes = ['ReportBatchItemFailures'];
  if (e.tumblingWindowSec > 0) props.TumblingWindowInSeconds = e.tumblingWindowSec;
  const dest = failureDestination(n, c, statements);
  if (dest) props.DestinationConfig = { OnFailure: { Destination: dest } };
  c.add(c.extra(n, `${streamName} mapping`), 'AWS::Lambda::EventSourceMapping', props);
}

/** The on-failure destination (one per function), created the first time a mapping needs it. */
function failureDestination(
  n: PipelineNodeOf<'lambda'>,
  c: BuildContext,
  statements: Statement[],
): Json | null {
  const kind = n.config.esm.onFailureDestination;
  if (kind === 'none') return null;
  const id = `${c.id(n)}OnFailure`;
  if (!c.template.Resources[id]) {
    if (kind === 'sqs') {
      c.add(id, 'AWS::SQS::Queue', { MessageRetentionPeriod: 1209600 });
      statements.push({ Action: ['sqs:SendMessage'], Resource: getAtt(id, 'Arn') });
    } else if (kind === 'sns') {
      c.add(id, 'AWS::SNS::Topic', {});
      statements.push({ Action: ['sns:Publish'], Resource: ref(id) });
    } else {
      c.add(id, 'AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
      statements.push({
        Action: ['s3:PutObject', 's3:ListBucket'],
        Resource: [getAtt(id, 'Arn'), sub(`\${${id}.Arn}/*`)],
      });
    }
  }
  return kind === 'sns' ? ref(id) : getAtt(id, 'Arn');
}
