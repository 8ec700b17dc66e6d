/**
 * The event source mapping on one shard (AWS docs: Lambda with a Kinesis event source mapping (ESM)–3.9): polls on the shard's shared
 * read budget (or EFO), runs up to `parallelizationFactor` batches at once, forms batches by size,
 * the 6 MB payload cap and the batching window, and applies AWS's retry rules to a failing batch.
 * Order per partition key: a batch never takes a record whose key is in another running or
 * failed batch, nor any later record of that key, so a key is processed by one batch at a time, in
 * sequence order (one hot key cannot use more than one slot). Retry rules:
 * - by default the batch is retried until it succeeds or its records expire (the slot is blocked,
 *   and with factor 1 that is the whole shard);
 * - MaximumRetryAttempts N: dropped after N + 1 attempts; MaximumRecordAge: records older are skipped;
 * - BisectBatchOnFunctionError: the batch is split in two (splits do not count as retries);
 * - ReportBatchItemFailures: records before the lowest failed sequence number are checkpointed.
 * Records stay unread in the stream until there is room for about one round of batches (so the
 * stream's iterator age shows the lag).
 * Time: `nowMs` is simulated ms since the run started.
 */
import type { LambdaConfig } from '../../model/types.ts';
import { TICK_MS } from '../clock.ts';
import { RecordBatch } from '../records.ts';
import { READ_BLOCKED, READ_END_OF_SHARD, READ_THROTTLED, type StreamInput } from '../runtime.ts';
import { eventBytes, PAYLOAD_CAP_BYTES } from './model.ts';

/** Poll again this soon while records remain behind the iterator (sim ms). */
const FAST_POLL_MS = 200;
/** Base polling rate when caught up: once per second per shard. */
const BASE_POLL_MS = 1000;

export type Verdict = { kind: 'success' } | { kind: 'partial'; firstFailedRow: number } | { kind: 'error' };
export type DiscardReason = 'retriesExhausted' | 'recordAge' | 'expired';

export interface Invocation {
  batch: RecordBatch;
  attempts: number;
  startMs: number;
  /** Known once the handler (if sampled) has settled. */
  endMs: number;
  fromPending: boolean;
  /** Index of the slot (parallelization) that runs it. */
  slot: number;
}

export interface TumblingWindow {
  startMs: number;
  endMs: number;
  state: unknown;
  final: boolean;
}

export interface EsmHost {
  readonly config: LambdaConfig;
  /** Sim ms the source stream keeps records (records held while retrying expire after it). */
  retentionMsOf(streamId: string): number;
  /** A stable unsigned 32-bit hash of a partition key id (part of its MD5): picks the key's slot. */
  keyHash(keyId: number): number;
  /** Take one concurrent execution; false = throttled (counted by the host). */
  acquire(nowMs: number): boolean;
  invoke(
    shard: ShardConsumer,
    batch: RecordBatch,
    attempts: number,
    nowMs: number,
    window: TumblingWindow | null,
  ): Invocation;
  /** Outcome ready and the invocation's end time (endMs) is not after `nowMs`. */
  finished(inv: Invocation, nowMs: number): boolean;
  verdict(inv: Invocation): Verdict;
  succeeded(shard: ShardConsumer, inv: Invocation, start: number, end: number): void;
  discarded(batch: RecordBatch, start: number, end: number, reason: DiscardReason): void;
  retrying(inv: Invocation, records: number): void;
}

interface Slot {
  pending: { batch: RecordBatch; attempts: number }[];
  inflight: Invocation | null;
  /** Sim ms the slot's last invocation ended: the next one may start then (not at the next tick). */
  freeAtMs: number;
}

export class ShardConsumer {
  readonly slots: Slot[] = [];
  /** Records read from the shard and not yet in a batch, in sequence order (swapped out by `take`). */
  queue = new RecordBatch(64);
  private queueEventBytes = 0;
  private windowStartMs = 0;
  /** Tumbling window state carried between invocations of one window (AWS docs: Lambda with a Kinesis event source mapping (ESM)). */
  private tumbling: { startMs: number; state: unknown } | null = null;
  private nextPollMs = 0;
  private readonly busy = new Set<number>();
  /** Batches of finished invocations, reused (allocating and zeroing a batch's columns is not free). */
  private readonly freeBatches: RecordBatch[] = [];
  done = false;
  /** Records fetched from the shard (GetRecords / EFO), cumulative. */
  fetched = 0;
  /** Their bytes (data + partition key, as the shard counts them), cumulative. */
  fetchedBytes = 0;

  constructor(
    private readonly host: EsmHost,
    readonly input: StreamInput,
    readonly shard: number,
  ) {}

  get shardId(): string {
    return this.input.reader.shardId(this.shard);
  }

  /** Records read but not yet invoked, those waiting for a retry, and those in a first invocation. */
  heldRecords(): { queued: number; retrying: number; invoking: number } {
    let retrying = 0;
    let invoking = 0;
    for (const s of this.slots) {
      for (const p of s.pending) retrying += p.batch.length;
      if (s.inflight && !s.inflight.fromPending) invoking += s.inflight.batch.length;
    }
    return { queued: this.queue.length, retrying, invoking };
  }

  tick(nowMs: number): void {
    const cfg = this.host.config.esm;
    while (this.slots.length < cfg.parallelizationFactor)
      this.slots.push({ pending: [], inflight: null, freeAtMs: 0 });
    for (const slot of this.slots) this.completeIfDone(slot, nowMs);
    this.poll(nowMs);
    // Slots beyond a lowered factor finish their work but take no new batches.
    for (let k = 0; k < this.slots.length; k++) {
      const slot = this.slots[k];
      if (k < cfg.parallelizationFactor || slot.pending.length > 0) this.startIfReady(slot, k, nowMs);
    }
  }

  private poll(nowMs: number): void {
    if (this.done || nowMs < this.nextPollMs) return;
    const cfg = this.host.config.esm;
    const room = cfg.batchSize * cfg.parallelizationFactor - this.queue.length;
    if (room <= 0) return;
    const reader = this.input.reader;
    // Read straight onto the end of the queue (getRecords appends only when it returns n > 0): no
    // scratch batch, one copy of each record fewer.
    const queued = this.queue.length;
    const n = reader.getRecords(this.shard, Math.min(10_000, room), 10 * 1024 * 1024, this.queue);
    if (n === READ_END_OF_SHARD) {
      this.done = true;
      return;
    }
    // EFO pushes records as they arrive (about 70 ms): look every tick instead of polling.
    const efo = reader.mode === 'efo';
    const fast = efo ? TICK_MS : FAST_POLL_MS;
    const base = efo ? TICK_MS : BASE_POLL_MS;
    if (n === READ_THROTTLED) {
      this.nextPollMs = nowMs + fast;
      return;
    }
    if (n === READ_BLOCKED || n <= 0) {
      this.nextPollMs = nowMs + base;
      return;
    }
    this.fetched += n;
    this.nextPollMs = nowMs + (reader.pending(this.shard) > 0 ? fast : base);
    if (queued === 0) this.windowStartMs = nowMs;
    const qBytes = this.queue.bytes;
    for (let i = queued; i < queued + n; i++) {
      this.fetchedBytes += qBytes[i];
      this.queueEventBytes += eventBytes(qBytes[i], 0);
    }
  }

  private completeIfDone(slot: Slot, nowMs: number): void {
    const inv = slot.inflight;
    if (!inv || !this.host.finished(inv, nowMs)) return;
    slot.inflight = null;
    slot.freeAtMs = inv.endMs;
    const verdict = this.host.verdict(inv);
    const cfg = this.host.config.esm;
    if (inv.fromPending) slot.pending.shift();
    const b = inv.batch;
    if (verdict.kind === 'success') {
      this.host.succeeded(this, inv, 0, b.length);
    } else if (verdict.kind === 'partial' && verdict.firstFailedRow > 0 && !cfg.bisectBatchOnFunctionError) {
      this.host.succeeded(this, inv, 0, verdict.firstFailedRow);
      this.retryOrDrop(slot, b, verdict.firstFailedRow, inv.attempts + 1, inv);
    } else if (cfg.bisectBatchOnFunctionError && b.length > 1) {
      // Split in two (at the failed record with ReportBatchItemFailures); not counted as a retry.
      const cut =
        verdict.kind === 'partial' && verdict.firstFailedRow > 0
          ? verdict.firstFailedRow
          : Math.ceil(b.length / 2);
      const first = new RecordBatch(cut);
      first.append(b, 0, cut);
      const second = new RecordBatch(b.length - cut);
      second.append(b, cut, b.length);
      slot.pending.unshift(
        { batch: first, attempts: inv.attempts },
        { batch: second, attempts: inv.attempts },
      );
      this.host.retrying(inv, b.length);
    } else {
      this.retryOrDrop(slot, b, 0, inv.attempts + 1, inv);
    }
    // For Kinesis the next batching window starts when the previous invocation finishes.
    if (this.queue.length > 0) this.windowStartMs = inv.endMs;
    // Every path above copied what it keeps (retries, halves), so the batch can be reused.
    if (!inv.fromPending && this.freeBatches.length < 16) this.freeBatches.push(b);
  }

  private retryOrDrop(slot: Slot, b: RecordBatch, from: number, attempts: number, inv: Invocation): void {
    const max = this.host.config.esm.maximumRetryAttempts;
    // `attempts` counts failures so far; MaximumRetryAttempts N allows N retries after the first try.
    if (max >= 0 && attempts > max) {
      this.host.discarded(b, from, b.length, 'retriesExhausted');
      return;
    }
    const rest = new RecordBatch(b.length - from);
    rest.append(b, from, b.length);
    slot.pending.unshift({ batch: rest, attempts });
    this.host.retrying(inv, b.length - from);
  }

  /** Drop leading rows too old to process: past MaximumRecordAge, or trimmed from the stream at retention. */
  private prune(b: RecordBatch, nowMs: number): void {
    const maxAgeSec = this.host.config.esm.maximumRecordAgeSec;
    const retention = this.host.retentionMsOf(this.input.streamId);
    let i = 0;
    while (i < b.length) {
      const age = nowMs - b.arrivalMs[i];
      const reason: DiscardReason | null =
        age >= retention ? 'expired' : maxAgeSec >= 0 && age > maxAgeSec * 1000 ? 'recordAge' : null;
      if (!reason) break;
      this.host.discarded(b, i, i + 1, reason);
      i++;
    }
    if (i > 0) b.shift(i);
  }

  private startIfReady(slot: Slot, k: number, tickMs: number): void {
    if (slot.inflight) return;
    // A slot freed during the last tick starts its next batch at that instant (no tick quantisation).
    const nowMs = slot.freeAtMs > tickMs - TICK_MS && slot.freeAtMs < tickMs ? slot.freeAtMs : tickMs;
    while (slot.pending.length > 0) {
      this.prune(slot.pending[0].batch, nowMs);
      if (slot.pending[0].batch.length > 0) break;
      slot.pending.shift();
    }
    if (slot.pending.length > 0) {
      if (!this.host.acquire(nowMs)) return;
      const piece = slot.pending[0];
      this.launch(slot, k, piece.batch, piece.attempts, nowMs, true);
      return;
    }
    const cfg = this.host.config.esm;
    this.pruneQueue(nowMs);
    if (this.queue.length === 0) return;
    const full = this.queue.length >= cfg.batchSize || this.queueEventBytes >= PAYLOAD_CAP_BYTES;
    const tumblingEnd = this.tumblingEndOf(this.queue, 0);
    const windowClosed = tumblingEnd !== null && nowMs >= tumblingEnd;
    const windowMs = cfg.batchingWindowSec * 1000;
    if (!full && !windowClosed && windowMs > 0 && nowMs - this.windowStartMs < windowMs) return;
    const batch = this.take(cfg.batchSize, tumblingEnd);
    if (batch.length === 0) return;
    if (!this.host.acquire(nowMs)) {
      this.putBack(batch);
      return;
    }
    this.launch(slot, k, batch, 0, nowMs, false);
  }

  private launch(
    slot: Slot,
    k: number,
    batch: RecordBatch,
    attempts: number,
    nowMs: number,
    fromPending: boolean,
  ) {
    const inv = this.host.invoke(this, batch, attempts, nowMs, this.windowFor(batch, nowMs));
    inv.fromPending = fromPending;
    inv.slot = k;
    slot.inflight = inv;
  }

  /**
   * Take up to `max` records in order, skipping keys held by other running or failed batches (and
   * every later record of a skipped key), within the 6 MB payload cap and the tumbling window.
   */
  private take(max: number, tumblingEnd: number | null): RecordBatch {
    const busy = this.busy;
    busy.clear();
    for (const s of this.slots) {
      if (s.inflight) for (let i = 0; i < s.inflight.batch.length; i++) busy.add(s.inflight.batch.key[i]);
      for (const p of s.pending) for (let i = 0; i < p.batch.length; i++) busy.add(p.batch.key[i]);
    }
    const q = this.queue;
    const out = this.freeBatches.pop() ?? new RecordBatch(Math.max(16, Math.min(max, q.length)));
    out.clear();
    // Rows skipped for a busy key stay queued in order; allocated only when a key is skipped.
    let rest: RecordBatch | null = null;
    let bytes = 0;
    let i = 0;
    if (busy.size === 0) {
      // Fast path (no other batch running on this shard): a contiguous run from the front.
      while (i < q.length && i < max) {
        const size = eventBytes(q.bytes[i], 0);
        if (i > 0 && bytes + size > PAYLOAD_CAP_BYTES) break;
        if (tumblingEnd !== null && q.arrivalMs[i] >= tumblingEnd) break;
        bytes += size;
        i++;
      }
      this.queueEventBytes = Math.max(0, this.queueEventBytes - bytes);
      if (i === q.length) {
        // The whole queue goes: hand its batch over and keep the empty one as the queue (no copy).
        this.queue = out;
        return q;
      }
      out.append(q, 0, i);
      q.shift(i);
      return out;
    }
    for (; i < q.length && out.length < max; i++) {
      const size = eventBytes(q.bytes[i], 0);
      if (out.length > 0 && bytes + size > PAYLOAD_CAP_BYTES) break;
      if (tumblingEnd !== null && q.arrivalMs[i] >= tumblingEnd) break;
      if (busy.has(q.key[i])) {
        rest ??= new RecordBatch(Math.max(16, q.length));
        rest.appendRow(q, i);
        continue;
      }
      bytes += size;
      out.appendRow(q, i);
    }
    if (rest === null) q.shift(i);
    else {
      rest.append(q, i, q.length);
      q.clear();
      q.append(rest);
    }
    this.queueEventBytes = Math.max(0, this.queueEventBytes - bytes);
    return out;
  }

  /** Undo `take` when no concurrency was available (rows go back in sequence order). */
  private putBack(batch: RecordBatch): void {
    const merged = new RecordBatch(batch.length + this.queue.length);
    let a = 0;
    let b = 0;
    while (a < batch.length || b < this.queue.length) {
      if (b >= this.queue.length || (a < batch.length && batch.seq[a] <= this.queue.seq[b]))
        merged.appendRow(batch, a++);
      else merged.appendRow(this.queue, b++);
    }
    this.queue.clear();
    this.queue.append(merged);
    this.queueEventBytes = 0;
    for (let i = 0; i < this.queue.length; i++) this.queueEventBytes += eventBytes(this.queue.bytes[i], 0);
  }

  private pruneQueue(nowMs: number): void {
    const before = this.queue.length;
    this.prune(this.queue, nowMs);
    if (this.queue.length !== before) {
      this.queueEventBytes = 0;
      for (let i = 0; i < this.queue.length; i++) this.queueEventBytes += eventBytes(this.queue.bytes[i], 0);
    }
  }

  /** End (sim ms) of the tumbling window of row `i`'s arrival, or null when windows are off. */
  private tumblingEndOf(b: RecordBatch, i: number): number | null {
    const w = this.host.config.esm.tumblingWindowSec * 1000;
    if (w <= 0 || b.length <= i) return null;
    return (Math.floor(b.arrivalMs[i] / w) + 1) * w;
  }

  private windowFor(batch: RecordBatch, nowMs: number): TumblingWindow | null {
    const w = this.host.config.esm.tumblingWindowSec * 1000;
    if (w <= 0 || batch.length === 0) return null;
    const startMs = Math.floor(batch.arrivalMs[0] / w) * w;
    if (!this.tumbling || this.tumbling.startMs !== startMs) this.tumbling = { startMs, state: {} };
    // Final when a record of a later window is already waiting, or the window's time is over.
    const next = this.queue.length > 0 ? this.queue.arrivalMs[0] : Number.NEGATIVE_INFINITY;
    const final = next >= startMs + w || nowMs >= startMs + w;
    return { startMs, endMs: startMs + w, state: this.tumbling.state, final };
  }

  /** The host stores the state a tumbling-window invocation returned. */
  keepWindowState(state: unknown): void {
    if (this.tumbling) this.tumbling.state = state ?? {};
  }
}
