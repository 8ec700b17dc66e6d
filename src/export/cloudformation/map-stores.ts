/** Destinations: S3 buckets, the Redshift cluster, the OpenSearch domain and DynamoDB tables. */
import type { PipelineNodeOf } from '../../model/types.ts';
import type { BuildContext } from './context.ts';
import { prefixed, ref, sub } from './intrinsics.ts';

const PRIVATE = {
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  },
  BucketEncryption: {
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
  },
};

export function mapS3(n: PipelineNodeOf<'s3'>, c: BuildContext): void {
  // Bucket names are global: the account id keeps two deployers of one design apart.
  c.add(c.id(n), 'AWS::S3::Bucket', {
    BucketName: sub(`\${EnvironmentPrefix}-${n.config.bucket || n.name}-\${AWS::AccountId}`),
    ...PRIVATE,
  });
  c.output(`${n.name} bucket`, `S3 bucket ${n.name}`, c.name(n));
}

export function mapRedshift(n: PipelineNodeOf<'redshift'>, c: BuildContext): void {
  c.param('RedshiftMasterUsername', {
    Type: 'String',
    Default: 'awsuser',
    Description: 'Redshift admin user',
  });
  c.param('RedshiftMasterPassword', {
    Type: 'String',
    NoEcho: true,
    MinLength: 8,
    MaxLength: 64,
    Description: 'Redshift admin password (8–64 characters, with upper and lower case and a digit)',
  });
  const multi = n.config.nodes > 1;
  c.add(c.id(n), 'AWS::Redshift::Cluster', {
    ClusterIdentifier: prefixed(n.config.clusterId || n.name),
    ClusterType: multi ? 'multi-node' : 'single-node',
    ...(multi ? { NumberOfNodes: n.config.nodes } : {}),
    NodeType: n.config.nodeType,
    DBName: n.config.database,
    MasterUsername: ref('RedshiftMasterUsername'),
    MasterUserPassword: ref('RedshiftMasterPassword'),
    // Firehose reaches a cluster over its public endpoint unless it sits in your VPC's subnets.
    PubliclyAccessible: true,
    Encrypted: true,
  });
  c.output(
    `${n.name} endpoint`,
    `Redshift cluster ${n.name} endpoint`,
    sub(`\${${c.id(n)}.Endpoint.Address}`),
  );
}

export function mapOpenSearch(n: PipelineNodeOf<'opensearch'>, c: BuildContext): void {
  const typeParam = c.param(`${c.id(n)}InstanceType`, {
    Type: 'String',
    Default: n.config.instanceType,
    Description: `Instance type of OpenSearch domain ${n.name}`,
  });
  c.add(c.id(n), 'AWS::OpenSearchService::Domain', {
    DomainName: prefixed(n.config.domain || n.name),
    EngineVersion: n.config.engine === 'Elasticsearch' ? 'Elasticsearch_7.10' : 'OpenSearch_2.19',
    ClusterConfig: { InstanceType: ref(typeParam), InstanceCount: n.config.instances },
    EBSOptions: { EBSEnabled: true, VolumeType: 'gp3', VolumeSize: 10 },
    EncryptionAtRestOptions: { Enabled: true },
    NodeToNodeEncryptionOptions: { Enabled: true },
    DomainEndpointOptions: { EnforceHTTPS: true },
  });
  c.notCarried.push(`${n.name}: storage per node is not in the design (the export gives 10 GiB gp3)`);
  c.output(
    `${n.name} endpoint`,
    `OpenSearch domain ${n.name} endpoint`,
    sub(`\${${c.id(n)}.DomainEndpoint}`),
  );
}

export function mapDynamoDb(n: PipelineNodeOf<'dynamodb'>, c: BuildContext): void {
  const cfg = n.config;
  const keys = [cfg.partitionKey, ...(cfg.sortKey ? [cfg.sortKey] : [])];
  c.add(c.id(n), 'AWS::DynamoDB::Table', {
    TableName: prefixed(cfg.table || n.name),
    AttributeDefinitions: keys.map((k) => ({ AttributeName: k, AttributeType: 'S' })),
    KeySchema: keys.map((k, i) => ({ AttributeName: k, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    ...(cfg.capacityMode === 'onDemand'
      ? { BillingMode: 'PAY_PER_REQUEST' }
      : {
          BillingMode: 'PROVISIONED',
          // The design models writes only; 5 RCUs is DynamoDB's console default for reads.
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: cfg.writeCapacityUnits },
        }),
  });
  c.output(`${n.name} table`, `DynamoDB table ${n.name}`, c.name(n));
}
