/**
 * Metered cost of the destinations, once per closed simulated second: the Redshift cluster's
 * node hours, S3 PUT requests and storage, OpenSearch instance hours and storage, DynamoDB
 * capacity and storage. (Streams, Lambda, Analytics and Firehose meter themselves where they
 * do the work.) Storage is billed in GB-months on what has been delivered so far, so one
 * simulated second of 1 GB stored is 1 / (730 × 3600) GB-month.
 */
import type { NodeKind, PipelineDoc, PipelineNodeOf } from '../model/types.ts';
import type { CostMeter } from './cost.ts';
import { OPENSEARCH_TYPES } from './plan/price-items.ts';
import { BILLING_GB, type PriceKey } from './pricing.ts';
import type { NodeRuntime } from './runtime.ts';

const SECONDS_PER_MONTH = 730 * 3600;

/** What a meter remembers between seconds for one node. */
interface MeterState {
  /** Bytes delivered so far (sum of the seconds' incoming bytes). */
  storedBytes: number;
  /** The last value of the counter billed per request (S3 objects, DynamoDB writes). */
  lastCount: number;
}

type Meter<K extends NodeKind> = (
  node: PipelineNodeOf<K>,
  rt: NodeRuntime,
  s: MeterState,
  cost: CostMeter,
) => void;

/** Stored bytes grow by what came in over the last second; storage accrues on the total. */
function store(node: { id: string }, rt: NodeRuntime, s: MeterState, cost: CostMeter, key: PriceKey): void {
  s.storedBytes += rt.live().inBytesPerSec;
  if (s.storedBytes > 0) cost.accrue(node.id, key, s.storedBytes / BILLING_GB / SECONDS_PER_MONTH);
}

function billCount(
  node: { id: string },
  s: MeterState,
  now: number,
  cost: CostMeter,
  key: PriceKey,
  per = 1,
): void {
  if (now > s.lastCount) cost.accrue(node.id, key, (now - s.lastCount) * per);
  s.lastCount = now;
}

const METERS: { [K in NodeKind]: Meter<K> | null } = {
  producer: null,
  stream: null,
  lambda: null,
  analytics: null,
  firehose: null,
  consumerApp: null,
  s3: (node, rt, s, cost) => {
    const c = rt.counters();
    billCount(node, s, c.objects ?? 0, cost, 's3.putRequest');
    s.storedBytes = c.bytes ?? 0;
    if (s.storedBytes > 0)
      cost.accrue(node.id, 's3.storageGBMonth', s.storedBytes / BILLING_GB / SECONDS_PER_MONTH);
  },
  redshift: (node, rt, s, cost) => {
    cost.accrue(node.id, `redshift.${node.config.nodeType}`, node.config.nodes / 3600);
    if (node.config.nodeType.startsWith('ra3')) store(node, rt, s, cost, 'redshift.managedStorageGBMonth');
  },
  opensearch: (node, rt, s, cost) => {
    if (OPENSEARCH_TYPES.has(node.config.instanceType))
      cost.accrue(
        node.id,
        `opensearch.${node.config.instanceType}` as PriceKey,
        node.config.instances / 3600,
      );
    else cost.assume(`Not priced: OpenSearch instance type ${node.config.instanceType} (${node.name}).`);
    store(node, rt, s, cost, 'opensearch.ebsGBMonth');
  },
  dynamodb: (node, rt, s, cost) => {
    if (node.config.capacityMode === 'provisioned')
      cost.accrue(node.id, 'dynamodb.wcuHour', node.config.writeCapacityUnits / 3600);
    // On-demand: one write request unit per put of an item up to 1 KB (items here are small).
    else billCount(node, s, rt.counters().writes ?? 0, cost, 'dynamodb.writeRequestUnit');
    store(node, rt, s, cost, 'dynamodb.storageGBMonth');
  },
};

export class DestinationMeter {
  private readonly entries: {
    node: PipelineNodeOf<NodeKind>;
    rt: NodeRuntime;
    meter: Meter<NodeKind>;
    s: MeterState;
  }[] = [];

  constructor(
    doc: PipelineDoc,
    runtimes: ReadonlyMap<string, NodeRuntime>,
    private readonly cost: CostMeter,
  ) {
    for (const node of doc.nodes) {
      const meter = METERS[node.kind] as Meter<NodeKind> | null;
      const rt = runtimes.get(node.id);
      if (meter && rt) this.entries.push({ node, rt, meter, s: { storedBytes: 0, lastCount: 0 } });
    }
  }

  closeSecond(): void {
    for (const e of this.entries) e.meter(e.node, e.rt, e.s, this.cost);
  }
}
