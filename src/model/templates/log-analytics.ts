import { buildTemplate } from './build.ts';

/** One Apache combined-log line, as the web servers write it (the agent turns it into JSON). */
const LOG_LINE = `{{internet.ip}} - - [{{date.now("DD/MMM/YYYY:HH:mm:ss ZZ")}}] "{{random.weightedArrayElement({"weights":[0.8,0.2],"data":["GET","POST"]})}} {{random.arrayElement(["/","/index.html","/api/orders","/api/cart","/images/logo.png","/health"])}} HTTP/1.1" {{random.weightedArrayElement({"weights":[0.9,0.06,0.04],"data":[200,404,500]})}} {{random.number({"min":200,"max":50000})}} "-" "{{internet.userAgent}}"`;

const TRANSFORM = `// Firehose transform: split the request line, type the numbers, flag server errors,
// and drop load-balancer health checks. Every record goes back with its recordId.
export const handler = async (event) => {
  const records = event.records.map((record) => {
    const log = JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'));
    const [method, path] = String(log.request || '').split(' ');
    if (path === '/health') return { recordId: record.recordId, result: 'Dropped', data: record.data };
    const status = Number(log.response);
    const doc = { ...log, method, path, status, bytes: Number(log.bytes) || 0, serverError: status >= 500 };
    const data = Buffer.from(JSON.stringify(doc) + '\\n').toString('base64');
    return { recordId: record.recordId, result: 'Ok', data };
  });
  return { records };
};
`;

export const logAnalytics = buildTemplate({
  id: 'log-analytics',
  title: { en: 'Log analytics with OpenSearch', ja: 'OpenSearch によるログ分析' },
  description: {
    en: 'The Kinesis Agent tails Apache access logs on the web servers (300 lines/s), converts each line to JSON (LOGTOJSON) and sends it to Firehose. A transform Lambda enriches each document and drops health checks; Firehose indexes into OpenSearch (one index per day) and keeps failed documents in S3.',
    ja: 'Kinesis エージェントが Web サーバーの Apache アクセスログ (300 行/秒) を監視し、各行を JSON に変換 (LOGTOJSON) して Firehose に送ります。変換用 Lambda がドキュメントを加工してヘルスチェックを除外し、Firehose が OpenSearch に (1 日ごとのインデックスで) 配信、失敗したドキュメントは S3 に保存します。',
  },
  nodes: [
    {
      id: 'agent',
      kind: 'producer',
      name: 'web-servers',
      at: [0, 1],
      config: {
        source: 'agent',
        rate: { type: 'constant', recordsPerSec: 300 },
        template: LOG_LINE,
        agent: {
          filePattern: '/var/log/httpd/access_log*',
          processing: 'LOGTOJSON',
          logFormat: 'COMBINEDAPACHELOG',
          maxBufferAgeMillis: 60_000,
          maxBufferSizeRecords: 500,
        },
      },
    },
    {
      id: 'logs',
      kind: 'firehose',
      name: 'access-logs',
      at: [1, 1],
      config: {
        bufferSizeMiB: 5,
        bufferIntervalSec: 60,
        transformLambdaId: 'enrich',
        backupMode: 'FailedDocumentsOnly',
        errorOutputPrefix: 'failed/',
        opensearch: { indexName: 'access-logs', rotation: 'OneDay', retryDurationSec: 300 },
      },
    },
    {
      id: 'enrich',
      kind: 'lambda',
      name: 'enrich-access-logs',
      at: [1, 0],
      config: {
        use: 'firehoseTransform',
        code: TRANSFORM,
        memoryMB: 256,
        timeoutSec: 60,
        duration: { type: 'perRecord', baseMs: 10, perRecordMs: 0.2, jitterPct: 10 },
      },
    },
    {
      id: 'search',
      kind: 'opensearch',
      name: 'log-search',
      at: [2, 1],
      config: { domain: 'log-search', instanceType: 'm6g.large.search', instances: 2 },
    },
    {
      id: 'failed',
      kind: 's3',
      name: 'failed-log-documents',
      at: [2, 2],
      config: { bucket: 'failed-log-documents' },
    },
  ],
  edges: [
    ['agent', 'logs'],
    ['logs', 'search'],
    ['logs', 'failed'],
  ],
});
