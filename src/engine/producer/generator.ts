/**
 * A producer's records: how each one is made. Per tick up to SAMPLES_PER_TICK records are rendered
 * from the template (or the Kinesis Agent's log format) as real text kept in the payload store;
 * the rest reuse a rendered sample's text, size and field key, drawing their own partition key
 * (the key strategy, or a timeline hot key) and size (the size strategy). The generators are drawn
 * record by record in a fixed order, so a seed replays the same records.
 */
import { DEFAULT_PRODUCER_TEMPLATE } from '../../model/kinds/producer.ts';
import type { ProducerConfig } from '../../model/types.ts';
import { type RecordBatch, utf8Length } from '../records.ts';
import type { Rng } from '../rng.ts';
import { type EngineContext, type PeekRing, truncateForPeek } from '../runtime.ts';
import type { RoutingTable } from '../stream/routing.ts';
import { agentRecord } from './agent.ts';
import { createKeyPicker, type KeyPicker } from './keys.ts';
import { createSizer } from './sizes.ts';
import { type CompiledTemplate, compileTemplate, TemplateRenderer } from './template.ts';

/** Real records rendered per tick per producer; the rest reuse them (statistically the same). */
export const SAMPLES_PER_TICK = 8;

export class RecordGenerator {
  private readonly renderer: TemplateRenderer;
  private readonly template: CompiledTemplate;
  /** The design's key strategy. */
  readonly picker: KeyPicker;
  /** A timeline hot-key fault's picker while it is active (it falls back to `picker`). */
  hotPicker: KeyPicker | null = null;
  private readonly sizer: (t: number) => number;
  private readonly samplePayload = new Int32Array(SAMPLES_PER_TICK);
  private readonly sampleBytes = new Int32Array(SAMPLES_PER_TICK);
  private readonly sampleKey = new Int32Array(SAMPLES_PER_TICK);
  /**
   * The Kinesis Agent tails what the server writes: a record template the design wrote (the
   * log-analytics template's Apache lines with their `/health` checks) is that line. Left at the
   * kind's default (a JSON clickstream event), the agent makes up lines in its log format instead.
   */
  private readonly agentTailsTemplate: boolean;
  /** The target stream's shard map (set by the producer once targets exist; random keys use it). */
  routing: RoutingTable | null = null;

  constructor(
    nodeId: string,
    private readonly cfg: ProducerConfig,
    private readonly ctx: EngineContext,
    /** The producer's own generator (shared: the runtime draws retry jitter from it too). */
    private readonly rng: Rng,
    /** Producer number, written into every record's `producer` column. */
    private readonly index: number,
    /** The producer's peek ring: the first rendered sample of each tick goes there. */
    private readonly peeks: PeekRing,
  ) {
    this.renderer = new TemplateRenderer(ctx.rngFor(nodeId, 'faker').nextU32());
    this.template = compileTemplate(cfg.template);
    this.agentTailsTemplate = cfg.template.trim() !== '' && cfg.template !== DEFAULT_PRODUCER_TEMPLATE;
    this.picker = createKeyPicker(cfg.partitionKey, ctx.keys, ctx.rngFor(nodeId, 'keys'), () => this.routing);
    this.sizer = createSizer(cfg.size, ctx.rngFor(nodeId, 'sizes'));
  }

  /**
   * Append `n` records to `b` at `nowMs` (sim ms): up to SAMPLES_PER_TICK rendered for real, the
   * others reusing one of them (text, size, field key) with their own partition key and size.
   */
  generate(b: RecordBatch, n: number, nowMs: number): void {
    const ctx = this.ctx;
    const samples = Math.min(n, SAMPLES_PER_TICK);
    const epoch = ctx.clock.startEpochMs + nowMs;
    const fieldKey = this.cfg.partitionKey.type === 'field' ? this.cfg.partitionKey.field : null;
    this.renderer.begin();
    for (let s = 0; s < samples; s++) {
      const text =
        this.cfg.source === 'agent'
          ? agentRecord(
              this.cfg.agent,
              this.rng,
              epoch,
              this.agentTailsTemplate ? this.renderer.render(this.template, epoch) : undefined,
            )
          : this.renderer.render(this.template, epoch);
      this.samplePayload[s] = ctx.payloads.add(text);
      this.sampleBytes[s] = utf8Length(text);
      this.sampleKey[s] = fieldKey
        ? ctx.keys.intern(fieldOf(text, fieldKey) ?? String(this.rng.int(1e9)))
        : 0;
    }
    const picker = this.hotPicker ?? this.picker;
    const agentDeterministic =
      this.cfg.source === 'agent' && this.cfg.agent.partitionKeyOption === 'DETERMINISTIC';
    b.reserve(n);
    // Column-wise: the per-record loop writes only what varies (sample, key, size); the constant
    // columns are filled natively. The generators are drawn in the same order as before, record by
    // record (sample index, then key, then size), so runs are unchanged.
    const from = b.length;
    const to = from + n;
    const rng = this.rng;
    const sizer = this.sizer;
    const keyCol = b.key;
    const bytesCol = b.bytes;
    const payloadCol = b.payload;
    const sampleKey = this.sampleKey;
    const sampleBytes = this.sampleBytes;
    const samplePayload = this.samplePayload;
    for (let i = 0, j = from; j < to; i++, j++) {
      const s = i < samples ? i : rng.int(samples);
      keyCol[j] = agentDeterministic ? this.deterministicKey(s) : picker.next(sampleKey[s]);
      bytesCol[j] = sizer(sampleBytes[s]);
      payloadCol[j] = samplePayload[s];
    }
    // The peek shows the tick's first record once its partition key is drawn (it was pushed
    // before, with an empty key: the Records tab's key column stayed blank for producers).
    if (n > 0)
      this.peeks.push({
        atMs: nowMs,
        partitionKey: ctx.keys.text(keyCol[from]),
        bytes: sampleBytes[0],
        data: truncateForPeek(ctx.payloads.get(samplePayload[0]) ?? ''),
      });
    b.arrivalMs.fill(nowMs, from, to);
    b.bornMs.fill(nowMs, from, to);
    b.seq.fill(0, from, to);
    b.producer.fill(this.index, from, to);
    b.users.fill(1, from, to);
    b.shard.fill(-1, from, to);
    b.attempts.fill(0, from, to);
    b.length = to;
  }

  /** Kinesis Agent DETERMINISTIC keys: a hash of the record's data. */
  private deterministicKey(sample: number): number {
    const text = this.ctx.payloads.get(this.samplePayload[sample]) ?? '';
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return this.ctx.keys.intern((h >>> 0).toString(16));
  }
}

/** Top-level field of a rendered JSON record as text, or null. */
function fieldOf(text: string, field: string): string | null {
  try {
    const v = (JSON.parse(text) as Record<string, unknown>)[field];
    return v === undefined || v === null ? null : String(v);
  } catch {
    return null;
  }
}
