import type { KindView } from './types.ts';

export const producerView: KindView<'producer'> = {
  color: '#4b5563', // slate: things outside AWS
  // a device emitting waves
  icon: 'M4 14h6v6H4z M13 17h2 M14 10a5 5 0 0 1 5 5 M14 6a9 9 0 0 1 9 9',
  live: { in: false, out: true, utilization: false },
  Details: null,
  metrics: [
    { name: 'PutRecords.SuccessfulRecords', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    { name: 'PutRecords.ThrottledRecords', unit: 'rec/s', group: 'throttle', get: (n) => n.throttledPerSec },
    { name: 'PutRecords.Bytes', unit: 'B/s', group: 'bytes', get: (n) => n.outBytesPerSec },
  ],
  Contents: null,
};
