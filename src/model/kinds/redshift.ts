import type { z } from 'zod/mini';
import type { redshiftConfig } from './redshift-config.ts';
import { END_POINT, type KindDef, t } from './types.ts';

type RedshiftConfig = z.infer<typeof redshiftConfig>;

export const redshiftKind: KindDef<'redshift', typeof redshiftConfig> = {
  kind: 'redshift',
  role: 'destination',
  group: 'destinations',
  label: t('Redshift cluster', 'Redshift クラスター'),
  description: t(
    'A data warehouse: Firehose stages objects in S3, then loads them with COPY.',
    'データウェアハウス: Firehose はオブジェクトを S3 にステージングしてから COPY でロードします。',
  ),
  icon: 'RS',
  namePrefix: 'warehouse',
  noun: t('a Redshift cluster', 'Redshift クラスター'),
  sends: END_POINT,
  faults: ['destinationOutage'],
  defaults: (): RedshiftConfig => ({
    clusterId: 'analytics-cluster',
    database: 'dev',
    nodeType: 'dc2.large',
    nodes: 2,
  }),
  fields: [
    { path: 'clusterId', label: t('Cluster identifier', 'クラスター識別子'), type: 'text', required: true },
    { path: 'database', label: t('Database', 'データベース'), type: 'text', required: true },
    {
      path: 'nodeType',
      label: t('Node type', 'ノードタイプ'),
      type: 'select',
      options: [
        { value: 'dc2.large', label: t('dc2.large', 'dc2.large') },
        { value: 'ra3.xlplus', label: t('ra3.xlplus', 'ra3.xlplus') },
        { value: 'ra3.4xlarge', label: t('ra3.4xlarge', 'ra3.4xlarge') },
      ],
    },
    { path: 'nodes', label: t('Nodes', 'ノード数'), type: 'integer', unit: 'nodes', min: 1, max: 128 },
  ],
  summary: (c, locale) => [
    `${c.nodeType} × ${c.nodes}`,
    locale === 'ja' ? `データベース ${c.database}` : `db ${c.database}`,
  ],
};
