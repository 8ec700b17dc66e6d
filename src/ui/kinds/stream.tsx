import { incomingBytes, incomingRecords, maxShardAge, utilization } from './metrics.ts';
import type { KindView } from './types.ts';

export const streamView: KindView<'stream'> = {
  color: '#7c3aed', // violet: Kinesis Data Streams
  // shards: stacked lanes
  icon: 'M3 5h18 M3 10h18 M3 15h18 M3 20h18 M16 3l3 2-3 2 M16 18l3 2-3 2',
  live: { in: true, out: true, utilization: true },
  // Its shard strip is drawn for any node with shards (see NodeLiveOverlay).
  Details: null,
  metrics: [
    incomingRecords,
    { name: 'GetRecords.Records', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    incomingBytes,
    {
      name: 'WriteProvisionedThroughputExceeded',
      unit: 'rec/s',
      group: 'throttle',
      get: (n) => n.throttledPerSec,
    },
    {
      name: 'ReadProvisionedThroughputExceeded',
      unit: '1/s',
      group: 'throttle',
      get: (n) => (n.shards ?? []).reduce((a, s) => a + s.readThrottledPerSec, 0),
    },
    { name: 'GetRecords.IteratorAgeMilliseconds', unit: 'ms', group: 'age', get: maxShardAge },
    utilization,
  ],
  Contents: null,
};
