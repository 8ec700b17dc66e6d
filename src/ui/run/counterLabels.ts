/**
 * Plain words for the engine's cumulative counters (the Metrics tab's totals table): the raw key
 * ("acceptedUserRecords") means nothing to a workshop audience and is English in the Japanese UI.
 * Unknown keys fall back to words split from camelCase (en) or the key itself (ja).
 */
type Words = { en: string; ja: string };

const LABELS: Record<string, Words> = {
  accepted: { en: 'Accepted', ja: '受け付け' },
  acceptedUserRecords: {
    en: 'Accepted user records (after de-aggregation)',
    ja: '受け付けたユーザーレコード (集約解除後)',
  },
  attempted: { en: 'Attempted', ja: '送信試行' },
  backedUp: { en: 'Backed up to S3', ja: 'S3 にバックアップ' },
  buffered: { en: 'Buffered now', ja: '現在バッファ中' },
  bulkRequests: { en: 'Bulk requests', ja: 'Bulk リクエスト' },
  bytes: { en: 'Bytes', ja: 'バイト' },
  copies: { en: 'COPY commands', ja: 'COPY コマンド' },
  delivered: { en: 'Delivered', ja: '配信済み' },
  deliveringOrRetrying: { en: 'Delivering or retrying', ja: '配信中または再試行中' },
  directRecords: { en: 'Records written directly', ja: '直接書き込まれたレコード' },
  distinctItems: { en: 'Distinct items', ja: '異なる項目数' },
  docs: { en: 'Documents', ja: 'ドキュメント' },
  dropped: { en: 'Dropped', ja: '破棄' },
  droppedAfterRetries: { en: 'Dropped after retries', ja: '再試行後に破棄' },
  droppedRecordAge: { en: 'Dropped (record too old)', ja: '破棄 (レコードの期限切れ)' },
  errors: { en: 'Errors', ja: 'エラー' },
  expired: { en: 'Expired (past retention)', ja: '期限切れ (保持期間超過)' },
  failed: { en: 'Failed', ja: '失敗' },
  failedBulkRequests: { en: 'Failed bulk requests', ja: '失敗した Bulk リクエスト' },
  failedCopies: { en: 'Failed COPY commands', ja: '失敗した COPY コマンド' },
  failedToBackup: { en: 'Failed to back up', ja: 'バックアップ失敗' },
  incoming: { en: 'Incoming', ja: '受信' },
  invocationRetries: { en: 'Invocation retries', ja: '呼び出しの再試行' },
  invocations: { en: 'Invocations', ja: '呼び出し' },
  invoking: { en: 'Invoking now', ja: '現在呼び出し中' },
  itemsWithContent: { en: 'Items with content', ja: '内容のある項目' },
  kinesisRecordsSent: { en: 'Kinesis records sent', ja: '送信した Kinesis レコード' },
  lostAfterS3Retries: { en: 'Lost after S3 retries', ja: 'S3 再試行後に消失' },
  objects: { en: 'Objects', ja: 'オブジェクト' },
  offered: { en: 'Offered', ja: '書き込み要求' },
  openShards: { en: 'Open shards', ja: 'オープンなシャード' },
  outputRecords: { en: 'Output records', ja: '出力レコード' },
  outputs: { en: 'Outputs', ja: '出力' },
  outputsRefused: { en: 'Outputs refused', ja: '拒否された出力' },
  overflowKeys: { en: 'Keys over capacity', ja: '容量超過のキー' },
  partialBatches: { en: 'Partial batch failures', ja: 'バッチの部分失敗' },
  pendingRetry: { en: 'Waiting to retry', ja: '再試行待ち' },
  processingFailed: { en: 'Processing failed', ja: '処理失敗' },
  putCalls: { en: 'Put calls', ja: 'Put 呼び出し' },
  queued: { en: 'Queued', ja: 'キュー内' },
  readFromStream: { en: 'Read from the stream', ja: 'ストリームから読み取り' },
  received: { en: 'Received', ja: '受信' },
  records: { en: 'Records', ja: 'レコード' },
  recordsRead: { en: 'Records read', ja: '読み取ったレコード' },
  refused: { en: 'Refused', ja: '拒否' },
  refusedObjects: { en: 'Refused objects', ja: '拒否されたオブジェクト' },
  reshards: { en: 'Reshards', ja: 'リシャード' },
  retried: { en: 'Retried', ja: '再試行' },
  retriedRecords: { en: 'Retried records', ja: '再試行したレコード' },
  retrying: { en: 'Retrying now', ja: '現在再試行中' },
  rows: { en: 'Rows', ja: '行' },
  rowsIn: { en: 'Rows in', ja: '入力行' },
  rowsOut: { en: 'Rows out', ja: '出力行' },
  sampledInvocations: { en: 'Sampled invocations', ja: 'サンプリングした呼び出し' },
  sentToOnFailure: { en: 'Sent to the on-failure destination', ja: '失敗時の送信先へ送信' },
  sentToTransform: { en: 'Sent to the transform Lambda', ja: '変換 Lambda へ送信' },
  skippedCopies: { en: 'Skipped COPY commands', ja: 'スキップした COPY コマンド' },
  sqlErrors: { en: 'SQL errors', ja: 'SQL エラー' },
  succeeded: { en: 'Succeeded', ja: '成功' },
  throttled: { en: 'Throttled', ja: 'スロットリング' },
  throttles: { en: 'Throttles', ja: 'スロットリング' },
  timeouts: { en: 'Timeouts', ja: 'タイムアウト' },
  tooLarge: { en: 'Too large', ja: 'サイズ超過' },
  totalShards: { en: 'Shards (incl. closed)', ja: 'シャード (クローズ済みを含む)' },
  transformDropped: { en: 'Transform: dropped', ja: '変換: 破棄' },
  transformFailed: { en: 'Transform: failed records', ja: '変換: 失敗したレコード' },
  transformInvocationFailed: { en: 'Transform: failed invocations', ja: '変換: 失敗した呼び出し' },
  transformInvocations: { en: 'Transform: invocations', ja: '変換: 呼び出し' },
  transformOk: { en: 'Transform: OK records', ja: '変換: 成功したレコード' },
  transformRecordsIn: { en: 'Transform: records in', ja: '変換: 入力レコード' },
  transformedOk: { en: 'Transformed OK', ja: '変換成功' },
  unparsed: { en: 'Unparsed', ja: '解析不能' },
  writes: { en: 'Writes', ja: '書き込み' },
  writesWithoutKey: { en: 'Writes without a key', ja: 'キーのない書き込み' },
};

/** Per-consumer counters are keyed "<what>:<consumer id>", e.g. "read:archive". */
const PER_CONSUMER: Record<string, Words> = {
  read: { en: 'Read by {{c}}', ja: '{{c}} が読み取り' },
  expired: { en: 'Expired before {{c}} read them', ja: '{{c}} が読む前に期限切れ' },
};

function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The label of a counter in a locale; `consumerName` turns a consumer id into its node name.
 */
export function counterLabel(
  key: string,
  locale: 'en' | 'ja',
  consumerName: (id: string) => string = (id) => id,
): string {
  const colon = key.indexOf(':');
  if (colon > 0) {
    const pattern = PER_CONSUMER[key.slice(0, colon)];
    if (pattern) return pattern[locale].replace('{{c}}', consumerName(key.slice(colon + 1)));
  }
  const known = LABELS[key];
  if (known) return known[locale];
  return locale === 'en' ? words(key) : key;
}
