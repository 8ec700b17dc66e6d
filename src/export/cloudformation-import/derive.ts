/**
 * A CloudFormation template → draft nodes and edges, from the resources alone (no Shardscape
 * Metadata): one node per stream, function, delivery stream, bucket, table, cluster, domain and Flink
 * application; the resources that only serve a node (roles, mappings, EFO consumers, failure
 * destinations) are folded into it; everything else is listed as not mapped, with why.
 * Values a template leaves out get AWS's defaults (BatchSize 100, MemorySize 128 MB…).
 */
import { KINDS } from '../../model/kinds/index.ts';
import type { ConfigByKind, EdgeConfig, NodeKind } from '../../model/types.ts';
import { linkAnalytics, linkConsumerApp, linkFirehose, linkLambda, linkMapping } from './derive-links.ts';
import { isSqlApp, linkSqlApp, sqlConfig } from './derive-sql.ts';
import type { CfnResource, CfnTemplate, Json } from './parse.ts';
import { Refs } from './refs.ts';

export interface Unmapped {
  logicalId: string;
  type: string;
  reason: string;
  /** The same in Japanese (the studio shows the user's language). */
  reasonJa: string;
  /** The config field the note is about, when the exporter's Metadata may carry it after all. */
  field?: string;
}

export interface Draft<K extends NodeKind = NodeKind> {
  /** The logical id of its main resource (producers: `producer/<name>`). */
  key: string;
  kind: K;
  name: string;
  config: ConfigByKind[K];
  /** Firehose: the key of its transform function (resolved to a node id once ids are final). */
  transformKey?: string;
  /** Analytics SQL apps: their outputs, by the key of the node each goes to (resolved likewise). */
  outputs?: { inAppStream: string; key: string; format: 'JSON' | 'CSV' }[];
}

export interface DraftEdge {
  source: string;
  target: string;
  config: EdgeConfig;
}

export interface Derived {
  drafts: Draft[];
  edges: DraftEdge[];
  unmapped: Unmapped[];
  /** The design name the exporter put first in the Description, if any. */
  name?: string;
}

type Props = { [key: string]: Json };

export class DeriveContext {
  readonly refs: Refs;
  readonly drafts = new Map<string, Draft>();
  readonly edges: DraftEdge[] = [];
  readonly unmapped: Unmapped[] = [];
  /** Resources folded into a node (roles, mappings, consumers, failure destinations). */
  readonly used = new Set<string>();

  constructor(readonly t: CfnTemplate) {
    this.refs = new Refs(t);
  }

  props(id: string): Props {
    return (this.t.Resources[id]?.Properties ?? {}) as Props;
  }

  type(id: string): string {
    return this.t.Resources[id]?.Type ?? '';
  }

  draft<K extends NodeKind>(id: string | null, kind: K): Draft<K> | undefined {
    const d = id ? this.drafts.get(id) : undefined;
    return d?.kind === kind ? (d as Draft<K>) : undefined;
  }

  add<K extends NodeKind>(key: string, kind: K, name: string, patch: Partial<ConfigByKind[K]>): Draft<K> {
    const d: Draft<K> = { key, kind, name, config: { ...KINDS[kind].defaults(), ...patch } };
    this.drafts.set(key, d as unknown as Draft);
    return d;
  }

  edge(source: string, target: string, config: EdgeConfig = {}): void {
    if (!this.drafts.has(source) || !this.drafts.has(target)) return;
    if (this.edges.some((e) => e.source === source && e.target === target)) return;
    this.edges.push({ source, target, config });
  }

  note(id: string, reason: string, reasonJa: string, field?: string): void {
    this.unmapped.push({
      logicalId: id,
      type: this.type(id) || 'Output',
      reason,
      reasonJa,
      ...(field ? { field } : {}),
    });
  }

  /** The IAM policy statements of a role (inline Policies), with their actions as a list. */
  statements(roleId: string | null): { actions: string[]; resources: Json }[] {
    if (!roleId || this.type(roleId) !== 'AWS::IAM::Role') return [];
    const out: { actions: string[]; resources: Json }[] = [];
    const policies = this.props(roleId).Policies;
    for (const p of Array.isArray(policies) ? policies : []) {
      const doc = (p as Props)?.PolicyDocument as Props | undefined;
      const st = doc?.Statement;
      for (const s of Array.isArray(st) ? st : st ? [st] : []) {
        const x = s as Props;
        const a = x.Action;
        out.push({
          actions: (Array.isArray(a) ? a : [a]).filter((v): v is string => typeof v === 'string'),
          resources: x.Resource ?? null,
        });
      }
    }
    return out;
  }

  /** Resources a role may call `action` on (e.g. every table a function may PutItem into). */
  allowed(roleId: string | null, actions: RegExp): string[] {
    const out: string[] = [];
    for (const s of this.statements(roleId))
      if (s.actions.some((a) => actions.test(a)))
        for (const id of this.refs.targets(s.resources)) if (!out.includes(id)) out.push(id);
    return out;
  }
}

/** A name the model accepts from a logical id: `ClickStream` → `click-stream`. */
export function kebab(id: string): string {
  return (
    id
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'resource'
  );
}

const nameOf = (c: DeriveContext, id: string, prop: string) => c.refs.name(c.props(id)[prop]) ?? kebab(id);

/** Resource types that become a node, and how. The others are folded in, or listed. */
const NODES: Record<string, (c: DeriveContext, id: string, p: Props) => void> = {
  'AWS::Kinesis::Stream': (c, id, p) => {
    const r = c.refs;
    const mode = (p.StreamModeDetails as Props | undefined)?.StreamMode;
    const onDemand = r.str(mode) === 'ON_DEMAND';
    const enc = p.StreamEncryption as Props | undefined;
    c.add(id, 'stream', nameOf(c, id, 'Name'), {
      capacityMode: onDemand ? 'onDemand' : 'provisioned',
      ...(r.num(p.ShardCount) !== undefined ? { shardCount: r.num(p.ShardCount) } : {}),
      retentionHours: r.num(p.RetentionPeriodHours) ?? 24,
      encryption: enc && r.str(enc.EncryptionType) === 'KMS' ? 'KMS' : 'NONE',
      maxRecordSizeKiB: r.num(p.MaxRecordSizeInKiB) ?? 1024,
      efoConsumers: [],
    });
    if (!onDemand && p.ShardCount !== undefined && r.num(p.ShardCount) === undefined)
      c.note(
        id,
        'ShardCount is not a literal value or a parameter with a Default: the design uses 1',
        'ShardCount が値でも Default 付きパラメーターでもないため、デザインでは 1 にしました',
      );
  },
  'AWS::Lambda::Function': (c, id, p) => {
    c.add(id, 'lambda', nameOf(c, id, 'FunctionName'), {
      memoryMB: c.refs.num(p.MemorySize) ?? 128,
      timeoutSec: c.refs.num(p.Timeout) ?? 3,
      reservedConcurrency: c.refs.num(p.ReservedConcurrentExecutions) ?? 0,
    });
  },
  'AWS::KinesisFirehose::DeliveryStream': (c, id, p) => {
    c.add(id, 'firehose', nameOf(c, id, 'DeliveryStreamName'), {
      source: c.refs.str(p.DeliveryStreamType) === 'KinesisStreamAsSource' ? 'kinesisStream' : 'directPut',
    });
  },
  'AWS::S3::Bucket': (c, id) => {
    const name = nameOf(c, id, 'BucketName');
    c.add(id, 's3', name, { bucket: name });
  },
  'AWS::DynamoDB::Table': (c, id, p) => {
    const r = c.refs;
    const keys = Array.isArray(p.KeySchema) ? (p.KeySchema as Props[]) : [];
    const key = (type: string) => r.str(keys.find((k) => r.str(k.KeyType) === type)?.AttributeName) ?? '';
    const name = nameOf(c, id, 'TableName');
    const wcu = r.num((p.ProvisionedThroughput as Props | undefined)?.WriteCapacityUnits);
    c.add(id, 'dynamodb', name, {
      table: name,
      partitionKey: key('HASH') || 'pk',
      sortKey: key('RANGE'),
      // CloudFormation's default BillingMode is PROVISIONED.
      capacityMode: r.str(p.BillingMode) === 'PAY_PER_REQUEST' ? 'onDemand' : 'provisioned',
      ...(wcu !== undefined ? { writeCapacityUnits: wcu } : {}),
    });
  },
  'AWS::Redshift::Cluster': (c, id, p) => {
    const r = c.refs;
    const name = nameOf(c, id, 'ClusterIdentifier');
    const type = r.str(p.NodeType) ?? '';
    const types = ['dc2.large', 'ra3.xlplus', 'ra3.4xlarge'];
    const d = c.add(id, 'redshift', name, {
      clusterId: name,
      database: r.str(p.DBName) ?? 'dev',
      nodes: r.num(p.NumberOfNodes) ?? 1,
    });
    if (types.includes(type)) d.config.nodeType = type as ConfigByKind['redshift']['nodeType'];
    else
      c.note(
        id,
        `NodeType ${type || '(none)'} is not one the studio prices: the design uses ${d.config.nodeType}`,
        `NodeType ${type || '(なし)'} はスタジオで料金を扱えないため、デザインでは ${d.config.nodeType} にしました`,
      );
  },
  'AWS::RedshiftServerless::Workgroup': (c, id) => {
    const name = nameOf(c, id, 'WorkgroupName');
    const ns = Object.keys(c.t.Resources).find((x) => c.type(x) === 'AWS::RedshiftServerless::Namespace');
    if (ns) c.used.add(ns);
    c.add(id, 'redshift', name, {
      clusterId: name,
      database: (ns && c.refs.str(c.props(ns).DbName)) || 'dev',
    });
    c.note(
      id,
      'a Serverless workgroup: the design models it as a provisioned cluster (its node type and count)',
      'Serverless ワークグループです。デザインではプロビジョンドクラスター (ノードタイプと台数) として扱います',
    );
  },
  'AWS::OpenSearchService::Domain': (c, id, p) => {
    const r = c.refs;
    const cluster = (p.ClusterConfig ?? {}) as Props;
    const name = nameOf(c, id, 'DomainName');
    c.add(id, 'opensearch', name, {
      domain: name,
      engine: /^Elasticsearch/.test(r.str(p.EngineVersion) ?? '') ? 'Elasticsearch' : 'OpenSearch',
      ...(r.str(cluster.InstanceType) ? { instanceType: r.str(cluster.InstanceType) } : {}),
      instances: r.num(cluster.InstanceCount) ?? 1,
    });
  },
  'AWS::KinesisAnalytics::Application': (c, id) => {
    c.add(id, 'analytics', nameOf(c, id, 'ApplicationName'), sqlConfig(c, id));
  },
  'AWS::KinesisAnalyticsV2::Application': (c, id, p) => {
    if (isSqlApp(c, id)) {
      c.add(id, 'analytics', nameOf(c, id, 'ApplicationName'), sqlConfig(c, id));
      return;
    }
    const cfg = (p.ApplicationConfiguration ?? {}) as Props;
    const flink = (cfg.FlinkApplicationConfiguration ?? {}) as Props;
    const par = c.refs.num((flink.ParallelismConfiguration as Props | undefined)?.Parallelism);
    c.add(id, 'analytics', nameOf(c, id, 'ApplicationName'), par !== undefined ? { kpus: par } : {});
  },
  'AWS::IAM::ManagedPolicy': (c, id, p) => {
    const m = /^KCL application (.+?):/.exec(c.refs.str(p.Description) ?? '');
    if (!m) return;
    c.add(id, 'consumerApp', m[1], { applicationName: m[1] });
  },
};

/** Resource types that serve a node; when no node uses one, it is listed with this reason. */
const FOLDED: Record<string, [en: string, ja: string]> = {
  'AWS::Kinesis::StreamConsumer': [
    'an EFO consumer of a stream that is not in the template',
    'テンプレートにないストリームの EFO コンシューマーです',
  ],
  'AWS::Lambda::EventSourceMapping': [
    'its source or function is not a stream or function of the template',
    'ソースまたは関数がテンプレートのストリーム・関数ではありません',
  ],
  'AWS::IAM::Role': ['a role no mapped resource uses', '対応付けたリソースが使っていないロールです'],
  'AWS::IAM::ManagedPolicy': [
    'a managed policy that is not a KCL application’s',
    'KCL アプリケーション用ではない管理ポリシーです',
  ],
  'AWS::SQS::Queue': [
    'a queue that is no function’s on-failure destination',
    'どの関数の失敗時送信先でもないキューです',
  ],
  'AWS::SNS::Topic': [
    'a topic that is no function’s on-failure destination',
    'どの関数の失敗時送信先でもないトピックです',
  ],
  'AWS::RedshiftServerless::Namespace': [
    'a namespace without a workgroup',
    'ワークグループのない名前空間です',
  ],
};

const NO_NODE: [en: string, ja: string] = [
  'Shardscape has no node for this resource type',
  'このリソースタイプに対応する Shardscape のノードはありません',
];

export function derive(t: CfnTemplate): Derived {
  const c = new DeriveContext(t);
  const ids = Object.keys(t.Resources);
  // On-failure destinations are a mapping's, not buckets of the design: claim them first.
  for (const id of ids) {
    if (c.type(id) !== 'AWS::Lambda::EventSourceMapping') continue;
    const dest = ((c.props(id).DestinationConfig as Props | undefined)?.OnFailure as Props | undefined)
      ?.Destination;
    const target = c.refs.target(dest);
    if (target) c.used.add(target);
  }
  for (const id of ids) {
    const make = NODES[c.type(id)];
    if (make && !c.used.has(id)) make(c, id, c.props(id));
  }
  for (const id of ids) {
    const type = c.type(id);
    if (type === 'AWS::Kinesis::StreamConsumer') {
      const stream = c.draft(c.refs.target(c.props(id).StreamARN), 'stream');
      const name = c.refs.str(c.props(id).ConsumerName);
      if (stream && name) {
        stream.config.efoConsumers.push(name);
        c.used.add(id);
      }
    }
  }
  for (const id of ids) if (c.type(id) === 'AWS::Lambda::EventSourceMapping') linkMapping(c, id);
  for (const d of [...c.drafts.values()]) {
    if (d.kind === 'firehose') linkFirehose(c, d as Draft<'firehose'>);
    if (d.kind === 'analytics')
      if (isSqlApp(c, d.key)) linkSqlApp(c, d as Draft<'analytics'>);
      else linkAnalytics(c, d as Draft<'analytics'>);
    if (d.kind === 'consumerApp') linkConsumerApp(c, d as Draft<'consumerApp'>);
  }
  // Functions last: a function a delivery stream uses as its transform is not a consumer.
  for (const d of [...c.drafts.values()]) if (d.kind === 'lambda') linkLambda(c, d as Draft<'lambda'>);
  linkProducers(c);
  for (const id of ids) {
    if (c.drafts.has(id) || c.used.has(id)) continue;
    const type = c.type(id);
    c.note(id, ...(FOLDED[type] ?? NO_NODE));
  }
  const m = /^(.+?): exported by Shardscape\./.exec(t.Description ?? '');
  return { drafts: [...c.drafts.values()], edges: c.edges, unmapped: c.unmapped, name: m?.[1] };
}

/** How the exporter's Outputs describe each producer's API, read back. */
const SOURCE_BY_TEXT: Record<string, ConfigByKind['producer']['source']> = {
  'PutRecord calls (one record each)': 'putRecord',
  'PutRecords calls': 'putRecords',
  'the Kinesis Producer Library (aggregated records)': 'kpl',
  'the Kinesis Agent (agent.json export)': 'agent',
  'the Kinesis Data Generator (KDG template export)': 'dataGenerator',
};

/** Producers are not AWS resources: the exporter's Outputs say "Where producer X writes (how)". */
function linkProducers(c: DeriveContext): void {
  for (const [out, o] of Object.entries(c.t.Outputs ?? {})) {
    const m = /^Where producer (.+) writes \((.+)\)$/.exec(o.Description ?? '');
    const target = m ? c.refs.target(o.Value) : null;
    if (!m || !target) continue;
    const key = `producer/${m[1]}`;
    if (!c.drafts.has(key))
      c.add(key, 'producer', m[1], SOURCE_BY_TEXT[m[2]] ? { source: SOURCE_BY_TEXT[m[2]] } : {});
    if (!c.drafts.has(target))
      c.note(
        out,
        `producer ${m[1]} writes to ${target}, which is not mapped`,
        `プロデューサー ${m[1]} の書き込み先 ${target} は対応付けできていません`,
      );
    c.edge(key, target);
  }
}

export type { CfnResource };
