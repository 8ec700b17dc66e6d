/**
 * A producer's figures for the studio and the report: the live view over the last simulated
 * second (user records generated = in, accepted = out, throttled attempts; utilisation = the
 * throttled share), the cumulative counters and the conservation check (attempted = accepted +
 * dropped + failed + waiting for a retry + buffered by the Kinesis Agent). Read-only.
 */
import type { NodeLive } from '../api.ts';
import { balance, type Conservation, emptyLive } from '../runtime.ts';
import type { ProducerRuntime } from './producer.ts';

export function producerLive(p: ProducerRuntime): NodeLive {
  const l = p.last;
  return {
    ...emptyLive(),
    outRecordsPerSec: l.accepted,
    outBytesPerSec: l.bytes,
    inRecordsPerSec: l.generated,
    throttledPerSec: l.throttled,
    utilization: l.generated > 0 ? l.throttled / l.generated : 0,
    counters: producerCounters(p),
  };
}

export function producerCounters(p: ProducerRuntime): Record<string, number> {
  return {
    attempted: p.generated,
    accepted: p.accepted,
    throttled: p.throttledAttempts,
    retried: p.retriedAttempts,
    dropped: p.dropped,
    failed: p.failed,
    pendingRetry: p.pendingRetry(),
    buffered: p.agent.length,
    putCalls: p.putCalls,
    kinesisRecordsSent: p.kinesisRecordsSent,
  };
}

export function producerConservation(p: ProducerRuntime): Conservation {
  return balance('attempted', p.generated, {
    accepted: p.accepted,
    dropped: p.dropped,
    failed: p.failed,
    pendingRetry: p.pendingRetry(),
    buffered: p.agent.length,
  });
}
