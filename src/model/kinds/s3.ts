import type { S3Config } from '../types.ts';
import { type KindDef, t } from './types.ts';

export const s3Kind: KindDef<'s3'> = {
  kind: 's3',
  group: 'destinations',
  label: t('S3 bucket', 'S3 バケット'),
  description: t(
    'Object storage: Firehose writes one object per buffer flush, under a YYYY/MM/dd/HH/ prefix.',
    'オブジェクトストレージ: Firehose はバッファのフラッシュごとに YYYY/MM/dd/HH/ プレフィックスの下にオブジェクトを 1 つ書き込みます。',
  ),
  icon: 'S3',
  namePrefix: 'bucket',
  defaults: (): S3Config => ({ bucket: 'shardscape-data' }),
  fields: [
    {
      path: 'bucket',
      label: t('Bucket name', 'バケット名'),
      help: t(
        '3 – 63 characters: lower-case letters, digits, dots and hyphens.',
        '3 – 63 文字: 英小文字、数字、ドット、ハイフン。',
      ),
      type: 'text',
    },
  ],
  summary: (c) => [`s3://${c.bucket}`],
};
