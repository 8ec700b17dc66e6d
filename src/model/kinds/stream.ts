import type { StreamConfig } from '../types.ts';
import { fmt, type KindDef, t } from './types.ts';

export const streamKind: KindDef<'stream'> = {
  kind: 'stream',
  group: 'streams',
  label: t('Data stream', 'データストリーム'),
  description: t(
    'A Kinesis data stream: shards of 1 MiB/s or 1,000 records/s in, 2 MiB/s out each; records kept for the retention period.',
    'Kinesis データストリーム: シャードごとに書き込み 1 MiB/秒 または 1,000 レコード/秒、読み取り 2 MiB/秒。保持期間の間レコードを保持します。',
  ),
  icon: 'KDS',
  namePrefix: 'stream',
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
        '1 シャードあたり書き込み 1 MiB/秒 または 1,000 レコード/秒、読み取り 2 MiB/秒。',
      ),
      type: 'integer',
      unit: 'shards',
      min: 1,
      max: 10_000,
      visible: (c) => c.capacityMode === 'provisioned',
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
};
