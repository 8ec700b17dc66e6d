/**
 * A Lambda node's handler as CloudFormation inline code. Inline (`Code.ZipFile`) code is CommonJS
 * in a file named index.js, so `export const handler = …` becomes `exports.handler = …`.
 *
 * In the studio a consumer's return value goes downstream (`{ items }` to a DynamoDB table,
 * `{ records }` to a stream, a Firehose or a bucket). A real function has to send them itself, so the
 * export wraps the handler with the few AWS SDK calls its wiring needs (the SDK v3 ships with the
 * Node.js runtimes). The targets arrive as environment variables set by the template.
 */

/** Inline source above this many characters must be deployed from S3 (CloudFormation's ZipFile limit). */
export const INLINE_LIMIT = 4096;

export interface OutputTargets {
  table?: boolean;
  stream?: boolean;
  deliveryStream?: boolean;
  bucket?: boolean;
}

/** ES module handler forms → CommonJS `exports.handler`. */
export function toCommonJs(code: string): string {
  return code
    .replace(/^(\s*)export\s+const\s+handler\s*=/m, '$1exports.handler =')
    .replace(/^(\s*)export\s+(async\s+)?function\s+handler\s*\(/m, '$1exports.handler = $2function handler(')
    .replace(/^(\s*)export\s+default\s+/m, '$1exports.handler = ');
}

const SENDERS: Record<keyof OutputTargets, string> = {
  table: `  if (process.env.OUT_TABLE && items.length) {
    const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
    const { DynamoDBDocumentClient, BatchWriteCommand } = require('@aws-sdk/lib-dynamodb');
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    for (let i = 0; i < items.length; i += 25)
      await db.send(new BatchWriteCommand({ RequestItems: { [process.env.OUT_TABLE]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }`,
  stream: `  if (process.env.OUT_STREAM && records.length) {
    const { KinesisClient, PutRecordsCommand } = require('@aws-sdk/client-kinesis');
    const k = new KinesisClient({});
    for (let i = 0; i < records.length; i += 500)
      await k.send(new PutRecordsCommand({ StreamName: process.env.OUT_STREAM, Records: records.slice(i, i + 500).map((r) => ({ Data: data(r), PartitionKey: require('crypto').randomUUID() })) }));
  }`,
  deliveryStream: `  if (process.env.OUT_DELIVERY_STREAM && records.length) {
    const { FirehoseClient, PutRecordBatchCommand } = require('@aws-sdk/client-firehose');
    const f = new FirehoseClient({});
    for (let i = 0; i < records.length; i += 500)
      await f.send(new PutRecordBatchCommand({ DeliveryStreamName: process.env.OUT_DELIVERY_STREAM, Records: records.slice(i, i + 500).map((r) => ({ Data: data(r) })) }));
  }`,
  bucket: `  if (process.env.OUT_BUCKET && records.length) {
    const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
    await new S3Client({}).send(new PutObjectCommand({ Bucket: process.env.OUT_BUCKET, Key: context.awsRequestId + '.json', Body: records.map((r) => data(r).toString('utf8')).join('\\n') }));
  }`,
};

/** The consumer's inline source: the design's handler plus the senders its wiring needs. */
export function consumerSource(code: string, targets: OutputTargets): string {
  const senders = (Object.keys(SENDERS) as (keyof OutputTargets)[]).filter((k) => targets[k]);
  if (senders.length === 0) return toCommonJs(code);
  return `// Exported by Shardscape. The design's handler is unchanged below; the wrapper after it sends what
// the handler returns downstream, as the studio does ({ items } to DynamoDB, { records } to the
// stream, Firehose or bucket this function is wired to).
const designHandler = (() => {
  const exports = {};
${toCommonJs(code)}
  return exports.handler;
})();

const data = (r) => Buffer.from(typeof r === 'string' ? r : JSON.stringify(r));

exports.handler = async (event, context) => {
  const out = await designHandler(event, context);
  const items = (out && out.items) || [];
  const records = Array.isArray(out) ? out : (out && out.records) || [];
${senders.map((k) => SENDERS[k]).join('\n')}
  return out && out.batchItemFailures ? { batchItemFailures: out.batchItemFailures } : {};
};
`;
}
