import type { z } from 'zod/mini';
import { makeDiagnostic } from '../messages.ts';
import type { Diagnostic } from '../types.ts';
import type { scheduledReshard, streamConfig } from './stream-config.ts';
import { type ConfigProblem, fmt, type KindDef, t } from './types.ts';

type StreamConfig = z.infer<typeof streamConfig>;
type ScheduledReshard = z.infer<typeof scheduledReshard>;

function reshardProblem(r: ScheduledReshard): { en: string; ja: string } | null {
  if (!Number.isFinite(r.atSec) || r.atSec < 0)
    return { en: 'its time must be 0 s or later', ja: '時刻は 0 秒以降にしてください' };
  const a = r.action;
  if (a.type === 'updateShardCount') {
    const n = a.targetShardCount;
    if (!Number.isInteger(n) || n < 1 || n > 10_000)
      return {
        en: 'the target shard count must be 1 – 10,000',
        ja: '目標シャード数は 1 – 10,000 にしてください',
      };
  } else {
    const i = a.shardIndex;
    if (!Number.isInteger(i) || i < 0)
      return { en: 'the shard index must be 0 or more', ja: 'シャード番号は 0 以上にしてください' };
  }
  return null;
}

export const streamKind: KindDef<'stream', typeof streamConfig> = {
  kind: 'stream',
  role: 'stream',
  group: 'streams',
  label: t('Data stream', 'データストリーム'),
  description: t(
    'A Kinesis data stream: shards of 1 MiB/s or 1,000 records/s in, 2 MiB/s out each; records kept for the retention period.',
    'Kinesis データストリーム: シャードごとに書き込み 1 MiB/秒 または 1,000 件/秒、読み取り 2 MiB/秒。保持期間の間レコードを保持します。',
  ),
  icon: 'KDS',
  namePrefix: 'stream',
  noun: t('a data stream', 'データストリーム'),
  sends: {
    to: ['lambda', 'analytics', 'firehose', 'consumerApp'],
    rule: t(
      'A data stream is read by a Lambda function, an Analytics SQL application, a Firehose delivery stream or a consumer application',
      'データストリームを読み取れるのは Lambda 関数、Analytics SQL アプリケーション、Firehose 配信ストリーム、コンシューマーアプリケーションです',
    ),
    verb: 'by',
  },
  faults: [],
  defaults: (): StreamConfig => ({
    capacityMode: 'provisioned',
    shardCount: 1,
    retentionHours: 24,
    encryption: 'NONE',
    maxRecordSizeKiB: 1_024,
    efoConsumers: [],
    reshards: [],
  }),
  fields: [
    {
      path: 'capacityMode',
      label: t('Capacity mode', '容量モード'),
      type: 'select',
      options: [
        { value: 'provisioned', label: t('Provisioned', 'プロビジョンド') },
        { value: 'onDemand', label: t('On-demand', 'オンデマンド') },
      ],
    },
    {
      path: 'shardCount',
      label: t('Shards', 'シャード数'),
      help: t(
        'Each shard takes 1 MiB/s or 1,000 records/s of writes and serves 2 MiB/s of reads.',
        '1 シャードあたり書き込み 1 MiB/秒 または 1,000 件/秒、読み取り 2 MiB/秒。',
      ),
      type: 'integer',
      unit: 'shards',
      min: 1,
      max: 10_000,
      visible: (c) => c.capacityMode === 'provisioned',
      // UpdateShardCount on the running stream (becomes a reshard on the timeline).
      live: true,
    },
    {
      path: 'retentionHours',
      label: t('Retention period', '保持期間'),
      help: t('24 h by default, up to 8,760 h (365 days).', 'デフォルト 24 時間、最大 8,760 時間 (365 日)。'),
      type: 'integer',
      unit: 'h',
      min: 24,
      max: 8_760,
    },
    {
      path: 'encryption',
      label: t('Encryption', '暗号化'),
      type: 'select',
      options: [
        { value: 'NONE', label: t('None', 'なし') },
        { value: 'KMS', label: t('AWS KMS', 'AWS KMS') },
      ],
    },
    {
      path: 'maxRecordSizeKiB',
      label: t('Maximum record size', '最大レコードサイズ'),
      type: 'integer',
      unit: 'KiB',
      min: 1_024,
      max: 10_240,
    },
    {
      path: 'efoConsumers',
      label: t('Enhanced fan-out consumers', '拡張ファンアウトコンシューマー'),
      help: t(
        'Registered consumers, each with its own 2 MiB/s per shard (at most 20). Pick one on a consumer edge.',
        '登録済みコンシューマー。それぞれシャードあたり専用の 2 MiB/秒 (最大 20)。コンシューマーへの接続で選択します。',
      ),
      type: 'stringList',
    },
  ],
  summary(c, locale) {
    const ja = locale === 'ja';
    const cap =
      c.capacityMode === 'onDemand'
        ? ja
          ? 'オンデマンド'
          : 'on-demand'
        : ja
          ? `${fmt(c.shardCount)} シャード`
          : `${fmt(c.shardCount)} ${c.shardCount === 1 ? 'shard' : 'shards'}`;
    const lines = [`${cap} · ${fmt(c.retentionHours)} ${ja ? '時間' : 'h'}`];
    if (c.efoConsumers.length > 0) lines.push(`EFO × ${c.efoConsumers.length}`);
    if (c.reshards.length > 0)
      lines.push(ja ? `リシャード ${c.reshards.length} 件` : `${c.reshards.length} reshard(s)`);
    return lines;
  },
  checks(c) {
    const out: ConfigProblem[] = [];
    if (c.efoConsumers.length > 20)
      out.push({
        code: 'efo-max-consumers',
        params: { value: c.efoConsumers.length },
        field: 'efoConsumers',
      });
    const seen = new Set<string>();
    for (const name of c.efoConsumers) {
      if (name.trim() === '' || seen.has(name))
        out.push({ code: 'efo-bad-name', params: { value: name }, field: 'efoConsumers' });
      seen.add(name);
    }
    return out;
  },
  // Consumers share the shard's 2 MiB/s by polling until the user picks an EFO consumer.
  newEdge: () => ({ readMode: 'polling' }),
  wiring(n, w) {
    const out: Diagnostic[] = [];
    const p = { name: n.name };
    const at = { nodeId: n.id };
    if (w.ins.length === 0) out.push(makeDiagnostic('warning', 'stream-no-producer', p, at));
    if (w.outs.length === 0) out.push(makeDiagnostic('warning', 'stream-no-consumer', p, at));
    if (n.config.capacityMode === 'onDemand' && n.config.reshards.length > 0)
      out.push(makeDiagnostic('error', 'reshard-on-demand', p, { ...at, field: 'reshards' }));
    n.config.reshards.forEach((r, i) => {
      const bad = reshardProblem(r);
      if (bad)
        out.push(
          makeDiagnostic(
            'error',
            'reshard-invalid',
            { index: i + 1, detail: bad.en, detailJa: bad.ja },
            { ...at, field: 'reshards' },
          ),
        );
    });
    return out;
  },
};
