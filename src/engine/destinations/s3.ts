/**
 * An S3 bucket: the objects Firehose (or a Lambda function) wrote, newest last. The list keeps the
 * latest MAX_OBJECTS objects and the bytes of the latest MAX_BODIES (so the studio can open and
 * gunzip them); totals count everything.
 */

import type { PipelineNodeOf } from '../../model/types.ts';
import type { DestinationContents, S3Object } from '../api.ts';
import { formatJavaTimestamp } from '../firehose/naming.ts';
import type { RecordBatch } from '../records.ts';
import {
  ACCEPTED,
  balance,
  type Conservation,
  type EngineContext,
  FAILED,
  type NodeRuntime,
} from '../runtime.ts';
import { DestinationRuntime, keepLatest } from './base.ts';

export const MAX_OBJECTS = 500;
export const MAX_BODIES = 20;

export class S3Runtime extends DestinationRuntime {
  readonly kind = 's3' as const;
  readonly bucket: string;
  private readonly objects: S3Object[] = [];
  private withBodies = 0;
  totals = { objects: 0, records: 0, bytes: 0, refusedObjects: 0, directRecords: 0 };
  private readonly hPut: number;
  private readonly hBytes: number;
  /** Records a Lambda function wrote this tick: one object per tick. */
  private pending: { texts: string[]; records: number; bytes: number } = { texts: [], records: 0, bytes: 0 };
  private objectCounter = 0;

  constructor(node: PipelineNodeOf<'s3'>, ctx: EngineContext) {
    super(node.id, ctx);
    this.bucket = node.config.bucket;
    this.hPut = ctx.metrics.register(node.id, 'PutRequests');
    this.hBytes = ctx.metrics.register(node.id, 'BytesUploaded');
  }

  /** Store an object; false (nothing stored) while the bucket is in an outage. */
  putObject(obj: S3Object): boolean {
    if (this.down) {
      this.totals.refusedObjects++;
      this.perSec.refused += obj.records;
      return false;
    }
    this.objects.push(obj);
    if (obj.body) this.withBodies++;
    this.totals.objects++;
    this.totals.records += obj.records;
    this.totals.bytes += obj.sizeBytes;
    this.perSec.in += obj.records;
    this.perSec.inBytes += obj.sizeBytes;
    this.ctx.metrics.add(this.hPut, 1);
    this.ctx.metrics.add(this.hBytes, obj.sizeBytes);
    this.peeks.push({
      atMs: obj.atMs,
      partitionKey: obj.key,
      bytes: obj.sizeBytes,
      data: obj.firstRecords[0] ?? '',
    });
    // Drop old bodies first (they are the heavy part), then old entries.
    if (this.withBodies > MAX_BODIES) {
      for (const o of this.objects) {
        if (o.body && this.withBodies > MAX_BODIES) {
          o.body = undefined;
          this.withBodies--;
        }
      }
    }
    if (this.objects.length > MAX_OBJECTS) {
      const gone = this.objects.slice(0, this.objects.length - MAX_OBJECTS);
      for (const o of gone) if (o.body) this.withBodies--;
      keepLatest(this.objects, MAX_OBJECTS);
    }
    return true;
  }

  /** Records pushed by a Lambda function (lambda → s3 edge): written as one object per tick. */
  accept(batch: RecordBatch, start: number, end: number, _fromId: string, status: Uint8Array | null): number {
    if (this.down) {
      status?.fill(FAILED, 0, end - start);
      this.perSec.refused += end - start;
      return 0;
    }
    for (let i = start; i < end; i++) {
      const text = this.ctx.payloads.get(batch.payload[i]);
      if (text !== undefined && this.pending.texts.length < 5) this.pending.texts.push(text);
      this.pending.bytes += batch.bytes[i];
    }
    this.pending.records += end - start;
    this.totals.directRecords += end - start;
    status?.fill(ACCEPTED, 0, end - start);
    return end - start;
  }

  override tick(nowMs: number): void {
    if (this.pending.records === 0) return;
    const epoch = this.ctx.clock.startEpochMs + nowMs;
    this.objectCounter++;
    const stored = this.putObject({
      key: `${formatJavaTimestamp('yyyy/MM/dd/HH/', epoch)}lambda-output-${String(this.objectCounter).padStart(8, '0')}.json`,
      sizeBytes: this.pending.bytes,
      records: this.pending.records,
      atMs: nowMs,
      compression: 'UNCOMPRESSED',
      firstRecords: this.pending.texts.map((t) => t.slice(0, 1024)),
      kind: 'data',
    });
    if (stored) this.pending = { texts: [], records: 0, bytes: 0 };
  }

  destination(): DestinationContents {
    return {
      kind: 's3',
      objects: this.objects.slice(),
      totalObjects: this.totals.objects,
      totalRecords: this.totals.records,
      totalBytes: this.totals.bytes,
    };
  }

  counters(): Record<string, number> {
    return { ...this.totals };
  }

  conservation(): Conservation {
    return balance(
      'recordsReceived',
      this.totals.records + this.pending.records,
      { stored: this.totals.records, writingThisTick: this.pending.records },
      'Records in stored objects; objects refused during an outage stay with their sender.',
    );
  }
}

export function createS3Runtime(node: PipelineNodeOf<'s3'>, ctx: EngineContext): NodeRuntime {
  return new S3Runtime(node, ctx);
}
