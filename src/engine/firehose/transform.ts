/**
 * Firehose's data-transformation stage (AWS docs: Data transformation with Lambda): its own buffer (1 MiB or 60 s,
 * the documented defaults), up to 5 outstanding invocations, a failed invocation retried 3 times
 * (NumberOfRetries) and then every record of it treated as ProcessingFailed; ProcessingFailed
 * records go to the bucket under `processing-failed/` as JSON lines in AWS's shape.
 */
import { LambdaRuntime } from '../lambda/runtime.ts';
import type { TransformJob, TransformRecordIn } from '../lambda/transform.ts';
import { RecordBatch } from '../records.ts';
import type { EngineContext } from '../runtime.ts';
import { toBase64 } from '../usercode/index.ts';
import { MIB, StageBuffer } from './buffer.ts';
import type { DeliveryManager } from './delivery.ts';

const TRANSFORM_BUFFER_BYTES = MIB;
const TRANSFORM_BUFFER_MS = 60_000;
const MAX_OUTSTANDING = 5;
const NUMBER_OF_RETRIES = 3;
/** 6 MB synchronous payload; records travel base64 (4/3), so about 4.5 MiB of raw data per call. */
const MAX_CALL_BYTES = Math.floor((6 * MIB * 3) / 4) - 64 * 1024;

interface Outstanding {
  job: TransformJob | null;
  rows: RecordBatch;
  attempts: number;
  ids: string[];
}

export class TransformStage {
  readonly buffer = new StageBuffer(TRANSFORM_BUFFER_BYTES, TRANSFORM_BUFFER_MS);
  private readonly outstanding: Outstanding[] = [];
  private counter = 0;
  readonly counts = {
    sentToTransform: 0,
    transformedOk: 0,
    dropped: 0,
    processingFailed: 0,
    invocationRetries: 0,
  };

  constructor(
    private readonly ctx: EngineContext,
    private readonly fnId: string,
    private readonly deliveryStreamName: string,
    private readonly metric: (name: string, value: number, agg?: 'sum' | 'avg') => void,
  ) {}

  inFlight(): number {
    let n = this.buffer.length;
    for (const o of this.outstanding) n += o.rows.length;
    return n;
  }

  oldestArrivalMs(): number {
    let m = this.buffer.oldestArrivalMs();
    for (const o of this.outstanding)
      if (o.rows.length > 0 && o.rows.arrivalMs[0] < m) m = o.rows.arrivalMs[0];
    return m;
  }

  private fn(): LambdaRuntime | null {
    const rt = this.ctx.runtime(this.fnId);
    return rt instanceof LambdaRuntime ? rt : null;
  }

  private start(o: Outstanding, nowMs: number): void {
    const fn = this.fn();
    if (!fn) return;
    const start = this.ctx.clock.startEpochMs;
    const records: TransformRecordIn[] = [];
    for (let i = 0; i < o.rows.length; i++) {
      const p = o.rows.payload[i];
      records.push({
        recordId: o.ids[i],
        text: p >= 0 ? this.ctx.payloads.get(p) : undefined,
        bytes: o.rows.bytes[i],
        arrivalEpochMs: start + o.rows.arrivalMs[i],
      });
    }
    o.job = fn.transform.start(records, nowMs, this.deliveryStreamName);
  }

  /** Advance the stage; returns the Ok records (with their transformed sizes) for the destination buffer. */
  tick(nowMs: number, delivery: DeliveryManager): RecordBatch {
    const out = new RecordBatch(64);
    const fn = this.fn();
    if (!fn) {
      // No function to call (the design refers to a missing one): records pass through untouched.
      while (this.buffer.length > 0) out.append(this.buffer.take());
      return out;
    }
    while (this.buffer.due(nowMs) && this.outstanding.length < MAX_OUTSTANDING) {
      const rows = this.buffer.take(MAX_CALL_BYTES, nowMs);
      const ids: string[] = [];
      for (let i = 0; i < rows.length; i++)
        ids.push(`${String(++this.counter).padStart(20, '0')}000000000000000000`);
      this.counts.sentToTransform += rows.length;
      const o: Outstanding = { job: null, rows, attempts: 0, ids };
      this.outstanding.push(o);
      this.start(o, nowMs);
    }
    for (let k = 0; k < this.outstanding.length; k++) {
      const o = this.outstanding[k];
      if (!o.job) {
        this.start(o, nowMs); // throttled last time (no concurrency): try again
        continue;
      }
      if (!fn.transform.done(o.job, nowMs)) continue;
      const result = o.job.result;
      if (!result) continue;
      this.metric('ExecuteProcessing.Duration', o.job.endMs - o.job.startMs, 'avg');
      this.metric('ExecuteProcessing.Success', result.ok ? 1 : 0, 'avg');
      o.attempts++;
      if (!result.ok && o.attempts <= NUMBER_OF_RETRIES) {
        this.counts.invocationRetries++;
        this.start(o, nowMs);
        continue;
      }
      this.outstanding.splice(k--, 1);
      const failedRows = new RecordBatch(16);
      const lines: string[] = [];
      const start = this.ctx.clock.startEpochMs;
      for (let i = 0; i < o.rows.length; i++) {
        const kind = result.results[i] ?? 'ProcessingFailed';
        if (kind === 'Ok') {
          const output = result.outputs[i];
          const inText = o.rows.payload[i] >= 0 ? this.ctx.payloads.get(o.rows.payload[i]) : undefined;
          out.appendRow(o.rows, i);
          const j = out.length - 1;
          out.bytes[j] = output.bytes;
          if (output.text !== undefined && output.text !== inText)
            out.payload[j] = this.ctx.payloads.add(output.text);
          this.counts.transformedOk++;
          this.metric('SucceedProcessing.Records', 1);
          this.metric('SucceedProcessing.Bytes', output.bytes);
        } else if (kind === 'Dropped') this.counts.dropped++;
        else {
          this.counts.processingFailed++;
          failedRows.appendRow(o.rows, i);
          const text = o.rows.payload[i] >= 0 ? (this.ctx.payloads.get(o.rows.payload[i]) ?? '') : '';
          if (lines.length < 1000) {
            lines.push(
              JSON.stringify({
                attemptsMade: o.attempts,
                arrivalTimestamp: start + o.rows.arrivalMs[i],
                errorCode: result.ok ? 'Lambda.ProcessingFailed' : 'Lambda.FunctionError',
                errorMessage: result.ok
                  ? 'The function returned result ProcessingFailed for this record'
                  : result.errorMessage,
                attemptEndingTimestamp: start + nowMs,
                rawData: toBase64(text),
                lambdaArn: `arn:aws:lambda:us-east-1:123456789012:function:${this.fnName()}:$LATEST`,
              }),
            );
          }
        }
      }
      if (failedRows.length > 0) delivery.errorOutput(lines, failedRows, 'processing-failed', nowMs);
    }
    return out;
  }

  private fnName(): string {
    return this.ctx.docNode(this.fnId)?.name ?? this.fnId;
  }
}
