/**
 * What each node kind bills per hour for a given load: one small function per kind, in a table
 * keyed by every NodeKind (a new kind without an entry fails to compile). They are kept separate
 * so they can move into the kind definitions (src/model/kinds/<kind>.ts) later. Quantities are
 * per hour of the billed unit of the price key (pricing.ts); bytes are bytes, GB is 2^30 bytes.
 */
import type { NodeKind, PipelineDoc, PipelineEdge, PipelineNodeOf } from '../../model/types.ts';
import { BILLING_GB, type PriceKey } from '../pricing.ts';
import type { NodeLoad } from './load.ts';

export interface PriceLine {
  key: PriceKey;
  /** Billed units per hour. */
  perHour: number;
}

export interface PriceContext<K extends NodeKind> {
  node: PipelineNodeOf<K>;
  doc: PipelineDoc;
  /** Load coming into this node (and into any node, for upstream questions). */
  load: NodeLoad;
  loadOf: (nodeId: string) => NodeLoad;
  into: PipelineEdge[];
  outOf: PipelineEdge[];
  /** Lines the estimate could not price, said in the assumptions. */
  note: (text: string) => void;
}

type PriceItems = { [K in NodeKind]: (c: PriceContext<K>) => PriceLine[] };

const HOUR = 3600;
const MIB = 1024 * 1024;
/** Storage: on average half a month's volume is stored during the first month (GB-months per hour). */
const storagePerHour = (bytesPerSec: number) => (bytesPerSec * HOUR * 730) / 2 / BILLING_GB / 730;
const meanSize = (l: NodeLoad) => (l.recordsPerSec > 0 ? l.bytesPerSec / l.recordsPerSec : 0);

export const PRICE_ITEMS: PriceItems = {
  producer: () => [],
  stream: ({ node, load, outOf }) => {
    const c = node.config;
    const efo = outOf.filter((e) => e.config.readMode === 'efo').length;
    const polling = outOf.length - efo;
    const recsPerHour = load.recordsPerSec * HOUR;
    if (c.capacityMode === 'onDemand') {
      const kb = Math.ceil(meanSize(load) / 1024) || 1;
      return [
        { key: 'kds.onDemandStreamHour', perHour: 1 },
        { key: 'kds.onDemandGBIn', perHour: (recsPerHour * kb * 1024) / BILLING_GB },
        { key: 'kds.onDemandGBOut', perHour: (load.bytesPerSec * HOUR * polling) / BILLING_GB },
        { key: 'kds.onDemandEfoGBOut', perHour: (load.bytesPerSec * HOUR * efo) / BILLING_GB },
      ].filter((l) => l.perHour > 0) as PriceLine[];
    }
    const units = Math.ceil(meanSize(load) / 25_600) || 1; // PUT payload unit: 25 KB
    const lines: PriceLine[] = [
      { key: 'kds.shardHour', perHour: c.shardCount },
      { key: 'kds.putPayloadUnit', perHour: recsPerHour * units },
    ];
    if (c.retentionHours > 24) lines.push({ key: 'kds.extendedRetentionShardHour', perHour: c.shardCount });
    if (efo > 0) {
      lines.push({ key: 'kds.efoConsumerShardHour', perHour: efo * c.shardCount });
      lines.push({ key: 'kds.efoGB', perHour: (load.bytesPerSec * HOUR * efo) / BILLING_GB });
    }
    return lines;
  },
  lambda: ({ node, doc, load, into }) => {
    const c = node.config;
    if (load.recordsPerSec <= 0) return [];
    let invocationsPerSec: number;
    if (c.use === 'firehoseTransform') {
      // Firehose calls the transform per 1 MiB or 60 s of buffered data (§4.4).
      invocationsPerSec = Math.max(load.bytesPerSec / MIB, 1 / 60);
    } else {
      const shards = into.reduce((a, e) => {
        const s = doc.nodes.find((n) => n.id === e.source);
        return a + (s?.kind === 'stream' ? s.config.shardCount : 1);
      }, 0);
      // Each shard (× parallelization factor) is polled about once a second; a full batch sooner.
      invocationsPerSec = Math.max(
        load.recordsPerSec / c.esm.batchSize,
        Math.min(load.recordsPerSec, Math.max(1, shards) * c.esm.parallelizationFactor),
      );
    }
    const perInvocation = load.recordsPerSec / invocationsPerSec;
    const ms =
      c.duration.type === 'fixed'
        ? c.duration.ms
        : c.duration.baseMs + c.duration.perRecordMs * perInvocation;
    return [
      { key: 'lambda.request', perHour: invocationsPerSec * HOUR },
      {
        key: 'lambda.gbSecond',
        perHour: (invocationsPerSec * HOUR * Math.ceil(ms) * c.memoryMB) / 1000 / 1024,
      },
    ];
  },
  analytics: ({ node }) => [{ key: 'kda.kpuHour', perHour: node.config.kpus }],
  firehose: ({ node, load }) => {
    const rounded = Math.ceil(meanSize(load) / 5120) * 5120; // 5 KB rounding per record (§2.4.1)
    const gb = (load.recordsPerSec * HOUR * rounded) / BILLING_GB;
    const lines: PriceLine[] = [{ key: 'firehose.ingestGB', perHour: gb }];
    if (node.config.formatConversion !== 'NONE')
      lines.push({ key: 'firehose.formatConversionGB', perHour: gb });
    return lines.filter((l) => l.perHour > 0);
  },
  s3: ({ doc, load, into, loadOf }) => {
    // One PUT per object: a delivery stream writes one per buffer (size or interval, whichever first).
    let objectsPerSec = 0;
    for (const e of into) {
      const src = doc.nodes.find((n) => n.id === e.source);
      const l = loadOf(e.source);
      if (src?.kind === 'firehose' && l.recordsPerSec > 0) {
        const c = src.config;
        objectsPerSec += Math.max(
          l.bytesPerSec / (c.bufferSizeMiB * MIB),
          1 / Math.max(1, c.bufferIntervalSec),
        );
      } else if (l.recordsPerSec > 0) objectsPerSec += l.recordsPerSec; // direct writes: one object each
    }
    return [
      { key: 's3.putRequest', perHour: objectsPerSec * HOUR },
      { key: 's3.storageGBMonth', perHour: storagePerHour(load.bytesPerSec) },
    ].filter((l) => l.perHour > 0) as PriceLine[];
  },
  redshift: ({ node, load }) => {
    const c = node.config;
    const lines: PriceLine[] = [{ key: `redshift.${c.nodeType}`, perHour: c.nodes }];
    if (c.nodeType.startsWith('ra3') && load.bytesPerSec > 0)
      lines.push({ key: 'redshift.managedStorageGBMonth', perHour: storagePerHour(load.bytesPerSec) });
    return lines;
  },
  opensearch: ({ node, load, note }) => {
    const c = node.config;
    const key = `opensearch.${c.instanceType}` as PriceKey;
    const lines: PriceLine[] = [];
    if (OPENSEARCH_TYPES.has(c.instanceType)) lines.push({ key, perHour: c.instances });
    else note(`Not priced: OpenSearch instance type ${c.instanceType} (${node.name}).`);
    if (load.bytesPerSec > 0)
      lines.push({ key: 'opensearch.ebsGBMonth', perHour: storagePerHour(load.bytesPerSec) });
    return lines;
  },
  dynamodb: ({ node, load }) => {
    const c = node.config;
    const lines: PriceLine[] =
      c.capacityMode === 'provisioned'
        ? [{ key: 'dynamodb.wcuHour', perHour: c.writeCapacityUnits }]
        : [
            {
              key: 'dynamodb.writeRequestUnit',
              perHour: load.recordsPerSec * HOUR * (Math.ceil(meanSize(load) / 1024) || 1),
            },
          ];
    if (load.bytesPerSec > 0)
      lines.push({ key: 'dynamodb.storageGBMonth', perHour: storagePerHour(load.bytesPerSec) });
    return lines.filter((l) => l.perHour > 0);
  },
  consumerApp: () => [],
};

/** OpenSearch instance types with a price in the books. */
export const OPENSEARCH_TYPES: ReadonlySet<string> = new Set([
  't3.small.search',
  'm6g.large.search',
  'r6g.large.search',
  'r6g.xlarge.search',
]);
