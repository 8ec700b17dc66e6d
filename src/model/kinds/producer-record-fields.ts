/** The producer's record fields: size distribution and partition key strategy. */
import type { ProducerConfig } from '../types.ts';
import { type FieldDef, t } from './types.ts';

const SIZE = t('Record size', 'レコードサイズ');
const KEY = t('Partition key', 'パーティションキー');

const isSize = (type: string) => (c: ProducerConfig) => c.size.type === type;
const isKey = (type: string) => (c: ProducerConfig) => c.partitionKey.type === type;

/** In inspector order: size distribution and its bounds, then the key strategy and its settings. */
export const recordFields: FieldDef<ProducerConfig>[] = [
  {
    path: 'size.type',
    label: t('Size distribution', 'サイズ分布'),
    section: SIZE,
    type: 'select',
    options: [
      { value: 'template', label: t('Rendered template', 'テンプレートの実サイズ') },
      { value: 'fixed', label: t('Fixed', '固定') },
      { value: 'uniform', label: t('Uniform', '一様分布') },
      { value: 'normal', label: t('Normal', '正規分布') },
    ],
  },
  {
    path: 'size.bytes',
    label: t('Size', 'サイズ'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 1,
    max: 10_485_760,
    visible: isSize('fixed'),
  },
  {
    path: 'size.minBytes',
    label: t('Minimum', '最小'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 1,
    max: 10_485_760,
    visible: isSize('uniform'),
  },
  {
    path: 'size.maxBytes',
    label: t('Maximum', '最大'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 1,
    max: 10_485_760,
    visible: isSize('uniform'),
  },
  {
    path: 'size.meanBytes',
    label: t('Mean', '平均'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 1,
    max: 10_485_760,
    visible: isSize('normal'),
  },
  {
    path: 'size.stdDevBytes',
    label: t('Standard deviation', '標準偏差'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 0,
    max: 10_485_760,
    visible: isSize('normal'),
  },
  {
    path: 'partitionKey.type',
    label: t('Strategy', '決め方'),
    section: KEY,
    type: 'select',
    options: [
      { value: 'random', label: t('Random', 'ランダム') },
      { value: 'field', label: t('From a template field', 'テンプレートのフィールド') },
      { value: 'zipf', label: t('Zipf-skewed keys', 'Zipf 分布のキー') },
      { value: 'hotKey', label: t('One hot key', 'ホットキー 1 つ') },
      { value: 'explicitHashKey', label: t('Explicit hash key', '明示的ハッシュキー') },
    ],
  },
  {
    path: 'partitionKey.field',
    label: t('Field', 'フィールド'),
    help: t(
      'A top-level field of the rendered JSON record, e.g. userId.',
      'JSON レコードの最上位フィールド名 (例: userId)。',
    ),
    section: KEY,
    type: 'text',
    required: true,
    visible: isKey('field'),
  },
  {
    path: 'partitionKey.keys',
    label: t('Distinct keys', 'キーの種類数'),
    section: KEY,
    type: 'integer',
    min: 1,
    max: 1_000_000,
    visible: isKey('zipf'),
  },
  {
    path: 'partitionKey.exponent',
    label: t('Zipf exponent', 'Zipf 指数'),
    help: t(
      '0 = uniform; 1 = classic Zipf; higher = more skew.',
      '0 = 一様、1 = 標準的な Zipf、大きいほど偏る。',
    ),
    section: KEY,
    type: 'number',
    min: 0,
    max: 5,
    step: 0.1,
    visible: isKey('zipf'),
  },
  {
    path: 'partitionKey.key',
    label: t('Hot key', 'ホットキー'),
    section: KEY,
    type: 'text',
    required: true,
    visible: isKey('hotKey'),
  },
  {
    path: 'partitionKey.share',
    label: t('Share of records', 'レコードの割合'),
    section: KEY,
    type: 'number',
    min: 0,
    max: 1,
    step: 0.05,
    visible: isKey('hotKey'),
  },
  {
    path: 'partitionKey.hashKey',
    label: t('Hash key (decimal)', 'ハッシュキー (10 進数)'),
    help: t(
      'A 128-bit integer, 0 – 2^128−1, that bypasses MD5.',
      'MD5 を使わずに指定する 128 ビット整数 (0 – 2^128−1)。',
    ),
    section: KEY,
    type: 'text',
    visible: isKey('explicitHashKey'),
  },
];
