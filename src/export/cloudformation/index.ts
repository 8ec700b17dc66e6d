/**
 * The design as one CloudFormation template (JSON or YAML): `AWS::*` types only, no Transform.
 * Every node kind has a mapper in MAPPERS (a kind without one fails to compile); mappers run in
 * ORDER so a resource another one points at (an EFO consumer, a transform function) exists first.
 */
import { stringify } from 'yaml';
import type { NodeKind, PipelineDoc, PipelineNode, PipelineNodeOf } from '../../model/types.ts';
import { designMetadata } from '../cloudformation-import/metadata.ts';
import { BuildContext, type Template } from './context.ts';
import type { Json } from './intrinsics.ts';
import { PREFIX_PARAM } from './intrinsics.ts';
import { mapAnalytics } from './map-analytics.ts';
import { mapFirehose } from './map-firehose.ts';
import { mapLambda } from './map-lambda.ts';
import { mapDynamoDb, mapOpenSearch, mapRedshift, mapS3 } from './map-stores.ts';
import { mapConsumerApp, mapProducer, mapStream } from './map-stream.ts';

export type { Template } from './context.ts';
export type { Json } from './intrinsics.ts';
export { deployProblems } from './names.ts';

type Mapper<K extends NodeKind> = { order: number; map(node: PipelineNodeOf<K>, c: BuildContext): void };

export const MAPPERS: { [K in NodeKind]: Mapper<K> } = {
  stream: { order: 0, map: mapStream },
  s3: { order: 0, map: mapS3 },
  redshift: { order: 0, map: mapRedshift },
  opensearch: { order: 0, map: mapOpenSearch },
  dynamodb: { order: 0, map: mapDynamoDb },
  lambda: { order: 1, map: mapLambda },
  firehose: { order: 2, map: mapFirehose },
  analytics: { order: 2, map: mapAnalytics },
  consumerApp: { order: 2, map: mapConsumerApp },
  producer: { order: 3, map: mapProducer },
};

export interface CloudFormationExport {
  template: Template;
  /** Design values no CloudFormation property carries, said per node. */
  notCarried: string[];
}

/** `metadata: false` leaves out Metadata.Shardscape (the Problems tab's schema check does not need it). */
export function toCloudFormation(doc: PipelineDoc, opts: { metadata?: boolean } = {}): CloudFormationExport {
  const c = new BuildContext(doc);
  c.param(PREFIX_PARAM, {
    Type: 'String',
    Default: 'dev',
    AllowedPattern: '^[a-z][a-z0-9]{0,7}$',
    Description: 'Starts every resource name (dev, test, prod…): lower-case letters and digits, at most 8',
  });
  const nodes = [...doc.nodes].sort((a, b) => MAPPERS[a.kind].order - MAPPERS[b.kind].order);
  for (const n of nodes) (MAPPERS[n.kind] as Mapper<PipelineNode['kind']>).map(n as never, c);
  const description = [
    `${doc.name}: exported by Shardscape.`,
    doc.description,
    ...c.feeds,
    'Deploy with: aws cloudformation deploy --capabilities CAPABILITY_IAM.',
  ]
    .filter(Boolean)
    .join(' ');
  // CloudFormation's Description is at most 1,024 bytes.
  c.template.Description = description.length > 1000 ? `${description.slice(0, 997)}...` : description;
  // What the resources cannot say (ids, positions, simulation settings, SQL), for `import`.
  if (opts.metadata === false) return { template: c.template, notCarried: c.notCarried };
  const meta = designMetadata(doc, c.template, (n) =>
    n.kind === 'producer' ? `producer/${n.name}` : c.id(n),
  );
  c.template.Metadata = { Shardscape: meta as unknown as Json };
  return { template: c.template, notCarried: c.notCarried };
}

export function cloudFormationJson(doc: PipelineDoc): string {
  return `${JSON.stringify(toCloudFormation(doc).template, null, 2)}\n`;
}

export function cloudFormationYaml(doc: PipelineDoc): string {
  // YAML 1.1 rules (CloudFormation's): dates such as 2012-10-17 are quoted; no anchors or aliases.
  return stringify(toCloudFormation(doc).template, {
    version: '1.1',
    aliasDuplicateObjects: false,
    lineWidth: 0,
  });
}
