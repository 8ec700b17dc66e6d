/** Lessons 4–8: Lambda lag, Firehose buffering, Analytics SQL, transform + delivery, an outage and the DLQ. */
import { templateById } from '../../model/templates/index.ts';
import type { LessonInput } from '../schema.ts';

const F = 'shardscape.lesson' as const;

export const lambdaLag: LessonInput = {
  format: F,
  id: 'lambda-lag',
  title: { en: 'Lambda falling behind', ja: 'Lambda の処理遅延' },
  text: {
    en: 'The function `slow-enricher` takes 2 s per batch of 100 records, so each shard drains 50 records/s while 250 records/s arrive. Its iterator age climbs. Keep it under 5 s with the event source mapping: batch size and parallelization factor.',
    ja: '関数 `slow-enricher` は 100 件のバッチに 2 秒かかるため、各シャードで毎秒 250 レコード届くのに 50 レコードしか処理できません。イテレーターエイジが伸び続けます。イベントソースマッピングのバッチサイズと並列化係数で 5 秒未満に抑えてください。',
  },
  runSec: 120,
  start: { template: 'slow-lambda', changes: [] },
  steps: [
    {
      text: {
        en: 'Run it and watch the iterator age on the Lambda card.',
        ja: '実行し、Lambda カードのイテレーターエイジを見ます。',
      },
    },
    {
      text: {
        en: 'Select `slow-enricher` and raise the parallelization factor (1–10) or the batch size.',
        ja: '`slow-enricher` を選択し、並列化係数 (1〜10) かバッチサイズを上げます。',
      },
      hint: {
        en: 'Parallelization factor N runs N batches per shard at once: 10 × 50 = 500 records/s per shard.',
        ja: '並列化係数 N でシャードごとに N バッチを同時に処理: 10 × 50 = 500 件/秒/シャード。',
      },
    },
  ],
  checks: [
    {
      id: 'iterator-age',
      text: {
        en: "The function's max iterator age stays under 5 s (from 30 s on)",
        ja: '関数のイテレーターエイジの最大値が 5 秒未満 (30 秒以降)',
      },
      node: 'enricher',
      measure: 'iteratorAgeMs',
      op: '<',
      value: 5_000,
      fromSec: 30,
      afterSec: 120,
    },
    {
      id: 'processed',
      text: { en: 'At least 50,000 records processed', ja: '50,000 件以上を処理' },
      node: 'enricher',
      measure: 'delivered',
      op: '>=',
      value: 50_000,
    },
  ],
  solution: {
    text: { en: 'Parallelization factor 10.', ja: '並列化係数 10。' },
    changes: [{ type: 'patch', node: 'enricher', config: { esm: { parallelizationFactor: 10 } } }],
  },
};

export const firehoseBuffer: LessonInput = {
  format: F,
  id: 'firehose-buffer',
  title: { en: 'Firehose buffering to S3', ja: 'Firehose のバッファリングと S3' },
  text: {
    en: 'The selfie booth now sends 2,000 records/s, and Firehose `selfie-archive` flushes every 1 MiB: S3 fills with small objects, which are slow and costly to query. A flush happens at the buffer size or the buffer interval, whichever comes first. Make objects of at least 8 MiB.',
    ja: '自撮りブースは毎秒 2,000 レコードを送り、Firehose `selfie-archive` は 1 MiB ごとにフラッシュするため、S3 が小さなオブジェクトで埋まります (クエリが遅く高コスト)。フラッシュはバッファサイズかバッファ間隔の早い方で起きます。8 MiB 以上のオブジェクトにしてください。',
  },
  runSec: 150,
  start: {
    template: 'selfie-dashboard',
    changes: [
      { type: 'patch', node: 'booth', config: { rate: { type: 'constant', recordsPerSec: 2_000 } } },
      { type: 'patch', node: 'faces', config: { shardCount: 4 } },
      {
        type: 'patch',
        node: 'archive',
        config: { bufferSizeMiB: 1, bufferIntervalSec: 60, compression: 'UNCOMPRESSED' },
      },
    ],
  },
  steps: [
    {
      text: {
        en: 'Run it and open the Destinations tab: count the objects in `selfie-face-data`.',
        ja: '実行して送信先タブを開き、`selfie-face-data` のオブジェクト数を数えます。',
      },
    },
    {
      text: {
        en: 'Select `selfie-archive` and change its buffer size and interval.',
        ja: '`selfie-archive` を選択し、バッファサイズとバッファ間隔を変更します。',
      },
      hint: {
        en: 'About 440 KB/s arrive: 60 s of it is about 26 MB. With a 64 MiB buffer the interval flushes first.',
        ja: '約 440 KB/秒 が届くので 60 秒で約 26 MB。バッファ 64 MiB なら間隔が先にフラッシュします。',
      },
    },
  ],
  checks: [
    {
      id: 'big-objects',
      text: { en: 'S3 objects average at least 8 MiB', ja: 'S3 オブジェクトの平均サイズが 8 MiB 以上' },
      node: 'photos',
      measure: 'avgObjectBytes',
      op: '>=',
      value: 8 * 1_048_576,
      afterSec: 150,
    },
    {
      id: 'delivered',
      text: { en: 'At least 2 objects delivered', ja: '2 個以上のオブジェクトを配信' },
      node: 'photos',
      measure: 'objects',
      op: '>=',
      value: 2,
    },
  ],
  solution: {
    text: { en: '64 MiB / 60 s: one object a minute.', ja: '64 MiB / 60 秒: 1 分に 1 オブジェクト。' },
    changes: [{ type: 'patch', node: 'archive', config: { bufferSizeMiB: 64 } }],
  },
};

const seedSql = (() => {
  const n = templateById('selfie-dashboard')?.doc.nodes.find((x) => x.id === 'mustache');
  return n?.kind === 'analytics' ? n.config.sql : '';
})();

export const analyticsSql: LessonInput = {
  format: F,
  id: 'analytics-sql',
  title: { en: 'Analytics SQL: a count per minute', ja: 'Analytics SQL: 1 分ごとの集計' },
  text: {
    en: "The demo from the talk counts moustaches every second with `STEP(ROWTIME BY INTERVAL '1' SECOND)`. The dashboard wants one row per minute. Change the tumbling window of `mustache-counter`.",
    ja: "講演のデモは `STEP(ROWTIME BY INTERVAL '1' SECOND)` で 1 秒ごとに口ひげを数えます。ダッシュボードでは 1 分ごとに 1 行にしたいので、`mustache-counter` のタンブリングウィンドウを変更してください。",
  },
  runSec: 190,
  start: { template: 'selfie-dashboard', changes: [] },
  steps: [
    {
      text: {
        en: 'Run it and open the SQL results tab: a row every second.',
        ja: '実行して SQL 結果タブを開くと、毎秒 1 行です。',
      },
    },
    {
      text: {
        en: 'Select `mustache-counter` and change both STEP windows to one minute.',
        ja: '`mustache-counter` を選択し、2 つの STEP ウィンドウを 1 分に変更します。',
      },
      hint: { en: "INTERVAL '1' MINUTE (or '60' SECOND).", ja: "INTERVAL '1' MINUTE (または '60' SECOND)。" },
    },
  ],
  checks: [
    {
      id: 'per-minute',
      text: {
        en: 'The SQL output has one row per minute (2–4 rows in 190 s)',
        ja: 'SQL の出力が 1 分に 1 行 (190 秒で 2〜4 行)',
      },
      node: 'mustache',
      measure: 'sqlRowsOut',
      op: 'between',
      value: 2,
      max: 4,
      afterSec: 190,
    },
    {
      id: 'dashboard',
      text: { en: 'The dashboard table received the counts', ja: 'ダッシュボードのテーブルに集計が届く' },
      node: 'dashboard',
      measure: 'delivered',
      op: '>=',
      value: 2,
    },
  ],
  solution: {
    text: {
      en: "STEP(… BY INTERVAL '1' MINUTE) in the SELECT and the GROUP BY.",
      ja: "SELECT と GROUP BY の両方を STEP(… BY INTERVAL '1' MINUTE) に。",
    },
    changes: [
      {
        type: 'patch',
        node: 'mustache',
        config: { sql: seedSql.replaceAll("INTERVAL '1' SECOND", "INTERVAL '1' MINUTE") },
      },
    ],
  },
};

export const transformDelivery: LessonInput = {
  format: F,
  id: 'transform-delivery',
  title: { en: 'Transform and deliver to OpenSearch', ja: '変換して OpenSearch に配信' },
  text: {
    en: 'Firehose `access-logs` indexes raw log documents into OpenSearch. The Lambda `enrich-access-logs` is written but not attached. Turn on data transformation so every document passes through it before delivery (Redshift works the same way: Firehose stages in S3 and runs COPY).',
    ja: 'Firehose `access-logs` は加工前のログを OpenSearch にインデックスしています。Lambda `enrich-access-logs` は作成済みですが接続されていません。データ変換を有効にし、配信前にすべてのドキュメントが変換されるようにします (Redshift も同様: Firehose が S3 にステージングして COPY を実行します)。',
  },
  runSec: 130,
  start: {
    template: 'log-analytics',
    changes: [{ type: 'patch', node: 'logs', config: { transformLambdaId: null } }],
  },
  steps: [
    {
      text: {
        en: 'Select `access-logs` and pick the transform Lambda.',
        ja: '`access-logs` を選択し、変換用 Lambda を選びます。',
      },
      hint: {
        en: 'Transformation (Lambda) in the Firehose inspector; the function must be a Firehose transform.',
        ja: 'Firehose インスペクターの「変換 (Lambda)」。関数は Firehose 変換用である必要があります。',
      },
    },
    {
      text: {
        en: 'Run for two buffer intervals and open the Destinations tab.',
        ja: 'バッファ間隔 2 回分実行し、送信先タブを開きます。',
      },
    },
  ],
  checks: [
    {
      id: 'transformed',
      text: { en: 'The Lambda transformed at least 1,000 records', ja: 'Lambda が 1,000 件以上を変換' },
      node: 'enrich',
      measure: 'transformedRecords',
      op: '>=',
      value: 1_000,
    },
    {
      id: 'indexed',
      text: {
        en: 'OpenSearch indexed at least 1,000 documents',
        ja: 'OpenSearch に 1,000 件以上のドキュメント',
      },
      node: 'search',
      measure: 'delivered',
      op: '>=',
      value: 1_000,
    },
  ],
  solution: {
    text: { en: 'Transform with `enrich-access-logs`.', ja: '`enrich-access-logs` で変換。' },
    changes: [{ type: 'patch', node: 'logs', config: { transformLambdaId: 'enrich' } }],
  },
};
