/**
 * The producer's inspector fields: source, rate profile, template, size, partition key, retries,
 * KPL, Agent. The groups live next to this file (producer-rate-fields.ts, producer-record-fields.ts,
 * producer-send-fields.ts); this file puts them in inspector order.
 */
import type { ProducerConfig } from '../types.ts';
import { rateFields } from './producer-rate-fields.ts';
import { recordFields } from './producer-record-fields.ts';
import { sendFields } from './producer-send-fields.ts';
import { type FieldDef, t } from './types.ts';

export { DEFAULT_HOURLY } from './producer-rate-fields.ts';

export const producerFields: FieldDef<ProducerConfig>[] = [
  {
    path: 'source',
    label: t('Source', '送信方式'),
    help: t(
      'How records are written: SDK calls, the Kinesis Producer Library, the Kinesis Agent tailing a log file, or the Kinesis Data Generator.',
      'レコードの書き込み方法: SDK 呼び出し、KPL (Kinesis プロデューサーライブラリ)、ログファイルを監視する Kinesis エージェント、Kinesis Data Generator。',
    ),
    type: 'select',
    options: [
      { value: 'putRecord', label: t('SDK PutRecord', 'SDK PutRecord') },
      { value: 'putRecords', label: t('SDK PutRecords (batches)', 'SDK PutRecords (バッチ)') },
      { value: 'kpl', label: t('KPL with aggregation', 'KPL (集約あり)') },
      { value: 'agent', label: t('Kinesis Agent (log file)', 'Kinesis エージェント (ログファイル)') },
      { value: 'dataGenerator', label: t('Kinesis Data Generator', 'Kinesis Data Generator') },
    ],
  },
  ...rateFields,
  {
    path: 'template',
    label: t('Record template', 'レコードテンプレート'),
    help: t(
      'Kinesis Data Generator syntax: {{random.uuid}}, {{random.number(100)}}, {{random.arrayElement(["a","b"])}}, {{date.utc}}. For the Kinesis Agent it is the line the server writes to its log (left at the default, the agent tails made-up lines in its log format).',
      'Kinesis Data Generator の書式: {{random.uuid}}、{{random.number(100)}}、{{random.arrayElement(["a","b"])}}、{{date.utc}}。Kinesis エージェントでは、サーバーがログに書き込む 1 行です (既定のままなら、エージェントはログ形式に沿った行を生成して監視します)。',
    ),
    type: 'textarea',
    required: true,
  },
  ...recordFields,
  ...sendFields,
];
