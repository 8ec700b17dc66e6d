import type { ContentsOf } from '../../engine/api.ts';
import { useLocale } from '../locale.ts';
import { fmtClock, fmtNum } from '../run/format.ts';
import { useFastT } from '../run/useFastT.ts';
import { maxShardAge, utilization } from './metrics.ts';
import type { KindView } from './types.ts';

/** Records processed and each shard's last checkpoint. */
function ConsumerAppContents({ d }: { d: ContentsOf<'consumerApp'> }) {
  const { t } = useFastT('run');
  const l = useLocale();
  return (
    <div className="run-dest">
      <p>{t('destinations.checkpoints', { processed: fmtNum(d.processed, l) })}</p>
      <ul className="run-dest__docs">
        {d.checkpoints.map((c) => (
          <li key={c.shardId} className="mono">
            {c.shardId}: {c.sequenceNumber} @ {fmtClock(c.atMs)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const consumerAppView: KindView<'consumerApp'> = {
  color: '#374151', // grey: your own app
  // app window with gear dot
  icon: 'M3 4h18v16H3z M3 8h18 M12 16a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  // It reads and processes: "out" is what it processed.
  live: { in: true, out: true, utilization: true },
  Details: null,
  metrics: [
    { name: 'RecordsProcessed', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    { name: 'MillisBehindLatest', unit: 'ms', group: 'age', get: maxShardAge },
    utilization,
  ],
  Contents: ConsumerAppContents,
};
