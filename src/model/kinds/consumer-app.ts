import type { z } from 'zod/mini';
import { makeDiagnostic } from '../messages.ts';
import type { consumerAppConfig } from './consumer-app-config.ts';
import { END_POINT, fmt, type KindDef, t } from './types.ts';

type ConsumerAppConfig = z.infer<typeof consumerAppConfig>;

/**
 * Your own KCL application: it reads a stream and its records end there (no outgoing edges), but it
 * is compute, not an AWS destination: no destination outage (its checkpoints still show in the
 * Destinations tab, see src/ui/kinds).
 */
export const consumerAppKind: KindDef<'consumerApp', typeof consumerAppConfig> = {
  kind: 'consumerApp',
  role: 'compute',
  group: 'compute',
  label: t('Consumer application', 'コンシューマーアプリケーション'),
  description: t(
    'A KCL-style application: workers hold one lease per shard, poll GetRecords and checkpoint.',
    'KCL 型のアプリケーション: ワーカーがシャードごとにリースを持ち、GetRecords でポーリングしてチェックポイントします。',
  ),
  icon: 'KCL',
  namePrefix: 'consumer',
  noun: t('a consumer application', 'コンシューマーアプリケーション'),
  sends: END_POINT,
  faults: [],
  defaults: (): ConsumerAppConfig => ({
    applicationName: 'my-kcl-app',
    processingRecordsPerSec: 1_000,
    workers: 1,
    initialPosition: 'LATEST',
    pollIntervalMs: 1_000,
    checkpointEveryRecords: 1_000,
  }),
  fields: [
    {
      path: 'applicationName',
      label: t('Application name', 'アプリケーション名'),
      help: t('Also the name of its DynamoDB lease table.', 'DynamoDB のリーステーブル名にもなります。'),
      type: 'text',
      required: true,
    },
    {
      path: 'processingRecordsPerSec',
      label: t('Processing rate per worker', 'ワーカーあたりの処理レート'),
      type: 'number',
      unit: 'rec/s',
      min: 1,
      max: 1_000_000,
    },
    { path: 'workers', label: t('Workers', 'ワーカー数'), type: 'integer', min: 1, max: 1_000 },
    {
      path: 'initialPosition',
      label: t('Initial position', '開始位置'),
      type: 'select',
      options: [
        { value: 'LATEST', label: t('LATEST (newest)', 'LATEST (最新)') },
        { value: 'TRIM_HORIZON', label: t('TRIM_HORIZON (oldest)', 'TRIM_HORIZON (最古)') },
      ],
    },
    {
      path: 'pollIntervalMs',
      label: t('Time between reads', '読み取り間隔'),
      help: t(
        'idleTimeBetweenReadsInMillis; under 200 ms gets throttled (5 GetRecords/s per shard).',
        'idleTimeBetweenReadsInMillis。200 ms 未満はスロットリングされます (シャードあたり GetRecords 5 回/秒)。',
      ),
      type: 'integer',
      unit: 'ms',
      min: 1,
      max: 60_000,
    },
    {
      path: 'checkpointEveryRecords',
      label: t('Checkpoint every', 'チェックポイント間隔'),
      type: 'integer',
      unit: 'records',
      min: 1,
      max: 1_000_000,
    },
  ],
  summary: (c, locale) => [
    locale === 'ja'
      ? `ワーカー ${fmt(c.workers)} · ${fmt(c.processingRecordsPerSec)} 件/秒`
      : `${fmt(c.workers)} ${c.workers === 1 ? 'worker' : 'workers'} · ${fmt(c.processingRecordsPerSec)} rec/s`,
    locale === 'ja' ? `ポーリング ${fmt(c.pollIntervalMs)} ms` : `${fmt(c.pollIntervalMs)} ms poll`,
  ],
  wiring: (n, w) =>
    w.ins.length === 0
      ? [makeDiagnostic('warning', 'consumer-no-source', { name: n.name }, { nodeId: n.id })]
      : [],
};
