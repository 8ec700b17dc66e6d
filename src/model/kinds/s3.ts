import type { z } from 'zod/mini';
import type { s3Config } from './s3-config.ts';
import { END_POINT, type KindDef, t } from './types.ts';

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

type S3Config = z.infer<typeof s3Config>;

export const s3Kind: KindDef<'s3', typeof s3Config> = {
  kind: 's3',
  role: 'destination',
  group: 'destinations',
  label: t('S3 bucket', 'S3 バケット'),
  description: t(
    'Object storage: Firehose writes one object per buffer flush, under a YYYY/MM/dd/HH/ prefix.',
    'オブジェクトストレージ: Firehose はバッファのフラッシュごとに YYYY/MM/dd/HH/ プレフィックスの下にオブジェクトを 1 つ書き込みます。',
  ),
  icon: 'S3',
  namePrefix: 'bucket',
  noun: t('an S3 bucket', 'S3 バケット'),
  sends: END_POINT,
  faults: ['destinationOutage'],
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
  checks: (c) =>
    !BUCKET.test(c.bucket) || c.bucket.includes('..')
      ? [{ code: 'bucket-name', params: { value: c.bucket }, field: 'bucket' }]
      : [],
};
