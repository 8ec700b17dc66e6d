/**
 * Records pushed to a function by another node (an Analytics application's output, the AWS documentation
 * §5.5.3) instead of read from a stream. They queue here and the event source machinery reads them
 * like a one-shard stream with push delivery, so batching, concurrency, retries and metrics are the
 * same. The event follows the Analytics output shape: `{ invocationId, applicationArn, records:
 * [{ recordId, data }] }` (data base64).
 */
import { RecordBatch } from '../records.ts';
import type { StreamInput, StreamReader } from '../runtime.ts';

export const PUSH_STREAM_PREFIX = 'push:';

export class PushReader implements StreamReader {
  readonly consumer = 0;
  readonly mode = 'efo' as const;
  readonly queue = new RecordBatch(64);
  private seq = 0;

  constructor(
    readonly streamId: string,
    private readonly now: () => number,
  ) {}

  /** Accept pushed rows (copied; arrival stamped now). */
  push(batch: RecordBatch, start: number, end: number): void {
    const at = this.queue.length;
    this.queue.append(batch, start, end);
    const nowMs = this.now();
    for (let i = at; i < this.queue.length; i++) {
      this.queue.arrivalMs[i] = nowMs;
      this.queue.seq[i] = ++this.seq;
    }
  }

  shardCount(): number {
    return 1;
  }
  shardId(): string {
    return 'pushed';
  }
  isOpen(): boolean {
    return true;
  }
  getRecords(_shard: number, maxRecords: number, _maxBytes: number, out: RecordBatch): number {
    const n = Math.min(maxRecords, this.queue.length);
    if (n <= 0) return 0;
    out.append(this.queue, 0, n);
    this.queue.shift(n);
    return n;
  }
  pending(): number {
    return this.queue.length;
  }
  iteratorAgeMs(): number {
    return this.queue.length > 0 ? this.now() - this.queue.arrivalMs[0] : 0;
  }
  rewind(): void {}
  expiredCount(): number {
    return 0;
  }
}

export function pushInput(nodeId: string, now: () => number): StreamInput & { reader: PushReader } {
  const streamId = `${PUSH_STREAM_PREFIX}${nodeId}`;
  return { edgeId: streamId, streamId, reader: new PushReader(streamId, now) };
}
