/**
 * Firehose → destination delivery with AWS's retry rules (AWS docs: Destinations):
 * - S3: a failed PUT is retried (every RETRY_EVERY_MS) for up to 24 h, then the data is lost;
 * - Redshift: the batch is staged as an S3 object in the bucket, then loaded by COPY, one COPY at a
 *   time (a new COPY starts when the previous one finishes); a failing COPY is retried for the
 *   retry duration (default 3,600 s), then skipped with a manifest under `errors/manifests/`;
 * - OpenSearch: one bulk request per buffer; retried for the retry duration (default 300 s), then
 *   the documents go to the bucket under `AmazonOpenSearchService-failed/` as JSON lines in AWS's
 *   shape; with backup mode AllDocuments every document is also written to the bucket.
 * Records are counted as delivered only when the main destination took them.
 */

import type { FirehoseConfig } from '../../model/types.ts';
import type { S3Object } from '../api.ts';
import type { OpenSearchRuntime } from '../destinations/opensearch.ts';
import type { RedshiftRuntime } from '../destinations/redshift.ts';
import type { S3Runtime } from '../destinations/s3.ts';
import type { RecordBatch } from '../records.ts';
import type { Rng } from '../rng.ts';
import type { EngineContext } from '../runtime.ts';
import { toBase64 } from '../usercode/index.ts';
import { BODY_LIMIT_BYTES, buildObject } from './compress.ts';
import { evaluatePrefix, objectName, rotatedIndexName, seededUuid } from './naming.ts';

/** Pause between delivery retries (sim ms). */
export const RETRY_EVERY_MS = 5_000;
export const S3_RETRY_MS = 24 * 3600_000;
/** COPY time model: a fixed start-up plus a per-row load time (sim ms). */
const COPY_BASE_MS = 1_000;
const COPY_MS_PER_ROW = 0.01;
const SAMPLE_ROWS = 50;

export interface Targets {
  main: 's3' | 'redshift' | 'opensearch' | null;
  bucket: S3Runtime | null;
  redshift: RedshiftRuntime | null;
  opensearch: OpenSearchRuntime | null;
}

interface Delivery {
  rows: RecordBatch;
  rawBytes: number;
  firstAttemptMs: number;
  nextAttemptMs: number;
  attempts: number;
  /** S3 object to write (data, staging, backup or error); built once so retries keep its key. */
  object: S3Object | null;
  /** What happens once the object is in the bucket. */
  purpose: 'delivered' | 'copy' | 'backup' | 'error';
}

export interface DeliveryCounts {
  delivered: number;
  lostAfterS3Retries: number;
  skippedCopies: number;
  failedToBackup: number;
  backedUp: number;
}

export class DeliveryManager {
  private readonly s3Queue: Delivery[] = [];
  private readonly copyQueue: Delivery[] = [];
  private copying: { d: Delivery; endMs: number } | null = null;
  private readonly bulkQueue: Delivery[] = [];
  readonly counts: DeliveryCounts = {
    delivered: 0,
    lostAfterS3Retries: 0,
    skippedCopies: 0,
    failedToBackup: 0,
    backedUp: 0,
  };
  private docCounter = 0;

  constructor(
    private readonly ctx: EngineContext,
    private readonly name: string,
    private readonly config: FirehoseConfig,
    private readonly rng: Rng,
    private readonly version: () => number,
    private readonly metric: (name: string, value: number, agg?: 'sum' | 'avg') => void,
  ) {}

  /** Records accepted by Firehose and not yet delivered, failed or skipped. */
  inFlight(): number {
    let n = 0;
    for (const d of this.s3Queue) if (d.purpose !== 'backup' && d.purpose !== 'error') n += d.rows.length;
    for (const d of this.copyQueue) n += d.rows.length;
    if (this.copying) n += this.copying.d.rows.length;
    for (const d of this.bulkQueue) n += d.rows.length;
    return n;
  }

  oldestArrivalMs(): number {
    let m = Number.POSITIVE_INFINITY;
    const look = (d: Delivery) => {
      if (d.rows.length > 0 && d.rows.arrivalMs[0] < m) m = d.rows.arrivalMs[0];
    };
    for (const d of this.s3Queue) if (d.purpose === 'delivered' || d.purpose === 'copy') look(d);
    for (const d of this.copyQueue) look(d);
    if (this.copying) look(this.copying.d);
    for (const d of this.bulkQueue) look(d);
    return m;
  }

  /**
   * Record texts for the object body. Stops (with an unknown entry, so no body is kept) once the
   * text passes the body limit: the compression ratio is then measured on what was collected.
   */
  private texts(rows: RecordBatch): (string | undefined)[] {
    const out: (string | undefined)[] = [];
    let chars = 0;
    for (let i = 0; i < rows.length; i++) {
      const t = rows.payload[i] >= 0 ? this.ctx.payloads.get(rows.payload[i]) : undefined;
      out.push(t);
      chars += t?.length ?? 0;
      if (chars > BODY_LIMIT_BYTES && i + 1 < rows.length) {
        out.push(undefined);
        break;
      }
    }
    return out;
  }

  private makeObject(
    rows: RecordBatch,
    rawBytes: number,
    nowMs: number,
    kind: S3Object['kind'],
    prefix: string,
  ): S3Object {
    const start = this.ctx.clock.startEpochMs;
    const oldest = start + (rows.length > 0 ? rows.arrivalMs[0] : nowMs);
    const compression = kind === 'error' ? 'UNCOMPRESSED' : this.config.compression;
    const name = objectName(this.name, this.version(), start + nowMs, seededUuid(this.rng));
    const converted = kind === 'data' && this.config.formatConversion !== 'NONE';
    const built = converted
      ? convertedObject(this.texts(rows), rawBytes)
      : buildObject(this.texts(rows), rawBytes, compression, name);
    const ext = converted
      ? `.${this.config.formatConversion.toLowerCase()}`
      : compression === 'GZIP'
        ? '.gz'
        : compression === 'ZIP'
          ? '.zip'
          : compression === 'Snappy' || compression === 'HADOOP_SNAPPY'
            ? '.snappy'
            : '';
    return {
      key: `${evaluatePrefix(prefix, oldest, this.rng)}${name}${ext}`,
      sizeBytes: built.sizeBytes,
      records: rows.length,
      atMs: nowMs,
      compression: converted ? this.config.formatConversion : compression,
      body: built.body,
      firstRecords: built.firstRecords,
      kind,
    };
  }

  /** A full destination buffer is ready. */
  deliver(rows: RecordBatch, rawBytes: number, targets: Targets, nowMs: number): void {
    const d: Delivery = {
      rows,
      rawBytes,
      firstAttemptMs: nowMs,
      nextAttemptMs: nowMs,
      attempts: 0,
      object: null,
      purpose: 'delivered',
    };
    if (targets.main === 'opensearch') this.bulkQueue.push(d);
    else {
      d.purpose = targets.main === 'redshift' ? 'copy' : 'delivered';
      d.object = this.makeObject(
        rows,
        rawBytes,
        nowMs,
        targets.main === 'redshift' ? 'staging' : 'data',
        this.config.prefix,
      );
      this.s3Queue.push(d);
    }
  }

  /** Source-record backup (S3 backup mode Enabled): written like data, under `source-records/`. */
  backup(rows: RecordBatch, rawBytes: number, nowMs: number): void {
    const object = this.makeObject(rows, rawBytes, nowMs, 'backup', `source-records/${this.config.prefix}`);
    this.s3Queue.push({
      rows,
      rawBytes,
      firstAttemptMs: nowMs,
      nextAttemptMs: nowMs,
      attempts: 0,
      object,
      purpose: 'backup',
    });
  }

  /** Records to write as JSON lines under an error prefix (processing-failed, OpenSearch-failed). */
  errorOutput(lines: string[], rows: RecordBatch, errorType: string, nowMs: number): void {
    const base = this.config.errorOutputPrefix || `${errorType}/`;
    const start = this.ctx.clock.startEpochMs;
    const oldest = start + (rows.length > 0 ? rows.arrivalMs[0] : nowMs);
    const text = lines.join('\n');
    const name = objectName(this.name, this.version(), start + nowMs, seededUuid(this.rng));
    const built = buildObject([text], text.length, 'UNCOMPRESSED', name);
    const object: S3Object = {
      key: `${evaluatePrefix(base, oldest, this.rng, errorType)}${name}`,
      sizeBytes: built.sizeBytes,
      records: rows.length,
      atMs: nowMs,
      compression: 'UNCOMPRESSED',
      body: built.body,
      firstRecords: lines.slice(0, 5),
      kind: 'error',
    };
    this.s3Queue.push({
      rows,
      rawBytes: text.length,
      firstAttemptMs: nowMs,
      nextAttemptMs: nowMs,
      attempts: 0,
      object,
      purpose: 'error',
    });
  }

  tick(targets: Targets, nowMs: number): void {
    this.tickS3(targets, nowMs);
    this.tickCopy(targets, nowMs);
    this.tickBulk(targets, nowMs);
  }

  private tickS3(targets: Targets, nowMs: number): void {
    for (let k = 0; k < this.s3Queue.length; k++) {
      const d = this.s3Queue[k];
      if (nowMs < d.nextAttemptMs || !d.object || !targets.bucket) continue;
      d.attempts++;
      const ok = targets.bucket.putObject(d.object);
      const isData = d.purpose === 'delivered' || d.purpose === 'copy';
      if (isData) this.metric('DeliveryToS3.Success', ok ? 1 : 0, 'avg');
      if (d.purpose === 'backup') this.metric('BackupToS3.Success', ok ? 1 : 0, 'avg');
      if (ok) {
        this.s3Queue.splice(k--, 1);
        if (isData || d.purpose === 'backup') {
          const pre = d.purpose === 'backup' ? 'BackupToS3' : 'DeliveryToS3';
          this.metric(`${pre}.Records`, d.rows.length);
          this.metric(`${pre}.Bytes`, d.object.sizeBytes);
          if (isData) this.metric('DeliveryToS3.ObjectCount', 1);
        }
        if (d.purpose === 'delivered') this.counts.delivered += d.rows.length;
        else if (d.purpose === 'copy')
          this.copyQueue.push({ ...d, firstAttemptMs: nowMs, nextAttemptMs: nowMs, attempts: 0 });
        else if (d.purpose === 'backup') this.counts.backedUp += d.rows.length;
      } else if (nowMs - d.firstAttemptMs >= S3_RETRY_MS) {
        // S3 retries for 24 h; after that the data is lost (AWS docs: Destinations).
        this.s3Queue.splice(k--, 1);
        if (isData) this.counts.lostAfterS3Retries += d.rows.length;
      } else d.nextAttemptMs = nowMs + RETRY_EVERY_MS;
    }
  }

  private tickCopy(targets: Targets, nowMs: number): void {
    const rs = targets.redshift;
    if (!rs) return;
    if (this.copying && nowMs >= this.copying.endMs) {
      const d = this.copying.d;
      this.copying = null;
      const { columns, rows } = this.redshiftRows(d.rows);
      const ok = rs.copy(this.config.redshift.table, columns, rows, d.rows.length, d.rawBytes);
      this.metric('DeliveryToRedshift.Success', ok ? 1 : 0, 'avg');
      if (ok) {
        this.counts.delivered += d.rows.length;
        this.metric('DeliveryToRedshift.Records', d.rows.length);
        this.metric('DeliveryToRedshift.Bytes', d.rawBytes);
      } else if (nowMs - d.firstAttemptMs >= this.config.redshift.retryDurationSec * 1000) {
        // Skipped: a manifest of the staged object goes under errors/ for a manual backfill.
        this.counts.skippedCopies += d.rows.length;
        const manifest = JSON.stringify({
          entries: [{ url: `s3://bucket/${d.object?.key ?? ''}`, mandatory: true }],
        });
        this.errorOutput([manifest], d.rows, 'errors/manifests', nowMs);
      } else this.copyQueue.unshift({ ...d, nextAttemptMs: nowMs + RETRY_EVERY_MS });
    }
    if (!this.copying && this.copyQueue.length > 0 && nowMs >= this.copyQueue[0].nextAttemptMs) {
      const d = this.copyQueue.shift() as Delivery;
      d.attempts++;
      this.copying = { d, endMs: nowMs + COPY_BASE_MS + d.rows.length * COPY_MS_PER_ROW };
    }
  }

  /** Rows for the table: JSON records mapped onto `columns` (or the first record's keys). */
  private redshiftRows(rows: RecordBatch): { columns: string[]; rows: unknown[][] } {
    let columns = this.config.redshift.columns
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    const out: unknown[][] = [];
    for (let i = 0; i < rows.length && out.length < SAMPLE_ROWS; i++) {
      const text = rows.payload[i] >= 0 ? this.ctx.payloads.get(rows.payload[i]) : undefined;
      const obj = parseJson(text);
      if (!obj) continue;
      if (columns.length === 0) columns = Object.keys(obj);
      out.push(columns.map((c) => obj[c] ?? null));
    }
    return { columns, rows: out };
  }

  private tickBulk(targets: Targets, nowMs: number): void {
    const os = targets.opensearch;
    if (!os) return;
    const cfg = this.config.opensearch;
    for (let k = 0; k < this.bulkQueue.length; k++) {
      const d = this.bulkQueue[k];
      if (nowMs < d.nextAttemptMs) continue;
      d.attempts++;
      const perIndex = new Map<string, number>();
      const sample: { index: string; id: string; source: unknown }[] = [];
      const start = this.ctx.clock.startEpochMs;
      for (let i = 0; i < d.rows.length; i++) {
        const index = rotatedIndexName(cfg.indexName, cfg.rotation, start + d.rows.arrivalMs[i]);
        perIndex.set(index, (perIndex.get(index) ?? 0) + 1);
        if (sample.length < SAMPLE_ROWS) {
          const text = d.rows.payload[i] >= 0 ? this.ctx.payloads.get(d.rows.payload[i]) : undefined;
          const source = parseJson(text);
          if (source) sample.push({ index, id: `${this.docCounter + i}`, source });
        }
      }
      const ok = os.bulk(perIndex, sample, d.rawBytes);
      this.metric('DeliveryToAmazonOpenSearchService.Success', ok ? 1 : 0, 'avg');
      if (ok) {
        this.docCounter += d.rows.length;
        this.bulkQueue.splice(k--, 1);
        this.counts.delivered += d.rows.length;
        this.metric('DeliveryToAmazonOpenSearchService.Records', d.rows.length);
        this.metric('DeliveryToAmazonOpenSearchService.Bytes', d.rawBytes);
        if (this.config.backupMode === 'AllDocuments') this.backup(d.rows, d.rawBytes, nowMs);
      } else if (nowMs - d.firstAttemptMs >= cfg.retryDurationSec * 1000) {
        this.bulkQueue.splice(k--, 1);
        this.counts.failedToBackup += d.rows.length;
        this.errorOutput(this.failedDocLines(d, nowMs), d.rows, 'AmazonOpenSearchService-failed', nowMs);
      } else d.nextAttemptMs = nowMs + RETRY_EVERY_MS;
    }
  }

  /** AWS's failed-document shape (AWS docs: Destinations), one JSON line per document. */
  private failedDocLines(d: Delivery, nowMs: number): string[] {
    const start = this.ctx.clock.startEpochMs;
    const lines: string[] = [];
    const cfg = this.config.opensearch;
    for (let i = 0; i < d.rows.length && i < 1000; i++) {
      const text = d.rows.payload[i] >= 0 ? (this.ctx.payloads.get(d.rows.payload[i]) ?? '') : '';
      lines.push(
        JSON.stringify({
          attemptsMade: d.attempts,
          arrivalTimestamp: start + d.rows.arrivalMs[i],
          errorCode: 'OS.ServiceUnavailable',
          errorMessage: 'The domain was unreachable for the whole retry duration (simulated outage)',
          attemptEndingTimestamp: start + nowMs,
          esDocumentId: `${this.docCounter + i}`,
          esIndexName: rotatedIndexName(cfg.indexName, cfg.rotation, start + d.rows.arrivalMs[i]),
          esTypeName: '',
          rawData: toBase64(text),
        }),
      );
    }
    return lines;
  }
}

/**
 * Record format conversion (JSON → Parquet / ORC, AWS docs: Compression and format conversion) is modelled, not
 * produced: columnar files with Snappy inside come out at about the Snappy size of the JSON text.
 * No body is kept (the studio could not open it); the first records show the JSON that went in.
 */
function convertedObject(
  texts: (string | undefined)[],
  rawBytes: number,
): { sizeBytes: number; body?: Uint8Array; firstRecords: string[] } {
  const modelled = buildObject(texts, rawBytes, 'Snappy', 'converted');
  return { sizeBytes: modelled.sizeBytes, firstRecords: modelled.firstRecords };
}

function parseJson(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
