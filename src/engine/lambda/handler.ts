/**
 * Bridges the engine and the user's handler: builds the Kinesis / Firehose event from record rows,
 * queues invocations during a tick and runs them one after another in `settle()` (the sandbox is not
 * re-entrant, and a fixed order keeps runs deterministic), then reads the response the way Lambda does.
 */
import type { LambdaConfig } from '../../model/types.ts';
import type { RecordBatch } from '../records.ts';
import type { EngineContext } from '../runtime.ts';
import { formatSequenceNumber } from '../stream/shard.ts';
import {
  compileHandler,
  type InvocationOutcome,
  type SandboxedHandler,
  toBase64,
} from '../usercode/index.ts';
import type { TumblingWindow } from './esm.ts';

export const ACCOUNT_ID = '123456789012';
export const REGION = 'us-east-1';

export interface HandlerJob {
  event: unknown;
  requestId: string;
  startEpochMs: number;
  outcome?: InvocationOutcome;
}

export class HandlerRunner {
  private readonly handler: SandboxedHandler | null;
  /** Why the function cannot load (syntax error, no handler): every invocation then fails, as in Lambda. */
  readonly loadError: string | null;
  private readonly queue: HandlerJob[] = [];
  private clockEpochMs = 0;
  private requestCounter = 0;

  constructor(
    readonly functionName: string,
    config: LambdaConfig,
    private readonly ctx: EngineContext,
    nodeId: string,
  ) {
    const rng = ctx.rngFor(nodeId, 'handler');
    const compiled = compileHandler(config.code, {
      random: () => rng.next(),
      nowEpochMs: () => this.clockEpochMs,
      functionName,
      timeoutSec: config.timeoutSec,
      memoryMB: config.memoryMB,
    });
    this.handler = compiled.ok ? compiled.handler : null;
    this.loadError = compiled.ok
      ? null
      : `${compiled.error.message}${compiled.error.line ? ` (line ${compiled.error.line}:${compiled.error.column ?? 1})` : ''}`;
  }

  get pending(): number {
    return this.queue.length;
  }

  submit(event: unknown, startEpochMs: number): HandlerJob {
    this.requestCounter++;
    const job: HandlerJob = {
      event,
      startEpochMs,
      requestId: `${this.functionName}-${String(this.requestCounter).padStart(8, '0')}`,
    };
    if (!this.handler) {
      job.outcome = {
        ok: false,
        errorType: 'Runtime.UserCodeSyntaxError',
        errorMessage: this.loadError ?? 'cannot load',
        timedOut: false,
        workMs: 0,
        items: [],
        records: [],
        logs: [],
      };
    } else this.queue.push(job);
    return job;
  }

  /** Run the queued invocations in submission order (microtasks only, no wall-clock waiting). */
  async settle(): Promise<void> {
    while (this.queue.length > 0) {
      const job = this.queue.shift() as HandlerJob;
      this.clockEpochMs = job.startEpochMs;
      job.outcome = await (this.handler as SandboxedHandler).invoke(job.event, {
        awsRequestId: job.requestId,
      });
    }
  }

  /** The real text of row `i` when the producer's sample kept it. */
  text(batch: RecordBatch, i: number): string | undefined {
    const p = batch.payload[i];
    return p >= 0 ? this.ctx.payloads.get(p) : undefined;
  }
}

/** The Kinesis event Lambda sends (AWS docs: Lambda with a Kinesis event source mapping (ESM)), for rows with known text. */
export function kinesisEvent(
  runner: HandlerRunner,
  ctx: EngineContext,
  batch: RecordBatch,
  rows: number[],
  source: { streamName: string; shardId: string; shardIndex: number },
  window: TumblingWindow | null = null,
): Record<string, unknown> {
  const arn = `arn:aws:kinesis:${REGION}:${ACCOUNT_ID}:stream/${source.streamName}`;
  // Tumbling windows (AWS docs: Lambda with a Kinesis event source mapping (ESM)) add the window, the carried state and the flags.
  const windowFields = window
    ? {
        window: {
          start: new Date(ctx.clock.startEpochMs + window.startMs).toISOString(),
          end: new Date(ctx.clock.startEpochMs + window.endMs).toISOString(),
        },
        state: window.state,
        shardId: source.shardId,
        eventSourceARN: arn,
        isFinalInvokeForWindow: window.final,
        isWindowTerminatedEarly: false,
      }
    : {};
  return {
    ...windowFields,
    Records: rows.map((i) => {
      const seq = formatSequenceNumber(source.shardIndex, batch.seq[i]);
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: ctx.keys.text(batch.key[i]),
          sequenceNumber: seq,
          data: toBase64(runner.text(batch, i) ?? ''),
          approximateArrivalTimestamp: (ctx.clock.startEpochMs + batch.arrivalMs[i]) / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `${source.shardId}:${seq}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: `arn:aws:iam::${ACCOUNT_ID}:role/lambda-kinesis-role`,
        awsRegion: REGION,
        eventSourceARN: arn,
      };
    }),
  };
}

/** The event an Analytics application's Lambda output sends (records base64, AWS docs: Limits, KPUs, outputs and latency). */
export function analyticsOutputEvent(
  runner: HandlerRunner,
  batch: RecordBatch,
  rows: number[],
  fnId: string,
): Record<string, unknown> {
  return {
    invocationId: `${fnId}-${runner.pending + 1}`,
    applicationArn: `arn:aws:kinesisanalytics:${REGION}:${ACCOUNT_ID}:application/upstream`,
    records: rows.map((i) => ({
      recordId: String(batch.seq[i]),
      data: toBase64(runner.text(batch, i) ?? ''),
    })),
  };
}

/** What a successful response asks of the event source mapping and the nodes downstream. */
export interface HandlerResponse {
  /** ReportBatchItemFailures: sequence numbers reported failed; null = none reported (full success). */
  failedSequenceNumbers: string[] | null;
  /** An empty, null or misnamed itemIdentifier makes Lambda treat the whole batch as failed. */
  invalidFailureList: boolean;
  items: Record<string, unknown>[];
  records: { data: string; partitionKey?: string }[];
  /** The handler said what to write (even an empty list); otherwise inputs pass through. */
  explicitItems: boolean;
  explicitRecords: boolean;
  state: unknown;
}

export function readResponse(outcome: InvocationOutcome & { ok: true }): HandlerResponse {
  const value = outcome.value;
  const res: HandlerResponse = {
    failedSequenceNumbers: null,
    invalidFailureList: false,
    items: [...outcome.items],
    records: [...outcome.records],
    explicitItems: outcome.items.length > 0,
    explicitRecords: outcome.records.length > 0,
    state: undefined,
  };
  const asRecord = (r: unknown) => {
    if (typeof r === 'string') return { data: r };
    if (r && typeof r === 'object' && 'data' in r) {
      const o = r as { data: unknown; partitionKey?: unknown };
      return {
        data: typeof o.data === 'string' ? o.data : JSON.stringify(o.data),
        partitionKey: o.partitionKey === undefined ? undefined : String(o.partitionKey),
      };
    }
    return { data: JSON.stringify(r) };
  };
  if (Array.isArray(value)) {
    res.explicitRecords = true;
    for (const r of value) res.records.push(asRecord(r));
    return res;
  }
  if (!value || typeof value !== 'object') return res;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.items)) {
    res.explicitItems = true;
    for (const it of v.items) if (it && typeof it === 'object') res.items.push(it as Record<string, unknown>);
  }
  if (Array.isArray(v.records)) {
    res.explicitRecords = true;
    for (const r of v.records) res.records.push(asRecord(r));
  }
  if ('state' in v) res.state = v.state;
  if (Array.isArray(v.batchItemFailures) && v.batchItemFailures.length > 0) {
    res.failedSequenceNumbers = [];
    for (const f of v.batchItemFailures) {
      const id = f && typeof f === 'object' ? (f as { itemIdentifier?: unknown }).itemIdentifier : undefined;
      if (typeof id !== 'string' || id === '') res.invalidFailureList = true;
      else res.failedSequenceNumbers.push(id);
    }
  }
  return res;
}
