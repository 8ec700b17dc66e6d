import type { NodeLive } from '../../engine/api.ts';
import { useLocale } from '../locale.ts';
import { fmtBytes, fmtDuration, fmtPct } from '../run/format.ts';
import { useFastT } from '../run/useFastT.ts';
import { incomingBytes, incomingRecords, utilization } from './metrics.ts';
import type { KindView } from './types.ts';

/** The buffer gauge (bytes held of the size hint) and the time to the next flush. */
function FirehoseDetails({ n }: { n: NodeLive }) {
  const { t } = useFastT('run');
  const l = useLocale();
  const f = n.firehose;
  if (!f) return null;
  return (
    <div className="live__buffer">
      {/* biome-ignore lint/a11y/useSemanticElements: styled like the utilisation bar, see UtilBar */}
      <div
        className="live__gauge"
        role="meter"
        aria-label={t('live.bufferLabel', {
          pct: fmtPct(f.bufferBytes / Math.max(1, f.bufferLimitBytes), l),
        })}
        aria-valuemin={0}
        aria-valuemax={f.bufferLimitBytes}
        aria-valuenow={f.bufferBytes}
      >
        <div
          className="live__gauge-fill"
          style={{ width: `${Math.min(100, (100 * f.bufferBytes) / Math.max(1, f.bufferLimitBytes))}%` }}
        />
      </div>
      <div className="live__line">
        <span>
          {t('live.buffer', { used: fmtBytes(f.bufferBytes, l), limit: fmtBytes(f.bufferLimitBytes, l) })}
        </span>
        <span>{t('live.flushIn', { value: fmtDuration(f.msToFlush, l) })}</span>
      </div>
    </div>
  );
}

export const firehoseView: KindView<'firehose'> = {
  color: '#be185d', // magenta: Firehose delivery
  // funnel: buffering then delivery
  icon: 'M3 4h18l-7 8v6l-4 2v-8z',
  live: { in: true, out: true, utilization: true },
  Details: FirehoseDetails,
  metrics: [
    incomingRecords,
    { name: 'DeliveryToS3.Records', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    incomingBytes,
    { name: 'ThrottledRecords', unit: 'rec/s', group: 'throttle', get: (n) => n.throttledPerSec },
    { name: 'BufferedBytes', unit: 'B/s', group: 'bytes', get: (n) => n.firehose?.bufferBytes ?? 0 },
    utilization,
  ],
  Contents: null,
};
