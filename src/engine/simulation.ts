/**
 * The simulation: builds one runtime per node from the plan, steps them tick by tick on the
 * simulated clock, routes pushed records along edges, switches timeline events on and off, and
 * answers the studio (frames, peeks, destinations, SQL results) and the CLI (report).
 */

import type { NodeKind, PipelineDoc, PipelineEdge, PipelineNode, TimelineEvent } from '../model/types.ts';
import { ActivityMeter, EdgeActivity, meterSecond } from './activity.ts';
import type {
  DestinationContents,
  EdgeLive,
  LiveEdit,
  LiveFrame,
  NodeLive,
  PeekRecord,
  RunReport,
  Simulation,
  SimulationOptions,
  SqlStreamRows,
  TimelineMarker,
} from './api.ts';
import { parseStartTime, SimClock, TICK_MS } from './clock.ts';
import { compile, type ExecutionPlan } from './compile.ts';
import { CostMeter } from './cost.ts';
import { DestinationMeter } from './destination-meter.ts';
import { KeyTable } from './hash.ts';
import { MetricStore } from './metrics.ts';
import { PayloadStore, type RecordBatch } from './records.ts';
import { RUNTIMES } from './registry.ts';
import { buildReport } from './report.ts';
import { forkRng } from './rng.ts';
import {
  ACCEPTED,
  type EngineContext,
  FAILED,
  type NodeRuntime,
  type NodeWiring,
  PeekRing,
  type RuntimeFactory,
  type StreamInput,
  truncateForPeek,
} from './runtime.ts';
import { flushRateFlows, rateEdgeLive, rateLive } from './stream/fluid-flows.ts';
import { StreamRuntime } from './stream/stream.ts';

interface EdgeState {
  edge: PipelineEdge;
  target: NodeRuntime | undefined;
  records: number;
  bytes: number;
  throttled: number;
  last: EdgeLive;
  /** When records last crossed, for the label between bursts (see EdgeLive.lastActive). */
  activity: EdgeActivity;
  totalRecords: number;
  peeks: PeekRing;
}

interface EventState {
  event: TimelineEvent;
  active: boolean;
  ended: boolean;
}

export class EngineSimulation implements Simulation {
  readonly plan: ExecutionPlan;
  readonly doc: PipelineDoc;
  readonly ctx: EngineContext;
  readonly runtimes = new Map<string, NodeRuntime>();
  /** Runtimes in topological order. */
  readonly ordered: NodeRuntime[] = [];
  /** Node ids in the same (topological) order, for the rate model's flows (stream/fluid-flows.ts). */
  private readonly orderedIds: string[] = [];
  private readonly clock: SimClock;
  private readonly metrics = new MetricStore();
  private readonly cost: CostMeter;
  private readonly markers: TimelineMarker[] = [];
  private readonly edges = new Map<string, EdgeState>();
  private readonly pushOutputs = new Map<string, EdgeState[]>();
  private readonly events: EventState[] = [];
  private readonly settlers: NodeRuntime[] = [];
  /**
   * Per node (same order as `ordered`): recent activity for the live cards. Metered from the first
   * `frame()` on (the studio asks for one when it loads a design, at 0 s): headless runs and
   * benchmarks, which never ask, do not pay for a live view of every node every simulated second.
   */
  private activity: ActivityMeter[] | null = null;
  private scratch = new Uint8Array(1024);
  private seconds = 0;
  /** Bills the destinations (cluster hours, requests, storage) each simulated second. */
  private readonly destinationCost: DestinationMeter;

  constructor(doc: PipelineDoc, options: SimulationOptions) {
    this.plan = compile(doc);
    this.doc = doc;
    const seed = options.seed >>> 0;
    this.clock = new SimClock(parseStartTime(doc.settings.startTime));
    this.cost = new CostMeter(options.priceBook ?? doc.settings.priceBook ?? 'current');
    const nodesById = new Map(doc.nodes.map((n) => [n.id, n]));
    this.ctx = {
      seed,
      clock: this.clock,
      keys: new KeyTable(),
      payloads: new PayloadStore(),
      metrics: this.metrics,
      cost: this.cost,
      streamModel: options.streamModel ?? 'auto',
      rngFor: (nodeId, purpose = '') => forkRng(seed, nodeId, purpose),
      docNode: (id) => nodesById.get(id),
      docEdgesFrom: (id) => doc.edges.filter((e) => e.source === id),
      runtime: (id) => this.runtimes.get(id),
      emit: (fromId, batch, start, end, status) => this.emit(fromId, batch, start, end, status),
      emitTo: (edgeId, batch, start, end, status) => {
        const e = this.edges.get(edgeId);
        return e ? this.send([e], batch, start, end, status) : 0;
      },
      marker: (m) => this.markers.push(m),
    };
    for (const e of doc.edges) {
      this.edges.set(e.id, {
        edge: e,
        target: undefined,
        records: 0,
        bytes: 0,
        throttled: 0,
        last: { recordsPerSec: 0, bytesPerSec: 0, throttledPerSec: 0 },
        activity: new EdgeActivity(),
        totalRecords: 0,
        peeks: new PeekRing(20),
      });
    }
    // Each node's position among the nodes of its kind (see RuntimeFactory's `index`).
    const perKind = new Map<NodeKind, number>();
    for (const p of this.plan.order) {
      const wiring: NodeWiring = {
        streamInputs: p.streamEdges.map((e): StreamInput => {
          const stream = this.runtimes.get(e.source) as StreamRuntime;
          const reader = stream.readers.get(e.id);
          if (!reader) throw new Error(`No reader for edge ${e.id}`);
          return { edgeId: e.id, streamId: e.source, reader };
        }),
        pushSources: p.pushEdges.map((e) => ({ edgeId: e.id, sourceId: e.source })),
        outputs: p.outputs.map((e) => ({ edgeId: e.id, targetId: e.target, edge: e })),
      };
      const index = perKind.get(p.node.kind) ?? 0;
      perKind.set(p.node.kind, index + 1);
      const rt = this.create(p.node, wiring, index);
      this.runtimes.set(rt.id, rt);
      this.ordered.push(rt);
      this.orderedIds.push(rt.id);
      if (rt.settle) this.settlers.push(rt);
    }
    // Push edges: every edge whose source is not a stream (streams are read, not pushed from).
    for (const p of this.plan.order) {
      if (p.node.kind === 'stream') continue;
      const list = p.outputs.map((e) => {
        const st = this.edges.get(e.id) as EdgeState;
        st.target = this.runtimes.get(e.target);
        return st;
      });
      this.pushOutputs.set(p.node.id, list);
    }
    for (const ev of doc.timeline) this.events.push({ event: ev, active: false, ended: false });
    this.destinationCost = new DestinationMeter(doc, this.runtimes, this.cost);
  }

  private create(node: PipelineNode, wiring: NodeWiring, index: number): NodeRuntime {
    const factory = RUNTIMES[node.kind] as RuntimeFactory<NodeKind>;
    return factory(node as never, this.ctx, wiring, index);
  }

  get nowMs(): number {
    return this.clock.nowMs;
  }

  private emit(
    fromId: string,
    batch: RecordBatch,
    start: number,
    end: number,
    status: Uint8Array | null,
  ): number {
    const outs = this.pushOutputs.get(fromId);
    if (!outs || outs.length === 0) {
      if (status) status.fill(FAILED, 0, end - start);
      return 0;
    }
    return this.send(outs, batch, start, end, status);
  }

  /** Deliver rows to each edge's target; a row is accepted only if every target accepted it. */
  private send(
    outs: EdgeState[],
    batch: RecordBatch,
    start: number,
    end: number,
    status: Uint8Array | null,
  ): number {
    const n = end - start;
    if (n <= 0) return 0;
    if (this.scratch.length < n) this.scratch = new Uint8Array(batch.capacity);
    const own = status ?? this.scratch;
    let accepted = 0;
    for (let k = 0; k < outs.length; k++) {
      const e = outs[k];
      const st = k === 0 ? own : this.scratch;
      if (!e.target?.accept) {
        st.fill(FAILED, 0, n);
      } else {
        st.fill(ACCEPTED, 0, n);
        e.target.accept(batch, start, end, e.edge.source, st);
      }
      let ok = 0;
      let bytes = 0;
      for (let i = 0; i < n; i++) {
        if (st[i] === ACCEPTED) {
          ok++;
          bytes += batch.bytes[start + i];
        }
        if (k > 0 && st[i] > own[i]) own[i] = st[i];
      }
      e.records += ok;
      e.totalRecords += ok;
      e.bytes += bytes;
      e.throttled += n - ok;
      if (ok > 0 && e.peeks) this.peekEdge(e, batch, start);
      // One target (the usual case): its count is the answer, no second pass over the statuses.
      if (outs.length === 1) return ok;
    }
    for (let i = 0; i < n; i++) if (own[i] === ACCEPTED) accepted++;
    return accepted;
  }

  private lastPeekMs = new Map<string, number>();
  private peekEdge(e: EdgeState, batch: RecordBatch, i: number): void {
    if (this.lastPeekMs.get(e.edge.id) === this.clock.nowMs) return;
    this.lastPeekMs.set(e.edge.id, this.clock.nowMs);
    e.peeks.push({
      atMs: this.clock.nowMs,
      partitionKey: this.ctx.keys.text(batch.key[i]),
      bytes: batch.bytes[i],
      data: truncateForPeek(this.ctx.payloads.get(batch.payload[i]) ?? ''),
    });
  }

  private updateEvents(now: number): void {
    for (const s of this.events) {
      if (s.ended) continue;
      const from = s.event.fromSec * 1000;
      const to = s.event.toSec * 1000;
      if (!s.active && now >= from && now < to) {
        s.active = true;
        this.runtimes.get(s.event.nodeId)?.setFault?.(s.event, true, now);
        this.markers.push({
          atMs: now,
          nodeId: s.event.nodeId,
          type: `${s.event.type}-start`,
          label: describeEvent(s.event),
        });
      } else if (now >= to) {
        if (s.active) {
          this.runtimes.get(s.event.nodeId)?.setFault?.(s.event, false, now);
          this.markers.push({
            atMs: now,
            nodeId: s.event.nodeId,
            type: `${s.event.type}-end`,
            label: describeEvent(s.event),
          });
        }
        s.active = false;
        s.ended = true;
      }
    }
  }

  /** One tick of TICK_MS simulated ms. */
  step(): void {
    const now = this.clock.nowMs;
    this.updateEvents(now);
    for (const rt of this.ordered) rt.beginTick?.(now);
    for (const rt of this.ordered) rt.tick(now);
    this.clock.nowMs = now + TICK_MS;
    if (this.clock.nowMs % 1000 === 0) this.closeSecond();
  }

  private closeSecond(): void {
    this.seconds++;
    for (const rt of this.ordered) rt.closeSecond?.(this.seconds);
    flushRateFlows(this.ctx, this.orderedIds);
    if (this.activity) {
      for (let k = 0; k < this.ordered.length; k++)
        meterSecond(this.ordered[k], this.activity[k], this.clock.nowMs);
    }
    for (const e of this.edges.values()) {
      e.last = e.activity.close(this.clock.nowMs, e.records, e.bytes, e.throttled);
      e.records = 0;
      e.bytes = 0;
      e.throttled = 0;
    }
    this.metrics.rollSecond();
    this.destinationCost.closeSecond();
    this.cost.rollSecond();
  }

  async advance(toMs: number): Promise<void> {
    while (this.clock.nowMs + TICK_MS <= toMs) {
      this.step();
      if (this.settlers.length > 0) for (const rt of this.settlers) await rt.settle?.();
    }
  }

  /** Synchronous advance for designs without async user code (benchmarks, tests). */
  advanceSync(toMs: number): void {
    while (this.clock.nowMs + TICK_MS <= toMs) this.step();
  }

  frame(): LiveFrame {
    const nodes: Record<string, NodeLive> = {};
    if (!this.activity) this.activity = this.ordered.map(() => new ActivityMeter());
    this.metrics.keepSeconds();
    for (let k = 0; k < this.ordered.length; k++) {
      const live = this.ordered[k].live();
      // Nodes behind a fluid stream: their rates (stream/fluid-flows.ts) are the live figures.
      Object.assign(live, rateLive(this.metrics, this.ordered[k].id));
      const activity = this.activity[k].snapshot();
      if (activity) live.activity = activity;
      nodes[this.ordered[k].id] = live;
    }
    const edges: Record<string, EdgeLive> = {};
    for (const [id, e] of this.edges) {
      const source = this.runtimes.get(e.edge.source);
      edges[id] =
        rateEdgeLive(this.metrics, id) ??
        (source instanceof StreamRuntime
          ? this.streamEdgeLive(id, e)
          : source?.kind === 'firehose'
            ? this.deliveryEdgeLive(e, nodes)
            : e.last);
    }
    return {
      simMs: this.clock.nowMs,
      nodes,
      edges,
      cost: this.cost.summary(),
      markers: this.markers.slice(),
    };
  }

  private readonly streamEdgeTotals = new Map<
    string,
    { read: number; bytes: number; at: number; live: EdgeLive; activity: EdgeActivity }
  >();
  /** Stream → consumer edges: records and bytes the consumer read over the last simulated second(s). */
  private streamEdgeLive(id: string, e: EdgeState): EdgeLive {
    const stream = this.runtimes.get(e.edge.source) as StreamRuntime;
    const k = stream.consumers.find((c) => c.edgeId === id);
    if (!k) return e.last;
    const prev = this.streamEdgeTotals.get(id) ?? {
      read: 0,
      bytes: 0,
      at: 0,
      live: e.last,
      activity: new EdgeActivity(),
    };
    const dt = (this.clock.nowMs - prev.at) / 1000;
    if (dt < 1) return prev.live;
    const live = prev.activity.close(
      this.clock.nowMs,
      (k.read - prev.read) / dt,
      (k.readBytes - prev.bytes) / dt,
      0,
    );
    this.streamEdgeTotals.set(id, {
      read: k.read,
      bytes: k.readBytes,
      at: this.clock.nowMs,
      live,
      activity: prev.activity,
    });
    return live;
  }

  /** Incoming edge count per node id, for deliveryEdgeLive (built on the first frame). */
  private incoming: Map<string, number> | null = null;
  /**
   * Firehose → destination edges: a delivery stream writes objects (S3), COPYs (Redshift) and bulk
   * requests (OpenSearch) straight into its destinations, not through `send`, so the edge's own
   * meter never moves. When the destination has no other incoming edge, what came into it over
   * the last simulated second is what crossed this edge (refused records, during an outage, as
   * throttled); between flushes its last active second is the destination's last input.
   */
  private deliveryEdgeLive(e: EdgeState, nodes: Record<string, NodeLive>): EdgeLive {
    if (!this.incoming) {
      this.incoming = new Map();
      for (const x of this.doc.edges) this.incoming.set(x.target, (this.incoming.get(x.target) ?? 0) + 1);
    }
    const target = nodes[e.edge.target];
    if (!target || this.incoming.get(e.edge.target) !== 1) return e.last;
    const live: EdgeLive = {
      recordsPerSec: target.inRecordsPerSec,
      bytesPerSec: target.inBytesPerSec,
      throttledPerSec: target.throttledPerSec,
    };
    const last = target.activity?.lastIn;
    if (live.recordsPerSec === 0 && last) live.lastActive = last;
    return live;
  }

  report(): RunReport {
    return buildReport({
      doc: this.doc,
      seed: this.ctx.seed,
      nowMs: this.clock.nowMs,
      metrics: this.metrics,
      cost: this.cost,
      runtimes: this.runtimes,
      markers: this.markers,
    });
  }

  applyEdit(edit: LiveEdit): { applied: boolean; reason?: string } {
    const rt = this.runtimes.get(edit.nodeId);
    if (!rt) return { applied: false, reason: `No node ${edit.nodeId}.` };
    if (!rt.applyEdit) return { applied: false, reason: `A ${rt.kind} node has no live settings.` };
    const r = rt.applyEdit(edit, this.clock.nowMs);
    if (r.applied && edit.type !== 'shardCount') {
      this.markers.push({
        atMs: this.clock.nowMs,
        nodeId: edit.nodeId,
        type: 'edit',
        label: describeEdit(edit),
      });
    }
    return r;
  }

  injectFault(event: TimelineEvent): void {
    this.events.push({ event, active: false, ended: false });
  }

  peek(target: { nodeId: string } | { edgeId: string }, limit: number): PeekRecord[] {
    if ('nodeId' in target) return this.runtimes.get(target.nodeId)?.peek(limit) ?? [];
    const e = this.edges.get(target.edgeId);
    if (!e) return [];
    const src = this.runtimes.get(e.edge.source);
    return src instanceof StreamRuntime ? src.peek(limit) : e.peeks.latest(limit);
  }

  destination(nodeId: string): DestinationContents | undefined {
    return this.runtimes.get(nodeId)?.destination?.();
  }

  sqlResults(nodeId: string): SqlStreamRows[] {
    return this.runtimes.get(nodeId)?.sqlResults?.() ?? [];
  }

  metricsCsv(nodeId: string): string {
    return this.metrics.secondsCsv(nodeId);
  }
}

function describeEvent(e: TimelineEvent): string {
  switch (e.type) {
    case 'destinationOutage':
      return `Outage ${e.fromSec}–${e.toSec} s`;
    case 'lambdaErrorRate':
      return `Lambda error rate ${Math.round(e.errorRate * 100)}% ${e.fromSec}–${e.toSec} s`;
    case 'producerSurge':
      return `Producer surge ×${e.multiplier} ${e.fromSec}–${e.toSec} s`;
    case 'hotKey':
      return `Hot key "${e.key}" ${Math.round(e.share * 100)}% ${e.fromSec}–${e.toSec} s`;
  }
}

function describeEdit(e: LiveEdit): string {
  switch (e.type) {
    case 'shardCount':
      return `Shard count → ${e.shardCount}`;
    case 'batchSize':
      return `Batch size → ${e.batchSize}`;
    case 'parallelizationFactor':
      return `Parallelization factor → ${e.parallelizationFactor}`;
    case 'bufferHints':
      return `Buffer → ${e.bufferSizeMiB} MiB / ${e.bufferIntervalSec} s`;
    case 'producerRate':
      return `Producer rate ×${e.multiplier}`;
  }
}
