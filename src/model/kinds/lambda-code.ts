/** The handlers a new Lambda function starts with (real JavaScript the simulator runs). */

/**
 * A real Kinesis consumer: decodes each record's base64 data and parses it as JSON. What it returns
 * goes downstream: `items` to a DynamoDB table, `records` to a data stream or a Firehose.
 */
export const DEFAULT_CONSUMER_CODE = `// Invoked by the event source mapping with a batch of Kinesis records.
// Return { items } for a DynamoDB table wired after this function, { records } for a stream or Firehose.
export const handler = async (event) => {
  const items = [];
  for (const record of event.Records) {
    // Kinesis delivers the data blob base64-encoded.
    const text = Buffer.from(record.kinesis.data, 'base64').toString('utf8');
    const payload = JSON.parse(text);
    items.push({ id: record.kinesis.sequenceNumber, partitionKey: record.kinesis.partitionKey, ...payload });
  }
  console.log(\`processed \${items.length} records\`);
  return { items, records: items.map((item) => JSON.stringify(item)) };
};
`;

/** A Firehose data-transformation function: every record must come back with its recordId. */
export const DEFAULT_TRANSFORM_CODE = `// Invoked by Firehose with buffered records; return each one with the same recordId.
export const handler = async (event) => {
  const records = event.records.map((record) => {
    const text = Buffer.from(record.data, 'base64').toString('utf8');
    const payload = JSON.parse(text);
    const out = JSON.stringify({ ...payload, processedAt: new Date().toISOString() }) + '\\n';
    return { recordId: record.recordId, result: 'Ok', data: Buffer.from(out).toString('base64') };
  });
  return { records };
};
`;

/** The same consumer with its comments in Japanese (a function created in the Japanese studio). */
export const DEFAULT_CONSUMER_CODE_JA = `// イベントソースマッピングが Kinesis レコードのバッチを渡して呼び出します。
// この関数の後に DynamoDB テーブルをつなぐなら { items } を、ストリームか Firehose なら { records } を返します。
export const handler = async (event) => {
  const items = [];
  for (const record of event.Records) {
    // Kinesis はデータ BLOB を base64 エンコードして渡します。
    const text = Buffer.from(record.kinesis.data, 'base64').toString('utf8');
    const payload = JSON.parse(text);
    items.push({ id: record.kinesis.sequenceNumber, partitionKey: record.kinesis.partitionKey, ...payload });
  }
  console.log(\`processed \${items.length} records\`);
  return { items, records: items.map((item) => JSON.stringify(item)) };
};
`;

/** The same transform with its comments in Japanese. */
export const DEFAULT_TRANSFORM_CODE_JA = `// Firehose がバッファしたレコードを渡して呼び出します。各レコードを同じ recordId で返します。
export const handler = async (event) => {
  const records = event.records.map((record) => {
    const text = Buffer.from(record.data, 'base64').toString('utf8');
    const payload = JSON.parse(text);
    const out = JSON.stringify({ ...payload, processedAt: new Date().toISOString() }) + '\\n';
    return { recordId: record.recordId, result: 'Ok', data: Buffer.from(out).toString('base64') };
  });
  return { records };
};
`;

/** The starter handlers by the studio's language when the function is created, and by use. */
export const STARTER_CODE: Record<'en' | 'ja', Record<'consumer' | 'firehoseTransform', string>> = {
  en: { consumer: DEFAULT_CONSUMER_CODE, firehoseTransform: DEFAULT_TRANSFORM_CODE },
  ja: { consumer: DEFAULT_CONSUMER_CODE_JA, firehoseTransform: DEFAULT_TRANSFORM_CODE_JA },
};
