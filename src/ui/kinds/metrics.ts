/** Metric definitions several kinds share (see KindView.metrics). */
import type { NodeLive } from '../../engine/api.ts';
import type { MetricDef } from '../../store/simMetrics.ts';

export const utilization: MetricDef = {
  name: 'Utilization',
  unit: '%',
  group: 'util',
  get: (n) => n.utilization * 100,
};
export const incomingRecords: MetricDef = {
  name: 'IncomingRecords',
  unit: 'rec/s',
  group: 'records',
  get: (n) => n.inRecordsPerSec,
};
export const incomingBytes: MetricDef = {
  name: 'IncomingBytes',
  unit: 'B/s',
  group: 'bytes',
  get: (n) => n.inBytesPerSec,
};

/** The oldest shard's iterator age (sim ms). */
export function maxShardAge(n: NodeLive): number {
  let m = 0;
  for (const s of n.shards ?? []) if (s.iteratorAgeMs > m) m = s.iteratorAgeMs;
  return m;
}
