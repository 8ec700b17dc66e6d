/**
 * "Make this a lesson": checks proposed from the current run's figures, so that the run the
 * instructor just made passes them (the instructor then edits values, texts, or the start).
 * Pure: takes the design and a report (from the worker mid-run or at the end).
 */
import type { NodeReport, RunReport } from '../engine/api.ts';
import type { NodeKind, PipelineDoc } from '../model/types.ts';
import { evaluateReport } from './evaluate.ts';
import { MEASURE_DEFS } from './measures.ts';
import { type CheckInput, CheckSchema, LESSON_FORMAT, type Lesson, LessonSchema } from './schema.ts';

type Proposer = (n: NodeReport, r: RunReport) => CheckInput[];

const ceilTo = (v: number, step: number) => Math.ceil(v / step) * step;
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'node';

function read(measure: CheckInput['measure'], n: NodeReport, r: RunReport): number {
  return MEASURE_DEFS[measure].fromReport(n, r, 0) ?? 0;
}

function noThrottle(n: NodeReport, r: RunReport, label: string, labelJa: string): CheckInput[] {
  const v = read('throttledRecords', n, r);
  return [
    {
      id: `${slug(n.id)}-throttled`,
      text: {
        en: `${label} \`${n.name}\` throttles ${v === 0 ? '0' : `at most ${v}`} records`,
        ja: `${labelJa} \`${n.name}\` のスロットリングが ${v === 0 ? '0' : `${v} 以下`}`,
      },
      node: n.id,
      measure: 'throttledRecords',
      op: v === 0 ? '==' : '<=',
      value: v,
      afterSec: r.simulatedSeconds,
    },
  ];
}

function delivered(n: NodeReport, r: RunReport): CheckInput[] {
  const v = Math.floor(read('delivered', n, r) * 0.9);
  if (v <= 0) return [];
  return [
    {
      id: `${slug(n.id)}-delivered`,
      text: { en: `\`${n.name}\` receives at least ${v} records`, ja: `\`${n.name}\` が ${v} 件以上を受信` },
      node: n.id,
      measure: 'delivered',
      op: '>=',
      value: v,
    },
  ];
}

const PROPOSE: Record<NodeKind, Proposer> = {
  producer: (n, r) => {
    const v = read('droppedRecords', n, r);
    if (v > 0) return [];
    return [
      {
        id: `${slug(n.id)}-no-drops`,
        text: {
          en: `Producer \`${n.name}\` drops 0 records`,
          ja: `プロデューサー \`${n.name}\` の破棄が 0 件`,
        },
        node: n.id,
        measure: 'droppedRecords',
        op: '==',
        value: 0,
        afterSec: r.simulatedSeconds,
      },
    ];
  },
  stream: (n, r) => [
    ...noThrottle(n, r, 'Stream', 'ストリーム'),
    {
      id: `${slug(n.id)}-shards`,
      text: {
        en: `Stream \`${n.name}\` has at most ${read('openShards', n, r)} open shards`,
        ja: `ストリーム \`${n.name}\` のオープンなシャードが ${read('openShards', n, r)} 以下`,
      },
      node: n.id,
      measure: 'openShards',
      op: '<=',
      value: read('openShards', n, r),
    },
  ],
  lambda: (n, r) => {
    const age = read('iteratorAgeMs', n, r);
    const transformed = read('transformedRecords', n, r);
    if (transformed > 0) {
      const v = Math.floor(transformed * 0.9);
      return [
        {
          id: `${slug(n.id)}-transformed`,
          text: {
            en: `\`${n.name}\` transforms at least ${v} records`,
            ja: `\`${n.name}\` が ${v} 件以上を変換`,
          },
          node: n.id,
          measure: 'transformedRecords',
          op: '>=',
          value: v,
        },
      ];
    }
    const limit = Math.max(1_000, ceilTo(age * 1.5, 1_000));
    return [
      {
        id: `${slug(n.id)}-iterator-age`,
        text: {
          en: `\`${n.name}\`'s max iterator age stays under ${limit / 1000} s`,
          ja: `\`${n.name}\` のイテレーターエイジの最大値が ${limit / 1000} 秒未満`,
        },
        node: n.id,
        measure: 'iteratorAgeMs',
        op: '<',
        value: limit,
        afterSec: r.simulatedSeconds,
      },
    ];
  },
  analytics: (n, r) => {
    const v = read('sqlRowsOut', n, r);
    const lo = Math.floor(v * 0.8);
    const hi = Math.ceil(v * 1.2);
    return [
      {
        id: `${slug(n.id)}-rows`,
        text: { en: `\`${n.name}\` outputs ${lo}–${hi} rows`, ja: `\`${n.name}\` の出力が ${lo}〜${hi} 行` },
        node: n.id,
        measure: 'sqlRowsOut',
        op: 'between',
        value: lo,
        max: hi,
        afterSec: r.simulatedSeconds,
      },
    ];
  },
  firehose: (n, r) => noThrottle(n, r, 'Firehose', 'Firehose'),
  s3: (n, r) => {
    const objects = read('objects', n, r);
    if (objects === 0) return [];
    const avg = Math.floor(read('avgObjectBytes', n, r) * 0.9);
    return [
      {
        id: `${slug(n.id)}-objects`,
        text: {
          en: `\`${n.name}\` gets at least ${objects} objects`,
          ja: `\`${n.name}\` に ${objects} 個以上のオブジェクト`,
        },
        node: n.id,
        measure: 'objects',
        op: '>=',
        value: objects,
      },
      {
        id: `${slug(n.id)}-object-size`,
        text: {
          en: `\`${n.name}\` objects average at least ${avg.toLocaleString('en-US')} bytes`,
          ja: `\`${n.name}\` のオブジェクトの平均が ${avg.toLocaleString('en-US')} バイト以上`,
        },
        node: n.id,
        measure: 'avgObjectBytes',
        op: '>=',
        value: avg,
        afterSec: r.simulatedSeconds,
      },
    ];
  },
  redshift: delivered,
  opensearch: delivered,
  dynamodb: delivered,
  consumerApp: delivered,
};

/** Checks the report's own run passes: one or two per node, plus the monthly cost. */
export function proposeChecks(report: RunReport): Lesson['checks'] {
  const raw: CheckInput[] = report.nodes.flatMap((n) => PROPOSE[n.kind](n, report));
  const usd = Math.max(1, Math.ceil(report.cost.perMonthUsd * 1.1));
  raw.push({
    id: 'cost',
    text: { en: `Costs at most $${usd} a month`, ja: `月額 $${usd} 以下` },
    measure: 'costPerMonthUsd',
    op: '<=',
    value: usd,
  });
  const checks = raw.map((c) => CheckSchema.parse(c));
  // Keep only what this run passes (a figure read before a window closes may not yet).
  const ok = evaluateReport(checks, report);
  return checks.filter((_, i) => ok[i].passed);
}

/** A lesson whose start is the current design and whose checks the current run passes. */
export function lessonFromDesign(doc: PipelineDoc, report: RunReport, id = slug(doc.name)): Lesson {
  return LessonSchema.parse({
    format: LESSON_FORMAT,
    id,
    title: { en: doc.name, ja: doc.name },
    text: { en: doc.description || doc.name, ja: doc.description || doc.name },
    runSec: Math.max(1, Math.round(report.simulatedSeconds)),
    start: { design: doc, changes: [] },
    steps: [{ text: { en: 'Make every check pass.', ja: 'すべてのチェックに合格させましょう。' } }],
    checks: proposeChecks(report),
    solution: { text: { en: 'The design as it was made.', ja: '作成時の設計。' }, changes: [] },
  });
}
