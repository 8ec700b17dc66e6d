import { utilization } from './metrics.ts';
import type { KindView } from './types.ts';

export const analyticsView: KindView<'analytics'> = {
  color: '#0e7490', // teal: Analytics SQL
  // magnifier over rows
  icon: 'M3 5h9 M3 10h6 M3 15h5 M15 14a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M18 13l4 5',
  live: { in: true, out: true, utilization: true },
  Details: null,
  metrics: [
    { name: 'InputRecords', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec },
    { name: 'OutputRecords', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    utilization,
  ],
  Contents: null,
};
