import { buildTemplate } from './build.ts';

const RECORD = `{
  "impressionId": "{{random.uuid}}",
  "campaignId": "cmp-{{random.number({"min":1,"max":500})}}",
  "adId": "ad-{{random.number({"min":1,"max":5000})}}",
  "placement": "{{random.arrayElement(["top-banner","sidebar","in-feed","interstitial"])}}",
  "device": "{{random.arrayElement(["ios","android","desktop"])}}",
  "bidCpmCents": {{random.number({"min":5,"max":900})}},
  "clicked": {{random.weightedArrayElement({"weights":[0.02,0.98],"data":[true,false]})}},
  "eventTime": "{{date.utc}}"
}`;

const HANDLER = `// Impressions and clicks per campaign in this batch: one counter item per campaign.
export const handler = async (event) => {
  const byCampaign = {};
  for (const record of event.Records) {
    const imp = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
    if (!byCampaign[imp.campaignId]) byCampaign[imp.campaignId] = { campaignId: imp.campaignId, impressions: 0, clicks: 0 };
    const c = byCampaign[imp.campaignId];
    c.impressions += 1;
    if (imp.clicked) c.clicks += 1;
  }
  return { items: Object.values(byCampaign) };
};
`;

export const adtech = buildTemplate({
  id: 'adtech',
  title: { en: 'Ad-tech impressions at scale', ja: 'アドテクのインプレッション (大規模)' },
  description: {
    en: 'Ad servers write 20,000 impressions/s with KPL aggregation into 32 shards; partition keys follow a Zipf skew over 10,000 keys. A Lambda function (batch 500, parallelization 2) counts impressions per campaign into DynamoDB, and Firehose archives the raw impressions to S3.',
    ja: '広告サーバーが毎秒 20,000 件のインプレッションを KPL 集約で 32 シャードに書き込みます (パーティションキーは 10,000 種の Zipf 分布)。Lambda 関数 (バッチ 500、並列化係数 2) がキャンペーン別の件数を DynamoDB に書き、Firehose が生データを S3 に保存します。',
  },
  nodes: [
    {
      id: 'adservers',
      kind: 'producer',
      name: 'ad-servers',
      at: [0, 1],
      config: {
        source: 'kpl',
        rate: { type: 'constant', recordsPerSec: 20_000 },
        partitionKey: { type: 'zipf', keys: 10_000, exponent: 0.8 },
        template: RECORD,
        kpl: {
          aggregation: true,
          aggregationMaxBytes: 51_200,
          maxBufferedTimeMs: 100,
          collectionMaxCount: 500,
        },
      },
    },
    { id: 'impressions', kind: 'stream', name: 'ad-impressions', at: [1, 1], config: { shardCount: 32 } },
    {
      id: 'counter',
      kind: 'lambda',
      name: 'campaign-counter',
      at: [2, 0],
      config: {
        code: HANDLER,
        memoryMB: 512,
        duration: { type: 'perRecord', baseMs: 15, perRecordMs: 0.05, jitterPct: 10 },
        esm: { batchSize: 500, parallelizationFactor: 2 },
      },
    },
    {
      id: 'counters',
      kind: 'dynamodb',
      name: 'campaign-counters',
      at: [3, 0],
      config: { table: 'CampaignCounters', partitionKey: 'campaignId' },
    },
    {
      id: 'archive',
      kind: 'firehose',
      name: 'impressions-archive',
      at: [2, 2],
      config: { bufferSizeMiB: 128, bufferIntervalSec: 300, compression: 'GZIP', prefix: 'impressions/' },
    },
    {
      id: 'lake',
      kind: 's3',
      name: 'adtech-impressions',
      at: [3, 2],
      config: { bucket: 'adtech-impressions' },
    },
  ],
  edges: [
    ['adservers', 'impressions'],
    ['impressions', 'counter'],
    ['counter', 'counters'],
    ['impressions', 'archive'],
    ['archive', 'lake'],
  ],
});
