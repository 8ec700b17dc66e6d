import type { ContentsOf } from '../../engine/api.ts';
import { useLocale } from '../locale.ts';
import { fmtNum } from '../run/format.ts';
import { useFastT } from '../run/useFastT.ts';
import { Json } from './json.tsx';
import { utilization } from './metrics.ts';
import type { KindView } from './types.ts';

/** The latest 100 items written. */
function DynamoDbContents({ d }: { d: ContentsOf<'dynamodb'> }) {
  const { t } = useFastT('run');
  const l = useLocale();
  return (
    <div className="run-dest">
      <p>
        <span className="mono">{d.table}</span> ·{' '}
        {t('destinations.items', { count: fmtNum(d.totalItems, l) })}
      </p>
      <ul className="run-dest__docs">
        {d.items.slice(-100).map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are shown as they come
          <li key={i}>
            <Json value={item} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export const dynamodbView: KindView<'dynamodb'> = {
  color: '#4338ca', // indigo: tables
  // table grid
  icon: 'M3 4h18v16H3z M3 9h18 M3 14h18 M9 4v16',
  live: { in: true, out: false, utilization: true },
  Details: null,
  metrics: [
    { name: 'ItemsWritten', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec },
    { name: 'WriteThrottleEvents', unit: 'rec/s', group: 'throttle', get: (n) => n.throttledPerSec },
    utilization,
  ],
  Contents: DynamoDbContents,
};
