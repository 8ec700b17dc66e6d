/**
 * The comparison as a report (pure text): Markdown with the verdict and the figures for people,
 * CSV with raw numbers for a spreadsheet (one row per figure, then the overlaid series). The PNG
 * of the overlaid chart is drawn by the UI (src/ui/run/exportChart.ts).
 */
import { type Comparable, compareRuns, fmtDiff, fmtValue } from './history-compare.ts';
import { displayLabel, type HistoryEntry, type HistorySeries } from './history-entry.ts';

type Lang = 'en' | 'ja';
export type ReportRun = Comparable & Partial<Pick<HistoryEntry, 'createdAt' | 'priceBook' | 'nodes'>>;

const T = {
  en: {
    title: 'Comparison',
    design: 'Design',
    verdict: 'Verdict',
    figure: 'Figure',
    runs: 'Runs',
    seed: 'seed',
    duration: 'simulated',
    priceBook: 'price book',
    perNode: 'Per node (counters at the end of each run)',
    counter: 'Counter',
    note: 'Counts are totals over each run. Throttled put attempts include retries, as CloudWatch counts WriteProvisionedThroughputExceeded. Cost per month is extrapolated from the last simulated minute.',
  },
  ja: {
    title: '比較',
    design: 'デザイン',
    verdict: '結論',
    figure: '項目',
    runs: '実行',
    seed: 'シード',
    duration: 'シミュレーション',
    priceBook: '料金表',
    perNode: 'ノードごと（各実行の終了時のカウンター）',
    counter: 'カウンター',
    note: '件数は各実行の合計です。スロットリングされた書き込み試行には再試行が含まれます（CloudWatch の WriteProvisionedThroughputExceeded と同じ数え方）。月額コストは最後のシミュレーション 1 分間からの推定です。',
  },
} as const;

/** A Markdown table cell: pipes escaped, no line breaks. */
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Per-node counters present in both runs (at most 12 nodes, the doc order of A). */
function nodeRows(a: ReportRun, b: ReportRun): { node: string; counter: string; a: number; b: number }[] {
  const out: { node: string; counter: string; a: number; b: number }[] = [];
  const bNodes = new Map((b.nodes ?? []).map((n) => [n.id, n]));
  for (const na of (a.nodes ?? []).slice(0, 12)) {
    const nb = bNodes.get(na.id);
    if (!nb) continue;
    for (const [counter, va] of Object.entries(na.counters)) {
      const vb = nb.counters[counter];
      if (vb !== undefined) out.push({ node: na.name, counter, a: va, b: vb });
    }
  }
  return out;
}

export function comparisonMarkdown(a: ReportRun, b: ReportRun, lang: Lang = 'en'): string {
  const t = T[lang];
  const { rows, verdict } = compareRuns(a, b);
  const lines: string[] = [
    `# ${t.title}: A “${displayLabel(a, lang)}” · B “${displayLabel(b, lang)}”`,
    '',
    `${t.design}: ${a.design.name}${b.design.name !== a.design.name ? ` / ${b.design.name}` : ''}`,
    '',
    `## ${t.verdict}`,
    '',
    verdict[lang],
    '',
    `| ${t.figure} | A | B | B − A |`,
    '|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${cell(r.figure[lang])} | ${fmtValue(r.unit, r.a, lang)} | ${fmtValue(r.unit, r.b, lang)} | ${fmtDiff(r.unit, r.diff, lang)} |`,
    ),
    '',
    `## ${t.runs}`,
    '',
  ];
  for (const [name, r] of [
    ['A', a],
    ['B', b],
  ] as const) {
    const when = r.createdAt
      ? ` · ${new Date(r.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`
      : '';
    const book = r.priceBook ? ` · ${t.priceBook} ${r.priceBook}` : '';
    lines.push(
      `- **${name}** ${cell(r.label)} · ${t.seed} ${r.seed} · ${t.duration} ${fmtValue('sec', r.durationSec, lang)}${book}${when}`,
    );
  }
  const perNode = nodeRows(a, b);
  if (perNode.length > 0) {
    lines.push(
      '',
      `## ${t.perNode}`,
      '',
      `| Node | ${t.counter} | A | B | B − A |`,
      '|---|---|---:|---:|---:|',
    );
    for (const r of perNode)
      lines.push(
        `| ${cell(r.node)} | ${r.counter} | ${fmtValue('records', r.a)} | ${fmtValue('records', r.b)} | ${fmtDiff('records', r.b - r.a)} |`,
      );
  }
  lines.push('', `_${t.note}_`, '');
  return lines.join('\n');
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * Figures as raw numbers (`figure,unit,a,b,b_minus_a`), then, when given, the overlaid series as
 * `t_sec,a,b` (simulated seconds; an empty cell where a run has no point at that second).
 */
export function comparisonCsv(
  a: ReportRun,
  b: ReportRun,
  overlay?: { title: string; a?: HistorySeries; b?: HistorySeries; metric: string },
): string {
  const { rows } = compareRuns(a, b);
  const lines = ['figure,unit,a,b,b_minus_a'];
  for (const r of rows) lines.push([csvCell(r.figure.en), r.unit, r.a, r.b, r.diff].join(','));
  if (overlay) {
    lines.push('', `# ${csvCell(overlay.title)}`, 't_sec,a,b');
    for (const row of overlayRows(overlay.a, overlay.b, overlay.metric))
      lines.push([row.t, row.A ?? '', row.B ?? ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Rows `{ t, A, B }` of one metric of two runs on one time axis (simulated seconds). */
export function overlayRows(
  a: HistorySeries | undefined,
  b: HistorySeries | undefined,
  metric: string,
): { t: number; A: number | null; B: number | null }[] {
  const byT = new Map<number, { t: number; A: number | null; B: number | null }>();
  const add = (s: HistorySeries | undefined, key: 'A' | 'B') => {
    const col = s?.columns[metric];
    if (!s || !col) return;
    s.t.forEach((t, i) => {
      const row = byT.get(t) ?? { t, A: null, B: null };
      row[key] = col[i] ?? null;
      byT.set(t, row);
    });
  };
  add(a, 'A');
  add(b, 'B');
  return [...byT.values()].sort((x, y) => x.t - y.t);
}
