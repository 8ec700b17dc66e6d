import { buildTemplate } from './build.ts';

const RECORD = `{
  "storeId": "store-{{random.number({"min":1,"max":40})}}",
  "laneId": {{random.number({"min":1,"max":4})}},
  "plateId": "{{random.uuid}}",
  "item": "{{random.arrayElement(["maguro","salmon","hamachi","tamago","ebi","ikura","uni","kappa-maki"])}}",
  "plateColor": "{{random.arrayElement(["white","red","gold","black"])}}",
  "event": "{{random.weightedArrayElement({"weights":[0.55,0.35,0.1],"data":["passed","taken","discarded"]})}}",
  "secondsOnBelt": {{random.number(1800)}},
  "eventTime": "{{date.utc}}"
}`;

const HANDLER = `// Keeps what happens to each plate: taken by a customer, or discarded after too long on the belt.
export const handler = async (event) => {
  const items = [];
  for (const record of event.Records) {
    const plate = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
    if (plate.event === 'passed') continue; // a plate passing a sensor changes nothing
    items.push({
      storeId: plate.storeId,
      plateId: plate.plateId,
      item: plate.item,
      event: plate.event,
      secondsOnBelt: plate.secondsOnBelt,
      eventTime: plate.eventTime,
    });
  }
  return { items };
};
`;

export const sushiIot = buildTemplate({
  id: 'sushi-iot',
  title: { en: 'Conveyor-belt sushi IoT', ja: '回転寿司の IoT センサー' },
  description: {
    en: 'Sensors on the belts of 40 conveyor-belt sushi restaurants send every plate event (200 records/s) to a data stream. A Lambda function records taken and discarded plates in DynamoDB; Firehose archives every event to S3.',
    ja: '40 店舗の回転寿司レーンのセンサーが皿のイベント (200 件/秒) をデータストリームに送ります。Lambda 関数が取られた皿と廃棄された皿を DynamoDB に記録し、Firehose がすべてのイベントを S3 に保存します。',
  },
  nodes: [
    {
      id: 'sensors',
      kind: 'producer',
      name: 'belt-sensors',
      at: [0, 1],
      config: {
        source: 'putRecords',
        batchSize: 100,
        rate: { type: 'constant', recordsPerSec: 200 },
        partitionKey: { type: 'field', field: 'storeId' },
        template: RECORD,
      },
    },
    { id: 'belt', kind: 'stream', name: 'sushi-belt-events', at: [1, 1], config: { shardCount: 2 } },
    {
      id: 'tracker',
      kind: 'lambda',
      name: 'plate-tracker',
      at: [2, 0],
      config: { code: HANDLER, memoryMB: 256, esm: { batchSize: 100, startingPosition: 'LATEST' } },
    },
    {
      id: 'plates',
      kind: 'dynamodb',
      name: 'plate-events',
      at: [3, 0],
      config: { table: 'PlateEvents', partitionKey: 'storeId', sortKey: 'plateId' },
    },
    {
      id: 'archive',
      kind: 'firehose',
      name: 'belt-archive',
      at: [2, 2],
      config: {
        bufferSizeMiB: 5,
        bufferIntervalSec: 60,
        compression: 'GZIP',
        prefix: 'sushi/belt-events/',
      },
    },
    { id: 'lake', kind: 's3', name: 'sushi-datalake', at: [3, 2], config: { bucket: 'sushi-datalake' } },
  ],
  edges: [
    ['sensors', 'belt'],
    ['belt', 'tracker'],
    ['tracker', 'plates'],
    ['belt', 'archive'],
    ['archive', 'lake'],
  ],
});
