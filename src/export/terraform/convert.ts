/**
 * CloudFormation → Terraform (hashicorp/aws v6), resource by resource: the Terraform export is the
 * CloudFormation export re-said, so both always carry the same resources and values.
 */
import type { Json, Template } from '../cloudformation/index.ts';
import { Block, body, Expr, type HclValue, literal, str, value } from './hcl.ts';

export const snake = (id: string) =>
  id
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();

/** Each CloudFormation type's Terraform type, what `Ref` and attributes read as, and its body. */
interface TypeMap {
  tf: string;
  ref: string;
  attrs?: Record<string, string>;
  body(p: P, id: string, cx: Cx): Record<string, HclValue>;
}
type P = Record<string, Json>;

export class Cx {
  readonly extra: string[] = [];
  constructor(readonly template: Template) {}
  /** A CloudFormation value with its intrinsic functions turned into Terraform expressions. */
  v(j: Json | undefined): HclValue {
    if (j === undefined) return null;
    if (j === null || typeof j !== 'object') return j;
    if (Array.isArray(j)) return j.map((x) => this.v(x));
    if ('Ref' in j) return new Expr(this.ref(String(j.Ref)));
    if ('Fn::GetAtt' in j) {
      const [id, attr] = j['Fn::GetAtt'] as string[];
      return new Expr(this.att(id, attr));
    }
    if ('Fn::Sub' in j) return new Expr(str(this.sub(String(j['Fn::Sub']))));
    const out: Record<string, HclValue> = {};
    for (const [k, x] of Object.entries(j)) out[k] = this.v(x);
    return out;
  }
  ref(id: string): string {
    if (this.template.Parameters[id]) return `var.${snake(id)}`;
    const r = this.template.Resources[id];
    const m = r ? TYPES[r.Type] : undefined;
    return m ? `${m.tf}.${snake(id)}.${m.ref}` : `var.${snake(id)}`;
  }
  att(id: string, attr: string): string {
    const m = TYPES[this.template.Resources[id]?.Type ?? ''];
    return `${m?.tf}.${snake(id)}.${m?.attrs?.[attr] ?? 'arn'}`;
  }
  sub(text: string): string {
    // Escape what is not ours first, then turn each ${Name} into its Terraform interpolation.
    return text.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform's own ${} interpolation, written as text
      if (name === 'AWS::AccountId') return '${data.aws_caller_identity.current.account_id}';
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform's own ${} interpolation, written as text
      if (name === 'AWS::Region') return '${data.aws_region.current.region}';
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform's own ${} interpolation, written as text
      if (name === 'AWS::Partition') return '${data.aws_partition.current.partition}';
      const [id, ...rest] = name.split('.');
      return rest.length === 0 ? `\${${this.ref(id)}}` : `\${${this.att(id, rest.join('.'))}}`;
    });
  }
  json(j: Json | undefined): Expr {
    return new Expr(`jsonencode(${value(this.v(j))})`);
  }
}

const pick = (o: Record<string, HclValue | undefined>): Record<string, HclValue> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Record<
    string,
    HclValue
  >;

function processing(p: Json | undefined, cx: Cx): Record<string, HclValue> {
  if (!p || typeof p !== 'object' || Array.isArray(p)) return {};
  const procs =
    (p.Processors as { Type: string; Parameters: { ParameterName: string; ParameterValue: Json }[] }[]) ?? [];
  return {
    processing_configuration: new Block({
      enabled: true,
      processors: procs.map(
        (x) =>
          new Block({
            type: x.Type,
            parameters: x.Parameters.map(
              (y) => new Block({ parameter_name: y.ParameterName, parameter_value: cx.v(y.ParameterValue) }),
            ),
          }),
      ),
    }),
  };
}

function s3Conf(p: P, cx: Cx, withBuffer = true): Record<string, HclValue> {
  const b = (p.BufferingHints ?? {}) as P;
  return pick({
    role_arn: cx.v(p.RoleARN),
    bucket_arn: cx.v(p.BucketARN),
    prefix: (p.Prefix as string) ?? undefined,
    error_output_prefix: (p.ErrorOutputPrefix as string) ?? undefined,
    ...(withBuffer
      ? {
          buffering_size: (b.SizeInMBs as number) ?? undefined,
          buffering_interval: (b.IntervalInSeconds as number) ?? undefined,
        }
      : {}),
    compression_format: (p.CompressionFormat as string) ?? undefined,
  });
}

export const TYPES: Record<string, TypeMap> = {
  'AWS::Kinesis::Stream': {
    tf: 'aws_kinesis_stream',
    ref: 'name',
    body: (p, _id, cx) =>
      pick({
        name: cx.v(p.Name),
        shard_count: (p.ShardCount as number) ?? undefined,
        retention_period: p.RetentionPeriodHours as number,
        stream_mode_details: new Block({ stream_mode: (p.StreamModeDetails as P).StreamMode }),
        ...(p.StreamEncryption
          ? { encryption_type: 'KMS', kms_key_id: (p.StreamEncryption as P).KeyId }
          : {}),
        max_record_size_in_kib: (p.MaxRecordSizeInKiB as number) ?? undefined,
      }),
  },
  'AWS::Kinesis::StreamConsumer': {
    tf: 'aws_kinesis_stream_consumer',
    ref: 'arn',
    attrs: { ConsumerARN: 'arn' },
    body: (p, _id, cx) => ({ name: cx.v(p.ConsumerName), stream_arn: cx.v(p.StreamARN) }),
  },
  'AWS::IAM::Role': {
    tf: 'aws_iam_role',
    ref: 'name',
    body: (p, id, cx) => {
      // Inline policies as aws_iam_role_policy resources (the role's inline_policy block is deprecated in v6).
      for (const x of (p.Policies as P[]) ?? []) {
        const name = `${snake(id)}_${snake(String(x.PolicyName)).replace(/[^a-z0-9_]/g, '_')}`;
        cx.extra.push(
          `resource "aws_iam_role_policy" "${name}" {\n${body({ name: x.PolicyName as string, role: new Expr(`aws_iam_role.${snake(id)}.id`), policy: cx.json(x.PolicyDocument) })}\n}\n`,
        );
      }
      return { assume_role_policy: cx.json(p.AssumeRolePolicyDocument) };
    },
  },
  'AWS::IAM::ManagedPolicy': {
    tf: 'aws_iam_policy',
    ref: 'arn',
    body: (p, _id, cx) => ({ description: p.Description as string, policy: cx.json(p.PolicyDocument) }),
  },
  'AWS::Lambda::Function': {
    tf: 'aws_lambda_function',
    ref: 'function_name',
    body: (p, id, cx) => {
      const code = p.Code as P;
      let source: Record<string, HclValue>;
      if (typeof code.ZipFile === 'string') {
        // Terraform has no inline code argument: the archive provider zips the source as index.js.
        cx.extra.push(
          `data "archive_file" "${snake(id)}" {\n  type        = "zip"\n  output_path = "\${path.module}/build/${snake(id)}.zip"\n  source {\n    filename = "index.js"\n    content  = ${literal(code.ZipFile)}\n  }\n}\n`,
        );
        source = {
          filename: new Expr(`data.archive_file.${snake(id)}.output_path`),
          source_code_hash: new Expr(`data.archive_file.${snake(id)}.output_base64sha256`),
        };
      } else source = { s3_bucket: cx.v(code.S3Bucket), s3_key: cx.v(code.S3Key) };
      const env = (p.Environment as P | undefined)?.Variables;
      return pick({
        function_name: cx.v(p.FunctionName),
        role: cx.v(p.Role),
        runtime: p.Runtime as string,
        handler: p.Handler as string,
        ...source,
        memory_size: p.MemorySize as number,
        timeout: p.Timeout as number,
        reserved_concurrent_executions: (p.ReservedConcurrentExecutions as number) ?? undefined,
        ...(env ? { environment: new Block({ variables: cx.v(env) }) } : {}),
      });
    },
  },
  'AWS::Lambda::EventSourceMapping': {
    tf: 'aws_lambda_event_source_mapping',
    ref: 'uuid',
    body: (p, _id, cx) => {
      const dest = (p.DestinationConfig as P | undefined)?.OnFailure as P | undefined;
      return pick({
        event_source_arn: cx.v(p.EventSourceArn),
        function_name: cx.v(p.FunctionName),
        starting_position: p.StartingPosition as string,
        starting_position_timestamp:
          p.StartingPositionTimestamp !== undefined
            ? new Date((p.StartingPositionTimestamp as number) * 1000).toISOString()
            : undefined,
        batch_size: p.BatchSize as number,
        maximum_batching_window_in_seconds: p.MaximumBatchingWindowInSeconds as number,
        parallelization_factor: p.ParallelizationFactor as number,
        maximum_retry_attempts: p.MaximumRetryAttempts as number,
        maximum_record_age_in_seconds: p.MaximumRecordAgeInSeconds as number,
        bisect_batch_on_function_error: p.BisectBatchOnFunctionError as boolean,
        function_response_types: (p.FunctionResponseTypes as string[]) ?? undefined,
        tumbling_window_in_seconds: (p.TumblingWindowInSeconds as number) ?? undefined,
        ...(dest
          ? {
              destination_config: new Block({
                on_failure: new Block({ destination_arn: cx.v(dest.Destination) }),
              }),
            }
          : {}),
      });
    },
  },
  'AWS::SQS::Queue': {
    tf: 'aws_sqs_queue',
    ref: 'url',
    body: (p) => ({ message_retention_seconds: p.MessageRetentionPeriod as number }),
  },
  'AWS::SNS::Topic': { tf: 'aws_sns_topic', ref: 'arn', body: () => ({}) },
  'AWS::S3::Bucket': {
    tf: 'aws_s3_bucket',
    ref: 'bucket',
    body: (p, id, cx) => {
      const name = snake(id);
      if (p.PublicAccessBlockConfiguration)
        cx.extra.push(
          `resource "aws_s3_bucket_public_access_block" "${name}" {\n  bucket                  = aws_s3_bucket.${name}.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`,
        );
      if (p.BucketEncryption)
        cx.extra.push(
          `resource "aws_s3_bucket_server_side_encryption_configuration" "${name}" {\n  bucket = aws_s3_bucket.${name}.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n`,
        );
      return pick({ bucket: p.BucketName ? cx.v(p.BucketName) : undefined });
    },
  },
  'AWS::DynamoDB::Table': {
    tf: 'aws_dynamodb_table',
    ref: 'name',
    body: (p, _id, cx) => {
      const keys = p.KeySchema as { AttributeName: string; KeyType: string }[];
      const tp = p.ProvisionedThroughput as P | undefined;
      return pick({
        name: cx.v(p.TableName) as HclValue,
        billing_mode: p.BillingMode as string,
        hash_key: keys.find((k) => k.KeyType === 'HASH')?.AttributeName,
        range_key: keys.find((k) => k.KeyType === 'RANGE')?.AttributeName,
        read_capacity: (tp?.ReadCapacityUnits as number) ?? undefined,
        write_capacity: (tp?.WriteCapacityUnits as number) ?? undefined,
        attribute: (p.AttributeDefinitions as P[]).map(
          (a) => new Block({ name: a.AttributeName as string, type: a.AttributeType as string }),
        ),
      });
    },
  },
  'AWS::Redshift::Cluster': {
    tf: 'aws_redshift_cluster',
    ref: 'cluster_identifier',
    attrs: { 'Endpoint.Address': 'dns_name', 'Endpoint.Port': 'port' },
    body: (p, _id, cx) =>
      pick({
        cluster_identifier: cx.v(p.ClusterIdentifier),
        cluster_type: p.ClusterType as string,
        number_of_nodes: (p.NumberOfNodes as number) ?? undefined,
        node_type: p.NodeType as string,
        database_name: p.DBName as string,
        master_username: cx.v(p.MasterUsername),
        master_password: cx.v(p.MasterUserPassword),
        publicly_accessible: p.PubliclyAccessible as boolean,
        encrypted: p.Encrypted as boolean,
        skip_final_snapshot: true,
      }),
  },
  'AWS::OpenSearchService::Domain': {
    tf: 'aws_opensearch_domain',
    ref: 'domain_name',
    attrs: { DomainEndpoint: 'endpoint' },
    body: (p, _id, cx) => {
      const c = p.ClusterConfig as P;
      const e = p.EBSOptions as P;
      return {
        domain_name: cx.v(p.DomainName),
        engine_version: p.EngineVersion as string,
        cluster_config: new Block({
          instance_type: cx.v(c.InstanceType),
          instance_count: c.InstanceCount as number,
        }),
        ebs_options: new Block({
          ebs_enabled: true,
          volume_type: e.VolumeType as string,
          volume_size: e.VolumeSize as number,
        }),
        encrypt_at_rest: new Block({ enabled: true }),
        node_to_node_encryption: new Block({ enabled: true }),
        domain_endpoint_options: new Block({ enforce_https: true }),
      };
    },
  },
  'AWS::KinesisFirehose::DeliveryStream': {
    tf: 'aws_kinesis_firehose_delivery_stream',
    ref: 'name',
    body: (p, _id, cx) => {
      const out: Record<string, HclValue> = { name: cx.v(p.DeliveryStreamName) };
      const src = p.KinesisStreamSourceConfiguration as P | undefined;
      if (src)
        out.kinesis_source_configuration = new Block({
          kinesis_stream_arn: cx.v(src.KinesisStreamARN),
          role_arn: cx.v(src.RoleARN),
        });
      const s3 = p.ExtendedS3DestinationConfiguration as P | undefined;
      const rs = p.RedshiftDestinationConfiguration as P | undefined;
      const os = p.AmazonopensearchserviceDestinationConfiguration as P | undefined;
      if (s3) {
        out.destination = 'extended_s3';
        out.extended_s3_configuration = new Block({
          ...s3Conf(s3, cx),
          ...processing(s3.ProcessingConfiguration, cx),
          s3_backup_mode: s3.S3BackupMode as string,
          ...(s3.S3BackupConfiguration
            ? { s3_backup_configuration: new Block(s3Conf(s3.S3BackupConfiguration as P, cx, false)) }
            : {}),
        });
      } else if (rs) {
        const copy = rs.CopyCommand as P;
        out.destination = 'redshift';
        out.redshift_configuration = new Block(
          pick({
            cluster_jdbcurl: cx.v(rs.ClusterJDBCURL),
            username: cx.v(rs.Username),
            password: cx.v(rs.Password),
            data_table_name: copy.DataTableName as string,
            data_table_columns: (copy.DataTableColumns as string) ?? undefined,
            copy_options: (copy.CopyOptions as string) ?? undefined,
            role_arn: cx.v(rs.RoleARN),
            retry_duration: (rs.RetryOptions as P).DurationInSeconds as number,
            s3_backup_mode: rs.S3BackupMode as string,
            s3_configuration: new Block(s3Conf(rs.S3Configuration as P, cx)),
            ...(rs.S3BackupConfiguration
              ? { s3_backup_configuration: new Block(s3Conf(rs.S3BackupConfiguration as P, cx, false)) }
              : {}),
            ...processing(rs.ProcessingConfiguration, cx),
          }),
        );
      } else if (os) {
        const b = os.BufferingHints as P;
        out.destination = 'opensearch';
        out.opensearch_configuration = new Block({
          domain_arn: cx.v(os.DomainARN),
          index_name: os.IndexName as string,
          index_rotation_period: os.IndexRotationPeriod as string,
          buffering_size: b.SizeInMBs as number,
          buffering_interval: b.IntervalInSeconds as number,
          retry_duration: (os.RetryOptions as P).DurationInSeconds as number,
          role_arn: cx.v(os.RoleARN),
          s3_backup_mode: os.S3BackupMode as string,
          s3_configuration: new Block(s3Conf(os.S3Configuration as P, cx, false)),
          ...processing(os.ProcessingConfiguration, cx),
        });
      }
      return out;
    },
  },
  'AWS::KinesisAnalyticsV2::Application': {
    tf: 'aws_kinesisanalyticsv2_application',
    ref: 'name',
    body: (p, _id, cx) => {
      const conf = p.ApplicationConfiguration as P;
      const code = conf.ApplicationCodeConfiguration as P;
      const loc = (code.CodeContent as P).S3ContentLocation as P;
      const par = (conf.FlinkApplicationConfiguration as P).ParallelismConfiguration as P;
      const groups = (conf.EnvironmentProperties as P).PropertyGroups as P[];
      return {
        name: cx.v(p.ApplicationName),
        description: p.ApplicationDescription as string,
        runtime_environment: p.RuntimeEnvironment as string,
        application_mode: p.ApplicationMode as string,
        service_execution_role: cx.v(p.ServiceExecutionRole),
        application_configuration: new Block({
          application_code_configuration: new Block({
            code_content_type: code.CodeContentType as string,
            code_content: new Block({
              s3_content_location: new Block({
                bucket_arn: cx.v(loc.BucketARN),
                file_key: cx.v(loc.FileKey),
              }),
            }),
          }),
          environment_properties: new Block({
            property_group: groups.map(
              (g) =>
                new Block({
                  property_group_id: g.PropertyGroupId as string,
                  property_map: cx.v(g.PropertyMap),
                }),
            ),
          }),
          flink_application_configuration: new Block({
            parallelism_configuration: new Block({
              configuration_type: par.ConfigurationType as string,
              parallelism: par.Parallelism as number,
              parallelism_per_kpu: par.ParallelismPerKPU as number,
              auto_scaling_enabled: par.AutoScalingEnabled as boolean,
            }),
          }),
        }),
      };
    },
  },
};
