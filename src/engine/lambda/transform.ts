/**
 * A Lambda used by Firehose for data transformation (AWS docs: Data transformation with Lambda): invoked synchronously
 * with `{ invocationId, deliveryStreamArn, region, records: [{ recordId, approximateArrivalTimestamp,
 * data }] }`; every record must come back with the same recordId and a result of Ok, Dropped or
 * ProcessingFailed (a missing recordId counts as ProcessingFailed). The real handler sees the
 * sampled records; the others pass through as Ok with the byte ratio the sample showed.
 */
import type { LambdaConfig } from '../../model/types.ts';
import { utf8Length } from '../records.ts';
import type { Rng } from '../rng.ts';
import { balance, type Conservation, type EngineContext } from '../runtime.ts';
import { fromBase64, toBase64 } from '../usercode/index.ts';
import { ACCOUNT_ID, type HandlerJob, type HandlerRunner, REGION } from './handler.ts';
import { type ConcurrencyPool, modelDurationMs } from './model.ts';

/** Firehose allows a transform invocation at most 5 minutes. */
const TRANSFORM_MAX_TIMEOUT_MS = 300_000;

export type TransformResultKind = 'Ok' | 'Dropped' | 'ProcessingFailed';

export interface TransformRecordIn {
  recordId: string;
  /** Real text when the sample kept it. */
  text: string | undefined;
  bytes: number;
  arrivalEpochMs: number;
}

export interface TransformResult {
  /** False when the invocation itself failed (error, timeout): Firehose retries the whole call. */
  ok: boolean;
  errorCode?: string;
  errorMessage?: string;
  results: TransformResultKind[];
  outputs: { text: string | undefined; bytes: number }[];
}

export interface TransformJob {
  readonly startMs: number;
  /** NaN until the handler has settled. */
  endMs: number;
  result: TransformResult | null;
}

interface JobState extends TransformJob {
  records: TransformRecordIn[];
  sampled: number[];
  handlerJob: HandlerJob | null;
  modelMs: number;
  errorRoll: boolean;
}

export interface TransformFunction {
  readonly id: string;
  readonly config: LambdaConfig;
  readonly runner: HandlerRunner;
  effectiveErrorRate(): number;
  /** Count one invocation in the function's own metrics and cost. */
  noteInvocation(durationMs: number, failed: boolean): void;
}

export class TransformHost {
  private readonly jobs: JobState[] = [];
  private sampleLeft: number;
  private sampledInBytes = 0;
  private sampledOutBytes = 0;
  readonly counts = {
    transformRecordsIn: 0,
    transformOk: 0,
    transformDropped: 0,
    transformFailed: 0,
    /** Records of invocations that failed as a whole (Firehose retries them, up to 3 times). */
    transformInvocationFailed: 0,
    transformInvocations: 0,
  };

  constructor(
    private readonly fn: TransformFunction,
    private readonly ctx: EngineContext,
    private readonly pool: ConcurrencyPool,
    private readonly rng: Rng,
  ) {
    this.sampleLeft = fn.config.sampleRecordsPerSec;
  }

  /** Start one invocation; null when the function has no concurrency left (Firehose retries later). */
  start(records: TransformRecordIn[], nowMs: number, deliveryStreamName: string): TransformJob | null {
    if (!this.pool.tryAcquire(this.fn.id)) return null;
    this.counts.transformInvocations++;
    this.counts.transformRecordsIn += records.length;
    this.sec.records += records.length;
    for (const r of records) this.sec.bytes += r.bytes;
    const sampled: number[] = [];
    for (let i = 0; i < records.length && sampled.length < this.sampleLeft; i++) {
      if (records[i].text !== undefined) sampled.push(i);
    }
    this.sampleLeft -= sampled.length;
    let handlerJob: HandlerJob | null = null;
    if (sampled.length > 0 || this.fn.runner.loadError) {
      const event = {
        invocationId: `${this.fn.id}-${this.counts.transformInvocations}`,
        deliveryStreamArn: `arn:aws:firehose:${REGION}:${ACCOUNT_ID}:deliverystream/${deliveryStreamName}`,
        region: REGION,
        records: sampled.map((i) => ({
          recordId: records[i].recordId,
          approximateArrivalTimestamp: records[i].arrivalEpochMs,
          data: toBase64(records[i].text ?? ''),
        })),
      };
      handlerJob = this.fn.runner.submit(event, this.ctx.clock.startEpochMs + nowMs);
    }
    const job: JobState = {
      startMs: nowMs,
      endMs: Number.NaN,
      result: null,
      records,
      sampled,
      handlerJob,
      modelMs: modelDurationMs(this.fn.config.duration, records.length, this.rng),
      errorRoll: this.rng.next() < this.fn.effectiveErrorRate(),
    };
    this.jobs.push(job);
    return job;
  }

  /** Fix the end time and result of jobs whose handler has settled; release finished ones. */
  tick(nowMs: number): void {
    for (let k = 0; k < this.jobs.length; k++) {
      const job = this.jobs[k];
      if (Number.isNaN(job.endMs)) {
        if (job.handlerJob && !job.handlerJob.outcome) continue;
        this.resolve(job);
      }
      if (job.endMs <= nowMs) {
        this.pool.release(this.fn.id);
        this.jobs.splice(k--, 1);
      }
    }
  }

  private resolve(job: JobState): void {
    const timeoutMs = Math.min(this.fn.config.timeoutSec * 1000, TRANSFORM_MAX_TIMEOUT_MS);
    const outcome = job.handlerJob?.outcome;
    const total = job.modelMs + (outcome?.workMs ?? 0);
    const timedOut = total > timeoutMs || (outcome !== undefined && !outcome.ok && outcome.timedOut);
    job.endMs = job.startMs + (timedOut ? timeoutMs : total);
    const n = job.records.length;
    if (timedOut || job.errorRoll || (outcome && !outcome.ok)) {
      const message =
        outcome && !outcome.ok
          ? outcome.errorMessage
          : timedOut
            ? 'Task timed out'
            : 'Function error (modelled error rate)';
      job.result = {
        ok: false,
        errorCode: 'Lambda.FunctionError',
        errorMessage: message,
        results: new Array(n).fill('ProcessingFailed'),
        outputs: job.records.map((r) => ({ text: r.text, bytes: r.bytes })),
      };
      this.counts.transformInvocationFailed += n;
      this.fn.noteInvocation(job.endMs - job.startMs, true);
      return;
    }
    const results: TransformResultKind[] = new Array(n).fill('Ok');
    const outputs = job.records.map((r) => ({ text: r.text, bytes: r.bytes }));
    if (outcome?.ok) {
      const byId = new Map<string, { result?: unknown; data?: unknown }>();
      const value = outcome.value as { records?: unknown } | null;
      if (value && Array.isArray(value.records)) {
        for (const r of value.records)
          if (r && typeof r === 'object') byId.set(String((r as { recordId?: unknown }).recordId), r);
      }
      for (const i of job.sampled) {
        const r = byId.get(job.records[i].recordId);
        const kind = r?.result;
        if (kind !== 'Ok' && kind !== 'Dropped' && kind !== 'ProcessingFailed') {
          results[i] = 'ProcessingFailed';
          continue;
        }
        results[i] = kind;
        if (kind === 'Ok') {
          const text = typeof r?.data === 'string' ? fromBase64(r.data) : '';
          outputs[i] = { text, bytes: utf8Length(text) };
          this.sampledInBytes += job.records[i].bytes;
          this.sampledOutBytes += outputs[i].bytes;
        }
      }
    }
    // Unsampled records: Ok, sized by the sample's output/input byte ratio.
    const sampledSet = new Set(job.sampled);
    const ratio = this.sampledInBytes > 0 ? this.sampledOutBytes / this.sampledInBytes : 1;
    for (let i = 0; i < n; i++) {
      if (!sampledSet.has(i))
        outputs[i] = {
          text: job.records[i].text,
          bytes: Math.max(0, Math.round(job.records[i].bytes * ratio)),
        };
    }
    for (const r of results) {
      if (r === 'Ok') this.counts.transformOk++;
      else if (r === 'Dropped') this.counts.transformDropped++;
      else this.counts.transformFailed++;
    }
    job.result = { ok: true, results, outputs };
    this.fn.noteInvocation(job.endMs - job.startMs, false);
  }

  /** True once the job's result is known and its simulated end time has come. */
  done(job: TransformJob, nowMs: number): boolean {
    const s = job as JobState;
    if (Number.isNaN(s.endMs)) {
      if (s.handlerJob && !s.handlerJob.outcome) return false;
      this.resolve(s);
    }
    return s.endMs <= nowMs;
  }

  /** Records (and their bytes) handed to the function in the current / last simulated second. */
  private sec = { records: 0, bytes: 0 };
  lastSec = { records: 0, bytes: 0 };

  closeSecond(): void {
    this.sampleLeft = this.fn.config.sampleRecordsPerSec;
    this.lastSec = this.sec;
    this.sec = { records: 0, bytes: 0 };
  }

  conservation(): Conservation {
    let inFlight = 0;
    for (const j of this.jobs) if (!j.result) inFlight += j.records.length;
    return balance(
      'transformRecordsIn',
      this.counts.transformRecordsIn,
      {
        ok: this.counts.transformOk,
        dropped: this.counts.transformDropped,
        processingFailed: this.counts.transformFailed,
        invocationFailed: this.counts.transformInvocationFailed,
        inInvocation: inFlight,
      },
      'Records Firehose sent to the transform; failed invocations count every record as ProcessingFailed (Firehose retries them).',
    );
  }
}
