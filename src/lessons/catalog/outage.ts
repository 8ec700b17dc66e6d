/** Lesson 8: a destination outage, retries, and the on-failure destination (DLQ). */
import type { LessonInput } from '../schema.ts';

const F = 'shardscape.lesson' as const;

export const outageDlq: LessonInput = {
  format: F,
  id: 'outage-dlq',
  title: { en: 'A destination outage, retries and the DLQ', ja: '送信先の障害、再試行と DLQ' },
  text: {
    en: 'The table behind `slow-enricher` is down from 20 s to 80 s, so every invocation fails then (an error-rate fault on the timeline). With unlimited retries the function retries the same batch until the table is back, and every shard stops behind it. Bound the retries and send what fails to an on-failure destination (a DLQ) so the stream keeps flowing.',
    ja: '`slow-enricher` の書き込み先テーブルが 20 秒から 80 秒まで停止し、その間の呼び出しはすべて失敗します (タイムラインのエラー率の障害)。再試行が無制限だと関数はテーブルが戻るまで同じバッチを再試行し、シャード全体が止まります。再試行回数を制限し、失敗したものを失敗時の送信先 (DLQ) に送って、ストリームを流し続けましょう。',
  },
  runSec: 120,
  start: {
    template: 'slow-lambda',
    changes: [
      {
        type: 'patch',
        node: 'enricher',
        config: { duration: { type: 'fixed', ms: 100 }, esm: { parallelizationFactor: 2 } },
      },
      {
        type: 'timeline',
        event: {
          id: 'outage',
          type: 'lambdaErrorRate',
          nodeId: 'enricher',
          fromSec: 20,
          toSec: 80,
          errorRate: 1,
        },
      },
    ],
  },
  steps: [
    {
      text: {
        en: 'Run it: watch the iterator age climb during the outage.',
        ja: '実行し、障害中にイテレーターエイジが伸びるのを見ます。',
      },
    },
    {
      text: {
        en: 'Select `slow-enricher`: set Maximum retry attempts to 2 and an on-failure destination (SQS).',
        ja: '`slow-enricher` を選択し、最大再試行回数を 2、失敗時の送信先を SQS にします。',
      },
      hint: {
        en: 'Bisect on function error narrows a failing batch down before giving up on it.',
        ja: '「関数エラー時にバッチを分割」は、諦める前に失敗したバッチを絞り込みます。',
      },
    },
  ],
  checks: [
    {
      id: 'to-dlq',
      text: {
        en: 'Failed batches went to the on-failure destination',
        ja: '失敗したバッチが失敗時の送信先に送られた',
      },
      node: 'enricher',
      measure: 'failedRecords',
      op: '>=',
      value: 1,
    },
    {
      id: 'keeps-flowing',
      text: {
        en: 'The iterator age stays under 10 s during and after the outage',
        ja: '障害中も障害後もイテレーターエイジが 10 秒未満',
      },
      node: 'enricher',
      measure: 'iteratorAgeMs',
      op: '<',
      value: 10_000,
      afterSec: 120,
    },
  ],
  solution: {
    text: { en: '2 retries, then SQS.', ja: '再試行 2 回の後 SQS へ。' },
    changes: [
      {
        type: 'patch',
        node: 'enricher',
        config: { esm: { maximumRetryAttempts: 2, onFailureDestination: 'sqs' } },
      },
    ],
  },
};
