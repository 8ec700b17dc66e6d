import type { NodeLive } from '../../engine/api.ts';
import { useLocale } from '../locale.ts';
import { fmtDuration, fmtNum, fmtRate } from '../run/format.ts';
import { useFastT } from '../run/useFastT.ts';
import { utilization } from './metrics.ts';
import type { KindView } from './types.ts';

/**
 * Concurrency, iterator age (the maximum over the function's shards, as CloudWatch's IteratorAge;
 * amber past 60 s), the last invocation's duration, and errors while there are any. A Firehose
 * transform reads no shard: it has no iterator age, so the card shows none (it read "0 ms").
 */
function LambdaDetails({ n }: { n: NodeLive }) {
  const { t } = useFastT('run');
  const l = useLocale();
  if (!n.lambda) return null;
  const readsShards = n.lambda.iteratorAgeMs > 0 || Object.keys(n.lambda.shardIteratorAgeMs ?? {}).length > 0;
  return (
    <div className="live__line">
      <span>{t('live.concurrency', { value: fmtNum(n.lambda.concurrency, l) })}</span>
      {readsShards && (
        <span className={n.lambda.iteratorAgeMs > 60_000 ? 'live__warn' : undefined}>
          {t('live.iteratorAge', { value: fmtDuration(n.lambda.iteratorAgeMs, l) })}
        </span>
      )}
      {n.lambda.durationMs > 0 && (
        <span>{t('live.duration', { value: fmtDuration(n.lambda.durationMs, l) })}</span>
      )}
      {n.lambda.errorsPerSec > 0 && (
        <span className="live__warn">{t('live.errors', { value: fmtRate(n.lambda.errorsPerSec, l) })}</span>
      )}
    </div>
  );
}

export const lambdaView: KindView<'lambda'> = {
  color: '#c2410c', // orange: compute
  icon: 'M5 20l6-10-3-6h3l9 16h-3l-5-9-4 9z',
  live: { in: true, out: true, utilization: true },
  Details: LambdaDetails,
  metrics: [
    { name: 'Invocations', unit: '1/s', group: 'lambda', get: (n) => n.lambda?.invocationsPerSec ?? 0 },
    { name: 'Errors', unit: '1/s', group: 'lambda', get: (n) => n.lambda?.errorsPerSec ?? 0 },
    { name: 'ConcurrentExecutions', unit: 'count', group: 'lambda', get: (n) => n.lambda?.concurrency ?? 0 },
    { name: 'IteratorAge', unit: 'ms', group: 'age', get: (n) => n.lambda?.iteratorAgeMs ?? 0 },
    { name: 'RecordsIn', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec },
    utilization,
  ],
  Contents: null,
};
