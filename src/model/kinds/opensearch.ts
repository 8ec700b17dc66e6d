import type { z } from 'zod/mini';
import type { opensearchConfig } from './opensearch-config.ts';
import { END_POINT, type KindDef, t } from './types.ts';

type OpenSearchConfig = z.infer<typeof opensearchConfig>;

export const opensearchKind: KindDef<'opensearch', typeof opensearchConfig> = {
  kind: 'opensearch',
  role: 'destination',
  group: 'destinations',
  label: t('OpenSearch domain', 'OpenSearch ドメイン'),
  description: t(
    'Search and dashboards (formerly Elasticsearch Service): Firehose indexes documents with the bulk API.',
    '検索とダッシュボード (旧 Elasticsearch Service): Firehose は一括インデックス API でドキュメントを登録します。',
  ),
  icon: 'OS',
  namePrefix: 'search',
  noun: t('an OpenSearch domain', 'OpenSearch ドメイン'),
  sends: END_POINT,
  faults: ['destinationOutage'],
  defaults: (): OpenSearchConfig => ({
    domain: 'logs-domain',
    engine: 'OpenSearch',
    instanceType: 't3.small.search',
    instances: 2,
  }),
  fields: [
    { path: 'domain', label: t('Domain name', 'ドメイン名'), type: 'text', required: true },
    {
      path: 'engine',
      label: t('Engine', 'エンジン'),
      type: 'select',
      options: [
        { value: 'OpenSearch', label: t('OpenSearch', 'OpenSearch') },
        { value: 'Elasticsearch', label: t('Elasticsearch', 'Elasticsearch') },
      ],
    },
    {
      path: 'instanceType',
      label: t('Instance type', 'インスタンスタイプ'),
      type: 'select',
      options: ['t3.small.search', 'm6g.large.search', 'r6g.large.search', 'r6g.xlarge.search'].map((v) => ({
        value: v,
        label: t(v, v),
      })),
    },
    { path: 'instances', label: t('Instances', 'インスタンス数'), type: 'integer', min: 1, max: 80 },
  ],
  summary: (c) => [`${c.instanceType} × ${c.instances}`, c.engine],
};
