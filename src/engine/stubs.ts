/**
 * Minimal runtimes so every design compiles and runs while the real ones are written:
 * - `createPassThroughRuntime`: reads every stream input (polling, once per simulated second per
 *   shard, as Lambda and Firehose poll) or takes pushed records, and emits them unchanged downstream;
 * - `createSinkRuntime`: a destination that keeps counts and the first records.
 * ENGINE-CONSUMERS replaces these in registry.ts with the Lambda, Firehose and destination runtimes.
 */

import type { NodeKind, PipelineNode } from '../model/types.ts';
import type { DestinationContents, NodeLive, PeekRecord } from './api.ts';
import { TICKS_PER_SEC } from './clock.ts';
import { RecordBatch } from './records.ts';
import {
  balance,
  type Conservation,
  type EngineContext,
  emptyLive,
  type NodeRuntime,
  type NodeWiring,
  PeekRing,
  READ_THROTTLED,
  THROTTLED,
  truncateForPeek,
} from './runtime.ts';

export function createPassThroughRuntime(
  node: PipelineNode,
  ctx: EngineContext,
  wiring: NodeWiring,
): NodeRuntime {
  const buf = new RecordBatch(1024);
  const status = new Uint8Array(1024);
  const peeks = new PeekRing(20);
  let received = 0;
  let emitted = 0;
  let refused = 0;
  let tickNo = 0;
  const hIn = ctx.metrics.register(node.id, 'IncomingRecords');
  const hOut = ctx.metrics.register(node.id, 'OutgoingRecords');
  const hasOutputs = wiring.outputs.length > 0;
  const rt: NodeRuntime = {
    id: node.id,
    kind: node.kind as NodeKind,
    accept(batch, start, end) {
      buf.append(batch, start, end);
      received += end - start;
      ctx.metrics.add(hIn, end - start);
      return end - start;
    },
    tick(nowMs) {
      // Poll each shard once per simulated second, staggered by shard index across ticks.
      for (const input of wiring.streamInputs) {
        const r = input.reader;
        for (let s = 0; s < r.shardCount(); s++) {
          if ((s + tickNo) % TICKS_PER_SEC !== 0 || !r.isOpen(s)) continue;
          const n = r.getRecords(s, 10000, 10 * 1024 * 1024, buf);
          if (n > 0) {
            received += n;
            ctx.metrics.add(hIn, n);
          } else if (n === READ_THROTTLED) refused++;
        }
      }
      tickNo++;
      if (buf.length === 0) return;
      if (buf.length > 0 && peeks) {
        const i = buf.length - 1;
        peeks.push({
          atMs: nowMs,
          partitionKey: ctx.keys.text(buf.key[i]),
          bytes: buf.bytes[i],
          data: truncateForPeek(ctx.payloads.get(buf.payload[i]) ?? ''),
        });
      }
      if (!hasOutputs) {
        buf.clear();
        return;
      }
      const st = buf.length <= status.length ? status : new Uint8Array(buf.length);
      ctx.emit(node.id, buf, 0, buf.length, st);
      // Keep what downstream throttled for the next tick, in order.
      let keep = 0;
      for (let i = 0; i < buf.length; i++) if (st[i] === THROTTLED) keep++;
      const sent = buf.length - keep;
      emitted += sent;
      ctx.metrics.add(hOut, sent);
      if (keep === 0) buf.clear();
      else compactThrottled(buf, st);
    },
    live(): NodeLive {
      return {
        ...emptyLive(),
        inRecordsPerSec: ctx.metrics.lastValue(hIn),
        outRecordsPerSec: ctx.metrics.lastValue(hOut),
        counters: rt.counters(),
      };
    },
    counters: () => ({ received, emitted, buffered: buf.length, readThrottled: refused }),
    conservation(): Conservation {
      if (!hasOutputs)
        return balance('received', received, { consumed: received - buf.length, buffered: buf.length });
      return balance('received', received, { emitted, buffered: buf.length }, 'placeholder runtime');
    },
    peek: (limit: number): PeekRecord[] => peeks.latest(limit),
  };
  return rt;
}

/** Keep only the rows whose status is THROTTLED (in order). */
function compactThrottled(buf: RecordBatch, st: Uint8Array): void {
  const tmp = new RecordBatch(Math.max(16, buf.length));
  for (let i = 0; i < buf.length; i++) if (st[i] === THROTTLED) tmp.appendRow(buf, i);
  buf.clear();
  buf.append(tmp);
}

export function createSinkRuntime(node: PipelineNode, ctx: EngineContext, wiring: NodeWiring): NodeRuntime {
  const first: string[] = [];
  const peeks = new PeekRing(20);
  let records = 0;
  let bytes = 0;
  const buf = new RecordBatch(256);
  const hIn = ctx.metrics.register(node.id, 'IncomingRecords');
  const take = (batch: RecordBatch, start: number, end: number): void => {
    for (let i = start; i < end; i++) {
      records++;
      bytes += batch.bytes[i];
      if (first.length < 20) first.push(ctx.payloads.get(batch.payload[i]) ?? '');
    }
    if (end > start) {
      const i = end - 1;
      peeks.push({
        atMs: ctx.clock.nowMs,
        partitionKey: ctx.keys.text(batch.key[i]),
        bytes: batch.bytes[i],
        data: truncateForPeek(ctx.payloads.get(batch.payload[i]) ?? ''),
      });
    }
    ctx.metrics.add(hIn, end - start);
  };
  const rt: NodeRuntime = {
    id: node.id,
    kind: node.kind as NodeKind,
    accept(batch, start, end) {
      take(batch, start, end);
      return end - start;
    },
    tick() {
      for (const input of wiring.streamInputs) {
        for (let s = 0; s < input.reader.shardCount(); s++) {
          buf.clear();
          if (input.reader.isOpen(s)) input.reader.getRecords(s, 10000, 10 * 1024 * 1024, buf);
          take(buf, 0, buf.length);
        }
      }
    },
    live: () => ({ ...emptyLive(), inRecordsPerSec: ctx.metrics.lastValue(hIn), counters: rt.counters() }),
    counters: () => ({ records, bytes }),
    conservation: () => balance('received', records, { stored: records }),
    peek: (limit) => peeks.latest(limit),
    destination(): DestinationContents {
      if (node.kind === 'consumerApp') return { kind: 'consumerApp', checkpoints: [], processed: records };
      return {
        kind: 's3',
        objects: [
          {
            key: 'placeholder',
            sizeBytes: bytes,
            records,
            atMs: ctx.clock.nowMs,
            compression: 'UNCOMPRESSED',
            firstRecords: first.slice(0, 5),
            kind: 'data',
          },
        ],
        totalObjects: 1,
        totalRecords: records,
        totalBytes: bytes,
      };
    },
  };
  return rt;
}
