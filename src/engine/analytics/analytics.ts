/**
 * The Analytics (KDA for SQL) node runtime. It reads its source stream like a polling consumer
 * (each shard once per simulated second) or takes pushed records, maps each record to a row of
 * `<prefix>_001` (ROWTIME = the simulated time it reached the application), runs the SQL
 * application (src/sql) and advances its time every tick so windows close on time. Rows of
 * the in-application streams named in `outputs` leave as JSON (or CSV) records to the wired node;
 * `sqlResults()` keeps the latest rows of every in-application stream. KPUs bill per hour.
 */
import type { AnalyticsConfig, PipelineNodeOf } from '../../model/types.ts';
import type { Column, Row, SqlValue } from '../../sql/index.ts';
import { createSqlApp, ERROR_STREAM, formatTimestamp, formatValue, type SqlApp } from '../../sql/index.ts';
import type { NodeLive, PeekRecord, SqlStreamRows } from '../api.ts';
import { TICKS_PER_SEC } from '../clock.ts';
import { RecordBatch, utf8Length } from '../records.ts';
import {
  balance,
  type Conservation,
  type EngineContext,
  emptyLive,
  type NodeRuntime,
  type NodeWiring,
  PeekRing,
  READ_THROTTLED,
  truncateForPeek,
} from '../runtime.ts';
import { createRowMapper, rowToCsv, rowToJson, toColumns } from './rows.ts';

/** Latest rows kept per in-application stream for the studio. */
const KEEP_ROWS = 50;
/** Parsed rows cached per payload (records that reuse a rendered sample share its row). */
const ROW_CACHE = 4096;

export function createAnalyticsRuntime(
  node: PipelineNodeOf<'analytics'>,
  ctx: EngineContext,
  wiring: NodeWiring,
): NodeRuntime {
  return new AnalyticsRuntime(node.id, node.config, ctx, wiring);
}

interface StreamRows {
  columns: Column[];
  rows: Row[];
  total: number;
}

export class AnalyticsRuntime implements NodeRuntime {
  readonly kind = 'analytics' as const;
  private readonly app: SqlApp | null;
  private readonly sqlError: string | null;
  private readonly input: string;
  private readonly mapRow: (text: string) => SqlValue[] | null;
  private readonly inbox = new RecordBatch(1024);
  private readonly out = new RecordBatch(256);
  private readonly results = new Map<string, StreamRows>();
  private readonly rowCache = new Map<number, SqlValue[] | null>();
  private readonly peeks = new PeekRing(30);
  private readonly outputEdges = new Map<string, { edgeId: string; format: 'JSON' | 'CSV' }[]>();
  private tickNo = 0;
  received = 0;
  rowsIn = 0;
  unparsed = 0;
  rowsOut = 0;
  outputRecords = 0;
  private secIn = 0;
  private secOut = 0;
  /** Bytes in and out this simulated second; out counts each output row once (its first target). */
  private secInBytes = 0;
  private secOutBytes = 0;
  private last = { in: 0, out: 0, inBytes: 0, outBytes: 0 };
  private readonly h: { in: number; out: number; errors: number };

  constructor(
    readonly id: string,
    private readonly cfg: AnalyticsConfig,
    private readonly ctx: EngineContext,
    private readonly wiring: NodeWiring,
  ) {
    this.input = `${cfg.inputNamePrefix}_001`;
    const columns = toColumns(cfg.columns);
    this.mapRow = createRowMapper(
      cfg.inputFormat,
      cfg.recordRowPath,
      cfg.columns,
      columns,
      cfg.csvColumnDelimiter,
    );
    let app: SqlApp | null = null;
    let err: string | null = null;
    try {
      const reference = cfg.reference ? [referenceTable(cfg.reference)] : undefined;
      app = createSqlApp(cfg.sql, {
        inputs: [{ name: this.input, columns }],
        reference,
        seed: ctx.rngFor(id, 'sql').nextU32(),
      });
    } catch (e) {
      err = (e as Error).message;
    }
    this.app = app;
    this.sqlError = err;
    for (const s of app?.streams ?? []) this.results.set(s.name, { columns: s.columns, rows: [], total: 0 });
    this.routeOutputs();
    this.h = {
      in: ctx.metrics.register(id, 'InputRecords'),
      out: ctx.metrics.register(id, 'OutputRecords'),
      errors: ctx.metrics.register(id, 'ErrorStreamRows'),
    };
  }

  /** Which in-application stream goes to which outgoing edge (KDA: at most 3 outputs). */
  private routeOutputs(): void {
    const streams = (this.app?.streams ?? []).map((s) => s.name);
    const find = (name: string) => streams.find((s) => s.toUpperCase() === name.toUpperCase());
    for (const o of this.cfg.outputs) {
      const edge = this.wiring.outputs.find((w) => w.targetId === o.edgeTarget);
      const stream = find(o.inAppStream);
      if (!edge || !stream) continue;
      const list = this.outputEdges.get(stream) ?? [];
      list.push({ edgeId: edge.edgeId, format: o.format });
      this.outputEdges.set(stream, list);
    }
    // Wired but not configured: the first stream the SQL creates (not error_stream) feeds them.
    const configured = new Set(this.cfg.outputs.map((o) => o.edgeTarget));
    const first = streams.find((s) => s !== ERROR_STREAM && !s.startsWith(this.cfg.inputNamePrefix));
    for (const w of this.wiring.outputs) {
      if (configured.has(w.targetId) || !first) continue;
      const list = this.outputEdges.get(first) ?? [];
      list.push({ edgeId: w.edgeId, format: 'JSON' });
      this.outputEdges.set(first, list);
    }
  }

  accept(batch: RecordBatch, start: number, end: number): number {
    this.inbox.append(batch, start, end);
    return end - start;
  }

  tick(nowMs: number): void {
    for (const input of this.wiring.streamInputs) {
      const r = input.reader;
      for (let s = 0; s < r.shardCount(); s++) {
        if ((s + this.tickNo) % TICKS_PER_SEC !== 0 || !r.isOpen(s)) continue;
        if (r.getRecords(s, 10000, 10 * 1024 * 1024, this.inbox) === READ_THROTTLED) continue;
      }
    }
    this.tickNo++;
    const epoch = this.ctx.clock.startEpochMs + nowMs;
    const n = this.inbox.length;
    this.received += n;
    this.secIn += n;
    for (let i = 0; i < n; i++) this.secInBytes += this.inbox.bytes[i];
    if (this.app) {
      for (let i = 0; i < n; i++) {
        const values = this.rowFor(this.inbox.payload[i]);
        if (!values) {
          this.unparsed++;
          continue;
        }
        this.app.push(this.input, { rowtime: epoch, values: values.slice() });
        this.rowsIn++;
      }
      this.app.advanceTo(epoch);
      this.collect(nowMs);
    } else this.unparsed += n;
    this.inbox.clear();
  }

  private rowFor(payload: number): SqlValue[] | null {
    const cached = this.rowCache.get(payload);
    if (cached !== undefined) return cached;
    const text = this.ctx.payloads.get(payload);
    const row = text === undefined ? null : this.mapRow(text);
    if (this.rowCache.size >= ROW_CACHE) this.rowCache.clear();
    this.rowCache.set(payload, row);
    return row;
  }

  private collect(nowMs: number): void {
    const app = this.app as SqlApp;
    for (const { stream, row } of app.drain()) {
      const r = this.results.get(stream);
      if (r) {
        r.total++;
        r.rows.push(row);
        if (r.rows.length > KEEP_ROWS) r.rows.shift();
      }
      if (stream === ERROR_STREAM) this.ctx.metrics.add(this.h.errors, 1);
      const targets = this.outputEdges.get(stream);
      if (!targets || !r) continue;
      this.rowsOut++;
      this.secOut++;
      for (const t of targets) {
        const text =
          t.format === 'CSV'
            ? `${rowToCsv(r.columns, row.values)}\n`
            : `${rowToJson(r.columns, row.values)}\n`;
        const payload = this.ctx.payloads.add(text);
        this.out.clear();
        // KDA writes to a stream with a random partition key.
        const key = this.ctx.keys.intern(String(this.rowsOut % 1024));
        this.out.push(
          key,
          utf8Length(text),
          nowMs,
          row.rowtime - this.ctx.clock.startEpochMs,
          -1,
          payload,
          1,
        );
        this.ctx.emitTo(t.edgeId, this.out, 0, 1, null);
        this.outputRecords++;
        if (t === targets[0]) this.secOutBytes += utf8Length(text);
        if (this.outputRecords % 10 === 1) {
          this.peeks.push({
            atMs: nowMs,
            partitionKey: this.ctx.keys.text(key),
            bytes: utf8Length(text),
            data: truncateForPeek(text),
          });
        }
      }
    }
  }

  closeSecond(): void {
    const m = this.ctx.metrics;
    m.add(this.h.in, this.secIn);
    m.add(this.h.out, this.secOut);
    this.last = { in: this.secIn, out: this.secOut, inBytes: this.secInBytes, outBytes: this.secOutBytes };
    this.secIn = 0;
    this.secOut = 0;
    this.secInBytes = 0;
    this.secOutBytes = 0;
    // KDA for SQL bills the KPUs it runs per hour (§2.6.2).
    this.ctx.cost.accrue(this.id, 'kda.kpuHour', this.cfg.kpus / 3600);
  }

  live(): NodeLive {
    return {
      ...emptyLive(),
      inRecordsPerSec: this.last.in,
      inBytesPerSec: this.last.inBytes,
      outRecordsPerSec: this.last.out,
      outBytesPerSec: this.last.outBytes,
      counters: this.counters(),
    };
  }

  counters(): Record<string, number> {
    return {
      received: this.received,
      rowsIn: this.rowsIn,
      unparsed: this.unparsed,
      rowsOut: this.rowsOut,
      outputRecords: this.outputRecords,
      sqlErrors: this.sqlError ? 1 : 0,
    };
  }

  conservation(): Conservation {
    return balance(
      'received',
      this.received,
      { rowsIn: this.rowsIn, unparsed: this.unparsed },
      this.sqlError ? `SQL does not compile: ${this.sqlError}` : 'SQL output rows are derived, not conserved',
    );
  }

  peek(limit: number): PeekRecord[] {
    return this.peeks.latest(limit);
  }

  sqlResults(): SqlStreamRows[] {
    const out: SqlStreamRows[] = [];
    for (const [stream, r] of this.results) {
      out.push({
        stream,
        columns: ['ROWTIME', ...r.columns.map((c) => c.name)],
        rows: r.rows.map((row) => [
          formatTimestamp(row.rowtime),
          ...r.columns.map((c, i) => formatValue(row.values[i] ?? null, c.type)),
        ]),
        total: r.total,
      });
    }
    return out;
  }
}

function referenceTable(ref: NonNullable<AnalyticsConfig['reference']>): {
  name: string;
  columns: Column[];
  rows: Row[];
} {
  const columns = toColumns(ref.columns);
  const map = createRowMapper('JSON', '$', ref.columns, columns, ',');
  const rows: Row[] = [];
  for (const line of ref.rowsJsonl.split('\n')) {
    if (!line.trim()) continue;
    const v = map(line);
    if (v) rows.push({ rowtime: 0, values: v });
  }
  return { name: ref.tableName, columns, rows };
}
