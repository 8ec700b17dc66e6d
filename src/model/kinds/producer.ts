import { makeDiagnostic } from '../messages.ts';
import type { Diagnostic } from '../types.ts';
import type { producerConfig } from './producer-config.ts';
import { DEFAULT_HOURLY, producerFields } from './producer-fields.ts';
import { type ConfigProblem, fmt, type KindDef, t, unitText } from './types.ts';

/** The largest ExplicitHashKey: 2^128 − 1. */
const MAX_HASH = (1n << 128n) - 1n;

/** A small clickstream record in Kinesis Data Generator syntax (faker.js moustache placeholders). */
export const DEFAULT_PRODUCER_TEMPLATE = `{
  "eventId": "{{random.uuid}}",
  "userId": "user-{{random.number(1000)}}",
  "page": "{{random.arrayElement(["/", "/products", "/cart", "/checkout"])}}",
  "browser": "{{random.arrayElement(["Chrome", "Firefox", "Safari", "Edge"])}}",
  "eventTime": "{{date.utc}}"
}`;

export const producerKind: KindDef<'producer', typeof producerConfig> = {
  kind: 'producer',
  role: 'producer',
  group: 'producers',
  label: t('Producer', 'プロデューサー'),
  description: t(
    'Writes records to a data stream or a Firehose delivery stream: SDK, KPL, Kinesis Agent or the Data Generator.',
    'データストリームまたは Firehose 配信ストリームにレコードを書き込みます (SDK、KPL、Kinesis エージェント、Data Generator)。',
  ),
  icon: 'PR',
  namePrefix: 'producer',
  noun: t('a producer', 'プロデューサー'),
  sends: {
    to: ['stream', 'firehose'],
    rule: t(
      'A producer writes to a data stream or a Firehose delivery stream (Direct PUT)',
      'プロデューサーの書き込み先はデータストリームまたは Firehose 配信ストリーム (Direct PUT) です',
    ),
  },
  faults: ['producerSurge', 'hotKey'],
  defaults: () => ({
    source: 'dataGenerator',
    rate: { type: 'constant', recordsPerSec: 100 },
    size: { type: 'template' },
    partitionKey: { type: 'random' },
    template: DEFAULT_PRODUCER_TEMPLATE,
    batchSize: 500,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000, jitter: true },
    kpl: { aggregation: true, aggregationMaxBytes: 51_200, maxBufferedTimeMs: 100, collectionMaxCount: 500 },
    agent: {
      filePattern: '/var/log/httpd/access_log*',
      initialPosition: 'END_OF_FILE',
      processing: 'NONE',
      logFormat: 'COMBINEDAPACHELOG',
      customFieldNames: '',
      maxBufferAgeMillis: 60_000,
      maxBufferSizeRecords: 500,
      partitionKeyOption: 'RANDOM',
    },
  }),
  fields: producerFields,
  variants: {
    rate: {
      constant: () => ({ type: 'constant', recordsPerSec: 100 }),
      ramp: () => ({ type: 'ramp', fromPerSec: 100, toPerSec: 2_000, overSec: 300 }),
      periodic: () => ({ type: 'periodic', hourly: [...DEFAULT_HOURLY], sigmaPct: 10 }),
      burst: () => ({ type: 'burst', basePerSec: 100, burstPerSec: 2_000, burstSec: 10, everySec: 60 }),
    },
    size: {
      template: () => ({ type: 'template' }),
      fixed: () => ({ type: 'fixed', bytes: 1_024 }),
      uniform: () => ({ type: 'uniform', minBytes: 200, maxBytes: 2_000 }),
      normal: () => ({ type: 'normal', meanBytes: 1_000, stdDevBytes: 200 }),
    },
    partitionKey: {
      random: () => ({ type: 'random' }),
      field: () => ({ type: 'field', field: 'userId' }),
      zipf: () => ({ type: 'zipf', keys: 1_000, exponent: 1 }),
      hotKey: () => ({ type: 'hotKey', key: 'hot-key', share: 0.5 }),
      explicitHashKey: () => ({ type: 'explicitHashKey', hashKey: '0' }),
    },
  },
  summary(c, locale) {
    const ja = locale === 'ja';
    const r = c.rate;
    const rps = unitText('rec/s', locale);
    const rate =
      r.type === 'constant'
        ? `${fmt(r.recordsPerSec)} ${rps}`
        : r.type === 'ramp'
          ? `${fmt(r.fromPerSec)}→${fmt(r.toPerSec)} ${rps}`
          : r.type === 'burst'
            ? `${fmt(r.basePerSec)} ${rps} (${ja ? 'バースト' : 'burst'} ${fmt(r.burstPerSec)})`
            : `${ja ? '周期' : 'periodic'} ≤ ${fmt(Math.max(0, ...r.hourly))} ${rps}`;
    const source = {
      putRecord: 'PutRecord',
      putRecords: `PutRecords × ${c.batchSize}`,
      kpl: c.kpl.aggregation ? (ja ? 'KPL 集約' : 'KPL aggregated') : 'KPL',
      agent: ja ? 'Kinesis エージェント' : 'Kinesis Agent',
      dataGenerator: 'KDG',
    }[c.source];
    const k = c.partitionKey;
    const key =
      k.type === 'random'
        ? ja
          ? 'ランダムキー'
          : 'random keys'
        : k.type === 'field'
          ? `${ja ? 'キー' : 'key'} = ${k.field}`
          : k.type === 'zipf'
            ? `Zipf ${fmt(k.keys)} ${ja ? 'キー' : 'keys'}`
            : k.type === 'hotKey'
              ? `${ja ? 'ホットキー' : 'hot key'} ${Math.round(k.share * 100)}%`
              : ja
                ? '明示的ハッシュキー'
                : 'explicit hash key';
    return [rate, `${source} · ${key}`];
  },
  checks(c) {
    const out: ConfigProblem[] = [];
    if (c.size.type === 'uniform' && c.size.minBytes > c.size.maxBytes)
      out.push({
        code: 'size-min-max',
        params: { min: c.size.minBytes, max: c.size.maxBytes },
        field: 'size.minBytes',
      });
    if (c.partitionKey.type === 'explicitHashKey') {
      const v = c.partitionKey.hashKey;
      if (!/^(0|[1-9]\d{0,38})$/.test(v) || BigInt(v) > MAX_HASH)
        out.push({ code: 'hash-key-range', params: { value: v }, field: 'partitionKey.hashKey' });
    }
    return out;
  },
  wiring(n, w) {
    const out: Diagnostic[] = [];
    const p = { name: n.name };
    const at = { nodeId: n.id };
    if (w.outs.length === 0) out.push(makeDiagnostic('warning', 'producer-no-target', p, at));
    if (w.outs.length > 1)
      out.push(makeDiagnostic('error', 'producer-many-targets', { ...p, value: w.outs.length }, at));
    return out;
  },
};
