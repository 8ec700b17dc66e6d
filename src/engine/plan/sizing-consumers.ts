/**
 * Sizing answers beyond the stream (issue 12):
 * - Lambda reading a stream: the ParallelizationFactor (1–10) and concurrency that keep its
 *   iterator age flat, i.e. process each shard's records at least as fast as they arrive, at the
 *   headroom (default 80 %). A batch slot handles batchSize records per modelled duration; a
 *   shard runs `factor` slots at once; the busiest shard decides (a hot key's shard takes up to
 *   its 1,000 records/s write limit).
 * - Firehose: buffer size (1–128 MiB) and interval (0–900 s) for a target object size (default
 *   64 MiB): size = the target, interval = the time the mean load takes to fill it (+10 %, so the
 *   size triggers first), capped at 900 s, when the load cannot fill it in 900 s objects are
 *   smaller and the answer says how big.
 * Rates are records or bytes per simulated second; sizes MiB = 1,048,576 bytes.
 */
import type { LambdaConfig, PipelineDoc } from '../../model/types.ts';
import { designLoad } from './load.ts';
import { SHARD_WRITE_RECORDS, sizeStream } from './sizing.ts';

const MIB = 1024 * 1024;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmt1 = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US');
/** Bytes/s in the unit that keeps a figure readable: B/s, KiB/s or MiB/s. */
const rate = (b: number) =>
  b >= MIB ? `${fmt1(b / MIB)} MiB/s` : b >= 1024 ? `${fmt1(b / 1024)} KiB/s` : `${fmt(b)} B/s`;
const rateJa = (b: number) => rate(b).replace('/s', '/秒');
/** An object size in MiB, or KiB below 0.1 MiB. */
const size = (mib: number) => (mib >= 0.1 ? `${fmt1(mib)} MiB` : `${fmt1(mib * 1024)} KiB`);

export interface LambdaSizing {
  lambdaId: string;
  streamId: string;
  /** Shards the answer assumes (the stream's, or the count the caller plans). */
  shards: number;
  /** Records/s into the busiest shard at peak. */
  busiestShardRecordsPerSec: number;
  /** Records/s one batch slot processes: batchSize ÷ modelled duration. */
  recordsPerSecPerSlot: number;
  /** ParallelizationFactor that keeps up (1–10); 10 when even 10 does not (see `keepsUp`). */
  parallelizationFactor: number;
  /** Concurrent executions at that factor: shards × factor. */
  concurrency: number;
  keepsUp: boolean;
  reason: { en: string; ja: string };
}

export interface FirehoseSizing {
  firehoseId: string;
  targetObjectMiB: number;
  /** Mean bytes/s into the delivery stream (before compression). */
  bytesPerSec: number;
  bufferSizeMiB: number;
  bufferIntervalSec: number;
  /** Object size those settings give at this load (MiB, before compression). */
  objectMiB: number;
  reason: { en: string; ja: string };
}

/** Mean modelled duration of one batch of `n` records (ms). */
function batchMs(cfg: LambdaConfig, n: number): number {
  const d = cfg.duration;
  return d.type === 'fixed' ? d.ms : Math.max(1, d.baseMs + d.perRecordMs * n);
}

export function sizeLambda(
  doc: PipelineDoc,
  lambdaId: string,
  streamId: string,
  opts: { headroom?: number; shards?: number } = {},
): LambdaSizing | null {
  const fn = doc.nodes.find((n) => n.id === lambdaId);
  const st = doc.nodes.find((n) => n.id === streamId);
  if (fn?.kind !== 'lambda' || st?.kind !== 'stream' || fn.config.use !== 'consumer') return null;
  const headroom = opts.headroom ?? 0.8;
  const s = sizeStream(doc, streamId, headroom);
  const shards = opts.shards ?? (st.config.capacityMode === 'onDemand' ? 4 : st.config.shardCount);
  // The busiest shard: an even share of the keys without a shard of their own, plus the hottest
  // key's load; no shard takes more than its write limit.
  const hot = s.hotKeys[0]?.recordsPerSec ?? 0;
  const even = (s.peakRecordsPerSec - hot) / shards;
  const busiest = Math.min(SHARD_WRITE_RECORDS, even + hot, s.peakRecordsPerSec);
  const cfg = fn.config;
  const batch = Math.max(1, Math.min(cfg.esm.batchSize, 10_000));
  const perSlot = (batch / batchMs(cfg, batch)) * 1000;
  const need = Math.max(1, Math.ceil(busiest / (perSlot * headroom) - 1e-9));
  const factor = Math.min(10, need);
  const keepsUp = need <= 10;
  const concurrency = shards * factor;
  const pct = Math.round(headroom * 100);
  const durationText = `${fmt(batchMs(cfg, batch))} ms`;
  let en = `ParallelizationFactor ${factor}, concurrency ${fmt(concurrency)} (${shards} shard(s) × ${factor}): the busiest shard takes ${fmt(busiest)} records/s; one batch of ${fmt(batch)} takes ${durationText}, so a batch slot handles ${fmt1(perSlot)} records/s; ${fmt(busiest)} ÷ (${fmt1(perSlot)} × ${pct} %) = ${fmt1(busiest / (perSlot * headroom))} slots per shard.`;
  let ja = `ParallelizationFactor ${factor}、同時実行数 ${fmt(concurrency)} (${shards} シャード × ${factor}): 最も負荷の高いシャードは ${fmt(busiest)} 件/秒。${fmt(batch)} 件のバッチ 1 回に ${durationText} かかるため、1 スロットで ${fmt1(perSlot)} 件/秒。${fmt(busiest)} ÷ (${fmt1(perSlot)} × ${pct} %) = シャードあたり ${fmt1(busiest / (perSlot * headroom))} スロット。`;
  if (!keepsUp) {
    en += ` Even 10 (the maximum) falls behind and the iterator age will grow: raise the batch size, make the function faster, or add shards.`;
    ja += ` 最大の 10 でも追いつかず、イテレーターの経過時間は増え続けます: バッチサイズを上げる、関数を速くする、またはシャードを増やしてください。`;
  }
  const limit = cfg.reservedConcurrency > 0 ? cfg.reservedConcurrency : 1000;
  if (concurrency > limit) {
    const what = cfg.reservedConcurrency > 0 ? `its reserved concurrency (${limit})` : `the account's 1,000`;
    const whatJa = cfg.reservedConcurrency > 0 ? `予約済み同時実行数 (${limit})` : `アカウントの上限 1,000`;
    en += ` That exceeds ${what}: raise it.`;
    ja += ` これは${whatJa}を超えます: 引き上げてください。`;
  }
  return {
    lambdaId,
    streamId,
    shards,
    busiestShardRecordsPerSec: busiest,
    recordsPerSecPerSlot: perSlot,
    parallelizationFactor: factor,
    concurrency,
    keepsUp,
    reason: { en, ja },
  };
}

export const DEFAULT_OBJECT_MIB = 64;

export function sizeFirehose(
  doc: PipelineDoc,
  firehoseId: string,
  targetObjectMiB = DEFAULT_OBJECT_MIB,
): FirehoseSizing | null {
  const fh = doc.nodes.find((n) => n.id === firehoseId);
  if (fh?.kind !== 'firehose') return null;
  const target = Math.min(128, Math.max(1, targetObjectMiB));
  const bytes = designLoad(doc).get(firehoseId)?.bytesPerSec ?? 0;
  const buffer = Math.ceil(target);
  const fill = bytes > 0 ? (buffer * MIB) / bytes : Number.POSITIVE_INFINITY;
  const interval = Math.min(900, Math.max(0, Math.ceil(fill * 1.1)));
  const objectMiB = Math.min(buffer, (bytes * interval) / MIB);
  let en: string;
  let ja: string;
  if (fill * 1.1 <= 900) {
    en = `Buffer ${buffer} MiB, interval ${interval} s: at ${rate(bytes)} the buffer reaches ${buffer} MiB in ${fmt1(fill)} s, before the interval (${fmt1(fill)} s + 10 %), so objects are ${buffer} MiB (before compression).`;
    ja = `バッファ ${buffer} MiB、間隔 ${interval} 秒: ${rateJa(bytes)} ではバッファは ${fmt1(fill)} 秒で ${buffer} MiB に達し、間隔 (${fmt1(fill)} 秒 + 10 %) より先なので、オブジェクトは ${buffer} MiB (圧縮前) になります。`;
  } else {
    en = `Buffer ${buffer} MiB, interval 900 s (the longest): at ${rate(bytes)}, 900 s hold only ${size(objectMiB)}, so objects are ${size(objectMiB)}, smaller than the ${buffer} MiB target (before compression); only more load per delivery stream would fill them.`;
    ja = `バッファ ${buffer} MiB、間隔 900 秒 (最長): ${rateJa(bytes)} では 900 秒で ${size(objectMiB)} しか溜まらないため、オブジェクトは目標の ${buffer} MiB より小さい ${size(objectMiB)} (圧縮前) になります。配信ストリームあたりの負荷が増えない限り大きくなりません。`;
  }
  return {
    firehoseId,
    targetObjectMiB: target,
    bytesPerSec: bytes,
    bufferSizeMiB: buffer,
    bufferIntervalSec: interval,
    objectMiB: Math.round(objectMiB * 1000) / 1000,
    reason: { en, ja },
  };
}

export interface DesignSizing {
  lambdas: LambdaSizing[];
  firehoses: FirehoseSizing[];
}

/**
 * Every Lambda that reads a stream and every Firehose of the design. `shardsOf` overrides a
 * stream's shard count (the plan command passes its recommendation).
 */
export function sizeConsumers(
  doc: PipelineDoc,
  opts: { headroom?: number; targetObjectMiB?: number; shardsOf?: Record<string, number> } = {},
): DesignSizing {
  const lambdas: LambdaSizing[] = [];
  for (const e of doc.edges) {
    const src = doc.nodes.find((n) => n.id === e.source);
    if (src?.kind !== 'stream') continue;
    const l = sizeLambda(doc, e.target, e.source, {
      headroom: opts.headroom,
      shards: opts.shardsOf?.[e.source],
    });
    if (l) lambdas.push(l);
  }
  const firehoses: FirehoseSizing[] = [];
  for (const n of doc.nodes) {
    const f = n.kind === 'firehose' ? sizeFirehose(doc, n.id, opts.targetObjectMiB) : null;
    if (f) firehoses.push(f);
  }
  return { lambdas, firehoses };
}
