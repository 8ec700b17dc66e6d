/** Two small designs that each show one classic Kinesis problem. */
import { buildTemplate } from './build.ts';

const TELEMETRY = `{
  "deviceId": "device-{{random.number({"min":1,"max":9999})}}",
  "temperatureC": {{random.number({"min":15,"max":45})}},
  "batteryPct": {{random.number(100)}},
  "eventTime": "{{date.utc}}"
}`;

export const hotKey = buildTemplate({
  id: 'hot-key',
  title: { en: 'Hot partition key', ja: 'ホットパーティションキー' },
  description: {
    en: '2,000 records/s into a 4-shard stream (4,000 records/s of capacity), but 60% of the records share the key "device-0001". All of them land on one shard: about 1,200 + 200 = 1,400 records/s against its 1,000 limit, so about 400 records/s are throttled while the other three shards idle at about 200.',
    ja: '4 シャード (容量 4,000 件/秒) のストリームに毎秒 2,000 レコードを送りますが、60% が同じキー「device-0001」です。それらはすべて 1 つのシャードに入るため、そのシャードは約 1,200 + 200 = 1,400 件/秒となり上限 1,000 を超え、約 400 件/秒がスロットリングされます。残りの 3 シャードは約 200 件/秒しか使いません。',
  },
  nodes: [
    {
      id: 'devices',
      kind: 'producer',
      name: 'device-telemetry',
      at: [0, 0],
      config: {
        source: 'putRecords',
        batchSize: 500,
        rate: { type: 'constant', recordsPerSec: 2_000 },
        partitionKey: { type: 'hotKey', key: 'device-0001', share: 0.6 },
        template: TELEMETRY,
      },
    },
    { id: 'telemetry', kind: 'stream', name: 'telemetry', at: [1, 0], config: { shardCount: 4 } },
    { id: 'processor', kind: 'lambda', name: 'telemetry-processor', at: [2, 0] },
    { id: 'state', kind: 'dynamodb', name: 'device-state', at: [3, 0], config: { table: 'DeviceState' } },
  ],
  edges: [
    ['devices', 'telemetry'],
    ['telemetry', 'processor'],
    ['processor', 'state'],
  ],
});

const ORDER = `{
  "orderId": "{{random.uuid}}",
  "customerId": "customer-{{random.number({"min":1,"max":20000})}}",
  "amountCents": {{random.number({"min":100,"max":50000})}},
  "eventTime": "{{date.utc}}"
}`;

export const slowLambda = buildTemplate({
  id: 'slow-lambda',
  title: { en: 'Slow Lambda consumer', ja: '遅い Lambda コンシューマー' },
  description: {
    en: '500 records/s into a 2-shard stream: 250 records/s per shard. The function takes 2 s per batch of 100, so each shard drains only 50 records/s with parallelization factor 1. The backlog grows by about 200 records/s per shard and the iterator age climbs; raise the parallelization factor or the batch size to catch up.',
    ja: '2 シャードのストリームに毎秒 500 レコード (シャードあたり 250 件/秒)。関数は 100 件のバッチに 2 秒かかるため、並列化係数 1 では各シャードで毎秒 50 レコードしか処理できません。未処理はシャードごとに毎秒約 200 レコード増え、イテレーターエイジが伸び続けます。並列化係数かバッチサイズを上げると追いつきます。',
  },
  nodes: [
    {
      id: 'shop',
      kind: 'producer',
      name: 'order-events',
      at: [0, 0],
      config: {
        source: 'putRecords',
        batchSize: 100,
        rate: { type: 'constant', recordsPerSec: 500 },
        template: ORDER,
      },
    },
    { id: 'orders', kind: 'stream', name: 'orders', at: [1, 0], config: { shardCount: 2 } },
    {
      id: 'enricher',
      kind: 'lambda',
      name: 'slow-enricher',
      at: [2, 0],
      config: {
        duration: { type: 'fixed', ms: 2_000 },
        timeoutSec: 30,
        esm: { batchSize: 100, parallelizationFactor: 1, startingPosition: 'TRIM_HORIZON' },
      },
    },
    {
      id: 'enriched',
      kind: 'dynamodb',
      name: 'enriched-orders',
      at: [3, 0],
      config: { table: 'EnrichedOrders', partitionKey: 'orderId' },
    },
  ],
  edges: [
    ['shop', 'orders'],
    ['orders', 'enricher'],
    ['enricher', 'enriched'],
  ],
});
