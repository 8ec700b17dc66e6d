import type { z } from 'zod/mini';
import type { dynamodbConfig } from './dynamodb-config.ts';
import { END_POINT, fmt, type KindDef, t } from './types.ts';

type DynamoDbConfig = z.infer<typeof dynamodbConfig>;

export const dynamodbKind: KindDef<'dynamodb', typeof dynamodbConfig> = {
  kind: 'dynamodb',
  role: 'destination',
  group: 'destinations',
  label: t('DynamoDB table', 'DynamoDB テーブル'),
  description: t(
    'A key-value table that a Lambda function writes its results to.',
    'Lambda 関数が結果を書き込むキーバリュー型のテーブル。',
  ),
  icon: 'DDB',
  namePrefix: 'table',
  noun: t('a DynamoDB table', 'DynamoDB テーブル'),
  sends: END_POINT,
  receives: 'items',
  faults: ['destinationOutage'],
  defaults: (): DynamoDbConfig => ({
    table: 'results',
    partitionKey: 'id',
    sortKey: '',
    capacityMode: 'onDemand',
    writeCapacityUnits: 100,
  }),
  fields: [
    { path: 'table', label: t('Table name', 'テーブル名'), type: 'text', required: true },
    { path: 'partitionKey', label: t('Partition key', 'パーティションキー'), type: 'text', required: true },
    {
      path: 'sortKey',
      label: t('Sort key', 'ソートキー'),
      help: t('Optional.', '省略可。'),
      type: 'text',
    },
    {
      path: 'capacityMode',
      label: t('Capacity mode', 'キャパシティモード'),
      type: 'select',
      options: [
        { value: 'onDemand', label: t('On-demand', 'オンデマンド') },
        { value: 'provisioned', label: t('Provisioned', 'プロビジョンド') },
      ],
    },
    {
      path: 'writeCapacityUnits',
      label: t('Write capacity', '書き込みキャパシティ'),
      type: 'integer',
      unit: 'WCU',
      min: 1,
      max: 40_000,
      visible: (c) => c.capacityMode === 'provisioned',
    },
  ],
  summary: (c, locale) => [
    c.table,
    c.capacityMode === 'onDemand'
      ? locale === 'ja'
        ? 'オンデマンド'
        : 'on-demand'
      : `${fmt(c.writeCapacityUnits)} WCU`,
  ],
};
