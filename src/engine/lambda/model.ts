/**
 * Pure numbers of the Lambda model: invocation duration, billing, payload size, concurrency.
 * Units: ms are SIMULATED ms; sizes are bytes; "6 MB" is Lambda's synchronous payload cap, which
 * Lambda's documentation means as MiB (6 × 1,048,576 bytes).
 */
import type { DurationModel, LambdaConfig } from '../../model/types.ts';
import type { Rng } from '../rng.ts';

export const PAYLOAD_CAP_BYTES = 6 * 1024 * 1024;
/** JSON around one record in the Kinesis event (eventID, ARNs, sequence number…), bytes. */
export const EVENT_RECORD_OVERHEAD_BYTES = 420;
/** Account-wide concurrent executions per Region by default (AWS docs: Lambda with a Kinesis event source mapping (ESM)). */
export const ACCOUNT_CONCURRENCY = 1000;

/** Bytes a record adds to the invocation payload: its data in base64 (4/3) plus the JSON around it. */
export function eventBytes(dataBytes: number, keyBytes: number): number {
  return Math.ceil(dataBytes / 3) * 4 + keyBytes + EVENT_RECORD_OVERHEAD_BYTES;
}

/** Modelled run time of one invocation on `records` records (the handler's own work is added on top). */
export function modelDurationMs(model: DurationModel, records: number, rng: Rng): number {
  if (model.type === 'fixed') return model.ms;
  const base = model.baseMs + model.perRecordMs * records;
  const jitter = model.jitterPct > 0 ? ((rng.next() * 2 - 1) * model.jitterPct) / 100 : 0;
  return Math.max(1, base * (1 + jitter));
}

/** Billed duration: rounded up to the next 1 ms (AWS docs: Lambda today). */
export function billedMs(durationMs: number): number {
  // The epsilon absorbs float noise in sim times (250 ms measured as 250.00000001 ms is 250 ms).
  return Math.max(1, Math.ceil(durationMs - 1e-6));
}

/** GB-seconds of one invocation: billed seconds × memory in GB (1 GB = 1,024 MB as Lambda bills). */
export function gbSeconds(durationMs: number, memoryMB: number): number {
  return (billedMs(durationMs) / 1000) * (memoryMB / 1024);
}

/**
 * The account's concurrency pool shared by every function of one simulation: reserved concurrency
 * is carved out of the 1,000; unreserved functions share what is left.
 */
export class ConcurrencyPool {
  private readonly reserved = new Map<string, number>();
  private readonly running = new Map<string, number>();
  private unreservedRunning = 0;

  reserve(fnId: string, config: LambdaConfig): void {
    if (config.reservedConcurrency > 0) this.reserved.set(fnId, config.reservedConcurrency);
  }

  limitOf(fnId: string): number {
    const own = this.reserved.get(fnId);
    if (own !== undefined) return own;
    let carved = 0;
    for (const v of this.reserved.values()) carved += v;
    return Math.max(0, ACCOUNT_CONCURRENCY - carved);
  }

  runningOf(fnId: string): number {
    return this.running.get(fnId) ?? 0;
  }

  tryAcquire(fnId: string): boolean {
    const mine = this.runningOf(fnId);
    if (this.reserved.has(fnId)) {
      if (mine >= this.limitOf(fnId)) return false;
    } else if (this.unreservedRunning >= this.limitOf(fnId)) return false;
    this.running.set(fnId, mine + 1);
    if (!this.reserved.has(fnId)) this.unreservedRunning++;
    return true;
  }

  release(fnId: string): void {
    this.running.set(fnId, Math.max(0, this.runningOf(fnId) - 1));
    if (!this.reserved.has(fnId)) this.unreservedRunning = Math.max(0, this.unreservedRunning - 1);
  }
}

const pools = new WeakMap<object, ConcurrencyPool>();

/** One pool per simulation (keyed by its engine context). */
export function poolFor(ctx: object): ConcurrencyPool {
  let p = pools.get(ctx);
  if (!p) {
    p = new ConcurrencyPool();
    pools.set(ctx, p);
  }
  return p;
}
