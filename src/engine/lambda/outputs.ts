/**
 * What a function sends downstream. Sampled invocations produce real outputs (items from
 * `return { items }` / `context.putItem`, records from `return { records }` / an array /
 * `context.putRecord`; a kind the handler did not produce passes its input records through).
 * Unsampled records use the ratio seen on the sample so far: outputs per input record, reusing
 * recent real outputs as their content. Before any sample, records pass through.
 */
import { KINDS } from '../../model/kinds/index.ts';
import { RecordBatch, utf8Length } from '../records.ts';
import type { Rng } from '../rng.ts';
import type { EngineContext, NodeWiring } from '../runtime.ts';
import type { HandlerResponse } from './handler.ts';

interface Recent {
  payload: number;
  bytes: number;
  key: number;
}

class OutputModel {
  sampledIn = 0;
  sampledOut = 0;
  private readonly recent: Recent[] = [];
  private cursor = 0;
  remember(r: Recent): void {
    if (this.recent.length < 32) this.recent.push(r);
    else this.recent[this.sampledOut % 32] = r;
  }
  /**
   * How many outputs `m` unsampled input records give, by the sampled ratio; -1 = pass the inputs
   * through (nothing sampled yet). Draws the generator once, as the per-output list did.
   */
  modelledCount(m: number, rng: Rng): number {
    if (this.sampledIn === 0) return -1;
    const n = rng.roundStochastic((m * this.sampledOut) / this.sampledIn);
    return this.recent.length > 0 ? n : 0;
  }
  /** The next recent real output to reuse as a modelled output's content (round robin). */
  nextRecent(): Recent {
    return this.recent[this.cursor++ % this.recent.length];
  }
}

export class FunctionOutputs {
  /** Rows for record targets (streams, Firehose, …) and for DynamoDB tables, emitted once per tick. */
  readonly records = new RecordBatch(64);
  readonly items = new RecordBatch(64);
  private readonly recordModel = new OutputModel();
  private readonly itemModel = new OutputModel();
  private readonly status = new Uint8Array(10_000);
  readonly itemEdges: string[] = [];
  readonly recordEdges: string[] = [];
  /** Records / items refused downstream (throttled or failed); the function does not retry them. */
  refused = 0;
  emitted = 0;

  constructor(
    private readonly ctx: EngineContext,
    wiring: NodeWiring,
  ) {
    for (const o of wiring.outputs) {
      const kind = ctx.docNode(o.targetId)?.kind;
      if (kind && KINDS[kind].receives === 'items') this.itemEdges.push(o.edgeId);
      else this.recordEdges.push(o.edgeId);
    }
  }

  get wired(): boolean {
    return this.itemEdges.length + this.recordEdges.length > 0;
  }

  /**
   * Real outputs of a sampled invocation on rows `sampled` of `batch`. A kind of output the handler
   * did not produce explicitly (no `records` / array / putRecord, no `items` / putItem) passes the
   * input records through, so a function wired to a stream or table forwards what it read unless
   * its code says otherwise (`return { records: [] }` forwards nothing).
   */
  real(batch: RecordBatch, sampled: number[], response: HandlerResponse, atMs: number): void {
    const p = this.ctx.payloads;
    const first = sampled[0];
    const fallbackKey = batch.key[first];
    const bornMs = batch.bornMs[first];
    this.itemModel.sampledIn += sampled.length;
    this.recordModel.sampledIn += sampled.length;
    const passThrough = (into: RecordBatch, model: OutputModel) => {
      for (const i of sampled) {
        const r = { payload: batch.payload[i], bytes: batch.bytes[i], key: batch.key[i] };
        model.remember(r);
        model.sampledOut++;
        into.push(r.key, r.bytes, atMs, batch.bornMs[i], -1, r.payload);
      }
    };
    const wantItems = this.itemEdges.length > 0;
    const wantRecords = this.recordEdges.length > 0;
    if (wantItems && !response.explicitItems) passThrough(this.items, this.itemModel);
    for (const it of wantItems ? response.items : []) {
      const text = JSON.stringify(it);
      const r = { payload: p.add(text), bytes: utf8Length(text), key: fallbackKey };
      this.itemModel.remember(r);
      this.itemModel.sampledOut++;
      this.items.push(r.key, r.bytes, atMs, bornMs, -1, r.payload);
    }
    if (wantRecords && !response.explicitRecords) passThrough(this.records, this.recordModel);
    for (const rec of wantRecords ? response.records : []) {
      const key = rec.partitionKey === undefined ? fallbackKey : this.ctx.keys.intern(rec.partitionKey);
      const r = { payload: p.add(rec.data), bytes: utf8Length(rec.data), key };
      this.recordModel.remember(r);
      this.recordModel.sampledOut++;
      this.records.push(r.key, r.bytes, atMs, bornMs, -1, r.payload);
    }
  }

  /**
   * Modelled outputs for the unsampled rows of [start, end) of `batch`: every row except those in
   * `sampled` (ascending). A range, not a row list: the common batch has no sampled row at all.
   */
  model(batch: RecordBatch, start: number, end: number, sampled: number[], atMs: number, rng: Rng): void {
    const m = end - start - sampled.length;
    if (m <= 0) return;
    // bornMs of the first unsampled row.
    let first = start;
    for (let k = 0; k < sampled.length && sampled[k] === first; k++) first++;
    const bornMs = batch.bornMs[first];
    const put = (into: RecordBatch, model: OutputModel) => {
      const n = model.modelledCount(m, rng);
      if (n < 0) {
        into.reserve(m);
        let k = 0;
        for (let i = start; i < end; i++) {
          if (k < sampled.length && sampled[k] === i) {
            k++;
            continue;
          }
          into.push(batch.key[i], batch.bytes[i], atMs, batch.bornMs[i], -1, batch.payload[i]);
        }
        return;
      }
      into.reserve(n);
      for (let i = 0; i < n; i++) {
        const r = model.nextRecent();
        into.push(r.key, r.bytes, atMs, bornMs, -1, r.payload);
      }
    };
    if (this.itemEdges.length > 0) put(this.items, this.itemModel);
    if (this.recordEdges.length > 0) put(this.records, this.recordModel);
  }

  /** Send this tick's outputs; returns [records sent, bytes sent]. */
  flush(): [number, number] {
    let sent = 0;
    let bytes = 0;
    const send = (batch: RecordBatch, edges: string[]) => {
      if (batch.length === 0) return;
      for (const edgeId of edges) {
        for (let start = 0; start < batch.length; start += this.status.length) {
          const end = Math.min(batch.length, start + this.status.length);
          const ok = this.ctx.emitTo(edgeId, batch, start, end, this.status);
          this.refused += end - start - ok;
          sent += ok;
        }
      }
      bytes += batch.sumBytes();
      this.emitted += batch.length;
      batch.clear();
    };
    send(this.items, this.itemEdges);
    send(this.records, this.recordEdges);
    return [sent, bytes];
  }
}
