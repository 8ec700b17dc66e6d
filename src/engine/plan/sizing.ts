/**
 * The sizing answer for a data stream: the shard count its peak needs on every limit a shard has
 * (1,000 records/s and 1 MiB/s in; 2 MiB/s and 5 GetRecords calls/s shared by polling consumers;
 * 2 MiB/s per EFO consumer), at a target utilisation (headroom, default 80 %), with the reason in
 * words. A partition key whose own load exceeds one shard's write limit cannot be fixed by any
 * shard count (a key always maps to one shard): it is named instead.
 */
import type { PipelineDoc, ProducerConfig } from '../../model/types.ts';
import { meanRecordBytes, rateOf, sampleRecords } from './load.ts';

const MIB = 1024 * 1024;
export const SHARD_WRITE_RECORDS = 1000;
export const SHARD_WRITE_BYTES = MIB;
export const SHARD_READ_BYTES = 2 * MIB;

export interface HotKey {
  key: string;
  /** Peak records/s of this key alone. */
  recordsPerSec: number;
}

export interface StreamSizing {
  streamId: string;
  /** Shards the peak needs at the headroom; null for an on-demand stream. */
  shards: number;
  /** Which limit decides: 'records' | 'bytes' | 'read' | 'efo'. */
  bindingLimit: 'records' | 'bytes' | 'read';
  peakRecordsPerSec: number;
  peakBytesPerSec: number;
  pollingConsumers: number;
  efoConsumers: number;
  hotKeys: HotKey[];
  /** True when no shard count removes the throttling (hot keys, or > 5 polling consumers). */
  unfixable: boolean;
  reason: { en: string; ja: string };
}

/** Observed peaks override the design's when a run measured them (records/s, bytes/s). */
export interface ObservedPeak {
  recordsPerSec: number;
  bytesPerSec: number;
}

/** Per-key peak records/s a producer sends (keys with no share of their own are left out). */
export function keyLoads(cfg: ProducerConfig, peak: number): HotKey[] {
  const k = cfg.partitionKey;
  switch (k.type) {
    case 'hotKey':
      return [{ key: k.key, recordsPerSec: peak * k.share }];
    case 'zipf': {
      // Zipf weight of the first key (key-0): 1 / H(n, s).
      let h = 0;
      for (let i = 1; i <= Math.max(1, k.keys); i++) h += 1 / i ** k.exponent;
      return [{ key: 'key-0', recordsPerSec: peak / h }];
    }
    case 'explicitHashKey':
      return [{ key: `ExplicitHashKey ${k.hashKey}`, recordsPerSec: peak }];
    case 'field': {
      const counts = new Map<string, number>();
      const samples = sampleRecords(cfg, 40);
      for (const t of samples) {
        let v: unknown;
        try {
          v = (JSON.parse(t) as Record<string, unknown>)[k.field];
        } catch {
          v = undefined;
        }
        if (v !== undefined) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      }
      return [...counts].map(([key, n]) => ({ key, recordsPerSec: (peak * n) / samples.length }));
    }
    case 'random':
      return [];
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function sizeStream(
  doc: PipelineDoc,
  streamId: string,
  headroom = 0.8,
  observed?: ObservedPeak,
): StreamSizing {
  const producers = doc.edges
    .filter((e) => e.target === streamId)
    .map((e) => doc.nodes.find((n) => n.id === e.source))
    .filter((n) => n?.kind === 'producer');
  let peakRecords = 0;
  let peakBytes = 0;
  const keys = new Map<string, number>();
  for (const p of producers) {
    if (p?.kind !== 'producer') continue;
    let peak = rateOf(p.config.rate).peak;
    for (const ev of doc.timeline)
      if (ev.type === 'producerSurge' && ev.nodeId === p.id) peak = Math.max(peak, peak * ev.multiplier);
    peakRecords += peak;
    peakBytes += peak * meanRecordBytes(p.config);
    const loads = keyLoads(p.config, peak);
    for (const ev of doc.timeline)
      if (ev.type === 'hotKey' && ev.nodeId === p.id)
        loads.push({ key: ev.key, recordsPerSec: peak * ev.share });
    for (const l of loads) keys.set(l.key, (keys.get(l.key) ?? 0) + l.recordsPerSec);
  }
  if (observed) {
    peakRecords = Math.max(peakRecords, observed.recordsPerSec);
    peakBytes = Math.max(peakBytes, observed.bytesPerSec);
  }
  const outs = doc.edges.filter((e) => e.source === streamId);
  const efo = outs.filter((e) => e.config.readMode === 'efo').length;
  const polling = outs.length - efo;
  const byRecords = peakRecords / (SHARD_WRITE_RECORDS * headroom);
  const byBytes = peakBytes / (SHARD_WRITE_BYTES * headroom);
  // Polling consumers share a shard's 2 MiB/s: each reads every byte written.
  const byRead = (peakBytes * polling) / (SHARD_READ_BYTES * headroom);
  const need = Math.max(1, Math.ceil(Math.max(byRecords, byBytes, byRead) - 1e-9));
  const binding: StreamSizing['bindingLimit'] =
    byRead >= byRecords && byRead >= byBytes && polling > 0
      ? 'read'
      : byBytes > byRecords
        ? 'bytes'
        : 'records';
  const hotKeys = [...keys]
    .filter(([, r]) => r > SHARD_WRITE_RECORDS)
    .map(([key, recordsPerSec]) => ({ key, recordsPerSec }))
    .sort((a, b) => b.recordsPerSec - a.recordsPerSec);
  const tooManyPollers = polling > 5;
  const pct = Math.round(headroom * 100);
  const limitEn = {
    records: `${fmt(peakRecords)} records/s at peak ÷ (1,000 records/s per shard × ${pct} %)`,
    bytes: `${fmt(peakBytes / 1024)} KiB/s at peak ÷ (1 MiB/s per shard × ${pct} %)`,
    read: `${polling} polling consumer(s) × ${fmt(peakBytes / 1024)} KiB/s ÷ (2 MiB/s per shard × ${pct} %)`,
  }[binding];
  const limitJa = {
    records: `ピーク ${fmt(peakRecords)} 件/秒 ÷ (シャードあたり 1,000 件/秒 × ${pct} %)`,
    bytes: `ピーク ${fmt(peakBytes / 1024)} KiB/秒 ÷ (シャードあたり 1 MiB/秒 × ${pct} %)`,
    read: `ポーリングのコンシューマー ${polling} 個 × ${fmt(peakBytes / 1024)} KiB/秒 ÷ (シャードあたり 2 MiB/秒 × ${pct} %)`,
  }[binding];
  let en = `${need} shard(s): ${limitEn}.`;
  let ja = `${need} シャード: ${limitJa}。`;
  if (efo > 0) {
    en += ` ${efo} enhanced fan-out consumer(s) each get their own 2 MiB/s per shard, so they add no shards.`;
    ja += ` 拡張ファンアウトのコンシューマー ${efo} 個はそれぞれシャードあたり 2 MiB/秒を専有するため、シャードは増えません。`;
  }
  if (hotKeys.length > 0) {
    const names = hotKeys.map((h) => `"${h.key}" (${fmt(h.recordsPerSec)} records/s)`).join(', ');
    const namesJa = hotKeys.map((h) => `"${h.key}" (${fmt(h.recordsPerSec)} 件/秒)`).join('、');
    en += ` No shard count fixes the throttling of ${names}: one partition key always goes to one shard, whose limit is 1,000 records/s. Spread the key (add a suffix) or aggregate its records (KPL).`;
    ja += ` ${namesJa} のスロットリングはどのシャード数でも解消しません: 1 つのパーティションキーは常に 1 つのシャードに入り、その上限は 1,000 件/秒です。キーを分散する (接尾辞を付ける) か、レコードを集約 (KPL) してください。`;
  }
  if (tooManyPollers) {
    en += ` ${polling} polling consumers exceed the 5 GetRecords calls/s a shard allows at one call per second each: move some to enhanced fan-out.`;
    ja += ` ポーリングのコンシューマー ${polling} 個は、シャードあたり毎秒 5 回の GetRecords 上限を超えます: 一部を拡張ファンアウトに移してください。`;
  }
  return {
    streamId,
    shards: need,
    bindingLimit: binding,
    peakRecordsPerSec: peakRecords,
    peakBytesPerSec: peakBytes,
    pollingConsumers: polling,
    efoConsumers: efo,
    hotKeys,
    unfixable: hotKeys.length > 0 || tooManyPollers,
    reason: { en, ja },
  };
}
