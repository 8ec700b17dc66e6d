/**
 * The shape of a charted figure (each kind's list is in its view definition, src/ui/kinds, under
 * the CloudWatch metric names AWS uses: AWS/Kinesis, AWS/Lambda, AWS/Firehose, KCL). Values are per
 * simulated second ("Sum" over one second), except ages (ms of simulated time) and utilisation (percent).
 */
import type { NodeLive } from '../engine/api.ts';
import type { NodeKind } from '../model/types.ts';

export type MetricUnit = 'rec/s' | 'B/s' | 'ms' | '%' | 'count' | '1/s';

export interface MetricDef {
  /** CloudWatch name, also the series column. */
  name: string;
  unit: MetricUnit;
  /** Charts drawn together share a group (one chart per group). */
  group: 'records' | 'bytes' | 'throttle' | 'age' | 'util' | 'lambda';
  get(n: NodeLive): number;
}

/** Which figures are recorded and charted for each kind (the UI passes its views' lists). */
export type MetricsByKind = Readonly<Partial<Record<NodeKind, readonly MetricDef[]>>>;

/**
 * Per-shard figure charted for streams: write demand in percent of the shard's limit (1,000
 * rec/s or 1 MiB/s = 100 %), counting refused puts, so a hot shard shows how far over it is.
 */
export function shardValues(n: NodeLive): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of n.shards ?? []) {
    if (s.open) {
      const demand = Math.max(s.writeUtilization, (s.incomingRecordsPerSec + s.writeThrottledPerSec) / 1000);
      out[s.shardId] = demand * 100;
    }
  }
  return out;
}

export const SHARD_SERIES_LIMIT = 64;

/**
 * The per-shard figures charted for a node, or null: a stream's write demand (%) per shard, a
 * Lambda function's iterator age (ms) per source shard. Only up to SHARD_SERIES_LIMIT shards.
 */
export function perShardSeries(n: NodeLive): Record<string, number> | null {
  if (n.shards) return n.shards.length <= SHARD_SERIES_LIMIT ? shardValues(n) : null;
  const ages = n.lambda?.shardIteratorAgeMs;
  if (ages) {
    const keys = Object.keys(ages);
    return keys.length > 0 && keys.length <= SHARD_SERIES_LIMIT ? ages : null;
  }
  return null;
}
