/** Lessons 1–3 and 9: shards, partition keys, resharding, sizing for a peak (all on the hot-key template). */
import type { LessonInput } from '../schema.ts';

const F = 'shardscape.lesson' as const;

export const firstStream: LessonInput = {
  format: F,
  id: 'first-stream',
  title: { en: 'The first stream and its shards', ja: '最初のストリームとシャード' },
  text: {
    en: 'A device fleet sends 3,000 records/s into the stream `telemetry`, which has 1 shard. Each shard takes at most 1,000 records/s or 1 MiB/s of writes: size the stream so nothing is throttled, without paying for shards you do not need.',
    ja: 'デバイス群が毎秒 3,000 レコードをストリーム `telemetry` (1 シャード) に送ります。1 シャードの書き込みは最大 1,000 件/秒 または 1 MiB/秒です。スロットリングが起きず、不要なシャードに払わないシャード数にしてください。',
  },
  runSec: 60,
  start: {
    template: 'hot-key',
    changes: [
      {
        type: 'patch',
        node: 'devices',
        config: {
          rate: { type: 'constant', recordsPerSec: 3_000 },
          partitionKey: { type: 'random' },
          batchSize: 100,
        },
      },
      { type: 'patch', node: 'telemetry', config: { shardCount: 1 } },
    ],
  },
  steps: [
    {
      text: {
        en: 'Press Run and watch the stream card turn red.',
        ja: '実行して、ストリームのカードが赤くなるのを見てください。',
      },
    },
    {
      text: {
        en: 'Select `telemetry` and raise its shard count.',
        ja: '`telemetry` を選択し、シャード数を増やします。',
      },
      hint: {
        en: '3,000 records/s ÷ 1,000 per shard = 3 shards at 100 %; leave some headroom.',
        ja: '3,000 件/秒 ÷ シャードあたり 1,000 = 3 シャードで使用率 100 %。少し余裕を持たせましょう。',
      },
    },
  ],
  checks: [
    {
      id: 'no-throttling',
      text: {
        en: 'Stream `telemetry` throttles 0 records over 60 simulated s',
        ja: 'ストリーム `telemetry` のスロットリングがシミュレーション 60 秒間で 0 件',
      },
      node: 'telemetry',
      measure: 'throttledRecords',
      op: '==',
      value: 0,
      afterSec: 60,
    },
    {
      id: 'lean',
      text: { en: 'At most 6 open shards', ja: 'オープンなシャードは 6 以下' },
      node: 'telemetry',
      measure: 'openShards',
      op: '<=',
      value: 6,
    },
  ],
  solution: {
    text: {
      en: '5 shards: 600 records/s each, 60 % used.',
      ja: '5 シャード: 各 600 件/秒、使用率 60 %。',
    },
    changes: [{ type: 'patch', node: 'telemetry', config: { shardCount: 5 } }],
  },
};

export const hotKey: LessonInput = {
  format: F,
  id: 'hot-key',
  title: { en: 'Partition keys and the hot shard', ja: 'パーティションキーとホットシャード' },
  text: {
    en: '2,000 records/s into 4 shards is only half their capacity, yet records are throttled: 60 % of them use the partition key "device-0001", and one key always lands on one shard. Fix the key, not the shard count.',
    ja: '4 シャードに毎秒 2,000 レコードは容量の半分ですが、スロットリングが起きています。60 % のレコードがパーティションキー「device-0001」を使い、同じキーは必ず同じシャードに入るためです。シャード数ではなくキーを直しましょう。',
  },
  runSec: 90,
  start: {
    template: 'hot-key',
    // PutRecords calls of 100 (not 500) so each call spreads thinly over the shards.
    changes: [{ type: 'patch', node: 'devices', config: { batchSize: 100 } }],
  },
  steps: [
    {
      text: {
        en: 'Run it: one shard cell is red while three idle.',
        ja: '実行すると、1 つのシャードだけが赤く、残り 3 つは空いています。',
      },
    },
    {
      text: {
        en: 'Select the producer `device-telemetry` and change its partition key strategy.',
        ja: 'プロデューサー `device-telemetry` を選択し、パーティションキーの戦略を変更します。',
      },
      hint: {
        en: 'Use keys with many values spread evenly, e.g. random keys.',
        ja: '均等に分散する多くの値のキー (例: ランダムなキー) を使います。',
      },
    },
    { text: { en: 'Run again from the start.', ja: '最初からもう一度実行します。' } },
  ],
  checks: [
    {
      id: 'no-throttling',
      text: {
        en: 'Stream `telemetry` throttles 0 records (judged at 60 simulated s, kept to the end)',
        ja: 'ストリーム `telemetry` のスロットリングが 0 件 (シミュレーション 60 秒で判定、最後まで維持)',
      },
      node: 'telemetry',
      measure: 'throttledRecords',
      op: '==',
      value: 0,
      afterSec: 60,
    },
    {
      id: 'four-shards',
      text: { en: 'Still 4 shards (no extra cost)', ja: 'シャードは 4 のまま (追加コストなし)' },
      node: 'telemetry',
      measure: 'openShards',
      op: '<=',
      value: 4,
    },
  ],
  solution: {
    text: {
      en: 'Random partition keys spread the records evenly over the 4 shards (about 500 records/s each).',
      ja: 'ランダムなパーティションキーでレコードが 4 シャードに均等に分散します (各約 500 件/秒)。',
    },
    changes: [{ type: 'patch', node: 'devices', config: { partitionKey: { type: 'random' } } }],
  },
};

export const reshardLive: LessonInput = {
  format: F,
  id: 'reshard-live',
  title: { en: 'Resharding live', ja: 'ライブでリシャーディング' },
  text: {
    en: "Traffic grew to 1,500 records/s on a 1-shard stream. Reshard while it runs: UpdateShardCount splits the shard, the parent is read before its children, and throttling stops. In the studio, change the shard count during the run; in a design file, schedule it in the stream's `reshards`.",
    ja: '1 シャードのストリームへのトラフィックが毎秒 1,500 レコードに増えました。実行中にリシャードしましょう。UpdateShardCount がシャードを分割し、親シャードを読み終えてから子シャードを読み、スロットリングが止まります。スタジオでは実行中にシャード数を変更し、設計ファイルではストリームの `reshards` に予定します。',
  },
  runSec: 90,
  start: {
    template: 'hot-key',
    changes: [
      {
        type: 'patch',
        node: 'devices',
        config: {
          rate: { type: 'constant', recordsPerSec: 1_500 },
          partitionKey: { type: 'random' },
          batchSize: 100,
        },
      },
      { type: 'patch', node: 'telemetry', config: { shardCount: 1 } },
    ],
  },
  steps: [
    {
      text: {
        en: 'Press Run: the single shard is over its limit.',
        ja: '実行すると、1 つのシャードが上限を超えています。',
      },
    },
    {
      text: {
        en: 'While it runs, set the shard count of `telemetry` to 2 and press Enter: a reshard marker lands on the timeline.',
        ja: '実行中に `telemetry` のシャード数を 2 にして Enter を押すと、タイムラインにリシャードのマーカーが付きます。',
      },
      hint: {
        en: 'Reshard within the first 45 s so the last 45 s are clean.',
        ja: '最後の 45 秒をきれいにするため、最初の 45 秒以内にリシャードしてください。',
      },
    },
  ],
  checks: [
    {
      id: 'resharded',
      text: { en: 'The stream was resharded at least once', ja: 'ストリームを 1 回以上リシャード' },
      node: 'telemetry',
      measure: 'reshards',
      op: '>=',
      value: 1,
    },
    {
      id: 'clean-after',
      text: {
        en: 'No throttling from 45 s to the end (90 s)',
        ja: '45 秒から終了 (90 秒) までスロットリングなし',
      },
      node: 'telemetry',
      measure: 'throttledRecords',
      op: '==',
      value: 0,
      fromSec: 45,
      afterSec: 90,
    },
  ],
  solution: {
    text: { en: 'UpdateShardCount to 2 at 15 s.', ja: '15 秒で UpdateShardCount により 2 シャードへ。' },
    changes: [
      {
        type: 'patch',
        node: 'telemetry',
        config: { reshards: [{ atSec: 15, action: { type: 'updateShardCount', targetShardCount: 2 } }] },
      },
    ],
  },
};

export const peakSizing: LessonInput = {
  format: F,
  id: 'peak-sizing',
  title: {
    en: 'Sizing a stream for a peak at least cost',
    ja: 'ピークに合わせて最小コストでストリームを設計',
  },
  text: {
    en: 'Traffic is 500 records/s with a 20 s burst of 3,500 records/s every minute. The stream has 10 shards: nothing is lost, but you pay for twice what the peak needs. Find the fewest shards that still throttle nothing.',
    ja: 'トラフィックは毎秒 500 レコードで、1 分ごとに 20 秒間 3,500 件/秒のバーストがあります。ストリームは 10 シャードで何も失われませんが、ピークに必要な量の 2 倍を払っています。スロットリングが起きない最小のシャード数を見つけてください。',
  },
  runSec: 120,
  start: {
    template: 'hot-key',
    changes: [
      {
        type: 'patch',
        node: 'devices',
        config: {
          rate: { type: 'burst', basePerSec: 500, burstPerSec: 3_500, burstSec: 20, everySec: 60 },
          partitionKey: { type: 'random' },
          batchSize: 100,
        },
      },
      { type: 'patch', node: 'telemetry', config: { shardCount: 10 } },
    ],
  },
  steps: [
    {
      text: {
        en: 'Run it and read the peak on the stream card and in the Metrics tab.',
        ja: '実行して、ストリームのカードとメトリクスタブでピークを読み取ります。',
      },
    },
    {
      text: {
        en: 'Lower the shard count step by step and run again.',
        ja: 'シャード数を少しずつ減らして再実行します。',
      },
      hint: {
        en: 'Size for the peak (3,500 records/s), not the average, with about 30 % headroom.',
        ja: '平均ではなくピーク (3,500 件/秒) に合わせ、30 % ほど余裕を持たせます。',
      },
    },
  ],
  checks: [
    {
      id: 'no-throttling',
      text: {
        en: 'Stream `telemetry` throttles 0 records over 120 s',
        ja: 'ストリーム `telemetry` のスロットリングが 120 秒間で 0 件',
      },
      node: 'telemetry',
      measure: 'throttledRecords',
      op: '==',
      value: 0,
      afterSec: 120,
    },
    {
      id: 'few-shards',
      text: { en: 'At most 5 shards', ja: 'シャードは 5 以下' },
      node: 'telemetry',
      measure: 'openShards',
      op: '<=',
      value: 5,
    },
  ],
  solution: {
    text: { en: '5 shards: the peak uses 70 % of them.', ja: '5 シャード: ピーク時の使用率 70 %。' },
    changes: [{ type: 'patch', node: 'telemetry', config: { shardCount: 5 } }],
  },
};
