/**
 * A finished sweep as files: Markdown (the figures table and the recommendation in words) and CSV
 * (one row per point, the CLI's JSON keys as column names, the same numbers). Pure text; the studio
 * downloads them. English or Japanese headings; the numbers are the same in both.
 */
import type { Locale, Text } from '../../model/kinds/index.ts';
import type { PipelineDoc } from '../../model/types.ts';
import type { SweepRun } from './sweep.ts';
import type { GridPoint, SweepRecommendation, SweepSpec } from './sweep-grid.ts';

/** The figures of a row, in column order, keyed as in `npx shardscape plan --json`. */
export const FIGURES = [
  'offeredRecords',
  'acceptedRecords',
  'throttledRecords',
  'droppedRecords',
  'maxIteratorAgeMs',
  'costPerMonthUsd',
] as const;
export type Figure = (typeof FIGURES)[number];

export const FIGURE_LABELS: Record<Figure, Text> = {
  offeredRecords: { en: 'Offered records', ja: '送信レコード' },
  acceptedRecords: { en: 'Accepted records', ja: '受理レコード' },
  throttledRecords: { en: 'Throttled put attempts', ja: 'スロットリングされた書き込み試行' },
  droppedRecords: { en: 'Dropped records', ja: 'ドロップしたレコード' },
  maxIteratorAgeMs: { en: 'Max iterator age (ms)', ja: '最大イテレーター経過時間 (ms)' },
  costPerMonthUsd: { en: 'Cost / month (USD)', ja: 'コスト / 月 (USD)' },
};

const T = {
  title: { en: 'Sweep', ja: 'スイープ' },
  design: { en: 'Design', ja: 'デザイン' },
  seed: { en: 'seed', ja: 'シード' },
  perPoint: { en: 'simulated seconds per point', ja: 'シミュレーション秒 (各点)' },
  headroom: { en: 'headroom', ja: '目標使用率' },
  recommendation: { en: 'Recommendation', ja: '推奨' },
  hotKeys: {
    en: 'Hot partition keys (no shard count fixes them)',
    ja: 'ホットなパーティションキー (シャード数では解消しません)',
  },
  recommended: { en: 'recommended', ja: '推奨' },
  notes: {
    en: 'Throttled put attempts count retries, as CloudWatch’s WriteProvisionedThroughputExceeded does; dropped records are those given up after the last retry. Cost per month is the run’s metered cost over a 730-hour month. The same figures come from `npx shardscape plan … --json` for the same design, seed and duration.',
    ja: 'スロットリングされた書き込み試行は再試行を含みます (CloudWatch の WriteProvisionedThroughputExceeded と同じ数え方)。ドロップしたレコードは最後の再試行の後に諦めたレコードです。月額コストは実行で計測したコストを 730 時間の月に換算したものです。同じデザイン・シード・時間で `npx shardscape plan … --json` も同じ数値を出します。',
  },
} satisfies Record<string, Text>;

/** "telemetry · Shards" for an axis: the node's name and the field's label. */
export type AxisLabel = (axisIndex: number, locale: Locale) => string;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const cell = (f: Figure, r: SweepRun) => (f === 'costPerMonthUsd' ? r.costPerMonthUsd.toFixed(2) : int(r[f]));
const mdEscape = (s: string) => s.replace(/\|/g, '\\|');

export interface SweepReportInput {
  doc: PipelineDoc;
  spec: SweepSpec;
  points: GridPoint[];
  runs: SweepRun[];
  recommendation: SweepRecommendation | null;
  axisLabel: AxisLabel;
}

export function sweepMarkdown(input: SweepReportInput, l: Locale): string {
  const { doc, spec, points, runs, recommendation: rec, axisLabel } = input;
  const axes = spec.axes.map((a, i) => `${axisLabel(i, l)} ${a.values[0]}..${a.values[a.values.length - 1]}`);
  const head = [...spec.axes.map((_, i) => axisLabel(i, l)), ...FIGURES.map((f) => FIGURE_LABELS[f][l])];
  const rows = runs.map((r, i) => {
    const mark = rec?.index === i ? ` ◀ ${T.recommended[l]}` : '';
    const values = points[i].values.map((v, k) => (k === 0 ? `${v}${mark}` : String(v)));
    return [...values, ...FIGURES.map((f) => cell(f, r))];
  });
  const line = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
  const align = head.map((_, i) => (i < spec.axes.length ? '---' : '---:'));
  const out = [
    `# ${T.title[l]}: ${axes.join(' × ')}`,
    '',
    `${T.design[l]}: **${doc.name}** · ${T.seed[l]} ${doc.settings.seed} · ${spec.durationSec} ${T.perPoint[l]} · ${T.headroom[l]} ${Math.round(spec.headroom * 100)} %`,
    '',
    line(head),
    `| ${align.join(' | ')} |`,
    ...rows.map(line),
    '',
  ];
  if (rec) {
    const at = rec.values.map((v, i) => `${axisLabel(i, l)} = ${v}`).join(', ');
    out.push(`## ${T.recommendation[l]}: ${at}`, '', rec.reason[l], '');
    if (rec.hotKeys.length > 0)
      out.push(`${T.hotKeys[l]}: ${rec.hotKeys.map((k) => `\`${k}\``).join(', ')}`, '');
  }
  out.push(`_${T.notes[l]}_`, '');
  return out.join('\n');
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per point: `NODE.FIELD` columns for the axes, then the CLI's keys, plain numbers. */
export function sweepCsv(input: SweepReportInput): string {
  const { spec, points, runs, recommendation: rec } = input;
  const head = [...spec.axes.map((a) => `${a.nodeId}.${a.field}`), ...FIGURES, 'recommended'];
  const rows = runs.map((r, i) => [
    ...points[i].values.map(String),
    ...FIGURES.map((f) => String(r[f])),
    rec?.index === i ? 'yes' : '',
  ]);
  return `${[head, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
